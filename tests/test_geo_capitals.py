"""Capitals named by their area: "the Somali capital", "the capital of Iraq", and "<that>'s airport"."""
from __future__ import annotations

import pytest

from geo import ROLE_PLACE, resolve
from geo.candidates import haversine_km
from geo.recognizer import find_places
from tests import geo_fixtures

gazetteer = geo_fixtures.gazetteer  # shared session fixture


def km(place, lat: float, lon: float) -> float:
    return haversine_km(place.lat, place.lon, lat, lon)


@pytest.mark.parametrize("phrase, lat, lon", [
    ("the Somali capital", 2.04, 45.34),            # Mogadishu
    ("the Afghan capital", 34.53, 69.17),           # Kabul
    ("the capital of Nigeria", 9.06, 7.50),         # Abuja
    ("Ukraine's capital", 50.45, 30.52),            # Kyiv
    ("the Kenyan capital city", -1.28, 36.82),      # Nairobi
    ("the U.S. capital", 38.90, -77.04),            # Washington
    ("the Kazakh capital", 51.18, 71.45),           # Astana, "Nur-Sultan" in the country data
    ("the Kurdish regional capital", 36.19, 44.01),  # a curated region's capital: Erbil
    ("the Helmand provincial capital", 31.59, 64.37),  # an admin-1 capital: Lashkar Gah
    ("the capital of Crimea", 44.95, 34.10),        # Simferopol
])
def test_a_capital_named_by_its_area_is_the_capital_city(gazetteer, phrase, lat, lon):
    place = resolve(phrase)
    assert place is not None and place.feature == "city"
    assert km(place, lat, lon) < 15 and place.geo_precision == 1


@pytest.mark.parametrize("phrase, lat, lon, precision", [
    ("the Somali capital's airport", 2.014, 45.305, 1),
    ("near the Somali capital's airport", 2.014, 45.305, 2),
    ("the airport of the Yemeni capital", 15.48, 44.22, 1),
    ("the Lebanese capital's airport", 33.82, 35.49, 1),
    ("Kenya's capital's airport", -1.32, 36.93, 1),
])
def test_the_airport_of_a_capital_is_its_main_airport(gazetteer, phrase, lat, lon, precision):
    place = resolve(phrase)
    assert place is not None and place.feature == "airport"
    assert km(place, lat, lon) < 5 and place.geo_precision == precision


@pytest.mark.parametrize("phrase", ["the capital", "the venture capital", "the Atlantis capital",
                                    "the capital of nowhere"])
def test_a_capital_of_no_known_area_is_not_made_up(gazetteer, phrase):
    place = resolve(phrase)
    assert place is None or place.feature != "city"


def test_the_capital_of_a_city_is_the_city(gazetteer):
    place = resolve("the Kurdish regional capital of Erbil")
    assert place is not None and km(place, 36.19, 44.01) < 15


@pytest.mark.parametrize("text, phrase, lat, lon, precision", [
    ("Gunmen stormed a hotel near the Libyan capital's airport late on Friday.",
     "near the Libyan capital's airport", 32.66, 13.16, 2),
    ("Mortars fell on the Syrian capital overnight.", "the Syrian capital", 33.51, 36.29, 1),
    ("Protesters marched through the capital of Sudan.", "the capital of Sudan", 15.55, 32.53, 1),
    ("The Malian capital was quiet after the coup.", "The Malian capital", 12.65, -8.0, 1),
    ("Flights to Alberta's capital city were cancelled.", "Alberta's capital city", 53.55, -113.47, 1),
])
def test_find_places_returns_the_whole_capital_phrase(gazetteer, text, phrase, lat, lon, precision):
    mentions = find_places(text, gazetteer=gazetteer)
    found = [m for m in mentions if m.text == phrase]
    assert found, [m.text for m in mentions]
    m = found[0]
    assert m.role == ROLE_PLACE and text[m.start:m.end] == phrase
    assert km(m.place, lat, lon) < 15 and m.place.geo_precision == precision
    assert not [n for n in mentions if m.start < n.start < m.end]  # its adjective is a part, not a mention
    assert m.extra["parts"], "the country name inside still counts as a toponym"

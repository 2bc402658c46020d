"""geo.find_places: the seed articles' place phrases, roles, offsets and bad input."""
from __future__ import annotations

import pytest
from shapely.geometry import Point

from geo import (
    ROLE_ADJECTIVAL,
    ROLE_DATELINE,
    ROLE_GOVERNMENT,
    ROLE_ORGANISATION,
    ROLE_PLACE,
    find_places,
)
from geo.candidates import haversine_km
from geo.recognizer import MAX_TEXT
from geo.shapes import country_shapes
from tests import geo_fixtures

gazetteer = geo_fixtures.gazetteer  # shared session fixture
seed_mentions = geo_fixtures.seed_mentions  # shared session fixture


def mention(seed_mentions, seed: str, phrase: str):
    """The one mention of a seed article whose text is exactly phrase."""
    found = [m for m in seed_mentions[seed][1] if m.text == phrase]
    assert found, f"{phrase!r} not found in seed {seed}: {[m.text for m in seed_mentions[seed][1]]}"
    return found[0]


def km(m, lat, lon):
    return haversine_km(m.place.lat, m.place.lon, lat, lon)


def test_offsets_point_at_the_mention_text(seed_mentions):
    for text, mentions in seed_mentions.values():
        assert mentions
        for m in mentions:
            assert text[m.start:m.end] == m.text


def test_seed_airports_are_the_airports(seed_mentions):
    arbil = mention(seed_mentions, "000", "the military part of the airport in Arbil")
    assert km(arbil, 36.2376, 43.9632) < 3 and arbil.place.geo_precision in (1, 2)
    erbil = mention(seed_mentions, "004", "Erbil International Airport")
    assert km(erbil, 36.2376, 43.9632) < 3 and erbil.place.geo_precision == 1
    baghdad = mention(seed_mentions, "000", "outside Baghdad airport")
    assert km(baghdad, 33.2625, 44.2346) < 3 and baghdad.place.geo_precision == 2


@pytest.mark.parametrize("seed, phrase", [
    ("000", "the Iraq-Syria border region"),
    ("001", "the Iraq-Syria border region"),
    ("003", "near the Iraq-Syria border region"),
    ("001", "near the Syria border"),
])
def test_seed_border_region_lies_along_the_iraq_syria_border(seed_mentions, seed, phrase):
    m = mention(seed_mentions, seed, phrase)
    shapes = country_shapes()
    shared = shapes["IQ"].boundary.intersection(shapes["SY"].boundary)
    assert m.role == ROLE_PLACE and m.place.geo_precision == 3
    assert shared.distance(Point(m.place.lon, m.place.lat)) * 111 < 75
    assert m.place.geometry is not None


def test_seed_eastern_syria_is_inside_syrias_east(seed_mentions):
    m = mention(seed_mentions, "004", "eastern Syria")
    syria = country_shapes()["SY"]
    minx, _, maxx, _ = syria.bounds
    assert syria.contains(Point(m.place.lon, m.place.lat)) and m.place.lon > (minx + maxx) / 2
    assert m.place.geo_precision == 3


def test_seed_north_of_baghdad_and_near_erbil(seed_mentions):
    north = mention(seed_mentions, "004", "north of Baghdad")
    assert north.place.geo_precision == 2 and km(north, 33.94, 44.36) < 100
    near = mention(seed_mentions, "000", "near the northern Iraqi city of Erbil")
    assert near.place.geo_precision == 2 and km(near, 36.19, 44.01) < 10


def test_seed_sana_washington_tehran_are_not_incident_places(seed_mentions):
    for seed in ("000", "001", "002"):
        sana = [m for m in seed_mentions[seed][1] if m.text.lower() == "sana"]
        assert sana and all(m.role == ROLE_ORGANISATION for m in sana)
        assert all(m.place is None or m.place.country_code != "YE" for m in sana)
    for seed in ("000", "001", "004"):
        metonyms = [m for m in seed_mentions[seed][1] if m.text in ("Washington", "Tehran")]
        assert metonyms and all(m.role == ROLE_GOVERNMENT for m in metonyms), \
            [(m.text, m.role) for m in metonyms]


def test_adjectival_forms_resolve_to_their_country():
    roles = {m.text: (m.role, m.place.country_code) for m in find_places(
        "Syrian forces and an Iraqi militia clashed with Iranian-backed fighters near Kirkuk.")}
    assert roles["Syrian"] == (ROLE_ADJECTIVAL, "SY")
    assert roles["Iraqi"] == (ROLE_ADJECTIVAL, "IQ")
    assert roles["Iranian"] == (ROLE_ADJECTIVAL, "IR")
    assert roles["near Kirkuk"][0] == ROLE_PLACE


@pytest.mark.parametrize("text, name", [
    ("BAGHDAD (Reuters) - Rockets hit a base in Anbar on Monday.", "BAGHDAD"),
    ("LONDON — British police said on Friday that two men were arrested in Leeds.", "LONDON"),
])
def test_datelines(text, name):
    first = find_places(text)[0]
    assert (first.text, first.role) == (name, ROLE_DATELINE) and first.place is not None
    assert any(m.role == ROLE_PLACE for m in find_places(text)[1:])


def test_metonyms_in_new_text_are_governments():
    text = ("Moscow warned on Tuesday that talks with Kyiv had stalled, and Paris's foreign policy "
            "shifted, while fighting went on in Kharkiv.")
    roles = {m.text: m.role for m in find_places(text)}
    assert roles["Moscow"] == ROLE_GOVERNMENT
    assert roles["Kyiv"] == ROLE_GOVERNMENT
    assert roles["Paris"] == ROLE_GOVERNMENT
    assert roles["Kharkiv"] == ROLE_PLACE


def test_compound_phrases_are_one_mention():
    text = ("Shelling hit 30 km south of Mosul, north of Baghdad, and the Lebanon-Israel border area; "
            "southern Lebanon was quiet.")
    phrases = [m.text for m in find_places(text)]
    assert "30 km south of Mosul" in phrases
    assert "north of Baghdad" in phrases
    assert "the Lebanon-Israel border area" in phrases
    assert "southern Lebanon" in phrases


def test_the_countrys_east_takes_the_country_of_the_text():
    text = "Syrian forces moved on Deir ez-Zor. Strikes in the country's east killed five."
    part = [m for m in find_places(text) if m.text == "the country's east"]
    assert part and part[0].place.country_code == "SY" and part[0].place.lon > 39


def test_the_country_is_the_one_named_last(seed_mentions):
    text, mentions = seed_mentions["000"]
    part = [m for m in mentions if m.text == "the country's east"]
    assert part and part[0].place.country_code == "SY"  # "... militias in Syria ... the country's east"


def test_persons_and_common_words_are_not_places():
    text = "Spokesman John Kirby said on Monday that President Joe Biden will meet Chen Li in May."
    assert [m.text for m in find_places(text)] == []


@pytest.mark.parametrize("text", ["", "   \n", "lower case words only here", "!!!@@@###", None, 12])
def test_empty_and_garbage_text_gives_no_mentions(text):
    assert find_places(text) == []


def test_huge_input_is_capped_not_failed(monkeypatch):
    monkeypatch.setattr("geo.recognizer.MAX_TEXT", 20_000)
    text = "Fighting in Aleppo. " * 5_000
    mentions = find_places(text)
    assert mentions and max(m.end for m in mentions) <= 20_000
    assert MAX_TEXT >= 1_000_000  # the real cap still takes a long article whole

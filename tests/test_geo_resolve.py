"""geo.resolve: spellings, airports and bases, admin areas, borders, directions, relative phrases."""
from __future__ import annotations

import math
from dataclasses import fields

import pytest
from shapely.geometry import Point, shape

from geo import Place, resolve
from geo.candidates import haversine_km
from geo.shapes import country_shapes
from tests import geo_fixtures

gazetteer = geo_fixtures.gazetteer  # shared session fixture


def km(place: Place, lat: float, lon: float) -> float:
    return haversine_km(place.lat, place.lon, lat, lon)


@pytest.mark.parametrize("spellings, lat, lon", [
    (["Erbil", "Arbil", "Irbil"], 36.19, 44.01),
    (["Abu Kamal", "Al-Bukamal", "Albu Kamal"], 34.45, 40.92),
    (["Deir ez-Zor", "Deir al-Zour", "Dayr az Zawr"], 35.34, 40.14),
    (["Al-Qaim", "al Qaim", "Al Qa'im"], 34.39, 40.99),
])
def test_spelling_variants_resolve_to_one_place(gazetteer, spellings, lat, lon):
    places = [resolve(s) for s in spellings]
    assert all(p is not None for p in places)
    assert all(km(p, lat, lon) < 40 for p in places), [(p.name, p.lat, p.lon) for p in places]


@pytest.mark.parametrize("phrase, lat, lon, precision", [
    ("Baghdad airport", 33.2625, 44.2346, 1),
    ("Erbil International Airport", 36.2376, 43.9632, 1),
    ("the airport in Arbil", 36.2376, 43.9632, 1),
    ("the military part of the airport in Arbil", 36.2376, 43.9632, 2),
    ("Ain al-Asad air base", 33.7856, 42.4412, 1),
    ("Camp Taji", 33.525, 44.256, 1),
    ("Bagram Air Base", 34.946, 69.265, 1),
    ("the Rabia border crossing", 36.80, 42.09, 1),
])
def test_airports_bases_and_crossings(gazetteer, phrase, lat, lon, precision):
    place = resolve(phrase)
    assert place is not None and km(place, lat, lon) < 5
    assert place.geo_precision == precision


def test_admin_areas_and_countries(gazetteer):
    anbar = resolve("Anbar province")
    assert anbar.feature == "admin1" and anbar.country_code == "IQ" and anbar.geo_precision == 3
    deir = resolve("Deir ez-Zor governorate")
    assert deir.country_code == "SY" and deir.geo_precision == 3 and deir.where_prec == 4
    syria = resolve("Syria")
    assert syria.feature == "country" and syria.where_prec == 6
    assert syria.geometry is None and syria.place_id == "163843"


@pytest.mark.parametrize("phrase, cc, lat, lon", [
    ("Herat province", "AF", 34.3, 62.2),
    ("Western Cape", "ZA", -33.6, 19.8),
    ("Borno state", "NG", 11.5, 13.0),
    ("Helmand", "AF", 31.0, 64.0),
])
def test_admin1_areas_of_other_countries(gazetteer, phrase, cc, lat, lon):
    place = resolve(phrase)
    assert place.feature == "admin1" and place.country_code == cc and place.geo_precision == 3
    assert km(place, lat, lon) < place.uncertainty_km


def test_a_bare_name_shared_by_a_city_and_its_province_is_the_city(gazetteer):
    assert resolve("Herat").feature == "city"
    assert resolve("Kirkuk").feature == "city"
    assert resolve("Kirkuk province").feature == "admin1"


def test_a_country_beats_a_village_of_the_same_name(gazetteer):
    assert resolve("Jordan").country_code == "JO"
    assert resolve("Jordan").feature == "country"


def test_context_settles_an_ambiguous_name(gazetteer):
    assert resolve("Tripoli", context=["LB"]).country_code == "LB"
    assert resolve("Tripoli", context=["LY"]).country_code == "LY"
    assert resolve("Tripoli", context="Fighting near Beirut and Sidon in Lebanon.").country_code == "LB"


def _shared_border(a: str, b: str):
    shapes = country_shapes()
    return shapes[a].boundary.intersection(shapes[b].boundary)


@pytest.mark.parametrize("phrase, pair", [
    ("the Iraq-Syria border region", ("IQ", "SY")),
    ("the Syrian-Iraqi border", ("IQ", "SY")),
    ("the Lebanon-Israel border", ("LB", "IL")),
    ("the Turkish-Syrian border", ("TR", "SY")),
    ("the border between Pakistan and Afghanistan", ("PK", "AF")),
    ("the Ukraine-Russia border area", ("UA", "RU")),
    ("the Colombian-Venezuelan border", ("CO", "VE")),
])
def test_border_regions_are_bands_along_the_shared_border(gazetteer, phrase, pair):
    place = resolve(phrase)
    assert place is not None and place.feature == "border"
    assert (place.geo_precision, place.where_prec) == (3, 5)
    shared = _shared_border(*pair)
    assert shared.distance(Point(place.lon, place.lat)) * 111 < 75
    band = shape(place.geometry)
    assert band.intersects(shared) and band.area < shape(country_shapes()[pair[0]]).area


def test_the_side_of_a_border_is_that_countrys_half_of_the_band(gazetteer):
    place = resolve("the Syrian side of the frontier", context=["IQ", "SY"])
    assert place.country_code == "SY" and place.feature == "border"
    band = shape(place.geometry)
    assert band.difference(country_shapes()["SY"].buffer(0.02)).area < 0.01 * band.area


def test_border_with_no_shared_boundary_is_none(gazetteer):
    assert resolve("the Iraq-Egypt border") is None


def test_a_one_country_border_takes_its_neighbour_from_context(gazetteer):
    place = resolve("near the Turkish border", context=["SY", "SY"])
    assert place is not None and place.place_id == "border:SY-TR"
    assert resolve("the Turkish border") is None  # no context: which border is unknowable


@pytest.mark.parametrize("phrase, cc, side", [
    ("eastern Syria", "SY", "east"),
    ("northern Iraq", "IQ", "north"),
    ("southern Lebanon", "LB", "south"),
    ("western Ukraine", "UA", "west"),
    ("north-eastern Nigeria", "NG", "northeast"),
    ("the north of Mali", "ML", "north"),
])
def test_directional_regions_lie_on_their_side_of_the_country(gazetteer, phrase, cc, side):
    place = resolve(phrase)
    assert place is not None and place.country_code == cc and place.geo_precision == 3
    country = country_shapes()[cc]
    minx, miny, maxx, maxy = max(getattr(country, "geoms", [country]), key=lambda g: g.area).bounds
    assert country.buffer(0.01).contains(Point(place.lon, place.lat))
    if "east" in side:
        assert place.lon > (minx + maxx) / 2
    if "west" in side:
        assert place.lon < (minx + maxx) / 2
    if "north" in side:
        assert place.lat > (miny + maxy) / 2
    if "south" in side:
        assert place.lat < (miny + maxy) / 2
    assert shape(place.geometry).area < country.area


def test_the_countrys_east_needs_the_country_from_context(gazetteer):
    place = resolve("the country's east", context=["SY"])
    assert place is not None and place.country_code == "SY" and place.lon > 39
    assert resolve("the country's east") is None


def test_relative_phrases(gazetteer):
    near = resolve("near Erbil")
    assert near.geo_precision == 2 and km(near, 36.19, 44.01) < 5 and near.uncertainty_km > 15
    north = resolve("north of Baghdad")
    assert north.geo_precision == 2 and km(north, 33.94, 44.36) < 100 and north.lat > 33.5
    south = resolve("30 km south of Mosul")
    assert abs(km(south, 36.34, 43.13) - 30) < 3 and south.lat < 36.34
    outside = resolve("outside Baghdad airport")
    assert outside.geo_precision == 2 and km(outside, 33.2625, 44.2346) < 3
    miles = resolve("20 miles west of Kabul")
    assert abs(km(miles, 34.53, 69.17) - 32) < 4 and miles.lon < 69.17


@pytest.mark.parametrize("phrase", [
    "", "   ", "Qwxzzyplk", "the Xyzzy-Plugh border", "north of Nowhereville", "eastern Qwxzzyland",
    "!!!???", "a" * 100_000, "near " * 5000, None, 42,
])
def test_unknown_empty_huge_and_garbage_input_gives_none(gazetteer, phrase):
    assert resolve(phrase) is None


def test_every_place_carries_every_field(gazetteer):
    names = [f.name for f in fields(Place)]
    for phrase in ["Erbil", "eastern Syria", "the Iraq-Syria border region", "north of Baghdad", "Iraq"]:
        place = resolve(phrase).to_dict()
        assert set(names) <= set(place)
        assert isinstance(place["country_code"], str) and len(place["country_code"]) == 2
        assert place["method"] and not math.isnan(place["lat"]) and place["uncertainty_km"] > 0

"""The place step (incidents.places): which place phrases are an incident's place, in made-up wording."""

from __future__ import annotations

import pytest

import geo
from incidents import places


def refs(fn, text):
    return fn(text, 0, geo.find_places(text), [])


def test_a_border_between_two_towns_of_one_country_lies_between_them():
    [m] = refs(places.border_refs, "Troops clashed with rebels on the Sukma-Bijapur border on Monday.")
    sukma, bijapur = geo.resolve("Sukma"), geo.resolve("Bijapur")
    p = m.place
    assert m.text == "Sukma-Bijapur border"
    assert min(sukma.lat, bijapur.lat) < p.lat < max(sukma.lat, bijapur.lat)
    assert min(sukma.lon, bijapur.lon) < p.lon < max(sukma.lon, bijapur.lon)
    assert p.geo_precision == 2 and p.country_code == "IN"
    # wide enough to hold both ends, narrower than the state
    assert p.uncertainty_km >= geo.distance_km(sukma, bijapur) / 2


def test_two_towns_joined_by_a_hyphen_without_a_border_word_are_no_border():
    assert refs(places.border_refs, "The Sukma-Bijapur road was closed on Monday.") == []


def test_two_countries_border_is_left_to_geo():
    assert refs(places.border_refs, "Shells fell along the Iraq-Syria border on Monday.") == []


def test_the_jungles_of_a_state_are_in_that_state_even_misspelt():
    [m] = refs(places.terrain_refs, "Police found the bodies in the jungles of Chattisgarh Sunday morning.")
    assert m.place.name == "Chhattisgarh" and m.text == "the jungles of Chattisgarh"


def test_the_forest_near_a_town_is_near_it():
    [m] = refs(places.terrain_refs, "The hostages were held in the forests near Sukma for a week.")
    assert m.place.geo_precision == 2


@pytest.mark.parametrize(
    ("text", "scene"),
    [
        ("Reporters reached Kanker, where the gunfight took place, at noon.", True),
        ("Reporters reached Kanker, where the bomb went off, at noon.", True),
        ("Reporters reached Kanker, where they met the mayor.", False),
    ],
)
def test_a_where_clause_ties_the_place_to_the_event(text, scene):
    assert places.names_the_scene(text, text.index(",")) is scene


@pytest.mark.parametrize(
    "text",
    [
        "The general will proceed to the conflict zone of Jagdalpur.",
        "The wounded were taken to a hospital in Nagpur.",
    ],
)
def test_where_someone_went_is_no_place_of_the_event(text):
    [m] = [g for g in geo.find_places(text) if g.role == "place"]
    assert not places.locative(text, m)

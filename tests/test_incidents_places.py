"""The place step (incidents.places): which place phrases are an incident's place, in made-up wording."""

from __future__ import annotations

import pytest

import geo
from incidents import places


def refs(fn, text):
    return fn(text, 0, geo.find_places(text), [])


def test_a_border_between_two_towns_of_one_country_lies_between_them():
    [m] = refs(places.border_refs, "Troops clashed with rebels on the Malkangiri-Koraput border on Monday.")
    one, two = geo.resolve("Malkangiri"), geo.resolve("Koraput")
    p = m.place
    assert m.text == "Malkangiri-Koraput border"
    assert min(one.lat, two.lat) < p.lat < max(one.lat, two.lat)
    assert min(one.lon, two.lon) < p.lon < max(one.lon, two.lon)
    assert p.geo_precision == 2 and p.country_code == "IN"
    # wide enough to hold both ends
    assert p.uncertainty_km >= geo.distance_km(one, two) / 2


def test_two_towns_joined_by_a_hyphen_without_a_border_word_are_no_border():
    assert refs(places.border_refs, "The Malkangiri-Koraput road was closed on Monday.") == []


def test_two_countries_border_is_left_to_geo():
    assert refs(places.border_refs, "Shells fell along the Iraq-Syria border on Monday.") == []


def test_the_jungles_of_a_state_geo_did_not_read_are_in_that_state():
    # (as when geo's recogniser misses a misspelt name that its resolver still knows)
    text = "Police found the bodies in the jungles of Odisha Sunday morning."
    [m] = places.terrain_refs(text, 0, [], [])
    assert m.place.name == "Odisha" and m.text == "the jungles of Odisha"


def test_the_forest_near_a_town_is_near_it():
    [m] = places.terrain_refs("The hostages were held in the forests near Koraput for a week.", 0, [], [])
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


@pytest.mark.parametrize(
    "text",
    [
        "Nine wounded villagers were receiving treatment at a hospital in Kanker on Monday.",
        "Two of the wounded later died of their injuries at a hospital in Kanker.",
        "The officer succumbed to his wounds in Kanker.",
        "The injured were airlifted to the district hospital in Kanker.",
    ],
)
def test_where_the_wounded_are_treated_is_no_place_of_the_event(text):
    [m] = [g for g in geo.find_places(text) if g.role == "place"]
    assert not places.locative(text, m)


def test_a_hospital_that_was_struck_is_the_place_of_the_event():
    text = "An air strike hit a hospital in Kanker on Monday."
    [m] = [g for g in geo.find_places(text) if g.role == "place"]
    assert places.locative(text, m)


def test_a_province_named_with_its_unit_in_lower_case_is_the_province():
    [m] = refs(places.admin_refs, "The strikes hit a busy market in Hajja province on Thursday.")
    assert m.place.geo_precision == 3 and m.place.country_code == "YE"


@pytest.mark.parametrize(
    "text",
    [
        "The wounded were rushed to hospitals in Kanker.",
        "Three of them died of their wounds at a hospital in Kanker.",
    ],
)
def test_where_the_wounded_were_taken_or_died_in_hospital_is_no_place_of_the_event(text):
    [m] = [g for g in geo.find_places(text) if g.role == "place"]
    assert not places.locative(text, m)


def test_a_hospital_stormed_by_gunmen_is_the_place_of_the_event():
    text = "Two nurses died when gunmen stormed a hospital in Kanker."
    [m] = [g for g in geo.find_places(text) if g.role == "place"]
    assert places.locative(text, m)


@pytest.mark.parametrize(
    "text",
    [
        "Militants ambushed a convoy on the road to Afgooye on Monday.",
        "Militants ambushed a convoy on the highway from Afgooye to Marka on Monday.",
    ],
)
def test_a_road_to_a_town_is_near_the_town_not_in_it(text):
    [m] = places.road_refs(text, 0, [])
    assert m.place.name == "near Afgooye" and m.place.geo_precision == 2


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed four farmers on the outskirts of Kanker on Monday.",
        "Gunmen killed four farmers, in the vicinity of Kanker, on Monday.",
        "Gunmen killed four farmers not far from Kanker on Monday.",
    ],
)
def test_a_relation_geo_keeps_inside_the_mention_makes_it_a_location(text):
    # (geo reads "on the outskirts of X" as one mention, the relation its first words: nothing before it
    # need say "in" for it to be where the violence was)
    [m] = [g for g in geo.find_places(text) if g.role == "place"]
    assert places.locative(text, m)


def test_an_undated_lead_placed_only_on_a_towns_outskirts_makes_its_report(article_of):
    from incidents.pipeline import extract_reports

    text = (
        "Chapel attack leaves a dozen dead\n\n"
        "A bomber blew himself up inside a chapel in Foo’a, on the outskirts of Kanker, on Sunday, "
        "killing at least 12 worshippers, officials said. "
        "A monitoring group put the toll at 14."
    )
    [r] = extract_reports(article_of(text, published=None))
    assert r.place.geo_precision == 2 and "Kanker" in r.place.name
    assert sorted(c.killed_low for c in r.claims) == [12, 14]


def test_a_district_the_text_names_is_the_district_where_geo_read_only_its_town():
    text = '"Jets hit a crowded gathering in Qusayr district," a witness said.'
    [m] = refs(places.admin_refs, text)
    assert m.place.feature == "admin2" and m.place.name == geo.resolve("Qusayr district").name

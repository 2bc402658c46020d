"""Two recognition rules for running text: a country's or a province's possessive is the container of the
name after it, and a short acronym in capitals is a city only where it is that city's own name."""

from __future__ import annotations

import pytest

from geo import find_places
from tests import geo_fixtures

gazetteer = geo_fixtures.gazetteer  # shared session fixture


def placed(text: str) -> dict[str, str]:
    found = find_places(text)
    return {m.text: m.place.country_code for m in found if m.place is not None and m.role == "place"}


@pytest.mark.parametrize(
    ("text", "town", "cc"),
    [
        ("Gunmen killed nine traders in Sierra Leone's Kenema on Monday.", "Kenema", "SL"),
        ("A roadside bomb hit a convoy in Mali's Douentza.", "Douentza", "ML"),
        ("Insurgents raided a camp near Nigeria's Bama overnight.", "Bama", "NG"),
        ("Jets struck a market in Afghanistan's Khost on Friday.", "Khost", "AF"),
    ],
)
def test_a_town_after_a_countrys_possessive_is_read_in_that_country(gazetteer, text, town, cc):
    """"in C's X" locates X as "in X, C" does, however small X is and whatever capitalised word precedes."""
    assert placed(text).get(town) == cc


def test_a_persons_possessive_is_still_no_container(gazetteer):
    # a given name's possessive beside a small town's name: the town is not admitted by it
    assert "Douentza" not in placed("The singer spoke about Ahmed's Douentza childhood.")


@pytest.mark.parametrize(
    "text",
    [
        "Police searched the offices of the PKK after the blast.",
        "Fighters of the SLA gathered near the camp.",
        "The UNP and the SLFP traded blame after the riot.",
    ],
)
def test_a_party_acronym_is_no_city_through_an_alternate_name(gazetteer, text):
    assert placed(text) == {}


def test_a_city_written_in_capitals_in_a_headline_is_still_that_city(gazetteer):
    assert placed("BLAST IN GAO KILLS SEVEN").get("GAO") == "ML"
    assert set(placed("Talks between the DRC and the UAE stalled.").values()) == {"CD", "AE"}

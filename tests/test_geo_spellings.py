"""Names as news copy writes them, found in the generality pass (no per-name rules)."""

from __future__ import annotations

import pytest

import geo


def first(text):
    found = [p for p in geo.find_places(text) if p.place is not None]
    return found[0] if found else None


@pytest.mark.parametrize(
    "text, name, cc",
    [
        ("Shelling hit Kupiansk on Monday.", "Kupyansk", "UA"),  # Ukraine's national romanisation
        ("A bomb exploded in Mazar-e-Sharif on Thursday.", "Mazār-e Sharīf", "AF"),  # izafe
        ("A bomb exploded in Mazar-i-Sharif on Thursday.", "Mazār-e Sharīf", "AF"),
    ],
)
def test_spelling_variants(text, name, cc):
    m = first(text)
    assert m is not None and (m.place.name, m.place.country_code) == (name, cc)


@pytest.mark.parametrize(
    "text, precision",
    [
        ("Militants attacked a checkpoint near the town of Djibo on Sunday.", 2),
        ("Fighting raged around the town of Sake last week.", 2),
        ("Gunmen raided a village in Gwoza Local Government Area on Saturday.", 3),
    ],
)
def test_relations_and_second_level_areas(text, precision):
    m = first(text)
    assert m is not None and m.place.geo_precision == precision


def test_an_ambiguous_name_does_not_vote_for_its_own_reading():
    m = first("Israeli forces raided the Jenin refugee camp in the occupied West Bank on Tuesday.")
    found = [
        p
        for p in geo.find_places("Israeli forces raided Jenin in the occupied West Bank.")
        if p.text == "Jenin"
    ]
    assert found and found[0].place.country_code == "PS" and m is not None


def test_a_town_named_like_its_province_is_the_town_when_called_a_town():
    place = geo.resolve("the southern Lebanese town of Nabatieh")
    assert place is not None and place.feature == "city" and place.geo_precision == 1

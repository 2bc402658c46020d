"""Attributive country names: "US personnel", "Iraq war veterans" say whose or which, not where."""
from __future__ import annotations

import pytest

from geo import ROLE_ADJECTIVAL, ROLE_PLACE
from geo.recognizer import find_places
from geo.roles import is_attributive
from tests import geo_fixtures

gazetteer = geo_fixtures.gazetteer  # shared session fixture


def role_of_name(text: str, name: str, gazetteer) -> tuple[str, str | None]:
    """(role, country code) of the one mention of a text whose text is name."""
    found = [m for m in find_places(text, gazetteer=gazetteer) if m.text == name]
    assert len(found) == 1, [m.text for m in find_places(text, gazetteer=gazetteer)]
    return found[0].role, found[0].place.country_code if found[0].place else None


@pytest.mark.parametrize("text, name, cc", [
    ("Two mortar rounds landed near a UK military camp outside Kandahar.", "UK", "GB"),
    ("Afghanistan war veterans gathered outside the ministry.", "Afghanistan", "AF"),
    ("The French government condemned it, and the Germany office closed early.", "Germany", "DE"),
    ("Police said Nigeria army units were moved to Maiduguri overnight.", "Nigeria", "NG"),
    ("The US drone strikes targeted a compound in Somalia.", "US", "US"),
    ("Several Mali peacekeeping posts were shelled on Friday.", "Mali", "ML"),
    ("A Canada embassy spokesman declined to comment.", "Canada", "CA"),
    ("Three U.S. soldiers were wounded in the ambush.", "U.S.", "US"),
    ("The convoy carried Turkey aid workers across the frontier.", "Turkey", "TR"),
])
def test_a_country_modifying_a_lowercase_noun_is_adjectival(gazetteer, text, name, cc):
    assert role_of_name(text, name, gazetteer) == (ROLE_ADJECTIVAL, cc)


@pytest.mark.parametrize("text, name", [
    ("Fighting in Yemen last week displaced thousands.", "Yemen"),
    ("Troops were sent to Mali on Monday.", "Mali"),
    ("Clashes spread across Libya and Chad in March.", "Libya"),
    ("Heavy rain hit Kenya yesterday.", "Kenya"),
    ("Shelling in Ukraine continues.", "Ukraine"),
    ("Aid groups say Sudan faces famine.", "Sudan"),
    ("The attack on Pakistan soil drew protests.", "Pakistan"),
    ("Gunmen in Nigeria killed 12 villagers.", "Nigeria"),
    ("Militants in Somalia reportedly seized the town.", "Somalia"),
    ("How can Ethiopia respond?", "Ethiopia"),
    ("Raids in Kenya and Somalia hit al-Shabaab camps", "Somalia"),  # the second of a located pair
])
def test_a_country_followed_by_a_non_noun_stays_a_place(gazetteer, text, name):
    assert role_of_name(text, name, gazetteer)[0] == ROLE_PLACE


@pytest.mark.parametrize("text, name, expected", [
    ("Venezuela oil exports fell", "Venezuela", True),
    ("Vietnam sees Russia as a partner", "Vietnam", False),   # a verb in -s with an object
    ("the US strikes targeted depots", "US", True),           # a noun in -s before a verb
    ("Iran exported oil", "Iran", False),                     # a past tense
    ("Chile copper prices", "Chile", True),
    ("Egypt quickly agreed", "Egypt", False),                 # an adverb
    ("Peru since 2014", "Peru", False),                       # a function word
    ("Saudi Arabia buy 180 howitzers", "Saudi Arabia", False),  # a verb before a number
    ("Will UK forces stay?", "UK", True),                     # a noun in -s after a modal
])
def test_is_attributive_reads_the_word_after_the_name(text, name, expected):
    start = text.index(name)
    assert is_attributive(text, start, start + len(name)) is expected


def test_attributive_countries_still_count_as_toponyms(gazetteer):
    from geo.__main__ import toponyms

    text = "Rockets struck a Kenya police post near Mandera."
    mentions = find_places(text, gazetteer=gazetteer)
    spans = {(t["start"], t["end"]) for t in toponyms(mentions)}
    start = text.index("Kenya")
    assert (start, start + len("Kenya")) in spans

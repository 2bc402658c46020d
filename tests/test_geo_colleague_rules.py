"""General rules found from a colleague's cases: parts of seas, dateline heads, curated spellings after a
locative preposition, armed groups named like places, and villages abroad under a declared country."""
from __future__ import annotations

import pytest

from geo import ROLE_DATELINE, ROLE_PLACE, find_places, resolve


def mentions(text: str) -> dict[str, object]:
    return {m.text: m for m in find_places(text)}


# -- 1. a direction and a sea: part of the sea, not an admin area named after it --------------------
@pytest.mark.parametrize("phrase", ["the southern Red Sea", "southern Red Sea", "the northern Gulf",
                                    "the eastern Mediterranean", "the western Black Sea",
                                    "the northern Red Sea", "the southern Caspian"])
def test_direction_and_sea_is_part_of_the_sea(phrase):
    place = resolve(phrase)
    assert place is not None
    assert place.feature == "sea" and place.country_code is None and place.where_prec == 7


def test_admin_area_named_after_a_sea_still_resolves_with_its_noun():
    place = resolve("Southern Red Sea region")
    assert place is not None and place.country_code == "ER"


@pytest.mark.parametrize("text, phrase", [
    ("A bulk carrier was struck by a missile in the southern Red Sea on Tuesday.", "the southern Red Sea"),
    ("Turkish jets patrolled over the eastern Mediterranean.", "the eastern Mediterranean"),
    ("A Ukrainian drone hit a Russian patrol boat in the western Black Sea.", "the western Black Sea"),
])
def test_direction_and_sea_in_running_text(text, phrase):
    m = mentions(text)[phrase]
    assert m.role == ROLE_PLACE and m.place.feature == "sea" and m.place.country_code is None


# -- 2. dateline heads: every place before the dash is where the reporter sat ---------------------
@pytest.mark.parametrize("text, heads, incident", [
    ("DUBAI/LONDON, March 6 (Reuters) - A tanker was attacked off Hodeidah, officials said.",
     ["DUBAI", "LONDON"], "Hodeidah"),
    ("ERBIL, Kurdistan Region - A drone struck a base outside Kirkuk on Sunday.",
     ["ERBIL", "Kurdistan Region"], "outside Kirkuk"),
    ("TAMPA, Fla. – A man was shot dead in Orlando on Friday, police said.", ["TAMPA", "Fla."], "Orlando"),
    ("NAIROBI/MOGADISHU, 12 May (AFP) — Al-Shabaab fighters attacked a base in Baidoa.",
     ["NAIROBI", "MOGADISHU"], "Baidoa"),
    ("Headline about a raid\nKYIV/WARSAW, Jan. 4 (Reuters) - Missiles hit Kharkiv overnight.",
     ["KYIV", "WARSAW"], "Kharkiv"),
])
def test_dateline_heads(text, heads, incident):
    m = mentions(text)
    for head in heads:
        assert m[head].role == ROLE_DATELINE, (head, m[head].role)
    assert m[incident].role == ROLE_PLACE


def test_upper_case_name_in_running_text_is_no_dateline():
    m = mentions("Officials said the strike on MOSUL - the city's old town - killed two.")
    assert all(x.role != ROLE_DATELINE for x in m.values())


# -- 3. a curated spelling after a locative preposition -------------------------------------------
@pytest.mark.parametrize("text, phrase, cc", [
    ("Clashes continued in Kobani on Tuesday, activists said.", "Kobani", "SY"),
    ("Fighters withdrew from Kobane after the ceasefire.", "Kobane", "SY"),
])
def test_curated_spelling_after_locative(text, phrase, cc):
    m = mentions(text)[phrase]
    assert m.role == ROLE_PLACE and m.place.country_code == cc


# -- 4. armed groups and parties named like places ------------------------------------------------
@pytest.mark.parametrize("text, group", [
    ("Hamas deputy leader Saleh al-Arouri was killed in Beirut.", "Hamas"),
    ("Taliban fighters seized a checkpoint near Kandahar.", "Taliban"),
    ("Wagner mercenaries were seen near Bamako, witnesses said.", "Wagner"),
    ("Amal and Hezbollah supporters rallied in Tyre.", "Amal"),
    ("Fatah officials met in Ramallah while Houthis fired at ships.", "Fatah"),
])
def test_armed_groups_are_not_places(text, group):
    assert group not in mentions(text)
    assert resolve(group) is None


# -- 5. a village abroad with a declared country that has no such name ----------------------------
@pytest.mark.parametrize("phrase, countries", [("Meron", ["IL"]), ("Meron", ["Israel"]), ("Lido", ["SO"])])
def test_village_abroad_is_dropped_under_a_declared_country(phrase, countries):
    assert resolve(phrase, context=countries) is None


@pytest.mark.parametrize("phrase, countries, cc", [
    ("Springfield", ["US"], "US"),   # the declared country has the name
    ("Hamburg", ["PL"], "DE"),       # a big city abroad stays
])
def test_declared_country_keeps_its_own_and_big_places(phrase, countries, cc):
    place = resolve(phrase, context=countries)
    assert place is not None and place.country_code == cc

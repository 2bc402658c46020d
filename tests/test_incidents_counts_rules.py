"""Counts, speakers and attackers told in less common words, one general rule each.

Every sentence is made up for its pattern (places and figures invented): the
rules must hold for the pattern, not for any article's string.
"""

from __future__ import annotations

import pytest

from incidents import actors, events, sources
from incidents.casualties import figures


def killed(sentence: str) -> list[tuple[int | None, int | None]]:
    return [(f.low, f.high) for f in figures(sentence) if f.kind == "killed"]


def test_the_dead_a_funeral_honours_are_no_toll_of_the_attack():
    s = "Shells fell on a hall where mourners met for the burial of two officers killed in May, killing 17."
    assert killed(s) == [(17, 17)]
    s = "A drone hit the memorial service for a teacher killed in spring; nine people died."
    assert killed(s) == [(9, 9)]
    # the dead of the event itself still count
    assert killed("Three guards were killed and their funeral was held on Friday.") == [(3, 3)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Altogether 23 lives were lost in the ambush.", [(23, 23)]),
        ("Some 60 lives have been lost since dawn in the town.", [(60, 60)]),
        ("The raid claimed nine lives.", [(9, 9)]),
        ("Eleven passengers perished when the coach burned.", [(11, 11)]),
        ("Bandits kill 14 in raid on market", [(14, 14)]),
        ("Ferry blast toll climbs to 31", [(31, 31)]),
    ],
)
def test_deaths_told_without_the_word_killed(sentence, expected):
    assert killed(sentence) == expected


def test_an_intent_to_kill_is_no_count():
    assert killed("The gang threatened to kill 20 hostages.") == []
    assert killed("Medics risked their lives to reach the wounded.") == []


def test_lives_taken_are_not_words_spoken():
    s = "Rebel fighters claimed 8 lives in the raid, the mayor said."
    found = sources.mentions(s) + sources.speakers(s, sources.mentions(s))
    assert sources.attribute(s, s.index("8"), found).canonical == "mayor"


def _speaker(sentence: str, at: str) -> str:
    found = sources.mentions(sentence)
    found += sources.speakers(sentence, found)
    return sources.attribute(sentence, sentence.index(at), found).canonical


def test_a_coordinated_reporting_verb_shares_the_clause_subject():
    s = "Relatives of the miners dispute the number released by the police and say 70 workers are dead."
    assert _speaker(s, "70") == "Relatives of the miners"
    s = "The survivors' association disputed figures issued by the army and said at least 90 died."
    assert _speaker(s, "90") == "survivors' association"


def test_a_weapon_a_vehicle_or_a_place_never_speaks():
    for s in (
        "The shell killed four, the rocket reported.",
        "A lorry carrying labourers received a direct hit, killing six.",
        "Six people were killed, the village said.",
    ):
        assert _speaker(s, s.split()[1] if "lorry" not in s else "six") == "unattributed", s
    assert sources.a_thing("the cargo train") and not sources.a_thing("the train operator")


def test_a_business_named_by_its_head_noun_speaks():
    s = "The national grid utility said 15 technicians were killed."
    assert _speaker(s, "15") == "national grid utility"
    s = "Eight people died, the head of the bus corporation told reporters."
    assert _speaker(s, "Eight") == "head of the bus corporation"


@pytest.mark.parametrize(
    "sentence",
    [
        "Insurgents derailed a freight train with explosives near the pass.",
        "A bomb derailed the night express outside the junction.",
        "A bomb tore through the crowded ferry terminal.",
    ],
)
def test_a_derailment_or_blast_by_explosives_is_a_bomb_attack(sentence):
    assert [m.key for m in events.find_mentions(sentence)] == ["ied"]


def test_an_accidental_derailment_is_no_attack():
    assert events.find_mentions("The freight train derailed after heavy rain.") == []


def test_a_military_governments_guns_are_its_forces():
    shelling = "Shelling/artillery/missile attack"
    assert actors.state_attack("A junta rocket landed on the school.", shelling)
    assert actors.state_attack("The regime's artillery pounded the town.", shelling)
    assert actors.state_attack("Junta aircraft bombed the market.", "Air/drone strike")
    assert not actors.state_attack("Rebels fired rockets at the base.", shelling)


def test_a_range_a_witness_gives_is_low_and_high():
    s = "From 30 to 60 pilgrims were killed, one witness said."
    assert killed(s) == [(30, 60)]
    assert _speaker(s, "30") == "local sources"  # (data/sources.csv: a witness is a local source)

"""Event classes, actor names and the event's day: general rules, each in made-up wording.

No sentence here comes from a development or held-out article; each is an instance
of a class of wording real copy uses, written for the test.
"""

from __future__ import annotations

from datetime import date

import pytest

from incidents import dates, events, summary
from incidents.ingest import article_from_text
from incidents.model import Incident
from incidents.pipeline import extract_reports


def reports(text, published="2023-05-10", title=None):
    return extract_reports(article_from_text(text, published=published, title=title))


def row(*texts, published="2023-05-10"):
    rs = [r for t in texts for r in reports(t, published)]
    return summary.incident_row(Incident("inc-test", rs))


# -- the event lexicon: classes of verbs and nouns that tell an attack --------------------


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        ("A man blew himself up at the gate of a court in Quetta, killing six.", "Suicide bomb"),
        (
            "The attacker detonated an explosive belt at a checkpoint near Kandahar, killing four.",
            "Suicide bomb",
        ),
        ("Helicopters dropped barrel bombs on a bakery in Aleppo, killing 11 people.", "Air/drone strike"),
        ("Someone hurled a grenade into a crowded bar in Kampala, killing two patrons.", "Grenade"),
        ("Militants set off a device beside a bus on the road outside Bannu, killing five.", None),
        ("A device hidden in a cart went off at a fruit market in Mosul, killing seven.", None),
        ("A booby-trapped motorcycle exploded outside a mosque in Kirkuk, killing three.", None),
        (
            "Fighters rammed an explosives-laden truck into an army post near Gao, killing nine soldiers.",
            None,
        ),
        ("Men on motorbikes gunned down eight farmers near Maiduguri.", "Attack"),
        ("A stabbing at a railway station in Marseille left two passengers dead.", "Attack"),
    ],
)
def test_an_attack_said_by_a_verb_or_noun_of_its_class_makes_an_incident(sentence, sub_type):
    [r] = reports(sentence)
    assert r.event_type
    if sub_type is None:
        assert r.sub_event_type in ("Remote explosive/landmine/IED", "Suicide bomb")
    else:
        assert r.sub_event_type == sub_type


def test_a_device_or_a_charge_in_another_sense_is_no_bomb():
    assert events.find_mentions("The court filed charges against the mayor and seized a device.") == []


# -- actors ---------------------------------------------------------------------------------


def test_a_lower_case_air_force_of_another_country_is_not_the_united_states():
    r = row("The air force bombed a market in Zamfara state on Monday, killing 14 people, residents said.")
    assert "US forces" not in r["actor1"]


def test_one_state_named_by_its_adjective_and_by_its_name_is_one_actor():
    r = row(
        "Ruritanian forces shelled the town of Kharkiv on Monday, killing four civilians. "
        "The shells were fired by Russia, the governor said."
    )
    names = [a.strip() for a in r["actor1"].split(";")]
    assert len(names) == 1
    assert summary._one_state_once(["Kenyan forces", "Kenya armed forces", "al-Shabaab"]) == [
        "Kenya armed forces",
        "Kenya armed forces",
        "al-Shabaab",
    ]


# -- places: the dateline, and a clause that tells an earlier event ---------------------------


def test_the_dateline_city_is_not_the_town_once_the_text_names_another_country():
    [r] = reports(
        "ACCRA, Ghana (AP) — Militants ambushed a patrol in Togo's far north on Friday, killing six "
        "soldiers, officials said. The ambush happened near the town, a resident said."
    )
    assert r.place is not None and r.place.country_code == "TG"


def test_the_dateline_city_is_still_the_city_a_story_filed_from_it_means():
    [r] = reports(
        "KABUL (Reuters) - A bomb went off at a crowded bus stop in the city on Monday, killing nine."
    )
    assert r.place is not None and r.place.name.startswith("Kabul")


def test_a_clause_measured_from_by_weeks_after_tells_an_earlier_event_not_this_ones_place_or_attacker():
    [r] = reports(
        "Insurgents overran an army outpost on Sunday, killing 11 soldiers, the army said. "
        "The raid came two weeks after Ethiopian troops shot dead four herders near Dolo."
    )
    assert r.place is None or "Dolo" not in r.place.name
    assert not any("Ethiopia" in a for a in r.actor1)
    [m] = [m for m in events.find_mentions("It came two weeks after Ethiopian troops killed four men.")]
    assert m.background
    [m] = events.find_mentions("It came two weeks after the massacre in the valley.")
    assert not m.background  # a definite event: it may be the article's own


def test_a_passive_clause_measured_from_tells_an_earlier_event_whatever_its_determiner():
    """"came a week after the mayor of X, a veteran, was abducted in Y": that abduction is background,
    and the article's attack keeps its own place and type."""
    text = (
        "Gunmen attacked a mosque in Kano on Friday, killing 14 worshippers, police said. "
        "The attack came barely a week after the chairman of a farmers' union, a former senator, "
        "was abducted in Zamfara State by armed men."
    )
    rs = reports(text)
    assert [r.sub_event_type for r in rs] == ["Attack"]
    assert rs[0].place is not None and rs[0].place.admin1 != "Zamfara"
    [m] = events.find_mentions("It came days after the head of the council, a lawyer, was kidnapped.")
    assert m.background
    [m] = events.find_mentions("Days after the bombing, police arrested two men.")
    assert not m.background  # no clause of its own: a definite "after the bombing" may be this event


# -- who attacked, who was hit ---------------------------------------------------------------


def test_a_qualifier_that_opens_the_sentence_is_no_group_name():
    r = row("Presumed jihadists killed nine herders near a well in Tillaberi on Saturday, officials said.")
    assert "Presumed" not in r["actor1"]
    r = row("Suspected Ansaru fighters killed nine herders in Tillaberi on Saturday, officials said.")
    assert "Ansaru" in r["actor1"] and "Suspected" not in r["actor1"]


@pytest.mark.parametrize(
    "text",
    [
        "Fighter jets bombed a monastery in Magway region on Friday, killing 17 monks, residents said. "
        "The junta denied it had hit a religious site.",
        "An air raid on a camp for displaced people in Kachin state on Friday killed 17, residents said. "
        "The country's military government has relied on its air force since the coup.",
    ],
)
def test_an_air_strike_of_a_state_whose_own_aircraft_the_text_names_is_the_states_forces(text):
    r = row(text)
    assert r["actor1"] == "Myanmar armed forces"


def test_an_air_strike_with_no_word_for_a_states_aircraft_keeps_no_attacker():
    r = row("An air strike on a clinic in Marib province on Friday killed six people, medics said.")
    assert r["actor1"] == ""


def test_the_attackers_label_for_those_it_hit_is_not_the_target():
    r = row("The army said its jets bombed an insurgent camp near Dikwa on Friday, killing 25 terrorists.")
    assert "errorist" not in r["actor2"]


def test_one_member_of_a_force_among_civilians_killed_does_not_make_the_force_the_target():
    r = row(
        "Gunmen attacked a funeral in Katsina on Friday, killing 15 mourners and a policeman, police said."
    )
    assert r["actor2"] == "Civilians"
    r = row("Gunmen attacked a funeral in Katsina on Friday, killing 15 mourners and three policemen.")
    assert "Nigeria police" in r["actor2"]


def test_a_weapon_that_killed_after_a_long_phrase_of_place_and_time_is_the_event():
    [r] = reports("A bomb hidden at a bus stop in central Kano on Friday evening killed 12 commuters.")
    assert r.sub_event_type == "Remote explosive/landmine/IED"


# -- the day a sentence gives belongs to its clause -------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of dead from the ferry fire in the delta climbed to 41 by Thursday, the coastguard said.",
        "The death toll in the dam bombing stood at 41 as of Thursday evening.",
        "On Thursday, the toll from the ambush on the convoy reached 41, medics said.",
    ],
)
def test_the_day_a_toll_stood_or_rose_is_the_tolls_day_not_the_events(sentence):
    found = dates.find_dates(sentence, 0, date(2023, 5, 12))
    assert [f.kind for f in found if "Thursday" in f.reading.text] == ["toll"]


def test_a_day_inside_the_toll_subject_still_dates_the_event():
    found = dates.find_dates(
        "The toll from Monday's ambush on the convoy reached 41 on Thursday.", 0, date(2023, 5, 12)
    )
    assert [(f.reading.text, f.kind) for f in found] == [("Monday's", "event"), ("on Thursday", "toll")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Regional officials on Thursday said the raiders had killed 41 villagers in Benue.",
        "Volunteers on Thursday pulled four more bodies from the ruins of the clinic in Benue.",
        "Relatives on Thursday buried 41 villagers killed in the raid in Benue.",
    ],
)
def test_a_day_named_before_a_saying_or_a_deed_about_the_event_is_that_deeds_day(sentence):
    found = dates.find_dates(sentence, 0, date(2023, 5, 12))
    assert [f.kind for f in found] == ["statement"]

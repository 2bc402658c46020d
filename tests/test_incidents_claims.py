"""Claims as an analyst codes them: hedged and updated figures, counts read by the structure of
the phrase, speakers named with their role and organisation, and speakers found in the
sentences around a figure. Every text here is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from incidents import people, sources
from incidents.casualties import figures
from incidents.extract import extract
from incidents.model import Article, CasualtyClaim, Incident, Report
from incidents.summary import claim_row, incident_claims


def claims_of(text: str, published: date | None = date(2023, 5, 10)) -> list[CasualtyClaim]:
    return [c for r in extract(Article("t", text, published=published, outlet="Test")) for c in r.claims]


def read(sentence: str) -> list[tuple]:
    return [(f.kind, f.low, f.high) for f in figures(sentence)]


# -- SCHEMA's approximate rows -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "low", "high"),
    [
        ("About 60 villagers were killed in the raid.", "killed", 60, 60),
        ("Around 15 people were wounded.", "wounded", 15, 15),
        ("Some 30 fighters died in the clashes.", "killed", 30, 30),
        ("Roughly 200 people were injured.", "wounded", 200, 200),
        ("The flooding of the camp killed an estimated 45 people.", "killed", 45, 45),
        ("Nearly 70 bodies were pulled from the rubble.", "killed", None, 70),
        ("Almost 20 soldiers were hurt.", "wounded", None, 20),
        ("Close to 90 people died.", "killed", None, 90),
    ],
)
def test_hedged_figures_follow_the_approximate_rows(sentence, kind, low, high):
    [f] = figures(sentence)
    assert (f.kind, f.low, f.high, f.approx) == (kind, low, high, True)


def test_an_unhedged_figure_is_not_approximate_and_the_flag_reaches_the_claim():
    assert [f.approx for f in figures("At least 12 people were killed.")] == [False]
    text = "A truck bomb exploded at a market in Mosul on Monday, killing about 25 people, police said."
    [c] = [c for c in claims_of(text) if c.killed_low == 25]
    assert c.approximate and c.killed_high == 25


def test_a_hundred_in_words_is_a_number():
    assert read("More than a hundred people were wounded.") == [("wounded", 101, None)]


# -- counts by the structure of the phrase -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a total with its breakdown in brackets
        ("The shelling injured 11 people (nine civilians and two police officers).", [("wounded", 11, 11)]),
        ("Eleven people (including three children) were hurt.", [("wounded", 11, 11)]),
        # a breakdown set off by commas
        (
            "Eight villagers, five of them women, were killed, and another 20, 12 of them children and "
            "3 elderly men, were badly wounded.",
            [("killed", 8, 8), ("wounded", 20, 20)],
        ),
        # an age is no count; the dead named is one death
        ("Residents said Yusuf Garba, 52, was shot dead outside his shop.", [("killed", 1, 1)]),
        # two participles: how, then what
        ("Four farmers were beaten and wounded by the gunmen.", [("wounded", 4, 4)]),
        # the count after an aside that names the speaker
        ("The raid killed, officials said, at least 14 civilians.", [("killed", 14, None)]),
        # deaths as nouns
        ("The army confirmed the death of a driver.", [("killed", 1, 1)]),
        ("The mortar round caused the deaths of four children.", [("killed", 4, 4)]),
        ("The landslide of fire claimed the lives of 17 people.", [("killed", 17, 17)]),
        ("The ministry confirmed the guard's death.", [("killed", 1, 1)]),
        # a subset is no toll
        ("Two senior officers were among the dead.", []),
        ("Among those killed were three paramedics.", []),
        # a count of both is neither
        ("More than 60 people were killed and wounded.", []),
        ("The blast killed or injured 30 people.", []),
        # a toll stated with another verb, killed and wounded after it
        ("The provisional toll stands at 9 killed and 31 injured.", [("killed", 9, 9), ("wounded", 31, 31)]),
        ("The bombing brought the death toll to 27.", [("killed", 27, 27)]),
        # an open count
        ("Rescuers have so far recovered 40 bodies.", [("killed", 40, None)]),
    ],
)
def test_counts_by_the_structure_of_the_phrase(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("There were no reported casualties.", ("killed", "wounded")),
        ("No civilian casualties were reported after the shelling.", ("killed", "wounded")),
        ("The drone was brought down without casualties.", ("killed", "wounded")),
        ("The strike caused no deaths or injuries.", ("killed", "wounded")),
        ("There were no immediate reports of injuries.", ()),
    ],
)
def test_negations_in_their_variants_are_zero(sentence, kinds):
    got = figures(sentence)
    assert tuple(f.kind for f in got) == kinds
    assert all((f.low, f.high) == (0, 0) for f in got)


def test_a_figure_says_whether_it_is_an_update_or_a_replaced_one():
    got = figures("The toll has since risen to 31, after officials first reported 12 killed.")
    assert [(f.low, f.stage) for f in got] == [(31, 1), (12, 0)]
    got = figures("The ministry said 14 were killed, after initially giving a toll of 6 dead.")
    assert [(f.low, f.stage) for f in got] == [(14, 0), (6, -1)]
    assert [(f.low, f.stage) for f in figures("He later revised the toll down to 11.")] == [(11, 1)]


# -- speakers named with their role and organisation ---------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "canonical", "kind"),
    [
        (
            "Fighting went on, said Halima Yusufu, a spokeswoman for the Central Referral Hospital.",
            "Yusufu",
            "Halima Yusufu, spokeswoman for the Central Referral Hospital",
            "medical",
        ),
        (
            "Central Referral Hospital spokeswoman Halima Yusufu said the wards were full.",
            "Yusufu",
            "Central Referral Hospital spokeswoman Halima Yusufu",
            "medical",
        ),
        (
            "Petro Kovalenko, head of the district military administration, wrote on Telegram.",
            "Kovalenko",
            "Petro Kovalenko, head of the district military administration",
            "government",
        ),
        (
            "Reverend Samuel Obi, a pastor at the village church, told reporters.",
            "Obi",
            "Reverend Samuel Obi, pastor at the village church",
            "local sources",
        ),
    ],
)
def test_a_named_person_keeps_name_role_and_organisation(text, key, canonical, kind):
    got = people.people(text)[key]
    assert (got.canonical, got.source_type) == (canonical, kind)


def test_a_place_or_a_clause_is_no_person():
    text = "Shells fell on the northern districts, medical officials say."
    assert people.people(text) == {}
    assert "Hamza" not in str(people.people("Rockets hit the base near Hamza Town, the army said."))


def test_the_person_speaks_for_the_figures_and_again_by_surname():
    text = (
        "Gunmen attacked a bus station in Kaduna on Monday, killing nine passengers, said Halima Yusufu, "
        "a spokeswoman for the state police. Fourteen others were wounded, Yusufu told reporters."
    )
    got = [c for c in claims_of(text) if c.killed_low == 9]
    assert got and got[0].source == "Halima Yusufu, spokeswoman for the state police"
    assert got[0].source_type == "government" and got[0].wounded_low == 14


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # the object of "according to", whatever the lists hold
        ("The bombing wounded at least nine people, according to radio Kanem FM.", "radio Kanem FM"),
        # clutter glued to the speaker's first word
        ("BThe governor said six people were killed.", "governor"),
        # a toll and its source
        ("The latest toll from the Ministry of Health stands at 12 dead.", "Health Ministry"),
        # a news agency relaying an official: the official's words
        (
            "The strike killed 16 people, the Xinhua agency reported, citing district official Ama Kofi.",
            "district official Ama Kofi",
        ),
        # an official relaying unconfirmed reports still speaks for himself
        ("The toll rose to 19, the police chief said, citing unconfirmed reports.", "police chief"),
        # the accuser's figure
        ("Police accused the rebels of killing 21 people.", "Police"),
    ],
)
def test_speakers_by_the_role_the_sentence_gives_them(sentence, source):
    found = sources.mentions(sentence)
    found += [m for m in people.named(sentence, people.people(sentence))]
    found += sources.speakers(sentence, found)
    [f] = [f for f in figures(sentence) if f.low is not None]
    assert sources.attribute(sentence, f.start, found).canonical == source


def test_an_indefinite_speaker_is_the_one_named_next():
    text = (
        "An air strike hit a fuel market in Sirte on Tuesday, killing 14 people, a monitor said. "
        "Another 30 were wounded, the Libyan Observatory for Human Rights said."
    )
    got = [c for c in claims_of(text) if c.killed_low == 14]
    assert got and "Observatory" in got[0].source
    assert got[0].source_as_reported == "a monitor"


def test_a_sentence_that_only_says_who_spoke_gives_the_figures_before_it_a_source():
    text = (
        "A roadside bomb hit a bus carrying miners in Karaganda on Monday, killing 11 miners and "
        "injuring 23. The mine's operating company said in a statement."
    )
    got = [c for c in claims_of(text) if c.killed_low == 11]
    assert got and got[0].source_type == "local sources" and "company" in got[0].source
    assert got[0].wounded_low == 23
    text = (
        "A missile hit a depot in Kramatorsk on Monday, killing 4 people and injuring 9. "
        "The army said it had targeted a weapons store."
    )
    assert {c.source for c in claims_of(text) if c.killed_low == 4} == {"unattributed"}


# -- superseded tolls ------------------------------------------------------------------------


def _incident(text: str) -> list[dict]:
    reports = extract(Article("a1", text, published=date(2023, 5, 10), outlet="Test"))
    incident = Incident("inc-1", reports=reports)
    return [claim_row("inc-1", r, n, c) for r, n, c in incident_claims(incident)]


def test_a_source_s_later_toll_supersedes_its_earlier_one():
    text = (
        "Two bombs exploded at a church in Tacloban on Sunday. "
        "Provincial police chief Ramon Dizon said 18 people had died. "
        "Dizon revised that late in the afternoon to 15, with 60 wounded."
    )
    rows = {r["killed_low"]: r for r in _incident(text) if r["source"].endswith("Ramon Dizon")}
    assert rows[18]["superseded"] and not rows[15]["superseded"]
    assert rows[15]["wounded_low"] == 60


def test_a_toll_stated_as_the_first_one_is_superseded_whatever_the_order():
    text = (
        "An air strike hit a market in Taiz on Monday, killing 12 people and wounding 40, the health "
        "ministry said. In its first count, the health ministry said the strike killed 5 people."
    )
    rows = _incident(text)
    first = [r for r in rows if r["killed_low"] == 5]
    latest = [r for r in rows if r["killed_low"] == 12]
    assert first and first[0]["superseded"] and latest and not latest[0]["superseded"]


def test_one_source_of_the_article_s_own_voice_is_not_superseded_by_order_alone():
    text = (
        "A bomb killed 20 people in a market in Kano on Monday. "
        "In a nearby town, gunmen killed 4 people the same day."
    )
    assert not any(r["superseded"] for r in _incident(text))


def test_the_claim_row_carries_the_flags():
    row = _incident("A car bomb killed about 30 people at a market in Kirkuk on Monday, police said.")[0]
    assert row["approximate"] is True and row["superseded"] is False


def test_superseded_across_articles_needs_an_update_published_no_later():
    old = Report("a1", 0, "", 0, 0, published=date(2023, 5, 9))
    new = Report("a2", 0, "", 0, 0, published=date(2023, 5, 10))
    old.claims = [CasualtyClaim(source="police", killed_low=5, killed_high=5, spans=[(10, 11, "figure")])]
    new.claims = [
        CasualtyClaim(source="police", killed_low=9, killed_high=9, stage=1, spans=[(3, 4, "figure")])
    ]
    rows = incident_claims(Incident("inc-1", reports=[old, new]))
    assert [(c.killed_low, c.superseded) for _, _, c in rows] == [(5, True), (9, False)]
    new.claims[0].stage = 0
    rows = incident_claims(Incident("inc-1", reports=[old, new]))
    assert not any(c.superseded for _, _, c in rows)

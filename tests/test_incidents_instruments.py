"""What killed names the event: a weapon or an armed force as the subject or agent of a killing.

Wording of our own; each sentence is an instance of a way real copy reports an attack
with no noun for the event ("a bomb killed", "killed by a landmine", "troops shot dead").
"""

from __future__ import annotations

import pytest

from incidents.ingest import article_from_text
from incidents.pipeline import extract_reports

ER = "Explosions/Remote violence"
VAC = "Violence against civilians"
IED = "Remote explosive/landmine/IED"


def only_report(sentence: str):
    reports = extract_reports(article_from_text(sentence, published="2024-06-12"))
    assert len(reports) == 1, f"expected one incident from {sentence!r}, got {len(reports)}"
    return reports[0]


@pytest.mark.parametrize(
    ("sentence", "event_type", "sub_event_type"),
    [
        ("A bomb planted under a bench killed four people in Quetta on Tuesday, officials said.", ER, IED),
        ("Two farmers were wounded by a landmine near Kupiansk on Tuesday.", ER, IED),
        ("Five herders died when their truck ran over a mine outside Gao on Tuesday, troops said.", ER, IED),
        ("A stray rocket killed a shepherd near Sderot on Tuesday.", ER, "Shelling/artillery/missile attack"),
        ("Artillery left six people dead in Horlivka on Tuesday, local officials said.", ER,
         "Shelling/artillery/missile attack"),
        ("A hand grenade wounded nine shoppers in a market in Imphal on Tuesday.", ER, "Grenade"),
        ("A drone killed two fishermen off Hodeidah on Tuesday, coastguards said.", ER, "Air/drone strike"),
        ("Sniper fire killed a nurse in Khartoum on Tuesday, a doctors' union said.", VAC, "Attack"),
        ("A teacher was shot by gunmen in Jos on Tuesday, police said.", VAC, "Attack"),
        ("Two traders were stabbed to death in Kano on Tuesday, police said.", VAC, "Attack"),
    ],
)
def test_a_weapon_or_a_way_of_killing_names_the_event(sentence, event_type, sub_event_type):
    report = only_report(sentence)
    assert (report.event_type, report.sub_event_type) == (event_type, sub_event_type)


def test_an_armed_force_that_kills_is_an_event():
    report = only_report("Government troops shot dead three young men in Beni on Tuesday, residents said.")
    assert report.event_type in ("Violence against civilians", "Battles")


@pytest.mark.parametrize(
    "sentence",
    [
        "Miners killed in a shaft collapse near Kolwezi were buried on Tuesday.",
        "The police killed time playing cards in Kano on Tuesday.",
        "Three climbers were killed by an avalanche near Gilgit on Tuesday.",
    ],
)
def test_no_weapon_no_event(sentence):
    assert extract_reports(article_from_text(sentence, published="2024-06-12")) == []

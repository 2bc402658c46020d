"""The general rules added in the third held-out pass (tests/data/heldout3), one pattern each.

Every sentence here is made up for the pattern, in other words and places than
the held-out articles: the rules must hold for the pattern, not a string.
"""

from __future__ import annotations

from datetime import date

from incidents import dates, events, lexicon, places
from incidents.ingest import article_from_text
from incidents.pipeline import extract_reports


def test_a_wire_dateline_with_a_country_or_state_is_still_the_filing_day():
    for head in ("KANDAHAR, Afghanistan, March 4 (Reuters) - x", "EL PASO, Texas, Jan 9 (AP) - x"):
        assert dates.DATELINE_DATE.match(head)
    text = "GOMA, Congo, March 8 (Reuters) - Rebels shelled a camp late Monday, killing four people."
    reps = extract_reports(article_from_text(text, published="2023-03-08"))
    assert [r.date.date_start for r in reps if r.date] == [date(2023, 3, 6)]


def test_a_vehicle_packed_with_explosives_is_a_vehicle_bomb():
    for s in (
        "A suicide attacker drove a van rigged with explosives into the gate.",
        "Militants detonated a motorcycle laden with explosives at the market.",
    ):
        assert [m.key for m in events.find_mentions(s)] == ["ied"]
    assert events.find_mentions("The lorry packed with melons overturned.") == []


def test_in_an_attack_that_restates_the_typed_event_before_it():
    s = "Soldiers shelled the hamlet on Friday, the governor said, in an attack that killed six."
    assert [m.key for m in events.find_mentions(s)] == ["shelling"]
    # alone, or not restating, it stays an event of its own
    assert [m.key for m in events.find_mentions("Six died in an attack that began at dawn.")] == ["attack"]
    s = "Jets bombed the depot on Friday, and two guards died in an attack on a checkpoint."
    assert len(events.find_mentions(s)) == 2


def test_the_seat_of_a_body_that_speaks_is_not_the_incident_place():
    class M:
        def __init__(self, text, start):
            self.text, self.start, self.end = text, start, start + len(text)

    for s, name in (
        ("The interior ministry in Kabul did not comment.", "Kabul"),
        ("The Foreign Ministry in Ankara condemned the killings.", "Ankara"),
        ("The government in Bamako declined to comment on the raid.", "Bamako"),
    ):
        assert not places.locative(s, M(name, s.index(name)))
    s = "A rocket hit the ministry in Kabul on Tuesday."
    assert places.locative(s, M("Kabul", s.index("Kabul")))


def test_a_road_named_for_two_towns_is_near_the_first():
    refs = places.road_refs("A bus was ambushed on the Kabul-Jalalabad highway at dusk.", 0, [])
    assert len(refs) == 1 and refs[0].place.country_code == "AF"
    assert places.road_refs("on the Kabul-Jalalabad highway", 0, [(0, 40)]) == []


def test_state_forces_and_criminal_groups_of_more_countries_are_curated():
    found = {
        h.entry.canonical
        for h in lexicon.actors().find(
            "Indian army troops and Mozambican soldiers; Colombian troops; "
            "the Haitian police fought armed gangs and members of the Jalisco cartel."
        )
    }
    assert {
        "Indian forces",
        "Mozambique armed forces",
        "Colombia armed forces",
        "Haitian National Police",
        "gangs",
        "Jalisco New Generation Cartel",
    } <= found

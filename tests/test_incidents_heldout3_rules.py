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
        assert [f.kind for f in dates.find_dates(head, 0, date(2023, 3, 8))] == ["statement"]
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


def test_some_days_earlier_counts_back_from_the_date_last_read():
    text = (
        "Rebels raided a convoy on Friday, killing five drivers. "
        "Three days earlier, rebels had killed two traders near the same bridge."
    )
    found = dates.find_dates(text, 0, date(2023, 3, 11))
    first = [f.reading for f in found if f.reading.known][0]
    later = dates.find_dates(text[text.index("Three") :], text.index("Three"), date(2023, 3, 11), first)
    assert later and later[0].reading.date_start == date(2023, 3, 7)
    # "two days before the vote" counts from the vote, not from the last date
    assert not [
        f for f in dates.find_dates("It came two days before the vote.", 0, None, first) if f.reading.known
    ]


def test_bodies_found_dumped_or_shot_are_a_killing_not_rubble():
    for s in (
        "The bodies of three traders were discovered in a ditch near the market.",
        "Two farmers were found beheaded outside the village.",
    ):
        ms = events.find_mentions(s)
        assert [m.key for m in ms] == ["killing"] and ms[0].determiner == ""
        assert events.TYPES["killing"][0] == "Violence against civilians"
    assert events.find_mentions("Bodies were found under the rubble of the flats.") == []


def test_a_pluperfect_armed_group_killing_is_an_attack_on_civilians():
    from incidents.extract import _typing

    s = "The bandits had killed four herders in the hills."
    ms = events.find_mentions(s)
    assert [m.key for m in ms] == ["attack"]
    assert _typing(ms[0], s)[:2] == ("Violence against civilians", "Attack")
    s = "Insurgents killed six soldiers at a checkpoint."
    assert _typing(events.find_mentions(s)[0], s)[0] != "Violence against civilians"
    assert events.find_mentions("Four insurgents had been killed in the raid.")[0].text == "raid"


def test_prosecutors_rights_networks_and_gunmen_are_curated():
    got = {
        h.entry.canonical
        for h in lexicon.sources().find("the state prosecutor's office and the RNDDH rights network said")
    }
    assert {"prosecutors", "National Human Rights Defense Network"} <= got
    assert "unidentified gunmen" in {
        h.entry.canonical for h in lexicon.actors().find("Masked gunmen opened fire")
    }


def test_fighters_linked_to_a_group_make_that_group_the_attacker():
    from incidents import actors

    s = "Militants affiliated with Boko Haram stormed the village at dawn."
    a = [m for m in actors.mentions(s) if m.canonical == "Boko Haram"][0]
    assert actors.role(s, a, s.index("stormed")) == "attacker"
    s = "Soldiers raided a camp used by fighters linked to Boko Haram."
    a = [m for m in actors.mentions(s) if m.canonical == "Boko Haram"][0]
    assert actors.role(s, a, s.index("raided")) == "target"


def test_one_sources_dead_and_its_wounded_in_two_sentences_are_one_claim():
    from incidents.extract import join_halves
    from incidents.model import CasualtyClaim

    got = join_halves(
        [
            CasualtyClaim("governor", killed_low=4, killed_high=4, count_text="four"),
            CasualtyClaim("unattributed", wounded_low=2, wounded_high=2),
            CasualtyClaim("governor", wounded_low=7, count_text="at least seven"),
        ]
    )
    assert [(c.source, c.figures()) for c in got] == [
        ("governor", (4, 4, 7, None)),
        ("unattributed", (None, None, 2, 2)),
    ]
    # two tolls of the dead stay two claims
    two = [CasualtyClaim("police", killed_low=3), CasualtyClaim("police", killed_low=5)]
    assert len(join_halves(two)) == 2


def test_the_source_or_the_official_speaking_again_is_the_source_last_named():
    from incidents.sources import PRONOUN_SPEAKS

    for s in (
        "The official told AFP that four more bodies were recovered.",
        "The spokesman, who asked not to be named, said two were wounded.",
        "The same sources added that a child died.",
    ):
        assert PRONOUN_SPEAKS.search(s)
    assert not PRONOUN_SPEAKS.search("The sources of the fire were unclear, said a witness.")


def test_a_toll_counted_in_bodies_is_read_as_a_claim():
    text = (
        "Militants stormed the market in Gao on Monday, killing at least six people, the mayor said.\n\n"
        "A rights group said it had counted nine bodies at the morgue."
    )
    reps = extract_reports(article_from_text(text, published="2023-03-08"))
    assert any(c.killed_low == 9 for r in reps for c in r.claims)


def test_shells_that_land_or_fall_are_shelling():
    for s in ("Two shells fell near the school on Monday.", "The shells struck a market in the town."):
        assert [m.key for m in events.find_mentions(s)] == ["shelling"]
    assert events.find_mentions("Walnut shells were piled up by the road.") == []


def test_a_name_with_its_admin_unit_is_looked_up_by_the_name():
    got = places.admin_refs("Troops burned homes in Tamu District on Friday.", 0, [], [])
    assert got and got[0].text == "Tamu District" and got[0].place.country_code == "MM"
    # a span geo already placed, or one excluded as a source or actor, is left alone
    assert places.admin_refs("in Tamu District", 0, [], [(3, 16)]) == []


def test_a_new_event_on_the_next_named_day_is_its_own_report():
    text = (
        "KANDAHAR (AP) - Gunmen shot dead four shopkeepers in Kandahar on Monday, police said.\n\n"
        "On Tuesday afternoon, the bodies of two men were found dumped in Kandahar, police said."
    )
    reps = extract_reports(article_from_text(text, published="2023-03-08"))
    assert sorted(str(r.date.date_start) for r in reps) == ["2023-03-06", "2023-03-07"]
    # a night that runs past midnight, or a reference back, stays the one event
    text = (
        "Gunmen shot dead four shopkeepers in Kandahar late Monday, police said.\n\n"
        "The attack, which lasted into early Tuesday, also wounded two guards."
    )
    assert len(extract_reports(article_from_text(text, published="2023-03-08"))) == 1


def test_herders_shepherds_and_traders_killed_are_civilians():
    from incidents import casualties

    for words in ("five herders", "three traders", "two shopkeepers", "four shepherds"):
        assert casualties.victim_group(words) == "civilians"
    assert [f.victims for f in casualties.figures("Gunmen killed five herders near the well.")] == [
        "civilians"
    ]
    from incidents.targets import CIVILIAN_SITE

    assert CIVILIAN_SITE.search("gunmen opened fire on a funeral in the town")


def test_a_wars_running_toll_is_not_the_events_claim():
    text = (
        "Rebels attacked the town of Kiwanja on Monday, killing six civilians, the governor said.\n\n"
        "The rebellion, which flared again in 2021, has killed more than 7,000 people."
    )
    reps = extract_reports(article_from_text(text, published="2023-03-08"))
    assert [c.killed_low for r in reps for c in r.claims] == [6]


def test_the_side_being_fought_is_the_target():
    from incidents import actors

    s = "Jihadists overran the outpost on Sunday, fighting the defence forces for hours."
    a = [m for m in actors.mentions(s) if m.canonical == "state forces"][0]
    assert actors.role(s, a, s.index("overran")) == "target"

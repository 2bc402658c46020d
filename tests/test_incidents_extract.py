"""Extraction rules on articles written for the tests (not the seeds)."""

from __future__ import annotations

from datetime import date

import pytest

from geo.place import Place
from incidents import cluster
from incidents.annotate import KINDS, annotate
from incidents.codec import report_to_json
from incidents.ingest import IngestError, article_from_text, read_paths
from incidents.pipeline import extract_reports
from tests.conftest import ARTICLES, ROOT


def reports(text, published="2022-03-10"):
    return extract_reports(article_from_text(text, published=published))


def test_event_with_type_date_place_actors_and_claim():
    [r] = reports(
        "Turkish drones hit a village in northern Iraq on Sunday, killing three people, local officials said."
    )
    assert (r.event_type, r.sub_event_type, r.weapon) == (
        "Explosions/Remote violence",
        "Air/drone strike",
        "drone",
    )
    assert r.date.date_start == date(2022, 3, 6) and r.date.precision == 1
    assert r.place.country_code == "IQ"
    assert r.actor1 == ["Turkish forces"]
    [c] = r.claims
    assert (c.source, c.killed_low, c.killed_high) == ("local officials", 3, 3)
    assert c.quote.startswith("Turkish drones hit")


def test_attacker_and_target():
    [r] = reports(
        "Israeli warplanes struck Hamas positions in Gaza on Tuesday, killing four militants, "
        "the Israeli military said."
    )
    assert r.actor1 == ["Israeli forces"] and r.actor2 == ["Hamas"]
    # a state's forces speak as the body the text names
    assert r.claims[0].source == "Israeli military" and r.claims[0].victim_group == "combatants"


def test_the_dateline_is_not_the_place():
    [r] = reports("BAGHDAD (Reuters) - A car bomb killed five people in Mosul on Monday, police said.")
    assert r.place.name == "Mosul"
    assert r.sub_event_type == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    "text",
    [
        "FILE PHOTO: Smoke rises after an air strike on the town of Idlib, Syria, March 3, 2020.",
        "READ MORE: Rocket attack kills three in Kabul",
        "Smoke rises over Idlib after an air strike (John Smith/Reuters)",
        "By John Smith\n\n2022-03-09",
        "There have been more than 40 attacks against US interests in Iraq since the start of the year.",
        "US bases in Iraq have been hit several times in recent months by drone attacks.",
        "Recent drone strikes have targeted Americans in Baghdad and Erbil.",
        "The militia held a military parade near Baghdad on Saturday.",
        "Talks on the nuclear deal resumed in Vienna on Monday.",
        "Iran's influence has grown since the US-led invasion in 2003.",
        "Air traffic controllers in France went on strike on Monday, grounding flights in Paris.",
        "Two men were sentenced for plotting to attack a police station in Ohio.",
        "A gas explosion at a restaurant in Hangzhou killed two people on Friday.",
        "Le gouvernement a annoncé vendredi une nouvelle réforme des retraites à Paris.",
    ],
)
def test_no_incident(text):
    assert reports(text) == []


def test_the_countrys_east_is_read_with_the_country_in_context():
    [r] = reports(
        "The militias operate in Syria. In February, the US military launched air strikes on "
        "installations in the country's east.",
        published="2021-06-28",
    )
    assert r.place.country_code == "SY" and r.place.where_prec >= 4
    assert (r.date.date_start, r.date.date_end, r.date.precision) == (date(2021, 2, 1), date(2021, 2, 28), 3)


def test_figures_in_a_later_sentence_belong_to_the_event_under_discussion():
    [r] = reports(
        "US air strikes hit militia positions near Al-Qaim on Monday. "
        "The state news agency said one child had been killed and that at least three other people "
        "were wounded."
    )
    [c] = r.claims
    assert (c.source, c.killed_low, c.killed_high, c.wounded_low, c.wounded_high) == (
        "state media",
        1,
        1,
        3,
        None,
    )


def test_definite_reference_adds_the_place_to_the_earlier_event():
    [r] = reports(
        "The commander was killed in a US drone attack on January 3 last year. "
        "Several aides were also killed in the attack outside Baghdad airport.",
        published="2021-06-28",
    )
    assert r.date.date_start == date(2020, 1, 3)
    assert r.place is not None and r.place.country_code == "IQ"


def test_no_published_date_keeps_the_words_and_invents_nothing():
    [r] = reports("Rockets hit a base near Kirkuk on Monday, wounding two soldiers.", published=None)
    assert r.date is None or not r.date.known
    assert r.claims[0].stated_date is None


def test_annotate_gives_the_spans_used():
    a = article_from_text(
        "Israeli warplanes struck Hamas positions in Gaza on Tuesday, killing four militants, "
        "the Israeli military said.",
        published="2022-03-10",
    )
    spans = annotate(a)
    kinds = {s.kind for s in spans}
    assert {"event", "date", "place", "figure", "actor"} <= kinds <= set(KINDS)
    assert {a.text[s.start : s.end] for s in spans if s.kind == "date"} == {"on Tuesday"}
    assert "four militants" in {a.text[s.start : s.end] for s in spans if s.kind == "figure"}


def test_wire_story_with_claim_of_responsibility_and_later_figures():
    [r] = reports(
        "MOGADISHU (Reuters) - A suicide car bomb exploded at a checkpoint on Tuesday, killing at "
        "least eight "
        "people, police said.\n\nAl Shabaab claimed responsibility for the attack in a statement. "
        "The group has "
        "carried out dozens of bombings in Mogadishu since 2007.\n\nResidents said the blast wounded "
        "more than "
        "20 people.",
        published="2022-01-12",
    )
    assert r.sub_event_type == "Suicide bomb" and r.actor1 == ["al-Shabaab"]
    assert r.date.date_start == date(2022, 1, 11)
    figures = {(c.source, c.killed_low, c.killed_high, c.wounded_low) for c in r.claims}
    assert figures == {("police", 8, None, None), ("local sources", None, None, 21)}


def test_adjective_names_the_attacker_and_a_cumulative_toll_is_not_a_claim():
    [r] = reports(
        "An Israeli airstrike on a house in Rafah killed 14 people, including five children, early "
        "Wednesday, "
        "according to hospital officials.\n\nThe Health Ministry in Gaza says more than 30,000 "
        "Palestinians have "
        "been killed since the war began.",
        published="2024-03-06",
    )
    assert r.actor1 == ["Israeli forces"] and r.place.country_code == "PS"
    assert [(c.source, c.killed_low, c.killed_high) for c in r.claims] == [("hospital officials", 14, 14)]


def test_governor_as_source_with_killed_and_wounded():
    [r] = reports(
        "Russian missiles struck an apartment building in the eastern Ukrainian city of Kramatorsk "
        "on Saturday "
        "evening, killing 11 people and wounding 60, regional governor Pavlo Kyrylenko said.",
        published="2023-02-05",
    )
    assert (r.actor1, r.place.country_code, r.date.date_start) == (["Russian forces"], "UA", date(2023, 2, 4))
    [c] = r.claims
    assert (c.source_type, c.killed_low, c.killed_high, c.wounded_low, c.wounded_high) == (
        "government",
        11,
        11,
        60,
        60,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Two strong earthquakes struck north-western Iran on Sunday, leaving at least 180 people dead, "
        "officials said.",
        "A young woman was killed when a car hit her in central London on Monday.",
    ],
)
def test_accidents_and_disasters_are_not_violence(text):
    assert reports(text) == []


def test_toll_update_and_claim_of_responsibility():
    [r] = reports(
        "A suicide bomber struck a crowded mosque in northern Afghanistan during Friday prayers, killing at "
        "least 46 worshippers, a Taliban official said. The death toll from the bombing in the city "
        "of Kunduz "
        "rose to 55 on Saturday, according to a doctor at the main hospital. The Islamic State group's "
        "affiliate claimed responsibility for the attack.",
        published="2021-10-09",
    )
    assert r.sub_event_type == "Suicide bomb" and r.actor1 == ["Islamic State"]
    assert r.date.date_start == date(2021, 10, 8) and r.place.name == "Kunduz"
    assert {(c.source_type, c.killed_low, c.killed_high) for c in r.claims} == {
        ("government", 46, None),
        ("medical", 55, 55),
    }


def test_a_place_phrase_holding_an_actor_word_is_still_the_place():
    [r] = reports("On Monday a rocket hit the military part of the airport in Mosul, wounding two guards.")
    assert r.place is not None and r.place.feature == "airport", r.place
    assert r.location_as_reported == "the military part of the airport in Mosul"


def test_the_smaller_radius_is_the_more_specific_place():
    part_of_airport = Place("part of an airport", 36.3, 43.1, "IQ", None, "icao:X", 2, 2, 2.0)
    city = Place("a city", 36.34, 43.13, "IQ", None, "1", 1, 1, 15.0)
    assert min([city, part_of_airport], key=cluster.place_rank) is part_of_airport
    assert cluster.better_place(part_of_airport, city)


def test_a_flag_or_owner_adjective_names_no_place():
    [r] = reports(
        "A missile fired by the Houthis struck a Barbados-flagged bulk carrier in the Gulf of Aden "
        "on Wednesday, killing three crew members, US Central Command said.",
        published="2024-03-06",
    )
    assert r.place is not None and r.place.country_code != "BB"
    assert "Aden" in r.place.name


def test_a_date_before_in_retaliation_for_dates_the_sentence_own_event():
    rs = reports(
        "The U.S. military struck three facilities in Iraq used by Kataib Hezbollah near Jurf al-Sakhar "
        "early Wednesday local time, in retaliation for a string of attacks on American forces, including "
        "Saturday's missile barrage on Ain al-Asad air base, the Pentagon said.",
        published="2024-01-23",
    )
    own = [r for r in rs if r.sub_event_type == "Air/drone strike"]
    assert own and own[0].date.date_start == date(2024, 1, 24)
    assert "Kataib Hezbollah" in own[0].actor2 and "US forces" in own[0].actor1


def test_a_count_of_attacks_since_a_date_is_no_incident():
    assert not reports(
        "U.S. forces in Iraq and Syria have been attacked more than 140 times since Oct. 17, "
        "according to the Pentagon.",
        published="2024-01-20",
    )


def test_one_of_the_deadliest_strikes_is_a_comparison():
    [r] = reports(
        "An Israeli strike on a relief centre in south Lebanon killed seven paramedics overnight, the health "
        "ministry said Wednesday, in one of the deadliest single strikes since hostilities began in October.",
        published="2024-03-27",
    )
    assert r.actor1 == ["Israeli forces"]
    assert [(c.source, c.killed_low) for c in r.claims] == [("Health Ministry", 7)]


def test_it_said_gives_the_figure_to_the_source_that_last_spoke():
    [r] = reports(
        "A Houthi missile hit the True Confidence in the Gulf of Aden on Wednesday, setting it ablaze, "
        "Central Command said in a post on X. It said the attack caused three fatalities and at least "
        "four injuries.",
        published="2024-03-06",
    )
    got = {(c.source, c.killed_low, c.wounded_low) for c in r.claims}
    assert ("US Central Command", 3, 4) in got


@pytest.mark.parametrize(
    ("text", "attacker", "target"),
    [
        (
            "U.S. forces at Al-Tanf garrison in southern Syria were attacked by two one-way attack drones "
            "on Thursday, the Pentagon said.",
            [],
            ["US forces"],
        ),
        (
            "Kataib Hezbollah fighters were killed in a U.S. AC-130 gunship strike near Abu Ghraib, west of "
            "Baghdad, on Tuesday night, according to two Iraqi security officials.",
            ["US forces"],
            ["Kataib Hezbollah"],
        ),
    ],
)
def test_the_subject_of_a_passive_violence_verb_is_the_target(text, attacker, target):
    [r] = reports(text, published="2023-11-22")
    assert (r.actor1, r.actor2) == (attacker, target)


def test_fired_missiles_with_three_words_between():
    [r] = reports(
        "Houthi rebels fired two anti-ship ballistic missiles into the Red Sea on Sunday evening, "
        "U.S. Central Command said.",
        published="2024-01-01",
    )
    assert (r.sub_event_type, r.weapon, r.actor1) == (
        "Shelling/artillery/missile attack",
        "missile",
        ["Houthis"],
    )


def test_a_while_clause_is_another_event_with_its_own_source():
    first, second = reports(
        "An Israeli air strike killed seven Hezbollah fighters in the south Lebanon town of Bint Jbeil on "
        "Thursday, the group said, while Hezbollah fired anti-tank missiles at an Israeli army post near "
        "Metula, wounding two soldiers, the Israeli military said.",
        published="2023-11-10",
    )
    assert first.date.date_start == date(2023, 11, 9)
    assert (first.actor1, first.actor2) == (["Israeli forces"], ["Hezbollah"])
    assert [(c.source, c.killed_low, c.wounded_low) for c in first.claims] == [("Hezbollah", 7, None)]
    assert second.actor1 == ["Hezbollah"]
    assert [(c.source, c.wounded_low) for c in second.claims] == [("Israeli military", 2)]


def test_a_relative_clause_closed_by_a_comma_does_not_take_the_frame():
    [r] = reports(
        "Militants fired rockets at Ain al-Asad air base in western Iraq on Saturday, wounding a number "
        "of US personnel, who were being evaluated for traumatic brain injuries, the Pentagon said.",
        published="2024-01-21",
    )
    assert [c.source for c in r.claims] == ["Pentagon"] and r.actor2 == ["US forces"]


def test_the_ambushed_side_is_the_target():
    [r] = reports(
        "Islamic State militants ambushed a Syrian army convoy in the desert near Palmyra on Sunday, "
        "killing at least 14 soldiers, the Syrian Observatory said.",
        published="2023-12-25",
    )
    assert r.actor1 == ["Islamic State"] and "Syrian government forces" in r.actor2


def test_the_place_of_a_cause_is_not_the_place_of_the_attack():
    [r] = reports(
        "Hezbollah said it fired 62 rockets at an air traffic control base in northern Israel on Saturday "
        "in an initial response to the killing of Hamas deputy leader Saleh al-Arouri in Beirut.",
        published="2024-01-07",
    )
    assert r.place.country_code == "IL" and r.actor1 == ["Hezbollah"]
    assert r.date.date_start == date(2024, 1, 6)
    # neither the rockets nor "the killing of" a leader are a count of dead
    assert not r.claims or all(c.killed_low is None for c in r.claims)


def test_targeted_with_drones_is_a_drone_attack():
    [r] = reports(
        "The Islamic Resistance in Iraq said it targeted the Al-Shaddadi base in Syria's Hasakah province "
        "with drones on Sunday.",
        published="2024-01-28",
    )
    assert (r.sub_event_type, r.actor1, r.place.country_code) == (
        "Air/drone strike",
        ["Islamic Resistance in Iraq"],
        "SY",
    )


def test_hit_by_a_missile_is_a_missile_attack_even_on_a_ship():
    [r] = reports(
        "A merchant ship was hit by a missile 57 nautical miles west of Hodeidah on Tuesday, killing one "
        "crew member, the UKMTO said.",
        published="2024-02-06",
    )
    assert (r.sub_event_type, r.weapon, r.place.country_code) == (
        "Shelling/artillery/missile attack",
        "missile",
        "YE",
    )
    assert [(c.source, c.killed_low, c.victim_group) for c in r.claims] == [("UKMTO", 1, "civilians")]


def test_a_reading_is_the_same_in_any_order_of_articles():
    """Extraction is a function of the article alone, whatever the process read before.

    Concurrent ingests each read their own sequence of articles and the store must equal a
    serial run (tests/test_store_concurrency.py): no cache may carry one article's reading
    into another's. The repository's own articles, read forwards and then backwards.
    """
    folders = [ARTICLES, *(ROOT / "tests" / "data" / f"heldout{n}" for n in ("", "2", "3"))]
    articles = [a for _, a in read_paths([str(f) for f in folders]) if not isinstance(a, IngestError)]

    def read(order):
        return {a.article_id: [report_to_json(r) for r in extract_reports(a)] for a in order}

    forwards = read(articles)
    backwards = read(articles[::-1])
    assert len(forwards) > 30
    assert [a.name for a in articles if forwards[a.article_id] != backwards[a.article_id]] == []


def test_a_speakers_surname_that_is_also_a_town_is_no_place_of_the_event():
    text = (
        "A car bomb killed six people at a market in Baidoa on Monday, police said. "
        "Police spokesman Captain Yusuf Hama said the bomber had parked near the main gate."
    )
    found = reports(text)
    assert [r.place.name for r in found] == ["Baidoa"]


def test_one_stray_mention_of_another_country_does_not_unplace_the_lead():
    [r] = reports(
        "A car bomb killed six people at a market in Baidoa on Monday, police said. "
        "One of the wounded was later flown to Kenya for treatment, a relative said."
    )
    assert r.place.name == "Baidoa"


@pytest.mark.parametrize(
    "text, place",
    [
        ("Gunmen stormed a Kandahar wedding on Friday, killing six guests, police said.", "Kandahār"),
        ("A Durango bar was attacked by gunmen on Sunday, leaving nine people dead, police said.", "Durango"),
    ],
)
def test_a_place_named_before_a_site_is_where_the_site_is(text, place):
    [r] = reports(text)
    assert r.place is not None and r.place.name == place


def test_the_headline_places_an_event_the_lead_does_not():
    [r] = reports(
        "Wedding attack leaves nine dead in Kandahar\n\n"
        "Gunmen opened fire on guests at a wedding party on Friday night, killing nine people, police said."
    )
    assert r.place is not None and r.place.name == "Kandahār"


def test_a_later_sentence_on_the_same_toll_can_say_more_precisely_where():
    [r] = reports(
        "Gunmen killed nine people at a bar in the state of Zacatecas on Sunday, officials said. "
        "Prosecutors said five men and four women were shot dead at a bar near the town of Fresnillo."
    )
    assert r.place is not None and "Fresnillo" in r.place.name


def test_a_later_place_elsewhere_does_not_move_the_event():
    [r] = reports(
        "Gunmen killed nine people at a bar in the state of Zacatecas on Sunday, officials said. "
        "Two of the nine were later found to be from Monterrey, prosecutors said."
    )
    assert r.place is not None and r.place.name == "Zacatecas"


def test_where_the_displaced_arrived_is_not_where_the_attack_was():
    found = reports(
        "Gunmen killed dozens of villagers in an attack on Saturday, officials said. "
        "About 2,000 people who fled the attack have arrived in Kaya, a local official said."
    )
    assert all(r.place is None or "Kaya" not in r.place.name for r in found)


def test_a_town_beside_the_event_town_does_not_replace_it():
    [r] = reports(
        "Dozens were killed in clashes around the town of Rutshuru on Tuesday, officials said. "
        "A hospital in Kiwanja said it had received more than 30 wounded people."
    )
    assert r.place is not None and "Rutshuru" in r.place.name


def test_a_place_described_after_a_destination_is_still_the_destination():
    found = reports(
        "Gunmen killed dozens of villagers in an attack near the border on Saturday, officials said. "
        "About 2,000 people who fled the attack have arrived in Kaya, the capital of Burkina Faso's "
        "northern Centre-Nord region, "
        "a local official said."
    )
    assert all(r.place is None or r.place.name not in ("Kaya", "Ouagadougou") for r in found)


def test_what_the_attacker_says_it_meant_to_hit_is_not_who_was_hit():
    from incidents.pipeline import preview

    text = (
        "Jets struck a minibus of schoolchildren near Maiduguri on Monday, killing 12 pupils, doctors said. "
        "The military called the raid a lawful operation to target arms depots used by Boko Haram."
    )
    [r] = reports(text, published="2023-05-10")
    assert "Boko Haram" not in r.actor2
    incidents, _ = preview([article_from_text(text, published="2023-05-10")])
    assert incidents.iloc[0]["actor2"] == "Civilians"
    # where the raid hit them, they are its target
    hit = "Jets struck arms depots used by Boko Haram near Maiduguri on Monday, killing four."
    [r] = reports(hit, "2023-05-10")
    assert r.actor2 == ["Boko Haram"]

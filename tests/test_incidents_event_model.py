"""The document-level event model (issue 7, events side): one rule each, in made-up wording.

No sentence here comes from a development article; each is an instance of a pattern
seen in real copy, written for the test.
"""

from __future__ import annotations

from datetime import date

import pytest

from incidents import cluster, dates, events
from incidents.ingest import article_from_text
from incidents.pipeline import extract_reports


def reports(text, published="2023-05-10"):
    return extract_reports(article_from_text(text, published=published))


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "Mombasa, Mar 3: Bandits raided a cattle market on Wednesday, killing four herders.",
        "March 3, 2023 - Bandits raided a cattle market on Wednesday, killing four herders.",
        "Mombasa [Kenya], March 3: Bandits raided a cattle market on Wednesday, killing four herders.",
        "NAIROBI (Daily Wire / Agency - 3rd March, 2023) Bandits raided a cattle market on Wednesday, "
        "killing four herders.",
    ],
)
def test_a_date_opening_the_lead_is_the_filing_day_not_the_event_day(lead):
    found = dates.find_dates(lead, 0, date(2023, 3, 3))
    assert found[0].kind == "statement"
    [r] = reports(lead + " Police said the raiders fled into the forest near Garissa.", "2023-03-03")
    assert r.date.date_start == date(2023, 3, 1)  # the Wednesday, not the filing day


def test_a_date_the_event_verb_takes_beats_the_day_something_was_announced():
    text = (
        "On Tuesday March 7, the governor of the neighbouring province announced that the toll of the "
        "Garissa market massacre, which took place on March 1, had reached 40."
    )
    [r] = reports(text, "2023-03-09")
    assert r.date.date_start == date(2023, 3, 1)


def test_the_previous_day_is_counted_from_the_day_named_before_it_in_the_sentence():
    found = dates.find_dates(
        "Rescuers found 12 bodies on Monday, two days after clashes, and more the previous day.",
        0,
        date(2023, 5, 10),
    )
    assert [(f.kind, f.reading.date_start) for f in found][-1] == ("relative", date(2023, 5, 7))


def test_a_possessive_day_makes_the_event_phrase_definite():
    [m] = events.find_mentions("Officials said Saturday's ambush left the convoy burning.")
    assert m.determiner == "the"
    [m] = events.find_mentions("Residents described this week's brutal raid on the market.")
    assert m.determiner == "the"


def test_a_statement_day_gives_way_to_the_day_the_event_is_given_later():
    [r] = reports(
        "At least 30 people died in a drone strike on a wedding party in central Mali, officials said "
        "Tuesday. The ministry said Sunday's strike hit the village of Boni near Douentza.",
        "2023-05-10",
    )
    assert r.date.date_start == date(2023, 5, 7)  # Sunday, not Tuesday's statement
    assert r.place.country_code == "ML" and r.place.feature != "direction"


def test_a_statement_day_is_a_weaker_reading_than_the_event_day_in_an_incident():
    said = dates.find_dates("The army said on Monday that it repelled the attack.", 0, date(2023, 5, 10))[0]
    day = dates.find_dates("The attack on Sunday killed six.", 0, date(2023, 5, 10))[0]
    assert said.reading.weak > day.reading.weak
    start, end, precision, best = cluster.core_dates([_report_with(said.reading), _report_with(day.reading)])
    assert (start, end, precision, best) == (date(2023, 5, 7), date(2023, 5, 7), 1, date(2023, 5, 7))


def _report_with(reading):
    from incidents.model import Report

    return Report(article_id="a", index=0, sentence="", start=0, end=0, date=reading)


# -- places --------------------------------------------------------------------------------


def test_a_directional_region_has_no_sharp_edge():
    import geo

    region = geo.resolve("southern Libya")
    town = geo.resolve("Murzuq")  # just north of the region's drawn third
    assert cluster.places_compatible(town, region)


def test_a_town_inside_the_district_named_beside_it_is_the_more_specific_place():
    import geo

    district = geo.resolve("Anantnag district")
    near_town = geo.resolve("near Pahalgam")  # a wider radius, but inside the district
    assert cluster.better_place(near_town, district) and not cluster.better_place(district, near_town)
    assert cluster.most_specific([district, near_town, None]) is near_town
    # a sea holds no country: the country is not "inside" the gulf beside it
    gulf, country = geo.resolve("Gulf of Aden"), geo.resolve("Yemen")
    assert cluster.most_specific([gulf, country]) is gulf


def test_an_event_compared_with_an_older_one_keeps_its_own_place():
    [r] = reports(
        "Gunmen opened fire on a bus in Balochistan on Monday, killing nine pilgrims, in what is the "
        "deadliest attack in the province since the Quetta strike in 2016.",
        "2023-05-09",
    )
    assert "Quetta" not in r.place.name and r.date.date_start == date(2023, 5, 8)


def test_a_town_named_with_its_owner_and_the_word_town_is_read_as_that_town():
    from incidents import places

    [p] = places.admin_refs("Gunmen shot two guards near Punjab's Okara town at dawn.", 0, [], [])
    assert p.place.name.startswith("near") and "Okara" in p.place.name and p.place.where_prec == 2

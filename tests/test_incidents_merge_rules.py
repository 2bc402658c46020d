"""One event read once: an article's background events stay apart from its main event, and reports
of one event from several pages (dated or not) join (incidents.cluster, incidents.undated)."""

from __future__ import annotations

from datetime import date

import pytest

from incidents.ingest import article_from_text
from incidents.pipeline import extract_reports


def reports_of(text: str, published: str | None = "2021-09-18"):
    return extract_reports(article_from_text(text, published=published))


def test_an_older_dated_bombing_in_the_background_does_not_date_the_main_event():
    text = (
        "Gunmen set off a bomb in the main bus station of Kandahar, killing at least 14 travellers, "
        "officials said. The station had been hit before. Twenty guards were killed in an explosion "
        "at the city's bus station in April."
    )
    main = reports_of(text)[0]
    assert main.date is not None and main.date.kind == "published" and main.date.precision == 2
    assert main.date.date_end == date(2021, 9, 18)
    assert {c.killed_low for c in main.claims if c.killed_low} == {14}


# a town the gazetteer does not know, in a region it does: both reports are placed at the region only
DATED_AT_UNKNOWN_TOWN = (
    "Military jets bombed a monastery at Pyin Hla Gon in northern Magway region on Monday, killing 31 "
    "people including children, a local rescue group said."
)


def _unknown_town_page(town: str):
    text = f"An attack on a camp in {town}, a town in northern Magway region, left dozens dead, people said."
    return article_from_text(text, published=None, outlet="Undated")


def test_an_undated_page_naming_the_same_unknown_town_joins_the_dated_incident(sqlite_store):
    sqlite_store.ingest([article_from_text(DATED_AT_UNKNOWN_TOWN, published="2024-05-14", outlet="Dated")])
    sqlite_store.ingest([_unknown_town_page("Pyin Hla Gon")])
    inc = sqlite_store.incidents_frame()
    assert len(inc) == 1
    assert len(inc.iloc[0].article_ids.split("; ")) == 2
    assert inc.iloc[0].fatalities == 31  # the page with no figure takes nothing from the count


def test_an_undated_page_naming_another_unknown_town_of_the_region_stays_apart(sqlite_store):
    sqlite_store.ingest([article_from_text(DATED_AT_UNKNOWN_TOWN, published="2024-05-14", outlet="Dated")])
    sqlite_store.ingest([_unknown_town_page("Thit Gyi Kone")])
    assert len(sqlite_store.incidents_frame()) == 2


CHURCH_SHOOTING = "Gunmen shot dead 12 worshippers at a church in Owo in Ondo state on Sunday, police said."


@pytest.mark.parametrize("undated_first", [False, True])
def test_an_undated_page_with_a_risen_toll_in_the_same_town_joins(sqlite_store, undated_first):
    dated = article_from_text(CHURCH_SHOOTING, published="2022-06-06", outlet="Dated")
    text = "Assailants killed at least 20 people in Owo, the governor told reporters."
    later = article_from_text(text, published=None, outlet="Late")
    for a in [later, dated] if undated_first else [dated, later]:
        sqlite_store.ingest([a])
    inc = sqlite_store.incidents_frame()
    assert len(inc) == 1
    assert inc.iloc[0].event_date == "2022-06-05"  # the dated page's day; the undated page adds none


@pytest.mark.parametrize(
    "after",
    [
        "On Tuesday, troops combed the hills for the raiders who stormed the village near Kandahar.",
        "Villagers on Wednesday were still digging through the ruins of the raid near Kandahar.",
    ],
)
def test_a_later_day_of_a_deed_about_the_event_makes_no_second_event(after):
    lead = "Raiders stormed a village near Kandahar on Sunday night, killing seven farmers, elders said."
    reports = reports_of(f"{lead} {after}", published="2021-09-23")
    assert len(reports) == 1
    main = reports[0]
    assert main.date.date_start == date(2021, 9, 19) and main.date.precision == 1


def test_a_new_event_on_the_next_day_that_counts_its_own_dead_stays_apart():
    text = (
        "Raiders stormed a village near Kandahar on Sunday night, killing seven farmers, elders said. "
        "On Tuesday, raiders attacked a checkpoint near Kandahar, killing four guards."
    )
    assert len(reports_of(text, published="2021-09-23")) == 2


def _undated(text: str):
    return article_from_text(text, published=None, outlet="Undated")


def test_an_undated_page_whose_only_weekday_is_a_deed_after_the_event_still_joins(sqlite_store):
    sqlite_store.ingest([article_from_text(CHURCH_SHOOTING, published="2022-06-06", outlet="Dated")])
    hunt = "On Tuesday, police hunted the gunmen who shot dead 12 worshippers at a church in Owo."
    sqlite_store.ingest([_undated(hunt)])
    assert len(sqlite_store.incidents_frame()) == 1


def test_an_undated_page_telling_of_a_shooting_on_another_weekday_stays_apart(sqlite_store):
    sqlite_store.ingest([article_from_text(CHURCH_SHOOTING, published="2022-06-06", outlet="Dated")])
    other = "On Tuesday, gunmen shot dead 12 worshippers at a church in Owo, police said."
    sqlite_store.ingest([_undated(other)])
    assert len(sqlite_store.incidents_frame()) == 2

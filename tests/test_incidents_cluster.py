"""Clustering across articles, through the store (SQLite here; the store tests run both)."""

from __future__ import annotations

import pandas as pd
import pytest

from incidents.ingest import article_from_text

A1 = (
    "US air strikes hit Kataib Hezbollah positions near Al-Qaim on Monday, killing four fighters, "
    "militia leaders said."
)
A2 = (
    "The Syrian Observatory for Human Rights said at least seven fighters were killed when US warplanes "
    "struck Kataib Hezbollah positions near Al-Qaim on Monday."
)


def art(text, published="2022-05-10", **kw):
    return article_from_text(text, published=published, **kw)


def test_same_event_from_two_outlets_is_one_incident_with_both_claims(sqlite_store):
    sqlite_store.ingest([art(A1, outlet="One"), art(A2, outlet="Two")])
    inc = sqlite_store.incidents_frame()
    claims = sqlite_store.claims_frame()
    assert len(inc) == 1
    row = inc.iloc[0]
    assert set(claims["source"]) == {"militia leaders", "Syrian Observatory for Human Rights"}
    assert (row.killed_low, row.fatalities) == (4, 4)
    assert pd.isna(row.killed_high)  # "at least seven" leaves the top open
    assert bool(row.claims_disputed) and "disagree" in row.notes
    assert row.number_of_sources == 2 and len(row.article_ids.split("; ")) == 2


def test_strikes_on_the_same_militia_months_apart_stay_apart(sqlite_store):
    later = A1.replace("on Monday", "on Monday, three months after the last raid")
    sqlite_store.ingest([art(A1), art(later, published="2022-08-09")])
    assert len(sqlite_store.incidents_frame()) == 2


def test_attack_and_retaliation_stay_apart(sqlite_store):
    attack = "Kataib Hezbollah fired rockets at US forces near Al-Qaim on Monday, wounding two soldiers."
    reply = "US forces struck Kataib Hezbollah near Al-Qaim on Tuesday in retaliation, killing five fighters."
    sqlite_store.ingest([art(attack), art(reply)])
    inc = sqlite_store.incidents_frame()
    assert len(inc) == 2
    assert set(inc["actor1"]) == {"Kataib Hezbollah", "US forces"}


def test_month_precision_report_joins_the_day_incident(sqlite_store):
    day = art(
        "US air strikes hit militia positions in eastern Syria on Thursday, killing at least 17 people, "
        "local sources said.",
        published="2021-02-26",
    )
    month = art(
        "In February, the US military launched air strikes on militia positions in eastern Syria "
        "that left more than 20 fighters dead, according to the Syrian Observatory.",
        published="2021-06-28",
    )
    sqlite_store.ingest([month, day])
    inc = sqlite_store.incidents_frame()
    assert len(inc) == 1
    assert inc.iloc[0].event_date == "2021-02-25" and inc.iloc[0].time_precision == 1
    assert len(sqlite_store.claims_frame()) == 2


def test_undated_article_joins_the_incident_it_describes(sqlite_store):
    sqlite_store.ingest([art(A1)])
    undated = art(
        "US warplanes struck Kataib Hezbollah positions near Al-Qaim, killing four fighters, "
        "militia leaders said, in strikes on Kataib Hezbollah positions.",
        published=None,
    )
    sqlite_store.ingest([undated])
    assert len(sqlite_store.incidents_frame()) == 1
    assert sqlite_store.incidents_frame().iloc[0].article_ids.count(";") == 1


def test_ids_are_stable_when_more_articles_arrive(sqlite_store):
    first = art("Rockets hit a base near Kirkuk on Monday, wounding two soldiers, officials said.")
    sqlite_store.ingest([first])
    before = sqlite_store.incidents_frame()[["incident_id", "event_date"]].values.tolist()
    sqlite_store.ingest([art(A1), art("A car bomb killed six people in Mosul on Sunday, police said.")])
    after = sqlite_store.incidents_frame()
    assert before[0] in after[["incident_id", "event_date"]].values.tolist()
    assert after.iloc[0].incident_id == before[0][0]  # the oldest stays first


def test_announcement_day_and_local_day_both_kept_local_day_is_the_event_date(sqlite_store):
    text = (
        "US forces conducted air strikes on militia positions in eastern Syria early on Friday local "
        "time, killing two fighters. US military forces earlier this [Thursday] evening conducted the "
        "strikes in eastern Syria, the Pentagon said in a statement on Friday."
    )
    sqlite_store.ingest([art(text, published="2021-02-26")])
    [row] = sqlite_store.incidents_frame().itertuples()
    assert (row.date_start, row.date_end, row.event_date) == ("2021-02-25", "2021-02-26", "2021-02-26")
    assert row.time_precision == 2


SINJAR = (
    "A Turkish drone strike on Sunday evening hit a vehicle near Sinjar in northern Iraq, killing two "
    "fighters, a local official said."
)


@pytest.mark.parametrize("order", ["dated first", "undated first"])
def test_undated_article_joins_on_the_weekday_it_names(sqlite_store, order):
    dated = art(SINJAR, published="2024-05-20", outlet="One")
    undated = art(
        "A drone believed to be Turkish struck a car in Sinjar on Sunday evening, killing three people, "
        "a security source told the paper.",
        published=None,
        outlet="Two",
    )
    sqlite_store.ingest([dated, undated] if order == "dated first" else [undated, dated])
    assert len(sqlite_store.incidents_frame()) == 1


def test_undated_article_naming_another_weekday_stays_apart(sqlite_store):
    sqlite_store.ingest([art(SINJAR, published="2024-05-20", outlet="One")])
    sqlite_store.ingest(
        [
            art(
                "A drone believed to be Turkish struck a car in Sinjar on Thursday evening, killing three "
                "people, a security source told the paper.",
                published=None,
                outlet="Two",
            )
        ]
    )
    assert len(sqlite_store.incidents_frame()) == 2


def test_and_that_opens_another_reported_clause_with_its_own_date_and_actors(sqlite_store):
    sqlite_store.ingest(
        [
            art(
                "Two drones targeted Victory Base near Baghdad airport early on Thursday, Iraqi security "
                "sources said. The Islamic Resistance in Iraq claimed the attack.",
                published="2023-10-19",
                outlet="One",
            ),
            art(
                "The Pentagon said U.S. forces shot down a drone near Ain al-Asad on Wednesday and that "
                "a drone attack on Victory Base Complex in Baghdad on Thursday caused minor injuries.",
                published="2023-10-19",
                outlet="Two",
            ),
        ]
    )
    [row] = sqlite_store.incidents_frame().itertuples()
    assert row.event_date == "2023-10-19" and "US forces" not in row.actor1


def test_another_kind_of_violence_on_the_same_day_and_place_is_evidence_not_a_veto(sqlite_store):
    shooting = (
        "A gunman opened fire on worshippers at a shrine in Quetta on Friday, killing at least 14 people, "
        "police said."
    )
    bombing = (
        "A suicide bombing at a shrine in Quetta on Friday killed 14 worshippers, hospital officials said."
    )
    elsewhere = "A suicide bombing at a bus station in Lahore on Friday killed six people, police said."
    sqlite_store.ingest([art(shooting), art(bombing), art(elsewhere)])
    inc = sqlite_store.incidents_frame()
    assert len(inc) == 2  # the shrine read as a shooting and as a bombing is one attack; Lahore is another


def test_an_undated_report_joins_on_place_and_shared_wording(sqlite_store):
    dated = art(
        "A suicide bomber blew himself up at a crowded wedding hall in Baghlan on Friday, killing at least "
        "30 guests, provincial officials said."
    )
    undated = art(
        "A suicide bomber blew himself up at a crowded wedding hall in Baghlan, the provincial police said, "
        "and dozens of guests were killed.",
        published=None,
    )
    other_place = art(
        "A suicide bomber blew himself up at a checkpoint in Herat, police said.", published=None
    )
    sqlite_store.ingest([dated, undated, other_place])
    assert len(sqlite_store.incidents_frame()) == 2


def test_a_class_of_attacker_does_not_keep_one_attack_apart_from_its_named_author(sqlite_store):
    named = art("Al-Shabaab fighters attacked a police station in Mandera on Tuesday, killing five officers.")
    unnamed = art(
        "Militants attacked a police station in Mandera on Tuesday, killing five officers, police said."
    )
    sqlite_store.ingest([named, unnamed])
    assert len(sqlite_store.incidents_frame()) == 1


def test_two_undated_pages_and_one_dated_page_of_one_bombing_are_one_incident(sqlite_store):
    """The first undated page is not left apart when the second takes the dated report of both."""
    first = art(
        "A suicide bomber blew himself up among travellers at a Maiduguri motor park during the Tuesday "
        "rush hour.",
        published=None,
        outlet="One",
    )
    second = art(
        "An explosion ripped through the main bus station of Maiduguri on Tuesday, killing 12 travellers, "
        "police said.",
        published=None,
        outlet="Two",
    )
    dated = art(
        "An explosion ripped through the main bus station of Maiduguri on Tuesday, killing 12 travellers, "
        "the police said.",
        published="2023-06-07",
        outlet="Three",
    )
    sqlite_store.ingest([first, second, dated])
    assert len(sqlite_store.incidents_frame()) == 1


def test_two_undated_pages_naming_other_weekdays_need_more_than_place_to_join(sqlite_store):
    sqlite_store.ingest(
        [
            art("A bomb exploded at a market in Maiduguri on Tuesday, police said.", published=None),
            art("Gunmen stormed a church in Maiduguri on Friday, residents said.", published=None),
        ]
    )
    assert len(sqlite_store.incidents_frame()) == 2


def test_a_dated_report_with_the_line_and_one_with_its_state_are_one_clash(sqlite_store):
    """Two outlets of one gunfight: one names the district border, the other only the state."""
    sqlite_store.ingest(
        [
            art(
                "Rebels ambushed a police patrol on Saturday. Reporters reached the site on the "
                "Malkangiri-Koraput border, where the gunfight took place, and counted nine bodies.",
                published="2021-06-06",
                outlet="One",
            ),
            art(
                "Police found the bodies of nine officers in the forests of Odisha on Sunday, a day "
                "after a gunbattle with rebels.",
                published="2021-06-06",
                outlet="Two",
            ),
        ]
    )
    frame = sqlite_store.incidents_frame()
    assert len(frame) == 1
    assert frame.iloc[0]["location"].endswith("border")


def test_an_undated_report_joins_the_incident_whose_death_toll_it_shares(sqlite_store):
    """Two bombings of one kind, one town, one weekday, a year apart: the undated report joins the
    one whose dead it counts, though its wording is closer to the other, whose wounded happen to be
    the same number."""
    earlier = art(
        "A suicide bomber killed nine people at a restaurant in Baidoa on Thursday, officials said.",
        published="2021-03-12",
        outlet="One",
    )
    later = art(
        "A suicide bomber killed three people and wounded more than 8 others at a crowded restaurant near "
        "the army base in Baidoa on Thursday, police said.",
        published="2022-02-11",
        outlet="Two",
    )
    undated = art(
        "At least nine people were killed when a suicide bomber struck a crowded restaurant near the army "
        "base in Baidoa on Thursday, police said.",
        published=None,
        outlet="Three",
    )
    sqlite_store.ingest([earlier, later, undated])
    claims = sqlite_store.claims_frame()
    by_outlet = dict(zip(claims["outlet"], claims["incident_id"], strict=True))
    assert by_outlet["Three"] == by_outlet["One"] != by_outlet["Two"]


def test_a_reading_most_reports_disagree_with_does_not_become_the_incidents_place():
    """Two reports near a town, one its province, one a city far off (a hospital's, a homonym):
    the incident keeps the town inside the province."""
    import geo
    from incidents import cluster

    town, province, far = geo.resolve("near Gwoza"), geo.resolve("Borno state"), geo.resolve("Kano")
    assert cluster.most_specific([far, town, province, town]).name == "near Gwoza"


# a day only a statement gives is the event's day or the day before (a date belongs to its clause)
SAID_ONLY = (
    "A bomb blast killed eleven traders at a bazaar in Kanker district, "
    "the army said in a statement on Sunday."
)
EVENT_DAY = (
    "Gunmen opened fire on a bazaar near Kanker on Saturday evening, killing eleven traders, residents said."
)


def test_an_event_dated_only_by_a_statements_day_is_of_that_day_or_the_day_before(sqlite_store):
    sqlite_store.ingest([art(SAID_ONLY, published="2023-05-15")])
    [row] = sqlite_store.incidents_frame().to_dict("records")
    assert (row["date_start"], row["date_end"], row["time_precision"]) == ("2023-05-13", "2023-05-14", 2)


@pytest.mark.parametrize("order", [(SAID_ONLY, EVENT_DAY), (EVENT_DAY, SAID_ONLY)])
def test_a_statements_day_and_the_events_day_before_it_are_one_incident(sqlite_store, order):
    # (told as two kinds of violence, a blast and gunfire: evidence against, not a veto, on one day)
    sqlite_store.ingest([art(t, published="2023-05-15", outlet=f"Outlet {i}") for i, t in enumerate(order)])
    [row] = sqlite_store.incidents_frame().to_dict("records")
    assert row["event_date"] == "2023-05-13"


@pytest.mark.parametrize(
    "second",
    [
        "Gunmen opened fire on the bazaar near Kanker on Saturday evening, residents said.",
        "An attack on the bazaar on Saturday evening left eleven dead, residents said.",
    ],
)
def test_in_one_article_a_statements_day_does_not_split_the_event_of_the_day_before(sqlite_store, second):
    text = f"{SAID_ONLY} {second}"
    sqlite_store.ingest([art(text, published="2023-05-15")])
    [row] = sqlite_store.incidents_frame().to_dict("records")
    assert row["event_date"] == "2023-05-13"


def _place(name, lon, radius, where_prec, precision):
    from geo.place import Place

    return Place(name, 0.0, lon, "XX", None, name, precision, where_prec, radius)


def test_merged_reports_keep_the_district_inside_the_province_over_a_smaller_reading_outside_it():
    from incidents.cluster import most_specific

    province = _place("Foo Province", 0.0, 60.0, 4, 3)
    district = _place("Bar District", 0.72, 30.0, 3, 3)  # 80 km off the province's centre: inside it
    town = _place("Baz", 1.17, 5.0, 1, 1)  # 130 km off: beyond the province, though near the district
    assert most_specific([province, district, town]) is district
    # with no province or region named, the smaller reading wins as before
    assert most_specific([district, town]) is town


def test_a_month_mention_beside_undated_leads_keeps_the_days_their_publication_allows(sqlite_store):
    """Two reports whose leads date nothing (the publication day or the day before) and a later
    article's passing mention of the same bombing "in March": the incident keeps the narrowest
    window all three allow, not the whole month."""
    lead_one = art(
        "A car bomb tore through a crowded bus station in Kandahar, killing at least 31 people, "
        "a provincial health official said.",
        published="2021-03-17",
    )
    lead_two = art(
        "The toll from the car bomb at a crowded bus station in Kandahar rose to 40, "
        "a provincial health official said.",
        published="2021-03-18",
    )
    mention = art(
        "The city has suffered before, including a car bomb at a bus station in Kandahar in March "
        "that killed 40 people.",
        published="2021-05-02",
    )
    sqlite_store.ingest([lead_one, lead_two, mention])
    inc = sqlite_store.incidents_frame()
    assert len(inc) == 1
    row = inc.iloc[0]
    assert (str(row.date_start), str(row.date_end)) == ("2021-03-17", "2021-03-17")
    assert row.time_precision == 2

"""The one filter function that decides what map, table and downloads show."""
from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.filters import (
    IncidentFilter,
    date_bounds,
    filter_incidents,
    filter_options,
    highest_killed,
    search_text,
    split_list,
)


def test_no_filter_keeps_every_row(tables):
    assert len(filter_incidents(tables.incidents, IncidentFilter())) == len(tables.incidents)


def test_event_type_and_country_filters_keep_only_matching_rows(tables):
    flt = IncidentFilter(event_types=("Battles",), countries=("Iraq",))
    out = filter_incidents(tables.incidents, flt)
    assert len(out) > 0
    assert set(out["event_type"]) == {"Battles"} and set(out["country"]) == {"Iraq"}
    table = tables.incidents
    expected = table[(table.event_type == "Battles") & (table.country == "Iraq")]
    assert list(out["incident_id"]) == list(expected["incident_id"])


def test_actor_matches_either_side_and_whole_names_only():
    frame = pd.DataFrame({
        "incident_id": ["a", "b", "c"], "event_date": ["2021-01-01"] * 3, "date_start": ["2021-01-01"] * 3,
        "date_end": ["2021-01-01"] * 3, "actor1": ["US forces", "Kataib Hezbollah;PMF", "X"],
        "actor2": ["PMF", "", "US forces special"], "sources": ["", "", ""],
    })
    out = filter_incidents(frame, IncidentFilter(actors=("PMF",)))
    assert list(out["incident_id"]) == ["a", "b"]


def test_date_range_overlaps_the_incident_window():
    frame = pd.DataFrame({
        "incident_id": ["day", "month", "undated"], "event_date": ["2021-06-28", "2021-04-15", None],
        "date_start": ["2021-06-28", "2021-04-01", None], "date_end": ["2021-06-28", "2021-04-30", None],
    })
    out = filter_incidents(frame, IncidentFilter(date_from=date(2021, 4, 20), date_to=date(2021, 5, 1)))
    assert list(out["incident_id"]) == ["month"]
    assert "undated" in set(filter_incidents(frame, IncidentFilter())["incident_id"])


def test_minimum_killed_uses_the_highest_figure_any_source_gives():
    frame = pd.DataFrame({
        "incident_id": ["a", "b", "c"], "event_date": ["2021-01-01"] * 3, "date_start": ["2021-01-01"] * 3,
        "date_end": ["2021-01-01"] * 3, "killed_low": pd.array([4, 5, None], dtype="Int64"),
        "killed_high": pd.array([5, None, None], dtype="Int64"),
    })
    assert list(highest_killed(frame)) == [5, 5, 0]
    assert list(filter_incidents(frame, IncidentFilter(min_killed=5))["incident_id"]) == ["a", "b"]


def test_text_search_is_case_insensitive_and_literal(tables):
    incidents = tables.incidents.copy()
    incidents.loc[3, "notes"] = "Strike near the (old) Al-Qaim crossing"
    out = filter_incidents(incidents, IncidentFilter(text="AL-QAIM CROSSING"), search=search_text(incidents))
    assert list(out["incident_id"]) == [incidents.loc[3, "incident_id"]]
    assert filter_incidents(incidents, IncidentFilter(text="(old)")).shape[0] == 1


def test_source_filter_and_options(tables):
    options = filter_options(tables.incidents)
    assert "SANA" in options["sources"] and "Battles" in options["event_types"]
    out = filter_incidents(tables.incidents, IncidentFilter(sources=("SANA",)))
    assert len(out) > 0 and all("SANA" in split_list(s) for s in out["sources"])


def test_date_bounds_cover_the_table(tables):
    low, high = date_bounds(tables.incidents)
    dates = pd.to_datetime(tables.incidents["event_date"])
    assert low == dates.min().date() and high == dates.max().date()

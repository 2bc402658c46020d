"""The one filter function that decides what map, table and downloads show."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.filters import (
    FilterIndex,
    IncidentFilter,
    SearchText,
    date_bounds,
    filter_incidents,
    filter_options,
    filter_positions,
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


def _plain_filter(incidents: pd.DataFrame, flt: IncidentFilter) -> list[str]:
    """The filter read straight off the frame with pandas, cell by cell (what the index must agree with)."""
    keep = []
    for _, row in incidents.iterrows():
        first = pd.to_datetime(row["date_start"] or row["event_date"])
        last = pd.to_datetime(row["date_end"] or row["event_date"])
        first, last = (first if pd.notna(first) else last), (last if pd.notna(last) else first)
        if flt.date_from and not (pd.notna(last) and last >= pd.Timestamp(flt.date_from)):
            continue
        if flt.date_to and not (pd.notna(first) and first <= pd.Timestamp(flt.date_to)):
            continue
        if flt.event_types and row["event_type"] not in flt.event_types:
            continue
        if flt.actors and not set(flt.actors) & set(split_list(row["actor1"]) + split_list(row["actor2"])):
            continue
        if flt.sources and not set(flt.sources) & set(split_list(row["sources"])):
            continue
        high = row["killed_high"] if pd.notna(row["killed_high"]) else row["killed_low"]
        if flt.min_killed and not (pd.notna(high) and high >= flt.min_killed):
            continue
        text = " ".join(str(row[c]) for c in ("location", "actor1", "actor2", "sources", "incident_id"))
        text = text.lower()
        if flt.text and flt.text.lower() not in text:
            continue
        keep.append(row["incident_id"])
    return keep


@pytest.mark.parametrize("flt", [
    IncidentFilter(date_from=date(2021, 3, 1), date_to=date(2022, 2, 1), min_killed=2),
    IncidentFilter(actors=("Islamic State", "US forces"), sources=("SANA",)),
    IncidentFilter(event_types=("Battles", "Riots"), text="inc-00001"),
    IncidentFilter(text="deir", min_killed=12),
])
def test_the_prepared_index_keeps_the_rows_a_plain_reading_keeps(tables, flt):
    index = FilterIndex.of(tables.incidents, tables.search)
    picked = tables.incidents.iloc[filter_positions(index, flt)]["incident_id"].tolist()
    assert picked == _plain_filter(tables.incidents, flt) and picked


def test_a_filter_of_a_row_subset_reads_positions_not_labels(tables):
    subset = tables.incidents.iloc[::-3]  # labels out of order: positions must still line up
    out = filter_incidents(subset, IncidentFilter(sources=("SANA",)))
    assert all("SANA" in split_list(s) for s in out["sources"]) and len(out) > 0


def test_a_search_finds_each_row_once_and_never_across_two_rows():
    text = SearchText.of(pd.Series(["abcab", "", None, "cab", "ab\x1ec", "zzab"]))
    assert text.rows_holding("ab").tolist() == [True, False, False, True, True, True]
    assert text.rows_holding("bc").tolist() == [True, False, False, False, False, False]
    assert not text.rows_holding("abz").any()  # "...ab" + "zz..." of the next row is not one row's text
    assert text.rows_holding("b\x1ec").tolist() == [False, False, False, False, True, False]
    wide = SearchText.of(pd.Series(["ḥalib é", "ab", "", "ذab", "x"]))  # 2- and 3-byte letters before a hit
    assert wide.rows_holding("ab").tolist() == [False, True, False, True, False]
    assert wide.rows_holding("é").tolist() == [True, False, False, False, False]

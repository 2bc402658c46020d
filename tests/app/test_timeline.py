"""The timeline's bins and its brush -> the date filter."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pandas as pd

from dashboard.timeline import CHART_KEY, DATES_KEY, apply_brush, brushed_range, timeline_frame, timeline_spec


def incidents(dates: list[str | None], killed: list[int | None]) -> pd.DataFrame:
    return pd.DataFrame({"event_date": dates, "killed_low": pd.array(killed, dtype="Int64")})


def test_short_spans_count_per_day_with_the_lowest_killed_figure():
    frame, unit = timeline_frame(incidents(["2024-01-01", "2024-01-01", "2024-01-03", None], [2, None, 5, 9]))
    assert unit == "day"
    assert frame["incidents"].tolist() == [2, 1] and frame["killed"].tolist() == [2, 5]
    assert (frame["period_end"] - frame["period"]).dt.days.tolist() == [1, 1]


def test_long_spans_count_per_week():
    frame, unit = timeline_frame(incidents(["2024-01-01", "2024-01-02", "2024-09-30"], [1, 1, 1]))
    assert unit == "week"
    assert frame["incidents"].tolist() == [2, 1]
    assert frame["period"].dt.day_of_week.tolist() == [0, 0]  # weeks start on Monday


def test_no_dated_incident_gives_an_empty_timeline():
    frame, _ = timeline_frame(incidents([None], [3]))
    assert frame.empty


def test_a_brush_in_epoch_milliseconds_or_iso_dates_is_a_date_range():
    ms = {"brush": {"period": [1704067200000, 1706659200000]}}  # 2024-01-01, 2024-01-31 UTC
    assert brushed_range(ms) == (date(2024, 1, 1), date(2024, 1, 31))
    assert brushed_range({"brush": {"period": ["2024-02-05", "2024-02-01"]}}) == (date(2024, 2, 1),
                                                                                  date(2024, 2, 5))
    assert brushed_range({"brush": {}}) is None and brushed_range(None) is None


def test_brushing_sets_the_date_filter_within_the_data_dates():
    state = {CHART_KEY: SimpleNamespace(selection={"brush": {"period": ["2023-12-01", "2024-01-10"]}})}
    assert apply_brush(state, (date(2024, 1, 1), date(2024, 3, 1)))
    assert state[DATES_KEY] == (date(2024, 1, 1), date(2024, 1, 10))
    cleared = {CHART_KEY: SimpleNamespace(selection={"brush": {}}), DATES_KEY: "kept"}
    assert not apply_brush(cleared, (date(2024, 1, 1), date(2024, 3, 1))) and cleared[DATES_KEY] == "kept"


def test_the_spec_brushes_the_time_axis_of_both_rows():
    frame, unit = timeline_frame(incidents(["2024-01-01", "2024-01-03"], [2, 5]))
    spec = timeline_spec(frame, unit)
    top, bottom = spec["vconcat"]
    assert top["params"][0]["select"] == {"type": "interval", "encodings": ["x"]}
    assert top["encoding"]["x"] == bottom["encoding"]["x"] and top["encoding"]["x"]["field"] == "period"
    assert spec["data"]["values"][1] == {"period": "2024-01-03", "period_end": "2024-01-04", "incidents": 1,
                                         "killed": 5}

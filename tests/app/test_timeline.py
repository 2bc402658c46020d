"""The timeline's bins and its brush -> the date filter."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import numpy as np
import pandas as pd

from dashboard.timeline import (
    CHART_KEY,
    DATES_KEY,
    EventDays,
    apply_brush,
    bin_days,
    brushed_range,
    timeline_data,
    timeline_frame,
    timeline_spec,
)


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


def _pandas_bins(frame: pd.DataFrame) -> tuple[list, list, list, str]:
    """The bins read with pandas periods (Monday weeks), for comparison."""
    dates = pd.to_datetime(frame["event_date"], errors="coerce")
    killed = pd.to_numeric(frame["killed_low"], errors="coerce").fillna(0)
    both = pd.DataFrame({"date": dates, "killed": killed}).dropna(subset=["date"])
    unit = "day" if (both["date"].max() - both["date"].min()).days <= 120 else "week"
    period = both["date"].dt.to_period("D" if unit == "day" else "W-SUN").dt.start_time
    grouped = both.groupby(period).agg(incidents=("date", "size"), killed=("killed", "sum"))
    return grouped["incidents"].tolist(), grouped["killed"].astype(int).tolist(), list(grouped.index), unit


def test_binning_a_filtered_set_by_position_counts_as_pandas_periods(generated):
    table, _ = generated
    table = table.assign(event_date=table["event_date"].where(table.index % 17 != 0, None))
    days = EventDays.of(table)
    early = np.flatnonzero(pd.to_datetime(table["event_date"]) < "2020-03-15")  # a short span: per day
    for positions in (np.arange(0, len(table), 3), np.flatnonzero(table["country"] == "Iraq"), early):
        frame, unit = bin_days(days, positions)
        counts, killed, periods, expected_unit = _pandas_bins(table.iloc[positions])
        assert unit == expected_unit and frame["incidents"].tolist() == counts and counts
        assert frame["killed"].tolist() == killed and list(frame["period"]) == periods
    rows = timeline_data(bin_days(days, np.arange(5))[0]).to_pylist()
    assert all(set(r) == {"period", "period_end", "incidents", "killed"} for r in rows)
    assert timeline_spec(None, "week")["vconcat"] and "data" not in timeline_spec(None, "week")

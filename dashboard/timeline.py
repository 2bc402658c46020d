"""The timeline under the map: incidents and killed per day or week; brushing it sets the date filter.

`timeline_frame` bins the filtered incidents (pure, tested); `timeline_spec`
draws them with an x-brush (Vega-Lite, rendered by Streamlit's own Vega,
nothing fetched); `apply_brush` turns the brushed interval into the sidebar's date
range (called from the chart's on_select callback, before the widgets exist).
The app reads each incident's day once per data version (`EventDays`) and bins
a filtered set's rows with numpy (`bin_days`), not pandas dates on every filter change.
"""
from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

DATES_KEY = "f_dates"
CHART_KEY = "timeline"
BRUSH = "brush"
DAILY_UP_TO_DAYS = 120


@dataclass(frozen=True)
class EventDays:
    """Each incident's event day (days since 1970-01-01, where `dated`), lowest killed figure (0: unknown)."""

    day: np.ndarray
    dated: np.ndarray
    killed: np.ndarray

    @classmethod
    def of(cls, incidents: pd.DataFrame) -> EventDays:
        missing = pd.Series(None, index=incidents.index, dtype=object)
        dates = pd.to_datetime(incidents.get("event_date", missing), errors="coerce")
        killed = pd.to_numeric(incidents.get("killed_low", missing), errors="coerce")
        days = dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
        return cls(days.astype(np.int64), ~np.isnat(days), killed.fillna(0).to_numpy(dtype=float))


def bin_days(days: EventDays, positions: np.ndarray | None = None) -> tuple[pd.DataFrame, str]:
    """(rows of period, period_end, incidents, killed; 'day' or 'week') over the rows at `positions`."""
    keep = days.dated if positions is None else positions[days.dated[positions]]
    day, killed = days.day[keep], days.killed[keep]
    if not len(day):
        return pd.DataFrame(columns=["period", "period_end", "incidents", "killed"]), "day"
    unit = "day" if int(day.max() - day.min()) <= DAILY_UP_TO_DAYS else "week"
    period = day if unit == "day" else day - (day + 3) % 7  # 1970-01-01 was a Thursday: weeks start Monday
    starts, which = np.unique(period, return_inverse=True)
    first = starts.astype("datetime64[D]").astype("datetime64[ns]")
    return pd.DataFrame({
        "period": first, "period_end": first + np.timedelta64(1 if unit == "day" else 7, "D"),
        "incidents": np.bincount(which).astype(np.int64),
        "killed": np.bincount(which, weights=killed).astype(np.int64),
    }), unit


def timeline_frame(incidents: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """(rows of period, incidents, killed; 'day' or 'week') over the incidents' event dates.

    killed is the sum of each incident's lowest reported figure ("at least").
    Incidents without a date are not counted (the caption says how many).
    """
    return bin_days(EventDays.of(incidents))


def timeline_data(frame: pd.DataFrame) -> pa.Table:
    """The chart's rows as Arrow (ISO days, counts): what st.vega_lite_chart sends without converting."""
    def days(column: str) -> pa.Array:
        iso = np.datetime_as_string(frame[column].to_numpy(dtype="datetime64[D]"))
        return pa.array(iso, type=pa.string())

    return pa.table({
        "period": days("period"), "period_end": days("period_end"),
        "incidents": pa.array(frame["incidents"], type=pa.int64()),
        "killed": pa.array(frame["killed"], type=pa.int64()),
    })


def timeline_spec(frame: pd.DataFrame | None, unit: str) -> dict:
    """Two bar rows (incidents, killed) sharing one time axis and one x-brush, as a Vega-Lite spec.

    Written as a dict (Altair built and validated the same chart in 40 ms, on every filter change).
    frame None: the spec without its data (the app passes the rows as Arrow, `timeline_data`).
    """
    rows = [] if frame is None else [
        {"period": p.strftime("%Y-%m-%d"), "period_end": e.strftime("%Y-%m-%d"), "incidents": int(n),
         "killed": int(k)}
        for p, e, n, k in zip(frame["period"], frame["period_end"], frame["incidents"], frame["killed"],
                              strict=True)]
    x = {"field": "period", "type": "temporal", "title": None,
         "axis": {"format": "%d %b %Y", "labelOverlap": True}}
    tooltip = [{"field": "period", "type": "temporal", "title": f"{unit} of", "format": "%d %b %Y"},
               {"field": "incidents", "type": "quantitative"}, {"field": "killed", "type": "quantitative"}]

    def row(field: str, color: str) -> dict:
        return {"mark": {"type": "bar", "color": color}, "height": 70, "width": "container",
                "encoding": {"x": x, "x2": {"field": "period_end"},
                             "y": {"field": field, "type": "quantitative", "title": field},
                             "y2": {"datum": 0},
                             "tooltip": tooltip}}

    incidents = row("incidents", "#4a5d73")
    incidents["params"] = [{"name": BRUSH, "select": {"type": "interval", "encodings": ["x"]}}]
    spec = {"vconcat": [incidents, row("killed", "#a33b3b")], "spacing": 4,
            "config": {"view": {"stroke": None}}}
    return spec if frame is None else {"data": {"values": rows}, **spec}


def _as_date(value: Any) -> date | None:
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value / 1000, tz=UTC).date()
    try:
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None


def brushed_range(selection: Any) -> tuple[date, date] | None:
    """The (first, last) day of a brush selection as Streamlit reports it, or None."""
    try:
        interval = dict(selection[BRUSH])
    except (KeyError, TypeError, AttributeError):
        return None
    values = next((v for v in interval.values() if isinstance(v, (list, tuple)) and len(v) == 2), None)
    if not values:
        return None
    first, last = (_as_date(v) for v in values)
    if first is None or last is None:
        return None
    return (first, last) if first <= last else (last, first)


def apply_brush(state: MutableMapping[str, Any], bounds: tuple[date, date] | None) -> bool:
    """Set the date filter to the brushed range (clamped to the data's dates); True when it changed."""
    chart = state.get(CHART_KEY)
    picked = brushed_range(getattr(chart, "selection", None) if chart is not None else None)
    if picked is None or bounds is None:
        return False
    first, last = max(picked[0], bounds[0]), min(picked[1], bounds[1])
    if first > last:
        return False
    state[DATES_KEY] = (first, last)
    return True

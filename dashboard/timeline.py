"""The timeline under the map: incidents and killed per day or week; brushing it sets the date filter.

`timeline_frame` bins the filtered incidents (pure, tested); `timeline_spec`
draws them with an x-brush (Vega-Lite, rendered by Streamlit's own Vega,
nothing fetched); `apply_brush` turns the brushed interval into the sidebar's date
range (called from the chart's on_select callback, before the widgets exist).
"""
from __future__ import annotations

from collections.abc import MutableMapping
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd

DATES_KEY = "f_dates"
CHART_KEY = "timeline"
BRUSH = "brush"
DAILY_UP_TO_DAYS = 120


def timeline_frame(incidents: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """(rows of period, incidents, killed; 'day' or 'week') over the incidents' event dates.

    killed is the sum of each incident's lowest reported figure ("at least").
    Incidents without a date are not counted (the caption says how many).
    """
    dates = pd.to_datetime(incidents.get("event_date"), errors="coerce")
    killed = pd.to_numeric(incidents.get("killed_low"), errors="coerce").fillna(0)
    frame = pd.DataFrame({"date": dates, "killed": killed}).dropna(subset=["date"])
    if frame.empty:
        return pd.DataFrame(columns=["period", "period_end", "incidents", "killed"]), "day"
    span = (frame["date"].max() - frame["date"].min()).days
    unit = "day" if span <= DAILY_UP_TO_DAYS else "week"
    period = frame["date"].dt.to_period("D" if unit == "day" else "W-SUN").dt.start_time
    grouped = frame.groupby(period).agg(incidents=("date", "size"), killed=("killed", "sum"))
    grouped.index.name = "period"
    grouped["killed"] = grouped["killed"].astype(int)
    grouped = grouped.reset_index()
    grouped.insert(1, "period_end", grouped["period"] + pd.Timedelta(days=1 if unit == "day" else 7))
    return grouped, unit


def timeline_spec(frame: pd.DataFrame, unit: str) -> dict:
    """Two bar rows (incidents, killed) sharing one time axis and one x-brush, as a Vega-Lite spec.

    Written as a dict (Altair built and validated the same chart in 40 ms, on every filter change).
    """
    rows = [{"period": p.strftime("%Y-%m-%d"), "period_end": e.strftime("%Y-%m-%d"), "incidents": int(n),
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
    return {"data": {"values": rows}, "vconcat": [incidents, row("killed", "#a33b3b")], "spacing": 4,
            "config": {"view": {"stroke": None}}}


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

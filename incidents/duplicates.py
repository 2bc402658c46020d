"""Likely duplicates for the review desk: pairs of incidents an editor may want to merge.

Two incidents are listed when they have the same event type (ACLED's
event_type, the family of the sub-types), their dates overlap once each is
widened by its own precision (a day either side of a day, three of a week,
fifteen of a month), and their places lie within their uncertainty radii of
each other. Undated or unplaced incidents are not judged, and rejected ones
are left out: the list is a prompt for an editor, never an automatic merge.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from incidents.cluster import km

SLACK_DAYS = {1: 1, 2: 3, 3: 15}
MIN_KM = 5.0  # two points named exactly still differ by a few km (a village and its outskirts)
PAIR_COLUMNS = (
    "incident_a",
    "incident_b",
    "event_type",
    "date_a",
    "date_b",
    "location_a",
    "location_b",
    "distance_km",
)


def _window(row) -> tuple[date, date] | None:
    try:
        start, end = date.fromisoformat(row.date_start), date.fromisoformat(row.date_end)
    except (TypeError, ValueError):
        return None
    slack = timedelta(days=SLACK_DAYS.get(int(row.time_precision) if pd.notna(row.time_precision) else 3, 15))
    return start - slack, end + slack


def _radius(value) -> float:
    return float(value) if pd.notna(value) else 0.0


def likely_duplicates(incidents: pd.DataFrame) -> pd.DataFrame:
    """One row per pair (the older incident first), nearest first."""
    usable = []
    for row in incidents.itertuples(index=False):
        window = _window(row)
        if (
            window is None
            or not row.event_type
            or pd.isna(row.latitude)
            or pd.isna(row.longitude)
            or row.review_status == "rejected"
        ):
            continue
        usable.append((window, row))
    usable.sort(key=lambda item: item[0][0])
    pairs = []
    for i, ((_start_a, end_a), a) in enumerate(usable):
        for (start_b, _end_b), b in usable[i + 1 :]:
            if start_b > end_a:
                break  # sorted by start: nothing later overlaps a
            if a.event_type != b.event_type:
                continue
            distance = km(a.latitude, a.longitude, b.latitude, b.longitude)
            reach = _radius(a.geo_uncertainty_km) + _radius(b.geo_uncertainty_km) + MIN_KM
            if distance <= reach:
                pairs.append(
                    (
                        a.incident_id,
                        b.incident_id,
                        a.event_type,
                        a.event_date,
                        b.event_date,
                        a.location,
                        b.location,
                        round(distance, 1),
                    )
                )
    frame = pd.DataFrame(pairs, columns=list(PAIR_COLUMNS))
    return frame.sort_values("distance_km", kind="stable").reset_index(drop=True)

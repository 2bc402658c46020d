"""The filter over the incident table: one pure function, so map and table show one set.

The app builds an IncidentFilter from its widgets, calls `filter_incidents`
once, and hands the same frame to the map layer, the table and the exports.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

SEARCH_COLUMNS = ("incident_id", "event_type", "sub_event_type", "weapon", "actor1", "actor2", "country",
                  "admin1", "location", "location_as_reported", "sources", "notes")


@dataclass(frozen=True)
class IncidentFilter:
    """What the user asked for; an empty field means "no restriction"."""

    date_from: date | None = None
    date_to: date | None = None
    event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    min_killed: int = 0
    text: str = ""


def split_list(value: object) -> list[str]:
    """A `;`-separated cell as its stripped, non-empty parts."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [part.strip() for part in str(value).split(";") if part.strip()]


def filter_options(incidents: pd.DataFrame) -> dict[str, list[str]]:
    """The values each multiselect offers, sorted."""
    def distinct(columns: tuple[str, ...]) -> list[str]:
        values: set[str] = set()
        for column in columns:
            if column in incidents.columns:
                for cell in incidents[column].dropna().unique():
                    values.update(split_list(cell))
        return sorted(values)

    return {
        "event_types": distinct(("event_type",)),
        "actors": distinct(("actor1", "actor2")),
        "countries": distinct(("country",)),
        "sources": distinct(("sources",)),
    }


def date_bounds(incidents: pd.DataFrame) -> tuple[date, date] | None:
    """The earliest and latest dates in the table (None when no row has a date)."""
    start = pd.to_datetime(incidents.get("date_start"), errors="coerce")
    end = pd.to_datetime(incidents.get("date_end"), errors="coerce")
    both = pd.concat([start, end, pd.to_datetime(incidents.get("event_date"), errors="coerce")]).dropna()
    if both.empty:
        return None
    return both.min().date(), both.max().date()


def highest_killed(incidents: pd.DataFrame) -> pd.Series:
    """The highest figure any source gives (killed_high, else killed_low), 0 when unknown."""
    high = pd.to_numeric(incidents["killed_high"], errors="coerce")
    low = pd.to_numeric(incidents["killed_low"], errors="coerce")
    return high.fillna(low).fillna(0)


def _has_any(column: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    """Rows whose `;`-separated cell holds one of the wanted values exactly."""
    wanted_set = set(wanted)
    return column.map(lambda cell: bool(wanted_set.intersection(split_list(cell))))


def _date_mask(incidents: pd.DataFrame, flt: IncidentFilter) -> pd.Series:
    """Rows whose date window [date_start, date_end] overlaps the asked range.

    A row with no date at all only passes when no date range is set.
    """
    event = pd.to_datetime(incidents["event_date"], errors="coerce")
    start = pd.to_datetime(incidents["date_start"], errors="coerce").fillna(event)
    end = pd.to_datetime(incidents["date_end"], errors="coerce").fillna(event)
    mask = pd.Series(True, index=incidents.index)
    if flt.date_from is not None:
        mask &= end.fillna(start) >= pd.Timestamp(flt.date_from)
    if flt.date_to is not None:
        mask &= start.fillna(end) <= pd.Timestamp(flt.date_to)
    return mask


def search_text(incidents: pd.DataFrame) -> pd.Series:
    """One lower-case string per row over the searchable columns (cache it with the data)."""
    parts = [incidents[c].astype("string").fillna("") for c in SEARCH_COLUMNS if c in incidents.columns]
    if not parts:
        return pd.Series("", index=incidents.index)
    try:  # one Arrow kernel: 0.03 s instead of 0.2-0.3 s at 100,000 incidents
        import pyarrow as pa
        import pyarrow.compute as pc

        arrays = [pa.array(part, type=pa.large_string()) for part in parts]
        joined = pc.binary_join_element_wise(*arrays, pa.scalar("\u241f", pa.large_string()))
        return pd.Series(pc.utf8_lower(joined).to_pandas(), index=incidents.index).astype("string")
    except ImportError:
        pass
    text = parts[0]
    for part in parts[1:]:
        text = text + "\u241f" + part
    return text.str.lower()


def filter_incidents(incidents: pd.DataFrame, flt: IncidentFilter, *,
                     search: pd.Series | None = None) -> pd.DataFrame:
    """The incidents that pass every part of the filter, in their original order."""
    mask = _date_mask(incidents, flt)
    if flt.event_types:
        mask &= incidents["event_type"].isin(flt.event_types)
    if flt.countries:
        mask &= incidents["country"].isin(flt.countries)
    if flt.actors:
        mask &= _has_any(incidents["actor1"], flt.actors) | _has_any(incidents["actor2"], flt.actors)
    if flt.sources:
        mask &= _has_any(incidents["sources"], flt.sources)
    if flt.min_killed > 0:
        mask &= highest_killed(incidents) >= flt.min_killed
    needle = flt.text.strip().lower()
    if needle:
        haystack = search if search is not None else search_text(incidents)
        mask &= haystack.str.contains(needle, regex=False)
    return incidents[mask.astype(bool)]


def claims_of(claims: pd.DataFrame, incident_ids: pd.Series | list[str]) -> pd.DataFrame:
    """The claims belonging to the given incidents (for exports and the detail panel)."""
    return claims[claims["incident_id"].astype(str).isin(set(map(str, incident_ids)))]

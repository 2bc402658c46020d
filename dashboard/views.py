"""Streamlit layout pieces of the main page: filter widgets, map, table, detail, downloads.

Each function draws one part and returns what the next part needs; app.py
calls them in order. The logic lives in filters/map_layer/popups/selection.
A filter's result travels as row positions into the data version's incident
table (`cached_filter`); each part takes what it needs of them from what it
prepared once per data version (the filter index, the table's Arrow columns).
Every cache here is shared by the signed-in sessions of the process (each page
calls auth.gate() before any of them) and keyed on the data version, which
every ingest, review edit and merge changes (dashboard/data.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard import exports, selection
from dashboard.data import Tables
from dashboard.filters import (
    FilterIndex,
    IncidentFilter,
    claims_of,
    date_bounds,
    filter_options,
    filter_positions,
)
from dashboard.popups import incident_html
from dashboard.timeline import DATES_KEY
from incidents.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS

# 2,000 rows are 1 MB of Arrow a page load; 10,000 were 4.8 MB of the 6.5 MB sent at 10,000 incidents
TABLE_LIMIT = 2_000
TABLE_IDS = "table_incident_ids"
# the results kept for the whole process: more than the sessions one server serves at once (20), so that
# one session's next run (a row picked, a marker clicked) still finds its own filter's result
SHARED_RESULTS = 64
# a filter is a cache key by its repr (every field, quoted): Streamlit's own hashing of a dataclass
# (dataclasses.asdict, then each value) took 0.17 ms a call, four calls a run
BY_FILTER = {IncidentFilter: repr}


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_index(_tables: Tables, version: str) -> FilterIndex:
    """What the filters read of the data version's incidents, prepared once for every session."""
    return FilterIndex.of(_tables.incidents, _tables.search)


@st.cache_resource(show_spinner=False, max_entries=SHARED_RESULTS, hash_funcs=BY_FILTER)  # not pickled
def cached_filter(_tables: Tables, version: str, flt: IncidentFilter) -> np.ndarray:
    """The positions of the incidents that pass the filter (data version, filter): map, table, timeline
    and exports show exactly these rows."""
    return filter_positions(cached_index(_tables, version), flt)


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_ids(_tables: Tables, version: str) -> pd.Index:
    """incident_id -> row position, for the selected and the focused incident."""
    return pd.Index(_tables.incidents["incident_id"].astype(str).to_numpy(dtype=object))


def position_of(tables: Tables, version: str, incident_id: str | None,
                rows: np.ndarray | None = None) -> int | None:
    """The row of an incident (None: no such incident, or not among `rows` when they are given)."""
    if not incident_id:
        return None
    ids = cached_ids(tables, version)
    found = ids.get_indexer([incident_id])[0]
    if found < 0 or (rows is not None and not np.isin(found, rows)):
        return None
    return int(found)


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_choices(_incidents: pd.DataFrame, version: str) -> tuple[dict[str, list[str]], tuple | None]:
    """What the filter widgets offer (values, date bounds): once per data version, not per run."""
    return filter_options(_incidents), date_bounds(_incidents)


def filter_sidebar(incidents: pd.DataFrame, version: str) -> IncidentFilter:
    """The filter widgets in the sidebar; returns what they say."""
    options, bounds = cached_choices(incidents, version)
    bar = st.sidebar
    bar.header("Filters")
    date_from = date_to = None
    if bounds:
        kept = st.session_state.get(DATES_KEY)  # the brushed timeline may have set it
        if not (isinstance(kept, (tuple, list)) and all(bounds[0] <= d <= bounds[1] for d in kept)):
            st.session_state[DATES_KEY] = bounds
        picked = bar.date_input("Date range", min_value=bounds[0], max_value=bounds[1], key=DATES_KEY)
        if isinstance(picked, (tuple, list)) and len(picked) == 2 and tuple(picked) != tuple(bounds):
            date_from, date_to = picked
    return IncidentFilter(
        date_from=date_from, date_to=date_to,
        event_types=tuple(bar.multiselect("Event type", options["event_types"], key="f_types")),
        actors=tuple(bar.multiselect("Actor", options["actors"], key="f_actors")),
        countries=tuple(bar.multiselect("Country", options["countries"], key="f_countries")),
        sources=tuple(bar.multiselect("Source", options["sources"], key="f_sources")),
        min_killed=int(bar.number_input("Minimum killed (highest figure)", min_value=0, value=0, step=1,
                                        key="f_min_killed")),
        text=bar.text_input("Search", key="f_text", placeholder="place, actor, source, notes..."),
    )


def _table_selected(key: str) -> None:
    """on_select callback: runs before the rerun, so the map above the table already sees the choice."""
    rows = st.session_state[key].selection.rows
    ids = st.session_state.get(TABLE_IDS, ())
    picked = str(ids[rows[0]]) if rows and rows[0] < len(ids) else None
    selection.note_table_selection(st.session_state, picked)


@dataclass(frozen=True)
class TableSource:
    """The table's rows newest first and its Arrow columns, prepared once per data version."""

    order: np.ndarray  # row positions, newest event_date first (stable; undated last)
    ids: np.ndarray  # incident_id per row, as str
    arrow: pa.Table  # INCIDENT_COLUMNS of every row, in row order

    @classmethod
    def of(cls, incidents: pd.DataFrame) -> TableSource:
        plain = incidents.reset_index(drop=True)
        order = plain.sort_values("event_date", ascending=False, na_position="last", kind="stable").index
        return cls(order.to_numpy(dtype=np.int64), plain["incident_id"].astype(str).to_numpy(dtype=object),
                   pa.Table.from_pandas(plain[list(INCIDENT_COLUMNS)], preserve_index=False))

    def rows(self, positions: np.ndarray, selected: str | None, limit: int = TABLE_LIMIT) -> np.ndarray:
        """The table's rows: the newest `limit` of those at `positions`, plus the selected incident.

        A marker clicked on the map selects its row even when that incident is older
        than the rows shown: it is added at the end (where newest-first puts it).
        """
        wanted = np.zeros(len(self.order), dtype=bool)
        wanted[positions] = True
        ordered = self.order[wanted[self.order]]
        shown = ordered[:limit]
        if selected is not None and len(ordered) > limit and not (self.ids[shown] == selected).any():
            shown = np.concatenate([shown, ordered[self.ids[ordered] == selected][:1]])
        return shown


def table_view(filtered: pd.DataFrame, selected: str | None, limit: int = TABLE_LIMIT) -> pd.DataFrame:
    """The table's rows of a filtered frame (newest `limit`, plus the selected incident), SCHEMA columns."""
    rows = TableSource.of(filtered).rows(np.arange(len(filtered)), selected, limit)
    return filtered.iloc[rows][list(INCIDENT_COLUMNS)].reset_index(drop=True)


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_table_source(_tables: Tables, version: str) -> TableSource:
    return TableSource.of(_tables.incidents)


@st.cache_resource(show_spinner=False, max_entries=SHARED_RESULTS, hash_funcs=BY_FILTER)
def cached_table(_tables: Tables, _rows: np.ndarray, version: str, flt: IncidentFilter,
                 selected: str | None) -> tuple[np.ndarray, pa.Table]:
    """The table's row ids and its Arrow table, once per (data version, filter, selection) for every
    session: the rows are taken out of the version's Arrow columns, not converted from pandas per run.
    The ids are a numpy array (each session keeps them): the collector after every run skips it."""
    source = cached_table_source(_tables, version)
    shown = source.rows(_rows, selected)
    ids = source.ids[shown]
    ids.flags.writeable = False
    return ids, source.arrow.take(pa.array(shown, type=pa.int64()))


def incident_table(tables: Tables, rows: np.ndarray, version: str, flt: IncidentFilter) -> str | None:
    """The table of the filtered set, newest first; returns the selected incident id."""
    selected = st.session_state.get(selection.SELECTED)
    ids, view = cached_table(tables, rows, version, flt, selected)
    if len(rows) > TABLE_LIMIT:
        st.caption(f"The table shows the newest {TABLE_LIMIT:,} of {len(rows):,} incidents "
                   "(and the selected one; the map, the timeline and the downloads have them all; "
                   "filter or search to narrow it).")
    st.session_state[TABLE_IDS] = ids
    at = np.flatnonzero(ids == selected) if selected else ()
    default = {"selection": {"rows": [int(at[0])]}} if len(at) else None
    key = f"incident_table_{st.session_state.get(selection.TABLE_NONCE, 0)}"
    st.dataframe(view, key=key, on_select=lambda: _table_selected(key), selection_mode="single-row",
                 selection_default=default, hide_index=True, height=320, width="stretch")
    return st.session_state.get(selection.SELECTED)


def incident_detail(tables: Tables, version: str, incident_id: str | None) -> None:
    """The selected incident: summary, its claims, and the articles it was read from."""
    if not incident_id:
        st.caption("Select a row or click a marker to see the incident's sources.")
        return
    row = position_of(tables, version, incident_id)
    if row is None:
        return
    incident = tables.incidents.iloc[row].to_dict()
    claims = claims_of(tables.claims, [incident_id])
    st.subheader(f"Incident {incident_id}")
    st.markdown(incident_html(incident, claims), unsafe_allow_html=True)
    st.dataframe(claims[list(CLAIM_COLUMNS)], hide_index=True, width="stretch")
    article_ids = set(claims["article_id"].dropna().astype(str))
    articles = tables.articles[tables.articles["article_id"].astype(str).isin(article_ids)] \
        if "article_id" in tables.articles.columns else tables.articles.head(0)
    if not articles.empty:
        st.markdown("**Articles** (the Article view shows why the row says what it says)")
        articles = articles.assign(view=[f"Article_view?article={a}" for a in articles["article_id"]])
        st.dataframe(articles, hide_index=True, width="stretch", column_config={
            "url": st.column_config.LinkColumn("url"),
            "view": st.column_config.LinkColumn("article view", display_text="open"),
        })


def _deferred(make, tables: Tables, rows: np.ndarray):
    """The file is only built when the user clicks its button (the filter keeps changing)."""
    return lambda: make(tables.incidents.iloc[rows], tables.claims)


def _incidents_csv(filtered: pd.DataFrame, claims: pd.DataFrame) -> str:
    return exports.incidents_csv(filtered)


def _claims_csv(filtered: pd.DataFrame, claims: pd.DataFrame) -> str:
    return exports.claims_csv(claims_of(claims, filtered["incident_id"]))


def _incidents_geojson(filtered: pd.DataFrame, claims: pd.DataFrame) -> str:
    return exports.incidents_geojson(filtered, claims_of(claims, filtered["incident_id"]))


def downloads(tables: Tables, rows: np.ndarray) -> None:
    """incidents.csv, claims.csv and incidents.geojson of exactly the filtered set.

    The rows and their claims are picked when a button is clicked, not on every
    rerun (0.5 s at 100,000 incidents).
    """
    left, middle, right = st.columns(3)
    left.download_button("incidents.csv", _deferred(_incidents_csv, tables, rows),
                         file_name="incidents.csv", mime="text/csv", key="dl_incidents", on_click="ignore")
    middle.download_button("claims.csv", _deferred(_claims_csv, tables, rows), file_name="claims.csv",
                           mime="text/csv", key="dl_claims", on_click="ignore")
    right.download_button("incidents.geojson", _deferred(_incidents_geojson, tables, rows),
                          file_name="incidents.geojson", mime="application/geo+json", key="dl_geojson",
                          on_click="ignore")

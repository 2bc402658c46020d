"""Streamlit layout pieces of the main page: filter widgets, map, table, detail, downloads.

Each function draws one part and returns what the next part needs; app.py
calls them in order. The logic lives in filters/map_layer/popups/selection.
"""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard import exports, selection
from dashboard.data import Tables
from dashboard.filters import IncidentFilter, claims_of, date_bounds, filter_incidents, filter_options
from dashboard.popups import incident_html
from dashboard.timeline import DATES_KEY
from incidents.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS

# 2,000 rows are 1 MB of Arrow a page load; 10,000 were 4.8 MB of the 6.5 MB sent at 10,000 incidents
TABLE_LIMIT = 2_000
TABLE_IDS = "table_incident_ids"


@st.cache_resource(show_spinner=False, max_entries=16)  # shared like the tables: no pickling per rerun
def cached_filter(_tables: Tables, version: str, flt: IncidentFilter) -> pd.DataFrame:
    """The filtered incidents for (data version, filter): the table, map and exports share it."""
    return filter_incidents(_tables.incidents, flt, search=_tables.search)


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
    ids = st.session_state.get(TABLE_IDS, [])
    picked = ids[rows[0]] if rows and rows[0] < len(ids) else None
    selection.note_table_selection(st.session_state, picked)


def table_view(filtered: pd.DataFrame, selected: str | None, limit: int = TABLE_LIMIT) -> pd.DataFrame:
    """The table's rows: the newest `limit` of the filtered set, plus the selected incident.

    A marker clicked on the map selects its row even when that incident is older
    than the rows shown: it is added at the end (where newest-first puts it).
    """
    ordered = filtered.sort_values("event_date", ascending=False, na_position="last", kind="stable")
    view = ordered.head(limit)
    if selected is not None and len(ordered) > limit:
        ids = ordered["incident_id"].astype(str)
        if not (ids.head(limit) == selected).any():
            view = pd.concat([view, ordered[ids == selected].head(1)])
    return view[list(INCIDENT_COLUMNS)].reset_index(drop=True)


@st.cache_resource(show_spinner=False, max_entries=32)
def cached_table(_filtered: pd.DataFrame, version: str, flt: IncidentFilter,
                 selected: str | None) -> tuple[list[str], pa.Table]:
    """The table's row ids and its Arrow table, once per (data version, filter, selection) for every
    session: converting the table to Arrow on every run was a large part of a page load's CPU."""
    view = table_view(_filtered, selected)
    return view["incident_id"].astype(str).tolist(), pa.Table.from_pandas(view, preserve_index=False)


def incident_table(filtered: pd.DataFrame, version: str, flt: IncidentFilter) -> str | None:
    """The table of the filtered set, newest first; returns the selected incident id."""
    selected = st.session_state.get(selection.SELECTED)
    ids, view = cached_table(filtered, version, flt, selected)
    if len(filtered) > TABLE_LIMIT:
        st.caption(f"The table shows the newest {TABLE_LIMIT:,} of {len(filtered):,} incidents "
                   "(and the selected one; the map, the timeline and the downloads have them all; "
                   "filter or search to narrow it).")
    st.session_state[TABLE_IDS] = ids
    default = {"selection": {"rows": [ids.index(selected)]}} if selected in ids else None
    key = f"incident_table_{st.session_state.get(selection.TABLE_NONCE, 0)}"
    st.dataframe(view, key=key, on_select=lambda: _table_selected(key), selection_mode="single-row",
                 selection_default=default, hide_index=True, height=320, width="stretch")
    return st.session_state.get(selection.SELECTED)


def incident_detail(tables: Tables, incident_id: str | None) -> None:
    """The selected incident: summary, its claims, and the articles it was read from."""
    if not incident_id:
        st.caption("Select a row or click a marker to see the incident's sources.")
        return
    rows = tables.incidents[tables.incidents["incident_id"].astype(str) == incident_id]
    if rows.empty:
        return
    incident = rows.iloc[0].to_dict()
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


def _deferred(make, *frames: pd.DataFrame):
    """The file is only built when the user clicks its button (the filter keeps changing)."""
    return lambda: make(*frames)


def _claims_csv(filtered: pd.DataFrame, claims: pd.DataFrame) -> str:
    return exports.claims_csv(claims_of(claims, filtered["incident_id"]))


def _incidents_geojson(filtered: pd.DataFrame, claims: pd.DataFrame) -> str:
    return exports.incidents_geojson(filtered, claims_of(claims, filtered["incident_id"]))


def downloads(filtered: pd.DataFrame, claims: pd.DataFrame) -> None:
    """incidents.csv, claims.csv and incidents.geojson of exactly the filtered set.

    The claims of the set are picked when a button is clicked, not on every rerun
    (0.5 s at 100,000 incidents).
    """
    left, middle, right = st.columns(3)
    left.download_button("incidents.csv", _deferred(exports.incidents_csv, filtered),
                         file_name="incidents.csv", mime="text/csv", key="dl_incidents", on_click="ignore")
    middle.download_button("claims.csv", _deferred(_claims_csv, filtered, claims), file_name="claims.csv",
                           mime="text/csv", key="dl_claims", on_click="ignore")
    right.download_button("incidents.geojson", _deferred(_incidents_geojson, filtered, claims),
                          file_name="incidents.geojson", mime="application/geo+json", key="dl_geojson",
                          on_click="ignore")

"""The map part of the main page: the map, the incidents it cannot place, the timeline under it.

The base map is rendered once per data version for every session, the
incident layer once per (data version, filter); a run only joins strings
(dashboard/map_component.py). Incidents without coordinates are never
silently left out: they are counted beside the map and listed on request.
"""
from __future__ import annotations

import copy
import json

import pandas as pd
import streamlit as st

from dashboard import selection, timeline, views
from dashboard.basemap import TileSetting, basemap_version, tile_setting
from dashboard.data import Tables
from dashboard.filters import IncidentFilter
from dashboard.map_component import MapParts, layer_script, render_parts, show_map
from dashboard.map_layer import build_base_map, encode_layer, payload_json
from dashboard.navigation import review_link

MAP_HEIGHT = 560
UNPLACED_COLUMNS = ("incident_id", "event_date", "event_type", "location_as_reported", "country", "sources",
                    "article_ids")


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_map_parts(_incidents: pd.DataFrame, version: str, tiles: TileSetting,
                     basemap: str) -> MapParts:
    """The rendered base map for a data version, a tile setting and a basemap version."""
    return render_parts(build_base_map(_incidents, tiles, basemap_version=basemap))


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_layer_literal(_filtered: pd.DataFrame, _tables: Tables, version: str,
                         flt: IncidentFilter) -> str:
    """The incident layer's payload for (data version, filter), as a JS string literal for JSON.parse."""
    payload = payload_json(encode_layer(_filtered, _tables.claims, _tables.articles))
    return json.dumps(payload, ensure_ascii=False)


def unplaced(incidents: pd.DataFrame) -> pd.DataFrame:
    """The incidents the map cannot draw: no latitude or no longitude."""
    lat = pd.to_numeric(incidents["latitude"], errors="coerce")
    lon = pd.to_numeric(incidents["longitude"], errors="coerce")
    return incidents[lat.isna() | lon.isna()]


def unplaced_notice(filtered: pd.DataFrame) -> None:
    """'N incidents have no place' beside the map, the list of them, and where to fix it."""
    missing = unplaced(filtered)
    if missing.empty:
        st.caption(f"All {len(filtered):,} incidents are on the map.")
        return
    noun = "incident has" if len(missing) == 1 else "incidents have"
    st.warning(f"**{len(missing):,} {noun} no place** and are not on the map (they are in the table "
               "and the downloads).", icon=":material/location_off:")
    with st.expander(f"List the {len(missing):,} without a place"):
        st.dataframe(missing[[c for c in UNPLACED_COLUMNS if c in missing.columns]], hide_index=True,
                     width="stretch", key="unplaced_table")
        st.caption("Give them a place on the Review page (place correction), or add an article "
                   "that names it.")
        review_link()


def _focus(filtered: pd.DataFrame) -> tuple[tuple[float, float] | None, float | None]:
    """The view of the row last picked in the table (its uncertainty extent); a marker click moves
    nothing."""
    chosen = filtered[filtered["incident_id"].astype(str) == st.session_state.get(selection.FOCUS)]
    if chosen.empty:
        return None, None
    view = selection.focus_view(chosen.iloc[0].to_dict(), pixels=MAP_HEIGHT - 80)
    if view is None:
        return None, None
    lat, lon, zoom = view
    return selection.map_focus(st.session_state, lat, lon, zoom)


@st.fragment
def map_panel(tables: Tables, filtered: pd.DataFrame, version: str, flt: IncidentFilter) -> None:
    """The map: base map per data version, the filtered incidents as one layer."""
    parts = cached_map_parts(tables.incidents, version, tile_setting(), basemap_version())
    literal = cached_layer_literal(filtered, tables, version, flt)
    options = payload_json({"selected": st.session_state.get(selection.SELECTED)})
    center, zoom = _focus(filtered)
    state = show_map(parts, layer_script(literal, options), key="incident_map", height=MAP_HEIGHT,
                     returned_objects=["last_object_clicked_tooltip"], center=center, zoom=zoom)
    tooltip = (state or {}).get("last_object_clicked_tooltip")
    if selection.note_map_click(st.session_state, tooltip):
        st.rerun(scope="app")


@st.cache_resource(show_spinner=False, max_entries=16)
def cached_timeline(_filtered: pd.DataFrame, version: str, flt: IncidentFilter) -> tuple[dict | None, str]:
    """The timeline's Vega-Lite spec (None: nothing dated) and its unit, per (data version, filter)."""
    frame, unit = timeline.timeline_frame(_filtered)
    return (None if frame.empty else timeline.timeline_spec(frame, unit)), unit


def timeline_panel(tables: Tables, filtered: pd.DataFrame, version: str, flt: IncidentFilter) -> None:
    """Incidents and killed per day or week of the filtered set; brushing sets the date filter."""
    spec, unit = cached_timeline(filtered, version, flt)
    if spec is None:
        st.caption("No dated incident to draw on the timeline.")
        return
    bounds = views.cached_choices(tables.incidents, version)[1]
    st.vega_lite_chart(copy.deepcopy(spec), key=timeline.CHART_KEY, width="stretch",
                       on_select=lambda: timeline.apply_brush(st.session_state, bounds),
                       selection_mode=timeline.BRUSH)
    undated = int(pd.to_datetime(filtered["event_date"], errors="coerce").isna().sum())
    st.caption(f"Incidents and killed (lowest reported figure) per {unit}. Drag across the timeline to set "
               "the date range." + (f" {undated:,} incidents have no date." if undated else ""))

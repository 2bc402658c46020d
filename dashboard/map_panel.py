"""The map part of the main page: the map, the incidents it cannot place, the timeline under it.

The base map is rendered once per data version for every session, and so is
the whole table's incident layer (dashboard/layer_cut.py); a filter's layer is
cut from it once per (data version, filter), and a run only joins strings
(dashboard/map_component.py). The timeline reads each incident's day once per
data version too. Incidents without coordinates are never silently left out:
they are counted beside the map and listed on request.
"""
from __future__ import annotations

import copy
import json

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from dashboard import selection, timeline, views
from dashboard.basemap import TileSetting, basemap_version, tile_setting
from dashboard.data import Tables
from dashboard.filters import IncidentFilter
from dashboard.layer_cut import EncodedLayer
from dashboard.map_component import MapParts, layer_script, render_parts, show_map
from dashboard.map_layer import build_base_map, payload_json
from dashboard.navigation import review_link

MAP_HEIGHT = 560
UNPLACED_COLUMNS = ("incident_id", "event_date", "event_type", "location_as_reported", "country", "sources",
                    "article_ids")


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_map_parts(_incidents: pd.DataFrame, version: str, tiles: TileSetting,
                     basemap: str) -> MapParts:
    """The rendered base map for a data version, a tile setting and a basemap version."""
    return render_parts(build_base_map(_incidents, tiles, basemap_version=basemap))


@st.cache_resource(show_spinner=False, max_entries=2)
def cached_encoded_layer(_tables: Tables, version: str) -> EncodedLayer:
    """The whole table's incident layer, encoded once per data version for every session."""
    return EncodedLayer.of(_tables.incidents, _tables.claims, _tables.articles)


@st.cache_resource(show_spinner=False, max_entries=16,  # up to 17 MB each at 100,000 incidents
                   hash_funcs=views.BY_FILTER)
def cached_layer_literal(_tables: Tables, _rows: np.ndarray, version: str, flt: IncidentFilter) -> str:
    """The incident layer's payload for (data version, filter), as a JS string literal for JSON.parse."""
    return json.dumps(cached_encoded_layer(_tables, version).cut(_rows), ensure_ascii=False)


def unplaced(incidents: pd.DataFrame) -> pd.DataFrame:
    """The incidents the map cannot draw: no latitude or no longitude."""
    lat = pd.to_numeric(incidents["latitude"], errors="coerce")
    lon = pd.to_numeric(incidents["longitude"], errors="coerce")
    return incidents[lat.isna() | lon.isna()]


def unplaced_notice(tables: Tables, rows: np.ndarray, version: str) -> None:
    """'N incidents have no place' beside the map, the list of them, and where to fix it."""
    rows = np.asarray(rows, dtype=np.int64)
    unmapped = rows[cached_encoded_layer(tables, version).point[rows] < 0]
    if not len(unmapped):
        st.caption(f"All {len(rows):,} incidents are on the map.")
        return
    missing = tables.incidents.iloc[unmapped]
    noun = "incident has" if len(missing) == 1 else "incidents have"
    st.warning(f"**{len(missing):,} {noun} no place** and are not on the map (they are in the table "
               "and the downloads).", icon=":material/location_off:")
    with st.expander(f"List the {len(missing):,} without a place"):
        st.dataframe(missing[[c for c in UNPLACED_COLUMNS if c in missing.columns]], hide_index=True,
                     width="stretch", key="unplaced_table")
        st.caption("Give them a place on the Review page (place correction), or add an article "
                   "that names it.")
        review_link()


def _focus(tables: Tables, rows: np.ndarray, version: str) -> tuple[tuple[float, float] | None, float | None]:
    """The view of the row last picked in the table (its uncertainty extent); a marker click moves
    nothing."""
    row = views.position_of(tables, version, st.session_state.get(selection.FOCUS), rows)
    if row is None:
        return None, None
    view = selection.focus_view(tables.incidents.iloc[row].to_dict(), pixels=MAP_HEIGHT - 80)
    if view is None:
        return None, None
    lat, lon, zoom = view
    return selection.map_focus(st.session_state, lat, lon, zoom)


@st.fragment
def map_panel(tables: Tables, rows: np.ndarray, version: str, flt: IncidentFilter) -> None:
    """The map: base map per data version, the filtered incidents as one layer."""
    parts = cached_map_parts(tables.incidents, version, tile_setting(), basemap_version())
    literal = cached_layer_literal(tables, rows, version, flt)
    options = payload_json({"selected": st.session_state.get(selection.SELECTED)})
    center, zoom = _focus(tables, rows, version)
    state = show_map(parts, layer_script(literal, options), key="incident_map", height=MAP_HEIGHT,
                     returned_objects=["last_object_clicked_tooltip"], center=center, zoom=zoom)
    tooltip = (state or {}).get("last_object_clicked_tooltip")
    if selection.note_map_click(st.session_state, tooltip):
        st.rerun(scope="app")


@st.cache_resource(show_spinner=False, max_entries=2)
def cached_days(_tables: Tables, version: str) -> timeline.EventDays:
    """Each incident's event day and lowest killed figure, read once per data version."""
    return timeline.EventDays.of(_tables.incidents)


@st.cache_resource(show_spinner=False, max_entries=views.SHARED_RESULTS, hash_funcs=views.BY_FILTER)
def cached_timeline(_tables: Tables, _rows: np.ndarray, version: str,
                    flt: IncidentFilter) -> tuple[pa.Table | None, dict, str, int]:
    """The timeline's rows (None: nothing dated), its Vega-Lite spec without them, its unit and how many
    incidents have no date, per (data version, filter)."""
    days = cached_days(_tables, version)
    frame, unit = timeline.bin_days(days, _rows)
    undated = int((~days.dated[_rows]).sum())
    return (None if frame.empty else timeline.timeline_data(frame)), timeline.timeline_spec(None, unit), \
        unit, undated


def timeline_panel(tables: Tables, rows: np.ndarray, version: str, flt: IncidentFilter) -> None:
    """Incidents and killed per day or week of the filtered set; brushing sets the date filter."""
    data, spec, unit, undated = cached_timeline(tables, rows, version, flt)
    if data is None:
        st.caption("No dated incident to draw on the timeline.")
        return
    bounds = views.cached_choices(tables.incidents, version)[1]
    st.vega_lite_chart(data, copy.deepcopy(spec), key=timeline.CHART_KEY, width="stretch",
                       on_select=lambda: timeline.apply_brush(st.session_state, bounds),
                       selection_mode=timeline.BRUSH)
    st.caption(f"Incidents and killed (lowest reported figure) per {unit}. Drag across the timeline to set "
               "the date range." + (f" {undated:,} incidents have no date." if undated else ""))

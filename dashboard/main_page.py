"""The main page, "Map": filters -> map (and what it cannot place), timeline -> table -> detail, downloads.

Layout only; app.py registers it as the default page of the navigation.
"""
from __future__ import annotations

import streamlit as st

from dashboard import auth, map_panel, views
from dashboard.data import tables_or_stop


def render() -> None:
    auth.gate()
    st.title("Incident map")
    _url, version, tables = tables_or_stop()
    flt = views.filter_sidebar(tables.incidents, version)
    rows = views.cached_filter(tables, version, flt)  # positions into tables.incidents
    st.caption(f"{len(rows):,} of {len(tables.incidents):,} incidents match the filters.")
    map_panel.map_panel(tables, rows, version, flt)
    map_panel.unplaced_notice(tables, rows, version)
    map_panel.timeline_panel(tables, rows, version, flt)
    selected = views.incident_table(tables, rows, version, flt)
    views.downloads(tables, rows)
    views.incident_detail(tables, version, selected)

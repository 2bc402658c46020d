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
    filtered = views.cached_filter(tables, version, flt)
    st.caption(f"{len(filtered):,} of {len(tables.incidents):,} incidents match the filters.")
    map_panel.map_panel(tables, filtered, version, flt)
    map_panel.unplaced_notice(filtered)
    map_panel.timeline_panel(tables, filtered, version, flt)
    selected = views.incident_table(filtered, version, flt)
    views.downloads(filtered, tables.claims)
    views.incident_detail(tables, selected)

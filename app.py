"""The incident map dashboard: filters -> map + table -> detail and downloads.

Layout only; the logic is in dashboard/ (see its modules). Run with
`streamlit run app.py`.
"""
import streamlit as st

from dashboard import auth, views
from dashboard.data import tables_or_stop

st.set_page_config(page_title="Incident map", page_icon=":round_pushpin:", layout="wide")
user = auth.gate()
st.title("Incident map")
url, version, tables = tables_or_stop()

flt = views.filter_sidebar(tables.incidents)
filtered = views.cached_filter(tables, version, flt)
st.caption(f"{len(filtered):,} of {len(tables.incidents):,} incidents match the filters.")

views.map_panel(tables, filtered, version, flt)
selected = views.incident_table(filtered)
views.downloads(filtered, tables.claims)
views.incident_detail(tables, selected)

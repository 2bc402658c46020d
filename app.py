"""The incident map dashboard: filters -> map + table -> detail and downloads.

Layout only; the logic is in dashboard/ (see its modules). Run with
`streamlit run app.py`.
"""
import streamlit as st

from dashboard import views
from dashboard.data import current_version, database_url, load_tables, store_available

st.set_page_config(page_title="Incident map", page_icon=":round_pushpin:", layout="wide")

try:
    url = database_url()
    version = current_version(url)
    tables = load_tables(url, version)
except Exception as error:  # the edge: a user sees a message, never a traceback
    st.error(f"The incident database could not be opened: {type(error).__name__}. "
             "Check INCIDENTS_DB_URL and that the database is reachable.")
    st.stop()

st.title("Incident map")
if not store_available():
    st.warning("The incident store is not installed: showing generated demo incidents.")

flt = views.filter_sidebar(tables.incidents)
filtered = views.cached_filter(tables, version, flt)
st.caption(f"{len(filtered):,} of {len(tables.incidents):,} incidents match the filters.")

views.map_panel(tables, filtered, version, flt)
selected = views.incident_table(filtered)
views.downloads(filtered, tables.claims)
views.incident_detail(tables, selected)

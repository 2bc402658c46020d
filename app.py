"""The incident map dashboard: the "Map" page (filters -> map + timeline + table -> detail and
downloads) and the pages in pages/.

Layout only; the logic is in dashboard/ (see its modules). Every page, the Map
page included (dashboard/main_page.py), opens with the sign-in gate. Run with
`streamlit run app.py`.
"""
import streamlit as st

from dashboard.navigation import pages

st.set_page_config(page_title="Incident map", page_icon=":round_pushpin:", layout="wide")
st.navigation(pages()).run()

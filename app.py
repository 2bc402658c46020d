"""The incident map dashboard (placeholder until the dashboard issue lands)."""
import streamlit as st

st.set_page_config(page_title="Incident map", layout="wide")
st.title("Incident map")
st.info("The dashboard is being built. Use `python -m incidents` meanwhile.")

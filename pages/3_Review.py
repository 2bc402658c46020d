"""Review: an editor sets an incident's review status and its ACLED fatalities figure."""
import streamlit as st

from dashboard import auth
from dashboard.data import shared_store, tables_or_stop
from dashboard.filters import claims_of
from dashboard.popups import incident_html

st.set_page_config(page_title="Review incidents", layout="wide")
user = auth.gate()
st.title("Review incidents")
auth.require(user, "review", "reviewing incidents")

STATUSES = ("auto", "reviewed", "disputed", "rejected")
url, _version, tables = tables_or_stop()
incidents = tables.incidents
if incidents.empty:
    st.info("No incidents yet: add articles on the Ingest page.")
    st.stop()

labels = {row.incident_id: f"{row.incident_id} · {row.event_date or 'undated'} · {row.location or ''}"
          for row in incidents.itertuples()}
chosen = st.selectbox("Incident", list(labels), format_func=labels.get, key="review_pick")
incident = incidents[incidents["incident_id"] == chosen].iloc[0].to_dict()
st.markdown(incident_html(incident, claims_of(tables.claims, [chosen])), unsafe_allow_html=True)

with st.form("review_form"):
    current = str(incident.get("review_status") or "auto")
    status = st.selectbox("Review status", STATUSES,
                          index=STATUSES.index(current) if current in STATUSES else 0, key="review_status")
    fatalities = st.number_input("Fatalities (ACLED single figure)", min_value=0, step=1,
                                 value=int(incident.get("fatalities") or 0), key="review_fatalities")
    if st.form_submit_button("Save"):
        try:
            shared_store(url).set_review(chosen, status=status, fatalities=int(fatalities))
        except Exception as error:  # the edge: a message, never a traceback
            st.error(f"The review could not be saved: {type(error).__name__}: {error}")
        else:
            st.success(f"{chosen}: {status}, {int(fatalities)} killed. The map and table show it now.")

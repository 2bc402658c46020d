"""Review desk: status, fatalities, corrections, merge and split, likely duplicates, the audit trail."""

import streamlit as st
from streamlit_folium import st_folium

from dashboard import auth, review
from dashboard.basemap import basemap_version, tile_setting
from dashboard.data import shared_store, tables_or_stop
from dashboard.filters import claims_of
from dashboard.map_layer import build_base_map
from dashboard.popups import incident_html
from incidents.duplicates import likely_duplicates

st.set_page_config(page_title="Review incidents", layout="wide")
user = auth.gate()
st.title("Review incidents")
auth.require(user, "review", "reviewing incidents")

url, version, tables = tables_or_stop()
store = shared_store(url)
incidents = tables.incidents
if incidents.empty:
    st.info("No incidents yet: add articles on the Ingest page.")
    st.stop()
if not user.can("review"):
    st.warning(f"You are signed in as {user.label} ({user.role}): the review desk needs the editor role.")

for line in st.session_state.pop("review_flash", []):
    (st.success if line[0] else st.error)(line[1])


def report(outcome: review.Outcome) -> None:
    """Show the outcome after the rerun that shows the stored values."""
    st.session_state["review_flash"] = [(outcome.ok, outcome.message)]
    st.session_state.pop(review.OPENED, None)  # the next run opens the incident as stored now
    st.rerun()


labels = {row.incident_id: review.label(row) for row in incidents.itertuples()}
wanted = store.resolve(st.query_params.get("incident", "")) if st.query_params.get("incident") else None
ids = list(labels)
chosen = st.selectbox(
    "Incident",
    ids,
    index=ids.index(wanted) if wanted in ids else 0,
    format_func=labels.get,
    key="review_pick",
)
record = store.incident(chosen)
if record is None:
    st.error("This incident is no longer in the database.")
    st.stop()
record = review.as_opened(st.session_state, record)
st.markdown(incident_html(record.shown, claims_of(tables.claims, [chosen])), unsafe_allow_html=True)

status_tab, fix_tab, merge_tab, dup_tab, trail_tab = st.tabs(
    ["Status and fatalities", "Corrections", "Merge and split", "Likely duplicates", "Audit trail"]
)

with status_tab, st.form(review.widget_key(record, "form")):
    stored = review.form_values(record)
    status = st.selectbox(
        "Review status",
        review.STATUSES,
        index=review.STATUSES.index(stored["status"]),
        key=review.widget_key(record, "status"),
    )
    fatalities = st.number_input(
        f"Editor's fatalities (empty: the sources' lowest figure, now {stored['computed_fatalities']})",
        min_value=0,
        step=1,
        value=stored["fatalities"],
        key=review.widget_key(record, "fatalities"),
    )
    note = st.text_input(
        "Note (why this figure or status)", value=stored["note"], key=review.widget_key(record, "note")
    )
    if st.form_submit_button("Save"):
        report(
            review.save_review(
                store,
                user,
                record,
                status=status,
                note=note,
                fatalities=None if fatalities is None else int(fatalities),
            )
        )

with fix_tab:
    shown = record.shown
    st.markdown("**Place**: search the gazetteer, or click the map")
    phrase = st.text_input("Place name", key=review.widget_key(record, "place_q"))
    found = None
    if phrase:
        import geo

        found = geo.resolve(phrase)
        st.caption(
            f"{found.name}, {found.country_code} ({found.lat:.4f}, {found.lon:.4f}), "
            f"about {found.uncertainty_km:g} km"
            if found
            else "No place of that name in the gazetteer."
        )
    fmap = build_base_map(incidents[incidents["incident_id"] == chosen], tile_setting(),
                          basemap_version=basemap_version(), zoom_start=8)
    clicked = (
        st_folium(fmap, height=320, returned_objects=["last_clicked"], key=review.widget_key(record, "map"))
        or {}
    ).get("last_clicked")
    if clicked:
        st.caption(f"Picked on the map: {clicked['lat']:.4f}, {clicked['lng']:.4f}")
    left, middle, right = st.columns(3)
    if left.button("Use the gazetteer place", disabled=found is None, key=review.widget_key(record, "use_q")):
        report(review.save_place(store, user, record, found))
    if middle.button("Use the point picked", disabled=not clicked, key=review.widget_key(record, "use_pt")):
        report(review.save_place(store, user, record, review.picked_place(clicked["lat"], clicked["lng"])))
    if right.button(
        "Back to the place read from the reports",
        key=review.widget_key(record, "clear_pt"),
        disabled=not any(k in record.edits for k in ("latitude", "location")),
    ):
        report(review.save_place(store, user, record, None))

    with st.form(review.widget_key(record, "date_form")):
        st.markdown("**Date**")
        start, end = review.date_bounds(shown)
        days = st.date_input(
            "From - to", value=(start, end) if start else (), key=review.widget_key(record, "d")
        )
        precision = st.selectbox(
            "Time precision",
            (1, 2, 3),
            index=review.precision_index(shown),
            format_func=review.PRECISION_NAMES.get,
            key=review.widget_key(record, "p"),
        )
        if st.form_submit_button("Save date"):
            picked = list(days) if isinstance(days, tuple | list) else [days]
            report(
                review.save_date(
                    store,
                    user,
                    record,
                    picked[0] if picked else None,
                    picked[-1] if picked else None,
                    precision,
                )
            )
    with st.form(review.widget_key(record, "type_form")):
        st.markdown("**Type and actors**")
        a, b = st.columns(2)
        event_type = a.text_input(
            "Event type", shown["event_type"] or "", key=review.widget_key(record, "et")
        )
        sub_type = b.text_input(
            "Sub-event type", shown["sub_event_type"] or "", key=review.widget_key(record, "st")
        )
        actor1 = a.text_input(
            "Actor 1 (attacker)", shown["actor1"] or "", key=review.widget_key(record, "a1")
        )
        actor2 = b.text_input("Actor 2 (target)", shown["actor2"] or "", key=review.widget_key(record, "a2"))
        if st.form_submit_button("Save type and actors"):
            report(
                review.save_type_and_actors(
                    store, user, record, event_type=(event_type, sub_type), actors=(actor1, actor2)
                )
            )
    if record.edits and st.button("Remove every correction", key=review.widget_key(record, "clear_all")):
        report(review.clear_corrections(store, user, record))

with merge_tab:
    others = [i for i in ids if i != chosen]
    other = st.selectbox(
        "Merge another incident into this one",
        others,
        format_func=labels.get,
        index=None,
        key=review.widget_key(record, "merge_pick"),
    )
    why = st.text_input("Why (kept in the audit trail)", key=review.widget_key(record, "why"))
    if st.button("Merge into this incident", disabled=other is None, key=review.widget_key(record, "merge")):
        report(review.merge(store, user, record, store.incident(other), why))
    st.markdown("**Split**: move the chosen reports (their claims and articles) to a new incident")
    lines = review.reports_frame(record)
    moving = st.multiselect(
        "Reports to move",
        lines["report_id"].tolist(),
        key=review.widget_key(record, "split"),
        format_func=lambda r: review.report_label(lines, r),
    )
    if st.button("Split them off", disabled=not moving, key=review.widget_key(record, "split_go")):
        report(review.split(store, user, record, moving, why))

with dup_tab:
    pairs = likely_duplicates(incidents)
    st.caption("Same event type, dates overlapping within their precision, places within their uncertainty.")
    st.dataframe(pairs, hide_index=True, width="stretch")

with trail_tab:
    st.dataframe(review.trail_frame(store, chosen), hide_index=True, width="stretch")
    left, right = st.columns(2)
    left.download_button(
        "audit.csv of this incident",
        store.audit_csv(chosen),
        file_name="audit.csv",
        mime="text/csv",
        key="audit_one",
    )
    right.download_button(
        "audit.csv of every change",
        store.audit_csv(),
        file_name="audit.csv",
        mime="text/csv",
        key="audit_all",
    )

"""Ingest: paste an article or upload files, preview what would be added, then commit."""
import streamlit as st

from dashboard import auth, ingest_flow, ingest_jobs
from dashboard.data import database_url, shared_store
from dashboard.navigation import review_link
from incidents import limits

st.set_page_config(page_title="Ingest articles", layout="wide")
user = auth.gate()
st.title("Ingest articles")
auth.require(user, "ingest", "adding articles")

PENDING = "ingest_pending"
store = shared_store(database_url())
queue = ingest_jobs.job_queue(database_url(), store) if ingest_jobs.queued(store) else None


def add(articles=(), uploads=(), label=""):
    """Add to the database: a background job on PostgreSQL, in-process on SQLite."""
    if queue is not None:
        files = ingest_jobs.article_files(articles) + ingest_jobs.upload_files(uploads)
        try:
            ingest_jobs.submit(queue, files, user, label)
        except Exception as error:  # the edge: a message, never a traceback
            st.error(f"The job could not be queued: {type(error).__name__}: {error}")
        else:
            st.success(f"Queued {len(files)} file(s) as a background job: follow it below. "
                       "You can leave this page; the job goes on.")
        return
    articles = list(articles)
    if uploads:
        read, errors = ingest_flow.articles_from_uploads(uploads)
        articles += read
        for message in errors:
            st.error(message)
    done, failed = ingest_flow.commit(store, articles, user)
    for line in done:
        st.success(line)
    for line in failed:
        st.error(line)


paste_tab, upload_tab = st.tabs(["Paste text", "Upload files"])
with paste_tab, st.form("paste_form"):
    text = st.text_area("Article text", height=220, key="paste_text")
    left, middle, right = st.columns(3)
    outlet = left.text_input("Outlet", key="paste_outlet")
    url = middle.text_input("URL", key="paste_url")
    published = right.text_input("Published (YYYY-MM-DD)", key="paste_published")
    if st.form_submit_button("Preview pasted article"):
        articles, errors = ingest_flow.articles_from_paste(text, outlet=outlet, url=url, published=published)
        st.session_state[PENDING] = (articles, errors)

with upload_tab:
    files = st.file_uploader("Article files (.txt, .html)", type=list(ingest_flow.SUPPORTED_SUFFIXES),
                             accept_multiple_files=True, key="upload_files",
                             max_upload_size=limits.MAX_FILE_MB)
    st.caption("A .txt file may open with `url:`, `outlet:`, `published:`, `title:` lines and a blank line. "
               + limits.describe())
    preview_col, add_col = st.columns(2)
    if preview_col.button("Preview uploaded files", disabled=not files):
        articles, errors = ingest_flow.articles_from_uploads((f.name, f.getvalue()) for f in files or [])
        st.session_state[PENDING] = (articles, errors)
    if files and add_col.button(f"Add {len(files)} file{'s' if len(files) != 1 else ''} to the database",
                                type="primary", key="add_uploads"):
        add(uploads=[(f.name, f.getvalue()) for f in files], label=f"upload of {len(files)} file(s)")

articles, errors = st.session_state.get(PENDING, ([], []))
for message in errors:
    st.error(message)

if articles:
    st.subheader(f"Preview: {len(articles)} article(s)")
    incidents, claims, failures = ingest_flow.preview_tables(articles)
    for message in failures:
        st.error(message)
    if not failures:
        st.markdown(f"**{len(incidents)} incident(s)**")
        unplaced = ingest_flow.unplaced_warnings(incidents)
        for warning in unplaced:
            st.warning(warning, icon=":material/location_off:")
        if unplaced:
            review_link()
        st.dataframe(incidents[[c for c in ingest_flow.PREVIEW_COLUMNS if c in incidents.columns]],
                     hide_index=True, width="stretch")
        st.markdown(f"**{len(claims)} claim(s)**")
        st.dataframe(claims, hide_index=True, width="stretch")
        st.markdown("**Places, with their precision**")
        st.dataframe(ingest_flow.places_of(incidents), hide_index=True, width="stretch")
    if st.button("Add to the database", type="primary", key="commit_ingest"):
        add(articles=articles, label=f"{len(articles)} previewed article(s)")
        st.session_state.pop(PENDING, None)

if queue is not None:
    ingest_jobs.progress_panel(queue, user)

"""The Ingest page's "add" step: a background job on PostgreSQL, in-process on SQLite.

On PostgreSQL the page only stores the files as a job (incidents.jobs) and
returns: the workers add them, and the page shows each job's progress and one
line per file, refreshing itself until the job is finished. The job belongs
to the database, not the browser tab: closing the tab loses nothing. On
SQLite (a laptop, no worker) the articles are added in-process, as before.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from incidents.jobs import JobQueue, JobStatus, uses_queue

REFRESH_S = 2.0
STATES = {"queued": "waiting", "running": "adding", "done": "added", "error": "FAILED"}


def queued(store: Any) -> bool:
    """Whether adding goes through the job queue (PostgreSQL) rather than in-process (SQLite)."""
    return uses_queue(store.engine)


def article_files(articles: Iterable[Any]) -> list[tuple[str, bytes, dict[str, str]]]:
    """Articles already read (a paste, a previewed upload) as job files: their text and metadata."""
    files = []
    for a in articles:
        meta = {"format": "text", "outlet": a.outlet, "url": a.url, "title": a.title,
                "published": a.published.isoformat() if a.published else ""}
        files.append((a.name or a.article_id, a.text.encode("utf-8"), {k: v for k, v in meta.items() if v}))
    return files


def upload_files(uploads: Iterable[tuple[str, bytes]]) -> list[tuple[str, bytes, dict[str, str]]]:
    """Uploaded files as they came: the worker reads them (a bad one gets its own error line)."""
    return [(name, data, {}) for name, data in uploads]


@st.cache_resource(show_spinner=False)
def job_queue(url: str | None, _store: Any) -> JobQueue:
    """One queue per database for the server process; its tables and schema made once."""
    queue = JobQueue(_store)
    queue.ensure_schema()
    return queue


def submit(queue: JobQueue, files: list[tuple[str, bytes, dict[str, str]]], user: Any, label: str) -> str:
    """Queue the files as one job for user; the message says where to follow it."""
    return queue.submit(files, by=user, label=label)


def file_lines(job: JobStatus) -> list[str]:
    """One line per file: its state and what adding it did."""
    return [f"{STATES.get(f.status, f.status):<7} {f.message or f.name}" for f in job.files]


def show_job(job: JobStatus) -> None:
    done = job.count("done") + job.count("error")
    st.progress(done / job.total if job.total else 1.0, text=job.summary())
    with st.expander(f"Files of {job.label or job.job_id}", expanded=not job.finished and job.total <= 20):
        st.text("\n".join(file_lines(job)))


def progress_panel(queue: JobQueue, user: Any) -> None:
    """The user's latest jobs, refreshed every REFRESH_S seconds while one is unfinished."""
    jobs = queue.recent(by=user, limit=5)
    running = any(not job.finished for job in jobs)

    @st.fragment(run_every=REFRESH_S if running else None)
    def panel() -> None:
        current = queue.recent(by=user, limit=5)
        if not current:
            return
        st.subheader("Your ingest jobs")
        if any(not job.finished for job in current) and queue.live_workers() == 0:
            st.warning("No ingest worker is running: the jobs wait until one starts "
                       "(`python -m incidents worker`).")
        for job in current:
            show_job(job)
        if running and all(job.finished for job in current):
            st.rerun()  # the last job finished: the map and table show the new incidents

    panel()

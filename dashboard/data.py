"""Cached loaders between the incident store and the pages.

The store is opened once per database URL (st.cache_resource: it is an
engine) and seeded with the bundled articles when empty; the frames are cached
on the store's data_version() (shared, never modified in place), so any ingest
or review invalidates them. INCIDENT_DASHBOARD_BENCH_ROWS=N swaps the store for N
generated incidents (bench.generate), for the browser benchmark.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import heap
from dashboard.filters import search_text
from incidents.ingest import IngestError, read_paths
from incidents.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS
from incidents.store import SchemaError, Store

BUNDLED_ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
ARTICLE_COLUMNS = ("article_id", "title", "outlet", "url", "published", "name")


@dataclass(frozen=True)
class Tables:
    """What the pages show: incidents (SCHEMA + geometry), claims, articles, a search column."""

    incidents: pd.DataFrame
    claims: pd.DataFrame
    articles: pd.DataFrame
    search: pd.Series


def database_url() -> str | None:
    """INCIDENTS_DB_URL, or None for the store's default SQLite file under data/."""
    return os.environ.get("INCIDENTS_DB_URL") or None


def bench_rows() -> int:
    """How many generated incidents replace the store (0: use the store)."""
    try:
        return max(0, int(os.environ.get("INCIDENT_DASHBOARD_BENCH_ROWS", "0")))
    except ValueError:
        return 0


def sign_in_configured() -> bool:
    """Whether this server has sign-in (dashboard.auth decides); a laptop has none.

    A misconfigured sign-in counts as configured: the store then refuses the
    local user, so nothing is written by nobody.
    """
    try:
        from dashboard.auth import current_mode

        return current_mode() != "local"
    except ImportError:
        return False
    except Exception:
        return True


Progress = Callable[[str, int, int], None]  # (step, done, total)


def seed_bundled(store: Store, progress: Progress | None = None) -> int:
    """Fill an empty laptop store with data/articles: the gazetteer first (built once), then each article.

    A deployment with sign-in starts empty (its editors ingest). `progress(step,
    done, total)` hears of every step; returns the number of articles read.
    """
    if not store.local_user or not store.is_empty() or not BUNDLED_ARTICLES.exists():
        return 0
    report = progress or (lambda step, done, total: None)
    report("gazetteer", 0, 1)
    import geo

    def build_step(step) -> None:  # geo.gazetteer.BuildStep; none when the index is read from its cache
        report(f"gazetteer: {step.name}", step.number, step.total)
        report("gazetteer entries", step.entries, 0)

    geo.load_gazetteer(progress=build_step)
    report("gazetteer", 1, 1)
    articles = [a for _name, a in read_paths([str(BUNDLED_ARTICLES)]) if not isinstance(a, IngestError)]
    for done, article in enumerate(articles):
        report("articles", done, len(articles))
        store.ingest_one(article)
    report("articles", len(articles), len(articles))
    return len(articles)


def open_store(url: str | None, progress: Progress | None = None) -> Store:
    """A Store for the URL, seeded with data/articles when it is empty (on a laptop, not a deployment)."""
    store = Store(url, local_user=not sign_in_configured())
    seed_bundled(store, progress)
    return store


@st.cache_resource(show_spinner="Opening the incident database...")
def _bare_store(url: str | None) -> Store:
    return Store(url, local_user=not sign_in_configured())


@st.cache_resource(show_spinner=False)
def _seed_lock(url: str | None) -> threading.Lock:
    return threading.Lock()


STEP_WORDS = {
    "gazetteer": "Building the place gazetteer from GeoNames (once; later starts read it from data/cache/)",
    "articles": "Reading the sample articles in data/articles/",
}


def _seed_with_progress(store: Store) -> None:
    """The first start: a status box with each step and its counts, instead of a silent spinner."""
    with st.status("First start: preparing the incident map", expanded=True) as box:
        lines: dict[str, Any] = {}
        bar = st.progress(0.0)
        started = time.perf_counter()

        def progress(step: str, done: int, total: int) -> None:
            key = "gazetteer" if step.startswith("gazetteer: ") else step
            if key not in lines:
                lines[key] = st.empty()
            line = lines[key]
            elapsed = time.perf_counter() - started
            if step.startswith("gazetteer: "):  # one build step of geo's gazetteer, "k of n"
                text = f"{STEP_WORDS['gazetteer']}: step {done} of {total} ({step.split(': ', 1)[1]})"
            elif step == "gazetteer entries":
                text = f"{done:,} names indexed so far"
            elif step == "gazetteer":
                text = STEP_WORDS[step] + (f": done ({elapsed:.0f} s)." if done else "...")
            else:
                text = f"{STEP_WORDS[step]}: {done} of {total}"
                bar.progress(done / total if total else 1.0)
            line.markdown(text)

        count = seed_bundled(store, progress)
        box.update(label=f"Ready: {count} sample articles read in {time.perf_counter() - started:.0f} s.",
                   state="complete", expanded=False)
    # run the page again without this box: elements after it (tabs, uploads) keep their place from then on
    st.rerun()


def shared_store(url: str | None) -> Store:
    """One store per database URL for the whole server process; the first start seeds it, showing progress.

    One session seeds (a lock); the others wait for it, and say so.
    """
    store = _bare_store(url)
    if store.local_user and store.is_empty() and BUNDLED_ARTICLES.exists():
        lock = _seed_lock(url)
        if lock.acquire(blocking=False):
            try:
                if store.is_empty():
                    _seed_with_progress(store)
            finally:
                lock.release()
        else:
            waiting = "Another visitor's first start is reading the sample articles; waiting for it..."
            with st.spinner(waiting), lock:
                pass
    return store


def normalise_incidents(frame: pd.DataFrame) -> pd.DataFrame:
    """Every SCHEMA column plus geometry, in SCHEMA order, whatever the source gave."""
    frame = frame.copy()
    for column in (*INCIDENT_COLUMNS, "geometry"):
        if column not in frame.columns:
            frame[column] = "" if column == "geometry" else None
    extra = [c for c in frame.columns if c not in INCIDENT_COLUMNS and c != "geometry"]
    return frame[[*INCIDENT_COLUMNS, "geometry", *extra]].reset_index(drop=True)


def normalise_claims(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in CLAIM_COLUMNS:
        if column not in frame.columns:
            frame[column] = None
    return frame[list(CLAIM_COLUMNS)].reset_index(drop=True)


def tables_from_frames(incidents: pd.DataFrame, claims: pd.DataFrame,
                       articles: pd.DataFrame | None = None) -> Tables:
    """Normalised Tables from raw frames (the store's or the generator's)."""
    incidents = normalise_incidents(incidents)
    if articles is None:
        articles = pd.DataFrame(columns=list(ARTICLE_COLUMNS))
    return Tables(incidents, normalise_claims(claims), articles.reset_index(drop=True),
                  search_text(incidents))


@st.cache_resource(show_spinner="Loading incidents...", max_entries=4)
def load_tables(url: str | None, version: str) -> Tables:
    """The store's frames for one data version (version is the cache key).

    Shared, not copied (st.cache_resource): st.cache_data pickled the frames on
    the first visit and unpickled them on every rerun (0.4 s and 0.1 s at
    100,000 incidents). Nothing modifies them in place; filters make new frames.
    """
    rows = bench_rows()
    if rows:
        from bench.generate import generate_incidents

        return tables_from_frames(*generate_incidents(rows))
    store = shared_store(url)
    return tables_from_frames(store.incidents_frame(), store.claims_frame(), store.articles_frame())


def current_version(url: str | None) -> str:
    """The database and its data version, one cache key for every cached view of the data.

    The store's own version is a counter per database, so the URL is part of it.
    """
    if bench_rows():
        return f"bench-{bench_rows()}"
    return f"{url or 'default'}@{shared_store(url).data_version()}"


def tables_or_stop() -> tuple[str | None, str, Tables]:
    """(url, version, tables) for a page; on failure a clear st.error and the page stops.

    The edge of every page: the user reads what went wrong, never a traceback.
    """
    url = database_url()
    try:
        version = current_version(url)
        tables = load_tables(url, version)
        heap.settle(version)
        return url, version, tables
    except SchemaError as error:  # an old or unknown schema: the message names the command to run
        st.error(str(error))
        st.stop()
        raise
    except Exception as error:
        logging.getLogger(__name__).exception("cannot load the incident tables")
        st.error(f"The incident database could not be opened ({type(error).__name__}: {error}). "
                 "Check INCIDENTS_DB_URL and that the database is reachable.")
        st.stop()
        raise  # unreachable: st.stop() ends the run

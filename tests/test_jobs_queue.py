"""Background ingest on the local PostgreSQL: real workers (`python -m incidents worker`), killed with -9.

Each test has its own schema (the URL's search_path), so the queue, the job
tables and the store of one test never see another's. The reference is a
serial in-process ingest of the same articles into SQLite: the queue must
give exactly that table, however its workers die or share the work.
"""
from __future__ import annotations

import signal
from pathlib import Path

import pytest

from incidents.jobs import CHUNK_FILES, FileStatus, JobStatus, chunks
from tests.queue_support import ADMIN, running_worker, start_worker, stop, wait_for

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_DIRS = [ROOT / "data" / "articles", ROOT / "tests" / "data" / "heldout",
                ROOT / "tests" / "data" / "heldout2", ROOT / "tests" / "data" / "heldout3"]


def test_chunks_cover_every_file_once():
    assert chunks(0) == []
    assert chunks(3, size=2) == [(0, 2), (2, 3)]
    spans = chunks(2 * CHUNK_FILES + 1)
    assert [p for a, b in spans for p in range(a, b)] == list(range(2 * CHUNK_FILES + 1))


def test_a_job_says_how_far_it_is():
    files = (FileStatus(0, "a.txt", "done", "a.txt: 1 incident(s)"),
             FileStatus(1, "b.txt", "error", "b.txt: empty"),
             FileStatus(2, "c.txt", "queued", ""))
    job = JobStatus("j1", "upload of 3 file(s)", "ed", None, files)
    assert not job.finished and job.count("done") == 1
    assert job.summary() == "upload of 3 file(s): 2 of 3 file(s), 1 failed — running"


@pytest.fixture(scope="module")
def articles():
    from incidents.ingest import IngestError, read_paths

    return [a for _, a in read_paths([str(d) for d in ARTICLE_DIRS]) if not isinstance(a, IngestError)]


@pytest.fixture(scope="module")
def serial_table(articles):
    """(incident ids, claims per incident) of a serial in-process ingest: what the queue must give."""
    from incidents.store import Store
    from incidents.users import LOCAL_USER

    store = Store("sqlite://")
    store.ingest(articles, by=LOCAL_USER)
    return table_of(store)


def table_of(store) -> list[tuple[tuple[str, ...], int]]:
    """Each incident as the articles it was read from and its number of claims (ids depend on order)."""
    incidents = store.incidents_frame()
    claims = store.claims_frame().groupby("incident_id").size()
    return sorted((tuple(sorted(a.strip() for a in str(row.article_ids).split(";"))),
                   int(claims.get(row.incident_id, 0)))
                  for row in incidents.itertuples())


def editor_of(store):
    admin = store.sign_in("admin", ADMIN, "Queue Admin")
    editor = store.sign_in("ed", "ed@example.org", "Ed Itor")
    store.set_role(editor.user_id, "editor", by=admin)
    return store.user(editor.user_id)


@pytest.mark.postgres
def test_a_job_killed_mid_way_completes_after_a_restart_with_nothing_twice(pg_url, articles, serial_table,
                                                                          tmp_path, monkeypatch):
    from dashboard.ingest_jobs import article_files
    from incidents.jobs import JobQueue
    from incidents.store import Store

    monkeypatch.setenv("INCIDENTS_ADMIN_EMAILS", ADMIN)
    store = Store(pg_url)
    queue = JobQueue(store)
    queue.ensure_schema()
    job_id = queue.submit(article_files(articles), by=editor_of(store), label="kill test")
    log = tmp_path / "worker.log"

    first = start_worker(pg_url, log)
    try:
        def midway():  # some files added, the rest not: the worker is inside the job
            job = queue.job(job_id)
            return job.count("done") >= 2 and job.count("queued") > 0 and job.count("running") == 1
        wait_for(midway, 180, "the worker to be in the middle of the job")
        first.send_signal(signal.SIGKILL)
        first.wait()
    finally:
        stop(first)
    killed_at = queue.job(job_id)
    assert not killed_at.finished, "the job ended before the kill: nothing was tested"

    with running_worker(pg_url, log):
        wait_for(lambda: queue.job(job_id).finished, 240, "the job to finish after the restart", poll=0.5)

    job = queue.job(job_id)
    assert job.count("error") == 0, [f.message for f in job.files if f.status == "error"]
    assert job.count("done") == len(articles)
    stored = store.articles_frame()
    assert len(stored) == stored["article_id"].nunique() == len({a.article_id for a in articles})
    assert table_of(store) == serial_table  # no duplicate incident, no lost or doubled claim
    resumed = [f for f in job.files if "worker stopped" in f.message]
    assert len(resumed) <= 1  # at most the one file being added at the kill


@pytest.mark.postgres
def test_two_workers_share_a_job(pg_url, articles, serial_table, tmp_path, monkeypatch):
    from dashboard.ingest_jobs import article_files
    from incidents.jobs import JobQueue
    from incidents.store import Store

    monkeypatch.setenv("INCIDENTS_ADMIN_EMAILS", ADMIN)
    monkeypatch.setattr("incidents.jobs.CHUNK_FILES", 8)
    store = Store(pg_url)
    queue = JobQueue(store)
    queue.ensure_schema()
    job_id = queue.submit(article_files(articles), by=editor_of(store), label="two workers")
    with running_worker(pg_url, tmp_path / "worker0.log"), running_worker(pg_url, tmp_path / "worker1.log"):
        wait_for(lambda: queue.job(job_id).finished, 240, "the job to finish", poll=0.5)
    job = queue.job(job_id)
    assert job.count("done") == len(articles)
    assert table_of(store) == serial_table
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        names = {r[0] for r in conn.execute(sa.text("SELECT DISTINCT worker FROM ingest_job_files"))}
    assert len(names) == 2, names  # both workers took chunks

"""Shared by the queue tests: a PostgreSQL schema per test (by the URL's search_path) and real workers."""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADMIN = "queue-admin@example.org"
PG_REASON = "TEST_DATABASE_URL is not set (CI sets it to the PostgreSQL server; see .ci/run)"


@pytest.fixture
def pg_url():
    """A PostgreSQL URL whose search_path is a fresh schema (dropped afterwards).

    Every connection made from the URL (the store's, procrastinate's, a
    worker's in another process) lives in that schema.
    """
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip(PG_REASON)
    import sqlalchemy as sa

    schema = f"test_jobs_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(base)
    with engine.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    yield f"{base}{separator}options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def start_worker(url: str, log: Path) -> subprocess.Popen:
    """`python -m incidents worker` with short heartbeats (1 s) and stall detection (3 s)."""
    command = [sys.executable, "-m", "incidents", "worker", "--db", url, "--heartbeat", "1",
               "--stalled-after", "3"]
    with open(log, "a") as out:
        return subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, "INCIDENTS_ADMIN_EMAILS": ADMIN})


def stop(process: subprocess.Popen) -> None:
    """SIGTERM (the worker finishes its file), SIGKILL if it does not stop within 30 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def running_worker(url: str, log: Path) -> Iterator[subprocess.Popen]:
    process = start_worker(url, log)
    try:
        yield process
    finally:
        stop(process)


def wait_for(predicate, timeout: float, what: str, poll: float = 0.02):
    """predicate()'s first true value, polled; TimeoutError naming what was awaited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(poll)
    raise TimeoutError(f"waited {timeout:.0f} s for {what}")

"""Shared fixtures: a fresh SQLite store per test, and the same on PostgreSQL.

The PostgreSQL store lives in its own schema (dropped afterwards) on the
server named by TEST_DATABASE_URL; without that variable those tests skip
and say why.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
pytest_plugins = ["tests.queue_support"]  # pg_url: a schema per test by search_path, for the queue
PG_REASON = "TEST_DATABASE_URL is not set (CI sets it to the PostgreSQL server; see .ci/run)"


@pytest.fixture
def sqlite_store():
    from incidents.store import Store

    return Store("sqlite://")


@pytest.fixture
def pg_store():
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip(PG_REASON)
    import sqlalchemy as sa

    from incidents.store import Store

    schema = f"test_{uuid.uuid4().hex[:12]}"
    store = Store(url, schema=schema)
    yield store
    with store.engine.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    store.engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request):
    """The store on SQLite and (when TEST_DATABASE_URL is set) on PostgreSQL."""
    return request.getfixturevalue("sqlite_store" if request.param == "sqlite" else "pg_store")


@pytest.fixture(scope="session")
def seed_articles():
    from incidents.ingest import read_paths

    return [a for _, a in read_paths([ARTICLES])]

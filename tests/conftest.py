"""Shared fixtures: a fresh SQLite store per test, and the same on PostgreSQL; users; articles.

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
def sqlite_store(tmp_path):
    """A SQLite file (not :memory:, which is one database per thread): WAL, the write lock, as deployed."""
    from incidents.store import Store

    return Store(f"sqlite:///{tmp_path / 'store.db'}")


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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_database(request, tmp_path):
    """(url, schema) of an empty database: a SQLite file, or a fresh schema on the test server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'db.sqlite'}", None
        return
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip(PG_REASON)
    import sqlalchemy as sa

    schema = f"test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.schema.CreateSchema(schema))
    yield url, schema
    with engine.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture(scope="session")
def seed_articles():
    from incidents.ingest import read_paths

    return [a for _, a in read_paths([ARTICLES])]


STRIKE = (
    "US air strikes hit Kataib Hezbollah positions near Al-Qaim on Monday, killing four fighters, "
    "militia leaders said. The state news agency said one child had been killed."
)
STRIKE_AGAIN = (
    "The Syrian Observatory said at least seven fighters were killed when US warplanes struck "
    "Kataib Hezbollah positions near Al-Qaim on Monday."
)
BOMBING = "A car bomb exploded at a busy market in Mogadishu on Tuesday, killing 12 people, police said."


@pytest.fixture
def article_of():
    """An Article from text (published 2022-05-10 unless told), named like a file."""
    from incidents.ingest import article_from_text

    def make(text, published="2022-05-10", name="a.txt", **kw):
        return article_from_text(text, published=published, name=name, **kw)

    return make


@pytest.fixture
def people(store, monkeypatch):
    """An admin (configured by email), an editor and a viewer, signed in to the store."""
    from types import SimpleNamespace

    from incidents.users import LOCAL_USER

    monkeypatch.setenv("INCIDENTS_ADMIN_EMAILS", "Boss@Example.org, other@example.org")
    admin = store.sign_in("sub-admin", "boss@example.org", "Boss")
    editor = store.set_role(store.sign_in("sub-editor", "ed@example.org", "Ed").user_id, "editor", by=admin)
    viewer = store.sign_in("sub-viewer", "vi@example.org", "Vi")
    return SimpleNamespace(admin=admin, editor=editor, viewer=viewer, local=LOCAL_USER)

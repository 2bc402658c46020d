"""The Store: one object over one database, assembled from its parts (one module per job)."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa

from incidents.store import migrate
from incidents.store.accounts import Accounts
from incidents.store.audit import Audit
from incidents.store.ingesting import Ingesting
from incidents.store.reading import Reading
from incidents.store.reviewing import Reviewing
from incidents.store.statements import Statements
from incidents.store.tables import INCIDENT_SEQ, tables
from incidents.store.txn import Transactions, make_engine

DEFAULT_DB = Path(__file__).resolve().parent.parent.parent / "data" / "incidents.db"


def default_url() -> str:
    """--db is not given: $INCIDENTS_DB_URL, else a SQLite file under data/."""
    return os.environ.get("INCIDENTS_DB_URL") or f"sqlite:///{DEFAULT_DB}"


class Store(Transactions, Accounts, Audit, Reading, Ingesting, Reviewing):
    """Articles, reports, incidents, claims, users and the audit trail in one SQL database.

    url: any SQLAlchemy URL (default: default_url()). schema: a PostgreSQL
    schema to live in (the tests use one per test). local_user: whether
    LOCAL_USER may write (a laptop, the CLI); a deployment with sign-in passes
    False, so only signed-in users with a role can. Opening a database whose
    schema revision is not this code's raises migrate.SchemaError (a
    ValueError) naming the command that upgrades it; an empty one is created.
    """

    def __init__(self, url: str | None = None, *, schema: str | None = None, local_user: bool = True):
        self.url = url or default_url()
        self.engine = make_engine(self.url)
        self.schema = schema
        self.local_user = local_user
        self.metadata, self.t = tables(schema)
        self.sequence = sa.Sequence(INCIDENT_SEQ, schema=schema)
        self.statements = Statements(self.t)
        self.kept_fingerprints = {}
        shown = self.engine.url.render_as_string(hide_password=True)
        try:
            migrate.ensure_current(self.engine, self.metadata, schema, shown)
        except sa.exc.SQLAlchemyError as e:
            raise ValueError(
                f"cannot open the database {shown!r}: {e.__class__.__name__}: {str(e).splitlines()[0]}"
            ) from e

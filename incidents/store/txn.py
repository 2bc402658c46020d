"""Transactions for many writers: the engine, the cluster lock, and a retry on transient conflicts.

Two kinds of write transaction:

- an *edit* (review, corrections, roles) changes one row under its row lock
  and an optimistic version check: any number run side by side;
- a *cluster* write (ingest, merge, split) reads the incidents a report may
  join and rewrites them. It first takes the cluster lock, so no two cluster
  writes interleave between reading candidates and writing: on PostgreSQL a
  transaction-level advisory lock (pg_advisory_xact_lock, released at commit
  or rollback, whatever happens to the process); on SQLite the database's
  write lock taken at BEGIN IMMEDIATE (one writer at a time is SQLite's own
  rule, so every SQLite write transaction begins IMMEDIATE). Extraction, the slow
  part of an ingest, runs before and outside it.

A deadlock, a serialization failure or a busy SQLite file is retried with a
short random back-off; other database errors reach the caller.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import sqlalchemy as sa

T = TypeVar("T")
CLUSTER_LOCK = 0x1AC1DE47  # the advisory lock key of cluster writes (any fixed 64-bit number)
MIGRATION_LOCK = 0x1AC1DE48
RETRY_SQLSTATES = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available
ATTEMPTS = 8


def make_engine(url: str) -> sa.Engine:
    """An engine for url; SQLite files get WAL, a long busy timeout and explicit BEGINs."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = sa.create_engine(url)
    except (sa.exc.ArgumentError, ImportError, ValueError) as e:
        raise ValueError(f"cannot use the database URL {url!r}: {e}") from e
    if engine.dialect.name == "sqlite":
        file_db = engine.url.database not in (None, "", ":memory:")
        sa.event.listen(engine, "connect", _sqlite_connect(file_db))
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(file_db: bool):
    def connect(dbapi_conn, _record) -> None:
        """The driver leaves BEGIN to us (so a cluster write can say IMMEDIATE); WAL lets readers in."""
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if file_db:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    return connect


def _sqlite_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("immediate") else "BEGIN")


def transient(error: BaseException) -> bool:
    """A conflict another attempt can get past: deadlock, serialization failure, SQLite busy."""
    if not isinstance(error, sa.exc.OperationalError | sa.exc.DBAPIError):
        return False
    orig = getattr(error, "orig", None)
    if getattr(orig, "sqlstate", None) in RETRY_SQLSTATES:
        return True
    text = str(orig or error).lower()
    return "database is locked" in text or "database table is locked" in text


class Transactions:
    """The write-transaction helpers the store's parts share (needs self.engine)."""

    engine: sa.Engine
    sleep: Callable[[float], None] = staticmethod(time.sleep)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def _begin(self, *, cluster: bool) -> Iterator[sa.Connection]:
        """One write transaction; a cluster write holds the cluster lock from its first statement."""
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                conn.execution_options(immediate=True)  # SQLite's one writer: take the lock up front
            with conn.begin():
                if cluster and self.dialect == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": CLUSTER_LOCK})
                yield conn

    def _retrying(self, work: Callable[[sa.Connection], T], *, cluster: bool = False) -> T:
        """Run work(conn) in a write transaction, again on a transient conflict (up to ATTEMPTS)."""
        for attempt in range(ATTEMPTS):
            try:
                with self._begin(cluster=cluster) as conn:
                    return work(conn)
            except sa.exc.DBAPIError as error:
                if not transient(error) or attempt == ATTEMPTS - 1:
                    raise
                self.sleep(random.uniform(0.02, 0.1) * (attempt + 1))
        raise AssertionError("unreachable")

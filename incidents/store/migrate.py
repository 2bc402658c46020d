"""The database's schema revision: create a new database, refuse an unknown one, upgrade an old one.

A new (empty) database is created from the metadata and stamped with the
newest revision (what Alembic recommends for a fresh database). A database at
an older revision, or made before migrations existed, is not touched when the
app or the CLI opens it: they refuse with the command that upgrades it, so
several replicas never race to migrate. `python -m incidents db upgrade`
runs the migrations under a lock (an advisory lock on PostgreSQL, the write
lock on SQLite), in one transaction where the database allows it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from incidents.store.txn import MIGRATION_LOCK

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
BEFORE_MIGRATIONS = "0001"  # what a database made before migrations is stamped with
UPGRADE_COMMAND = "python -m incidents db upgrade"


class SchemaError(ValueError):
    """The database's schema is not the one this version of the code reads."""


def alembic_config(connection: sa.Connection | None = None, schema: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    cfg.attributes["schema"] = schema
    return cfg


@lru_cache(maxsize=1)
def scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    return scripts().get_current_head()


def current(conn: sa.Connection, schema: str | None) -> str | None:
    """The revision stamped in the database; "" when made before migrations; None when empty."""
    inspector = sa.inspect(conn)
    names = set(inspector.get_table_names(schema=schema))
    if "alembic_version" in names:
        return MigrationContext.configure(conn, opts={"version_table_schema": schema}).get_current_revision()
    return "" if "incidents" in names or "articles" in names else None


def _lock(conn: sa.Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})


def _refusal(url: str, found: str, command: str) -> SchemaError:
    if found and found not in {s.revision for s in scripts().walk_revisions()}:
        return SchemaError(
            f"The database {url} has schema revision {found}, which this version of incident-map does not "
            f"know (it reads revision {head()}): it was upgraded by a newer version. Run that version, "
            "or restore a backup made before the upgrade."
        )
    was = f"schema revision {found}" if found else "a schema from before migrations"
    return SchemaError(
        f"The database {url} has {was}; this version of incident-map reads revision {head()}. "
        f"Back it up, then upgrade it in place (every row is kept): {command}"
    )


def ensure_current(engine: sa.Engine, metadata: sa.MetaData, schema: str | None, url: str) -> None:
    """Create an empty database at the newest revision; refuse one at any other revision."""
    with engine.connect() as conn:
        found = current(conn, schema)
        conn.rollback()
    if found == head():
        return
    if found is not None:
        raise _refusal(url, found, f"{UPGRADE_COMMAND} --db '{url}'")
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.execution_options(immediate=True)
        with conn.begin():
            _lock(conn)
            if schema:
                conn.execute(sa.schema.CreateSchema(schema, if_not_exists=True))
            found = current(conn, schema)
            if found is None:
                metadata.create_all(conn)
                MigrationContext.configure(conn, opts={"version_table_schema": schema}).stamp(
                    scripts(), "head"
                )
            elif found != head():
                raise _refusal(url, found, f"{UPGRADE_COMMAND} --db '{url}'")


def upgrade(engine: sa.Engine, metadata: sa.MetaData, schema: str | None = None) -> tuple[str | None, str]:
    """Bring the database to the newest revision, keeping every row: (revision before, after)."""
    from alembic import command

    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.execution_options(immediate=True)
        with conn.begin():
            _lock(conn)
            found = current(conn, schema)
            if found is None:
                if schema:
                    conn.execute(sa.schema.CreateSchema(schema, if_not_exists=True))
                metadata.create_all(conn)
                MigrationContext.configure(conn, opts={"version_table_schema": schema}).stamp(
                    scripts(), "head"
                )
                return None, head()
            cfg = alembic_config(conn, schema)
            if found == "":
                command.stamp(cfg, BEFORE_MIGRATIONS)
            command.upgrade(cfg, "head")
            return found, head()

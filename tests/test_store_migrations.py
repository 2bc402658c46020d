"""Schema migrations: the tables and the migrations agree; a database made by the code before
migrations (the store of commit LEGACY_COMMIT, read from git) upgrades in place keeping every row;
the store refuses a schema it does not know, naming the command to run."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner

from incidents.cli import main
from incidents.store import LOCAL_USER, SchemaError, Store, migrate
from incidents.store.tables import tables
from tests.conftest import ARTICLES, ROOT, STRIKE_AGAIN

LEGACY_COMMIT = "d281f89"  # main before migrations: its incidents/store.py made every existing database


def test_the_migrations_build_the_tables_the_store_reads(empty_database):
    url, schema = empty_database
    engine = sa.create_engine(url)
    with engine.connect() as conn, conn.begin():
        command.upgrade(migrate.alembic_config(conn, schema), "head")
    with engine.connect() as conn:
        if schema:
            conn.execute(sa.text(f'SET search_path TO "{schema}"'))
        context = MigrationContext.configure(conn, opts={"version_table_schema": schema})
        diff = [d for d in compare_metadata(context, tables(None)[0]) if "alembic_version" not in repr(d)]
    assert diff == [], "the tables (incidents/store/tables.py) and the migrations disagree: add a migration"
    store = Store(url, schema=schema)  # opens without complaint, and writes
    assert store.ingest_one(_articles()[0]).error is None


def _legacy_store_module(tmp_path: Path):
    """incidents/store.py as it was before migrations, from git (skips where there is no history)."""
    try:
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{LEGACY_COMMIT}:incidents/store.py"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip(f"needs the git history (commit {LEGACY_COMMIT}) to build a database the old way")
    path = tmp_path / "legacy_store.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("legacy_store", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["legacy_store"] = module
    spec.loader.exec_module(module)
    return module


def _articles():
    from incidents.ingest import article_from_text, read_paths

    found = [a for _, a in read_paths([ARTICLES])]
    return [*found, article_from_text(STRIKE_AGAIN, published="2022-05-10", name="again.txt")]


def _rows(url: str, schema: str | None, like: dict | None = None) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every row of the data tables: (column names, sorted rows); like: only the columns it has."""
    engine = sa.create_engine(url)
    md = sa.MetaData(schema=schema)
    md.reflect(engine, only=["articles", "reports", "incidents", "claims"])
    out = {}
    with engine.connect() as conn:
        for full, table in md.tables.items():
            name = full.split(".")[-1]
            names = (
                like[name][0]
                if like
                else [c.name for c in table.c if c.name not in ("fatalities_override", "fatalities")]
            )
            rows = conn.execute(sa.select(*(table.c[n] for n in names))).all()
            out[name] = (names, sorted(rows, key=repr))
    engine.dispose()
    return out


def test_a_database_made_before_migrations_upgrades_in_place(empty_database, tmp_path):
    url, schema = empty_database
    legacy = _legacy_store_module(tmp_path)
    old = legacy.Store(url, schema=schema)
    old.ingest(_articles())
    reviewed = old.incidents_frame().iloc[0]["incident_id"]
    old.set_review(reviewed, status="disputed", fatalities=9)
    old.engine.dispose()
    before = _rows(url, schema)
    assert before["incidents"][1] and before["claims"][1]

    with pytest.raises(SchemaError, match="python -m incidents db upgrade"):
        Store(url, schema=schema)
    args = ["db", "upgrade", "--db", url, *(["--schema", schema] if schema else [])]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and "upgraded from before migrations" in result.output, result.output

    assert _rows(url, schema, like=before) == before  # every row and value (the editor figure: below)
    store = Store(url, schema=schema)
    record = store.incident(reviewed)
    assert (record.review_status, record.edits, record.version) == ("disputed", {"fatalities": 9}, 1)
    assert store.incidents_frame().set_index("incident_id").loc[reviewed, "fatalities"] == 9
    store.set_review(reviewed, by=LOCAL_USER, expected_version=1, fatalities=None)
    frame = store.incidents_frame().set_index("incident_id")
    assert frame.loc[reviewed, "fatalities"] == frame.loc[reviewed, "killed_low"]
    assert CliRunner().invoke(main, args).output.strip().endswith(f"already at revision {migrate.head()}")


def test_a_schema_from_a_newer_version_is_refused(empty_database):
    url, schema = empty_database
    Store(url, schema=schema).engine.dispose()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        MigrationContext.configure(conn, opts={"version_table_schema": schema})._ensure_version_table()
        table = sa.table("alembic_version", sa.column("version_num"), schema=schema)
        conn.execute(sa.update(table).values(version_num="9999"))
    with pytest.raises(SchemaError, match="does not know"):
        Store(url, schema=schema)

"""`python -m incidents db ...`: the database's schema revision, and the upgrade that keeps every row."""

from __future__ import annotations

import click
import sqlalchemy as sa

DB_HELP = "Database URL (SQLAlchemy). Default: $INCIDENTS_DB_URL, else a SQLite file data/incidents.db."


def _engine_and_tables(db: str | None, schema: str | None):
    from incidents.store import default_url
    from incidents.store.tables import tables
    from incidents.store.txn import make_engine

    url = db or default_url()
    try:
        return make_engine(url), tables(schema)[0], url
    except ValueError as e:
        raise click.ClickException(str(e)) from e


@click.group(help="The database's schema: show its revision, upgrade it in place.")
def db() -> None:
    pass


@db.command(
    help="Upgrade the database to this version's schema, in place, keeping every row (back it up first)."
)
@click.option("--db", "url", default=None, help=DB_HELP)
@click.option(
    "--schema", default=None, help="PostgreSQL schema the tables live in (default: the search path)."
)
def upgrade(url: str | None, schema: str | None) -> None:
    from incidents.store import migrate

    engine, metadata, shown = _engine_and_tables(url, schema)
    try:
        before, after = migrate.upgrade(engine, metadata, schema)
    except sa.exc.SQLAlchemyError as e:
        raise click.ClickException(f"the upgrade failed and was rolled back: {str(e).splitlines()[0]}") from e
    if before == after:
        click.echo(f"{shown}: already at revision {after}")
    else:
        was = "an empty database" if before is None else ("before migrations" if before == "" else before)
        click.echo(f"{shown}: upgraded from {was} to revision {after}")


@db.command(help="Show the database's schema revision and the one this version reads.")
@click.option("--db", "url", default=None, help=DB_HELP)
@click.option("--schema", default=None, help="PostgreSQL schema the tables live in.")
def current(url: str | None, schema: str | None) -> None:
    from incidents.store import migrate

    engine, _metadata, shown = _engine_and_tables(url, schema)
    with engine.connect() as conn:
        found = migrate.current(conn, schema)
    was = "empty" if found is None else ("before migrations" if found == "" else found)
    click.echo(f"{shown}: {was} (this version reads {migrate.head()})")

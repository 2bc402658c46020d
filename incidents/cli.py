"""The command line: ingest, export, list. Each command is a few lines over the library."""

from __future__ import annotations

import sys
from collections import Counter

import click

from incidents import limits
from incidents.ingest import IngestError, Skipped, read_paths

DB_HELP = "Database URL (SQLAlchemy). Default: $INCIDENTS_DB_URL, else a SQLite file data/incidents.db."


def _store(db: str | None):
    from incidents.store import Store

    try:
        return Store(db)
    except ValueError as e:
        raise click.ClickException(str(e)) from e


@click.group(help="News articles about violent incidents -> a mapped, sourced incident table.")
def main() -> None:
    pass


@main.command(
    help="Read article files or folders (.txt, .html; a folder's manifest.csv) into the database.\n\n"
    + limits.describe()
)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", default=None, help=DB_HELP)
def ingest(paths: tuple[str, ...], db: str | None) -> None:
    from tqdm import tqdm

    store = _store(db)
    items = list(read_paths(paths, skipped=True))
    tally = Counter()
    with tqdm(
        items, desc="ingesting", unit="file", file=sys.stderr, disable=len(items) <= 3, leave=False
    ) as bar:
        for name, item in bar:
            kind, line = _ingest_line(store, name, item, tally)
            tally[kind] += 1
            bar.write(line, file=sys.stderr if kind == "error" else sys.stdout)
    click.echo(_summary(tally))
    if tally["error"]:
        raise click.ClickException(f"{tally['error']} file(s) could not be ingested (see above)")


def _summary(tally: Counter) -> str:
    """The totals of what was stored, read from the store's own answers."""
    return (
        f"total: {tally['added']} file(s) added ({tally['incidents']} incidents touched, "
        f"{tally['claims']} claims stored), {tally['known']} unchanged (already stored), "
        f"{tally['error']} with errors, {tally['skipped']} skipped"
    )


def _add_db_commands() -> None:
    from incidents.cli_db import db

    main.add_command(db)


_add_db_commands()


def _ingest_line(store, name: str, item, tally: Counter) -> tuple[str, str]:
    """(kind, line) for one file: incidents and claims stored, warnings; or why it is not in."""
    if isinstance(item, Skipped):
        return "skipped", f"SKIPPED {item}"
    if isinstance(item, IngestError):
        return "error", f"ERROR {item}"
    try:
        res = store.ingest_one(item)
    except Exception as e:  # one file's failure is that file's line; the others still go in
        return "error", f"ERROR {name}: not stored ({type(e).__name__}: {e})"
    if res.error:
        return "error", f"ERROR {name}: {res.error}"
    warn = f"; warnings: {'; '.join(res.warnings)}" if res.warnings else ""
    if not res.new:
        return "known", f"{name}: {res.incidents} incident(s){warn}"
    tally["incidents"] += res.incidents
    tally["claims"] += res.claims
    return "added", f"{name}: {res.incidents} incident(s), {res.claims} claim(s){warn}"


@main.command(help="Write incidents.csv + claims.csv (or incidents.geojson) to OUT_DIR.")
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["csv", "geojson"]), default="csv", show_default=True)
def export(out_dir: str, db: str | None, fmt: str) -> None:
    from incidents.export import write_csv, write_geojson

    store = _store(db)
    writer = write_csv if fmt == "csv" else write_geojson
    try:
        paths = writer(store.incidents_frame(), store.claims_frame(), out_dir)
    except OSError as e:
        raise click.ClickException(f"cannot write to {out_dir}: {e.strerror or e}") from e
    for p in paths:
        click.echo(str(p))


@main.command(name="list", help="Show the incident table in the terminal.")
@click.option("--db", default=None, help=DB_HELP)
def list_(db: str | None) -> None:
    df = _store(db).incidents_frame()
    if df.empty:
        click.echo("no incidents (ingest some articles first)")
        return
    for r in df.itertuples(index=False):
        killed = _range(r.killed_low, r.killed_high)
        click.echo(
            f"{r.incident_id}  {r.event_date or '?':10}  "
            f"{(r.sub_event_type or r.event_type or '?')[:34]:34}  "
            f"{(r.location or '?')[:34]:34}  killed {killed:7}  {r.sources or 'no source'}"
        )
    click.echo(f"{len(df)} incident(s)")


def _range(lo, hi) -> str:
    lo = None if lo is None or lo is __import__("pandas").NA else int(lo)
    hi = None if hi is None or hi is __import__("pandas").NA else int(hi)
    if lo is None and hi is None:
        return "?"
    if lo == hi:
        return str(lo)
    return f"{'' if lo is None else lo}-{'' if hi is None else hi}" if hi is not None else f"{lo}+"


@main.command(help="Run background ingest jobs from the PostgreSQL queue until stopped (Ctrl-C/SIGTERM "
                   "finish the current file first). Start any number, on any machine.")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--concurrency", default=1, show_default=True, help="Jobs run at once by this worker.")
@click.option("--heartbeat", default=10.0, show_default=True, help="Seconds between heartbeats.")
@click.option("--stalled-after", default=30.0, show_default=True,
              help="Seconds without a heartbeat after which another worker retries a worker's job.")
def worker(db: str | None, concurrency: int, heartbeat: float, stalled_after: float) -> None:
    from incidents.jobs import run_worker, uses_queue

    store = _store(db)
    if store.engine.dialect.name != "postgresql" or not uses_queue(store.engine):
        raise click.ClickException("the worker runs jobs from PostgreSQL (INCIDENTS_DB_URL or --db); "
                                   "on SQLite the app adds articles itself")
    click.echo(f"worker: waiting for ingest jobs on {store.engine.url.render_as_string()}", err=True)
    run_worker(store, resolve_user=store.user, concurrency=concurrency, heartbeat_s=heartbeat,
               stalled_after_s=stalled_after)

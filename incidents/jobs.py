"""Background ingest: a batch of articles is a job on PostgreSQL, run by `python -m incidents worker`.

The queue is procrastinate (README, "Deploying for a newsroom", says why). A
job is one row in ``ingest_jobs`` and one row per file in ``ingest_job_files``
(the file's bytes travel in the database, so a worker on another machine can
read them). The files are cut into chunks of CHUNK_FILES; each chunk is one
procrastinate job, so several workers share a large upload.

Resumable per file: a chunk skips the files already done, so a chunk retried
after a worker died (procrastinate's heartbeats find it stalled; the worker
retries it) goes on where it stopped. The store's ingest is idempotent by
content hash and safe for concurrent writers, so the one file that was being
added when the worker died is never added twice; its line then says so.

On SQLite (the laptop default) there is no queue: the Ingest page adds in-process.
"""
from __future__ import annotations

import json
import logging
import os
import socket
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

LOG = logging.getLogger(__name__)
QUEUE = "ingest"
TASK_NAME = "incidents.ingest_chunk"
RETRY_STALLED_TASK = "incidents.retry_stalled_ingest"
CHUNK_FILES = 25
SCHEMA_LOCK = 7_246_011  # pg_advisory_lock key: one process applies the queue's schema at a time
FILE_STATES = ("queued", "running", "done", "error")


def _now() -> datetime:
    return datetime.now(UTC)


def job_tables(metadata: sa.MetaData) -> tuple[sa.Table, sa.Table]:
    """The two tables of the job queue's own bookkeeping (procrastinate keeps its own)."""
    jobs = sa.Table(
        "ingest_jobs", metadata,
        sa.Column("job_id", sa.String(32), primary_key=True),
        sa.Column("label", sa.Text, nullable=False, default=""),
        sa.Column("submitted_by", sa.Text, nullable=False),
        sa.Column("submitted_label", sa.Text, nullable=False, default=""),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
    )
    files = sa.Table(
        "ingest_job_files", metadata,
        sa.Column("job_id", sa.String(32), sa.ForeignKey(jobs.c.job_id, ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("meta", sa.Text, nullable=False, default="{}"),
        sa.Column("status", sa.String(16), nullable=False, default="queued"),
        sa.Column("attempts", sa.Integer, nullable=False, default=0),
        sa.Column("message", sa.Text, nullable=False, default=""),
        sa.Column("article_id", sa.String(32)),
        sa.Column("incidents", sa.Integer),
        sa.Column("claims", sa.Integer),
        sa.Column("worker", sa.Text),
        sa.Column("started_at", sa.DateTime(timezone=True)),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
    )
    return jobs, files


@dataclass(frozen=True)
class FileStatus:
    """One file of a job: where it is and what adding it did."""

    position: int
    name: str
    status: str
    message: str
    incidents: int | None = None
    claims: int | None = None


@dataclass(frozen=True)
class JobStatus:
    """A job and its files, for the Ingest page and `python -m incidents jobs`."""

    job_id: str
    label: str
    submitted_by: str
    submitted_at: datetime
    files: tuple[FileStatus, ...]

    def count(self, status: str) -> int:
        return sum(f.status == status for f in self.files)

    @property
    def total(self) -> int:
        return len(self.files)

    @property
    def finished(self) -> bool:
        return all(f.status in ("done", "error") for f in self.files)

    def summary(self) -> str:
        done, failed = self.count("done"), self.count("error")
        started = done + failed or self.count("running")
        state = "finished" if self.finished else "running" if started else "queued"
        name = self.label or self.job_id
        return f"{name}: {done + failed} of {self.total} file(s), {failed} failed — {state}"


def uses_queue(engine: sa.Engine) -> bool:
    """Jobs run on PostgreSQL; SQLite (one writer, one machine) ingests in-process.

    INCIDENTS_INGEST_INLINE=1 makes a PostgreSQL install ingest in-process too
    (one person with no worker running).
    """
    inline = os.environ.get("INCIDENTS_INGEST_INLINE", "") in ("1", "true")
    return engine.dialect.name == "postgresql" and not inline


def conninfo(engine: sa.Engine) -> str:
    """The libpq connection string of a SQLAlchemy engine (for procrastinate's psycopg pool)."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def chunks(total: int, size: int | None = None) -> list[tuple[int, int]]:
    """[first, last) positions of each chunk of a job of total files (CHUNK_FILES a chunk)."""
    size = size or CHUNK_FILES
    return [(start, min(start + size, total)) for start in range(0, total, size)]


class JobQueue:
    """Submit ingest jobs, read their progress, and run their chunks (the worker's side)."""

    def __init__(self, store: Any):
        self.store = store
        self.engine: sa.Engine = store.engine
        self.schema: str | None = getattr(store, "schema", None)
        self.metadata = sa.MetaData(schema=self.schema)
        self.jobs, self.files = job_tables(self.metadata)

    # ---- set-up ------------------------------------------------------------------------------
    def connector_kwargs(self) -> dict[str, Any]:
        """psycopg pool arguments: the database, and the store's schema first on the search path."""
        kwargs: dict[str, Any] = {"conninfo": conninfo(self.engine)}
        if self.schema:
            kwargs["kwargs"] = {"options": f"-c search_path={self.schema}"}
        return kwargs

    def ensure_schema(self) -> None:
        """Create the job tables and procrastinate's schema where missing (safe from many processes)."""
        from procrastinate.schema import SchemaManager

        with self.engine.begin() as conn:
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(SCHEMA_LOCK)))
            self.metadata.create_all(conn, checkfirst=True)
            if not sa.inspect(conn).has_table("procrastinate_jobs", schema=self.schema):
                raw = conn.connection.driver_connection  # psycopg: no parameters, so '%' is literal
                if self.schema:
                    raw.execute(f'SET LOCAL search_path TO "{self.schema}"')
                raw.execute(SchemaManager.get_schema())

    # ---- the app's side ----------------------------------------------------------------------
    def submit(self, files: Iterable[tuple[str, bytes, dict[str, str]]], *, by: Any, label: str = "") -> str:
        """Store the files as a new job and queue its chunks; returns the job id at once."""
        rows = [{"position": i, "name": name, "data": data, "meta": json.dumps(meta or {})}
                for i, (name, data, meta) in enumerate(files)]
        if not rows:
            raise ValueError("a job needs at least one file")
        job_id = uuid.uuid4().hex
        with self.engine.begin() as conn:
            conn.execute(sa.insert(self.jobs).values(
                job_id=job_id, label=label or f"{len(rows)} file(s)", submitted_by=by.user_id,
                submitted_label=getattr(by, "label", by.user_id), submitted_at=_now(), total=len(rows)))
            conn.execute(sa.insert(self.files), [{**row, "job_id": job_id, "status": "queued"}
                                                 for row in rows])
        app = procrastinate_app(self)
        with app.open():
            for first, last in chunks(len(rows)):
                app.configure_task(TASK_NAME, queue=QUEUE).defer(job_id=job_id, first=first, last=last)
        return job_id

    def job(self, job_id: str) -> JobStatus | None:
        found = self._statuses(self.jobs.c.job_id == job_id, limit=1)
        return found[0] if found else None

    def recent(self, *, by: Any | None = None, limit: int = 10) -> list[JobStatus]:
        """The latest jobs (of one user, when given), newest first."""
        where = sa.true() if by is None else self.jobs.c.submitted_by == by.user_id
        return self._statuses(where, limit=limit)

    def _statuses(self, where, *, limit: int) -> list[JobStatus]:
        j, f = self.jobs, self.files
        with self.engine.connect() as conn:
            newest = sa.select(j).where(where).order_by(j.c.submitted_at.desc()).limit(limit)
            heads = conn.execute(newest).all()
            if not heads:
                return []
            rows = conn.execute(
                sa.select(f.c.job_id, f.c.position, f.c.name, f.c.status, f.c.message, f.c.incidents,
                          f.c.claims)
                .where(f.c.job_id.in_([h.job_id for h in heads])).order_by(f.c.job_id, f.c.position)).all()
        by_job: dict[str, list[FileStatus]] = {}
        for r in rows:
            by_job.setdefault(r.job_id, []).append(
                FileStatus(r.position, r.name, r.status, r.message, r.incidents, r.claims))
        return [JobStatus(h.job_id, h.label, h.submitted_label, h.submitted_at,
                          tuple(by_job.get(h.job_id, ()))) for h in heads]

    def live_workers(self, within_s: float = 60.0) -> int:
        """Workers whose heartbeat is recent: none means queued jobs wait."""
        query = sa.text("SELECT count(*) FROM procrastinate_workers "
                        "WHERE last_heartbeat > now() - make_interval(secs => :s)")
        with self.engine.connect() as conn:
            if self.schema:
                conn.execute(sa.text(f'SET search_path TO "{self.schema}"'))
            try:
                return int(conn.execute(query, {"s": within_s}).scalar() or 0)
            except sa.exc.ProgrammingError:  # the queue's schema is not there yet: no worker ever ran
                return 0

    # ---- the worker's side -------------------------------------------------------------------
    def run_chunk(self, job_id: str, first: int, last: int, *, resolve_user) -> None:
        """Add the chunk's files that are not done yet, one at a time, each result written as it ends."""
        for position in range(first, last):
            self.run_file(job_id, position, resolve_user=resolve_user)

    def run_file(self, job_id: str, position: int, *, resolve_user) -> None:
        f, j = self.files, self.jobs
        key = sa.and_(f.c.job_id == job_id, f.c.position == position)
        with self.engine.begin() as conn:
            row = conn.execute(
                sa.update(f).where(key, f.c.status.in_(("queued", "running")))
                .values(status="running", attempts=f.c.attempts + 1, worker=worker_name(),
                        started_at=sa.func.coalesce(f.c.started_at, _now()))
                .returning(f.c.name, f.c.data, f.c.meta, f.c.attempts)).first()
            submitter = conn.execute(sa.select(j.c.submitted_by).where(j.c.job_id == job_id)).scalar()
        if row is None:
            return  # done by an earlier attempt
        outcome = ingest_file(self.store, row.name, row.data, json.loads(row.meta), resolve_user(submitter),
                              retried=row.attempts > 1)
        with self.engine.begin() as conn:
            conn.execute(sa.update(f).where(key).values(finished_at=_now(), **outcome))


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def ingest_file(store: Any, name: str, data: bytes, meta: dict[str, str], user: Any, *,
                retried: bool) -> dict:
    """Read and add one file as user; the columns of its job row (status, message, counts)."""
    from incidents.ingest import IngestError, article_from_bytes, article_from_text

    try:
        if meta.pop("format", "") == "text":
            article = article_from_text(data.decode("utf-8"), name=name, **meta)
        else:
            article = article_from_bytes(name, data, **meta)
    except IngestError as error:
        return {"status": "error", "message": str(error)}
    except Exception as error:  # a reader bug must not stop the other files
        return {"status": "error", "message": f"{name}: could not be read ({type(error).__name__})"}
    try:
        result = store.ingest_one(article, by=user)
    except PermissionError as error:
        return {"status": "error", "message": f"{name}: {error}", "article_id": article.article_id}
    if result.error:
        return {"status": "error", "message": f"{name}: {result.error}", "article_id": article.article_id}
    warnings = list(result.warnings)
    if retried and not result.new:
        warnings = [w for w in warnings if not w.startswith("already in the database")]
        warnings.append("added once: the worker stopped while adding it and the job went on after a restart")
    line = f"{name}: {result.incidents} incident(s), {result.claims} claim(s)"
    return {"status": "done", "message": line + (f" — {'; '.join(warnings)}" if warnings else ""),
            "article_id": article.article_id, "incidents": result.incidents, "claims": result.claims}


# ---- procrastinate --------------------------------------------------------------------------------

def procrastinate_app(queue: JobQueue, *, resolve_user=None, stalled_after_s: float = 30.0):
    """A procrastinate App on the store's database with the ingest task (and the stalled-job retry)."""
    import procrastinate

    app = procrastinate.App(connector=procrastinate.PsycopgConnector(**queue.connector_kwargs()))

    @app.task(name=TASK_NAME, queue=QUEUE, retry=procrastinate.RetryStrategy(max_attempts=5, wait=5))
    def ingest_chunk(job_id: str, first: int, last: int) -> None:
        if resolve_user is None:
            raise RuntimeError("this app only submits jobs; run them with `python -m incidents worker`")
        queue.run_chunk(job_id, first, last, resolve_user=resolve_user)

    @app.periodic(cron="* * * * * */5", periodic_id="retry-stalled")
    @app.task(name=RETRY_STALLED_TASK, queue=QUEUE, queueing_lock=RETRY_STALLED_TASK, pass_context=True)
    async def retry_stalled(context, timestamp: int) -> None:
        await retry_stalled_jobs(context.app, stalled_after_s)

    return app


async def retry_stalled_jobs(app, stalled_after_s: float) -> int:
    """Put the jobs of workers whose heartbeat stopped (killed, machine lost) back in the queue."""
    stalled = await app.job_manager.get_stalled_jobs(queue=QUEUE, task_name=TASK_NAME,
                                                     seconds_since_heartbeat=stalled_after_s)
    count = 0
    for job in stalled:
        LOG.warning("retrying stalled ingest job %s (its worker stopped sending heartbeats)", job.id)
        await app.job_manager.retry_job(job)
        count += 1
    return count


def run_worker(store: Any, *, resolve_user, concurrency: int = 1, heartbeat_s: float = 10.0,
               stalled_after_s: float = 30.0) -> None:
    """Run ingest jobs until SIGINT/SIGTERM (the current files finish first)."""
    import asyncio

    queue = JobQueue(store)
    queue.ensure_schema()
    app = procrastinate_app(queue, resolve_user=resolve_user, stalled_after_s=stalled_after_s)

    async def main() -> None:
        async with app.open_async():
            await retry_stalled_jobs(app, stalled_after_s)
            await app.run_worker_async(queues=[QUEUE], concurrency=concurrency, name=worker_name(),
                                       update_heartbeat_interval=heartbeat_s,
                                       stalled_worker_timeout=stalled_after_s)

    asyncio.run(main())

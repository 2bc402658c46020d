"""The incident store: SQLAlchemy Core over SQLite (default) or PostgreSQL.

One transaction per article: its row, its reports, the incidents they joined
or created, and those incidents' claims are written together or not at all.
Incident ids are minted once, from the report that created the incident, so
ingesting another article never renumbers the table.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from incidents import cluster
from incidents.codec import report_from_json, report_to_json
from incidents.model import Article, Incident, Report
from incidents.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS
from incidents.summary import claim_row, incident_claims, incident_row

DEFAULT_DB = Path(__file__).resolve().parent.parent / "data" / "incidents.db"
INT_COLUMNS = (
    "time_precision",
    "geo_precision",
    "where_prec",
    "killed_low",
    "killed_high",
    "wounded_low",
    "wounded_high",
    "fatalities",
    "number_of_sources",
)
FLOAT_COLUMNS = ("latitude", "longitude", "geo_uncertainty_km")
CLAIM_INTS = ("killed_low", "killed_high", "wounded_low", "wounded_high")
REVIEW_STATUSES = ("auto", "reviewed", "disputed", "rejected")


def default_url() -> str:
    """--db is not given: $INCIDENTS_DB_URL, else a SQLite file under data/."""
    return os.environ.get("INCIDENTS_DB_URL") or f"sqlite:///{DEFAULT_DB}"


def _col(name: str) -> sa.Column:
    if name in INT_COLUMNS:
        return sa.Column(name, sa.Integer)
    if name in FLOAT_COLUMNS:
        return sa.Column(name, sa.Float)
    if name == "claims_disputed":
        return sa.Column(name, sa.Boolean)
    return sa.Column(name, sa.Text)


def _tables(schema: str | None) -> tuple[sa.MetaData, dict[str, sa.Table]]:
    md = sa.MetaData(schema=schema)
    t = {
        "articles": sa.Table(
            "articles",
            md,
            sa.Column("article_id", sa.String(32), primary_key=True),
            *(
                sa.Column(c, sa.Text)
                for c in ("name", "title", "outlet", "url", "published", "text", "warnings")
            ),
            sa.Column("ingested_at", sa.Text),
        ),
        "reports": sa.Table(
            "reports",
            md,
            sa.Column("report_id", sa.String(48), primary_key=True),
            sa.Column("article_id", sa.String(32), index=True),
            sa.Column("incident_id", sa.String(32), index=True),
            sa.Column("data", sa.Text),
        ),
        "incidents": sa.Table(
            "incidents",
            md,
            sa.Column("incident_id", sa.String(32), primary_key=True),
            sa.Column("seq", sa.Integer, index=True),
            *(_col(c) for c in INCIDENT_COLUMNS if c != "incident_id"),
            sa.Column("geometry", sa.Text),
            sa.Column("fatalities_override", sa.Integer),
        ),
        "claims": sa.Table(
            "claims",
            md,
            sa.Column("claim_id", sa.String(32), primary_key=True),
            sa.Column("incident_id", sa.String(32), index=True),
            *(
                sa.Column(c, sa.Integer) if c in CLAIM_INTS else sa.Column(c, sa.Text)
                for c in CLAIM_COLUMNS
                if c not in ("claim_id", "incident_id")
            ),
        ),
        "meta": sa.Table(
            "meta", md, sa.Column("key", sa.String(32), primary_key=True), sa.Column("value", sa.Text)
        ),
    }
    return md, t


@dataclass
class IngestResult:
    """What ingesting one article did."""

    article_id: str
    name: str
    incidents: int = 0
    claims: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    new: bool = True


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    """WAL: readers (the dashboard) never wait for an ingest; NORMAL sync is safe in WAL mode."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_incident_id(report: Report) -> str:
    key = f"{report.article_id}:{report.index}"
    return "inc-" + hashlib.sha1(key.encode()).hexdigest()[:10]


class Store:
    """Articles, reports, incidents and claims in one SQL database."""

    def __init__(self, url: str | None = None, *, schema: str | None = None):
        self.url = url or default_url()
        if self.url.startswith("sqlite:///") and not self.url.startswith("sqlite:///:memory:"):
            Path(self.url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.engine = sa.create_engine(self.url)
        except (sa.exc.ArgumentError, ImportError, ValueError) as e:
            raise ValueError(f"cannot use the database URL {self.url!r}: {e}") from e
        if self.engine.dialect.name == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self.schema = schema
        self.metadata, self.t = _tables(schema)
        try:
            with self.engine.begin() as conn:
                if schema:
                    conn.execute(sa.schema.CreateSchema(schema, if_not_exists=True))
                self.metadata.create_all(conn)
        except sa.exc.SQLAlchemyError as e:
            raise ValueError(
                f"cannot open the database {self.engine.url!r}: {e.__class__.__name__}: "
                f"{str(e).splitlines()[0]}"
            ) from e

    # ---- reading -------------------------------------------------------
    def is_empty(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(self.t["articles"].c.article_id).limit(1)).first() is None

    def data_version(self) -> str:
        with self.engine.connect() as conn:
            v = conn.execute(
                sa.select(self.t["meta"].c.value).where(self.t["meta"].c.key == "version")
            ).scalar()
        return v or "0"

    def incidents_frame(self) -> pd.DataFrame:
        t = self.t["incidents"]
        cols = [t.c[c] for c in (*INCIDENT_COLUMNS, "geometry")]
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(*cols).order_by(t.c.seq, t.c.incident_id)).all()
        df = pd.DataFrame(rows, columns=[*INCIDENT_COLUMNS, "geometry"])
        for c in INT_COLUMNS:
            df[c] = df[c].astype("Int64")
        for c in FLOAT_COLUMNS:
            df[c] = df[c].astype("float64")
        df["claims_disputed"] = df["claims_disputed"].astype("boolean")
        df["geometry"] = df["geometry"].fillna("")
        return df

    def claims_frame(self) -> pd.DataFrame:
        t = self.t["claims"]
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(*(t.c[c] for c in CLAIM_COLUMNS)).order_by(
                    t.c.incident_id, t.c.published, t.c.claim_id
                )
            ).all()
        df = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
        for c in CLAIM_INTS:
            df[c] = df[c].astype("Int64")
        return df

    def articles_frame(self) -> pd.DataFrame:
        t = self.t["articles"]
        cols = ("article_id", "title", "outlet", "url", "published", "name")
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(*(t.c[c] for c in cols)).order_by(t.c.name, t.c.article_id)).all()
        return pd.DataFrame(rows, columns=list(cols))

    def article(self, article_id: str) -> Article | None:
        t = self.t["articles"]
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t).where(t.c.article_id == article_id)).mappings().first()
        if row is None:
            return None
        return Article(
            article_id=row["article_id"],
            text=row["text"],
            name=row["name"] or "",
            title=row["title"] or "",
            outlet=row["outlet"] or "",
            url=row["url"] or "",
            published=date.fromisoformat(row["published"]) if row["published"] else None,
            warnings=tuple(json.loads(row["warnings"] or "[]")),
        )

    def reports_of(self, article_id: str) -> list[Report]:
        """The reports stored for one article at ingest (its spans and claims), in reading order."""
        t = self.t["reports"]
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.c.data).where(t.c.article_id == article_id)).all()
        return sorted((report_from_json(r.data) for r in rows), key=lambda r: r.index)

    # ---- writing -------------------------------------------------------
    def _bump(self, conn) -> None:
        meta = self.t["meta"]
        old = conn.execute(sa.select(meta.c.value).where(meta.c.key == "version")).scalar()
        if old is None:
            conn.execute(sa.insert(meta).values(key="version", value="1"))
        else:
            conn.execute(sa.update(meta).where(meta.c.key == "version").values(value=str(int(old) + 1)))

    def set_review(
        self, incident_id: str, *, status: str = "reviewed", fatalities: int | None = None
    ) -> None:
        """An editor's verdict on an incident; kept across later re-clustering."""
        if status not in REVIEW_STATUSES:
            raise ValueError(f"review status must be one of {', '.join(REVIEW_STATUSES)}, not {status!r}")
        if fatalities is not None and (not isinstance(fatalities, int) or fatalities < 0):
            raise ValueError(f"fatalities must be a whole number >= 0, not {fatalities!r}")
        t = self.t["incidents"]
        values = {"review_status": status, "updated_at": _now()}
        if fatalities is not None:
            values.update(fatalities=fatalities, fatalities_override=fatalities)
        with self.engine.begin() as conn:
            done = conn.execute(sa.update(t).where(t.c.incident_id == incident_id).values(**values))
            if done.rowcount == 0:
                raise KeyError(f"no incident {incident_id!r}")
            self._bump(conn)

    def ingest(self, articles: Iterable[Article]) -> list[IngestResult]:
        """Add articles (each in its own transaction); an article already stored changes nothing."""
        return [self.ingest_one(a) for a in articles]

    def ingest_one(self, article: Article) -> IngestResult:
        from incidents.pipeline import extract_reports

        result = IngestResult(article.article_id, article.name, warnings=list(article.warnings))
        with self.engine.connect() as conn:
            known = conn.execute(
                sa.select(sa.func.count())
                .select_from(self.t["reports"])
                .where(self.t["reports"].c.article_id == article.article_id)
            ).scalar()
            stored = conn.execute(
                sa.select(self.t["articles"].c.article_id).where(
                    self.t["articles"].c.article_id == article.article_id
                )
            ).first()
        if stored is not None:
            result.new = False
            result.warnings.append("already in the database: nothing changed")
            result.incidents = known
            return result
        try:
            reports = extract_reports(article)
        except Exception as e:  # an extraction bug must not take the other files down
            result.error = f"could not read incidents from this article: {e.__class__.__name__}: {e}"
            return result
        if not reports:
            result.warnings.append("no incidents found")
        try:
            with self.engine.begin() as conn:
                touched = self._write(conn, article, reports)
                self._bump(conn)
        except sa.exc.SQLAlchemyError as e:
            result.error = f"database error, nothing written for this article: {str(e).splitlines()[0]}"
            return result
        result.incidents = len(touched)
        result.claims = sum(len(r.claims) for r in reports)
        return result

    def _candidates(self, conn, reports: list[Report]) -> dict[str, Incident]:
        """Stored incidents a new report could join: dates overlapping, or near it when undated."""
        t, rt = self.t["incidents"], self.t["reports"]
        undated = sa.or_(t.c.date_start == "", t.c.date_start.is_(None))
        conditions = []
        for r in reports:
            days = [d for reading in r.readings() for d in (reading.date_start, reading.date_end)]
            near = None
            if r.place is not None:
                box = 2.0 + r.place.uncertainty_km / 80.0  # degrees; generous, the matcher decides
                near = sa.and_(
                    t.c.latitude.between(r.place.lat - box, r.place.lat + box),
                    t.c.longitude.between(r.place.lon - 2 * box, r.place.lon + 2 * box),
                )
            if days:
                lo = (min(days) - timedelta(days=2)).isoformat()
                hi = (max(days) + timedelta(days=2)).isoformat()
                conditions.append(sa.and_(t.c.date_start <= hi, t.c.date_end >= lo))
                conditions.append(undated if near is None else sa.and_(undated, near))
            elif near is not None:
                conditions.append(near)  # no date of its own: only place, type, actors and wording can match
        if not conditions:
            return {}
        query = sa.select(t.c.incident_id, t.c.review_status, t.c.fatalities_override).where(
            sa.or_(*conditions)
        )
        found = {
            row.incident_id: Incident(
                row.incident_id, [], row.review_status or "auto", row.fatalities_override
            )
            for row in conn.execute(query)
        }
        if found:
            ids = list(found)
            for chunk in range(0, len(ids), 500):
                part = ids[chunk : chunk + 500]
                for row in conn.execute(
                    sa.select(rt.c.incident_id, rt.c.data).where(rt.c.incident_id.in_(part))
                ):
                    found[row.incident_id].reports.append(report_from_json(row.data))
        return found

    def _write(self, conn, article: Article, reports: list[Report]) -> set[str]:
        incidents = self._candidates(conn, reports) if reports else {}
        profiles = {k: cluster.profile(i.reports) for k, i in incidents.items()}
        touched: set[str] = set()
        new_ids: set[str] = set()
        rows = []
        for r in reports:
            key = cluster.best_match(r, {k: p for k, p in profiles.items() if k not in new_ids})
            if key is None:
                key = new_incident_id(r)
                incidents[key] = Incident(key)
                new_ids.add(key)
            incidents[key].reports.append(r)
            profiles[key] = cluster.profile(incidents[key].reports)
            touched.add(key)
            rows.append(
                {
                    "report_id": f"{r.article_id}:{r.index}",
                    "article_id": r.article_id,
                    "incident_id": key,
                    "data": report_to_json(r),
                }
            )
        a = self.t["articles"]
        conn.execute(
            sa.insert(a).values(
                article_id=article.article_id,
                name=article.name,
                title=article.title,
                outlet=article.outlet,
                url=article.url,
                published=article.published.isoformat() if article.published else "",
                text=article.text,
                warnings=json.dumps(list(article.warnings)),
                ingested_at=_now(),
            )
        )
        if rows:
            conn.execute(sa.insert(self.t["reports"]), rows)
        for key in sorted(touched):
            self._save_incident(conn, incidents[key], new=key in new_ids)
        return touched

    def _save_incident(self, conn, incident: Incident, *, new: bool) -> None:
        t, ct = self.t["incidents"], self.t["claims"]
        row = incident_row(incident)
        row["updated_at"] = _now()
        if new:
            seq = conn.execute(sa.select(sa.func.coalesce(sa.func.max(t.c.seq), 0))).scalar() + 1
            conn.execute(sa.insert(t).values(seq=seq, **row))
        else:
            row.pop("incident_id")
            conn.execute(sa.update(t).where(t.c.incident_id == incident.incident_id).values(**row))
        conn.execute(sa.delete(ct).where(ct.c.incident_id == incident.incident_id))
        claims = [claim_row(incident.incident_id, r, n, c) for r, n, c in incident_claims(incident)]
        if claims:
            conn.execute(sa.insert(ct), claims)

"""Ingest: an article's reports join the incidents they match, or make new ones, under the cluster lock.

The article is read (extracted) outside any transaction: that is where the
time goes, and any number of processes do it side by side. Then one cluster
write (see txn.py) re-checks that the article is new, reads the candidate
incidents, matches, and writes the article, its reports, the incidents'
computed columns and their claims, with an audit row for the article and
one per incident touched. Incident ids are minted once, from the report that created the incident, and
numbered from a sequence; an ingest never writes an editor's column.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from incidents import cluster
from incidents.codec import report_from_json, report_to_json
from incidents.model import Article, Incident, Report
from incidents.store.accounts import now
from incidents.store.audit import audit_row
from incidents.store.tables import AUTO_COLUMNS
from incidents.summary import claim_row, incident_claims, incident_row
from incidents.users import LOCAL_USER, User

ALREADY = "already in the database: nothing changed"
MAX_COPY_CANDIDATES = 500  # stored articles compared with a new one (those of the incidents it could join)
FINGERPRINTS_KEPT = 2000  # stored articles' fingerprints kept in memory (about 3 KB each)


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


def new_incident_id(report: Report) -> str:
    key = f"{report.article_id}:{report.index}"
    return "inc-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def reading_order(report: Report) -> tuple:
    """Reports in one order whatever order they arrived in (earliest published first), so an
    incident's row is the same whichever article a concurrent run happened to store first."""
    return (report.published or date.max, report.article_id, report.index)


def changed(before: dict[str, Any] | None, after: dict[str, Any]) -> tuple[dict | None, dict]:
    """The columns that differ, as (before, after) dicts for the audit trail (updated_at left out)."""
    if before is None:
        return None, {k: v for k, v in after.items() if k != "updated_at" and v not in (None, "")}
    keys = [
        k for k in dict.fromkeys([*after, *before]) if k != "updated_at" and before.get(k) != after.get(k)
    ]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


class Ingesting:
    """The ingest side of Store."""

    kept_fingerprints: dict[str, Any]  # article id -> its neardup fingerprint (see _fingerprints)

    def ingest(self, articles: Iterable[Article], *, by: User = LOCAL_USER) -> list[IngestResult]:
        """Add articles (each in its own transaction); an article already stored changes nothing."""
        return [self.ingest_one(a, by=by) for a in articles]

    def ingest_one(self, article: Article, *, by: User = LOCAL_USER) -> IngestResult:
        """Add one article; PermissionDenied unless by may ingest; errors come back in the result."""
        from incidents.pipeline import extract_reports

        self.check(by, "ingest")
        result = IngestResult(article.article_id, article.name, warnings=list(article.warnings))
        if self._article_known(article.article_id):
            return self._already(result)
        try:
            reports = extract_reports(article)
        except Exception as e:  # an extraction bug must not take the other files down
            result.error = f"could not read incidents from this article: {e.__class__.__name__}: {e}"
            return result
        if not reports:
            result.warnings.append("no incidents found")
        try:
            written = self._retrying(
                lambda conn: self._ingest_write(conn, article, reports, by), cluster=True
            )
        except sa.exc.IntegrityError:
            if self._article_known(article.article_id):  # stored by another writer meanwhile
                return self._already(result)
            raise
        except sa.exc.SQLAlchemyError as e:
            result.error = f"database error, nothing written for this article: {str(e).splitlines()[0]}"
            return result
        if written is None:
            return self._already(result)
        result.incidents, result.claims = written
        copy = next((r.copy_of for r in reports if r.copy_of), "")
        if copy:
            result.warnings.append(f"the same story as article {copy} (a near-duplicate): claims count once")
        return result

    def _first_copy(self, conn: sa.Connection, article: Article, incidents: dict[str, list[Report]]) -> str:
        """The stored article this one copies (incidents.neardup), among those of the incidents it
        could join; "" when it is its own story. A copy of a copy links to the first copy."""
        from incidents import neardup

        roots = {r.article_id: r.copy_of for reports in incidents.values() for r in reports}
        if not roots:
            return ""
        prints = self._fingerprints(conn, sorted(roots)[:MAX_COPY_CANDIDATES])
        known = {i: (fp, roots[i]) for i, fp in prints.items()}
        return neardup.first_copy(neardup.fingerprint(article.text), known) or ""

    def _fingerprints(self, conn: sa.Connection, ids: list[str]) -> dict[str, Any]:
        """The near-duplicate fingerprints of stored articles, by id. Each is computed once per Store
        and kept (up to FINGERPRINTS_KEPT): an article id is the hash of its text and a stored article
        never changes, so a kept one cannot go stale, and the same candidates come back with every
        article about the same incidents (re-reading and re-hashing their texts was most of the cost)."""
        from incidents import neardup

        kept = self.kept_fingerprints
        found = {i: kept[i] for i in ids if i in kept}
        missing = [i for i in ids if i not in kept]
        if missing:
            a = self.t["articles"]
            for row in conn.execute(sa.select(a.c.article_id, a.c.text).where(a.c.article_id.in_(missing))):
                found[row.article_id] = neardup.fingerprint(row.text or "")
            for i in missing:
                if i in found:
                    while len(kept) >= FINGERPRINTS_KEPT:
                        del kept[next(iter(kept))]  # the oldest first
                    kept[i] = found[i]
        return found

    def _already(self, result: IngestResult) -> IngestResult:
        rt = self.t["reports"]
        with self.engine.connect() as conn:
            result.incidents = conn.execute(
                sa.select(sa.func.count(sa.distinct(rt.c.incident_id))).where(
                    rt.c.article_id == result.article_id
                )
            ).scalar()
        result.new = False
        result.warnings.append(ALREADY)
        return result

    def _article_known(self, article_id: str, conn: sa.Connection | None = None) -> bool:
        """Whether the article is stored (on conn, inside a transaction; else on a connection of its own)."""
        if conn is None:
            with self.engine.connect() as own:
                return self._article_known(article_id, own)
        return conn.execute(self.statements.article_known, {"b_article_id": article_id}).first() is not None

    def _ingest_write(
        self, conn: sa.Connection, article: Article, reports: list[Report], by: User
    ) -> tuple[int, int] | None:
        """Inside the cluster lock: None if the article arrived meanwhile, else (incidents touched,
        claims rows this article is the source of: what the user's count should say)."""
        by = self._require(conn, by, "ingest")
        if self._article_known(article.article_id, conn):
            return None
        written = self._write(conn, article, reports, by)
        self._bump(conn)
        return written

    def _bump(self, conn: sa.Connection) -> None:
        """Raise the data version (the dashboard's cache key), last in the transaction."""
        if conn.execute(self.statements.bump_version).rowcount == 0:
            conn.execute(self.statements.insert_version)

    def _candidate_ids(self, conn: sa.Connection, reports: list[Report]) -> list[str]:
        """Live incidents a new report could join: dates overlapping, or near it when undated."""
        t = self.t["incidents"]
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
                if near is not None:
                    # a day assumed from a publication may lie days off (cluster.ASSUMED_REACH)
                    reach = timedelta(days=cluster.ASSUMED_REACH + 1)
                    wide_lo, wide_hi = (min(days) - reach).isoformat(), (max(days) + reach).isoformat()
                    conditions.append(sa.and_(near, t.c.date_start <= wide_hi, t.c.date_end >= wide_lo))
            elif near is not None:
                conditions.append(near)  # no date of its own: only place, type, actors and wording can match
        if not conditions:
            return []
        query = sa.select(t.c.incident_id).where(t.c.merged_into.is_(None), sa.or_(*conditions))
        return conn.execute(query.order_by(t.c.incident_id)).scalars().all()

    def _reports_of(self, conn: sa.Connection, ids: list[str]) -> dict[str, list[Report]]:
        rt = self.t["reports"]
        found: dict[str, list[Report]] = {i: [] for i in ids}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            for row in conn.execute(
                sa.select(rt.c.incident_id, rt.c.data)
                .where(rt.c.incident_id.in_(part))
                .order_by(rt.c.report_id)
            ):
                found[row.incident_id].append(report_from_json(row.data))
        return found

    def _computed(self, conn: sa.Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
        """The stored computed columns of these incidents (what an audit row's "before" shows)."""
        t = self.t["incidents"]
        out = {}
        for chunk in range(0, len(ids), 500):
            for row in conn.execute(
                sa.select(t.c.incident_id, *(t.c[c] for c in AUTO_COLUMNS)).where(
                    t.c.incident_id.in_(ids[chunk : chunk + 500])
                )
            ).mappings():
                out[row["incident_id"]] = {c: row[c] for c in AUTO_COLUMNS}
        return out

    def _write(
        self, conn: sa.Connection, article: Article, reports: list[Report], by: User
    ) -> tuple[int, int]:
        """Store the article and its reports, rewrite the incidents they join or make, audit each:
        (incidents touched, claims rows whose source is this article)."""
        incidents = self._reports_of(conn, self._candidate_ids(conn, reports)) if reports else {}
        copy_of = self._first_copy(conn, article, incidents)
        for r in reports:
            r.copy_of = copy_of
        profiles = {k: cluster.profile(rs) for k, rs in incidents.items()}
        touched: set[str] = set()
        new_ids: set[str] = set()
        rows = []
        for r in reports:
            key = cluster.best_match(r, {k: p for k, p in profiles.items() if k not in new_ids})
            if key is None:
                key = new_incident_id(r)
                incidents[key] = []
                new_ids.add(key)
            incidents[key].append(r)
            profiles[key] = cluster.profile(incidents[key])
            touched.add(key)
            rows.append(
                {
                    "report_id": f"{r.article_id}:{r.index}",
                    "article_id": r.article_id,
                    "incident_id": key,
                    "data": report_to_json(r),
                }
            )
        conn.execute(
            self.statements.insert_article,
            {
                "article_id": article.article_id,
                "name": article.name,
                "title": article.title,
                "outlet": article.outlet,
                "url": article.url,
                "published": article.published.isoformat() if article.published else "",
                "text": article.text,
                "warnings": json.dumps(list(article.warnings)),
                "ingested_at": now(),
            },
        )
        if rows:
            conn.execute(self.statements.insert_reports, rows)
        before = self._computed(conn, sorted(touched - new_ids))
        why = f"article {article.name or article.article_id}"
        trail = [audit_row(by, "ingest", article_id=article.article_id, why=why, after={
            "article": article.name, "reports": len(reports), "incidents": sorted(touched),
            "new incidents": sorted(new_ids)})]
        claims = 0
        for key in sorted(touched):
            after, written = self._save_computed(conn, key, incidents[key], new=key in new_ids)
            claims += sum(1 for c in written if c["article_id"] == article.article_id)
            old, new = changed(before.get(key), after)
            trail.append(audit_row(by, "ingest", incident_id=key, article_id=article.article_id,
                                   before=old, after=new, why=why))
        self._audit_many(conn, trail)
        return len(touched), claims

    def _next_seq(self, conn: sa.Connection) -> int:
        """The next incident number: the sequence on PostgreSQL; max+1 under SQLite's write lock."""
        if self.dialect == "postgresql":
            return conn.execute(sa.select(self.sequence.next_value())).scalar()
        return conn.execute(self.statements.max_seq).scalar() + 1

    def _save_computed(
        self, conn: sa.Connection, incident_id: str, reports: list[Report], *, new: bool
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Write an incident's computed columns and claims from its reports (editor columns untouched):
        (the row, the claims rows) written."""
        sql = self.statements
        incident = Incident(incident_id, sorted(reports, key=reading_order))
        row = incident_row(incident)
        row.pop("incident_id")
        row.pop("review_status")
        row["updated_at"] = now()
        if new:
            conn.execute(
                sql.insert_incident,
                {
                    "incident_id": incident_id,
                    "seq": self._next_seq(conn),
                    "review_status": "auto",
                    "version": 1,
                    **row,
                },
            )
        else:
            conn.execute(sql.update_incident, {"b_id": incident_id, **row})
        conn.execute(sql.delete_claims, {"b_id": incident_id})
        claims = [claim_row(incident_id, r, n, c) for r, n, c in incident_claims(incident)]
        if claims:
            conn.execute(sql.insert_claims, claims)
        return row, claims

"""Reading the store: the SCHEMA frames (editor corrections laid over computed values), one incident.

Incidents merged into another are not rows of the table any more: their id
resolves to the survivor (resolve), and the survivor's audit trail includes
theirs (lineage).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd
import sqlalchemy as sa

from incidents.codec import report_from_json
from incidents.model import Article, Report
from incidents.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS
from incidents.store.tables import CLAIM_INTS, FLOAT_COLUMNS, INT_COLUMNS

FRAME_COLUMNS = (*INCIDENT_COLUMNS, "geometry")


def overlay(row: dict[str, Any], edits: dict[str, Any]) -> dict[str, Any]:
    """The row as the table shows it: each corrected column replaced by the editor's value."""
    return {**row, **{k: v for k, v in edits.items() if k in row}}


def load_edits(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}


@dataclass(frozen=True)
class ReportLine:
    """One report of an incident, as the review desk lists it for a split."""

    report_id: str
    article_id: str
    sentence: str
    claims: int


@dataclass(frozen=True)
class IncidentRecord:
    """One incident as the review desk sees it: computed values, the editor's, and the version."""

    incident_id: str
    version: int
    review_status: str
    edits: dict[str, Any]
    edit_note: str
    computed: dict[str, Any]
    reports: list[ReportLine] = field(default_factory=list)

    @property
    def shown(self) -> dict[str, Any]:
        """The row the table shows (corrections laid over the computed values)."""
        return {**overlay(self.computed, self.edits), "review_status": self.review_status}


class Reading:
    """The read side of Store."""

    def is_empty(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(self.t["articles"].c.article_id).limit(1)).first() is None

    def data_version(self) -> str:
        """A counter every write raises (in its own transaction): the dashboard's cache key."""
        with self.engine.connect() as conn:
            v = conn.execute(
                sa.select(self.t["meta"].c.value).where(self.t["meta"].c.key == "version")
            ).scalar()
        return v or "0"

    def incidents_frame(self) -> pd.DataFrame:
        """The incident table (SCHEMA columns + geometry), corrections applied, merged-away rows left out."""
        t = self.t["incidents"]
        cols = [t.c[c] for c in FRAME_COLUMNS]
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(*cols, t.c.edits)
                .where(t.c.merged_into.is_(None))
                .order_by(t.c.seq, t.c.incident_id)
            ).all()
        records = []
        for row in rows:
            values = dict(zip(FRAME_COLUMNS, row[:-1], strict=True))
            values["review_status"] = values["review_status"] or "auto"
            records.append(overlay(values, load_edits(row[-1])) if row[-1] else values)
        df = pd.DataFrame.from_records(records, columns=list(FRAME_COLUMNS))
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

    def resolve(self, incident_id: str) -> str | None:
        """The incident an id stands for now: itself, the survivor it was merged into, or None."""
        t = self.t["incidents"]
        seen: set[str] = set()
        with self.engine.connect() as conn:
            while incident_id not in seen:
                seen.add(incident_id)
                row = conn.execute(sa.select(t.c.merged_into).where(t.c.incident_id == incident_id)).first()
                if row is None:
                    return None
                if row.merged_into is None:
                    return incident_id
                incident_id = row.merged_into
        return None

    def lineage(self, incident_id: str) -> list[str]:
        """The incident and every incident merged into it, directly or through another merge."""
        t = self.t["incidents"]
        found, todo = [incident_id], [incident_id]
        with self.engine.connect() as conn:
            while todo:
                merged = (
                    conn.execute(sa.select(t.c.incident_id).where(t.c.merged_into.in_(todo))).scalars().all()
                )
                todo = [m for m in merged if m not in found]
                found.extend(todo)
        return found

    def incident(self, incident_id: str) -> IncidentRecord | None:
        """One live incident for the review desk (a merged-away id gives the survivor), or None."""
        live = self.resolve(incident_id)
        if live is None:
            return None
        t, rt = self.t["incidents"], self.t["reports"]
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t).where(t.c.incident_id == live)).mappings().one()
            reports = conn.execute(
                sa.select(rt.c.report_id, rt.c.article_id, rt.c.data)
                .where(rt.c.incident_id == live)
                .order_by(rt.c.report_id)
            ).all()
        lines = []
        for r in reports:
            data = json.loads(r.data)
            lines.append(
                ReportLine(r.report_id, r.article_id, data.get("sentence", ""), len(data.get("claims", [])))
            )
        return IncidentRecord(
            incident_id=live,
            version=int(row["version"] or 1),
            review_status=row["review_status"] or "auto",
            edits=load_edits(row["edits"]),
            edit_note=row["edit_note"] or "",
            computed={c: row[c] for c in FRAME_COLUMNS},
            reports=lines,
        )

    def live_incident_ids(self) -> list[str]:
        t = self.t["incidents"]
        with self.engine.connect() as conn:
            return (
                conn.execute(
                    sa.select(t.c.incident_id)
                    .where(t.c.merged_into.is_(None))
                    .order_by(t.c.seq, t.c.incident_id)
                )
                .scalars()
                .all()
            )

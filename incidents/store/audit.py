"""The audit trail: who changed what, when, before and after, and why; append-only.

Every write of the store (ingest, review, correction, merge, split, role
change, a user's first sign-in) adds rows in the same transaction as the
change itself, so there is no change without its row and no row without its
change. The table refuses UPDATE and DELETE (a trigger, see tables.py).
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import sqlalchemy as sa

from incidents.store.accounts import now
from incidents.users import User

AUDIT_COLUMNS = (
    "audit_id",
    "at",
    "user_id",
    "user_name",
    "action",
    "incident_id",
    "article_id",
    "before",
    "after",
    "why",
)


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def audit_row(
    by: User,
    action: str,
    *,
    incident_id: str | None = None,
    article_id: str | None = None,
    before: Any = None,
    after: Any = None,
    why: str = "",
) -> dict[str, Any]:
    """One row of the trail, stamped now: what Audit._audit_many writes."""
    return {
        "at": now(),
        "user_id": by.user_id,
        "user_name": by.label,
        "action": action,
        "incident_id": incident_id,
        "article_id": article_id,
        "before": _json(before),
        "after": _json(after),
        "why": why or "",
    }


class Audit:
    """Recording and reading the audit trail (a part of Store)."""

    def _audit(self, conn: sa.Connection, by: User, action: str, **fields: Any) -> None:
        """Append one row (fields: audit_row's keywords) in the transaction of the change."""
        self._audit_many(conn, [audit_row(by, action, **fields)])

    def _audit_many(self, conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
        """Append audit_row()s in one statement (in list order: the ids follow it)."""
        if rows:
            conn.execute(self.statements.insert_audit, rows)

    def audit_frame(self, incident_id: str | None = None) -> pd.DataFrame:
        """The trail, oldest first: all of it, or the rows of one incident (and of those merged into it)."""
        t = self.t["audit"]
        query = sa.select(*(t.c[c] for c in AUDIT_COLUMNS)).order_by(t.c.audit_id)
        if incident_id is not None:
            ids = self.lineage(incident_id)
            query = query.where(t.c.incident_id.in_(ids))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        frame = pd.DataFrame(rows, columns=list(AUDIT_COLUMNS))
        frame["audit_id"] = frame["audit_id"].astype("Int64")
        return frame

    def audit_csv(self, incident_id: str | None = None) -> str:
        """audit.csv: the trail with spreadsheet formulas neutralised (incidents.export's cells)."""
        from incidents.export import csv_text

        return csv_text(self.audit_frame(incident_id), AUDIT_COLUMNS)

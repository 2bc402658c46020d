"""The statements an ingest runs for every article, built once per Store.

Why: `sa.insert(t).values(**row)` builds a new statement on every call, and
SQLAlchemy coerces each value and computes the statement's cache key before
it reaches the database; for the handful of small statements an article
needs, that cost more than SQLite itself. A statement built once and executed
with a parameter dict (a list of dicts: one executemany) skips all of it and
writes exactly the same rows.
"""

from __future__ import annotations

import sqlalchemy as sa


class Statements:
    """Prebuilt statements over one Store's tables (parameters are bound by name at execute)."""

    def __init__(self, t: dict[str, sa.Table]):
        a, rt, it, ct, meta = t["articles"], t["reports"], t["incidents"], t["claims"], t["meta"]
        self.article_known = sa.select(a.c.article_id).where(a.c.article_id == sa.bindparam("b_article_id"))
        self.insert_article = sa.insert(a)
        self.insert_reports = sa.insert(rt)
        self.insert_audit = sa.insert(t["audit"])
        self.insert_incident = sa.insert(it)
        # an update's SET clause is the parameters' columns (b_id is the WHERE's, not a column)
        self.update_incident = sa.update(it).where(it.c.incident_id == sa.bindparam("b_id"))
        self.delete_claims = sa.delete(ct).where(ct.c.incident_id == sa.bindparam("b_id"))
        self.insert_claims = sa.insert(ct)
        self.bump_version = (
            sa.update(meta)
            .where(meta.c.key == "version")
            .values(value=sa.cast(sa.cast(meta.c.value, sa.Integer) + 1, sa.Text))
        )
        self.insert_version = sa.insert(meta).values(key="version", value="1")
        self.max_seq = sa.select(sa.func.coalesce(sa.func.max(it.c.seq), 0))

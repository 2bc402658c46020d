"""The store's tables as SQLAlchemy Core metadata (the migrations in incidents/migrations build the same).

An incident row holds two kinds of columns, written by two different hands:
the SCHEMA.md columns an ingest computes from the reports (AUTO), and the
editor's columns (EDITOR: review status, the corrections of individual SCHEMA
columns as JSON, the note, the version, the survivor of a merge). An ingest
never writes an editor column; the review desk never writes an automatic
one; the frames lay the corrections over the computed values.
"""

from __future__ import annotations

import sqlalchemy as sa

from incidents.schema import CLAIM_COLUMNS, CLAIM_FLAGS, INCIDENT_COLUMNS

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

# the columns only the review desk writes
EDITOR_COLUMNS = ("review_status", "edits", "edit_note", "version", "merged_into")
# the columns an ingest (or a merge/split recomputing from reports) writes
AUTO_COLUMNS = tuple(c for c in (*INCIDENT_COLUMNS, "geometry") if c not in ("incident_id", "review_status"))

INCIDENT_SEQ = "incident_seq"


def _col(name: str) -> sa.Column:
    if name in INT_COLUMNS:
        return sa.Column(name, sa.Integer)
    if name in FLOAT_COLUMNS:
        return sa.Column(name, sa.Float)
    if name == "claims_disputed":
        return sa.Column(name, sa.Boolean)
    return sa.Column(name, sa.Text)


# No UPDATE or DELETE on the audit trail, whoever asks: the database refuses it.
APPEND_ONLY_SQLITE = """
CREATE TRIGGER IF NOT EXISTS audit_no_{op} BEFORE {op} ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
"""
APPEND_ONLY_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION {schema}audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$
"""
APPEND_ONLY_PG_TRIGGER = """
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON {schema}audit
FOR EACH STATEMENT EXECUTE FUNCTION {schema}audit_append_only()
"""


def append_only_statements(dialect: str, schema: str | None) -> list[str]:
    """The DDL that makes the audit table append-only on this dialect."""
    if dialect == "sqlite":
        return [APPEND_ONLY_SQLITE.format(op=op) for op in ("UPDATE", "DELETE")]
    if dialect == "postgresql":
        prefix = f'"{schema}".' if schema else ""
        return [APPEND_ONLY_PG_FUNCTION.format(schema=prefix), APPEND_ONLY_PG_TRIGGER.format(schema=prefix)]
    return []


def _append_only(target: sa.Table, connection, **_kw) -> None:
    for statement in append_only_statements(connection.dialect.name, target.schema):
        connection.exec_driver_sql(statement)


def tables(schema: str | None) -> tuple[sa.MetaData, dict[str, sa.Table]]:
    """The metadata and the tables by name, in schema (PostgreSQL) or the default one."""
    md = sa.MetaData(schema=schema)
    sa.Sequence(INCIDENT_SEQ, metadata=md, schema=schema)
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
            sa.Column("edits", sa.Text),
            sa.Column("edit_note", sa.Text),
            sa.Column("version", sa.Integer, nullable=False, server_default="1"),
            sa.Column("merged_into", sa.String(32), index=True),
        ),
        "claims": sa.Table(
            "claims",
            md,
            sa.Column("claim_id", sa.String(32), primary_key=True),
            sa.Column("incident_id", sa.String(32), index=True),
            *(
                sa.Column(c, sa.Integer) if c in CLAIM_INTS else sa.Column(c, sa.Text)
                for c in CLAIM_COLUMNS
                if c not in ("claim_id", "incident_id", *CLAIM_FLAGS)
            ),
            *(sa.Column(c, sa.Boolean, nullable=False, server_default=sa.false()) for c in CLAIM_FLAGS),
        ),
        "meta": sa.Table(
            "meta", md, sa.Column("key", sa.String(32), primary_key=True), sa.Column("value", sa.Text)
        ),
        "users": sa.Table(
            "users",
            md,
            sa.Column("user_id", sa.String(255), primary_key=True),
            sa.Column("email", sa.Text, index=True),
            sa.Column("name", sa.Text),
            sa.Column("role", sa.String(16), nullable=False),
            sa.Column("created_at", sa.Text),
            sa.Column("last_seen_at", sa.Text),
        ),
        "audit": sa.Table(
            "audit",
            md,
            sa.Column("audit_id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("at", sa.Text, nullable=False),
            sa.Column("user_id", sa.String(255), nullable=False),
            sa.Column("user_name", sa.Text),
            sa.Column("action", sa.String(16), nullable=False),
            sa.Column("incident_id", sa.String(32), index=True),
            sa.Column("article_id", sa.String(32)),
            sa.Column("before", sa.Text),
            sa.Column("after", sa.Text),
            sa.Column("why", sa.Text),
        ),
    }
    sa.event.listen(t["audit"], "after_create", _append_only)
    return md, t

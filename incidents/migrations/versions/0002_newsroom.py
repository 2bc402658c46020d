"""The newsroom: users and roles, the append-only audit trail, editor columns, a sequence.

- incidents: `edits` (the editor's corrections of SCHEMA columns, JSON),
  `edit_note`, `version` (optimistic locking), `merged_into` (the survivor of
  a merge). The editor's fatalities move from `fatalities_override` into
  `edits`, and `fatalities` goes back to the computed figure (killed_low).
- users (keyed by the sign-in provider's subject), audit (append-only: the
  database refuses UPDATE and DELETE on it).
- PostgreSQL: the sequence incident_seq numbers new incidents (no max+1).

Revision ID: 0002
Revises: 0001
"""

import json

import sqlalchemy as sa
from alembic import op

from incidents.store.tables import INCIDENT_SEQ, append_only_statements

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _move_fatalities_into_edits() -> None:
    conn = op.get_bind()
    t = sa.table(
        "incidents",
        sa.column("incident_id", sa.String),
        sa.column("fatalities_override", sa.Integer),
        sa.column("killed_low", sa.Integer),
        sa.column("fatalities", sa.Integer),
        sa.column("edits", sa.Text),
        sa.column("review_status", sa.Text),
    )
    rows = conn.execute(
        sa.select(t.c.incident_id, t.c.fatalities_override, t.c.killed_low).where(
            t.c.fatalities_override.is_not(None)
        )
    ).all()
    for row in rows:
        conn.execute(
            sa.update(t)
            .where(t.c.incident_id == row.incident_id)
            .values(edits=json.dumps({"fatalities": row.fatalities_override}), fatalities=row.killed_low)
        )
    conn.execute(sa.update(t).where(t.c.review_status.is_(None)).values(review_status="auto"))


def upgrade() -> None:
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("edits", sa.Text))
        batch.add_column(sa.Column("edit_note", sa.Text))
        batch.add_column(sa.Column("version", sa.Integer, nullable=False, server_default="1"))
        batch.add_column(sa.Column("merged_into", sa.String(32)))
        batch.create_index("ix_incidents_merged_into", ["merged_into"])
    _move_fatalities_into_edits()
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("fatalities_override")
    op.create_table(
        "users",
        sa.Column("user_id", sa.String(255), primary_key=True),
        sa.Column("email", sa.Text, index=True),
        sa.Column("name", sa.Text),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", sa.Text),
        sa.Column("last_seen_at", sa.Text),
    )
    op.create_table(
        "audit",
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
    )
    conn = op.get_bind()
    for statement in append_only_statements(conn.dialect.name, None):
        op.execute(statement)
    if conn.dialect.name == "postgresql":
        start = conn.execute(sa.text("SELECT coalesce(max(seq), 0) + 1 FROM incidents")).scalar()
        op.execute(sa.schema.CreateSequence(sa.Sequence(INCIDENT_SEQ, start=start)))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        op.execute(sa.schema.DropSequence(sa.Sequence(INCIDENT_SEQ)))
        op.execute("DROP FUNCTION IF EXISTS audit_append_only() CASCADE")
    op.drop_table("audit")
    op.drop_table("users")
    with op.batch_alter_table("incidents") as batch:
        batch.add_column(sa.Column("fatalities_override", sa.Integer))
        batch.drop_index("ix_incidents_merged_into")
        for name in ("merged_into", "version", "edit_note", "edits"):
            batch.drop_column(name)

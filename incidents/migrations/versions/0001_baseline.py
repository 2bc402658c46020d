"""The schema of the store before migrations (what `main` created with create_all until then).

A database made by that version has these tables and no alembic_version:
`python -m incidents db upgrade` stamps it with this revision and upgrades
from here. The column lists are frozen copies: later changes to
incidents/schema.py need their own revision.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

INCIDENT_COLUMNS = (
    ("event_date", sa.Text),
    ("date_start", sa.Text),
    ("date_end", sa.Text),
    ("time_precision", sa.Integer),
    ("event_type", sa.Text),
    ("sub_event_type", sa.Text),
    ("weapon", sa.Text),
    ("actor1", sa.Text),
    ("actor2", sa.Text),
    ("country", sa.Text),
    ("country_code", sa.Text),
    ("admin1", sa.Text),
    ("location", sa.Text),
    ("location_as_reported", sa.Text),
    ("latitude", sa.Float),
    ("longitude", sa.Float),
    ("geo_precision", sa.Integer),
    ("where_prec", sa.Integer),
    ("geo_uncertainty_km", sa.Float),
    ("place_id", sa.Text),
    ("killed_low", sa.Integer),
    ("killed_high", sa.Integer),
    ("wounded_low", sa.Integer),
    ("wounded_high", sa.Integer),
    ("fatalities", sa.Integer),
    ("claims_disputed", sa.Boolean),
    ("number_of_sources", sa.Integer),
    ("sources", sa.Text),
    ("article_ids", sa.Text),
    ("notes", sa.Text),
    ("review_status", sa.Text),
    ("updated_at", sa.Text),
)
CLAIM_COLUMNS = (
    ("source", sa.Text),
    ("source_as_reported", sa.Text),
    ("source_type", sa.Text),
    ("article_id", sa.Text),
    ("outlet", sa.Text),
    ("article_url", sa.Text),
    ("published", sa.Text),
    ("stated_date", sa.Text),
    ("killed_low", sa.Integer),
    ("killed_high", sa.Integer),
    ("wounded_low", sa.Integer),
    ("wounded_high", sa.Integer),
    ("victim_group", sa.Text),
    ("count_text", sa.Text),
    ("quote", sa.Text),
)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("article_id", sa.String(32), primary_key=True),
        *(sa.Column(c, sa.Text) for c in ("name", "title", "outlet", "url", "published", "text", "warnings")),
        sa.Column("ingested_at", sa.Text),
    )
    op.create_table(
        "reports",
        sa.Column("report_id", sa.String(48), primary_key=True),
        sa.Column("article_id", sa.String(32), index=True),
        sa.Column("incident_id", sa.String(32), index=True),
        sa.Column("data", sa.Text),
    )
    op.create_table(
        "incidents",
        sa.Column("incident_id", sa.String(32), primary_key=True),
        sa.Column("seq", sa.Integer, index=True),
        *(sa.Column(name, kind) for name, kind in INCIDENT_COLUMNS),
        sa.Column("geometry", sa.Text),
        sa.Column("fatalities_override", sa.Integer),
    )
    op.create_table(
        "claims",
        sa.Column("claim_id", sa.String(32), primary_key=True),
        sa.Column("incident_id", sa.String(32), index=True),
        *(sa.Column(name, kind) for name, kind in CLAIM_COLUMNS),
    )
    op.create_table("meta", sa.Column("key", sa.String(32), primary_key=True), sa.Column("value", sa.Text))


def downgrade() -> None:
    for name in ("meta", "claims", "incidents", "reports", "articles"):
        op.drop_table(name)

"""Claims: `approximate` (SCHEMA.md: "about 40", "nearly 40") and `superseded` (a later figure replaced it).

Claims stored before this revision were read without either: both are false
until the incident is recomputed (a later report joining it, a merge or a
split).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FLAGS = ("approximate", "superseded")


def upgrade() -> None:
    # (a database made before migrations by code that already read these columns has them)
    schema = op.get_context().version_table_schema
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("claims", schema=schema)}
    missing = [name for name in FLAGS if name not in have]
    if not missing:
        return
    with op.batch_alter_table("claims") as batch:
        for name in missing:
            batch.add_column(sa.Column(name, sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        for name in FLAGS:
            batch.drop_column(name)

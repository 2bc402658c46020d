"""Alembic's environment: migrate the connection the store hands over, or the configured URL.

The store runs migrations inside its own transaction (holding the migration
lock) and passes the connection and the PostgreSQL schema in
config.attributes; `alembic` on the command line uses sqlalchemy.url from
alembic.ini, else $INCIDENTS_DB_URL, else the default SQLite file.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

config = context.config


def run(connection: sa.Connection) -> None:
    schema = config.attributes.get("schema")
    if schema and connection.dialect.name == "postgresql":
        connection.execute(sa.text(f'SET LOCAL search_path TO "{schema}"'))
    context.configure(connection=connection, version_table_schema=schema, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    from incidents.store import default_url

    engine = sa.create_engine(config.get_main_option("sqlalchemy.url") or default_url())
    with engine.connect() as conn, conn.begin():
        run(conn)

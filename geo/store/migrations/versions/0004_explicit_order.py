"""An explicit insertion order (``seq``) on every table, instead of SQLite's rowid, which
PostgreSQL does not have; an index for a source's claims.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
TABLES = ("sources", "claims", "events", "places", "context_events")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("seq", sa.Integer, nullable=True))
        if op.get_bind().dialect.name == "sqlite":  # rows of a file made before: keep their order
            op.execute(f"UPDATE {table} SET seq = rowid")
    op.create_index("claims_by_source", "claims", ["source_id"])

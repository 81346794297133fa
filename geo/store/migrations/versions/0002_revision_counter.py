"""A counter bumped by every change, so caches (in every server) can tell the data changed (old user_version 2).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    meta = op.create_table(
        "meta", sa.Column("key", sa.Text, primary_key=True), sa.Column("value", sa.Integer, nullable=False)
    )
    op.bulk_insert(meta, [{"key": "revision", "value": 0}])

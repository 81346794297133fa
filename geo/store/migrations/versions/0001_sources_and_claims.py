"""Sources with their texts, and their claims; user-made events and places (old user_version 1).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("text_sha256", sa.Text, nullable=False, unique=True),
        sa.Column("created", sa.Text, nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("source_id", sa.Text, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    for table in ("events", "places"):
        op.create_table(table, sa.Column("id", sa.Text, primary_key=True), sa.Column("record", sa.Text, nullable=False))

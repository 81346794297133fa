"""ACLED / UCDP GED rows imported as context, apart from the claims (old user_version 3).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "context_events",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("dataset", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("imported", sa.Text, nullable=False),
    )

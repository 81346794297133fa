"""A grade per figure (claim), every one kept: the first is the initial grade, the latest ones
the current; the top grade counts once two reviewers gave it.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    op.create_table(
        "grades",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("grade", sa.Text, nullable=False),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
    )
    op.create_index("grades_by_claim", "grades", ["claim_id"])

"""Edits to claims: a version per claim (optimistic locking), and a proposed change kept apart
while its claim is published (the published version stays until a reviewer publishes the change).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    # Plain ADD COLUMNs (see 0006: a table rebuild on SQLite would cascade through foreign keys).
    op.add_column("claims", sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    op.add_column("claims", sa.Column("proposed", sa.Text))  # the changed record, waiting for review
    op.add_column("claims", sa.Column("proposed_by", sa.Text))

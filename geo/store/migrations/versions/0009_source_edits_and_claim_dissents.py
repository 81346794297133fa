"""A published source's fields change through review like a claim's (a proposal kept apart while
the published version stays on the map); a reviewer's dissent may be about one figure of a source.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    # Plain ADD COLUMNs (see 0006: a table rebuild on SQLite would cascade through foreign keys).
    op.add_column("sources", sa.Column("proposed", sa.Text))  # the changed record, waiting for review
    op.add_column("sources", sa.Column("proposed_by", sa.Text))
    op.add_column("reviews", sa.Column("claim_id", sa.Text))  # NULL: the dissent is about the whole source

"""Review: each source's status (draft, ready, published, rejected, withdrawn), its author, who
published it (or that its author did, alone in the store), a version for optimistic locking, and
every reviewer's verdict kept on the record (dissents included).

Sources saved before review existed were already shown to everyone: they stay published, with
no author or reviewer on record.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    # Plain ADD COLUMNs: on SQLite, anything that makes Alembic rebuild the table (a new CHECK
    # constraint) drops and recreates ``sources``, and the foreign key's ON DELETE CASCADE would
    # take every claim with it. The status check is therefore PostgreSQL's only; the store
    # writes known statuses itself (geo.store.review).
    op.add_column("sources", sa.Column("status", sa.Text, nullable=False, server_default="published"))
    op.add_column("sources", sa.Column("author", sa.Text))
    op.add_column("sources", sa.Column("published_by", sa.Text))
    op.add_column("sources", sa.Column("self_reviewed", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("sources", sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    if op.get_bind().dialect.name != "sqlite":
        op.create_check_constraint(
            "sources_status_known", "sources", "status IN ('draft', 'ready', 'published', 'rejected', 'withdrawn')"
        )
    op.create_table(
        "reviews",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Text, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("verdict", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("at", sa.Text, nullable=False),
        sa.CheckConstraint("verdict IN ('publish', 'reject', 'dissent')", name="reviews_verdict_known"),
    )
    op.create_index("reviews_by_source", "reviews", ["source_id"])

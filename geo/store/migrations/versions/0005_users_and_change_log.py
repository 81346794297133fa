"""Who may do what (users and their roles), and an append-only change log of every write.

The log refuses UPDATE and DELETE by trigger on both back ends (and TRUNCATE on PostgreSQL), so
even code with write access to the tables cannot rewrite history through SQL.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"

APPEND_ONLY = "the change log is append-only"


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("created", sa.Text, nullable=False),
        sa.CheckConstraint("role IN ('reader', 'editor', 'reviewer', 'admin')", name="users_role_known"),
    )
    op.create_table(
        "changes",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("entity", sa.Text, nullable=False),
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.Column("field", sa.Text),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("reason", sa.Text),
    )
    op.create_index("changes_by_entity", "changes", ["entity", "entity_id"])
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER changes_no_{verb.lower()} BEFORE {verb} ON changes "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
            )
    else:
        op.execute(
            "CREATE FUNCTION changes_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER changes_no_rewrite BEFORE UPDATE OR DELETE ON changes "
            "FOR EACH ROW EXECUTE FUNCTION changes_append_only()"
        )
        op.execute(
            "CREATE TRIGGER changes_no_truncate BEFORE TRUNCATE ON changes "
            "FOR EACH STATEMENT EXECUTE FUNCTION changes_append_only()"
        )

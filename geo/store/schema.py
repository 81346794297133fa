"""The store's tables as they are at the newest migration, for SQLAlchemy Core queries.
Migrations (``geo/store/migrations``) create them; this module only describes them."""

from sqlalchemy import Boolean, Column, ForeignKey, Integer, MetaData, Table, Text

metadata = MetaData()

sources = Table(
    "sources",
    metadata,
    Column("id", Text, primary_key=True),
    Column("record", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("text_sha256", Text, nullable=False, unique=True),
    Column("created", Text, nullable=False),
    Column("seq", Integer),
    Column("status", Text, nullable=False),
    Column("author", Text),
    Column("published_by", Text),
    Column("self_reviewed", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("proposed", Text),
    Column("proposed_by", Text),
)
claims = Table(
    "claims",
    metadata,
    Column("id", Text, primary_key=True),
    Column("source_id", Text, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("record", Text, nullable=False),
    Column("seq", Integer),
    Column("version", Integer, nullable=False),
    Column("proposed", Text),
    Column("proposed_by", Text),
)
events = Table(
    "events",
    metadata,
    Column("id", Text, primary_key=True),
    Column("record", Text, nullable=False),
    Column("seq", Integer),
)
places = Table(
    "places",
    metadata,
    Column("id", Text, primary_key=True),
    Column("record", Text, nullable=False),
    Column("seq", Integer),
)
meta = Table("meta", metadata, Column("key", Text, primary_key=True), Column("value", Integer, nullable=False))
context_events = Table(
    "context_events",
    metadata,
    Column("key", Text, primary_key=True),
    Column("dataset", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("imported", Text, nullable=False),
    Column("seq", Integer),
)
users = Table(
    "users",
    metadata,
    Column("name", Text, primary_key=True),
    Column("role", Text, nullable=False),
    Column("created", Text, nullable=False),
)
changes = Table(
    "changes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", Text, nullable=False),
    Column("who", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("entity", Text, nullable=False),
    Column("entity_id", Text, nullable=False),
    Column("field", Text),
    Column("old", Text),
    Column("new", Text),
    Column("reason", Text),
)
reviews = Table(
    "reviews",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Text, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("verdict", Text, nullable=False),
    Column("reason", Text),
    Column("at", Text, nullable=False),
    Column("claim_id", Text),
)
grades = Table(
    "grades",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", Text, nullable=False),
    Column("grade", Text, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", Text, nullable=False),
)

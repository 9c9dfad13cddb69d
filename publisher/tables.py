"""SQLModel tables: the durable record of bulletins, their revisions and what was published.

Revisions are append-only: an edit adds a row, so every published text can be traced back.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel


def utc_now() -> datetime:
    return datetime.now(UTC)


class ApiKey(SQLModel, table=True):
    """A member of staff's key; only a SHA-256 hash of the secret is stored."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    role: str
    key_hash: str = Field(unique=True, index=True)
    prefix: str
    created_at: datetime = Field(default_factory=utc_now)
    expires_at: datetime | None = None
    revoked_at: datetime | None = None
    created_by: str | None = None


class Bulletin(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    state: str = Field(default="draft", index=True)
    category: str
    languages: list[str] | None = Field(default=None, sa_column=Column(JSON))
    publish_at: datetime | None = None
    expires_at: datetime | None = None
    current_revision: int = 1
    published_revision: int | None = None
    published_at: datetime | None = Field(default=None, index=True)
    # What a language whose translation is flagged does: publish_with_note | hold_for_review.
    flagged_policy: str = "publish_with_note"
    created_by: str
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class Revision(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("bulletin_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    bulletin_id: int = Field(foreign_key="bulletin.id", index=True)
    number: int
    title: str
    body: str
    contact: str | None = None
    author: str
    created_at: datetime = Field(default_factory=utc_now)


class Job(SQLModel, table=True):
    """One publish (or retract) run; the queue holds only its id, the state lives here."""

    id: str = Field(primary_key=True)
    bulletin_id: int = Field(foreign_key="bulletin.id", index=True)
    revision: int
    kind: str = "publish"
    state: str = Field(default="queued", index=True)
    progress: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    error: str | None = None
    requested_by: str
    attempts: int = 0
    created_at: datetime = Field(default_factory=utc_now)
    started_at: datetime | None = None
    finished_at: datetime | None = None


class LanguageVersion(SQLModel, table=True):
    """What is (or is not) online for one bulletin in one language, and why."""

    __table_args__ = (UniqueConstraint("bulletin_id", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    bulletin_id: int = Field(foreign_key="bulletin.id", index=True)
    language: str
    revision: int
    status: str
    translation: str
    route: str | None = None
    voice: str | None = None
    voice_substitute_for: str | None = None
    audio_file: str | None = None
    captions_file: str | None = None
    audio_seconds: float | None = None
    flags: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    detail: str | None = None
    updated_at: datetime = Field(default_factory=utc_now)


class SegmentTranslation(SQLModel, table=True):
    """One translated sentence with its origin, so that corrections and reuse are traceable."""

    __table_args__ = (UniqueConstraint("bulletin_id", "revision", "language", "segment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    bulletin_id: int = Field(foreign_key="bulletin.id", index=True)
    revision: int
    language: str
    segment_id: str
    position: int
    source_text: str
    text: str
    origin: str
    engine: str
    model_version: str
    flags: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utc_now)
    # Translation memory: the source sentence's content hash, the exact model input (glossary
    # applied), every glossary term used, and whether this row was reused from memory.
    source_hash: str = Field(default="", index=True)
    input_key: str = ""
    glossary_terms: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    reused: bool = False
    # A staff correction (origin "human") keeps what the machine had said, and who changed it.
    machine_text: str | None = None
    corrected_by: str | None = None
    corrected_at: datetime | None = None


class GlossaryEntry(SQLModel, table=True):
    """A required translation of a Japanese term into one language (None: keep as is)."""

    __table_args__ = (UniqueConstraint("language", "source"),)

    id: int | None = Field(default=None, primary_key=True)
    language: str = Field(index=True)
    source: str
    translation: str | None = None
    note: str | None = None
    created_by: str
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class AuditRecord(SQLModel, table=True):
    """Append-only record of who changed what, with hashes of the state before and after.

    The database itself refuses UPDATE and DELETE on this table (``database.create_schema``).
    """

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utc_now, index=True)
    actor: str
    role: str
    action: str = Field(index=True)
    target: str = Field(index=True)
    before_hash: str | None = None
    after_hash: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))

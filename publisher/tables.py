"""SQLModel tables: the durable record of bulletins, their revisions and what was published.

Revisions are append-only: an edit adds a row, so every published text can be traced back.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from publisher.statuses import (
    CapMessageType,
    EmergencyState,
    EmergencyVersionState,
    JobKind,
    JobState,
    TextVersion,
    WithdrawalReason,
)
from publisher.workflow import State


def utc_now() -> datetime:
    return datetime.now(UTC)


class StaffMember(SQLModel, table=True):
    """A person on the city's staff: what the audit trail and the four-eyes rule refer to.

    API keys belong to a staff member and act with that person's role.
    """

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    role: str
    active: bool = True
    """False once disabled: no sign-in, no API key and no session of theirs works."""
    created_at: datetime = Field(default_factory=utc_now)
    # Signing in to the workspace: an Argon2 hash (None: no password, API keys only).
    password_hash: str | None = None
    must_change_password: bool = False
    """Set by a one-time password (a new account or a reset): changed at the next sign-in."""
    failed_signins: int = 0
    """Wrong passwords since the last sign-in; each makes the next try wait longer."""
    next_signin_at: datetime | None = None
    locked_until: datetime | None = None


class StaffSession(SQLModel, table=True):
    """A workspace sign-in: only a SHA-256 hash of the cookie's token is stored.

    Ends at sign-out (``ended_at``) or after the configured inactivity; a copy of the cookie
    then finds an ended session and works no more.
    """

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staffmember.id", index=True)
    token_hash: str = Field(unique=True, index=True)
    csrf_token: str
    """The token every form of this session carries; a POST without it is refused."""
    created_at: datetime = Field(default_factory=utc_now)
    last_seen_at: datetime = Field(default_factory=utc_now)
    ended_at: datetime | None = None


class ApiKey(SQLModel, table=True):
    """A member of staff's key; only a SHA-256 hash of the secret is stored."""

    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staffmember.id", index=True)
    name: str = Field(index=True)
    key_hash: str = Field(unique=True, index=True)
    prefix: str
    created_at: datetime = Field(default_factory=utc_now)
    expires_at: datetime | None = None
    revoked_at: datetime | None = None
    created_by: str | None = None


class Bulletin(SQLModel, table=True):
    """A notice: its working revision's workflow state, and which revision is online.

    ``state`` belongs to ``current_revision`` (the working draft); ``published_revision`` is
    what residents see, or None when nothing is online. They differ while an edit of a live
    notice is under way. ``generation`` counts publish and retract requests, so a job can
    tell whether it is still the latest wish for the bulletin.
    """

    id: int | None = Field(default=None, primary_key=True)
    state: str = Field(default=State.DRAFT.value, index=True)
    current_revision: int = 1
    published_revision: int | None = None
    published_at: datetime | None = Field(default=None, index=True)
    generation: int = 0
    created_by: str
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class Revision(SQLModel, table=True):
    """Everything residents see of a bulletin, as one reviewed unit: any change is a new row.

    Category, languages and the flagged-translation policy live here beside the text, so
    that none of them reaches the public site without the same review as the text.
    """

    __table_args__ = (UniqueConstraint("bulletin_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    bulletin_id: int = Field(foreign_key="bulletin.id", index=True)
    number: int
    title: str
    body: str
    contact: str | None = None
    category: str
    languages: list[str] | None = Field(default=None, sa_column=Column(JSON))
    # What a language whose translation is flagged does: publish_with_note | hold_for_review.
    flagged_policy: str = "publish_with_note"
    # The easy-Japanese (やさしい日本語) version staff wrote, if any: the same Markdown and
    # protected items as the body; without its own title the page keeps the original's.
    easy_title: str | None = None
    easy_body: str | None = None
    # Which text the machine translations are made from (a TextVersion): short, plain
    # sentences translate better, so a bulletin may translate its easy version.
    translation_source: str = TextVersion.ORIGINAL.value
    # When the approved revision goes online (None: when it is published) and when its pages
    # come down (None: never); reviewed with the rest, acted on by the worker.
    publish_at: datetime | None = None
    expires_at: datetime | None = Field(default=None, index=True)
    author: str
    author_id: int | None = Field(default=None, foreign_key="staffmember.id")
    approved_by_id: int | None = Field(default=None, foreign_key="staffmember.id")
    approved_at: datetime | None = None
    created_at: datetime = Field(default_factory=utc_now)


class BulletinImage(SQLModel, table=True):
    """One image of one revision, as reviewed: its kind, its alt text and its stored files.

    Images belong to revisions as the text does: adding or removing one, or changing its alt
    text, writes a new revision (with a row per image it keeps) that needs approval again.
    ``image_id`` stays the same across revisions; the body names the image by it
    (``![](image:3)``). The files are web renditions without metadata, named by content.
    """

    __table_args__ = (UniqueConstraint("bulletin_id", "revision", "image_id"),)

    id: int | None = Field(default=None, primary_key=True)
    bulletin_id: int = Field(foreign_key="bulletin.id", index=True)
    revision: int
    image_id: int
    position: int
    kind: str
    alt: str
    """The text alternative, in Japanese; translated like any sentence of the text."""
    renditions: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    """``{"file", "width", "height"}`` for each stored size, widest first."""
    media_type: str
    original_name: str | None = None
    created_by: str
    created_at: datetime = Field(default_factory=utc_now)


class SourceSnapshot(SQLModel, table=True):
    """A revision as it was segmented when it was first published, stored as JSON.

    Pages, corrections, the side-by-side view and the audio all read this, so an upgrade that
    segments differently never moves a stored translation onto another sentence.
    """

    __table_args__ = (UniqueConstraint("bulletin_id", "revision"),)

    id: int | None = Field(default=None, primary_key=True)
    bulletin_id: int = Field(foreign_key="bulletin.id", index=True)
    revision: int
    document: str
    easy_document: str | None = None
    """The revision's easy-Japanese version, frozen the same way, when it has one."""
    created_at: datetime = Field(default_factory=utc_now)


class Job(SQLModel, table=True):
    """One publish (or retract) run; the queue holds only its id, the state lives here."""

    id: str = Field(primary_key=True)
    bulletin_id: int = Field(foreign_key="bulletin.id", index=True)
    revision: int
    kind: str = JobKind.PUBLISH.value
    state: str = Field(default=JobState.QUEUED.value, index=True)
    generation: int = 0
    run_at: datetime | None = Field(default=None, index=True)
    """A scheduled job's time: it waits (``scheduled``) until then, never runs before."""
    progress: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    error: str | None = None
    requested_by: str
    attempts: int = 0
    created_at: datetime = Field(default_factory=utc_now)
    started_at: datetime | None = None
    finished_at: datetime | None = None


class VersionColumns(SQLModel):
    """The columns of one bulletin's outcome in one language (a ``LanguageOutcome``), shared by
    what is online (:class:`LanguageVersion`) and what a preview made (:class:`PreviewVersion`).
    """

    id: int | None = Field(default=None, primary_key=True)
    bulletin_id: int = Field(foreign_key="bulletin.id", index=True)
    language: str
    revision: int
    status: str
    translation: str
    route: str | None = None
    # For each step of the route: the model's family, name, version and licence.
    models: list[dict[str, str]] = Field(default_factory=list, sa_type=JSON, nullable=True)
    voice: str | None = None
    voice_substitute_for: str | None = None
    audio_file: str | None = None
    captions_file: str | None = None
    audio_seconds: float | None = None
    flags: list[str] = Field(default_factory=list, sa_type=JSON, nullable=True)
    detail: str | None = None
    translated_from: str | None = None
    """The Japanese text (a TextVersion) the translation was made from; None for the source."""
    updated_at: datetime = Field(default_factory=utc_now)


class LanguageVersion(VersionColumns, table=True):
    """What is (or is not) online for one bulletin in one language, and why."""

    __table_args__ = (UniqueConstraint("bulletin_id", "language"),)


class PreviewVersion(VersionColumns, table=True):
    """What a publish of the working revision would put online in one language, made before
    approval for the approver to judge (``publisher.preview``).

    A table of its own, never a scope of :class:`LanguageVersion`: nothing that builds the
    public site or reports what is online reads it, so a preview cannot reach the public by a
    forgotten filter. ``status`` is the status a publish would record; audio files and the
    page are under the private preview folder (``Settings.preview_dir``), never the site.
    """

    __table_args__ = (UniqueConstraint("bulletin_id", "language"),)

    job_id: str = Field(foreign_key="job.id")
    """The preview job that made it (the newest one that finished for the revision)."""


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


class Withdrawal(SQLModel, table=True):
    """A notice taken down, as its pages were: what its address tells residents from then on.

    A retract request writes it in the same transaction that takes the revision offline; the
    site build then puts a "withdrawn" page at the notice's address in each language it had
    and marks it in the feeds. Publishing the notice again deletes it.
    """

    id: int | None = Field(default=None, primary_key=True)
    bulletin_id: int = Field(foreign_key="bulletin.id", unique=True, index=True)
    revision: int
    """The revision that was online."""
    category: str
    published_at: datetime
    withdrawn_at: datetime = Field(default_factory=utc_now)
    titles: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON))
    """The title each language's page had, by language code."""
    voiced: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    """The languages whose page had audio (their podcast episodes are withdrawn too)."""
    reason: str = WithdrawalReason.RETRACTED.value
    """Why (a WithdrawalReason): retracted by staff, or expired at its expiry time."""


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
    actor_id: int | None = Field(default=None, foreign_key="staffmember.id")
    role: str
    action: str = Field(index=True)
    target: str = Field(index=True)
    before_hash: str | None = None
    after_hash: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))


class Emergency(SQLModel, table=True):
    """An emergency notice made from a template; its text lives in its versions."""

    id: int | None = Field(default=None, primary_key=True)
    template_id: str = Field(index=True)
    state: str = Field(default=EmergencyState.AWAITING_APPROVAL.value, index=True)
    current_version: int | None = None
    """The version residents see (None until the first is approved)."""
    created_by: str
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
    lifted_at: datetime | None = None


class EmergencyVersion(SQLModel, table=True):
    """One issue, update or lifting of an emergency: its slots, who sent it, its job.

    Append-only like revisions: an update adds a row and marks the one it replaces superseded.
    The row is also the version's publishing job (``job_id``, ``job_state``), which the API
    reports as a bulletin's job is reported.
    """

    __table_args__ = (UniqueConstraint("emergency_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    emergency_id: int = Field(foreign_key="emergency.id", index=True)
    number: int
    message_type: str = CapMessageType.ALERT.value
    state: str = Field(default=EmergencyVersionState.AWAITING_APPROVAL.value, index=True)
    slots: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    addition: str | None = None
    """Free text in Japanese staff added; machine-translated, and marked so on the pages."""
    issued_by: str
    issued_by_id: int | None = Field(default=None, foreign_key="staffmember.id")
    approved_by_id: int | None = Field(default=None, foreign_key="staffmember.id")
    without_second_approver: bool = False
    """Sent under the city's four-eyes exception for emergencies (audited as such)."""
    sent_at: datetime | None = None
    expires_at: datetime | None = None
    job_id: str = Field(unique=True, index=True)
    job_state: str = Field(default=JobState.QUEUED.value, index=True)
    job_error: str | None = None
    job_attempts: int = 0
    created_at: datetime = Field(default_factory=utc_now)
    finished_at: datetime | None = None


class EmergencyText(SQLModel, table=True):
    """One language of one version as it was published: stored, never rendered again.

    ``message`` is the rendered template (pieces, readings, sources) or None when the template
    has no wording in that language; ``review`` is the wording's review status at that moment.
    """

    __table_args__ = (UniqueConstraint("version_id", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="emergencyversion.id", index=True)
    language: str
    review: str
    message: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    addition: str | None = None
    """The free-text addition in this language (machine-translated, or Japanese)."""
    addition_translation: str | None = None
    """A TranslationStatus: source, machine, flagged or missing."""
    created_at: datetime = Field(default_factory=utc_now)


class WordingReview(SQLModel, table=True):
    """The city checked a template's wording in one language, as it was (its hash)."""

    id: int | None = Field(default=None, primary_key=True)
    template_id: str = Field(index=True)
    language: str
    wording_hash: str
    reviewer: str
    """The name of the person at the international-relations office who checked it."""
    reviewed_by_id: int | None = Field(default=None, foreign_key="staffmember.id")
    reviewed_at: datetime = Field(default_factory=utc_now)

"""The status values of jobs and language versions: one enum each, spelled nowhere else.

(A bulletin's workflow states are in :mod:`publisher.workflow`; the statuses of translated text
are in :mod:`translations.statuses`, which the translation library owns.)
"""

from __future__ import annotations

from enum import StrEnum


class JobKind(StrEnum):
    PUBLISH = "publish"
    RETRACT = "retract"
    CORRECT = "correct"
    """Rebuild the live revision's pages after a staff correction."""
    PREVIEW = "preview"
    """Translate and voice the working revision into the private preview area, for review."""


class JobState(StrEnum):
    SCHEDULED = "scheduled"
    """Waits for its time (``run_at``): the worker queues it when the time comes."""
    QUEUED = "queued"
    RUNNING = "running"
    RETRYING = "retrying"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    SUPERSEDED = "superseded"
    """A newer request for the same bulletin replaced this job; it changed nothing public."""


class LanguageStatus(StrEnum):
    PUBLISHED = "published"
    HELD_FOR_REVIEW = "held_for_review"
    """Flagged sentences wait for a correction (the bulletin's flagged policy)."""
    MISSING_MODEL = "missing_model"
    FAILED = "failed"
    PENDING = "pending"
    """Configured, not published yet."""
    NOT_CONFIGURED = "not_configured"
    RETRACTED = "retracted"
    WORKING = "working"
    """A job is translating it now."""
    VOICING = "voicing"
    """A job is reading it aloud now."""


class TextVersion(StrEnum):
    """Which Japanese text of a revision a translation is made from."""

    ORIGINAL = "original"
    EASY = "easy"
    """The easy-Japanese (やさしい日本語) text staff wrote beside the original."""


class WithdrawalReason(StrEnum):
    """Why a notice's pages were taken down (its address says so)."""

    RETRACTED = "retracted"
    """Staff retracted it."""
    EXPIRED = "expired"
    """Its expiry time (``expires_at``) came: its publication period ended."""


class ScheduleState(StrEnum):
    """What a bulletin's schedule is doing, as the API shows it."""

    SCHEDULED = "scheduled"
    """An approved revision waits for its publish time."""
    EXPIRED = "expired"
    """Taken down at its expiry time; the record stays."""


class ImageKind(StrEnum):
    """What an image of a bulletin is; a flyer's information must also be in the text."""

    PHOTO = "photo"
    MAP = "map"
    FLYER = "flyer"


class EmergencyState(StrEnum):
    """Where an emergency notice stands as a whole."""

    AWAITING_APPROVAL = "awaiting_approval"
    """Issued with four-eyes on: a second approver must approve its first version."""
    ACTIVE = "active"
    LIFTED = "lifted"


class EmergencyVersionState(StrEnum):
    """One version (issue, update or lifting) of an emergency notice."""

    AWAITING_APPROVAL = "awaiting_approval"
    CURRENT = "in_effect"
    """What residents see now (for a lifted emergency: its lifting)."""
    SUPERSEDED = "superseded"
    """Replaced by a later version; kept, and kept in the CAP feed's history."""
    REJECTED = "rejected"
    """Never approved: a later request replaced it while it waited."""


class CapMessageType(StrEnum):
    """CAP 1.2 ``msgType`` of a version: the first issue, an update, the lifting."""

    ALERT = "Alert"
    UPDATE = "Update"
    CANCEL = "Cancel"


class ReviewStatus(StrEnum):
    """Whether the city has checked a template's wording in one language."""

    REVIEWED = "reviewed"
    NOT_REVIEWED = "not_reviewed"
    """Published all the same in an emergency, with a note that the city has not checked it."""
    NO_WORDING = "no_wording"
    """The template has no text in this language: its page shows English and Japanese."""


class PreviewStatus(StrEnum):
    """What an approver needs to know first of one language of a preview (the most serious)."""

    WORKING = "working"
    """The preview job has not finished this revision yet."""
    READY = "ready"
    """Translated and voiced, nothing flagged: it would be published as it is."""
    FLAGGED = "flagged"
    """Some sentences are flagged; they would be published with a note."""
    HELD_FOR_REVIEW = "held_for_review"
    """Some sentences are flagged and the bulletin holds such languages back until corrected."""
    MISSING_MODEL = "missing_model"
    NO_VOICE = "no_voice"
    """The text is ready but there is no audio (no voice installed, or voicing failed)."""
    FAILED = "failed"

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

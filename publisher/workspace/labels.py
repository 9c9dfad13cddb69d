"""Labels of states and statuses in the workspace's language (message ids, looked up when
a page is rendered)."""

from __future__ import annotations

from publisher.images.flyers import ImageWarningCode
from publisher.statuses import (
    ImageKind,
    JobKind,
    JobState,
    LanguageStatus,
    PreviewStatus,
    ScheduleState,
)
from publisher.workflow import Action, Role, State
from translations.catalogs import N_
from translations.statuses import TranslationStatus

STATES = {
    State.DRAFT: N_("Draft"),
    State.IN_REVIEW: N_("In review"),
    State.APPROVED: N_("Approved"),
    State.PUBLISHED: N_("Published"),
    State.RETRACTED: N_("Retracted"),
}
ROLES = {Role.EDITOR: N_("Editor"), Role.APPROVER: N_("Approver"), Role.ADMIN: N_("Admin")}
ACTIONS = {
    Action.SUBMIT: N_("Submit for review"),
    Action.APPROVE: N_("Approve"),
    Action.PUBLISH: N_("Publish"),
    Action.RETRACT: N_("Retract"),
}
LANGUAGE_STATUSES = {
    LanguageStatus.PUBLISHED: N_("published"),
    LanguageStatus.HELD_FOR_REVIEW: N_("held for review"),
    LanguageStatus.MISSING_MODEL: N_("missing model"),
    LanguageStatus.FAILED: N_("failed"),
    LanguageStatus.PENDING: N_("not yet published"),
    LanguageStatus.NOT_CONFIGURED: N_("not configured"),
    LanguageStatus.RETRACTED: N_("retracted"),
    LanguageStatus.WORKING: N_("translating"),
    LanguageStatus.VOICING: N_("voicing"),
}
TRANSLATIONS = {
    TranslationStatus.SOURCE: N_("source"),
    TranslationStatus.MACHINE: N_("machine"),
    TranslationStatus.HUMAN_CORRECTED: N_("human-corrected"),
    TranslationStatus.FLAGGED: N_("flagged"),
    TranslationStatus.MISSING: N_("no translation"),
}
JOB_KINDS = {
    JobKind.PUBLISH: N_("Publishing"),
    JobKind.RETRACT: N_("Retracting"),
    JobKind.CORRECT: N_("Applying a correction"),
    JobKind.PREVIEW: N_("Preparing the preview for review"),
}
JOB_STATES = {
    JobState.SCHEDULED: N_("waiting for its publish time"),
    JobState.QUEUED: N_("queued"),
    JobState.RUNNING: N_("running"),
    JobState.RETRYING: N_("retrying"),
    JobState.SUCCEEDED: N_("done"),
    JobState.FAILED: N_("failed"),
    JobState.SUPERSEDED: N_("superseded"),
}
NO_VOICE = N_("no voice")
PREVIEW_STATUSES = {
    PreviewStatus.WORKING: N_("being made"),
    PreviewStatus.READY: N_("ready"),
    PreviewStatus.FLAGGED: N_("flagged"),
    PreviewStatus.HELD_FOR_REVIEW: N_("held for review"),
    PreviewStatus.MISSING_MODEL: N_("missing model"),
    PreviewStatus.NO_VOICE: N_("no voice"),
    PreviewStatus.FAILED: N_("failed"),
}
SENTENCE_FLAGS = {
    "placeholder_lost": N_("a protected item (number, date, link) is missing"),
    "placeholder_duplicated": N_("a protected item appears twice"),
    "untranslated": N_("left untranslated"),
    "repetition": N_("words repeated"),
    "length_ratio": N_("much shorter or longer than the Japanese"),
    "wrong_script": N_("written in the wrong script"),
}
ORIGINS = {"machine": N_("machine"), "human": N_("corrected by staff"), "template": N_("template")}
SCHEDULES = {
    ScheduleState.SCHEDULED: N_("scheduled"),
    ScheduleState.EXPIRED: N_("expired"),
}
IMAGE_KINDS = {ImageKind.PHOTO: N_("Photo"), ImageKind.MAP: N_("Map"), ImageKind.FLYER: N_("Flyer")}
IMAGE_WARNINGS = {
    ImageWarningCode.FLYER_ALT_SHORT: N_(
        "This flyer's alt text is short: write the flyer's key facts in it."
    ),
    ImageWarningCode.FLYER_ALT_WITHOUT_FACTS: N_(
        "This flyer's alt text names no date, time, fee, phone number, address or web address:"
        " write the flyer's key facts in it."
    ),
    ImageWarningCode.FLYER_FACTS_NOT_IN_TEXT: N_(
        "These facts of the flyer are not in the text, so residents who cannot read the flyer"
        " miss them:"
    ),
}
EXPIRED = ScheduleState.EXPIRED

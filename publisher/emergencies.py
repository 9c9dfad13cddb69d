"""Emergency notices: issue, update, lift and approve them; review the templates' wording.

Every step locks the emergency, checks it, and writes its audit record in one transaction, as
:mod:`publisher.editing` does for bulletins. Versions are append-only: an update or a lifting
adds a version, and the one it replaces is marked superseded only when the new one goes out,
so residents always see exactly one current version.

Four-eyes: with ``KAKEHASHI_FOUR_EYES`` on, a version waits for a second approver, unless the
city set ``KAKEHASHI_EMERGENCY_WITHOUT_SECOND_APPROVER`` (the one exception to four-eyes,
recorded in the version and the audit trail as such).
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from publisher import audit
from publisher.keys import Staff
from publisher.settings import Settings
from publisher.statuses import (
    CapMessageType,
    EmergencyState,
    EmergencyVersionState,
    JobState,
    ReviewStatus,
)
from publisher.tables import Emergency, EmergencyVersion, WordingReview, utc_now
from translations.emergency.loader import TemplateLibrary, default_library
from translations.emergency.model import Template
from translations.emergency.names import NameReader
from translations.emergency.slots import SlotError, SlotProblem, parse_slots, slots_as_json
from translations.furigana import load_readings

MAX_ADDITION_CHARACTERS = 1_000


class EmergencyError(Exception):
    """A step the emergency's state refuses; ``status`` is the HTTP status that fits."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def library() -> TemplateLibrary:
    return default_library()


@lru_cache(maxsize=4)
def _name_reader(readings_file: Path, modified: float) -> NameReader:
    return NameReader(load_readings(readings_file))


def name_reader(settings: Settings) -> NameReader:
    """Reads place names with the city's readings file (read again when it changes)."""
    path = settings.resolved_readings_file
    modified = path.stat().st_mtime if path.is_file() else 0.0
    return _name_reader(path, modified)


def template_or_error(template_id: object) -> Template:
    template = library().get(str(template_id)) if isinstance(template_id, str) else None
    if template is None:
        known = ", ".join(sorted(library().templates))
        raise SlotError((SlotProblem("template", f"unknown template (known: {known})"),))
    return template


def review_status(session: Session, template: Template, language: str) -> ReviewStatus:
    """Reviewed only while the wording is exactly what the reviewer checked."""
    digest = library().wording_hash(template, language)
    if digest is None:
        return ReviewStatus.NO_WORDING
    reviewed = session.exec(
        select(WordingReview.id).where(
            WordingReview.template_id == template.id,
            WordingReview.language == language,
            WordingReview.wording_hash == digest,
        )
    ).first()
    return ReviewStatus.REVIEWED if reviewed is not None else ReviewStatus.NOT_REVIEWED


def latest_review(session: Session, template_id: str, language: str) -> WordingReview | None:
    return session.exec(
        select(WordingReview)
        .where(WordingReview.template_id == template_id, WordingReview.language == language)
        .order_by(col(WordingReview.reviewed_at).desc(), col(WordingReview.id).desc())
    ).first()


def mark_reviewed(
    session: Session, staff: Staff, template: Template, language: str, reviewer: str
) -> WordingReview:
    """Record that ``reviewer`` checked ``language``'s wording of ``template`` (not committed)."""
    digest = library().wording_hash(template, language)
    if digest is None:
        raise EmergencyError(f"template {template.id} has no wording in {language}", 404)
    review = WordingReview(
        template_id=template.id,
        language=language,
        wording_hash=digest,
        reviewer=reviewer,
        reviewed_by_id=staff.id,
    )
    session.add(review)
    audit.record_by(
        session,
        staff,
        action="emergency_template.review",
        target=f"emergency_template:{template.id}:{language}",
        after={"wording_hash": digest, "reviewer": reviewer},
        detail={"reviewer": reviewer, "wording_hash": digest},
    )
    return review


def clean_addition(addition: str | None) -> str | None:
    """The free-text addition, checked like any text residents read (422 naming it)."""
    if addition is None:
        return None
    text = unicodedata.normalize("NFC", addition).strip()
    if not text:
        return None
    problem = None
    if len(text) > MAX_ADDITION_CHARACTERS:
        problem = f"at most {MAX_ADDITION_CHARACTERS} characters"
    elif any(
        unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"} and ch != "\n" for ch in text
    ):
        problem = "control or invisible characters are not allowed"
    if problem is not None:
        raise SlotError((SlotProblem("addition", problem),))
    return text


def _lock(session: Session, emergency_id: int) -> Emergency:
    session.exec(update(Emergency).where(col(Emergency.id) == emergency_id).values(id=emergency_id))
    emergency = session.get(Emergency, emergency_id, populate_existing=True)
    if emergency is None:
        raise EmergencyError(f"no emergency with id {emergency_id}", 404)
    return emergency


def versions_of(session: Session, emergency_id: int) -> list[EmergencyVersion]:
    return list(
        session.exec(
            select(EmergencyVersion)
            .where(EmergencyVersion.emergency_id == emergency_id)
            .order_by(col(EmergencyVersion.number))
        ).all()
    )


def version_of(session: Session, emergency_id: int, number: int) -> EmergencyVersion:
    version = session.exec(
        select(EmergencyVersion).where(
            EmergencyVersion.emergency_id == emergency_id, EmergencyVersion.number == number
        )
    ).one()
    return version


def _state(emergency: Emergency, versions: list[EmergencyVersion]) -> dict[str, Any]:
    return {
        "state": emergency.state,
        "current_version": emergency.current_version,
        "versions": [
            {
                "number": v.number,
                "type": v.message_type,
                "state": v.state,
                "slots": v.slots,
                "addition": v.addition,
            }
            for v in versions
        ],
    }


@dataclass(frozen=True)
class Sent:
    """What a step made: the version, and whether its job is to be queued now."""

    emergency: Emergency
    version: EmergencyVersion
    queue: bool


def _needs_second_approver(settings: Settings) -> bool:
    return settings.four_eyes and not settings.emergency_without_second_approver


def _new_version(
    session: Session,
    settings: Settings,
    staff: Staff,
    emergency: Emergency,
    message_type: CapMessageType,
    slots: dict[str, Any],
    addition: str | None,
) -> EmergencyVersion:
    assert emergency.id is not None
    existing = versions_of(session, emergency.id)
    for waiting in existing:  # a newer request replaces one still waiting for approval
        if waiting.state == EmergencyVersionState.AWAITING_APPROVAL:
            waiting.state = EmergencyVersionState.REJECTED.value
            waiting.job_state = JobState.SUPERSEDED.value
            waiting.job_error = "replaced by a newer version before it was approved"
            session.add(waiting)
    version = EmergencyVersion(
        emergency_id=emergency.id,
        number=len(existing) + 1,
        message_type=message_type.value,
        slots=slots,
        addition=addition,
        issued_by=staff.name,
        issued_by_id=staff.id,
        job_id=uuid.uuid4().hex,
    )
    if _needs_second_approver(settings):
        version.state = EmergencyVersionState.AWAITING_APPROVAL.value
    else:
        version.without_second_approver = settings.four_eyes
        _send(session, settings, emergency, version, approver=staff)
    session.add(version)
    return version


def _send(
    session: Session,
    settings: Settings,
    emergency: Emergency,
    version: EmergencyVersion,
    approver: Staff,
) -> None:
    """The version becomes current: the one it replaces is superseded, its job is queued."""
    assert emergency.id is not None
    template = template_or_error(emergency.template_id)
    now = utc_now()
    for older in versions_of(session, emergency.id):
        if older.state == EmergencyVersionState.CURRENT and older.number != version.number:
            older.state = EmergencyVersionState.SUPERSEDED.value
            session.add(older)
    version.state = EmergencyVersionState.CURRENT.value
    version.approved_by_id = approver.id
    version.sent_at = now
    version.expires_at = now + timedelta(hours=template.cap.expires_hours)
    version.job_state = JobState.QUEUED.value
    emergency.current_version = version.number
    if version.message_type == CapMessageType.CANCEL:
        emergency.state, emergency.lifted_at = EmergencyState.LIFTED.value, now
    else:
        emergency.state = EmergencyState.ACTIVE.value
    emergency.updated_at = now
    session.add(emergency)


def _audit(
    session: Session,
    staff: Staff,
    action: str,
    emergency: Emergency,
    before: Mapping[str, Any] | None,
    version: EmergencyVersion,
) -> None:
    assert emergency.id is not None
    detail: dict[str, Any] = {
        "template": emergency.template_id,
        "version": version.number,
        "msg_type": version.message_type,
        "job": version.job_id,
    }
    if version.without_second_approver:
        detail["four_eyes"] = "emergency exception: sent without a second approver"
    audit.record_by(
        session,
        staff,
        action=action,
        target=f"emergency:{emergency.id}",
        before=before,
        after=_state(emergency, versions_of(session, emergency.id)),
        detail=detail,
    )


def issue(
    session: Session,
    settings: Settings,
    staff: Staff,
    template_id: object,
    raw_slots: Mapping[str, object],
    addition: str | None,
) -> Sent:
    """A new emergency from a template (not committed); SlotError names a bad slot."""
    template = template_or_error(template_id)
    values = parse_slots(template, raw_slots)
    text = clean_addition(addition)
    emergency = Emergency(template_id=template.id, created_by=staff.name)
    session.add(emergency)
    session.flush()
    version = _new_version(
        session,
        settings,
        staff,
        emergency,
        CapMessageType.ALERT,
        slots_as_json(template, values),
        text,
    )
    session.flush()
    _audit(session, staff, "emergency.issue", emergency, None, version)
    return Sent(emergency, version, version.state == EmergencyVersionState.CURRENT)


def update_emergency(
    session: Session,
    settings: Settings,
    staff: Staff,
    emergency_id: int,
    raw_slots: Mapping[str, object] | None,
    addition: str | None,
    *,
    keep_addition: bool = False,
) -> Sent:
    """A new version of an active emergency: new slots (or the last ones), and a new addition
    (or, with ``keep_addition``, the last one)."""
    emergency = _lock(session, emergency_id)
    if emergency.state == EmergencyState.LIFTED:
        raise EmergencyError("this emergency has been lifted; issue a new one", 409)
    template = template_or_error(emergency.template_id)
    versions = versions_of(session, emergency_id)
    before = _state(emergency, versions)
    latest = versions[-1]
    values = parse_slots(template, latest.slots if raw_slots is None else raw_slots)
    message_type = (
        CapMessageType.ALERT if emergency.current_version is None else CapMessageType.UPDATE
    )
    version = _new_version(
        session,
        settings,
        staff,
        emergency,
        message_type,
        slots_as_json(template, values),
        latest.addition if keep_addition else clean_addition(addition),
    )
    session.flush()
    _audit(session, staff, "emergency.update", emergency, before, version)
    return Sent(emergency, version, version.state == EmergencyVersionState.CURRENT)


def end_emergency(session: Session, settings: Settings, staff: Staff, emergency_id: int) -> Sent:
    """Lift an active emergency (解除): a Cancel version with the template's lifting text."""
    emergency = _lock(session, emergency_id)
    if emergency.state != EmergencyState.ACTIVE:
        raise EmergencyError(
            f"only an active emergency can be lifted (it is {emergency.state})", 409
        )
    versions = versions_of(session, emergency_id)
    before = _state(emergency, versions)
    current = next(v for v in versions if v.number == emergency.current_version)
    version = _new_version(
        session, settings, staff, emergency, CapMessageType.CANCEL, dict(current.slots), None
    )
    session.flush()
    _audit(session, staff, "emergency.lift", emergency, before, version)
    return Sent(emergency, version, version.state == EmergencyVersionState.CURRENT)


def approve(session: Session, settings: Settings, staff: Staff, emergency_id: int) -> Sent:
    """A second approver sends the version waiting for approval."""
    emergency = _lock(session, emergency_id)
    versions = versions_of(session, emergency_id)
    waiting = [v for v in versions if v.state == EmergencyVersionState.AWAITING_APPROVAL]
    if not waiting:
        raise EmergencyError("no version of this emergency is waiting for approval", 409)
    version = waiting[-1]
    if version.issued_by_id == staff.id:
        raise EmergencyError(
            "four-eyes: a version must be approved by someone other than who wrote it", 403
        )
    before = _state(emergency, versions)
    _send(session, settings, emergency, version, approver=staff)
    session.add(version)
    session.flush()
    _audit(session, staff, "emergency.approve", emergency, before, version)
    return Sent(emergency, version, True)


def active_emergencies(session: Session) -> list[Emergency]:
    return list(
        session.exec(
            select(Emergency)
            .where(Emergency.state == EmergencyState.ACTIVE.value)
            .order_by(col(Emergency.updated_at).desc())
        ).all()
    )

"""Changing the glossary: one set of rules for the API and the staff workspace.

A term changes every later translation, so each change is checked here (the same check the
translation step relies on, :func:`translations.glossary.check_term`) and audited under the
person's name. Nothing is committed: the caller commits once the whole request is done.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, or_, select

from publisher import audit
from publisher.keys import Staff
from publisher.schemas import GlossaryTermCreate, GlossaryTermUpdate
from publisher.tables import GlossaryEntry, utc_now
from translations.glossary import GlossaryError, check_term


class GlossaryChangeError(ValueError):
    """A change the rules refuse; ``field`` names the part of the request at fault."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field


class GlossaryConflictError(ValueError):
    """The term already has an entry in that language."""


def entry_state(entry: GlossaryEntry) -> dict[str, object]:
    """What the audit trail records of an entry, before and after a change."""
    return {"language": entry.language, "source": entry.source, "translation": entry.translation}


def find_terms(
    session: Session, *, language: str | None = None, search: str | None = None
) -> Sequence[GlossaryEntry]:
    """Terms sorted by language and term; ``search`` matches the term, translation or note."""
    query = select(GlossaryEntry).order_by(col(GlossaryEntry.language), col(GlossaryEntry.source))
    if language is not None:
        query = query.where(GlossaryEntry.language == language)
    if search:
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        query = query.where(
            or_(
                col(GlossaryEntry.source).like(pattern, escape="\\"),
                col(GlossaryEntry.translation).like(pattern, escape="\\"),
                col(GlossaryEntry.note).like(pattern, escape="\\"),
            )
        )
    return session.exec(query).all()


def _check(source: str, translation: str | None) -> None:
    """The translation step's own check, blaming the part at fault."""
    try:
        check_term(source, None)
    except GlossaryError as error:
        raise GlossaryChangeError("source", str(error)) from error
    try:
        check_term(source, translation)
    except GlossaryError as error:
        raise GlossaryChangeError("translation", str(error)) from error


def _record(
    session: Session,
    staff: Staff,
    action: str,
    entry: GlossaryEntry,
    before: dict[str, object] | None,
) -> None:
    session.flush()
    audit.record_by(
        session,
        staff,
        action=action,
        target=f"glossary:{entry.id}",
        before=before,
        after=entry_state(entry) if action != "glossary.delete" else None,
    )


def add_term(session: Session, staff: Staff, payload: GlossaryTermCreate) -> GlossaryEntry:
    """Add a required translation (or keep-as-is) of a Japanese term in one language."""
    _check(payload.source, payload.translation)
    entry = GlossaryEntry(
        language=payload.language,
        source=payload.source,
        translation=None if payload.keep else payload.translation,
        note=payload.note,
        created_by=staff.name,
    )
    session.add(entry)
    try:
        session.flush()
    except IntegrityError as error:
        session.rollback()
        raise GlossaryConflictError(
            f"{payload.source!r} already has a {payload.language} entry: change that one"
        ) from error
    _record(session, staff, "glossary.create", entry, None)
    return entry


def change_term(
    session: Session, staff: Staff, entry: GlossaryEntry, payload: GlossaryTermUpdate
) -> GlossaryEntry:
    """Change a term's translation, make it keep-as-is, or change its note."""
    before = entry_state(entry)
    changes = payload.model_dump(exclude_unset=True)
    if changes.get("keep"):
        entry.translation = None
    elif "translation" in changes:
        if changes["translation"] is None:
            raise GlossaryChangeError("translation", "give a translation, or keep=true")
        entry.translation = changes["translation"]
    elif changes.get("keep") is False and entry.translation is None:
        raise GlossaryChangeError("translation", "keep=false needs a translation")
    if "note" in changes:
        entry.note = changes["note"]
    _check(entry.source, entry.translation)
    entry.updated_at = utc_now()
    session.add(entry)
    _record(session, staff, "glossary.update", entry, before)
    return entry


def remove_term(session: Session, staff: Staff, entry: GlossaryEntry) -> None:
    _record(session, staff, "glossary.delete", entry, entry_state(entry))
    session.delete(entry)

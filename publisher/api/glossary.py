"""Glossary: the city's required translations of terms, per language.

Every member of staff may read the glossary; approvers and admins change it, because a term
changes every later translation. Changes apply from the next publish (or correction); pages
already online keep the terms they were published with until then.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Response, status
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from publisher import audit
from publisher.api.deps import SessionDep, StaffDep, require
from publisher.api.errors import ERROR_RESPONSES, invalid
from publisher.api.params import RecordId
from publisher.keys import Staff
from publisher.permissions import Permission
from publisher.schemas import GlossaryTermCreate, GlossaryTermPublic, GlossaryTermUpdate
from publisher.tables import GlossaryEntry, utc_now
from translations.glossary import GlossaryError, check_term

router = APIRouter(prefix="/glossary", tags=["glossary"], responses=ERROR_RESPONSES)

Editor = Annotated[Staff, Depends(require(Permission.EDIT_GLOSSARY))]


def _public(entry: GlossaryEntry) -> GlossaryTermPublic:
    assert entry.id is not None
    return GlossaryTermPublic(
        id=entry.id,
        language=entry.language,
        source=entry.source,
        translation=entry.translation,
        keep=entry.translation is None,
        note=entry.note,
        created_by=entry.created_by,
        created_at=entry.created_at,
        updated_at=entry.updated_at,
    )


def _state(entry: GlossaryEntry) -> dict[str, object]:
    return {"language": entry.language, "source": entry.source, "translation": entry.translation}


def _check(source: str, translation: str | None) -> None:
    try:
        check_term(source, translation)
    except GlossaryError as error:
        raise invalid("translation" if translation else "source", str(error)) from error


def _get(session: SessionDep, term_id: RecordId) -> GlossaryEntry:
    entry = session.get(GlossaryEntry, term_id)
    if entry is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no glossary term with id {term_id}")
    return entry


def _record(
    session: SessionDep,
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
        after=_state(entry) if action != "glossary.delete" else None,
    )


@router.get("")
def list_terms(
    _staff: StaffDep, session: SessionDep, language: str | None = None
) -> list[GlossaryTermPublic]:
    """All terms, or one language's, sorted by language and term."""
    query = select(GlossaryEntry).order_by(col(GlossaryEntry.language), col(GlossaryEntry.source))
    if language is not None:
        query = query.where(GlossaryEntry.language == language)
    return [_public(entry) for entry in session.exec(query).all()]


@router.post("", status_code=status.HTTP_201_CREATED)
def create_term(
    payload: GlossaryTermCreate, staff: Editor, session: SessionDep
) -> GlossaryTermPublic:
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
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"{payload.source!r} already has a {payload.language} entry: change that one",
        ) from error
    _record(session, staff, "glossary.create", entry, None)
    session.commit()
    return _public(entry)


@router.get("/{term_id}")
def get_term(term_id: RecordId, _staff: StaffDep, session: SessionDep) -> GlossaryTermPublic:
    return _public(_get(session, term_id))


@router.patch("/{term_id}")
def update_term(
    term_id: RecordId, payload: GlossaryTermUpdate, staff: Editor, session: SessionDep
) -> GlossaryTermPublic:
    """Change a term's translation, make it keep-as-is, or change its note."""
    entry = _get(session, term_id)
    before = _state(entry)
    changes = payload.model_dump(exclude_unset=True)
    if changes.get("keep"):
        entry.translation = None
    elif "translation" in changes:
        if changes["translation"] is None:
            raise invalid("translation", "give a translation, or keep=true")
        entry.translation = changes["translation"]
    elif changes.get("keep") is False and entry.translation is None:
        raise invalid("translation", "keep=false needs a translation")
    if "note" in changes:
        entry.note = changes["note"]
    _check(entry.source, entry.translation)
    entry.updated_at = utc_now()
    session.add(entry)
    _record(session, staff, "glossary.update", entry, before)
    session.commit()
    return _public(entry)


@router.delete("/{term_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_term(term_id: RecordId, staff: Editor, session: SessionDep) -> Response:
    entry = _get(session, term_id)
    _record(session, staff, "glossary.delete", entry, _state(entry))
    session.delete(entry)
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)

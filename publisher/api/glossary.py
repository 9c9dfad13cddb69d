"""Glossary: the city's required translations of terms, per language.

Every member of staff may read the glossary; approvers and admins change it, because a term
changes every later translation. Changes apply from the next publish (or correction); pages
already online keep the terms they were published with until then.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Response, status

from publisher.api.deps import SessionDep, StaffDep, require
from publisher.api.errors import ERROR_RESPONSES, invalid
from publisher.api.params import RecordId
from publisher.glossary_terms import (
    GlossaryChangeError,
    GlossaryConflictError,
    add_term,
    change_term,
    find_terms,
    remove_term,
)
from publisher.keys import Staff
from publisher.permissions import Permission
from publisher.schemas import GlossaryTermCreate, GlossaryTermPublic, GlossaryTermUpdate
from publisher.tables import GlossaryEntry

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


def _get(session: SessionDep, term_id: RecordId) -> GlossaryEntry:
    entry = session.get(GlossaryEntry, term_id)
    if entry is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no glossary term with id {term_id}")
    return entry


@router.get("")
def list_terms(
    _staff: StaffDep, session: SessionDep, language: str | None = None
) -> list[GlossaryTermPublic]:
    """All terms, or one language's, sorted by language and term."""
    return [_public(entry) for entry in find_terms(session, language=language)]


@router.post("", status_code=status.HTTP_201_CREATED)
def create_term(
    payload: GlossaryTermCreate, staff: Editor, session: SessionDep
) -> GlossaryTermPublic:
    """Add a required translation (or keep-as-is) of a Japanese term in one language."""
    try:
        entry = add_term(session, staff, payload)
    except GlossaryChangeError as error:
        raise invalid(error.field, str(error)) from error
    except GlossaryConflictError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, str(error)) from error
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
    try:
        change_term(session, staff, entry, payload)
    except GlossaryChangeError as error:
        raise invalid(error.field, str(error)) from error
    session.commit()
    return _public(entry)


@router.delete("/{term_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_term(term_id: RecordId, staff: Editor, session: SessionDep) -> Response:
    remove_term(session, staff, _get(session, term_id))
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)

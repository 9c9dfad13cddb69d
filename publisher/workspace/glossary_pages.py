"""The glossary page: every required translation of a Japanese term, searchable; approvers and
admins add, change and delete terms through the same code and checks as the API."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session

from publisher.api.deps import ServicesDep, SessionDep
from publisher.glossary_terms import (
    GlossaryChangeError,
    GlossaryConflictError,
    add_term,
    change_term,
    find_terms,
    remove_term,
)
from publisher.permissions import Permission
from publisher.schemas import GlossaryTermCreate, GlossaryTermUpdate
from publisher.settings import Settings
from publisher.tables import GlossaryEntry
from publisher.workspace.deps import SignedInDep, checked_permitted, permitted
from publisher.workspace.form_errors import field_errors
from publisher.workspace.render import render
from publisher.workspace.sessions import SignedIn
from translations.catalogs import N_
from translations.languages import get_language

router = APIRouter(prefix="/glossary")
Viewer = SignedInDep
EditorPage = Annotated[SignedIn, Depends(permitted(Permission.EDIT_GLOSSARY))]
EditorPost = Annotated[SignedIn, Depends(checked_permitted(Permission.EDIT_GLOSSARY))]
FormText = Annotated[str, Form(max_length=5000)]

MESSAGES = {
    "language": N_("Choose one of the site's languages."),
    "source": N_(
        "Write the Japanese term on one line, 1 to 200 characters, without [1]-style "
        "numbers in brackets or {{ }}."
    ),
    "translation": N_(
        "Write the required translation on one line, 1 to 200 characters, without [1]-style "
        "numbers in brackets or {{ }}; or tick “Keep the Japanese as it is” and leave it empty."
    ),
    "note": N_("A note has at most 500 characters."),
}
FORM_FIELDS = ("language", "source", "translation", "keep", "note")
CONFLICT = N_("This term already has an entry in this language: change that entry instead.")
DONE = {
    "added": N_("The term was added. It applies from the next publish or correction."),
    "changed": N_("The term was changed. It applies from the next publish or correction."),
    "deleted": N_("The term was deleted."),
}


def _languages(settings: Settings) -> list[dict[str, str]]:
    return [
        {"code": code, "name": get_language(code).native_name}
        for code in settings.target_languages
        if code != settings.source_language
    ]


def _entry(session: Session, term_id: int) -> GlossaryEntry:
    entry = session.get(GlossaryEntry, term_id)
    if entry is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found")
    return entry


def _list_page(
    request: Request,
    signed: SignedIn,
    session: Session,
    settings: Settings,
    *,
    search: str = "",
    language: str = "",
    done: str = "",
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    chosen = language if language in settings.target_languages else ""
    terms = find_terms(session, language=chosen or None, search=search.strip() or None)
    return render(
        request,
        "glossary.html",
        {
            "terms": terms,
            "term_languages": _languages(settings),
            "language_name": lambda code: get_language(code).native_name,
            "search": search,
            "language": chosen,
            "done": DONE.get(done),
            "form": form
            or dict.fromkeys(("language", "source", "translation", "note", "keep"), ""),
            "errors": errors or {},
        },
        signed_in=signed,
        status_code=status.HTTP_400_BAD_REQUEST if errors else status.HTTP_200_OK,
    )


@router.get("/")
def glossary_page(
    request: Request,
    signed: Viewer,
    session: SessionDep,
    services: ServicesDep,
    q: Annotated[str, Query(max_length=200)] = "",
    language: Annotated[str, Query(max_length=20)] = "",
    done: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    return _list_page(
        request, signed, session, services.settings, search=q, language=language, done=done
    )


@router.post("/")
def add_glossary_term(
    request: Request,
    signed: EditorPost,
    session: SessionDep,
    services: ServicesDep,
    language: FormText = "",
    source: FormText = "",
    translation: FormText = "",
    keep: FormText = "",
    note: FormText = "",
) -> Response:
    form = {
        "language": language,
        "source": source,
        "translation": translation,
        "keep": keep,
        "note": note,
    }
    try:
        payload = GlossaryTermCreate.model_validate(
            {
                "language": language,
                "source": source,
                "translation": translation if translation.strip() else None,
                "keep": keep == "1",
                "note": note if note.strip() else None,
            }
        )
        add_term(session, signed.staff, payload)
    except ValidationError as error:
        errors = field_errors(error, MESSAGES, whole="translation")
    except GlossaryChangeError as error:
        errors = {error.field: MESSAGES[error.field]}
    except GlossaryConflictError:
        errors = {"source": CONFLICT}
    else:
        session.commit()
        return RedirectResponse("/staff/glossary/?done=added", status_code=303)
    session.rollback()
    return _list_page(request, signed, session, services.settings, form=form, errors=errors)


def _edit_page(
    request: Request,
    signed: SignedIn,
    entry: GlossaryEntry,
    *,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    return render(
        request,
        "glossary_term.html",
        {
            "entry": entry,
            "language_name": get_language(entry.language).native_name,
            "form": form
            or {
                "translation": entry.translation or "",
                "keep": "1" if entry.translation is None else "",
                "note": entry.note or "",
            },
            "errors": errors or {},
        },
        signed_in=signed,
        status_code=status.HTTP_400_BAD_REQUEST if errors else status.HTTP_200_OK,
    )


@router.get("/{term_id}")
def glossary_term_page(
    request: Request, term_id: int, signed: EditorPage, session: SessionDep
) -> Response:
    return _edit_page(request, signed, _entry(session, term_id))


@router.post("/{term_id}")
def change_glossary_term(
    request: Request,
    term_id: int,
    signed: EditorPost,
    session: SessionDep,
    translation: FormText = "",
    keep: FormText = "",
    note: FormText = "",
) -> Response:
    entry = _entry(session, term_id)
    form = {"translation": translation, "keep": keep, "note": note}
    fields: dict[str, object] = {"note": note if note.strip() else None}
    if keep == "1":
        fields["keep"] = True
    if translation.strip() or keep != "1":  # both, or neither: refused with the reason
        fields["translation"] = translation if translation.strip() else None
    try:
        change_term(session, signed.staff, entry, GlossaryTermUpdate.model_validate(fields))
    except ValidationError as error:
        errors = field_errors(error, MESSAGES, whole="translation")
    except GlossaryChangeError as error:
        errors = {error.field: MESSAGES[error.field]}
    else:
        session.commit()
        return RedirectResponse("/staff/glossary/?done=changed", status_code=303)
    session.rollback()
    return _edit_page(request, signed, _entry(session, term_id), form=form, errors=errors)


@router.post("/{term_id}/delete")
def delete_glossary_term(term_id: int, signed: EditorPost, session: SessionDep) -> Response:
    remove_term(session, signed.staff, _entry(session, term_id))
    session.commit()
    return RedirectResponse("/staff/glossary/?done=deleted", status_code=303)

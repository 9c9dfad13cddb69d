"""The furigana readings page: names the dictionary reads wrongly, with the reading the site
shows above them. Everyone on the staff sees the list; approvers and admins change it through
the same code as the API (:mod:`publisher.readings`), and each change schedules a site build
in the worker, since furigana are part of every Japanese page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, status
from fastapi.responses import RedirectResponse, Response
from sqlmodel import Session

from publisher.api.deps import QueueDep, ServicesDep, SessionDep
from publisher.permissions import Permission
from publisher.readings import (
    Reading,
    ReadingChangeError,
    ReadingConflictError,
    ReadingMissingError,
    delete_reading,
    read_all,
    set_reading,
)
from publisher.workspace.deps import SignedInDep, checked_permitted, permitted
from publisher.workspace.render import render
from publisher.workspace.sessions import SignedIn
from translations.catalogs import N_
from translations.furigana import ReadingsError

router = APIRouter(prefix="/readings")
EditorPage = Annotated[SignedIn, Depends(permitted(Permission.EDIT_READINGS))]
EditorPost = Annotated[SignedIn, Depends(checked_permitted(Permission.EDIT_READINGS))]
FormText = Annotated[str, Form(max_length=1000)]

MESSAGES = {
    "name": N_(
        "Write the name as it appears in notices, with at least one kanji, using only kanji, "
        "kana, ・, Latin letters and digits, without spaces (at most 50 characters)."
    ),
    "reading": N_("Write the reading in hiragana or katakana only (at most 100 characters)."),
}
CONFLICT = N_("This name already has a reading: change that one instead.")
DONE = {
    "added": N_("The reading was added. The site is rebuilt with it in the background."),
    "changed": N_("The reading was changed. The site is rebuilt with it in the background."),
    "deleted": N_("The reading was deleted. The site is rebuilt without it in the background."),
}


def _readings(path: Path) -> tuple[list[Reading], str | None]:
    try:
        return read_all(path), None
    except ReadingsError as error:
        return [], str(error)


def _list_page(
    request: Request,
    signed: SignedIn,
    path: Path,
    *,
    done: str = "",
    search: str = "",
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    readings, broken = _readings(path)
    wanted = search.strip()
    shown = [r for r in readings if wanted in r.name or wanted in r.reading] if wanted else readings
    return render(
        request,
        "readings.html",
        {
            "readings": shown,
            "total": len(readings),
            "search": search,
            "broken": broken,
            "done": DONE.get(done),
            "form": form or {"name": "", "reading": ""},
            "errors": errors or {},
        },
        signed_in=signed,
        status_code=status_code,
    )


@router.get("/")
def readings_page(
    request: Request,
    signed: SignedInDep,
    services: ServicesDep,
    q: Annotated[str, Query(max_length=100)] = "",
    done: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    return _list_page(
        request, signed, services.settings.resolved_readings_file, done=done, search=q
    )


def _changed(session: Session, queue: QueueDep, done: str) -> Response:
    session.commit()
    queue.rebuild_site()
    return RedirectResponse(f"/staff/readings/?done={done}", status_code=303)


@router.post("/")
def add_reading(
    request: Request,
    signed: EditorPost,
    session: SessionDep,
    services: ServicesDep,
    queue: QueueDep,
    name: FormText = "",
    reading: FormText = "",
) -> Response:
    path = services.settings.resolved_readings_file
    try:
        set_reading(session, signed.staff, path, name, reading, replace=False)
    except ReadingChangeError as error:
        errors = {error.field: MESSAGES[error.field]}
    except ReadingConflictError:
        errors = {"name": CONFLICT}
    except ReadingsError:
        errors = {}
    else:
        return _changed(session, queue, "added")
    return _list_page(
        request,
        signed,
        path,
        form={"name": name, "reading": reading},
        errors=errors,
        status_code=status.HTTP_400_BAD_REQUEST,
    )


def _find(path: Path, name: str) -> Reading:
    readings, _broken = _readings(path)
    for item in readings:
        if item.name == name:
            return item
    raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found")


def _edit_page(
    request: Request,
    signed: SignedIn,
    item: Reading,
    *,
    form: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> Response:
    return render(
        request,
        "reading.html",
        {"item": item, "form": form or {"reading": item.reading}, "errors": errors or {}},
        signed_in=signed,
        status_code=status.HTTP_400_BAD_REQUEST if errors else status.HTTP_200_OK,
    )


@router.get("/edit")
def reading_page(
    request: Request,
    signed: EditorPage,
    services: ServicesDep,
    name: Annotated[str, Query(max_length=100)] = "",
) -> Response:
    return _edit_page(request, signed, _find(services.settings.resolved_readings_file, name))


@router.post("/edit")
def change_reading(
    request: Request,
    signed: EditorPost,
    session: SessionDep,
    services: ServicesDep,
    queue: QueueDep,
    name: FormText = "",
    reading: FormText = "",
) -> Response:
    path = services.settings.resolved_readings_file
    item = _find(path, name)
    try:
        set_reading(session, signed.staff, path, item.name, reading, replace=True)
    except ReadingChangeError as error:
        return _edit_page(
            request,
            signed,
            item,
            form={"reading": reading},
            errors={error.field: MESSAGES[error.field]},
        )
    return _changed(session, queue, "changed")


@router.post("/delete")
def remove_reading(
    signed: EditorPost,
    session: SessionDep,
    services: ServicesDep,
    queue: QueueDep,
    name: FormText = "",
) -> Response:
    try:
        delete_reading(session, signed.staff, services.settings.resolved_readings_file, name)
    except (ReadingMissingError, ReadingsError) as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found") from error
    return _changed(session, queue, "deleted")

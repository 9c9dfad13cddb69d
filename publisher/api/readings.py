"""Furigana readings of names (``readings.toml``): listed for all staff, changed by approvers
and admins (``Permission.EDIT_READINGS``), as the glossary is.

``PUT /readings/{name}`` adds or replaces a name's reading, ``DELETE`` removes it. The reading
is kana (katakana is stored as hiragana); the name needs a kanji. Each change is audited and
schedules a site build in the worker, which renders every page with the new readings.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Response, status
from pydantic import BaseModel, ConfigDict, Field

from publisher.api.deps import QueueDep, ServicesDep, SessionDep, StaffDep, require
from publisher.api.errors import ERROR_RESPONSES, invalid
from publisher.keys import Staff
from publisher.permissions import Permission
from publisher.readings import (
    MAX_NAME,
    MAX_READING,
    NAME_PATTERN,
    READING_PATTERN,
    ReadingChangeError,
    ReadingMissingError,
    delete_reading,
    read_all,
    set_reading,
)
from translations.furigana import ReadingsError

router = APIRouter(prefix="/readings", tags=["readings"], responses=ERROR_RESPONSES)
Editor = Annotated[Staff, Depends(require(Permission.EDIT_READINGS))]
Name = Annotated[
    str,
    Path(
        min_length=1,
        max_length=MAX_NAME,
        pattern=NAME_PATTERN,
        description="The name as written: kanji (at least one), kana, ・, Latin letters, digits",
    ),
]


class ReadingPublic(BaseModel):
    name: str = Field(examples=["元城町"])
    reading: str = Field(description="In hiragana", examples=["もとしろちょう"])


class ReadingBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reading: str = Field(
        min_length=1,
        max_length=MAX_READING,
        pattern=READING_PATTERN,
        description="Hiragana or katakana (katakana is stored as hiragana)",
        examples=["もとしろちょう"],
    )


def _unreadable(error: ReadingsError) -> HTTPException:
    return HTTPException(
        status.HTTP_503_SERVICE_UNAVAILABLE, f"the readings file cannot be read: {error}"
    )


@router.get("")
def list_readings(_staff: StaffDep, services: ServicesDep) -> list[ReadingPublic]:
    """Every name's reading, sorted by name."""
    try:
        found = read_all(services.settings.resolved_readings_file)
    except ReadingsError as error:
        raise _unreadable(error) from error
    return [ReadingPublic(name=item.name, reading=item.reading) for item in found]


@router.put("/{name}", responses={201: {"model": ReadingPublic}})
def put_reading(
    name: Name,
    payload: ReadingBody,
    staff: Editor,
    session: SessionDep,
    services: ServicesDep,
    queue: QueueDep,
    response: Response,
) -> ReadingPublic:
    """Add (201) or replace (200) a name's reading."""
    try:
        stored, new = set_reading(
            session,
            staff,
            services.settings.resolved_readings_file,
            name,
            payload.reading,
            replace=True,
        )
    except ReadingChangeError as error:
        raise invalid(error.field, str(error)) from error
    except ReadingsError as error:
        raise _unreadable(error) from error
    session.commit()
    queue.rebuild_site()
    if new:
        response.status_code = status.HTTP_201_CREATED
    return ReadingPublic(name=stored.name, reading=stored.reading)


@router.delete("/{name}", status_code=status.HTTP_204_NO_CONTENT)
def remove_reading(
    name: Name, staff: Editor, session: SessionDep, services: ServicesDep, queue: QueueDep
) -> Response:
    try:
        delete_reading(session, staff, services.settings.resolved_readings_file, name)
    except ReadingMissingError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no reading for {name!r}") from error
    except ReadingsError as error:
        raise _unreadable(error) from error
    session.commit()
    queue.rebuild_site()
    return Response(status_code=status.HTTP_204_NO_CONTENT)

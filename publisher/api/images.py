"""A bulletin's images: upload, list, change the alt text or kind, remove, see the files.

Every change makes a new revision that needs approval again (``publisher.images.revisions``);
the site shows only the images of the published revision.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile, status
from fastapi.responses import FileResponse
from sqlmodel import Session

from publisher.api.deps import ServicesDep, SessionDep, StaffDep
from publisher.api.errors import ERROR_RESPONSES, Problem, invalid
from publisher.api.params import RecordId
from publisher.documents import image_ref
from publisher.editing import BulletinNotFoundError, InvalidRevisionError
from publisher.images.flyers import ImageWarning
from publisher.images.processing import ImageRefusedError
from publisher.images.revisions import (
    ImageNotFoundError,
    change_image,
    image_warnings,
    remove_image,
    revision_and_images,
)
from publisher.images.uploads import accept_upload, stored_file
from publisher.schemas import (
    AltText,
    ImagePublic,
    ImageUpdate,
    ImageWarningPublic,
    RenditionPublic,
)
from publisher.statuses import ImageKind
from publisher.tables import Bulletin, BulletinImage
from publisher.workflow import WorkflowError

FORM_OVERHEAD_BYTES = 64_000
"""Room for the form's other fields and boundaries around the file in an upload request."""

router = APIRouter(
    prefix="/bulletins/{bulletin_id}/images",
    tags=["images"],
    responses={
        **ERROR_RESPONSES,
        415: {"model": Problem, "description": "The file is not an accepted image."},
    },
)

FILE_PATH = "/api/v1/bulletins/{bulletin}/images/{image}/files/{width}"
"""Where staff see a stored size (:func:`get_image_file`, under the API's prefix)."""


def warnings_public(warnings: Sequence[ImageWarning]) -> list[ImageWarningPublic]:
    return [
        ImageWarningPublic(
            image_id=warning.image_id,
            code=warning.code.value,
            message=warning.message,
            facts=list(warning.facts),
        )
        for warning in warnings
    ]


def image_public(row: BulletinImage, warnings: Sequence[ImageWarning] = ()) -> ImagePublic:
    widest = row.renditions[0]
    return ImagePublic(
        image_id=row.image_id,
        revision=row.revision,
        kind=ImageKind(row.kind),
        alt=row.alt,
        markdown=f"![]({image_ref(row.image_id)})",
        media_type=row.media_type,
        width=widest["width"],
        height=widest["height"],
        renditions=[
            RenditionPublic(
                url=FILE_PATH.format(
                    bulletin=row.bulletin_id, image=row.image_id, width=rendition["width"]
                ),
                width=rendition["width"],
                height=rendition["height"],
            )
            for rendition in row.renditions
        ],
        original_name=row.original_name,
        warnings=warnings_public([w for w in warnings if w.image_id == row.image_id]),
    )


def _bulletin(session: Session, bulletin_id: int) -> Bulletin:
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no bulletin with id {bulletin_id}")
    return bulletin


@contextmanager
def _refusals() -> Iterator[None]:
    try:
        yield
    except (BulletinNotFoundError, ImageNotFoundError) as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(error)) from error
    except WorkflowError as error:
        raise HTTPException(error.status, str(error)) from error
    except InvalidRevisionError as error:  # the text still places the image
        raise HTTPException(status.HTTP_409_CONFLICT, str(error)) from error


def listed_images(
    session: Session, bulletin: Bulletin
) -> tuple[list[ImagePublic], list[ImageWarningPublic]]:
    """The working revision's images and every warning about them."""
    revision, rows = revision_and_images(session, bulletin)
    warnings = image_warnings(revision, rows)
    return [image_public(row, warnings) for row in rows], warnings_public(warnings)


def _one(session: Session, bulletin: Bulletin, image_id: int) -> ImagePublic:
    for image in listed_images(session, bulletin)[0]:
        if image.image_id == image_id:
            return image
    raise HTTPException(
        status.HTTP_404_NOT_FOUND, f"the bulletin's working revision has no image {image_id}"
    )


@router.post("", status_code=status.HTTP_201_CREATED)
def upload_image(
    bulletin_id: RecordId,
    file: Annotated[UploadFile, File(description="JPEG, PNG, WebP or GIF.")],
    alt: Annotated[AltText, Form()],
    kind: Annotated[ImageKind, Form(description="photo, map or flyer.")],
    request: Request,
    staff: StaffDep,
    session: SessionDep,
    services: ServicesDep,
) -> ImagePublic:
    """Add an image: a new revision that needs approval again.

    The file is checked by its content (Pillow), turned upright, resized for the web (at most
    1600 px wide, and 800 px for small screens), stripped of all metadata (GPS position,
    camera) and stored by content. A flyer whose facts are not also in the text comes back
    with warnings; they never block.
    """
    settings = services.settings
    _bulletin(session, bulletin_id)
    data = file.file.read(settings.max_image_bytes + 1)
    try:
        with _refusals():
            bulletin, image_id = accept_upload(
                session,
                settings,
                bulletin_id,
                staff,
                data=data,
                alt=alt,
                kind=kind,
                filename=file.filename,
            )
    except ImageRefusedError as error:
        if error.status == status.HTTP_422_UNPROCESSABLE_CONTENT:
            raise invalid("file", str(error)) from error  # the shape of every other 422
        raise HTTPException(error.status, str(error)) from error
    session.commit()
    return _one(session, bulletin, image_id)


@router.get("")
def list_images(
    bulletin_id: RecordId, request: Request, _staff: StaffDep, session: SessionDep
) -> list[ImagePublic]:
    """The working revision's images, in their order, each with its warnings."""
    return listed_images(session, _bulletin(session, bulletin_id))[0]


@router.get("/{image_id}")
def get_image(
    bulletin_id: RecordId,
    image_id: RecordId,
    request: Request,
    _staff: StaffDep,
    session: SessionDep,
) -> ImagePublic:
    return _one(session, _bulletin(session, bulletin_id), image_id)


@router.patch("/{image_id}")
def update_image(
    bulletin_id: RecordId,
    image_id: RecordId,
    payload: ImageUpdate,
    request: Request,
    staff: StaffDep,
    session: SessionDep,
) -> ImagePublic:
    """Change the alt text or the kind: a new revision that needs approval again."""
    with _refusals():
        bulletin = change_image(
            session, bulletin_id, image_id, staff, alt=payload.alt, kind=payload.kind
        )
    session.commit()
    return _one(session, bulletin, image_id)


@router.delete("/{image_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_image(
    bulletin_id: RecordId, image_id: RecordId, staff: StaffDep, session: SessionDep
) -> None:
    """Remove the image: a new revision that needs approval again. Refused (409) while the
    text still places it with ``![](image:N)``."""
    with _refusals():
        remove_image(session, bulletin_id, image_id, staff)
    session.commit()


@router.get("/{image_id}/files/{width}", response_class=FileResponse)
def get_image_file(
    bulletin_id: RecordId,
    image_id: RecordId,
    width: RecordId,
    _staff: StaffDep,
    session: SessionDep,
    services: ServicesDep,
) -> FileResponse:
    """One stored size of an image (of any revision), as the site would serve it."""
    found = stored_file(session, services.settings.media_dir, bulletin_id, image_id, width)
    if found is not None:
        return FileResponse(found[0], media_type=found[1])
    raise HTTPException(
        status.HTTP_404_NOT_FOUND, f"image {image_id} of bulletin {bulletin_id} has no such file"
    )

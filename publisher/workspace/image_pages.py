"""A bulletin's images in the workspace: upload, change the alt text or kind, remove, see.

Over the same code as ``/api/v1/bulletins/{id}/images``: the upload is checked, resized and
stripped by :func:`publisher.images.uploads.accept_upload`, the fields by the API's schema
(:class:`publisher.schemas.ImageUpdate`), and every change is a new revision to review. A
refused form comes back on the bulletin's page with the reason beside the field.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile, status
from fastapi.responses import FileResponse, RedirectResponse, Response
from pydantic import ValidationError

from publisher.api.deps import ServicesDep, SessionDep
from publisher.api.params import RecordId
from publisher.editing import BulletinNotFoundError, InvalidRevisionError
from publisher.images.processing import ImageRefusedError
from publisher.images.revisions import ImageNotFoundError, change_image, remove_image
from publisher.images.uploads import accept_upload, stored_file
from publisher.schemas import ImageUpdate
from publisher.workflow import WorkflowError
from publisher.workspace.bulletin_pages import bulletin_page
from publisher.workspace.deps import CsrfDep, SignedInDep
from publisher.workspace.sessions import SignedIn
from translations.catalogs import N_

router = APIRouter(prefix="/bulletins/{bulletin_id}/images")

Short = Annotated[str, Form(max_length=2_000)]

FIELD_MESSAGES = {
    "alt": N_(
        "Describe the image in Japanese, in one line (for a flyer: what it says, with its "
        "dates, times, fees and phone numbers)."
    ),
    "kind": N_("Choose what the image is: photo, map or flyer."),
}
NO_FILE = N_("Choose an image file.")
DAMAGED = N_("The image is damaged, or has too many pixels: scale a scan down first.")
FILE_REFUSALS = {
    status.HTTP_413_CONTENT_TOO_LARGE: N_("The file is too large for an image of a notice."),
    status.HTTP_415_UNSUPPORTED_MEDIA_TYPE: N_("The file is not a JPEG, PNG, WebP or GIF image."),
    status.HTTP_422_UNPROCESSABLE_CONTENT: DAMAGED,
}
STILL_PLACED = N_(
    "The text still places this image: take its Markdown out of the text first, then remove it."
)


def _refused_fields(alt: str, kind: str) -> tuple[ImageUpdate | None, dict[str, str]]:
    """The API's schema on the form's fields; a message id per refused field."""
    try:
        return ImageUpdate.model_validate({"alt": alt, "kind": kind}), {}
    except ValidationError as error:
        fields = {str(item["loc"][0]) for item in error.errors() if item["loc"]}
        return None, {field: FIELD_MESSAGES[field] for field in fields if field in FIELD_MESSAGES}


StepRefusal = BulletinNotFoundError | ImageNotFoundError | WorkflowError


def _step_refused(error: StepRefusal) -> HTTPException:
    """The same answers as the bulletin's other steps: 404, or the workflow's refusal."""
    if isinstance(error, WorkflowError):
        return HTTPException(error.status, str(error))
    return HTTPException(status.HTTP_404_NOT_FOUND, "not_found")


def _back(bulletin_id: int, done: str, image_id: int | None = None) -> Response:
    anchor = f"image-{image_id}" if image_id is not None else "images"
    return RedirectResponse(f"/staff/bulletins/{bulletin_id}?done={done}#{anchor}", status_code=303)


@router.post("")
def upload(
    request: Request,
    bulletin_id: RecordId,
    signed: CsrfDep,
    session: SessionDep,
    services: ServicesDep,
    file: Annotated[UploadFile | None, File()] = None,
    alt: Short = "",
    kind: Short = "",
) -> Response:
    """Add an image: checked by content, resized, stripped of metadata; a new revision."""
    settings = services.settings
    payload, errors = _refused_fields(alt, kind)
    data = file.file.read(settings.max_image_bytes + 1) if file is not None else b""
    if not data:
        errors["file"] = NO_FILE
    if payload is None or payload.alt is None or payload.kind is None or errors:
        return _refused(request, signed, session, services, bulletin_id, errors, alt, kind)
    try:
        _bulletin, image_id = accept_upload(
            session,
            settings,
            bulletin_id,
            signed.staff,
            data=data,
            alt=payload.alt,
            kind=payload.kind,
            filename=file.filename if file is not None else None,
        )
    except ImageRefusedError as error:
        return _refused(
            request,
            signed,
            session,
            services,
            bulletin_id,
            {"file": FILE_REFUSALS.get(error.status, DAMAGED)},
            alt,
            kind,
            status_code=error.status,
        )
    except (BulletinNotFoundError, WorkflowError) as error:
        raise _step_refused(error) from error
    session.commit()
    return _back(bulletin_id, "image_added", image_id)


def _refused(
    request: Request,
    signed: SignedIn,
    session: SessionDep,
    services: ServicesDep,
    bulletin_id: int,
    errors: dict[str, str],
    alt: str,
    kind: str,
    *,
    prefix: str = "upload",
    status_code: int = status.HTTP_400_BAD_REQUEST,
) -> Response:
    return bulletin_page(
        request,
        signed,
        session,
        services,
        bulletin_id,
        image_errors={f"{prefix}-{field}": message for field, message in errors.items()},
        image_values={f"{prefix}-alt": alt, f"{prefix}-kind": kind},
        status_code=status_code,
    )


@router.post("/{image_id}")
def change(
    request: Request,
    bulletin_id: RecordId,
    image_id: RecordId,
    signed: CsrfDep,
    session: SessionDep,
    services: ServicesDep,
    alt: Short = "",
    kind: Short = "",
) -> Response:
    """Change the alt text and kind: a new revision that needs approval again."""
    payload, errors = _refused_fields(alt, kind)
    if payload is None or errors:
        return _refused(
            request,
            signed,
            session,
            services,
            bulletin_id,
            errors,
            alt,
            kind,
            prefix=f"image-{image_id}",
        )
    try:
        change_image(
            session, bulletin_id, image_id, signed.staff, alt=payload.alt, kind=payload.kind
        )
    except (BulletinNotFoundError, ImageNotFoundError, WorkflowError) as error:
        raise _step_refused(error) from error
    session.commit()
    return _back(bulletin_id, "image_changed", image_id)


@router.post("/{image_id}/remove")
def remove(
    request: Request,
    bulletin_id: RecordId,
    image_id: RecordId,
    signed: CsrfDep,
    session: SessionDep,
    services: ServicesDep,
) -> Response:
    """Remove the image: a new revision; refused while the text still places it."""
    try:
        remove_image(session, bulletin_id, image_id, signed.staff)
    except (BulletinNotFoundError, ImageNotFoundError, WorkflowError) as error:
        raise _step_refused(error) from error
    except InvalidRevisionError:
        session.rollback()
        return bulletin_page(
            request,
            signed,
            session,
            services,
            bulletin_id,
            image_errors={f"image-{image_id}-remove": STILL_PLACED},
            status_code=status.HTTP_409_CONFLICT,
        )
    session.commit()
    return _back(bulletin_id, "image_removed")


@router.get("/{image_id}/files/{width}")
def image_file(
    bulletin_id: RecordId,
    image_id: RecordId,
    width: RecordId,
    _signed: SignedInDep,
    session: SessionDep,
    services: ServicesDep,
) -> Response:
    """A stored size of an image, for signed-in staff: the same files the API serves."""
    found = stored_file(session, services.settings.media_dir, bulletin_id, image_id, width)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found")
    return FileResponse(found[0], media_type=found[1], headers={"Cache-Control": "no-store"})

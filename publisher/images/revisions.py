"""Adding, changing and removing a bulletin's images: each one a new revision to review.

An image is reviewed content like the text: every change here goes through
:func:`publisher.editing.edit_bulletin`, which writes a new revision (carrying the images it
keeps), sends the bulletin back to ``draft`` and records who did it. What is online stays
online until the new revision is approved and published.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace

from sqlmodel import Session, col, func, select

from publisher.documents import Rendition
from publisher.editing import ImageDraft, edit_bulletin, images_of, revision_of
from publisher.images.flyers import ImageWarning, flyer_warnings
from publisher.keys import Staff
from publisher.statuses import ImageKind
from publisher.tables import Bulletin, BulletinImage, Revision


class ImageNotFoundError(LookupError):
    """The working revision has no image with that id."""


def _next_image_id(session: Session, bulletin_id: int) -> int:
    """Never reused, so that a reference to a removed image can never show another one."""
    highest = session.exec(
        select(func.max(col(BulletinImage.image_id))).where(
            BulletinImage.bulletin_id == bulletin_id
        )
    ).one()
    return (highest or 0) + 1


def add_image(
    session: Session,
    bulletin_id: int,
    staff: Staff,
    *,
    kind: ImageKind,
    alt: str,
    renditions: Sequence[Rendition],
    media_type: str,
    original_name: str | None,
) -> tuple[Bulletin, int]:
    """A new revision with the image added after the others; returns its image id."""
    image_id = _next_image_id(session, bulletin_id)
    draft = ImageDraft(
        image_id=image_id,
        kind=kind.value,
        alt=alt,
        renditions=[asdict(rendition) for rendition in renditions],
        media_type=media_type,
        original_name=original_name,
        created_by=staff.name,
    )
    bulletin = edit_bulletin(
        session,
        bulletin_id,
        {},
        staff,
        images=lambda drafts: [*drafts, draft],
        action="bulletin.image_add",
        detail={"image_id": image_id, "kind": kind.value, "files": draft.renditions},
    )
    return bulletin, image_id


def _found(drafts: list[ImageDraft], image_id: int) -> ImageDraft:
    for draft in drafts:
        if draft.image_id == image_id:
            return draft
    raise ImageNotFoundError(f"the bulletin's working revision has no image {image_id}")


def change_image(
    session: Session,
    bulletin_id: int,
    image_id: int,
    staff: Staff,
    *,
    alt: str | None,
    kind: ImageKind | None,
) -> Bulletin:
    """A new revision with the image's alt text or kind changed."""

    def change(drafts: list[ImageDraft]) -> list[ImageDraft]:
        target = _found(drafts, image_id)
        changed = replace(
            target,
            alt=alt if alt is not None else target.alt,
            kind=kind.value if kind is not None else target.kind,
        )
        return [changed if draft is target else draft for draft in drafts]

    fields = [name for name, value in (("alt", alt), ("kind", kind)) if value is not None]
    return edit_bulletin(
        session,
        bulletin_id,
        {},
        staff,
        images=change,
        action="bulletin.image_update",
        detail={"image_id": image_id, "fields": fields},
    )


def remove_image(session: Session, bulletin_id: int, image_id: int, staff: Staff) -> Bulletin:
    """A new revision without the image (refused while the text still places it)."""

    def remove(drafts: list[ImageDraft]) -> list[ImageDraft]:
        target = _found(drafts, image_id)
        return [draft for draft in drafts if draft is not target]

    return edit_bulletin(
        session,
        bulletin_id,
        {},
        staff,
        images=remove,
        action="bulletin.image_remove",
        detail={"image_id": image_id},
    )


def current_images(session: Session, bulletin: Bulletin) -> list[BulletinImage]:
    assert bulletin.id is not None
    return images_of(session, bulletin.id, bulletin.current_revision)


def image_warnings(revision: Revision, images: Sequence[BulletinImage]) -> list[ImageWarning]:
    """What to fix before submitting, for every image of a revision (flyers, today)."""
    found: list[ImageWarning] = []
    for image in images:
        if image.kind == ImageKind.FLYER:
            found += flyer_warnings(image.image_id, image.alt, (revision.body, revision.easy_body))
    return found


def revision_and_images(
    session: Session, bulletin: Bulletin
) -> tuple[Revision, list[BulletinImage]]:
    assert bulletin.id is not None
    revision = revision_of(session, bulletin.id, bulletin.current_revision)
    return revision, current_images(session, bulletin)

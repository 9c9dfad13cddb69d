"""An uploaded file becoming a bulletin's image: checked, made for the web, stored, added.

One path for the API (``POST /api/v1/bulletins/{id}/images``) and the staff workspace, so an
image is refused, resized, stripped of metadata and reviewed the same way whoever sends it.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, col, select

from publisher.images.processing import prepare_image
from publisher.images.revisions import add_image
from publisher.images.storage import store_image
from publisher.keys import Staff
from publisher.settings import Settings
from publisher.statuses import ImageKind
from publisher.tables import Bulletin, BulletinImage

MAX_NAME_CHARS = 200


def accept_upload(
    session: Session,
    settings: Settings,
    bulletin_id: int,
    staff: Staff,
    *,
    data: bytes,
    alt: str,
    kind: ImageKind,
    filename: str | None,
) -> tuple[Bulletin, int]:
    """Check and store the file, then write the revision that adds it; returns its image id.

    Raises :class:`~publisher.images.processing.ImageRefusedError` (with the HTTP status that
    says why) before anything is stored, and the editing errors of any revision.
    """
    prepared = prepare_image(
        data, max_bytes=settings.max_image_bytes, max_pixels=settings.max_image_pixels
    )
    renditions = store_image(settings.media_dir, prepared)
    return add_image(
        session,
        bulletin_id,
        staff,
        kind=kind,
        alt=alt,
        renditions=renditions,
        media_type=prepared.media_type,
        original_name=Path(filename).name[:MAX_NAME_CHARS] if filename else None,
    )


def stored_file(
    session: Session, media_dir: Path, bulletin_id: int, image_id: int, width: int
) -> tuple[Path, str] | None:
    """Where one stored size of an image (of any revision) is, and its media type."""
    rows = session.exec(
        select(BulletinImage)
        .where(BulletinImage.bulletin_id == bulletin_id, BulletinImage.image_id == image_id)
        .order_by(col(BulletinImage.revision).desc())
    ).all()
    for row in rows:
        for rendition in row.renditions:
            if rendition["width"] == width:
                path = media_dir / rendition["file"]
                if path.is_file():
                    return path, row.media_type
    return None

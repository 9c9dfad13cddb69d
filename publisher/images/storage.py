"""Image files under the media folder, named by their content: written once, atomically."""

from __future__ import annotations

from pathlib import Path

from publisher.documents import Rendition
from publisher.files import write_atomic
from publisher.images.processing import PreparedImage

IMAGES_FOLDER = "images"


def store_image(media_dir: Path, prepared: PreparedImage) -> tuple[Rendition, ...]:
    """Write each size (unless the same content is already stored) and say where it is."""
    renditions: list[Rendition] = []
    for size in prepared.sizes:
        relative = f"{IMAGES_FOLDER}/{size.name}"
        target = media_dir / relative
        if not target.is_file() or target.stat().st_size != len(size.data):
            write_atomic(target, size.data)
        renditions.append(Rendition(relative, size.width, size.height))
    return tuple(renditions)

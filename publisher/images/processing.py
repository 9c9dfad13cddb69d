"""Turn an uploaded file into web images: checked by content, turned upright, resized, and
written again from their pixels alone, so no metadata (GPS position, camera, author) survives.

Only Pillow decides what a file is: the name and the declared type are ignored. A file
Pillow cannot open is refused (415), one whose pixels would not fit in memory is refused
before they are decoded (422), and one over the size limit is refused unread (413).
"""

from __future__ import annotations

import hashlib
import io
import math
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

ACCEPTED_FORMATS = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
}
"""What may be uploaded (by content): photos, scans and drawings browsers show everywhere."""

WIDTHS = (1600, 800)
"""The widths made for the web: the page's image, and a smaller one for narrow screens
(``srcset``); an image narrower than a width is never enlarged to it."""

JPEG_QUALITY = 82


class ImageRefusedError(ValueError):
    """The upload cannot become a bulletin image; ``status`` is the HTTP status that says why."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True)
class WebImage:
    """One encoded size of an image, with the name it is stored under (its content hash)."""

    data: bytes
    width: int
    height: int
    extension: str

    @property
    def name(self) -> str:
        digest = hashlib.sha256(self.data).hexdigest()
        return f"{digest[:2]}/{digest}.{self.extension}"


@dataclass(frozen=True)
class PreparedImage:
    media_type: str
    """Of the stored files (JPEG, or PNG for images with transparency)."""
    uploaded_format: str
    sizes: tuple[WebImage, ...]
    """Widest first."""


def _opened(data: bytes, max_pixels: int) -> Image:
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(ACCEPTED_FORMATS))
    except UnidentifiedImageError as error:
        raise ImageRefusedError(
            415, "the file is not an image in a format accepted (JPEG, PNG, WebP or GIF)"
        ) from error
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageRefusedError(422, f"the image has too many pixels: {error}") from error
    pixels = image.width * image.height
    if pixels > max_pixels or image.width < 1 or image.height < 1:
        raise ImageRefusedError(
            422,
            f"the image is {image.width}×{image.height} pixels ({pixels:,}); the limit is "
            f"{max_pixels:,} pixels: a file this large may be a decompression bomb, or a scan "
            "to scale down first",
        )
    return image


_SIDEWAYS = (5, 6, 7, 8)
"""EXIF orientations that turn the stored image a quarter turn."""


def _decode_smaller(image: Image) -> None:
    """Ask libjpeg to decode a large photo at 1/2, 1/4 or 1/8 scale, never below the widest
    size made: a phone's 12-megapixel photo then decodes several times faster."""
    if image.format != "JPEG":
        return
    width, height = image.size
    sideways = image.getexif().get(0x0112, 1) in _SIDEWAYS
    shown_width = height if sideways else width
    if shown_width <= WIDTHS[0]:
        return
    scale = WIDTHS[0] / shown_width
    image.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))


def _decoded(image: Image) -> Image:
    """The pixels, upright (EXIF orientation applied), in RGB or RGBA; refused if broken."""
    from PIL import ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            _decode_smaller(image)
            image.load()
            upright = ImageOps.exif_transpose(image) or image
    except (OSError, SyntaxError, ValueError, Warning) as error:
        raise ImageRefusedError(422, f"the image file is damaged: {error}") from error
    transparent = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
    return upright.convert("RGBA" if transparent else "RGB")


def _clean_copy(image: Image) -> Image:
    """A new image made of the pixels alone: no EXIF, XMP, ICC, comments or text chunks."""
    from PIL import Image as PILImage

    return PILImage.frombytes(image.mode, image.size, image.tobytes())


def _encoded(image: Image) -> WebImage:
    buffer = io.BytesIO()
    if image.mode == "RGBA":
        image.save(buffer, format="PNG", optimize=True)
        extension = "png"
    else:
        image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
        extension = "jpg"
    return WebImage(buffer.getvalue(), image.width, image.height, extension)


def prepare_image(data: bytes, *, max_bytes: int, max_pixels: int) -> PreparedImage:
    """The web sizes of an uploaded image, or :class:`ImageRefusedError` saying why not."""
    if len(data) > max_bytes:
        raise ImageRefusedError(
            413, f"the file is {len(data):,} bytes; the limit is {max_bytes:,} bytes"
        )
    if not data:
        raise ImageRefusedError(422, "the file is empty")
    from PIL.Image import Resampling

    opened = _opened(data, max_pixels)
    uploaded_format = str(opened.format)
    pixels = _decoded(opened)
    sizes: list[WebImage] = []
    for width in WIDTHS:
        if sizes and pixels.width <= width:
            continue  # never enlarged; the smaller size only when it is smaller
        resized = pixels
        if pixels.width > width:
            height = max(1, round(pixels.height * width / pixels.width))
            resized = pixels.resize((width, height), Resampling.LANCZOS, reducing_gap=3.0)
        sizes.append(_encoded(_clean_copy(resized)))
    media_type = "image/png" if pixels.mode == "RGBA" else "image/jpeg"
    return PreparedImage(media_type, uploaded_format, tuple(sizes))

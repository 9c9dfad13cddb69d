"""Image files for tests, made with Pillow: photos with GPS EXIF, transparent drawings, bombs."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo_with_gps(width: int = 2400, height: int = 1200, orientation: int = 1) -> bytes:
    """A JPEG with a camera's metadata: GPS position, make, comment, and an orientation."""
    image = Image.new("RGB", (width, height))
    for x in range(0, width, 40):  # something to compress: stripes
        image.paste((x % 255, 120, 200), (x, 0, x + 20, height))
    exif = Image.Exif()
    exif[0x010F] = "KakehashiCam"  # Make
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update(
        {1: "N", 2: (34.0, 42.0, 39.0), 3: "E", 4: (137.0, 43.0, 35.0)}  # Hamamatsu
    )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, comment=b"taken at home")
    return buffer.getvalue()


def transparent_png(width: int = 600, height: int = 400) -> bytes:
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    image.paste((200, 30, 30, 255), (50, 50, 300, 200))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A tiny PNG whose header claims billions of pixels (what a decompression bomb does)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )

"""The podcast's cover art: a square PNG with the city's name, made once and kept.

Podcast directories refuse a feed without ``itunes:image``: a square JPEG or PNG of 1400 to
3000 pixels. The picture depends only on the city's names (and the font), so it is drawn
the first time a build needs it, kept in the data folder under a name made from those
inputs, and read from there by every later build.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from publisher.files import write_atomic

log = logging.getLogger(__name__)

SIZE = 1400
"""Pixels per side: the smallest that podcast directories accept, so the file stays small."""
_LAYOUT_VERSION = 1
"""Raise when the drawing below changes, so that the kept picture is drawn again."""
_BACKGROUND = (0, 61, 122)  # the site's link blue, darkened: white text on it is AAA contrast
_TEXT = (255, 255, 255)
_ACCENT = (255, 225, 77)

_CJK_FONTS = (
    # fonts-noto-cjk (scripts/setup.sh installs it; the browser needs it too)
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    # fonts-ipafont-gothic
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
)


@dataclass(frozen=True)
class Artwork:
    """The cover of one city: where it is kept and a key that changes with what it shows."""

    path: Path
    key: str
    city: str
    city_ja: str
    font: str | None

    def content(self) -> bytes:
        """The PNG, drawn and kept the first time, read back afterwards."""
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            pass
        data = draw(self.city, self.city_ja, self.font)
        write_atomic(self.path, data)
        return data


@functools.cache
def japanese_font() -> str | None:
    """A font file with Japanese glyphs: a known Debian path, else what fontconfig finds."""
    for candidate in _CJK_FONTS:
        if Path(candidate).is_file():
            return candidate
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    found = subprocess.run(
        [fc_match, "--format=%{file}", ":lang=ja"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return found or None


def artwork(cache_dir: Path, city: str, city_ja: str) -> Artwork:
    font = japanese_font()
    inputs = repr((_LAYOUT_VERSION, SIZE, city, city_ja, font)).encode()
    key = hashlib.blake2b(inputs, digest_size=12).hexdigest()
    return Artwork(cache_dir / f"podcast-{key}.png", key, city, city_ja, font)


def draw(city: str, city_ja: str, font_file: str | None) -> bytes:
    """The city's Japanese name large, its name in Latin letters below, on the site's blue.

    Without a Japanese font (a machine set up without ``fonts-noto-cjk``) the Japanese name
    would come out as empty boxes, so only the Latin name is drawn, and the log says why.
    """
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (SIZE, SIZE), _BACKGROUND)
    canvas = ImageDraw.Draw(image)

    def font(size: int) -> ImageFont.FreeTypeFont:
        if font_file is None:
            return ImageFont.load_default(size)  # type: ignore[return-value]
        return ImageFont.truetype(font_file, size)

    def fit(text: str, largest: int) -> ImageFont.FreeTypeFont:
        size = largest
        while size > 40 and canvas.textlength(text, font=font(size)) > SIZE * 0.84:
            size -= 8
        return font(size)

    lines: list[tuple[str, ImageFont.FreeTypeFont]] = []
    if font_file is not None and city_ja:
        lines.append((city_ja, fit(city_ja, 260)))
    else:
        log.warning("no Japanese font found: the podcast artwork shows the city's Latin name")
    if city:
        lines.append((city, fit(city, 120 if lines else 220)))
    heights = [canvas.textbbox((0, 0), text, font=face)[3] for text, face in lines]
    gap = 80
    top = (SIZE - sum(heights) - gap * (len(lines) - 1)) // 2
    for (text, face), height in zip(lines, heights, strict=True):
        canvas.text((SIZE // 2, top), text, font=face, fill=_TEXT, anchor="ma")
        top += height + gap
    band = SIZE // 14
    canvas.rectangle((0, SIZE - band, SIZE, SIZE), fill=_ACCENT)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()

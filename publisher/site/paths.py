"""Where each page of the site lives: one function per page type, all in one place.

Pages are folders (``en/bulletins/3/``) holding an ``index.html``, so that public URLs never
end in a file name. Every ``…_dir`` below returns such a folder path relative to the site
root, ending in ``/`` (the root itself is ``""``); :func:`file_of` gives the file written.
Links between pages are relative (:func:`relative`), so the site works from any base path,
from a static host, and opened from disk.
"""

from __future__ import annotations

import re

FURIGANA = "furigana/"
"""A Japanese page's furigana version is the folder ``furigana/`` inside the page's folder."""

SITEMAP_CHUNK = 100
"""Bulletins per sitemap file: each lists every language (far below the 50,000-URL limit),
and an edit rewrites only its bulletin's file."""


AUDIO_FILE = "audio.mp3"
CAPTIONS_FILE = "captions.vtt"
"""Beside each bulletin page: its audio and the captions that go with it."""

IMAGES = "images/"
"""Beside each bulletin page: the folder of its images' files."""


def file_of(folder: str) -> str:
    return folder + "index.html"


def index_dir(language: str) -> str:
    """A language's latest notices (the newest page of them)."""
    return f"{language}/"


def category_dir(language: str, category: str) -> str:
    """A category's latest notices in one language."""
    return f"{language}/categories/{category}/"


def list_dir(language: str, category: str | None) -> str:
    """The latest notices of a list: every notice of a language, or one category's."""
    return index_dir(language) if category is None else category_dir(language, category)


def archive_dir(language: str, category: str | None) -> str:
    """A list's archive: its months, each linking to the notices of that month."""
    return list_dir(language, category) + "archive/"


def month_dir(language: str, category: str | None, month: str, part: int = 1) -> str:
    """One part of a month of a list (``month`` is ``YYYY-MM``), oldest part first.

    Parts are counted from the start of the month and hold a fixed number of notices, so a
    new notice only ever adds to the last part: every other part keeps its URL and content.
    """
    base = f"{archive_dir(language, category)}{month}/"
    return base if part == 1 else f"{base}page/{part}/"


_LEGACY = re.compile(r"(?P<language>[^/]+)/(?:categories/(?P<category>[^/]+)/)?page/\d+/")


def parse_legacy_page(folder: str) -> tuple[str, str | None, bool] | None:
    """(language, category, furigana) of a list page numbered from the newest notice, the way
    lists were cut before they had archives (``en/page/3/``), or ``None``."""
    found = _LEGACY.fullmatch(plain_dir(folder))
    if found is None:
        return None
    return found["language"], found["category"], is_furigana(folder)


def month_sitemap_file(month: str) -> str:
    return f"sitemaps/archive-{month}.xml"


def bulletin_dir(language: str, bulletin_id: int) -> str:
    return f"{language}/bulletins/{bulletin_id}/"


EASY = "easy/"
"""A bulletin's easy-Japanese (やさしい日本語) page is the folder ``easy/`` inside its Japanese
page's folder: the same notice, in Japanese, rewritten simply (not another language)."""


def easy_dir(bulletin_id: int, source_language: str = "ja") -> str:
    return bulletin_dir(source_language, bulletin_id) + EASY


def accessibility_dir(language: str) -> str:
    return f"{language}/accessibility/"


def search_dir(language: str) -> str:
    return f"{language}/search/"


def editions_dir(language: str) -> str:
    """A language's talking books (the monthly editions), to download."""
    return f"{language}/editions/"


def edition_file(language: str, name: str) -> str:
    """One book beside its language's talking-books page (``2026-04-01_2026-04-30.epub``)."""
    return editions_dir(language) + name


def feed_file(language: str) -> str:
    return f"{language}/feed.xml"


def podcast_file(language: str) -> str:
    return f"{language}/podcast.xml"


def sitemap_chunk_file(chunk: int) -> str:
    return f"sitemaps/bulletins-{chunk}.xml"


PAGES_SITEMAP = "sitemaps/pages.xml"
SITEMAP_INDEX = "sitemap.xml"
ROBOTS = "robots.txt"
NOT_FOUND = "404.html"
ASSETS = "assets/"
SEARCH_DIR = "pagefind/"
SEARCH_MANIFEST = SEARCH_DIR + "bundles.json"
"""Names the search bundles to load (a stable one and a recent one) and their stale pages."""
PODCAST_ARTWORK = "assets/podcast-artwork.png"
"""The podcasts' cover (``itunes:image``), one for every language: the city's names."""


def search_bundle_dir(kind: str, generation: str) -> str:
    """One generation of a search bundle (``kind`` is ``stable`` or ``recent``)."""
    return f"{SEARCH_DIR}{kind}-{generation}/"


def furigana_dir(folder: str) -> str:
    return folder + FURIGANA


def is_furigana(folder: str) -> bool:
    return folder.endswith("/" + FURIGANA)


def plain_dir(folder: str) -> str:
    """The page a furigana version belongs to (the folder itself if it is not one)."""
    return folder.removesuffix(FURIGANA) if is_furigana(folder) else folder


def depth(folder: str) -> int:
    return folder.count("/")


def up(folder: str) -> str:
    """The relative path from ``folder`` back to the site root (``""`` at the root)."""
    return "../" * depth(folder)


def relative(here: str, target: str) -> str:
    """A link from the page in folder ``here`` to ``target`` (a folder or a file path).

    Links climb to the root and back down: longer than the shortest path, but the same for
    every page at one depth, so shared navigation is computed once per depth.
    """
    link = up(here) + target
    return link or "./"


def emergency_dir(language: str, emergency_id: int) -> str:
    """An emergency notice's page in one language (its current version)."""
    return f"{language}/emergencies/{emergency_id}/"


ALERTS_DIR = "alerts/"
"""The CAP 1.2 feed: one file per emergency version, and an index feed of the active ones."""


def alert_file(emergency_id: int, version: int) -> str:
    return f"{ALERTS_DIR}{emergency_id}-{version}.xml"


ALERTS_INDEX = f"{ALERTS_DIR}index.xml"

"""Static search: a Pagefind index of every bulletin page, one index per language.

Pagefind's extended binary (``pagefind[extended]``) splits Japanese and Chinese into words;
it indexes the text inside ``data-pagefind-body`` (the article) and files each page under
its ``<html lang>``, so each language's search page searches that language. The index is
made in a temporary folder and handed to the site writer as files to place, so the writer
stays the only code that writes the site. Most of a Pagefind bundle is named by content
hash; :func:`bundle_changes` therefore places only new files and the few fixed-name files
that changed, ``pagefind-entry.json`` (which names the rest) last.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from publisher.site import paths
from publisher.site.writer import LinkedFile, SiteFile

PAGES_GLOB = "*/bulletins/*/index.html"
ENTRY = "pagefind-entry.json"
_UNUSED = ("pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.")
"""Pagefind's own search widgets: the site uses its small script on Pagefind's JS API."""


class SearchIndexError(RuntimeError):
    pass


def pagefind_binary() -> Path:
    """The bundled extended binary (it segments Japanese; the plain one does not)."""
    from pagefind_bin_extended import get_executable

    return Path(get_executable())


def make_index(site: Path, bundle: Path) -> Path:
    """Index the bulletin pages under ``site`` into the new folder ``bundle``."""
    result = subprocess.run(
        [
            str(pagefind_binary()),
            "--site",
            str(site),
            "--glob",
            PAGES_GLOB,
            "--output-path",
            str(bundle),
            "--silent",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not (bundle / ENTRY).is_file():
        raise SearchIndexError(f"pagefind failed: {result.stderr.strip() or result.stdout}")
    return bundle


def bundle_changes(bundle: Path, current: Path | None) -> list[tuple[str, SiteFile]]:
    """Files to place so the site's bundle becomes ``bundle``; the entry file comes last.

    ``current`` is the bundle folder of the site being updated (``None`` for a new site).
    """
    changes: list[tuple[str, SiteFile]] = []
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.name == ENTRY or path.name.startswith(_UNUSED):
            continue
        relative = path.relative_to(bundle).as_posix()
        existing = current / relative if current is not None else None
        if existing is not None and existing.is_file():
            hashed = path.parent != bundle or path.suffix == ".pf_meta"
            if hashed or existing.read_bytes() == path.read_bytes():
                continue
        changes.append((paths.SEARCH_DIR + relative, LinkedFile(path)))
    changes.append((paths.SEARCH_DIR + ENTRY, LinkedFile(bundle / ENTRY)))
    return changes

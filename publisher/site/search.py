"""Static search in two Pagefind bundles: a large stable one and a small recent one.

Pagefind's extended binary (``pagefind[extended]``) splits Japanese, Chinese and Thai into
words; it indexes the text inside ``data-pagefind-body`` (the article) and files each page
under its ``<html lang>``, so each language's search page searches that language.

Indexing every page again after each publish took 15–27 s at 2,000 bulletins × 10 languages,
so a new notice was missing from search for that long. Instead the site has:

* a **stable** bundle (``pagefind/stable-<generation>/``) of every bulletin page as it was
  when the bundle was made: by a full build, or by the fold (``search_fold``), a background
  job at the lowest CPU priority that indexes the whole site without holding the site lock;
* a **recent** bundle (``pagefind/recent-<generation>/``) of the pages of every bulletin whose
  version is not the one in the stable bundle (new or edited since), remade by every build
  that changes pages, through a Pagefind service kept running in the process (its word
  dictionaries load once, ~3 s; an index of a few pages then takes under a second);
* a **manifest** (``pagefind/bundles.json``), written last, naming both bundles and the
  languages each has, and the pages not to return (``skip``, Pagefind page ids).

Stale hits are filtered, not rebuilt: the stable bundle keeps a retracted or edited
bulletin's old pages until the next fold, and the manifest lists their page ids, which the
search script drops from the results before showing or counting them (an edited bulletin's
new version is in the recent bundle). Right after a fold, a bulletin may be in both bundles
in the same version; its recent copy is skipped then. A page that did not change while its
bulletin did has the same id in both bundles: it is never skipped, and the script shows
each id once. The search page therefore loads at
most two bundles, the stable one and the small recent one, merged with ``mergeIndex``.

Bundles are files the site writer places (a generation is never changed once placed, so a
reader mid-search keeps a consistent bundle; the one before the current is kept for them).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from publisher.site import paths
from publisher.site.writer import LinkedFile, SiteFile

PAGES_GLOB = "*/bulletins/*/index.html"
ENTRY = "pagefind-entry.json"
STABLE = "stable"
RECENT = "recent"
_UNUSED = ("pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.")
"""Pagefind's own search widgets: the site uses its small script on Pagefind's JS API."""
_PAGE_URL = re.compile(rb'^pagefind_dcd\{"url":"[^"]*/bulletins/(\d+)/"')


class SearchIndexError(RuntimeError):
    pass


@dataclass
class Bundle:
    """One placed bundle: its generation, and per bulletin the version and page ids in it."""

    generation: str = ""
    digests: dict[int, str] = field(default_factory=dict)
    pages: dict[int, list[str]] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)

    def plain(self) -> tuple[Any, ...]:
        return (self.generation, self.digests, self.pages, self.languages)

    @classmethod
    def from_plain(cls, plain: tuple[Any, ...]) -> Bundle:
        generation, digests, pages, languages = plain
        return cls(generation, dict(digests), dict(pages), list(languages))


@dataclass
class SearchState:
    """The bundles the site's manifest names (kept in the build state)."""

    stable: Bundle = field(default_factory=Bundle)
    recent: Bundle = field(default_factory=Bundle)

    def plain(self) -> tuple[Any, ...]:
        return (self.stable.plain(), self.recent.plain())

    @classmethod
    def from_plain(cls, plain: tuple[Any, ...]) -> SearchState:
        return cls(Bundle.from_plain(plain[0]), Bundle.from_plain(plain[1]))

    def outdated(self, current: Mapping[int, str]) -> dict[int, str]:
        """Bulletins (and their current digest) whose version the stable bundle lacks."""
        stable = self.stable.digests
        return {
            bulletin_id: digest
            for bulletin_id, digest in current.items()
            if stable.get(bulletin_id) != digest
        }


def new_generation() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")


def bundle_dir(kind: str, generation: str) -> str:
    return paths.search_bundle_dir(kind, generation)


def pagefind_binary() -> Path:
    """The bundled extended binary (it segments Japanese; the plain one does not)."""
    from pagefind_bin_extended import get_executable

    return Path(get_executable())


def make_index(site: Path, bundle: Path, *, nice: int = 0) -> Path:
    """Index the bulletin pages under ``site`` into the new folder ``bundle`` (one process)."""
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
        preexec_fn=(lambda: os.nice(nice)) if nice else None,
    )
    if result.returncode != 0 or not (bundle / ENTRY).is_file():
        raise SearchIndexError(f"pagefind failed: {result.stderr.strip() or result.stdout}")
    return bundle


def read_bundle(bundle: Path, generation: str, digests: Mapping[int, str]) -> Bundle:
    """What a freshly made bundle holds: its languages and each bulletin's page ids.

    A page id is the name of its fragment file, which is what Pagefind's search returns as
    a result's ``id``; the bulletin comes from the fragment's URL (the start of its text).
    """
    entry = json.loads((bundle / ENTRY).read_text("utf-8"))
    pages: dict[int, list[str]] = {}
    for fragment in sorted((bundle / "fragment").glob("*.pf_fragment")):
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(fragment.read_bytes(), 256)
        found = _PAGE_URL.match(head)
        if found is not None:
            pages.setdefault(int(found[1]), []).append(fragment.name.removesuffix(".pf_fragment"))
    kept = {bulletin_id: digests[bulletin_id] for bulletin_id in pages if bulletin_id in digests}
    return Bundle(generation, kept, pages, sorted(entry["languages"]))


def drop_widgets(bundle: Path) -> None:
    """Remove Pagefind's own search widgets from a bundle the site will hold as it is."""
    for path in bundle.iterdir():
        if path.name.startswith(_UNUSED):
            path.unlink()


def bundle_files(bundle: Path, folder: str) -> list[tuple[str, SiteFile]]:
    """The bundle's files to place under the site folder ``folder``, the entry file last."""
    files: list[tuple[str, SiteFile]] = [
        (folder + path.relative_to(bundle).as_posix(), LinkedFile(path))
        for path in sorted(bundle.rglob("*"))
        if path.is_file() and path.name != ENTRY and not path.name.startswith(_UNUSED)
    ]
    files.append((folder + ENTRY, LinkedFile(bundle / ENTRY)))
    return files


def manifest(state: SearchState, current: Mapping[int, str]) -> bytes:
    """``bundles.json``: the bundles to load, and the page ids to leave out of the results.

    A stable page is left out when its bulletin is gone or has another version now; a
    recent page when its bulletin is gone or changed since (the next build replaces it) or
    the stable bundle has the same version. A page id that is also a page still to show
    (an unchanged page of a bulletin whose other pages changed has the same id in both
    bundles) is never left out: the search script shows each id once.
    """
    stable, recent = state.stable, state.recent
    bundles: list[dict[str, Any]] = []
    show: set[str] = set()
    hide: set[str] = set()
    for kind, bundle, other in ((STABLE, stable, recent), (RECENT, recent, stable)):
        if not bundle.generation:
            continue
        for bulletin_id, digest in bundle.digests.items():
            pages = bundle.pages.get(bulletin_id, ())
            wanted = current.get(bulletin_id) == digest
            if kind == RECENT and other.digests.get(bulletin_id) == digest:
                wanted = False
            (show if wanted else hide).update(pages)
        bundles.append(
            {
                "path": bundle_dir(kind, bundle.generation).removeprefix(paths.SEARCH_DIR),
                "languages": bundle.languages,
            }
        )
    body = {"bundles": bundles, "skip": sorted(hide - show)}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def placed_generations(build: Path) -> dict[str, list[str]]:
    """Generations of each kind of bundle in a build, oldest first."""
    found: dict[str, list[str]] = {STABLE: [], RECENT: []}
    folder = build / paths.SEARCH_DIR
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            kind, _, generation = path.name.partition("-")
            if path.is_dir() and kind in found:
                found[kind].append(generation)
    return found


def retired_generations(build: Path, kind: str, keep: set[str]) -> list[str]:
    """Folders of bundles of ``kind`` in ``build`` to remove: all but ``keep``."""
    return [
        bundle_dir(kind, generation)
        for generation in placed_generations(build)[kind]
        if generation not in keep
    ]

"""The list pages the site had before lists were cut into months, found once and kept.

Lists used to be numbered from the newest notice (``en/page/3/``), so every notice moved every
page. Those URLs may be bookmarked or indexed: the first build that cuts lists into months
records which of them the live site had, and every build from then on puts a page at each one
that sends readers to the list's archive (see ``SitePlan.legacy_pages``). The record is kept
beside the builds, not in the build state, because a full build (which the change of layout
forces) starts from no state.
"""

from __future__ import annotations

import json
from pathlib import Path

from publisher.files import write_atomic
from publisher.site import paths
from publisher.site.writer import builds_dir, current_build


def record_path(site_dir: Path) -> Path:
    return builds_dir(site_dir) / "legacy-pages.json"


def _found(build: Path) -> list[str]:
    """Numbered list folders of a build (and their furigana versions), by listing folders."""
    found: list[str] = []
    for language in sorted(path for path in build.iterdir() if path.is_dir()):
        lists = [language, *sorted((language / "categories").glob("*"))]
        for folder in lists:
            for page in sorted((folder / "page").glob("*")):
                if not (page / "index.html").is_file():
                    continue
                relative = page.relative_to(build).as_posix() + "/"
                if paths.parse_legacy_page(relative) is None:
                    continue
                found.append(relative)
                if (page / paths.FURIGANA / "index.html").is_file():
                    found.append(paths.furigana_dir(relative))
    return found


def legacy_folders(site_dir: Path) -> tuple[str, ...]:
    """The recorded folders; recorded from the live build the first time (call it locked)."""
    record = record_path(site_dir)
    if record.is_file():
        return tuple(json.loads(record.read_text("utf-8")))
    build = current_build(site_dir)
    found = _found(build) if build is not None else []
    record.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(record, json.dumps(found).encode())
    return tuple(found)

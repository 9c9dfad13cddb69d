"""What the current build contains, kept beside it so the next build can change only that.

The state records, for the build folder the site points to: the fingerprint of everything
that shapes every page (templates, site code, UI strings, settings, furigana readings), each
bulletin's database stamp, digest, summary and files, and the key of every other file.
It is written next to the builds (never inside the public folder), atomically, and read
back only if its fingerprint still matches; anything unexpected means "build in full".
The summaries, most of its size, are in files of a hundred bulletins each, named by their
content, so that saving after an edit writes one small file and the state file.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import marshal
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from publisher.files import write_atomic
from publisher.settings import Settings
from publisher.site.content import BulletinSummary, EntrySummary, Stamp
from publisher.site.search import SearchState
from publisher.site.writer import builds_dir

STATE_VERSION = 7
_CODE = Path(__file__).resolve().parents[2]
_FINGERPRINTED = ("site_templates", "publisher/site", "translations", "locales")
_FINGERPRINTED_FILES = ("publisher/documents.py",)
_DISTRIBUTIONS = ("sudachidict-core", "sudachipy", "pagefind", "jinja2", "nh3")


@dataclass
class BuildState:
    build: str
    fingerprint: str
    stamps: dict[int, Stamp] = field(default_factory=dict)
    summaries: dict[int, BulletinSummary] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)
    search_stale: bool = False
    """Pages changed in a build that skipped the search index: the next one must remake it."""
    search: SearchState = field(default_factory=SearchState)
    """The search bundles the site's manifest names (see ``search``)."""


def _plain(summary: BulletinSummary) -> tuple[Any, ...]:
    """A summary as built-in values only, which ``marshal`` writes and reads back fast."""
    return (
        summary.id,
        summary.category,
        summary.published_at.timestamp(),
        summary.updated_at.timestamp(),
        summary.digest,
        {language: _plain_entry(entry) for language, entry in summary.entries.items()},
        _plain_entry(summary.easy) if summary.easy is not None else None,
        summary.images,
    )


def _plain_entry(entry: EntrySummary) -> tuple[Any, ...]:
    return (
        entry.title,
        entry.lead,
        entry.machine_translated,
        entry.audio_size,
        entry.audio_seconds,
        entry.captions,
    )


def _summary(plain: tuple[Any, ...]) -> BulletinSummary:
    bulletin_id, category, published, updated, digest, entries, easy, images = plain
    return BulletinSummary(
        bulletin_id,
        category,
        datetime.fromtimestamp(published, UTC),
        datetime.fromtimestamp(updated, UTC),
        digest,
        {language: EntrySummary(*values) for language, values in entries.items()},
        EntrySummary(*easy) if easy is not None else None,
        tuple(images),
    )


def state_path(site_dir: Path) -> Path:
    return builds_dir(site_dir) / "state.marshal"


def fingerprint(settings: Settings, readings: dict[str, str]) -> str:
    """Changes whenever anything that shapes every page changes: then a build is full."""
    digest = hashlib.blake2b(digest_size=16)
    files = [
        path
        for folder in _FINGERPRINTED
        for path in sorted((_CODE / folder).rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    ]
    files += [_CODE / name for name in _FINGERPRINTED_FILES]
    for path in files:
        digest.update(str(path.relative_to(_CODE)).encode())
        digest.update(path.read_bytes())
    digest.update(_versions().encode())
    shown = settings.model_dump(
        include={
            "base_url",
            "city_name",
            "city_name_ja",
            "source_language",
            "target_languages",
            "site_page_size",
        }
    )
    digest.update(repr((STATE_VERSION, sorted(shown.items()), sorted(readings.items()))).encode())
    return digest.hexdigest()


@functools.cache
def _versions() -> str:
    """Versions of the libraries that shape pages (looked up once per process: it is slow)."""
    found = []
    for name in _DISTRIBUTIONS:
        try:
            found.append(f"{name}={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}=none")
    return " ".join(found)


_remembered: dict[Path, tuple[tuple[int, ...], BuildState]] = {}
"""The state this process last saved or read, by file: a long-running worker skips reading
it back while the file is the one it wrote (same inode, time and size)."""


def _signature(path: Path) -> tuple[int, ...]:
    found = path.stat()
    return (found.st_ino, found.st_mtime_ns, found.st_size)


def shards_dir(site_dir: Path) -> Path:
    """Where the summaries are kept, in files named by their content (see :func:`save_state`)."""
    return builds_dir(site_dir) / "state-summaries"


def load_state(site_dir: Path, expected_fingerprint: str) -> BuildState | None:
    """The saved state if it describes the current build with the same fingerprint."""
    path = state_path(site_dir)
    try:
        signature = _signature(path)
        remembered = _remembered.get(path)
        if remembered is not None and remembered[0] == signature:
            state = remembered[1]
            return state if state.fingerprint == expected_fingerprint else None
        header, payload = marshal.loads(path.read_bytes())
        version, saved_fingerprint, build = header
        if tuple(version) != _format() or saved_fingerprint != expected_fingerprint:
            return None
        stamps, shard_names, keys, search_stale, search = marshal.loads(payload)
        summaries: dict[int, BulletinSummary] = {}
        folder = shards_dir(site_dir)
        for name in shard_names:
            members = [_summary(plain) for plain in marshal.loads((folder / name).read_bytes())]
            summaries.update((summary.id, summary) for summary in members)
            _shard_files[_members(members)] = name
        state = BuildState(
            build,
            saved_fingerprint,
            stamps,
            summaries,
            keys,
            search_stale,
            SearchState.from_plain(search),
        )
    except Exception:  # a missing, truncated or foreign file: build in full
        return None
    _remembered[path] = (signature, state)
    return state


SUMMARY_SHARD = 100
"""Bulletins per summaries file, by id: an edit rewrites one file of this many summaries."""

_shard_files: dict[tuple[tuple[int, str], ...], str] = {}
"""Summaries files already on disk, by the ids and digests they hold."""


def _members(summaries: list[BulletinSummary]) -> tuple[tuple[int, str], ...]:
    return tuple((summary.id, summary.digest) for summary in summaries)


def _save_shards(folder: Path, summaries: dict[int, BulletinSummary]) -> list[str]:
    """Each shard of summaries written once per content, under a name made from it.

    A worker saves the state after every publish, and all but one or two summaries are the
    same as last time: rewriting all of them (megabytes) was most of a small build's save.
    Files are never changed in place, so the state file written after them is a consistent
    snapshot whatever happens in between.
    """
    shards: dict[int, list[BulletinSummary]] = {}
    for bulletin_id in sorted(summaries):
        shards.setdefault(bulletin_id // SUMMARY_SHARD, []).append(summaries[bulletin_id])
    names: list[str] = []
    for members in shards.values():
        key = _members(members)
        name = _shard_files.get(key)
        if name is None or not (folder / name).is_file():
            data = marshal.dumps([_plain(summary) for summary in members])
            name = f"summaries-{hashlib.blake2b(data, digest_size=16).hexdigest()}.marshal"
            write_atomic(folder / name, data, durable=False)
            _shard_files[key] = name
        names.append(name)
    if len(_shard_files) > 2 * len(names) + 64:  # forget outdated shards
        kept = set(names)
        for key in [key for key, name in _shard_files.items() if name not in kept]:
            del _shard_files[key]
    return names


def _format() -> tuple[int, ...]:
    """The state's layout and ``marshal``'s, which may change with the Python version."""
    return (STATE_VERSION, marshal.version, *sys.version_info[:2])


def save_state(site_dir: Path, state: BuildState) -> None:
    """Write the state: new summaries files first, then the file naming them, then cleanup.

    Call with the build lock held: the files the previous state named are deleted here.
    """
    folder = shards_dir(site_dir)
    names = _save_shards(folder, state.summaries)
    header = (_format(), state.fingerprint, state.build)
    payload = marshal.dumps(
        (state.stamps, names, state.keys, state.search_stale, state.search.plain())
    )
    path = state_path(site_dir)
    # Not synced to disk: right after a full build that would wait for tens of thousands of
    # file writes. After a crash the state is the last one synced or none, so the next
    # build renders more, never less, than it needs.
    write_atomic(path, marshal.dumps((header, payload)), durable=False)
    _remembered[path] = (_signature(path), state)
    named = set(names)
    for stale in folder.iterdir() if folder.is_dir() else ():
        if stale.name not in named:
            stale.unlink(missing_ok=True)

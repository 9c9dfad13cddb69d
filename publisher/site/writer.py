"""The only code that touches the public site folder.

Two ways to change the site, both all-or-nothing for a reader:

* :func:`new_build` (and :func:`write_full` on top of it) writes a complete build into a
  fresh folder under ``<site>.builds/``, then switches the site path (a symbolic link) to it
  with one atomic ``rename``. A reader sees the old site or the new one, never a mix; a build
  that fails leaves the old untouched.
* :func:`update_in_place` changes a few files of the current build: each file is written
  beside its target and moved over it with ``os.replace`` (atomic), in an order where a page
  is in place before any page that links to it, and files are removed only at the end, after
  nothing links to them. Every replaced or removed file is first hard-linked into a journal,
  so a failure part-way puts every file back as it was, byte for byte.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

KEEP_BUILDS = 3
_TEMPORARY = ".kakehashi-tmp"
_LINK_TEMPORARY = ".kakehashi-link"
EMERGENCY_FOLDERS = ("alerts", "emergencies")
"""Folders kept beside the builds (``<site>.emergency/``) and linked into every build:
emergency notices are written there in seconds, never waiting for a build."""


@dataclass(frozen=True)
class LinkedFile:
    """A file copied into the site from elsewhere (audio), hard-linked when possible."""

    source: Path


SiteFile = bytes | LinkedFile


class SiteWriteError(Exception):
    pass


def _safe_relative(path: str) -> str:
    relative = PurePosixPath(path)
    if (
        relative.is_absolute()
        or ".." in relative.parts
        or not relative.parts
        or path.endswith("/")
        or relative.name.endswith(_TEMPORARY)
    ):
        raise SiteWriteError(f"refusing to write outside the site folder: {path!r}")
    return path


def _place(source: Path, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _linked_already(target: Path, source: Path) -> bool:
    """``target`` is already a hard link to ``source`` (an unchanged audio or image file)."""
    try:
        return target.samefile(source)
    except OSError:
        return False


_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)


def _write(target: str, content: SiteFile) -> None:
    """One file; plain ``os`` calls, as this runs tens of thousands of times per full build."""
    if isinstance(content, LinkedFile):
        _place(content.source, target)
        return
    handle = os.open(target, _FLAGS, 0o644)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)


def builds_dir(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + ".builds")


def emergency_root(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + ".emergency")


def shared_folders(root: Path) -> list[str]:
    """The site paths of the emergency folder: ``alerts`` and ``<lang>/emergencies``."""
    if not root.is_dir():
        return []
    found = []
    for child in sorted(root.iterdir()):
        if child.name == EMERGENCY_FOLDERS[0] and child.is_dir():
            found.append(child.name)
        elif (child / EMERGENCY_FOLDERS[1]).is_dir():
            found.append(f"{child.name}/{EMERGENCY_FOLDERS[1]}")
    return found


def link_into(build: Path, site_dir: Path) -> None:
    """Link a build's emergency folders to the shared ones (relative links, made atomically).

    Called for a build before it is switched in, and for the current build whenever the
    emergency folder gains a folder; a build that has the link already is left as it is.
    """
    root = emergency_root(site_dir)
    for name in shared_folders(root):
        link = build / name
        if link.is_symlink():
            continue
        if link.exists():  # a folder a build wrote there itself: leave the build alone
            continue
        link.parent.mkdir(parents=True, exist_ok=True)
        target = os.path.relpath(root / name, link.parent)
        temporary = link.with_name(link.name + _LINK_TEMPORARY)
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(target, target_is_directory=True)
        temporary.replace(link)


def current_build(site_dir: Path) -> Path | None:
    """The build folder the site link points to, if the site is one Kakehashi manages."""
    if not site_dir.is_symlink():
        return None
    target = site_dir.resolve()
    if target.parent != builds_dir(site_dir).resolve() or not target.is_dir():
        return None
    return target


def unfinished_updates(site_dir: Path) -> list[Path]:
    """Journals left by an update that was killed part-way (the next build must be full)."""
    builds = builds_dir(site_dir)
    if not builds.is_dir():
        return []
    return sorted(path for path in builds.iterdir() if path.name.startswith(".journal-"))


@dataclass(frozen=True)
class NewBuild:
    """A build being written: files go into ``staging``; it becomes ``folder`` when done."""

    staging: Path
    folder: Path


@contextmanager
def new_build(site_dir: Path) -> Iterator[NewBuild]:
    """A fresh build folder to fill, switched in atomically when the block ends without error.

    On any error the half-written folder is removed and the site stays as it was. Several
    processes may fill the staging folder (each with its own :class:`BuildFolder`), as long
    as they are all done when the block ends.
    """
    builds = builds_dir(site_dir)
    builds.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    folder = builds / f"build-{stamp}-{os.getpid()}"
    build = NewBuild(builds / f".staging-{folder.name}", folder)
    try:
        build.staging.mkdir()
        yield build
        link_into(build.staging, site_dir)
        build.staging.rename(folder)
    except BaseException:
        shutil.rmtree(build.staging, ignore_errors=True)
        raise
    _switch(site_dir, folder)
    for journal in unfinished_updates(site_dir):
        shutil.rmtree(journal, ignore_errors=True)


def write_full(
    site_dir: Path,
    files: Iterable[tuple[str, SiteFile]],
    *,
    before_switch: Callable[[Path], Iterable[tuple[str, SiteFile]]] | None = None,
) -> Path:
    """Write every file into a new build folder, then switch ``site_dir`` to it atomically.

    ``files`` may be a generator that renders as it goes (nothing is held in memory).
    ``before_switch`` reads the finished folder before anyone can see it and returns more
    files to write into it (the search index, made from the pages). Returns the new build.
    """
    with new_build(site_dir) as build:
        folder = BuildFolder(build.staging)
        for name, content in files:
            folder.put(name, content)
        if before_switch is not None:
            for name, content in before_switch(build.staging):
                folder.put(name, content)
    return build.folder


class BuildFolder:
    """Writes files into a build folder that nobody reads yet, refusing escapes and a path
    written twice (by this writer; writers in other processes are given other paths).

    Measured here, a writer thread did not make full builds faster: file system calls hand
    the GIL back and forth with the rendering thread, so the two did not overlap. Separate
    processes, each rendering and writing its own pages, do.
    """

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.written: dict[str, None] = {}
        """Paths written, in order."""
        self.made: set[str] = {""}

    def put(self, name: str, content: SiteFile) -> None:
        _safe_relative(name)
        if name in self.written:
            raise SiteWriteError(f"two files for one path: {name!r}")
        self.written[name] = None
        parent = name.rpartition("/")[0]
        if parent not in self.made:
            self._make(parent)
        _write(f"{self.root}/{name}", content)

    def _make(self, folder: str) -> None:
        """A folder of the build (one ``mkdir`` when its parent is known to exist)."""
        above = folder.rpartition("/")[0]
        if above not in self.made:
            self._make(above)
        with contextlib.suppress(FileExistsError):  # another process made it first
            os.mkdir(f"{self.root}/{folder}")  # noqa: PTH102  (hot path: tens of thousands)
        self.made.add(folder)


def write_site(site_dir: Path, files: Mapping[str, SiteFile]) -> Path:
    """:func:`write_full` for a mapping of path to content, then old builds deleted."""
    build = write_full(site_dir, files.items())
    retire_builds(site_dir)
    empty_retired(site_dir)
    return build


@dataclass
class _Journal:
    """What an in-place update did, so that it can be undone in reverse order."""

    folder: Path
    steps: list[tuple[str, Path, Path | None]] = field(default_factory=list)
    made: list[Path] = field(default_factory=list)

    def keep(self, target: Path) -> Path:
        backup = self.folder / str(len(self.steps))
        backup.hardlink_to(target)
        return backup

    def undo(self) -> None:
        for action, target, backup in reversed(self.steps):
            with contextlib.suppress(FileNotFoundError):
                if action == "added":
                    target.unlink()
                elif action == "moved":  # a folder moved in or out: moved back
                    assert backup is not None
                    target.rename(backup)
                else:
                    assert backup is not None
                    target.parent.mkdir(parents=True, exist_ok=True)
                    backup.replace(target)
        for folder in reversed(self.made):
            with contextlib.suppress(OSError):
                folder.rmdir()


def update_in_place(
    site_dir: Path,
    changes: Iterable[tuple[str, SiteFile]],
    removals: Iterable[str],
    *,
    before_removals: Callable[[Path], Iterable[tuple[str, SiteFile]]] | None = None,
    folders_in: Iterable[tuple[str, Path]] = (),
    folders_out: Iterable[str] = (),
) -> Path:
    """Write ``changes`` (in the order given) into the current build, then delete ``removals``.

    Nothing is visible half-written (``os.replace``); on any failure every file is restored.
    ``before_removals`` reads the updated build and returns more files to write before the
    deletions (the search index, so that it never lists a page that is already gone).
    ``folders_in`` are complete folders (on the same file system, named by the site path they
    go to) moved in first, one ``rename`` each whatever they hold; ``folders_out`` are moved
    out last, as retired builds are, and deleted later by :func:`empty_retired`.
    """
    build = current_build(site_dir)
    if build is None:
        raise SiteWriteError(f"{site_dir} is not a build made by Kakehashi; write it in full")
    journal = _Journal(builds_dir(site_dir) / f".journal-{build.name}")
    journal.folder.mkdir()  # fails if an earlier update was interrupted: build in full then
    removed = [_safe_relative(name) for name in removals]
    temporary: Path | None = None

    def write_all(items: Iterable[tuple[str, SiteFile]]) -> None:
        nonlocal temporary
        for name, content in items:
            target = build / _safe_relative(name)
            if not target.parent.is_dir():
                missing = [
                    folder
                    for folder in (target.parent, *target.parent.parents)
                    if folder.is_relative_to(build) and not folder.is_dir()
                ]
                target.parent.mkdir(parents=True)
                journal.made.extend(reversed(missing))
            if isinstance(content, LinkedFile) and _linked_already(target, content.source):
                continue  # renaming a link over itself would do nothing and leave the temporary
            temporary = target.with_name(f"{target.name}.{_TEMPORARY}")
            _write(str(temporary), content)
            if target.exists() or target.is_symlink():
                journal.steps.append(("replaced", target, journal.keep(target)))
            else:
                journal.steps.append(("added", target, None))
            temporary.replace(target)
            temporary = None

    moved_out: list[tuple[Path, Path]] = []
    try:
        for name, source in folders_in:
            target = build / _safe_relative(name.rstrip("/"))
            if not target.parent.is_dir():
                target.parent.mkdir(parents=True)
                journal.made.append(target.parent)
            source.rename(target)  # refuses to replace a folder that is there
            journal.steps.append(("moved", target, source))
        write_all(changes)
        if before_removals is not None:
            write_all(before_removals(build))
        for name in removed:
            target = build / name
            if not (target.exists() or target.is_symlink()):
                continue
            journal.steps.append(("removed", target, journal.keep(target)))
            target.unlink()
        for name in folders_out:
            target = build / _safe_relative(name.rstrip("/"))
            if target.is_dir():
                aside = journal.folder / f"folder-{len(journal.steps)}"
                target.rename(aside)
                journal.steps.append(("moved", aside, target))
                moved_out.append((aside, target))
    except BaseException:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        journal.undo()
        shutil.rmtree(journal.folder, ignore_errors=True)
        raise
    _remove_empty_folders(build, removed)
    for aside, target in moved_out:
        aside.rename(builds_dir(site_dir) / f"{_RETIRED}{build.name}-{target.name}")
    shutil.rmtree(journal.folder, ignore_errors=True)
    return build


def _remove_empty_folders(build: Path, removed: Iterable[str]) -> None:
    """Folders left empty by removed pages (a retracted bulletin's folder) go too."""
    folders = {(build / name).parent for name in removed}
    for start in sorted(folders, key=lambda folder: len(folder.parts), reverse=True):
        for folder in (start, *start.parents):
            if folder == build or not folder.is_relative_to(build):
                break
            try:
                folder.rmdir()
            except OSError:
                break


def _switch(site_dir: Path, build: Path) -> None:
    """Point ``site_dir`` at ``build`` with a single rename (atomic on POSIX)."""
    if site_dir.exists() and not site_dir.is_symlink():
        # A plain folder left from before Kakehashi managed it: keep it as an old build.
        site_dir.rename(builds_dir(site_dir) / f"previous-{datetime.now(UTC):%Y%m%dT%H%M%S}")
    temporary_link = site_dir.with_name(f".{site_dir.name}.{os.getpid()}.link")
    temporary_link.unlink(missing_ok=True)
    temporary_link.symlink_to(os.path.relpath(build, site_dir.parent), target_is_directory=True)
    temporary_link.replace(site_dir)


_RETIRED = ".retired-"
_LEFTOVERS = (".staging-", ".scratch-")


def retire_builds(site_dir: Path) -> int:
    """Move old builds aside, one ``rename`` each; returns how many. :func:`empty_retired`
    deletes them later, which is slow (tens of thousands of files per build).

    A few builds are kept so that a reader mid-download is not cut off. Call this with the
    build lock held: no build is being written then, so a staging or scratch folder found
    here was left by a build that was killed, and it is retired too.
    """
    keep = current_build(site_dir)
    builds = builds_dir(site_dir)
    if keep is None or not builds.is_dir():
        return 0
    folders = [path for path in builds.iterdir() if path.is_dir()]
    finished = sorted(
        (path for path in folders if not path.name.startswith(".")),
        key=lambda path: path.stat().st_mtime,
    )
    old = [path for path in finished[:-KEEP_BUILDS] if path != keep]
    old += [path for path in folders if path.name.startswith(_LEFTOVERS)]
    for path in old:
        path.rename(builds / f"{_RETIRED}{path.name}")
    return len(old)


def empty_retired(site_dir: Path) -> None:
    """Delete retired builds. Nothing links to them, so this needs no lock."""
    builds = builds_dir(site_dir)
    if not builds.is_dir():
        return
    for path in builds.iterdir():
        if path.name.startswith(_RETIRED):
            shutil.rmtree(path, ignore_errors=True)

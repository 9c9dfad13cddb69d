"""The only code that touches the public site folder.

A build is written completely into a fresh folder under ``<site>.builds/``; then the site path
(a symbolic link) is switched to it with one atomic ``rename``. A reader therefore sees the old
site or the new one, never a mix, and a build that fails leaves the old site untouched.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

KEEP_BUILDS = 3


@dataclass(frozen=True)
class LinkedFile:
    """A file copied into the site from elsewhere (audio), hard-linked when possible."""

    source: Path


SiteFile = bytes | LinkedFile


class SiteWriteError(Exception):
    pass


def _safe_relative(path: str) -> PurePosixPath:
    relative = PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise SiteWriteError(f"refusing to write outside the site folder: {path!r}")
    return relative


def _place(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def builds_dir(site_dir: Path) -> Path:
    return site_dir.with_name(site_dir.name + ".builds")


def write_site(site_dir: Path, files: Mapping[str, SiteFile]) -> Path:
    """Write every file into a new build folder, then switch ``site_dir`` to it atomically."""
    builds = builds_dir(site_dir)
    builds.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    build = builds / f"build-{stamp}-{os.getpid()}"
    staging = builds / f".staging-{build.name}"
    try:
        staging.mkdir()
        for name, content in files.items():
            target = staging / _safe_relative(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, LinkedFile):
                _place(content.source, target)
            else:
                target.write_bytes(content)
        staging.rename(build)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _switch(site_dir, build)
    _prune(builds, keep=build)
    return build


def _switch(site_dir: Path, build: Path) -> None:
    """Point ``site_dir`` at ``build`` with a single rename (atomic on POSIX)."""
    if site_dir.exists() and not site_dir.is_symlink():
        # A plain folder left from before Kakehashi managed it: keep it as an old build.
        site_dir.rename(builds_dir(site_dir) / f"previous-{datetime.now(UTC):%Y%m%dT%H%M%S}")
    temporary_link = site_dir.with_name(f".{site_dir.name}.{os.getpid()}.link")
    temporary_link.unlink(missing_ok=True)
    temporary_link.symlink_to(os.path.relpath(build, site_dir.parent), target_is_directory=True)
    temporary_link.replace(site_dir)


def _prune(builds: Path, keep: Path) -> None:
    """Remove old builds, keeping a few so that a reader mid-download is not cut off."""
    old = sorted(
        (path for path in builds.iterdir() if path.is_dir() and not path.name.startswith(".")),
        key=lambda path: path.stat().st_mtime,
    )
    for path in old[:-KEEP_BUILDS]:
        if path != keep:
            shutil.rmtree(path, ignore_errors=True)

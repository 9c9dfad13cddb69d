"""Consistent online backups of the database and the media, and restoring them.

The SQLite backup API copies a consistent snapshot while the server keeps running; media files
are only ever replaced atomically, so copying them after the database is safe (a newer file is
harmless, a missing one would be rebuilt by re-publishing). A manifest with checksums lets
``restore`` refuse a damaged or incomplete backup before it touches anything.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from publisher.settings import Settings

MANIFEST = "manifest.json"
DATABASE_FILE = "kakehashi.db"
FORMAT_VERSION = 1


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class BackupSummary:
    folder: Path
    files: int
    bytes: int


def _sqlite_path(settings: Settings) -> Path:
    url = make_url(settings.resolved_database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise BackupError(
            "backup covers the embedded SQLite database; for PostgreSQL use pg_dump, "
            "then back up the data folder's media"
        )
    return Path(url.database)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_tree(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)


def backup(settings: Settings, destination: Path, *, include_models: bool = False) -> BackupSummary:
    """Write a complete, checksummed backup into ``destination`` (a new or empty folder)."""
    database = _sqlite_path(settings)
    if not database.is_file():
        raise BackupError(f"no database at {database}")
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination} is not empty; choose a new folder")
    staging = destination.with_name(f".{destination.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        source = sqlite3.connect(database)
        target = sqlite3.connect(staging / DATABASE_FILE)
        with target:
            source.backup(target)
        source.close()
        target.close()
        _copy_tree(settings.media_dir, staging / "media")
        if include_models:
            _copy_tree(settings.argos_dir / "argos-packages", staging / "argos-packages")
            _copy_tree(settings.models_dir, staging / "models")
        files = sorted(p for p in staging.rglob("*") if p.is_file())
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": datetime.now(UTC).isoformat(),
            "files": {p.relative_to(staging).as_posix(): _sha256(p) for p in files},
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        size = sum(p.stat().st_size for p in files)
        if destination.exists():
            destination.rmdir()
        staging.rename(destination)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BackupSummary(destination, len(files), size)


def verify(folder: Path) -> dict[str, str]:
    """Check every file against the manifest; return the manifest's file table."""
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{folder} has no {MANIFEST}: not a Kakehashi backup")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"unsupported backup format {manifest.get('format')!r}")
    files: dict[str, str] = manifest["files"]
    for name, digest in files.items():
        path = folder / name
        if not path.is_file():
            raise BackupError(f"backup is incomplete: {name} is missing")
        if _sha256(path) != digest:
            raise BackupError(f"backup is damaged: {name} does not match its checksum")
    return files


def restore(settings: Settings, folder: Path, *, force: bool = False) -> int:
    """Put a verified backup in place of the current database and media; returns file count."""
    files = verify(folder)
    database = _sqlite_path(settings)
    if database.exists() and not force:
        raise BackupError(f"{database} exists; pass --force to replace it with the backup")
    database.parent.mkdir(parents=True, exist_ok=True)
    temporary = database.with_name(f".{database.name}.restoring")
    shutil.copyfile(folder / DATABASE_FILE, temporary)
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    temporary.replace(database)
    for name in files:
        for prefix, target in (
            ("media/", settings.media_dir),
            ("argos-packages/", settings.argos_dir / "argos-packages"),
            ("models/", settings.models_dir),
        ):
            if name.startswith(prefix):
                destination = target / name.removeprefix(prefix)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(folder / name, destination)
    return len(files)

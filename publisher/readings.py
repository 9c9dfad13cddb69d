"""The city's furigana readings for names, kept in the readings file (``readings.toml``).

The file stays the one source the site build reads (:func:`translations.furigana.load_readings`),
so the API and the workspace change it here: checked with the build's own rules, written
atomically (a reader sees the old file or the new one), one change at a time across processes
(an exclusive lock on a file beside it), and audited under the person's name. A changed file
changes the site's fingerprint, so the next build renders every page again.
"""

from __future__ import annotations

import fcntl
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from publisher import audit
from publisher.files import write_atomic
from publisher.keys import Staff
from translations.furigana import (
    ReadingsError,
    is_kanji,
    load_readings,
    validate_readings,
)

MAX_NAME = 50
MAX_READING = 100
_KANJI = "\u3005-\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u30f5\u30f6\U00020000-\U0002fa1f"
_KANA = "\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe"
_NAME_CHARS = _KANJI + _KANA + "\u30fbA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
NAME_PATTERN = f"^[{_NAME_CHARS}]*[{_KANJI}][{_NAME_CHARS}]*$"
"""A name: kanji (at least one, to carry furigana), kana, ・, Latin letters and digits."""
READING_PATTERN = f"^[{_KANA}]+$"
"""The kana :func:`translations.furigana.validate_readings` accepts."""
HEADER = (
    "# Furigana readings for names the dictionary reads wrongly (name = reading in kana).\n"
    "# Kept by Kakehashi's workspace and API; edits by hand are read as they are.\n"
)


class ReadingChangeError(ValueError):
    """A reading the rules refuse; ``field`` is ``name`` or ``reading``."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field


class ReadingConflictError(ValueError):
    """The name already has a reading (change that one)."""


class ReadingMissingError(LookupError):
    """No reading for that name."""


@dataclass(frozen=True)
class Reading:
    name: str
    reading: str


def read_all(path: Path) -> list[Reading]:
    """Every reading, sorted by name (raises ReadingsError for a broken file)."""
    return [Reading(name, reading) for name, reading in sorted(load_readings(path).items())]


def checked(name: str, reading: str) -> Reading:
    """The name and its reading as the build will use them (katakana becomes hiragana)."""
    name, reading = name.strip(), reading.strip()
    if not name or len(name) > MAX_NAME:
        raise ReadingChangeError("name", f"a name has 1 to {MAX_NAME} characters")
    if not any(is_kanji(char) for char in name):
        raise ReadingChangeError("name", "a name needs at least one kanji to carry furigana")
    if not re.fullmatch(NAME_PATTERN, name):
        reason = "a name is written with kanji, kana, ・, Latin letters and digits only"
        raise ReadingChangeError("name", reason)
    if not reading or len(reading) > MAX_READING or not re.fullmatch(READING_PATTERN, reading):
        raise ReadingChangeError("reading", "a reading is written in hiragana or katakana")
    try:
        clean = validate_readings({name: reading})
    except ReadingsError as error:
        reason = "a reading is written in hiragana or katakana"
        raise ReadingChangeError("reading", reason) from error
    return Reading(name, clean[name])


def _toml(readings: dict[str, str]) -> str:
    # A JSON string is a valid TOML basic string (the same escapes), keys and values alike.
    lines = [
        f"{json.dumps(name, ensure_ascii=False)} = {json.dumps(reading, ensure_ascii=False)}"
        for name, reading in sorted(readings.items())
    ]
    return HEADER + "\n[readings]\n" + "".join(f"{line}\n" for line in lines)


@contextmanager
def _locked(path: Path) -> Iterator[dict[str, str]]:
    """The current readings, read under an exclusive lock held while the caller changes them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with (path.parent / f".{path.name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield load_readings(path)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _write(path: Path, readings: dict[str, str]) -> None:
    text = _toml(readings)
    assert validate_readings(readings) == readings  # never write what the build would refuse
    write_atomic(path, text.encode("utf-8"))


def set_reading(
    session: Session, staff: Staff, path: Path, name: str, reading: str, *, replace: bool
) -> tuple[Reading, bool]:
    """Add (``replace=False``: refuses a name already there) or set a name's reading.

    Returns the stored reading and whether it was new. Audited (the record is flushed before
    the file is replaced); the caller commits.
    """
    wanted = checked(name, reading)
    with _locked(path) as readings:
        before = readings.get(wanted.name)
        if before is not None and not replace:
            raise ReadingConflictError(f"{wanted.name!r} already has a reading: change that one")
        if before == wanted.reading:
            return wanted, False
        readings[wanted.name] = wanted.reading
        # Recorded first: a change the audit trail cannot take is not made.
        audit.record_by(
            session,
            staff,
            action="reading.update" if before is not None else "reading.create",
            target=f"reading:{wanted.name}",
            before=None if before is None else {"name": wanted.name, "reading": before},
            after={"name": wanted.name, "reading": wanted.reading},
        )
        session.flush()
        _write(path, readings)
    return wanted, before is None


def delete_reading(session: Session, staff: Staff, path: Path, name: str) -> Reading:
    """Remove a name's reading (ReadingMissingError if it has none). Audited; caller commits."""
    name = name.strip()
    with _locked(path) as readings:
        if name not in readings:
            raise ReadingMissingError(name)
        removed = Reading(name, readings.pop(name))
        audit.record_by(
            session,
            staff,
            action="reading.delete",
            target=f"reading:{name}",
            before={"name": removed.name, "reading": removed.reading},
        )
        session.flush()
        _write(path, readings)
    return removed


__all__ = [
    "Reading",
    "ReadingChangeError",
    "ReadingConflictError",
    "ReadingMissingError",
    "checked",
    "delete_reading",
    "read_all",
    "set_reading",
]

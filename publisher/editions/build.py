"""Make the editions of a period: read what the site published, write each book atomically.

Books are kept where :mod:`publisher.editions.shelf` says. Each file is written beside its
final name and renamed over it, so a listener downloading an edition while it is rebuilt gets
the old book or the new one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session

from publisher.editions import shelf
from publisher.editions.collect import Edition, make_edition
from publisher.editions.daisy import write_daisy
from publisher.editions.epub import write_epub
from publisher.editions.labels import labels_for
from publisher.editions.shelf import edition_paths
from publisher.editions.text import Ruby
from publisher.services import Services
from publisher.site.content import PublishedBulletin, gather


@dataclass(frozen=True)
class EditionFiles:
    language: str
    notices: int
    voiced: int
    epub: Path
    daisy: Path | None
    """None when no notice has audio in this language (DAISY 2.02 is a full-audio format)."""


def editions_dir(services: Services) -> Path:
    return shelf.editions_dir(services.settings)


@contextmanager
def _atomic(target: Path) -> Iterator[Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)


def _ruby_for(services: Services, language: str) -> Ruby | None:
    """Japanese carries furigana, as the site's furigana pages do; other languages none."""
    if language != "ja":  # as ``SiteRenderer.furigana_for``
        return None
    from translations.furigana import FuriganaReader, load_readings

    reader = FuriganaReader(load_readings(services.settings.resolved_readings_file))
    return reader.runs


def write_edition(
    services: Services, edition: Edition, folder: Path, ruby: Ruby | None
) -> EditionFiles:
    epub_path, daisy_path = edition_paths(folder, edition.language, edition.start, edition.end)
    labels = labels_for(services.settings, edition, ruby is not None)
    with _atomic(epub_path) as temporary:
        write_epub(temporary, edition, labels, ruby)
    daisy: Path | None = None
    with _atomic(daisy_path) as temporary:
        if write_daisy(temporary, edition, labels):
            daisy = daisy_path
    if daisy is None:
        daisy_path.unlink(missing_ok=True)
    notices = edition.notices
    return EditionFiles(
        edition.language,
        len(notices),
        sum(1 for notice in notices if notice.audio is not None),
        epub_path,
        daisy,
    )


def published(services: Services) -> list[PublishedBulletin]:
    with Session(services.db) as session:
        return gather(services.settings, session)


def build_editions(
    services: Services,
    start: date,
    end: date,
    languages: Sequence[str] = (),
    *,
    folder: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[EditionFiles]:
    """Every requested language's edition of the period (all published languages by default);
    a language with no notice in the period has none. Stale books of such a language are
    removed, so a retracted period never keeps offering what was taken down."""
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    folder = folder or editions_dir(services)
    wanted = tuple(languages) or services.settings.published_languages
    unknown = [code for code in wanted if code not in services.settings.published_languages]
    if unknown:
        raise ValueError(f"not a published language: {', '.join(unknown)}")
    bulletins = published(services)
    made: list[EditionFiles] = []
    for language in wanted:
        edition = make_edition(bulletins, language, start, end)
        if edition is None:
            for stale in edition_paths(folder, language, start, end):
                stale.unlink(missing_ok=True)
            continue
        made.append(write_edition(services, edition, folder, _ruby_for(services, language)))
        if progress is not None:
            progress(language)
    return made

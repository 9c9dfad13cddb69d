"""Gather what is online from the database into frozen values, before anything is rendered.

Everything is read with a handful of bulk queries (never one query per page), and a build
that knows which bulletins changed reads only those in full: :func:`read_stamps` says cheaply
which bulletins changed since the last build, :func:`gather` loads their documents.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import String, and_, func, type_coerce
from sqlalchemy import select as columns
from sqlmodel import Session, col, select

from publisher.documents import (
    FrozenImage,
    IncompleteTranslationError,
    LocalizedDoc,
    SegmentText,
    localize,
    plain_text,
    site_image_name,
)
from publisher.outcomes import EASY_JAPANESE
from publisher.settings import Settings
from publisher.sources import decode
from publisher.statuses import LanguageStatus, TextVersion, WithdrawalReason
from publisher.tables import (
    Bulletin,
    LanguageVersion,
    Revision,
    SegmentTranslation,
    SourceSnapshot,
    Withdrawal,
)
from translations.languages import sentence_joiner
from translations.statuses import SegmentOrigin

log = logging.getLogger(__name__)

_IN_CHUNK = 500  # ids per ``IN (...)`` clause
# Origins by their stored text: a dict look-up per sentence.
_ORIGINS = {origin.value: origin for origin in SegmentOrigin}


@dataclass(frozen=True)
class AudioInfo:
    mp3: Path
    captions: Path | None
    seconds: float
    voice: str
    substitute_for: str | None
    size: int
    identity: tuple[int, ...]
    """Inode and modification time of the files, so that re-made audio is linked again."""


@dataclass(frozen=True)
class PageVersion:
    doc: LocalizedDoc
    audio: AudioInfo | None
    translated_from: TextVersion | None = None
    """For a translation: the Japanese text it was made from (the page says so when easy)."""


@dataclass(frozen=True)
class PublishedBulletin:
    id: int
    category: str
    published_at: datetime
    updated_at: datetime
    versions: dict[str, PageVersion]
    digest: str
    """Hash of the bulletin's id and everything its own pages show: equal digests, equal
    pages (and equal entries in every list)."""
    easy: PageVersion | None = None
    """The easy-Japanese page, when the published revision has an easy text."""
    images: tuple[FrozenImage, ...] = ()
    """The published revision's images whose files are in the media folder."""


@dataclass(frozen=True)
class EntrySummary:
    """One bulletin in one language as lists, feeds and the sitemap show it."""

    title: str
    lead: str
    """The opening of the text (feeds show it as a summary)."""
    machine_translated: bool
    audio_size: int | None
    audio_seconds: float | None
    captions: bool


@dataclass(frozen=True)
class BulletinSummary:
    """What listing pages need of a bulletin, kept between builds so that unchanged bulletins
    need not be read again."""

    id: int
    category: str
    published_at: datetime
    updated_at: datetime
    digest: str
    entries: dict[str, EntrySummary]
    easy: EntrySummary | None = None
    """The easy-Japanese page, if any (not a language: no list shows it)."""
    images: tuple[str, ...] = ()
    """The names of the image files beside each of its pages (to remove them with it)."""

    @property
    def sort_key(self) -> tuple[datetime, int]:
        return (self.published_at, self.id)

    def shown_in(self, language: str, source: str) -> tuple[str, EntrySummary]:
        """The version a list in ``language`` shows: its own, or until it is translated
        (no model yet, held for review, failed) the source-language one, so that every
        resident's lists have every notice."""
        entry = self.entries.get(language)
        if entry is not None:
            return language, entry
        return source, self.entries[source]


@dataclass(frozen=True)
class WithdrawnNotice:
    """A notice taken down: its address says so, in each language it had, with its title
    as published (``publisher.withdrawals`` keeps them)."""

    id: int
    category: str
    published_at: datetime
    withdrawn_at: datetime
    titles: dict[str, str]
    voiced: tuple[str, ...]
    reason: WithdrawalReason = WithdrawalReason.RETRACTED
    """Retracted by staff, or expired at the end of its publication period."""

    @property
    def sort_key(self) -> tuple[datetime, int]:
        return (self.published_at, self.id)

    def shown_in(self, language: str, source: str) -> tuple[str, str]:
        """The language and title a feed in ``language`` showed it with (as for lists)."""
        if language in self.titles:
            return language, self.titles[language]
        return source, self.titles.get(source, "")


Stamp = tuple[Any, ...]


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _published_bulletins() -> Any:
    """Bulletins with a live revision (a retract clears it at once)."""
    return select(Bulletin).where(col(Bulletin.published_revision).is_not(None))


def read_stamps(session: Session) -> dict[int, Stamp]:
    """For every published bulletin, a value that changes whenever anything shown of it does.

    Two aggregate queries, whatever the size of the archive: the bulletin's own columns, and
    the count, latest update and revisions of its published language versions.
    """
    connection = session.connection()
    # Times are compared as the database writes them, not parsed into datetimes.
    bulletins = connection.execute(
        columns(
            col(Bulletin.id),
            col(Bulletin.published_revision),
            type_coerce(col(Bulletin.updated_at), String),
            type_coerce(col(Bulletin.published_at), String),
            col(Revision.category),
        ).join(Revision, _of_published(Revision, col(Revision.number)))
    ).all()
    versions = connection.execute(
        columns(
            col(LanguageVersion.bulletin_id),
            func.count(),
            type_coerce(func.max(col(LanguageVersion.updated_at)), String),
            func.sum(col(LanguageVersion.revision)),
            func.max(col(LanguageVersion.id)),
        )
        .where(col(LanguageVersion.status) == LanguageStatus.PUBLISHED.value)
        .group_by(col(LanguageVersion.bulletin_id))
    ).all()
    by_bulletin = {
        bulletin_id: (count, str(updated), int(revisions), last)  # a sum may be a Decimal
        for bulletin_id, count, updated, revisions, last in versions
    }
    return {
        bulletin_id: (
            revision,
            str(updated),
            str(published),
            category,
            by_bulletin.get(bulletin_id, ()),
        )
        for bulletin_id, revision, updated, published, category in bulletins
        if bulletin_id is not None
    }


def read_withdrawn(settings: Settings, session: Session) -> list[WithdrawnNotice]:
    """Every withdrawn notice that is still offline, with the languages the site publishes.

    One query, read by every build: withdrawals are few, and their pages are keyed like the
    lists (``plan``), so an unchanged one is never written again.
    """
    rows = session.exec(
        select(Withdrawal)
        .join(Bulletin, col(Bulletin.id) == col(Withdrawal.bulletin_id))
        .where(col(Bulletin.published_revision).is_(None))
    ).all()
    languages = settings.published_languages
    return [
        WithdrawnNotice(
            id=row.bulletin_id,
            category=row.category,
            published_at=_aware(row.published_at),
            withdrawn_at=_aware(row.withdrawn_at),
            titles={code: row.titles[code] for code in languages if code in row.titles},
            voiced=tuple(code for code in languages if code in row.voiced),
            reason=WithdrawalReason(row.reason),
        )
        for row in rows
        if settings.source_language in row.titles
    ]


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _IN_CHUNK):
        yield ids[start : start + _IN_CHUNK]


def _flags(stored: str | list[str] | None) -> tuple[str, ...]:
    """A sentence's quality flags from their JSON text (almost always an empty list); the
    PostgreSQL driver hands back the list itself."""
    if not stored or stored == "[]":
        return ()
    return tuple(stored if isinstance(stored, list) else json.loads(stored))


class _Version(NamedTuple):
    """The columns of a ``LanguageVersion`` row the site needs (read without the ORM)."""

    bulletin_id: int
    language: str
    audio_file: str | None
    captions_file: str | None
    audio_seconds: float | None
    voice: str | None
    voice_substitute_for: str | None
    detail: str | None
    translated_from: str | None


def _audio(media: Path, version: _Version) -> AudioInfo | None:
    if not version.audio_file or version.audio_seconds is None or version.voice is None:
        return None
    mp3 = media / version.audio_file
    try:
        found = mp3.stat()
    except OSError:
        return None
    identity: tuple[int, ...] = (found.st_ino, found.st_mtime_ns)
    captions = media / version.captions_file if version.captions_file else None
    if captions is not None:
        try:
            vtt = captions.stat()
            identity += (vtt.st_ino, vtt.st_mtime_ns)
        except OSError:
            captions = None
    return AudioInfo(
        mp3,
        captions,
        version.audio_seconds,
        version.voice,
        version.voice_substitute_for,
        found.st_size,
        identity,
    )


def _of_published(table: Any, revision_column: Any) -> Any:
    """Rows of ``table`` that belong to their bulletin's published revision."""
    return and_(
        col(table.bulletin_id) == col(Bulletin.id),
        revision_column == col(Bulletin.published_revision),
    )


def gather(
    settings: Settings, session: Session, only: Collection[int] | None = None
) -> list[PublishedBulletin]:
    """Published, unretracted bulletins (all, or those in ``only``) with their online versions.

    A bulletin is online only if its source-language page is; newest first. Everything is
    read in four queries (per 500 bulletins when ``only`` names them), as plain rows.
    """
    query = _published_bulletins().order_by(
        col(Bulletin.published_at).desc(), col(Bulletin.id).desc()
    )
    if only is not None:
        wanted = sorted(set(only))
        bulletins = [
            bulletin
            for chunk in _chunks(wanted)
            for bulletin in session.exec(query.where(col(Bulletin.id).in_(chunk))).all()
        ]
    else:
        bulletins = list(session.exec(query).all())
    if not bulletins:
        return []
    ids = [bulletin.id for bulletin in bulletins if bulletin.id is not None]

    connection = session.connection()
    sources: dict[int, str] = {}
    easy_sources: dict[int, str] = {}
    versions: dict[int, dict[str, _Version]] = defaultdict(dict)
    texts: dict[tuple[int, str], dict[str, SegmentText]] = defaultdict(dict)
    for chunk in _chunks(ids) if only is not None else [None]:
        source_query = columns(
            col(SourceSnapshot.bulletin_id),
            col(SourceSnapshot.document),
            col(SourceSnapshot.easy_document),
        ).join(Bulletin, _of_published(SourceSnapshot, col(SourceSnapshot.revision)))
        version_query = (
            columns(*(col(getattr(LanguageVersion, name)) for name in _Version._fields))
            .join(Bulletin, _of_published(LanguageVersion, col(LanguageVersion.revision)))
            .where(col(LanguageVersion.status) == LanguageStatus.PUBLISHED.value)
        )
        text_query = columns(
            col(SegmentTranslation.bulletin_id),
            col(SegmentTranslation.language),
            col(SegmentTranslation.segment_id),
            col(SegmentTranslation.text),
            type_coerce(col(SegmentTranslation.flags), String),
            col(SegmentTranslation.origin),
        ).join(Bulletin, _of_published(SegmentTranslation, col(SegmentTranslation.revision)))
        if chunk is not None:
            source_query = source_query.where(col(SourceSnapshot.bulletin_id).in_(chunk))
            version_query = version_query.where(col(LanguageVersion.bulletin_id).in_(chunk))
            text_query = text_query.where(col(SegmentTranslation.bulletin_id).in_(chunk))
        for bulletin_id, document, easy_document in connection.execute(source_query).all():
            sources[bulletin_id] = document
            if easy_document is not None:
                easy_sources[bulletin_id] = easy_document
        for row in connection.execute(version_query).all():
            version = _Version(*row)
            versions[version.bulletin_id][version.language] = version
        for bulletin_id, language, segment_id, text, flags, origin in connection.execute(
            text_query
        ).all():
            texts[(bulletin_id, language)][segment_id] = SegmentText(
                text, _flags(flags), SegmentOrigin(origin)
            )

    media = settings.media_dir
    result: list[PublishedBulletin] = []
    for bulletin in bulletins:
        assert bulletin.id is not None and bulletin.published_revision is not None
        frozen = sources.get(bulletin.id)
        by_language = versions[bulletin.id]
        if frozen is None or settings.source_language not in by_language:
            continue
        source = decode(bulletin.id, bulletin.published_revision, frozen)
        easy_frozen = easy_sources.get(bulletin.id)
        easy = (
            decode(bulletin.id, bulletin.published_revision, easy_frozen) if easy_frozen else None
        )
        images = _available(media, bulletin.id, source.images)
        if images != source.images:
            source = replace(source, images=images)
            easy = replace(easy, images=images) if easy is not None else None
        digest = hashlib.blake2b(str(bulletin.id).encode(), digest_size=16)
        digest.update(frozen.encode())
        digest.update(b"\0")
        digest.update(repr(images).encode())
        if easy_frozen:
            digest.update(easy_frozen.encode())
            digest.update(b"\0")
        page_versions: dict[str, PageVersion] = {}
        for language in settings.published_languages:
            online = by_language.get(language)
            if online is None:
                continue
            stored = None
            skeleton = source
            translated_from = None
            if language != settings.source_language:
                stored = texts[(bulletin.id, language)]
                translated_from = TextVersion.ORIGINAL
                if online.translated_from == TextVersion.EASY and easy is not None:
                    skeleton = easy  # translated from the easy version: its sentences
                    translated_from = TextVersion.EASY
            try:
                doc = localize(skeleton, language, stored)
            except IncompleteTranslationError:
                log.error("bulletin %s: %s is incomplete and is left out", bulletin.id, language)
                continue
            audio = _audio(media, online)
            page_versions[language] = PageVersion(doc, audio, translated_from)
            digest.update(_shown(language, stored, audio, online).encode())
        easy_version = None
        easy_online = by_language.get(EASY_JAPANESE)
        if easy is not None and easy_online is not None:
            easy_audio = _audio(media, easy_online)
            easy_version = PageVersion(localize(easy, settings.source_language, None), easy_audio)
            digest.update(_shown(EASY_JAPANESE, None, easy_audio, easy_online).encode())
        published_at = _aware(bulletin.published_at or bulletin.updated_at)
        updated_at = _aware(bulletin.updated_at)
        digest.update(f"{published_at.isoformat()} {updated_at.isoformat()}".encode())
        result.append(
            PublishedBulletin(
                id=bulletin.id,
                category=source.category,
                published_at=published_at,
                updated_at=updated_at,
                versions=page_versions,
                digest=digest.hexdigest(),
                easy=easy_version,
                images=images,
            )
        )
    return result


def _available(
    media: Path, bulletin_id: int, images: tuple[FrozenImage, ...]
) -> tuple[FrozenImage, ...]:
    """The images whose every file is in the media folder; one that is not (a restore
    without media) is left off the pages, and the log says so, rather than failing the build."""
    found: list[FrozenImage] = []
    for image in images:
        missing = [r.file for r in image.renditions if not (media / r.file).is_file()]
        if missing:
            log.error("bulletin %s: %s is left out: missing %s", bulletin_id, image.ref, missing)
            continue
        found.append(image)
    return tuple(found)


def _shown(
    language: str,
    stored: dict[str, SegmentText] | None,
    audio: AudioInfo | None,
    online: _Version,
) -> str:
    """Everything of one language version that its pages show, as one string to hash."""
    sentences = "\x1e".join(
        f"{segment_id}\x1f{text.text}\x1f{' '.join(text.flags)}\x1f{text.origin}"
        for segment_id, text in sorted((stored or {}).items())
    )
    return (
        f"\x1d{language}\x1d{sentences}\x1d{audio!r}\x1d{online.detail}\x1d{online.translated_from}"
    )


def _entry(version: PageVersion) -> EntrySummary:
    return EntrySummary(
        title=plain_text(version.doc.title.pieces),
        lead=_lead(version.doc),
        machine_translated=version.doc.machine_translated,
        audio_size=version.audio.size if version.audio else None,
        audio_seconds=version.audio.seconds if version.audio else None,
        captions=bool(version.audio and version.audio.captions),
    )


def summarize(bulletin: PublishedBulletin) -> BulletinSummary:
    return BulletinSummary(
        id=bulletin.id,
        category=bulletin.category,
        published_at=bulletin.published_at,
        updated_at=bulletin.updated_at,
        digest=bulletin.digest,
        entries={language: _entry(version) for language, version in bulletin.versions.items()},
        easy=_entry(bulletin.easy) if bulletin.easy is not None else None,
        images=tuple(
            sorted(
                {
                    site_image_name(rendition)
                    for image in bulletin.images
                    for rendition in image.renditions
                }
            )
        ),
    )


LEAD_CHARS = 200


def _lead(doc: LocalizedDoc) -> str:
    """The first paragraph's text, cut at a word boundary near ``LEAD_CHARS``."""
    for block in doc.blocks:
        if block.kind in ("heading", "figure") or not block.sentences:
            continue
        joiner = sentence_joiner(doc.language)
        text = joiner.join(plain_text(sentence.pieces) for sentence in block.sentences)
        text = " ".join(text.split())
        if len(text) <= LEAD_CHARS:
            return text
        cut = text.rfind(" ", 0, LEAD_CHARS)
        return text[: cut if cut > LEAD_CHARS // 2 else LEAD_CHARS].rstrip() + "…"
    return ""

"""Gather what is online from the database into frozen values, before anything is rendered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, col, select

from publisher.documents import LocalizedDoc, SegmentText, localize
from publisher.pipeline_source import load_source
from publisher.settings import Settings
from publisher.tables import Bulletin, LanguageVersion, SegmentTranslation
from publisher.workflow import State


@dataclass(frozen=True)
class AudioInfo:
    mp3: Path
    captions: Path | None
    seconds: float
    voice: str
    substitute_for: str | None


@dataclass(frozen=True)
class PageVersion:
    doc: LocalizedDoc
    audio: AudioInfo | None
    audio_problem: str | None


@dataclass(frozen=True)
class PublishedBulletin:
    id: int
    category: str
    published_at: datetime
    updated_at: datetime
    versions: dict[str, PageVersion]


@dataclass(frozen=True)
class SiteContent:
    languages: tuple[str, ...]
    bulletins: tuple[PublishedBulletin, ...]


def _texts(session: Session, version: LanguageVersion) -> dict[str, SegmentText]:
    rows = session.exec(
        select(SegmentTranslation).where(
            SegmentTranslation.bulletin_id == version.bulletin_id,
            SegmentTranslation.revision == version.revision,
            SegmentTranslation.language == version.language,
        )
    ).all()
    return {row.segment_id: SegmentText(row.text, tuple(row.flags), row.origin) for row in rows}


def _audio(settings: Settings, version: LanguageVersion) -> AudioInfo | None:
    if not version.audio_file or version.audio_seconds is None or version.voice is None:
        return None
    mp3 = settings.media_dir / version.audio_file
    if not mp3.is_file():
        return None
    captions = settings.media_dir / version.captions_file if version.captions_file else None
    return AudioInfo(
        mp3, captions, version.audio_seconds, version.voice, version.voice_substitute_for
    )


def gather(settings: Settings, session: Session) -> SiteContent:
    """Every published, unretracted bulletin with each language version that is online."""
    bulletins = session.exec(
        select(Bulletin)
        .where(col(Bulletin.published_revision).is_not(None))
        .where(Bulletin.state != State.RETRACTED.value)
        .order_by(col(Bulletin.published_at).desc(), col(Bulletin.id).desc())
    ).all()
    published: list[PublishedBulletin] = []
    for bulletin in bulletins:
        assert bulletin.id is not None and bulletin.published_revision is not None
        source = load_source(session, bulletin.id, bulletin.published_revision)
        versions: dict[str, PageVersion] = {}
        rows = session.exec(
            select(LanguageVersion).where(
                LanguageVersion.bulletin_id == bulletin.id,
                LanguageVersion.revision == bulletin.published_revision,
                LanguageVersion.status == "published",
            )
        ).all()
        by_language = {row.language: row for row in rows}
        for language in settings.published_languages:
            row = by_language.get(language)
            if row is None:
                continue
            texts = None if language == settings.source_language else _texts(session, row)
            doc = localize(source, language, texts)
            versions[language] = PageVersion(doc, _audio(settings, row), row.detail)
        if settings.source_language in versions:
            published.append(
                PublishedBulletin(
                    id=bulletin.id,
                    category=bulletin.category,
                    published_at=bulletin.published_at or bulletin.updated_at,
                    updated_at=bulletin.updated_at,
                    versions=versions,
                )
            )
    return SiteContent(settings.published_languages, tuple(published))

"""Published bulletins written straight into the database, for site tests and the benchmark.

The publish pipeline (translate, voice, record) is tested elsewhere; the site builder only
reads what it leaves in the database. This writes the same rows directly: the revision, a
``LanguageVersion`` per language, ``SegmentTranslation`` rows from a translation engine
(tests pass the ``FakeEngine``), and, if asked, fixture audio: a short silent MP3 and WebVTT
captions with one cue per sentence, named and timed as the real pipeline names them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from sqlmodel import Session, select

from audio.assemble import Cue, encode_mp3
from audio.webvtt import to_webvtt
from publisher.documents import SourceDoc, plain_text, snapshot
from publisher.editing import create_bulletin, revision_of
from publisher.images.processing import prepare_image
from publisher.images.storage import store_image
from publisher.outcomes import EASY_JAPANESE
from publisher.schemas import BulletinCreate
from publisher.services import Services
from publisher.sources import easy_snapshot, encode, revision_images
from publisher.statuses import ImageKind, WithdrawalReason
from publisher.tables import (
    Bulletin,
    BulletinImage,
    LanguageVersion,
    Revision,
    SegmentTranslation,
    SourceSnapshot,
    utc_now,
)
from publisher.withdrawals import clear_withdrawal, record_withdrawal
from tests.support.staff import staff_member
from translations.engine import TranslationEngine
from translations.pipeline import translate_segments

SECONDS_PER_SENTENCE = 0.5


@cache
def silent_mp3(seconds: float) -> bytes:
    return encode_mp3(np.zeros(round(seconds * 24_000), dtype=np.float32), 24_000)


def _fixture_audio(
    services: Services, bulletin_id: int, revision: int, language: str, sentences: list[Cue]
) -> tuple[str, str, float]:
    folder = services.settings.media_dir / str(bulletin_id) / f"r{revision}"
    folder.mkdir(parents=True, exist_ok=True)
    seconds = max(1.0, len(sentences) * SECONDS_PER_SENTENCE)
    (folder / f"{language}.mp3").write_bytes(silent_mp3(seconds))
    (folder / f"{language}.vtt").write_text(to_webvtt(sentences), encoding="utf-8")
    media = services.settings.media_dir
    return (
        str((folder / f"{language}.mp3").relative_to(media)),
        str((folder / f"{language}.vtt").relative_to(media)),
        seconds,
    )


def _cues(source: SourceDoc, texts: dict[str, str] | None) -> list[Cue]:
    cues = []
    for position, segment in enumerate(source.segments()):
        text = texts[segment.id] if texts else segment.text
        start = position * SECONDS_PER_SENTENCE
        cues.append(Cue(segment.id, start, start + SECONDS_PER_SENTENCE, text))
    return cues


def _write_versions(
    session: Session,
    services: Services,
    source: SourceDoc,
    languages: Sequence[str],
    engine: TranslationEngine,
    audio: bool | Sequence[str],
    *,
    source_page: bool = True,
) -> None:
    """The versions of ``languages`` (and of the source language, with ``source_page``);
    a ``source`` that is an easy text makes translations from the easy text."""
    settings = services.settings
    easy = not source_page
    for language in (settings.source_language, *languages) if source_page else languages:
        texts: dict[str, str] | None = None
        if language != settings.source_language:
            translated = translate_segments(
                source.segments(), settings.source_language, language, engine
            )
            texts = {item.segment_id: item.text for item in translated}
            for position, segment in enumerate(source.segments()):
                session.add(
                    SegmentTranslation(
                        bulletin_id=source.bulletin_id,
                        revision=source.revision,
                        language=language,
                        segment_id=segment.id,
                        position=position,
                        source_text=segment.text,
                        text=texts[segment.id],
                        origin="machine",
                        engine=engine.name,
                        model_version=engine.model_version(settings.source_language, language),
                    )
                )
        voiced = audio if isinstance(audio, bool) else language in audio
        files: dict[str, Any] = {}
        if voiced:
            mp3, vtt, seconds = _fixture_audio(
                services, source.bulletin_id, source.revision, language, _cues(source, texts)
            )
            files = {
                "audio_file": mp3,
                "captions_file": vtt,
                "audio_seconds": seconds,
                "voice": f"fixture-{language}",
            }
        existing = session.exec(
            select(LanguageVersion).where(
                LanguageVersion.bulletin_id == source.bulletin_id,
                LanguageVersion.language == language,
            )
        ).first()
        version = existing or LanguageVersion(
            bulletin_id=source.bulletin_id,
            language=language,
            revision=source.revision,
            status="published",
            translation="source" if texts is None else "machine",
        )
        if texts is not None:
            version.translated_from = "easy" if easy else "original"
        version.revision = source.revision
        version.status = "published"
        version.audio_file = files.get("audio_file")
        version.captions_file = files.get("captions_file")
        version.audio_seconds = files.get("audio_seconds")
        version.voice = files.get("voice")
        version.detail = None if voiced else "no voice installed"
        version.updated_at = utc_now()
        session.add(version)


def publish_fixture(
    services: Services,
    sample: dict[str, Any],
    engine: TranslationEngine,
    *,
    languages: Sequence[str] | None = None,
    audio: bool | Sequence[str] = True,
    published_at: datetime | None = None,
    easy: bool = False,
    translated_from_easy: Sequence[str] = (),
    images: Sequence[tuple[bytes, str, ImageKind]] = (),
) -> int:
    """A published bulletin from a sample (``title``, ``body``, ``contact``, ``category``).

    ``images`` (file, Japanese alt text, kind) are prepared and stored as an upload is, and
    belong to the published revision; the body may place them (``![](image:1)``).

    With ``easy``, the sample's ``easy_title``/``easy_body`` are published too, as the publish
    job leaves them: the frozen easy text and its ``ja-easy`` version (voiced if Japanese is);
    the languages in ``translated_from_easy`` are translated from it.
    """
    settings = services.settings
    moment = published_at or datetime.now(UTC)
    with Session(services.db) as session:
        payload = BulletinCreate.model_validate(
            {key: sample[key] for key in ("category", "title", "body", "contact") if key in sample}
        )
        bulletin = create_bulletin(session, payload, staff_member(session, "fixture"))
        assert bulletin.id is not None
        # Published as the publish job leaves it, without running the job.
        bulletin.state = "published"
        bulletin.published_revision = 1
        bulletin.published_at = bulletin.updated_at = moment
        revision_of(session, bulletin.id, 1).approved_at = moment
        for number, (data, alt, kind) in enumerate(images, start=1):
            prepared = prepare_image(data, max_bytes=10**8, max_pixels=10**8)
            renditions = store_image(settings.media_dir, prepared)
            session.add(
                BulletinImage(
                    bulletin_id=bulletin.id,
                    revision=1,
                    image_id=number,
                    position=number,
                    kind=kind.value,
                    alt=alt,
                    renditions=[asdict(rendition) for rendition in renditions],
                    media_type=prepared.media_type,
                    created_by="fixture",
                )
            )
        session.flush()
        source = snapshot(
            bulletin.id,
            1,
            sample["category"],
            sample["title"],
            sample["body"],
            sample.get("contact"),
            revision_images(session, bulletin.id, 1),
        )
        easy_source = None
        if easy:
            revision = revision_of(session, bulletin.id, 1)
            revision.easy_title = sample.get("easy_title")
            revision.easy_body = sample["easy_body"]
            easy_source = easy_snapshot(
                bulletin.id, revision, revision_images(session, bulletin.id, 1)
            )
        session.add(
            SourceSnapshot(
                bulletin_id=bulletin.id,
                revision=1,
                document=encode(source),
                easy_document=encode(easy_source) if easy_source is not None else None,
            )
        )
        targets = settings.target_languages if languages is None else languages
        plain = [code for code in targets if code not in translated_from_easy]
        _write_versions(session, services, source, plain, engine, audio)
        if easy_source is not None:
            from_easy = [code for code in targets if code in translated_from_easy]
            _write_versions(
                session, services, easy_source, from_easy, engine, audio, source_page=False
            )
            _write_easy_version(session, services, easy_source, audio)
        session.commit()
        return bulletin.id


def _write_easy_version(
    session: Session, services: Services, easy: SourceDoc, audio: bool | Sequence[str]
) -> None:
    """The ``ja-easy`` version, voiced when Japanese is, its files named as the job names them."""
    voiced = audio if isinstance(audio, bool) else services.settings.source_language in audio
    version = LanguageVersion(
        bulletin_id=easy.bulletin_id,
        language=EASY_JAPANESE,
        revision=easy.revision,
        status="published",
        translation="source",
    )
    if voiced:
        mp3, vtt, seconds = _fixture_audio(
            services, easy.bulletin_id, easy.revision, EASY_JAPANESE, _cues(easy, None)
        )
        version.audio_file, version.captions_file = mp3, vtt
        version.audio_seconds, version.voice = seconds, "fixture-ja-slow"
    session.add(version)


def revise_fixture(
    services: Services,
    bulletin_id: int,
    engine: TranslationEngine,
    *,
    title: str | None = None,
    body: str | None = None,
    languages: Sequence[str] | None = None,
    audio: bool | Sequence[str] = True,
) -> None:
    """A new revision of a published bulletin, published again (as an edit and re-publish)."""
    settings = services.settings
    with Session(services.db) as session:
        bulletin = session.get(Bulletin, bulletin_id)
        assert bulletin is not None and bulletin.published_revision is not None
        previous = session.exec(
            select(Revision).where(
                Revision.bulletin_id == bulletin_id,
                Revision.number == bulletin.published_revision,
            )
        ).one()
        number = bulletin.published_revision + 1
        revision = Revision(
            bulletin_id=bulletin_id,
            number=number,
            title=title or previous.title,
            body=body or previous.body,
            contact=previous.contact,
            category=previous.category,
            author="fixture",
            approved_at=utc_now(),
        )
        session.add(revision)
        source = snapshot(
            bulletin_id, number, revision.category, revision.title, revision.body, revision.contact
        )
        session.add(
            SourceSnapshot(bulletin_id=bulletin_id, revision=number, document=encode(source))
        )
        targets = settings.target_languages if languages is None else languages
        _write_versions(session, services, source, targets, engine, audio)
        for stale in session.exec(
            select(LanguageVersion).where(LanguageVersion.bulletin_id == bulletin_id)
        ).all():
            if stale.language not in (settings.source_language, *targets):
                stale.status = "withdrawn"
                session.add(stale)
        bulletin.current_revision = number
        bulletin.published_revision = number
        bulletin.updated_at = utc_now()
        session.add(bulletin)
        session.commit()


def retract_fixture(
    services: Services,
    bulletin_id: int,
    reason: WithdrawalReason = WithdrawalReason.RETRACTED,
) -> None:
    with Session(services.db) as session:
        bulletin = session.get(Bulletin, bulletin_id)
        assert bulletin is not None
        # As a retract request (or an expiry) leaves it: offline at once, with what its
        # address says from then on; the job only rebuilds.
        record_withdrawal(session, bulletin, reason)
        bulletin.state = "retracted"
        bulletin.published_revision = None
        bulletin.updated_at = utc_now()
        session.add(bulletin)
        session.commit()


def title_of(sample: dict[str, Any]) -> str:
    return plain_text(snapshot(0, 1, "x", sample["title"], "", None).title.pieces)


def sample_files() -> list[Path]:
    return sorted((Path(__file__).resolve().parents[3] / "demo" / "bulletins").glob("*.json"))


def republish_fixture(services: Services, bulletin_id: int, revision: int = 1) -> None:
    """A withdrawn bulletin's revision put online again, as a publish job's last step does."""
    with Session(services.db) as session:
        bulletin = session.get(Bulletin, bulletin_id)
        assert bulletin is not None
        bulletin.state = "published"
        bulletin.published_revision = revision
        bulletin.updated_at = utc_now()
        clear_withdrawal(session, bulletin_id)
        session.add(bulletin)
        session.commit()

"""The publish job: snapshot -> translate -> voice -> record -> rebuild the site.

Each language is handled on its own, so one missing model or failed voice is reported for that
language while the others publish. Nothing reaches the public folder except through the site
writer, which swaps in a complete new version.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from publisher.documents import LocalizedDoc, SegmentText, SourceDoc, localize
from publisher.files import write_atomic
from publisher.pipeline_source import load_source
from publisher.services import Services
from publisher.site.build import build_site
from publisher.speech_text import speech_sentences
from publisher.tables import (
    Bulletin,
    Job,
    LanguageVersion,
    SegmentTranslation,
    utc_now,
)
from publisher.workflow import State

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LanguageOutcome:
    language: str
    status: str
    translation: str
    route: str | None = None
    voice: str | None = None
    voice_substitute_for: str | None = None
    audio_file: str | None = None
    captions_file: str | None = None
    audio_seconds: float | None = None
    flags: tuple[str, ...] = ()
    detail: str | None = None


def target_languages(services: Services, bulletin: Bulletin) -> tuple[str, ...]:
    configured = services.settings.target_languages
    if bulletin.languages is None:
        return configured
    return tuple(code for code in bulletin.languages if code in configured) or ()


def _translate(services: Services, source: SourceDoc, language: str) -> dict[str, SegmentText]:
    """Machine-translate every sentence of the document in one batched call."""
    from translations.pipeline import translate_segments

    translated = translate_segments(
        source.segments(), services.settings.source_language, language, services.translator
    )
    return {item.segment_id: SegmentText(item.text, tuple(item.flags)) for item in translated}


def _store_translations(
    session: Session,
    source: SourceDoc,
    language: str,
    texts: dict[str, SegmentText],
    engine: str,
    model_version: str,
) -> None:
    for position, segment in enumerate(source.segments()):
        text = texts[segment.id]
        existing = session.exec(
            select(SegmentTranslation).where(
                SegmentTranslation.bulletin_id == source.bulletin_id,
                SegmentTranslation.revision == source.revision,
                SegmentTranslation.language == language,
                SegmentTranslation.segment_id == segment.id,
            )
        ).first()
        row = existing or SegmentTranslation(
            bulletin_id=source.bulletin_id,
            revision=source.revision,
            language=language,
            segment_id=segment.id,
            position=position,
            source_text=segment.text,
            text=text.text,
            origin=text.origin,
            engine=engine,
            model_version=model_version,
        )
        row.text, row.flags, row.model_version = text.text, list(text.flags), model_version
        session.add(row)


def _media_paths(services: Services, doc: LocalizedDoc) -> tuple[Path, Path]:
    folder = services.settings.media_dir / str(doc.bulletin_id) / f"r{doc.revision}"
    return folder / f"{doc.language}.mp3", folder / f"{doc.language}.vtt"


def _voice(services: Services, doc: LocalizedDoc) -> LanguageOutcome:
    """Read the localized document aloud; report (never hide) a missing voice or a failure."""
    from audio.render import render_track
    from audio.webvtt import to_webvtt

    from audio.voices import available_voices, resolve_voice

    voice = resolve_voice(doc.language, fallbacks=services.settings.voice_fallbacks)
    if voice is None or voice.language not in available_voices():
        return LanguageOutcome(
            doc.language, "published", doc.translation_status, detail="no voice installed"
        )
    pool = services.voice_pool if voice.engine == "pyttsx3" else None
    track = render_track(speech_sentences(doc), voice, cache=services.clip_cache(), pool=pool)
    mp3_path, vtt_path = _media_paths(services, doc)
    write_atomic(mp3_path, track.mp3)
    write_atomic(vtt_path, to_webvtt(track.cues).encode("utf-8"))
    media = services.settings.media_dir
    return LanguageOutcome(
        doc.language,
        "published",
        doc.translation_status,
        voice=voice.label,
        voice_substitute_for=voice.substitute_for,
        audio_file=str(mp3_path.relative_to(media)),
        captions_file=str(vtt_path.relative_to(media)),
        audio_seconds=round(track.duration, 2),
    )


def publish_language(
    services: Services, session: Session, source: SourceDoc, language: str, route: str | None
) -> LanguageOutcome:
    if language == services.settings.source_language:
        doc = localize(source, language, None)
    else:
        if route is None:
            return LanguageOutcome(
                language, "missing_model", "missing", detail="no translation model installed"
            )
        texts = _translate(services, source, language)
        engine = services.translator
        version = engine.model_version(services.settings.source_language, language)
        _store_translations(session, source, language, texts, engine.name, version)
        doc = localize(source, language, texts)
    try:
        outcome = _voice(services, doc)
    except Exception as error:  # a failed voice must not take the text down with it
        log.exception("audio failed for %s", language)
        outcome = LanguageOutcome(
            language, "published", doc.translation_status, detail=f"audio failed: {error}"
        )
    flags = sorted({flag for sentence in doc.sentences() for flag in sentence.flags})
    return LanguageOutcome(**{**outcome.__dict__, "route": route, "flags": tuple(flags)})


def _record(session: Session, bulletin_id: int, revision: int, outcome: LanguageOutcome) -> None:
    row = session.exec(
        select(LanguageVersion).where(
            LanguageVersion.bulletin_id == bulletin_id,
            LanguageVersion.language == outcome.language,
        )
    ).first() or LanguageVersion(
        bulletin_id=bulletin_id,
        language=outcome.language,
        revision=revision,
        status=outcome.status,
        translation=outcome.translation,
    )
    row.revision = revision
    row.status = outcome.status
    row.translation = outcome.translation
    row.route = outcome.route
    row.voice = outcome.voice
    row.voice_substitute_for = outcome.voice_substitute_for
    row.audio_file = outcome.audio_file
    row.captions_file = outcome.captions_file
    row.audio_seconds = outcome.audio_seconds
    row.flags = list(outcome.flags)
    row.detail = outcome.detail
    row.updated_at = utc_now()
    session.add(row)


def _set_progress(services: Services, job_id: str, language: str, value: dict[str, object]) -> None:
    with Session(services.db) as session:
        job = session.get(Job, job_id)
        assert job is not None
        job.progress = {**job.progress, language: value}
        session.add(job)
        session.commit()


def run_publish(services: Services, job_id: str) -> None:
    """Carry out one publish job; safe to run again after a crash (it redoes the work)."""
    with Session(services.db, expire_on_commit=False) as session:
        job = session.get(Job, job_id)
        if job is None or job.state == "succeeded":
            return
        job.state, job.started_at, job.error = "running", utc_now(), None
        session.add(job)
        session.commit()
        bulletin = session.get(Bulletin, job.bulletin_id)
        assert bulletin is not None and bulletin.id is not None
        source = load_source(session, bulletin.id, job.revision)
        languages = target_languages(services, bulletin)

    try:
        routes = services.translator.routes(services.settings.source_language, languages)
        outcomes: list[LanguageOutcome] = []
        all_languages = (services.settings.source_language, *languages)
        for language in all_languages:
            _set_progress(services, job_id, language, {"status": "working"})
            route = routes.get(language)
            with Session(services.db) as session:
                try:
                    outcome = publish_language(
                        services, session, source, language, route.kind if route else None
                    )
                except Exception as error:
                    log.exception("publishing %s failed", language)
                    outcome = LanguageOutcome(language, "failed", "missing", detail=str(error))
                session.commit()
            outcomes.append(outcome)
            _set_progress(services, job_id, language, _progress_entry(outcome))

        if outcomes[0].status != "published":
            raise RuntimeError(f"the Japanese page could not be made: {outcomes[0].detail}")
        with Session(services.db) as session:
            for outcome in outcomes:
                _record(session, source.bulletin_id, source.revision, outcome)
            bulletin = session.get(Bulletin, source.bulletin_id)
            assert bulletin is not None
            bulletin.state = State.PUBLISHED.value
            bulletin.published_revision = source.revision
            bulletin.published_at = bulletin.published_at or utc_now()
            bulletin.updated_at = utc_now()
            session.add(bulletin)
            session.commit()
        build_site(services)
        _finish(services, job_id, "succeeded", None)
    except Exception as error:
        log.exception("publish job %s failed", job_id)
        _finish(services, job_id, "failed", f"{error}\n{traceback.format_exc(limit=3)}")
        raise


def _progress_entry(outcome: LanguageOutcome) -> dict[str, object]:
    entry: dict[str, object] = {"status": outcome.status, "translation": outcome.translation}
    if outcome.audio_file:
        entry["audio_seconds"] = outcome.audio_seconds
    if outcome.detail:
        entry["detail"] = outcome.detail
    if outcome.flags:
        entry["flags"] = list(outcome.flags)
    return entry


def run_retract(services: Services, job_id: str) -> None:
    """Take a bulletin's pages off the site; the record and its revisions stay."""
    with Session(services.db) as session:
        job = session.get(Job, job_id)
        if job is None or job.state == "succeeded":
            return
        job.state, job.started_at = "running", utc_now()
        session.add(job)
        session.commit()
    try:
        build_site(services)
        _finish(services, job_id, "succeeded", None)
    except Exception as error:
        _finish(services, job_id, "failed", str(error))
        raise


def _finish(services: Services, job_id: str, state: str, error: str | None) -> None:
    with Session(services.db) as session:
        job = session.get(Job, job_id)
        assert job is not None
        job.state, job.error, job.finished_at = state, error, utc_now()
        session.add(job)
        session.commit()

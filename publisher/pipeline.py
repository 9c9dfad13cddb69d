"""The publish job: snapshot -> translate -> voice -> record -> rebuild the site.

All languages are translated together first (one engine call; translation memory and the
glossary applied), then each language is handled on its own, so one missing model or failed
voice is reported for that language while the others publish; the published languages are
voiced together at the end, in parallel. Nothing reaches the public folder except through
the site writer, which swaps in a complete new version.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, select

from publisher import audit
from publisher.documents import LocalizedDoc, SourceDoc, localize
from publisher.files import write_atomic
from publisher.memory import segment_texts, store_translations, translate_source
from publisher.pipeline_source import load_source
from publisher.services import Services
from publisher.site.build import build_site
from publisher.speech_text import speech_sentences
from publisher.tables import (
    Bulletin,
    Job,
    LanguageVersion,
    utc_now,
)
from publisher.workflow import State
from translations.document import TranslatedSegment

if TYPE_CHECKING:
    from audio.tracks import TrackRequest

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3


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


def _translate(
    services: Services, session: Session, sources: Sequence[SourceDoc], languages: Sequence[str]
) -> dict[tuple[int, str], tuple[TranslatedSegment, ...]]:
    """All sentences of the documents into all languages: memory first, then one engine call."""
    return translate_source(
        session, services.translator, services.settings.source_language, sources, languages
    )


def _media_paths(services: Services, doc: LocalizedDoc) -> tuple[Path, Path]:
    folder = services.settings.media_dir / str(doc.bulletin_id) / f"r{doc.revision}"
    return folder / f"{doc.language}.mp3", folder / f"{doc.language}.vtt"


def _voice(services: Services, doc: LocalizedDoc) -> LanguageOutcome | TrackRequest:
    """How one language is read aloud: a track to render, or the outcome saying why not.

    A language with no voice (Filipino has none in espeak-ng) and no configured substitute is
    published without audio, and the outcome says so; it is never read by another voice
    silently.
    """
    from audio.tracks import TrackRequest
    from audio.voices import DEFAULT_VOICES, available_voices, resolve_voice

    language = doc.language
    voice = resolve_voice(language, fallbacks=services.settings.voice_fallbacks)
    if voice is None and language not in DEFAULT_VOICES:
        detail = (
            f"no voice installed: there is no voice for {language}; a substitute can be "
            f"configured, e.g. KAKEHASHI_VOICE_FALLBACKS={language}=en"
        )
        return LanguageOutcome(language, "published", doc.translation_status, detail=detail)
    if voice is None or voice.language not in available_voices():
        missing = (voice or DEFAULT_VOICES[language]).label
        detail = f"no voice installed: {missing} is not installed on this machine"
        return LanguageOutcome(language, "published", doc.translation_status, detail=detail)
    return TrackRequest(speech_sentences(doc), voice, label=f"{doc.bulletin_id}/{language}")


def _voice_all(
    services: Services, prepared: Sequence[tuple[LanguageOutcome, LocalizedDoc | None]]
) -> list[LanguageOutcome]:
    """Read every published language aloud in one parallel call (all cores busy).

    Each language's audio succeeds or fails on its own: a failure is reported in that
    language's outcome (page published without audio, detail says why), never hidden.
    """
    from audio.tracks import TrackRequest, render_tracks

    outcomes = [outcome for outcome, _ in prepared]
    requests: list[tuple[int, LocalizedDoc, TrackRequest]] = []
    for index, (outcome, doc) in enumerate(prepared):
        if doc is None:
            continue
        try:
            plan = _voice(services, doc)
        except Exception as error:  # e.g. text that cannot be made into speech
            log.exception("audio failed for %s", doc.language)
            outcomes[index] = replace(outcome, detail=f"audio failed: {error}")
            continue
        if isinstance(plan, TrackRequest):
            requests.append((index, doc, plan))
        else:
            outcomes[index] = _with_audio(outcome, plan)
    if not requests:
        return outcomes
    needs_espeak = any(request.voice.engine == "pyttsx3" for _, _, request in requests)
    try:
        tracks: Sequence[object] = render_tracks(
            [request for _, _, request in requests],
            cache=services.clip_cache(),
            pool=services.voice_pool if needs_espeak else None,
            workers=services.audio_workers,
        )
    except Exception as error:  # the pools themselves failed: every language says so
        log.exception("audio rendering failed")
        tracks = [error] * len(requests)
    for (index, doc, request), track in zip(requests, tracks, strict=True):
        outcomes[index] = _store_audio(services, outcomes[index], doc, request, track)
    return outcomes


def _with_audio(outcome: LanguageOutcome, audio: LanguageOutcome) -> LanguageOutcome:
    """The text outcome with the audio part (voice, files, detail) of ``audio``."""
    return replace(
        outcome,
        voice=audio.voice,
        voice_substitute_for=audio.voice_substitute_for,
        audio_file=audio.audio_file,
        captions_file=audio.captions_file,
        audio_seconds=audio.audio_seconds,
        detail=audio.detail,
    )


def _store_audio(
    services: Services,
    outcome: LanguageOutcome,
    doc: LocalizedDoc,
    request: TrackRequest,
    track: object,
) -> LanguageOutcome:
    """Write one language's MP3 and WebVTT, or report why it has none."""
    from audio.assemble import AudioTrack

    if not isinstance(track, AudioTrack):
        return replace(outcome, detail=f"audio failed: {track}")
    mp3_path, vtt_path = _media_paths(services, doc)
    try:
        write_atomic(mp3_path, track.mp3)
        write_atomic(vtt_path, track.webvtt.encode("utf-8"))
    except OSError as error:
        log.exception("audio files for %s could not be written", doc.language)
        return replace(outcome, detail=f"audio failed: {error}")
    media = services.settings.media_dir
    return replace(
        outcome,
        voice=request.voice.label,
        voice_substitute_for=request.voice.substitute_for,
        audio_file=str(mp3_path.relative_to(media)),
        captions_file=str(vtt_path.relative_to(media)),
        audio_seconds=round(track.duration, 2),
    )


def publish_language(
    services: Services,
    session: Session,
    source: SourceDoc,
    language: str,
    route: str | None,
    translated: Sequence[TranslatedSegment] | None = None,
    flagged_policy: str = "publish_with_note",
) -> tuple[LanguageOutcome, LocalizedDoc | None]:
    """Translate (unless ``translated`` is given) and store one language, ready to voice.

    Returns the text outcome and the localized document to read aloud, or ``None`` when the
    language is not published (no model, held for review); :func:`_voice_all` then voices
    all languages together.

    A language with flagged sentences under ``hold_for_review`` is stored but not published
    (status ``held_for_review``) until corrections clear its flags.
    """
    if language == services.settings.source_language:
        doc = localize(source, language, None)
    else:
        if route is None:
            return LanguageOutcome(
                language, "missing_model", "missing", detail="no translation model installed"
            ), None
        if translated is None:
            translated = _translate(services, session, [source], [language])[
                (source.bulletin_id, language)
            ]
        store_translations(session, source, language, translated)
        doc = localize(source, language, segment_texts(translated))
        if doc.flagged and flagged_policy == "hold_for_review":
            return LanguageOutcome(
                language,
                "held_for_review",
                doc.translation_status,
                route=route,
                flags=_doc_flags(doc),
                detail="flagged sentences wait for review: correct them to publish this language",
            ), None
    outcome = LanguageOutcome(
        language, "published", doc.translation_status, route=route, flags=_doc_flags(doc)
    )
    return outcome, doc


def _doc_flags(doc: LocalizedDoc) -> tuple[str, ...]:
    return tuple(sorted({flag for sentence in doc.sentences() for flag in sentence.flags}))


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


def claim_job(services: Services, job_id: str) -> bool:
    """Mark a job running and count the attempt; False if it is done or has used its attempts.

    A job can be started again after a crash (the worker re-queues interrupted jobs), so
    attempts are bounded: one that keeps killing the worker stops with its error visible.
    """
    with Session(services.db) as session:
        job = session.get(Job, job_id)
        if job is None or job.state in ("succeeded", "failed"):
            return False
        if job.attempts >= MAX_ATTEMPTS:
            job.state, job.finished_at = "failed", utc_now()
            job.error = f"gave up after {job.attempts} attempts; last error: {job.error}"
            session.add(job)
            session.commit()
            return False
        job.attempts += 1
        job.state, job.started_at = "running", utc_now()
        session.add(job)
        session.commit()
        return True


def run_publish(services: Services, job_id: str) -> None:
    """Carry out one publish job; safe to run again after a crash (it redoes the work)."""
    if not claim_job(services, job_id):
        return
    with Session(services.db, expire_on_commit=False) as session:
        job = session.get(Job, job_id)
        assert job is not None
        bulletin = session.get(Bulletin, job.bulletin_id)
        assert bulletin is not None and bulletin.id is not None
        source = load_source(session, bulletin.id, job.revision)
        languages = target_languages(services, bulletin)
        flagged_policy, correction = bulletin.flagged_policy, job.kind == "correct"

    try:
        routes = services.translator.routes(services.settings.source_language, languages)
        translated = _translate_reachable(services, source, languages, routes)
        prepared: list[tuple[LanguageOutcome, LocalizedDoc | None]] = []
        all_languages = (services.settings.source_language, *languages)
        for language in all_languages:
            _set_progress(services, job_id, language, {"status": "working"})
            route = routes.get(language)
            with Session(services.db) as session:
                try:
                    outcome, doc = publish_language(
                        services,
                        session,
                        source,
                        language,
                        route.kind if route else None,
                        translated.get((source.bulletin_id, language)),
                        flagged_policy,
                    )
                except Exception as error:
                    log.exception("publishing %s failed", language)
                    outcome = LanguageOutcome(language, "failed", "missing", detail=str(error))
                    doc = None
                session.commit()
            prepared.append((outcome, doc))
            entry: dict[str, object] = {"status": "voicing"}
            if doc is None:
                entry = _progress_entry(outcome)
            _set_progress(services, job_id, language, entry)
        outcomes = _voice_all(services, prepared)
        for (_, doc), outcome in zip(prepared, outcomes, strict=True):
            if doc is not None:
                _set_progress(services, job_id, outcome.language, _progress_entry(outcome))

        if outcomes[0].status != "published":
            raise RuntimeError(f"the Japanese page could not be made: {outcomes[0].detail}")
        with Session(services.db) as session:
            for outcome in outcomes:
                _record(session, source.bulletin_id, source.revision, outcome)
            bulletin = session.get(Bulletin, source.bulletin_id)
            assert bulletin is not None
            before = audit.bulletin_state(session, bulletin)
            if not correction:  # a correction rebuilds what is online; the workflow stays
                bulletin.state = State.PUBLISHED.value
                bulletin.published_revision = source.revision
                bulletin.published_at = bulletin.published_at or utc_now()
            bulletin.updated_at = utc_now()
            session.add(bulletin)
            session.flush()
            audit.record(
                session,
                actor=audit.SYSTEM_ACTOR,
                role=audit.SYSTEM_ROLE,
                action="bulletin.corrected_online" if correction else "bulletin.published",
                target=f"bulletin:{source.bulletin_id}",
                before=before,
                after=audit.bulletin_state(session, bulletin),
                detail={
                    "job": job_id,
                    "revision": source.revision,
                    "languages": {o.language: o.status for o in outcomes},
                },
            )
            session.commit()
        build_site(services, changed=(source.bulletin_id,))
        _finish(services, job_id, "succeeded", None)
    except Exception as error:
        log.exception("publish job %s failed", job_id)
        _finish(services, job_id, "failed", f"{error}\n{traceback.format_exc(limit=3)}")
        raise


def _translate_reachable(
    services: Services, source: SourceDoc, languages: Sequence[str], routes: Mapping[str, Any]
) -> dict[tuple[int, str], tuple[TranslatedSegment, ...]]:
    """Every reachable language in one batch; on failure each language retries on its own."""
    reachable = [code for code in languages if routes.get(code) is not None]
    if not reachable:
        return {}
    try:
        with Session(services.db) as session:
            return _translate(services, session, [source], reachable)
    except Exception:
        log.exception("batched translation failed; translating language by language")
        return {}


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
    if not claim_job(services, job_id):
        return
    try:
        build_site(services)
        _finish(services, job_id, "succeeded", None)
    except Exception as error:
        _finish(services, job_id, "failed", str(error))
        raise


def _finish(services: Services, job_id: str, state: str, error: str | None) -> None:
    """Record the outcome; a failure with attempts left is ``retrying``, else ``failed``."""
    with Session(services.db) as session:
        job = session.get(Job, job_id)
        assert job is not None
        if state == "failed" and job.attempts < MAX_ATTEMPTS:
            state = "retrying"
        job.state, job.error, job.finished_at = state, error, utc_now()
        session.add(job)
        session.commit()

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

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from publisher import jobs
from publisher.clock import aware
from publisher.documents import LocalizedDoc, SourceDoc, localize
from publisher.editing import go_live, revision_of, touch_live
from publisher.files import write_atomic
from publisher.memory import segment_texts, store_translations, translate_source
from publisher.outcomes import EASY_JAPANESE, LanguageOutcome
from publisher.services import Services
from publisher.site.build import build_site
from publisher.sources import freeze_source, stored_sources
from publisher.speech_text import speech_sentences
from publisher.statuses import JobKind, LanguageStatus, TextVersion
from publisher.tables import Bulletin, Job, LanguageVersion, Revision, utc_now
from translations.converted import model_info
from translations.document import TranslatedSegment
from translations.routes import Route
from translations.statuses import TranslationStatus

if TYPE_CHECKING:
    from audio.tracks import TrackRequest

log = logging.getLogger(__name__)


def target_languages(services: Services, revision: Revision) -> tuple[str, ...]:
    """The revision's languages among those configured (all configured ones by default)."""
    configured = services.settings.target_languages
    if revision.languages is None:
        return configured
    return tuple(code for code in revision.languages if code in configured)


def _translate(
    services: Services, session: Session, sources: Sequence[SourceDoc], languages: Sequence[str]
) -> dict[tuple[int, str], tuple[TranslatedSegment, ...]]:
    """All sentences of the documents into all languages: memory first, then one engine call."""
    return translate_source(
        session, services.translator, services.settings.source_language, sources, languages
    )


HOLD_FOR_REVIEW = "hold_for_review"
"""The flagged policy that keeps a language with flagged sentences offline until corrected."""
HELD_DETAIL = "flagged sentences wait for review: correct them to publish this language"

EASY_SPEECH_SPEED = 0.85
"""The easy-Japanese page is read a little slower than the others (Open JTalk's speed)."""


def _media_paths(root: Path, doc: LocalizedDoc, version: str) -> tuple[Path, Path]:
    folder = root / str(doc.bulletin_id) / f"r{doc.revision}"
    return folder / f"{version}.mp3", folder / f"{version}.vtt"


def _voice(services: Services, doc: LocalizedDoc, version: str) -> LanguageOutcome | TrackRequest:
    """How one language version is read aloud: a track to render, or the outcome saying why not.

    A language with no voice (Filipino has none in espeak-ng) and no configured substitute is
    published without audio, and the outcome says so; it is never read by another voice
    silently. The easy-Japanese version (``version`` is :data:`EASY_JAPANESE`) is read by the
    Japanese voice, slower.
    """
    from audio.tracks import TrackRequest
    from audio.voices import DEFAULT_VOICES, available_voices, resolve_voice, slower

    language = doc.language
    voice = resolve_voice(language, fallbacks=services.settings.voice_fallbacks)
    if voice is None and language not in DEFAULT_VOICES:
        detail = (
            f"no voice installed: there is no voice for {language}; a substitute can be "
            f"configured, e.g. KAKEHASHI_VOICE_FALLBACKS={language}=en"
        )
        return LanguageOutcome(
            version, LanguageStatus.PUBLISHED, doc.translation_status, detail=detail
        )
    if voice is None or voice.language not in available_voices():
        missing = (voice or DEFAULT_VOICES[language]).label
        detail = f"no voice installed: {missing} is not installed on this machine"
        return LanguageOutcome(
            version, LanguageStatus.PUBLISHED, doc.translation_status, detail=detail
        )
    if version == EASY_JAPANESE:
        voice = slower(voice, EASY_SPEECH_SPEED)
    return TrackRequest(speech_sentences(doc), voice, label=f"{doc.bulletin_id}/{version}")


def _voice_all(
    services: Services,
    prepared: Sequence[tuple[LanguageOutcome, LocalizedDoc | None]],
    media_root: Path | None = None,
) -> list[LanguageOutcome]:
    """Read every published language aloud in one parallel call (all cores busy).

    Each language's audio succeeds or fails on its own: a failure is reported in that
    language's outcome (page published without audio, detail says why), never hidden.
    Files go under ``media_root`` (the media folder unless a preview says otherwise), and
    the outcomes name them relative to it.
    """
    root = media_root or services.settings.media_dir
    from audio.tracks import TrackRequest, render_tracks

    outcomes = [outcome for outcome, _ in prepared]
    requests: list[tuple[int, LocalizedDoc, TrackRequest]] = []
    for index, (outcome, doc) in enumerate(prepared):
        if doc is None:
            continue
        try:
            plan = _voice(services, doc, outcome.language)
        except Exception as error:  # e.g. text that cannot be made into speech
            log.exception("audio failed for %s", outcome.language)
            outcomes[index] = replace(outcome, detail=f"audio failed: {error}")
            continue
        if isinstance(plan, TrackRequest):
            requests.append((index, doc, plan))
        else:
            outcomes[index] = outcome.with_audio_of(plan)
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
        outcomes[index] = _store_audio(root, outcomes[index], doc, request, track)
    return outcomes


def _store_audio(
    root: Path,
    outcome: LanguageOutcome,
    doc: LocalizedDoc,
    request: TrackRequest,
    track: object,
) -> LanguageOutcome:
    """Write one language's MP3 and WebVTT, or report why it has none."""
    from audio.assemble import AudioTrack

    if not isinstance(track, AudioTrack):
        return replace(outcome, detail=f"audio failed: {track}")
    mp3_path, vtt_path = _media_paths(root, doc, outcome.language)
    try:
        write_atomic(mp3_path, track.mp3)
        write_atomic(vtt_path, track.webvtt.encode("utf-8"))
    except OSError as error:
        log.exception("audio files for %s could not be written", outcome.language)
        return replace(outcome, detail=f"audio failed: {error}")
    return replace(
        outcome,
        voice=request.voice.label,
        voice_substitute_for=request.voice.substitute_for,
        audio_file=str(mp3_path.relative_to(root)),
        captions_file=str(vtt_path.relative_to(root)),
        audio_seconds=round(track.duration, 2),
    )


def publish_language(
    services: Services,
    session: Session,
    source: SourceDoc,
    language: str,
    route: Route | None,
    translated: Sequence[TranslatedSegment] | None = None,
    flagged_policy: str = "publish_with_note",
    translate_from: tuple[TextVersion, SourceDoc] | None = None,
) -> tuple[LanguageOutcome, LocalizedDoc | None]:
    """Translate (unless ``translated`` is given) and store one language, ready to voice.

    The Japanese page shows ``source``; a translation is made from ``translate_from`` (the
    revision's easy-Japanese version, when the bulletin says so), and its outcome says which.

    Returns the text outcome and the localized document to read aloud, or ``None`` when the
    language is not published (no model, held for review); :func:`_voice_all` then voices
    all languages together.

    A language with flagged sentences under ``hold_for_review`` is stored but not published
    (status ``held_for_review``) until corrections clear its flags.
    """
    translated_from: TextVersion | None = None
    how: dict[str, Any] = {}
    if language == services.settings.source_language:
        doc = localize(source, language, None)
    else:
        translated_from, source = translate_from or (TextVersion.ORIGINAL, source)
        if route is None:
            return LanguageOutcome(
                language,
                LanguageStatus.MISSING_MODEL,
                TranslationStatus.MISSING,
                detail="no translation model installed",
            ), None
        if translated is None:
            translated = _translate(services, session, [source], [language])[
                (source.bulletin_id, language)
            ]
        store_translations(session, source, language, translated)
        doc = localize(source, language, segment_texts(translated))
        how = _route_fields(route)
        if doc.flagged and flagged_policy == HOLD_FOR_REVIEW:
            return LanguageOutcome(
                language,
                LanguageStatus.HELD_FOR_REVIEW,
                doc.translation_status,
                **how,
                flags=_doc_flags(doc),
                detail=HELD_DETAIL,
                translated_from=translated_from,
            ), None
    outcome = LanguageOutcome(
        language,
        LanguageStatus.PUBLISHED,
        doc.translation_status,
        **how,
        flags=_doc_flags(doc),
        translated_from=translated_from,
    )
    return outcome, doc


def _route_fields(route: Route) -> dict[str, Any]:
    """How a language was reached and the models on the way, as the outcome records them."""
    return {
        "route": route.via.value if route.via else None,
        "models": tuple(dict(model_info(step)) for step in route.steps),
    }


def _easy_version(
    services: Services, easy: SourceDoc
) -> tuple[LanguageOutcome, LocalizedDoc | None]:
    """The easy-Japanese page: the revision's easy text as a Japanese page of its own."""
    try:
        doc = localize(easy, services.settings.source_language, None)
    except Exception as error:
        log.exception("the easy-Japanese version of %s failed", easy.bulletin_id)
        return LanguageOutcome(
            EASY_JAPANESE, LanguageStatus.FAILED, TranslationStatus.MISSING, detail=str(error)
        ), None
    return LanguageOutcome(EASY_JAPANESE, LanguageStatus.PUBLISHED, doc.translation_status), doc


def _doc_flags(doc: LocalizedDoc) -> tuple[str, ...]:
    return tuple(sorted({flag for sentence in doc.sentences() for flag in sentence.flags}))


def _record(session: Session, bulletin_id: int, revision: int, outcome: LanguageOutcome) -> None:
    row = session.exec(
        select(LanguageVersion).where(
            LanguageVersion.bulletin_id == bulletin_id,
            LanguageVersion.language == outcome.language,
        )
    ).first() or LanguageVersion(bulletin_id=bulletin_id, revision=revision, **outcome.columns())
    row.sqlmodel_update({**outcome.columns(), "revision": revision, "updated_at": utc_now()})
    session.add(row)


def _drop_easy(session: Session, bulletin_id: int, revision: int) -> None:
    """A revision without an easy text takes an earlier revision's easy page down with it."""
    row = session.exec(
        select(LanguageVersion).where(
            LanguageVersion.bulletin_id == bulletin_id,
            LanguageVersion.language == EASY_JAPANESE,
        )
    ).first()
    if row is not None and row.status != LanguageStatus.RETRACTED:
        row.sqlmodel_update(
            {"status": LanguageStatus.RETRACTED, "revision": revision, "updated_at": utc_now()}
        )
        session.add(row)


def _set_progress(services: Services, job_id: str, language: str, value: dict[str, object]) -> None:
    with Session(services.db) as session:
        job = session.get(Job, job_id)
        assert job is not None
        job.progress = {**job.progress, language: value}
        session.add(job)
        session.commit()


@dataclass(frozen=True)
class ClaimedJob:
    """A publish or correction job that may run, with the frozen revision it publishes."""

    job_id: str
    kind: JobKind
    source: SourceDoc
    """The original: what the Japanese page shows."""
    languages: tuple[str, ...]
    flagged_policy: str
    translated_from: TextVersion
    translation_source: SourceDoc
    """What the translations are made from: ``source``, or the easy-Japanese version."""
    easy: SourceDoc | None = None
    """The revision's easy-Japanese version, published as a page of its own when there is one."""


def claim_publish(services: Services, job_id: str) -> ClaimedJob | None:
    """Step 1: claim the job and snapshot its revision; None if it must not run."""
    with Session(services.db, expire_on_commit=False) as session:
        job = jobs.claim(session, job_id, services.clock)
        if job is None:
            return None
        revision = revision_of(session, job.bulletin_id, job.revision)
        try:
            frozen = freeze_source(session, job.bulletin_id, job.revision)
            session.commit()
        except IntegrityError:  # another job froze the same revision a moment ago
            session.rollback()
            frozen = stored_sources(session, job.bulletin_id, job.revision)
        wanted = TextVersion(revision.translation_source)
        easy = frozen.easy if wanted is TextVersion.EASY else None
        return ClaimedJob(
            job_id=job_id,
            kind=JobKind(job.kind),
            source=frozen.original,
            languages=target_languages(services, revision),
            flagged_policy=revision.flagged_policy,
            # Editing refuses "easy" without an easy text, so the fallback is for safety only.
            translated_from=TextVersion.EASY if easy is not None else TextVersion.ORIGINAL,
            translation_source=easy if easy is not None else frozen.original,
            easy=frozen.easy,
        )


def prepare_languages(services: Services, claimed: ClaimedJob) -> list[LanguageOutcome] | None:
    """Step 2: translate, store and voice every language; None if the job was superseded.

    Nothing here is public: translations are stored for the job's revision, audio files under
    its revision's folder, and only :func:`record_outcomes` makes them part of the site.
    """
    prepared = translate_and_voice(services, claimed)
    if prepared is None:
        return None
    outcomes = [outcome for outcome, _ in prepared]
    if outcomes[0].status != LanguageStatus.PUBLISHED:
        raise RuntimeError(f"the Japanese page could not be made: {outcomes[0].detail}")
    return outcomes


def translate_and_voice(
    services: Services,
    claimed: ClaimedJob,
    *,
    media_root: Path | None = None,
    voice_held: bool = False,
) -> list[tuple[LanguageOutcome, LocalizedDoc | None]] | None:
    """Translate, store and voice every language of a claimed job: each outcome, with the
    document its page shows (None when it has no page); None if the job was superseded.

    A publish voices the languages it publishes into the media folder. A preview
    (``voice_held``, ``media_root`` its private folder) also voices a language the flagged
    policy holds back, which keeps its ``held_for_review`` outcome: the approver judges it.
    """
    job_id, source, languages = claimed.job_id, claimed.source, claimed.languages
    routes = services.translator.routes(services.settings.source_language, languages)
    translation_source = claimed.translation_source
    translated = _translate_reachable(services, translation_source, languages, routes)
    if not _still_current(services, job_id):
        return None
    policy = claimed.flagged_policy
    prepared: list[tuple[LanguageOutcome, LocalizedDoc | None]] = []
    for language in (services.settings.source_language, *languages):
        _set_progress(services, job_id, language, {"status": LanguageStatus.WORKING.value})
        route = routes.get(language)
        with Session(services.db) as session:
            try:
                outcome, doc = publish_language(
                    services,
                    session,
                    source,
                    language,
                    route,
                    translated.get((source.bulletin_id, language)),
                    "publish_with_note" if voice_held else policy,
                    (claimed.translated_from, translation_source),
                )
                if voice_held and doc is not None and doc.flagged and policy == HOLD_FOR_REVIEW:
                    outcome = replace(
                        outcome, status=LanguageStatus.HELD_FOR_REVIEW, detail=HELD_DETAIL
                    )
            except Exception as error:
                log.exception("publishing %s failed", language)
                outcome = LanguageOutcome(
                    language, LanguageStatus.FAILED, TranslationStatus.MISSING, detail=str(error)
                )
                doc = None
            session.commit()
        prepared.append((outcome, doc))
        entry: dict[str, object] = {"status": LanguageStatus.VOICING.value}
        if doc is None:
            entry = outcome.progress()
        _set_progress(services, job_id, language, entry)
    if claimed.easy is not None:
        prepared.append(_easy_version(services, claimed.easy))
        _set_progress(services, job_id, EASY_JAPANESE, {"status": LanguageStatus.VOICING.value})
    outcomes = _voice_all(services, prepared, media_root)
    for (_, doc), outcome in zip(prepared, outcomes, strict=True):
        if doc is not None:
            _set_progress(services, job_id, outcome.language, outcome.progress())
    return [(outcome, doc) for outcome, (_, doc) in zip(outcomes, prepared, strict=True)]


def run_publish(services: Services, job_id: str) -> None:
    """Carry out one publish or correction job; safe to run again after a crash.

    Nothing public changes unless, at the end, the job is still the latest wish for its
    bulletin: the check and the change are made under the bulletin's lock, in one transaction.
    """
    claimed = claim_publish(services, job_id)
    if claimed is None:
        return
    try:
        outcomes = prepare_languages(services, claimed)
        if outcomes is None or not record_outcomes(services, claimed, outcomes):
            return
        build_site(services, changed=(claimed.source.bulletin_id,))
        with Session(services.db) as session:
            jobs.finish(session, job_id, clock=services.clock)
    except Exception as error:
        log.exception("publish job %s failed", job_id)
        with Session(services.db) as session:
            jobs.finish(
                session, job_id, f"{error}\n{traceback.format_exc(limit=3)}", services.clock
            )
        raise


def _still_current(services: Services, job_id: str) -> bool:
    """Check before storing anything: a job replaced while it translated stops here."""
    with Session(services.db) as session:
        job = session.get(Job, job_id)
        assert job is not None
        bulletin = session.get(Bulletin, job.bulletin_id)
        if bulletin is not None and jobs.is_current(job, bulletin):
            return True
        jobs.supersede(session, job_id, services.clock)
        return False


def record_outcomes(
    services: Services, claimed: ClaimedJob, outcomes: Sequence[LanguageOutcome]
) -> bool:
    """Step 3: record the outcomes and put the revision online, if the job is still current.

    Returns False (and ends the job as superseded) when a newer request replaced it. The
    site is rebuilt from the database afterwards (step 4).
    """
    job_id, revision, kind = claimed.job_id, claimed.source.revision, claimed.kind
    if kind is JobKind.PREVIEW:
        raise ValueError("a preview job is recorded by publisher.preview, never put online")
    with Session(services.db) as session:
        job = session.get(Job, job_id)
        assert job is not None
        bulletin = jobs.lock_bulletin(session, job.bulletin_id)
        if bulletin is None or not jobs.is_current(job, bulletin):
            session.rollback()
            jobs.supersede(session, job_id, services.clock)
            return False
        for outcome in outcomes:
            _record(session, job.bulletin_id, revision, outcome)
        if claimed.easy is None:
            _drop_easy(session, job.bulletin_id, revision)
        detail: dict[str, Any] = {
            "job": job_id,
            "revision": revision,
            "languages": {o.language: o.status for o in outcomes},
        }
        if job.run_at is not None:  # the publish the revision's approved time asked for
            detail["scheduled_for"] = aware(job.run_at).isoformat()
        if kind == JobKind.CORRECT:  # a correction rebuilds what is online; the workflow stays
            touch_live(session, bulletin, detail, services.clock)
        else:
            go_live(session, bulletin, revision, detail, services.clock)
        session.commit()
    return True


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


def run_retract(services: Services, job_id: str) -> None:
    """Bring the site in line with a retract: the request already took the bulletin offline
    in the database, so rebuilding the site from it removes the pages."""
    with Session(services.db) as session:
        if jobs.claim(session, job_id, services.clock) is None:
            return
    try:
        build_site(services)
    except Exception as error:
        with Session(services.db) as session:
            jobs.finish(session, job_id, str(error), services.clock)
        raise
    with Session(services.db) as session:
        jobs.finish(session, job_id, clock=services.clock)

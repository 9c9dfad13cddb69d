"""Previews: a revision under review, translated and voiced exactly as its publish would be,
into a private folder that is never part of the site.

A submitted revision gets a ``preview`` job (and an approver may ask for another). It runs the
publish pipeline's own steps (:func:`publisher.pipeline.claim_publish` freezes the same
source snapshot, :func:`publisher.pipeline.translate_and_voice` translates with translation
memory, the glossary and protected tokens, stores the sentences for the revision and voices
them with verification and read-along captions), then renders each language's page with the
public templates. Three things differ, and only these:

* audio and pages go to ``Settings.preview_dir`` (beside the site, never inside it; no build
  reads it), served only to signed-in staff by :mod:`publisher.api.preview`;
* the outcomes are stored as :class:`~publisher.tables.PreviewVersion` rows, never as the
  ``LanguageVersion`` rows that say what is online, and the bulletin is not touched;
* a language the flagged policy would hold back is voiced and rendered all the same (its
  outcome still says ``held_for_review``), because the approver has to judge it.

The sentences a preview stores are the revision's own ``SegmentTranslation`` rows, and staff
corrections of them are ordinary corrections: the publish of the same revision finds them all
in translation memory, so it is quick and shows exactly what the approver saw.
"""

from __future__ import annotations

import logging
import shutil
import traceback
from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session, col, select

from publisher import jobs
from publisher.documents import LocalizedDoc, SourceDoc
from publisher.files import write_atomic
from publisher.outcomes import EASY_JAPANESE, LanguageOutcome
from publisher.pipeline import ClaimedJob, claim_publish, translate_and_voice
from publisher.services import Services
from publisher.settings import Settings
from publisher.site.content import AudioInfo, PageVersion, PublishedBulletin
from publisher.statuses import JobKind, JobState, LanguageStatus, PreviewStatus
from publisher.tables import Job, PreviewVersion, VersionColumns, utc_now

log = logging.getLogger(__name__)

API_FOLDER = "api/v1/bulletins/{bulletin}/preview/{version}/"
"""Where the API serves a version's preview (``{folder}page``, ``{folder}audio.mp3``); the page
is rendered for that folder, so its own links (audio, stylesheet, other previews) resolve."""


def served_from(bulletin_id: int, version: str) -> str:
    return API_FOLDER.format(bulletin=bulletin_id, version=version)


def revision_folder(settings: Settings, bulletin_id: int, revision: int) -> Path:
    return settings.preview_dir / str(bulletin_id) / f"r{revision}"


def page_file(settings: Settings, bulletin_id: int, revision: int, version: str) -> Path:
    return revision_folder(settings, bulletin_id, revision) / f"{version}.html"


def preview_status(row: VersionColumns) -> PreviewStatus:
    """The one thing an approver should know first about a language of the preview."""
    status = LanguageStatus(row.status)
    if status is LanguageStatus.FAILED:
        return PreviewStatus.FAILED
    if status is LanguageStatus.MISSING_MODEL:
        return PreviewStatus.MISSING_MODEL
    if status is LanguageStatus.HELD_FOR_REVIEW:
        return PreviewStatus.HELD_FOR_REVIEW
    if row.flags:
        return PreviewStatus.FLAGGED
    if row.audio_file is None:
        return PreviewStatus.NO_VOICE
    return PreviewStatus.READY


def run_preview(services: Services, job_id: str) -> None:
    """Carry out one preview job; safe to run again after a crash. Changes nothing public."""
    claimed = claim_publish(services, job_id)
    if claimed is None:
        return
    try:
        outcomes = prepare_preview(services, claimed)
        if outcomes is not None and record_preview(services, claimed, outcomes):
            with Session(services.db) as session:
                jobs.finish(session, job_id)
            _remove_older_revisions(services.settings, claimed.source)
    except Exception as error:
        log.exception("preview job %s failed", job_id)
        with Session(services.db) as session:
            jobs.finish(session, job_id, f"{error}\n{traceback.format_exc(limit=3)}")
        raise


def prepare_preview(services: Services, claimed: ClaimedJob) -> list[LanguageOutcome] | None:
    """Translate, voice and render every version into the private folder; None if the job
    was superseded meanwhile. Nothing is recorded yet (:func:`record_preview` does)."""
    prepared = translate_and_voice(
        services, claimed, media_root=services.settings.preview_dir, voice_held=True
    )
    if prepared is None:
        return None
    _render_pages(services, claimed, prepared)
    return [outcome for outcome, _ in prepared]


def _audio(settings: Settings, outcome: LanguageOutcome) -> AudioInfo | None:
    if outcome.audio_file is None or outcome.audio_seconds is None:
        return None
    mp3 = settings.preview_dir / outcome.audio_file
    return AudioInfo(
        mp3=mp3,
        captions=settings.preview_dir / outcome.captions_file if outcome.captions_file else None,
        seconds=outcome.audio_seconds,
        voice=outcome.voice or "",
        substitute_for=outcome.voice_substitute_for,
        size=mp3.stat().st_size,
        identity=(),
    )


def _render_pages(
    services: Services,
    claimed: ClaimedJob,
    prepared: Sequence[tuple[LanguageOutcome, LocalizedDoc | None]],
) -> None:
    """Each version's page as residents would get it, written to the private folder."""
    from publisher.site.render import EASY_JAPANESE_NAME, SiteRenderer, SwitcherItem
    from translations.furigana import FuriganaReader, load_readings
    from translations.languages import get_language

    settings = services.settings
    source = claimed.source
    bulletin_id, revision = source.bulletin_id, source.revision
    pages = {
        outcome.language: PageVersion(doc, _audio(settings, outcome), outcome.translated_from)
        for outcome, doc in prepared
        if doc is not None
    }
    now = utc_now()
    bulletin = PublishedBulletin(bulletin_id, source.category, now, now, {}, digest="")
    readings = load_readings(settings.resolved_readings_file)
    renderer = SiteRenderer(settings, FuriganaReader(readings))
    for version, page in pages.items():
        easy_page = version == EASY_JAPANESE
        switcher = [
            SwitcherItem(
                settings.source_language if other == EASY_JAPANESE else other,
                EASY_JAPANESE_NAME if other == EASY_JAPANESE else get_language(other).native_name,
                f"../{other}/page",
                other == version,
            )
            for other in pages
        ]
        html = renderer.preview_page(
            bulletin,
            page,
            served_from(bulletin_id, version),
            switcher,
            f"../{settings.source_language}/page",
            easy_page=easy_page,
            easy_href=f"../{EASY_JAPANESE}/page"
            if EASY_JAPANESE in pages and not easy_page
            else None,
        )
        write_atomic(page_file(settings, bulletin_id, revision, version), html)


def _newer_preview_finished(session: Session, job: Job) -> bool:
    """Whether a preview requested after this one already recorded its result."""
    newer = session.exec(
        select(Job.id).where(
            Job.bulletin_id == job.bulletin_id,
            Job.kind == JobKind.PREVIEW.value,
            Job.state == JobState.SUCCEEDED.value,
            col(Job.created_at) > job.created_at,
        )
    ).first()
    return newer is not None


def record_preview(
    services: Services, claimed: ClaimedJob, outcomes: Sequence[LanguageOutcome]
) -> bool:
    """Store the preview's outcomes, if the job is still the latest wish for the revision.

    Returns False (the job ends as superseded) when the revision was edited, published or
    withdrawn from review meanwhile, or a newer preview already finished.
    """
    job_id, revision = claimed.job_id, claimed.source.revision
    with Session(services.db) as session:
        job = session.get(Job, job_id)
        assert job is not None
        bulletin = jobs.lock_bulletin(session, job.bulletin_id)
        if (
            bulletin is None
            or not jobs.is_current(job, bulletin)
            or _newer_preview_finished(session, job)
        ):
            session.rollback()
            jobs.supersede(session, job_id)
            return False
        rows = {
            row.language: row
            for row in session.exec(
                select(PreviewVersion).where(PreviewVersion.bulletin_id == job.bulletin_id)
            ).all()
        }
        for outcome in outcomes:
            values = {**outcome.columns(), "revision": revision, "job_id": job_id}
            row = rows.pop(outcome.language, None) or PreviewVersion(
                bulletin_id=job.bulletin_id, **values
            )
            row.sqlmodel_update({**values, "updated_at": utc_now()})
            session.add(row)
        for stale in rows.values():  # e.g. an easy version the new revision no longer has
            session.delete(stale)
        session.commit()
    return True


def _remove_older_revisions(settings: Settings, source: SourceDoc) -> None:
    """A bulletin keeps only its latest preview's files: older revisions' are deleted."""
    folder = settings.preview_dir / str(source.bulletin_id)
    if not folder.is_dir():
        return
    for other in folder.iterdir():
        if other.is_dir() and other.name != f"r{source.revision}":
            shutil.rmtree(other, ignore_errors=True)

"""Previews: judge each language of a revision under review before approving it.

``GET /bulletins/{id}/preview`` shows, for each language, what a publish would do (the
outcome, and the first thing to look at: flagged, held for review, missing model, no voice)
and every sentence beside the Japanese, flagged ones first. The page and its audio are served
at ``.../preview/{lang}/page``, ``.../audio.mp3`` and ``.../captions.vtt`` with
``Cache-Control: private, no-store``: they are for signed-in staff, never part of the site.

Who may look: approvers and admins (they judge it), and the bulletin's own authors (they
wrote it and want to see how it reads); other editors may not. Asking for a new preview and
correcting a sentence of one need the approver or admin role, like every correction: what
they change goes online with the approval.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.responses import FileResponse
from sqlmodel import Session, col, select

from publisher.api.deps import QueueDep, ServicesDep, SessionDep, StaffDep, require
from publisher.api.errors import ERROR_RESPONSES, invalid
from publisher.api.params import RecordId
from publisher.api.translations import (
    flagged_first,
    segment_public,
    sentence_rows,
    translated_from_source,
)
from publisher.editing import correct_translation, request_preview, revision_of
from publisher.jobs import PREVIEWABLE
from publisher.keys import Staff
from publisher.outcomes import EASY_JAPANESE, LanguageOutcome
from publisher.permissions import Permission, allows
from publisher.preview import page_file, preview_status, served_from
from publisher.schemas import (
    CorrectionAccepted,
    JobAccepted,
    JobPublic,
    LanguageVersionPublic,
    PreviewLanguagePublic,
    PreviewPublic,
    SegmentCorrection,
    SegmentTranslationPublic,
)
from publisher.services import Services
from publisher.site import paths
from publisher.statuses import JobKind, LanguageStatus
from publisher.tables import Bulletin, Job, PreviewVersion, Revision
from publisher.workflow import WorkflowError
from translations.corrections import CorrectionError, mask_correction

router = APIRouter(prefix="/bulletins", tags=["preview"], responses=ERROR_RESPONSES)

Reviewer = Annotated[Staff, Depends(require(Permission.CORRECT_TRANSLATIONS))]

FolderOf = Callable[[int, str], str]
"""Where a language's private preview files are served: ``folder_of(bulletin_id, language)``."""

PRIVATE = {"Cache-Control": "private, no-store"}
"""Preview files are for the member of staff who asked: no shared or browser cache keeps them."""


def _bulletin(session: Session, bulletin_id: int) -> Bulletin:
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no bulletin with id {bulletin_id}")
    return bulletin


def _may_see(session: Session, staff: Staff, bulletin_id: int) -> None:
    """Approvers and admins see every preview; an editor only those of bulletins they wrote."""
    if allows(staff.role, Permission.CORRECT_TRANSLATIONS):
        return
    authored = session.exec(
        select(Revision.id).where(
            Revision.bulletin_id == bulletin_id, Revision.author_id == staff.id
        )
    ).first()
    if authored is None:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            "a preview is shown to approvers, admins and the bulletin's own authors",
        )


def _latest_job(session: Session, bulletin: Bulletin) -> Job | None:
    return session.exec(
        select(Job)
        .where(
            Job.bulletin_id == bulletin.id,
            Job.kind == JobKind.PREVIEW.value,
            Job.revision == bulletin.current_revision,
        )
        .order_by(col(Job.created_at).desc())
    ).first()


def _versions(session: Session, bulletin_id: int) -> dict[str, PreviewVersion]:
    rows = session.exec(
        select(PreviewVersion).where(PreviewVersion.bulletin_id == bulletin_id)
    ).all()
    return {row.language: row for row in rows}


def _version(session: Session, bulletin_id: int, language: str) -> PreviewVersion:
    row = _versions(session, bulletin_id).get(language)
    if row is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            f"bulletin {bulletin_id} has no {language} preview (submit it for review first)",
        )
    return row


def _sentences(
    session: Session, services: Services, row: PreviewVersion
) -> list[SegmentTranslationPublic]:
    """Each translated sentence beside its Japanese source, flagged first, then in order."""
    source_language = services.settings.source_language
    if row.language in (source_language, EASY_JAPANESE) or row.status in (
        LanguageStatus.MISSING_MODEL,
        LanguageStatus.FAILED,
    ):
        return []
    source = translated_from_source(session, row)
    stored = sentence_rows(session, row)
    sentences = [
        segment_public(segment, stored[segment.id], row.language, source_language)
        for segment in source.segments()
        if segment.id in stored
    ]
    return flagged_first(sentences)


def _language(
    session: Session, services: Services, folder_of: FolderOf, row: PreviewVersion
) -> PreviewLanguagePublic:
    folder = folder_of(row.bulletin_id, row.language)
    outcome = LanguageOutcome.of_row(row)
    shown = LanguageVersionPublic.of(outcome, revision=row.revision, page=folder)
    rendered = page_file(services.settings, row.bulletin_id, row.revision, row.language)
    page = folder + "page" if rendered.is_file() else None
    sentences = _sentences(session, services, row)
    return PreviewLanguagePublic(
        **{**shown.model_dump(), "page_url": page},
        preview=preview_status(row),
        flagged_sentences=sum(1 for sentence in sentences if sentence.flags),
        segments=sentences,
    )


def _order(services: Services, revision: Revision, languages: list[str]) -> list[str]:
    settings = services.settings
    targets = revision.languages if revision.languages is not None else settings.target_languages
    wanted = [settings.source_language, *targets, EASY_JAPANESE]
    return sorted(
        languages, key=lambda code: (wanted.index(code) if code in wanted else len(wanted), code)
    )


def preview_of(
    session: Session,
    services: Services,
    staff: Staff,
    bulletin_id: int,
    folder_of: FolderOf,
) -> PreviewPublic:
    """The preview as the API and the workspace show it; ``folder_of(bulletin, language)``
    is where the caller serves a language's page, audio and captions (private to staff)."""
    bulletin = _bulletin(session, bulletin_id)
    _may_see(session, staff, bulletin_id)
    rows = _versions(session, bulletin_id)
    job = _latest_job(session, bulletin)
    if not rows and job is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            f"revision {bulletin.current_revision} of bulletin {bulletin_id} has no preview: "
            "it is made when the revision is submitted for review",
        )
    previewed = next(iter(rows.values())).revision if rows else bulletin.current_revision
    revision = revision_of(session, bulletin_id, previewed)
    return PreviewPublic(
        bulletin_id=bulletin_id,
        state=bulletin.state,
        revision=previewed,
        current=previewed == bulletin.current_revision,
        flagged_policy=revision.flagged_policy,
        job=JobPublic.model_validate(job, from_attributes=True) if job is not None else None,
        languages=[
            _language(session, services, folder_of, rows[code])
            for code in _order(services, revision, list(rows))
        ],
    )


@router.get("/{bulletin_id}/preview")
def get_preview(
    bulletin_id: RecordId,
    request: Request,
    staff: StaffDep,
    session: SessionDep,
    services: ServicesDep,
) -> PreviewPublic:
    """Each language of the revision under review as its publish would make it."""
    base = str(request.base_url)
    return preview_of(
        session,
        services,
        staff,
        bulletin_id,
        lambda bulletin, language: base + served_from(bulletin, language),
    )


@router.post("/{bulletin_id}/preview", status_code=status.HTTP_202_ACCEPTED)
def post_preview(
    bulletin_id: RecordId,
    request: Request,
    staff: Reviewer,
    session: SessionDep,
    queue: QueueDep,
) -> JobAccepted:
    """Make the revision under review's preview again (e.g. after a glossary change)."""
    _bulletin(session, bulletin_id)
    try:
        job = request_preview(session, bulletin_id, staff)
    except WorkflowError as error:
        raise HTTPException(error.status, str(error)) from error
    session.commit()
    queue.enqueue(job)
    return JobAccepted(job_id=job.id, status_url=str(request.url_for("get_job", job_id=job.id)))


@router.get(
    "/{bulletin_id}/preview/{language}/page",
    response_class=FileResponse,
    responses={200: {"content": {"text/html": {}}}},
)
def get_preview_page(
    bulletin_id: RecordId,
    language: str,
    staff: StaffDep,
    session: SessionDep,
    services: ServicesDep,
) -> FileResponse:
    """The language's page exactly as residents would get it (private to staff)."""
    _bulletin(session, bulletin_id)
    _may_see(session, staff, bulletin_id)
    row = _version(session, bulletin_id, language)
    path = page_file(services.settings, bulletin_id, row.revision, row.language)
    return _private_file(path, "text/html; charset=utf-8", f"the {language} preview has no page")


def _media(
    session: Session, services: Services, staff: Staff, bulletin_id: int, language: str
) -> PreviewVersion:
    _bulletin(session, bulletin_id)
    _may_see(session, staff, bulletin_id)
    return _version(session, bulletin_id, language)


@router.get(
    f"/{{bulletin_id}}/preview/{{language}}/{paths.AUDIO_FILE}",
    response_class=FileResponse,
    responses={200: {"content": {"audio/mpeg": {}}}},
)
def get_preview_audio(
    bulletin_id: RecordId,
    language: str,
    staff: StaffDep,
    session: SessionDep,
    services: ServicesDep,
) -> FileResponse:
    """The whole audio track of the language's preview (MP3)."""
    row = _media(session, services, staff, bulletin_id, language)
    missing = f"the {language} preview has no audio: {row.detail or 'not voiced'}"
    if row.audio_file is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, missing)
    return _private_file(services.settings.preview_dir / row.audio_file, "audio/mpeg", missing)


@router.get(
    f"/{{bulletin_id}}/preview/{{language}}/{paths.CAPTIONS_FILE}",
    response_class=FileResponse,
    responses={200: {"content": {"text/vtt": {}}}},
)
def get_preview_captions(
    bulletin_id: RecordId,
    language: str,
    staff: StaffDep,
    session: SessionDep,
    services: ServicesDep,
) -> FileResponse:
    """The read-along captions of the audio (WebVTT: one cue per sentence, with its times)."""
    row = _media(session, services, staff, bulletin_id, language)
    missing = f"the {language} preview has no captions"
    if row.captions_file is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, missing)
    return _private_file(
        services.settings.preview_dir / row.captions_file, "text/vtt; charset=utf-8", missing
    )


def _private_file(path: Path, media_type: str, missing: str) -> FileResponse:
    if not path.is_file():
        raise HTTPException(status.HTTP_404_NOT_FOUND, missing)
    return FileResponse(path, media_type=media_type, headers=PRIVATE)


@router.put(
    "/{bulletin_id}/preview/{language}/segments/{segment_id}",
    status_code=status.HTTP_202_ACCEPTED,
)
def correct_preview_segment(
    bulletin_id: RecordId,
    language: str,
    segment_id: str,
    payload: SegmentCorrection,
    request: Request,
    staff: Reviewer,
    session: SessionDep,
    services: ServicesDep,
    queue: QueueDep,
) -> CorrectionAccepted:
    """Correct one sentence of the revision under review; its preview is made again with it,
    and its publish takes it from translation memory.

    The rules of every correction: write the sentence as the page shows it, keeping every
    protected item (phone number, date, URL, link text); 422 lists what is missing.
    """
    try:
        public, job = correct_preview(
            session, services, staff, bulletin_id, language, segment_id, payload.text
        )
    except CorrectionError as error:
        raise invalid("text", str(error)) from error
    queue.enqueue(job)
    return CorrectionAccepted(
        segment=public,
        job_id=job.id,
        status_url=str(request.url_for("get_job", job_id=job.id)),
    )


def correct_preview(
    session: Session,
    services: Services,
    staff: Staff,
    bulletin_id: int,
    language: str,
    segment_id: str,
    text: str,
) -> tuple[SegmentTranslationPublic, Job]:
    """Store one sentence's correction of the revision under review and commit it; the
    caller enqueues the returned preview job. Raises :class:`CorrectionError` when a protected
    item is missing, and ``HTTPException`` (404, 409) when there is no such sentence to correct.
    """
    bulletin = _bulletin(session, bulletin_id)
    row = _version(session, bulletin_id, language)
    if bulletin.state not in PREVIEWABLE or row.revision != bulletin.current_revision:
        raise HTTPException(
            status.HTTP_409_CONFLICT,
            f"the preview is of revision {row.revision}; revision "
            f"{bulletin.current_revision} is {bulletin.state}: only the revision under review "
            "is corrected here (a published one through its translations)",
        )
    stored = sentence_rows(session, row)
    if not stored:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"the {language} preview has no translated sentences"
        )
    segment = {item.id: item for item in translated_from_source(session, row).segments()}.get(
        segment_id
    )
    sentence = stored.get(segment_id)
    if segment is None or sentence is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            f"revision {row.revision} of bulletin {bulletin_id} has no segment {segment_id}",
        )
    masked = mask_correction(text, segment, row.language)
    job = correct_translation(session, sentence, masked, staff, rebuild=JobKind.PREVIEW)
    session.commit()
    return segment_public(segment, sentence, row.language, services.settings.source_language), job

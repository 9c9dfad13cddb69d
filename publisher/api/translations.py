"""Translations: each sentence beside its Japanese source, and staff corrections.

``GET /bulletins/{id}/translations/{lang}`` lists the sentences of the language's current
version (what is online, or held for review): source, translation, origin, flags and glossary
terms. ``PUT .../segments/{segment_id}`` stores a correction as origin ``human`` and queues a
``correct`` job that rebuilds the pages and audio with it (the same job as a publish, so it is
reported the same way); the correction is reused for that sentence in every later revision.
Corrections go online at once, so they need the approver or admin role, like publishing.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from sqlmodel import Session, col, select

from publisher.api.deps import QueueDep, ServicesDep, SessionDep, StaffDep, require
from publisher.api.errors import ERROR_RESPONSES, invalid
from publisher.api.params import RecordId
from publisher.documents import SourceDoc
from publisher.editing import correct_translation, revision_of
from publisher.keys import Staff
from publisher.permissions import Permission
from publisher.schemas import (
    AppliedTermPublic,
    CorrectionAccepted,
    LanguageTranslationPublic,
    SegmentCorrection,
    SegmentTranslationPublic,
)
from publisher.services import Services
from publisher.sources import stored_source
from publisher.statuses import LanguageStatus, TextVersion
from publisher.tables import (
    Bulletin,
    Job,
    LanguageVersion,
    SegmentTranslation,
    VersionColumns,
)
from translations.corrections import CorrectionError, mask_correction
from translations.document import Segment
from translations.languages import UnknownLanguageError, get_language
from translations.restore import plain_text, restore

router = APIRouter(prefix="/bulletins", tags=["translations"], responses=ERROR_RESPONSES)

Corrector = Annotated[Staff, Depends(require(Permission.CORRECT_TRANSLATIONS))]


def _language(services: Services, code: str) -> str:
    try:
        language = get_language(code).code
    except UnknownLanguageError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(error)) from error
    if language == services.settings.source_language:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"{language} is the source language: it has no translation"
        )
    return language


def _version(session: Session, bulletin_id: RecordId, language: str) -> LanguageVersion:
    if session.get(Bulletin, bulletin_id) is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no bulletin with id {bulletin_id}")
    version = session.exec(
        select(LanguageVersion).where(
            LanguageVersion.bulletin_id == bulletin_id, LanguageVersion.language == language
        )
    ).first()
    if version is None or version.status not in (
        LanguageStatus.PUBLISHED,
        LanguageStatus.HELD_FOR_REVIEW,
    ):
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            f"bulletin {bulletin_id} has no {language} translation yet (publish it first)",
        )
    return version


def translated_from_source(session: Session, version: VersionColumns) -> SourceDoc:
    """The stored Japanese text the language was translated from (original or easy)."""
    text = TextVersion(version.translated_from or TextVersion.ORIGINAL)
    return stored_source(session, version.bulletin_id, version.revision, text)


def sentence_rows(session: Session, version: VersionColumns) -> dict[str, SegmentTranslation]:
    rows = session.exec(
        select(SegmentTranslation)
        .where(
            SegmentTranslation.bulletin_id == version.bulletin_id,
            SegmentTranslation.revision == version.revision,
            SegmentTranslation.language == version.language,
        )
        .order_by(col(SegmentTranslation.position))
    ).all()
    return {row.segment_id: row for row in rows}


def segment_public(
    segment: Segment, row: SegmentTranslation, language: str, source_language: str
) -> SegmentTranslationPublic:
    return SegmentTranslationPublic(
        segment_id=segment.id,
        position=row.position,
        source=plain_text(restore(segment.text, segment.tokens, source_language).pieces),
        text=plain_text(restore(row.text, segment.tokens, language).pieces),
        masked_source=segment.text,
        masked_text=row.text,
        origin=row.origin,
        engine=row.engine,
        model_version=row.model_version,
        reused=row.reused,
        flags=list(row.flags),
        glossary_terms=[
            AppliedTermPublic(
                source=str(term["source"]),
                translation=str(term["translation"]),
                keep=bool(term["keep"]),
            )
            for term in row.glossary_terms
        ],
        corrected_by=row.corrected_by,
        corrected_at=row.corrected_at,
        machine_text=(
            plain_text(restore(row.machine_text, segment.tokens, language).pieces)
            if row.machine_text is not None
            else None
        ),
    )


def flagged_first(sentences: list[SegmentTranslationPublic]) -> list[SegmentTranslationPublic]:
    """Flagged sentences first (they need a look), then in reading order."""
    return sorted(sentences, key=lambda sentence: (not sentence.flags, sentence.position))


def _segments(source: SourceDoc) -> dict[str, Segment]:
    return {segment.id: segment for segment in source.segments()}


@router.get("/{bulletin_id}/translations/{language}")
def get_translation(
    bulletin_id: RecordId,
    language: str,
    _staff: StaffDep,
    session: SessionDep,
    services: ServicesDep,
) -> LanguageTranslationPublic:
    """Every sentence of the language's current version beside its Japanese source."""
    code = _language(services, language)
    version = _version(session, bulletin_id, code)
    source = translated_from_source(session, version)
    rows = sentence_rows(session, version)
    source_language = services.settings.source_language
    return LanguageTranslationPublic(
        bulletin_id=bulletin_id,
        language=code,
        revision=version.revision,
        status=version.status,
        translation=version.translation,
        flagged_policy=revision_of(session, bulletin_id, version.revision).flagged_policy,
        flags=list(version.flags),
        translated_from=TextVersion(version.translated_from) if version.translated_from else None,
        segments=[
            segment_public(segment, rows[segment.id], code, source_language)
            for segment in source.segments()
            if segment.id in rows
        ],
    )


@router.put(
    "/{bulletin_id}/translations/{language}/segments/{segment_id}",
    status_code=status.HTTP_202_ACCEPTED,
)
def correct_segment(
    bulletin_id: RecordId,
    language: str,
    segment_id: str,
    payload: SegmentCorrection,
    request: Request,
    staff: Corrector,
    session: SessionDep,
    services: ServicesDep,
    queue: QueueDep,
) -> CorrectionAccepted:
    """Replace one sentence's translation with a staff correction; the pages are rebuilt.

    Write the sentence as the page shows it; every protected item (phone number, date, URL,
    link text) must still be in it (422 lists what is missing).
    """
    try:
        public, job = correct_published(
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


def correct_published(
    session: Session,
    services: Services,
    staff: Staff,
    bulletin_id: int,
    language: str,
    segment_id: str,
    text: str,
) -> tuple[SegmentTranslationPublic, Job]:
    """Store a correction of the language's current version and commit it; the caller
    enqueues the returned ``correct`` job. Raises :class:`CorrectionError` when a protected
    item is missing, ``HTTPException`` (404) when there is no such sentence."""
    code = _language(services, language)
    version = _version(session, bulletin_id, code)
    source = translated_from_source(session, version)
    segment = _segments(source).get(segment_id)
    row = sentence_rows(session, version).get(segment_id)
    if segment is None or row is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND,
            f"revision {version.revision} of bulletin {bulletin_id} has no segment {segment_id}",
        )
    masked = mask_correction(text, segment, code)
    job = correct_translation(session, row, masked, staff)
    session.commit()
    return segment_public(segment, row, code, services.settings.source_language), job

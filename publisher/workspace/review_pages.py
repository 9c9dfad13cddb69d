"""Reviewing each language of a bulletin: its preview before approval, its translations once
published, sentence by sentence beside the Japanese, with the audio and the page.

Every view and correction goes through the API's own functions (``preview_of``,
``correct_preview``, ``get_translation``, ``correct_published``, the preview file routes), so
the statuses, the rows, the correction rules and who may do what are the API's. The private
files are served under ``/staff/bulletins/{id}/review/{lang}/`` (``page``, ``audio.mp3``,
``captions.vtt``), the same folder shape as the API's, so the preview page's own relative
links (audio, other languages, stylesheet) resolve there too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request, status
from fastapi.responses import FileResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import Session

from publisher.api.bulletins import language_versions
from publisher.api.deps import QueueDep, ServicesDep, SessionDep
from publisher.api.params import RecordId
from publisher.api.preview import (
    correct_preview,
    get_preview_audio,
    get_preview_captions,
    get_preview_page,
    preview_of,
)
from publisher.api.translations import correct_published, flagged_first, get_translation
from publisher.editing import revision_of
from publisher.jobs import UNFINISHED
from publisher.permissions import Permission
from publisher.schemas import PreviewPublic, SegmentCorrection
from publisher.services import Services
from publisher.site import paths
from publisher.statuses import JobState, LanguageStatus, PreviewStatus
from publisher.tables import Bulletin
from publisher.workspace.deps import SignedInDep, checked_permitted
from publisher.workspace.render import render
from publisher.workspace.sessions import SignedIn
from translations.corrections import CorrectionError

router = APIRouter(prefix="/bulletins")

CorrectorDep = Annotated[SignedIn, Depends(checked_permitted(Permission.CORRECT_TRANSLATIONS))]
"""A correction: the approver or admin role (as the API's), with the session's CSRF token."""

Correction = Annotated[str, Form(max_length=4_000)]


@dataclass(frozen=True)
class Refusal:
    """A correction not saved, shown beside its row: the text as sent, and why."""

    text: str
    missing: str = ""
    """The protected items the text lost (the page says so in the person's language)."""
    reason: str = ""
    """Any other rule of the correction schema it broke, as the schema words it."""

    @classmethod
    def of(cls, text: str, error: CorrectionError | ValidationError) -> Refusal:
        if isinstance(error, CorrectionError):
            return cls(text, missing="、".join(error.missing))
        reasons = (str(item["msg"]).removeprefix("Value error, ") for item in error.errors())
        return cls(text, reason="; ".join(reasons))


def review_folder(bulletin_id: int, language: str) -> str:
    return f"/staff/bulletins/{bulletin_id}/review/{language}/"


def _bulletin(session: Session, bulletin_id: int) -> Bulletin:
    bulletin = session.get(Bulletin, bulletin_id)
    if bulletin is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found")
    return bulletin


def _preview(
    session: Session, services: Services, signed: SignedIn, bulletin: Bulletin
) -> PreviewPublic | None:
    """The preview as the API shows it, or None when the bulletin never had one; refused
    (403) for an editor who is not one of its authors, as the API refuses."""
    assert bulletin.id is not None
    try:
        return preview_of(session, services, signed.staff, bulletin.id, review_folder)
    except HTTPException as error:
        if error.status_code == status.HTTP_404_NOT_FOUND:
            return None
        raise


def being_made(view: PreviewPublic | None) -> bool:
    """Whether the latest preview job of the working revision has still to finish."""
    return view is not None and view.job is not None and JobState(view.job.state) in UNFINISHED


def shown_status(view: PreviewPublic, language: PreviewStatus) -> PreviewStatus:
    """While that job runs, what is stored is older: say the preview is being made rather
    than pass the older outcome off as the new one."""
    return PreviewStatus.WORKING if being_made(view) else language


def _published(session: Session, services: Services, bulletin: Bulletin) -> list[dict[str, Any]]:
    """The languages online (or held back) as the API lists them, with their public audio."""
    if bulletin.published_revision is None:
        return []
    revision = revision_of(session, bulletin.id or 0, bulletin.published_revision)
    source = services.settings.source_language
    shown = (LanguageStatus.PUBLISHED, LanguageStatus.HELD_FOR_REVIEW)
    return [
        {"version": version, "has_sentences": version.language != source}
        for version in language_versions(services, session, bulletin, revision)
        if version.status in shown and version.revision is not None
    ]


def _page(
    request: Request,
    signed: SignedIn,
    session: Session,
    services: Services,
    bulletin_id: int,
    *,
    language: str | None = None,
    published: bool = False,
    refused: dict[str, Refusal] | None = None,
    done: str = "",
) -> Response:
    bulletin = _bulletin(session, bulletin_id)
    view = _preview(session, services, signed, bulletin)
    online = _published(session, services, bulletin)
    chosen: Any = None
    sentences: list[Any] = []
    audio: str | None = None
    page: str | None = None
    correctable = False
    if language is not None and published:
        if not any(entry["version"].language == language for entry in online):
            raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found")
        chosen = next(e["version"] for e in online if e["version"].language == language)
        if language != services.settings.source_language:
            translation = get_translation(bulletin_id, language, signed.staff, session, services)
            sentences = flagged_first(translation.segments)
        audio, page = chosen.audio_url, chosen.page_url
        correctable = bool(sentences)
    elif language is not None:
        found = [entry for entry in view.languages if entry.language == language] if view else []
        if not found:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "not_found")
        chosen = found[0]
        sentences = chosen.segments
        audio, page = chosen.audio_url, chosen.page_url
        correctable = view is not None and view.current and bool(sentences)
    title = revision_of(session, bulletin_id, bulletin.current_revision).title
    return render(
        request,
        "review.html",
        {
            "bulletin": bulletin,
            "title": title,
            "view": view,
            "shown_status": shown_status,
            "working": being_made(view),
            "online": online,
            "language": language,
            "published": published,
            "chosen": chosen,
            "sentences": sentences,
            "audio": audio,
            "page_url": page,
            "correctable": correctable,
            "refused": refused or {},
            "done": done == "corrected",
            "base_url": services.settings.base_url,
        },
        signed_in=signed,
        status_code=422 if refused else 200,
    )


@router.get("/{bulletin_id}/review/")
def review(
    request: Request,
    bulletin_id: RecordId,
    signed: SignedInDep,
    session: SessionDep,
    services: ServicesDep,
) -> Response:
    return _page(request, signed, session, services, bulletin_id)


@router.get("/{bulletin_id}/review")
def review_without_slash(bulletin_id: RecordId) -> Response:
    return RedirectResponse(f"/staff/bulletins/{bulletin_id}/review/", status_code=308)


@router.get("/{bulletin_id}/review/{language}/")
def review_preview_language(
    request: Request,
    bulletin_id: RecordId,
    language: str,
    signed: SignedInDep,
    session: SessionDep,
    services: ServicesDep,
    done: str = "",
) -> Response:
    """One language of the preview: every sentence beside the Japanese, flagged first."""
    return _page(request, signed, session, services, bulletin_id, language=language, done=done)


@router.get("/{bulletin_id}/review/{language}/published")
def review_published_language(
    request: Request,
    bulletin_id: RecordId,
    language: str,
    signed: SignedInDep,
    session: SessionDep,
    services: ServicesDep,
    done: str = "",
) -> Response:
    """One language as published: the same table, over the published translations."""
    return _page(
        request,
        signed,
        session,
        services,
        bulletin_id,
        language=language,
        published=True,
        done=done,
    )


def _checked_text(text: str) -> str:
    """The correction as the API's schema takes it (one line, not blank, visible text)."""
    return SegmentCorrection.model_validate({"text": text}).text


@router.post("/{bulletin_id}/review/{language}/segments/{segment_id}")
def correct_in_preview(
    request: Request,
    bulletin_id: RecordId,
    language: str,
    segment_id: str,
    signed: CorrectorDep,
    session: SessionDep,
    services: ServicesDep,
    queue: QueueDep,
    text: Correction = "",
) -> Response:
    """Correct one sentence of the preview; the preview is made again with it."""
    try:
        _public, job = correct_preview(
            session, services, signed.staff, bulletin_id, language, segment_id, _checked_text(text)
        )
    except (CorrectionError, ValidationError) as error:
        session.rollback()
        return _page(
            request,
            signed,
            session,
            services,
            bulletin_id,
            language=language,
            refused={segment_id: Refusal.of(text, error)},
        )
    queue.enqueue(job)
    return RedirectResponse(
        f"{review_folder(bulletin_id, language)}?done=corrected#s-{segment_id}", status_code=303
    )


@router.post("/{bulletin_id}/review/{language}/published/segments/{segment_id}")
def correct_when_published(
    request: Request,
    bulletin_id: RecordId,
    language: str,
    segment_id: str,
    signed: CorrectorDep,
    session: SessionDep,
    services: ServicesDep,
    queue: QueueDep,
    text: Correction = "",
) -> Response:
    """Correct one published sentence; the pages and audio are rebuilt with it."""
    try:
        _public, job = correct_published(
            session, services, signed.staff, bulletin_id, language, segment_id, _checked_text(text)
        )
    except (CorrectionError, ValidationError) as error:
        session.rollback()
        return _page(
            request,
            signed,
            session,
            services,
            bulletin_id,
            language=language,
            published=True,
            refused={segment_id: Refusal.of(text, error)},
        )
    queue.enqueue(job)
    return RedirectResponse(
        f"{review_folder(bulletin_id, language)}published?done=corrected#s-{segment_id}",
        status_code=303,
    )


@router.get("/{bulletin_id}/review/{language}/segments/{segment_id}")
def back_to_preview_row(bulletin_id: RecordId, language: str, segment_id: str) -> Response:
    """A refused correction's page has the form's address: opened again, the row it was for."""
    return RedirectResponse(f"{review_folder(bulletin_id, language)}#s-{segment_id}", 303)


@router.get("/{bulletin_id}/review/{language}/published/segments/{segment_id}")
def back_to_published_row(bulletin_id: RecordId, language: str, segment_id: str) -> Response:
    return RedirectResponse(f"{review_folder(bulletin_id, language)}published#s-{segment_id}", 303)


@router.get("/{bulletin_id}/review/{language}/page")
def preview_page(
    bulletin_id: RecordId,
    language: str,
    signed: SignedInDep,
    session: SessionDep,
    services: ServicesDep,
) -> FileResponse:
    """The preview page as residents would get it (private: ``Cache-Control: no-store``)."""
    return get_preview_page(bulletin_id, language, signed.staff, session, services)


@router.get(f"/{{bulletin_id}}/review/{{language}}/{paths.AUDIO_FILE}")
def preview_audio(
    bulletin_id: RecordId,
    language: str,
    signed: SignedInDep,
    session: SessionDep,
    services: ServicesDep,
) -> FileResponse:
    return get_preview_audio(bulletin_id, language, signed.staff, session, services)


@router.get(f"/{{bulletin_id}}/review/{{language}}/{paths.CAPTIONS_FILE}")
def preview_captions(
    bulletin_id: RecordId,
    language: str,
    signed: SignedInDep,
    session: SessionDep,
    services: ServicesDep,
) -> FileResponse:
    return get_preview_captions(bulletin_id, language, signed.staff, session, services)

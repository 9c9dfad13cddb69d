"""Checks before submitting: findings beside each sentence, with hints, and readability scores.

``POST /checks`` checks a text as it is being written (nothing is stored); ``GET
/bulletins/{id}/checks`` checks a revision (the current one by default). Both are for every
member of staff. Hints come from the ``workspace`` catalog in the language asked for:
``?lang=ja|en``, else ``Accept-Language``, else Japanese.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Query, status
from sqlmodel import select

from publisher.api.bulletins import _get_bulletin, check_text_limits
from publisher.api.deps import ServicesDep, SessionDep, StaffDep
from publisher.api.errors import ERROR_RESPONSES
from publisher.api.params import RecordId, RevisionNumber
from publisher.check_hints import band_label, hint
from publisher.schemas import (
    CheckFindingPublic,
    CheckLocationPublic,
    CheckReportPublic,
    CheckRequest,
    CheckScorePublic,
    SentenceScorePublic,
)
from publisher.staff_language import StaffLanguage, staff_language
from publisher.tables import Revision
from translations.checks import Location, Report, Score, check_bulletin

router = APIRouter(tags=["checks"], responses=ERROR_RESPONSES)


def _language(
    lang: Annotated[
        Literal["ja", "en"] | None,
        Query(description="The language of the hints; default: Accept-Language, else ja."),
    ] = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> StaffLanguage:
    return staff_language(lang, accept_language)


LanguageDep = Annotated[StaffLanguage, Depends(_language)]


def _location(location: Location) -> CheckLocationPublic:
    return CheckLocationPublic(
        part=location.part.value,
        block=location.block,
        sentence=location.sentence,
        index=location.index,
        start=location.start,
        end=location.end,
        text=location.text,
    )


def _score(score: Score, language: StaffLanguage) -> CheckScorePublic:
    return CheckScorePublic(
        score=score.score,
        band=score.band.value if score.band else None,
        band_label=band_label(score.band, language) if score.band else None,
        kanji_ratio=score.kanji_ratio,
    )


def report_public(
    report: Report,
    language: StaffLanguage,
    bulletin_id: int | None = None,
    revision: int | None = None,
) -> CheckReportPublic:
    """The report as the API (and the workspace pages) show it, hints in ``language``."""
    return CheckReportPublic(
        bulletin_id=bulletin_id,
        revision=revision,
        language=language,
        counts=dict(Counter(finding.code.value for finding in report.findings)),
        findings=[
            CheckFindingPublic(
                code=finding.code.value,
                category=finding.category.value,
                severity=finding.severity.value,
                location=_location(finding.location),
                details={
                    name: list(value) if isinstance(value, tuple) else value
                    for name, value in finding.details.items()
                },
                hint=hint(finding, language),
            )
            for finding in report.findings
        ],
        readability=_score(report.text, language),
        sentences=[
            SentenceScorePublic(location=_location(s.location), score=_score(s.score, language))
            for s in report.sentences
        ],
    )


@router.post("/checks")
def check_text(
    payload: CheckRequest, _staff: StaffDep, services: ServicesDep, language: LanguageDep
) -> CheckReportPublic:
    """Check a title and body before saving them: accessibility, machine-translation hazards
    and readability. Findings are warnings; nothing is stored."""
    check_text_limits(services, payload.body)
    return report_public(check_bulletin(payload.title, payload.body), language)


@router.get("/bulletins/{bulletin_id}/checks")
def check_revision(
    bulletin_id: RecordId,
    _staff: StaffDep,
    session: SessionDep,
    language: LanguageDep,
    revision: RevisionNumber = None,
) -> CheckReportPublic:
    """The checks of a bulletin's current revision (or ``revision``)."""
    bulletin = _get_bulletin(session, bulletin_id)
    number = revision if revision is not None else bulletin.current_revision
    row = session.exec(
        select(Revision).where(Revision.bulletin_id == bulletin_id, Revision.number == number)
    ).first()
    if row is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, f"bulletin {bulletin_id} has no revision {number}"
        )
    report = check_bulletin(row.title, row.body)
    return report_public(report, language, bulletin_id, row.number)

"""The checks before submitting as the write page shows them: each sentence with its score and
the findings that concern it, their spans marked.

The report is the API's (:func:`publisher.api.checks.report_public`, hints in the page's
language); this module only arranges it by sentence for the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from publisher.api.checks import report_public
from publisher.schemas import (
    CheckFindingPublic,
    CheckLocationPublic,
    CheckReportPublic,
    CheckScorePublic,
)
from publisher.staff_language import StaffLanguage, staff_language
from translations.catalogs import N_
from translations.checks import Category, check_bulletin

CATEGORIES = {
    Category.ACCESSIBILITY.value: N_("Accessibility"),
    Category.MACHINE_TRANSLATION.value: N_("Machine translation"),
}


@dataclass(frozen=True)
class Piece:
    """A run of a sentence's text, marked when a finding concerns it."""

    text: str
    marked: bool


@dataclass(frozen=True)
class SentenceChecks:
    location: CheckLocationPublic
    score: CheckScorePublic | None
    pieces: tuple[Piece, ...]
    findings: tuple[CheckFindingPublic, ...]


@dataclass(frozen=True)
class ChecksView:
    report: CheckReportPublic
    sentences: tuple[SentenceChecks, ...]
    """Every sentence with findings or a score, in reading order."""

    @property
    def finding_count(self) -> int:
        return len(self.report.findings)


def pieces(text: str, spans: list[tuple[int, int]]) -> tuple[Piece, ...]:
    """``text`` cut into unmarked and marked runs; overlapping spans are marked as one."""
    marked = [False] * len(text)
    for start, end in spans:
        for position in range(max(start, 0), min(end, len(text))):
            marked[position] = True
    runs: list[Piece] = []
    for char, flag in zip(text, marked, strict=True):
        if runs and runs[-1].marked == flag:
            runs[-1] = Piece(runs[-1].text + char, flag)
        else:
            runs.append(Piece(char, flag))
    return tuple(runs)


def by_sentence(report: CheckReportPublic) -> ChecksView:
    """The report arranged by sentence (a finding beside the sentence it concerns)."""
    scores = {entry.location.index: entry for entry in report.sentences}
    grouped: dict[int, list[CheckFindingPublic]] = {}
    for finding in report.findings:
        grouped.setdefault(finding.location.index, []).append(finding)
    locations = {index: entry.location for index, entry in scores.items()}
    for index, found in grouped.items():
        locations.setdefault(index, found[0].location)
    sentences = []
    for index in sorted(locations):
        location = locations[index]
        found = grouped.get(index, [])
        spans = [(f.location.start, f.location.end) for f in found]
        score = scores.get(index)
        sentences.append(
            SentenceChecks(
                location=location,
                score=score.score if score else None,
                pieces=pieces(location.text, spans),
                findings=tuple(found),
            )
        )
    return ChecksView(report, tuple(sentences))


def checks_view(title: str | None, body: str, language: str) -> ChecksView:
    """Check ``title`` and ``body`` as the API does, hints in the page's ``language``."""
    page_language: StaffLanguage = staff_language(language, None)
    report = report_public(check_bulletin(title or None, body), page_language)
    return by_sentence(report)

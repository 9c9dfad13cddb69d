"""How easy a revision's texts read: the easy-Japanese checker over the original and the easy
version, so staff see what is left to simplify and how much easier the easy version is.

Computed when asked (a few milliseconds a sentence): the texts are stored, the findings are
what the current checker says of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from publisher.check_hints import easy_hint
from publisher.schemas import FindingPublic, ReadabilityPublic, TextReadabilityPublic
from publisher.staff_language import StaffLanguage
from publisher.statuses import TextVersion
from publisher.tables import Revision
from translations.easy_japanese import check_sentences, readability, sentences_of_markdown
from translations.easy_japanese.rules import Rule


def text_readability(
    title: str | None, body: str, hints: StaffLanguage = "en"
) -> TextReadabilityPublic:
    """The findings and score of one text (title first, then the body's sentences)."""
    sentences = sentences_of_markdown(title, body)
    findings = check_sentences(sentences)
    score = readability(sentences)
    return TextReadabilityPublic(
        sentences=len(sentences),
        score=score.score if score else None,
        band=score.band.value if score else None,
        counts=dict(Counter(finding.rule.value for finding in findings)),
        findings=[
            FindingPublic(
                sentence=finding.sentence,
                text=finding.text,
                rule=finding.rule.value,
                match=finding.match,
                hint=easy_hint(finding.rule, hints),
            )
            for finding in findings
        ],
    )


def revision_readability(revision: Revision, hints: StaffLanguage = "en") -> ReadabilityPublic:
    easy = None
    if revision.easy_body is not None:
        easy = text_readability(revision.easy_title or revision.title, revision.easy_body, hints)
    return ReadabilityPublic(
        bulletin_id=revision.bulletin_id,
        revision=revision.number,
        translation_source=TextVersion(revision.translation_source),
        original=text_readability(revision.title, revision.body, hints),
        easy=easy,
    )


def comparison_table(reports: Sequence[tuple[str, ReadabilityPublic]]) -> list[str]:
    """Markdown tables: score, band and findings of the original and easy text of each
    bulletin, then the findings per rule."""
    rules = [rule.value for rule in Rule]
    lines = [
        "| bulletin | text | sentences | score | band | findings |",
        "| --- | --- | ---: | ---: | --- | ---: |",
    ]
    counts = ["", "| bulletin | text | " + " | ".join(rules) + " |"]
    counts.append("| --- | --- |" + " ---: |" * len(rules))
    for name, report in reports:
        for label, text in (("original", report.original), ("easy", report.easy)):
            if text is None:
                lines.append(f"| {name} | {label} | - | - | - | - |")
                continue
            score = f"{text.score:.2f}" if text.score is not None else "-"
            lines.append(
                f"| {name} | {label} | {text.sentences} | {score} | {text.band or '-'} "
                f"| {len(text.findings)} |"
            )
            cells = " | ".join(str(text.counts.get(rule, 0)) for rule in rules)
            counts.append(f"| {name} | {label} | {cells} |")
    return lines + counts

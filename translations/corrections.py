"""Turn a staff correction, typed as plain text, back into a stored translation.

Staff see each translated sentence as readers do (dates in their language, phone numbers,
link labels) and type the corrected sentence the same way; they never need to know about
placeholders. Here every protected token of the source sentence is found again in their text
(in any of the forms it may be written: as the page shows it, as the source has it, or as its
``[n]`` placeholder) and replaced by its placeholder, so the page keeps its links and formats.
A correction that leaves out a phone number or a date is refused with the list of what is
missing: it would otherwise publish a notice without the number residents need.
"""

from __future__ import annotations

from dataclasses import dataclass

from translations.document import Segment, Token
from translations.locale_format import format_token_text
from translations.placeholders import find_placeholders, placeholder


class CorrectionError(ValueError):
    """The corrected text is missing protected items of the source sentence."""

    def __init__(self, missing: tuple[str, ...]) -> None:
        super().__init__(
            "the correction must keep every protected item of the sentence; missing: "
            + ", ".join(repr(item) for item in missing)
        )
        self.missing = missing


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    index: int


def readable_forms(token: Token, language: str) -> tuple[str, ...]:
    """The ways a token may be written in a correction, the page's form first."""
    forms = [format_token_text(token, language)]
    if token.kind == "link":
        forms.insert(0, token.label)
    forms.extend([token.value, token.label])
    return tuple(dict.fromkeys(form for form in forms if form.strip()))


def mask_correction(text: str, segment: Segment, language: str) -> str:
    """``text`` with each of the segment's tokens as its placeholder; CorrectionError if any
    token cannot be found."""
    text = " ".join(text.split())
    spans: list[_Span] = []
    indices = {token.index for token in segment.tokens}
    for match in find_placeholders(text):
        if match.index in indices and all(span.index != match.index for span in spans):
            spans.append(_Span(match.start, match.end, match.index))
    missing: list[str] = []
    # Longest forms first, so a phone number inside a URL is not taken for the phone token.
    pending = [token for token in segment.tokens if all(s.index != token.index for s in spans)]
    pending.sort(key=lambda token: -max(len(form) for form in readable_forms(token, language)))
    for token in pending:
        span = _find(text, readable_forms(token, language), spans, token.index)
        if span is None:
            missing.append(readable_forms(token, language)[0])
        else:
            spans.append(span)
    if missing:
        raise CorrectionError(tuple(missing))
    parts: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda span: span.start):
        parts.append(text[cursor : span.start])
        parts.append(placeholder(span.index))
        cursor = span.end
    parts.append(text[cursor:])
    return "".join(parts)


def _find(text: str, forms: tuple[str, ...], taken: list[_Span], index: int) -> _Span | None:
    for form in sorted(forms, key=len, reverse=True):
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            if all(end <= span.start or start >= span.end for span in taken):
                return _Span(start, end, index)
            start = text.find(form, start + 1)
    return None

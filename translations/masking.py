"""Find the spans of plain text that must never reach a translation model.

URLs (with or without ``http(s)://``), e-mail addresses, Japanese phone/fax numbers, dates,
times, sums of money and postal codes are public information a reader acts on; a model that
"translates" one digit makes the page dangerous. Staff mark anything else that must stay as
written (a place name, a programme name) with double braces: ``{{浜松城公園}}``. All of these
are found here and replaced by placeholders in ``translations.segmenter``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from translations.amounts import find_amounts
from translations.dates import find_dates
from translations.document import TokenKind

_URL_CHARS = r"[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]"
_TLDS = (
    "jp|com|net|org|info|biz|io|gov|edu|int|co|br|ph|vn|cn|tw|hk|kr|id|np|th|mm|pe|us|uk|"
    "es|pt|de|fr|au|ca|in|lk|bd|mn|my|sg"
)
_DIGIT = "[0-9０-９]"
_ZERO = "[0０]"
_SEP = "[-‐‑‒–—―−－ー]"
_OPEN = "[(（]"
_CLOSE = "[)）]"

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}(?![A-Za-z0-9\-])"
)
_URL = re.compile(rf"(?<![A-Za-z0-9])https?://{_URL_CHARS}+", re.IGNORECASE)
_BARE_URL = re.compile(
    r"(?<![A-Za-z0-9@.\-/])(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+"
    rf"(?:{_TLDS})(?![A-Za-z0-9\-])(?:[/?#]{_URL_CHARS}*)?",
    re.IGNORECASE,
)
_PHONE = re.compile(
    rf"(?<![0-9０-９+＋])(?:"
    rf"[+＋][8８][1１][\s\-]?{_DIGIT}{{1,4}}{_SEP}{_DIGIT}{{1,4}}{_SEP}{_DIGIT}{{3,4}}"
    rf"|{_ZERO}{_DIGIT}{{0,3}}{_SEP}{_DIGIT}{{1,4}}{_SEP}{_DIGIT}{{3,4}}"
    rf"|{_OPEN}{_ZERO}{_DIGIT}{{0,3}}{_CLOSE}\s?{_DIGIT}{{1,4}}{_SEP}{_DIGIT}{{3,4}}"
    rf"|{_ZERO}{_DIGIT}{{0,3}}{_OPEN}{_DIGIT}{{1,4}}{_CLOSE}{_DIGIT}{{3,4}}"
    rf"|{_ZERO}{_DIGIT}{{9,10}}"
    rf")(?![0-9０-９])"
)
_TRAILING = ".,;:!?'\")]}*"
# Do not translate: {{...}} survives the CommonMark parser as plain text, is easy to type on a
# Japanese keyboard (full-width ｛｛…｝｝ too), and cannot occur in ordinary Japanese prose.
_VERBATIM = re.compile(r"[{｛][{｛](?P<inner>[^{}｛｝\n]+?)[}｝][}｝]")


@dataclass(frozen=True)
class ProtectedSpan:
    """A protected span of a text: ``text[start:end]`` is shown as ``label``."""

    start: int
    end: int
    kind: TokenKind
    value: str
    label: str
    data: str = ""


def _trim_url(url: str) -> str:
    """Drop sentence punctuation a URL pattern swallowed, keeping balanced parentheses."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _phone_value(label: str) -> str:
    """Half-width digits in hyphen-separated groups, the form ``tel:`` links and TTS want."""
    groups = re.findall(r"\d+", unicodedata.normalize("NFKC", label))
    prefix = "+" if label.lstrip()[:1] in "+＋" else ""
    return prefix + "-".join(groups)


def _is_phone(label: str) -> bool:
    digits = "".join(re.findall(r"\d", unicodedata.normalize("NFKC", label)))
    if label[:1] in "+＋":
        return 10 <= len(digits) <= 13
    return 10 <= len(digits) <= 11


def find_verbatim(text: str) -> tuple[ProtectedSpan, ...]:
    """The ``{{do not translate}}`` spans of ``text``; their label is the text inside."""
    spans: list[ProtectedSpan] = []
    for match in _VERBATIM.finditer(text):
        inner = match.group("inner").strip()
        if inner:
            spans.append(ProtectedSpan(match.start(), match.end(), "verbatim", inner, inner))
    return tuple(spans)


def find_protected(text: str) -> tuple[ProtectedSpan, ...]:
    """All protected spans of ``text``, in order and not overlapping.

    ``{{do not translate}}`` spans win over anything inside them; otherwise the earliest span
    wins, and the longest on ties.
    """
    verbatim = find_verbatim(text)
    candidates: list[ProtectedSpan] = list(verbatim)
    for match in _EMAIL.finditer(text):
        candidates.append(
            ProtectedSpan(match.start(), match.end(), "email", match.group(), match.group())
        )
    for match in _URL.finditer(text):
        url = _trim_url(match.group())
        if len(url) > len("https://"):
            candidates.append(
                ProtectedSpan(match.start(), match.start() + len(url), "url", url, url)
            )
    for match in _BARE_URL.finditer(text):
        url = _trim_url(match.group())
        end = match.start() + len(url)
        candidates.append(ProtectedSpan(match.start(), end, "url", f"https://{url}", url))
    for match in _PHONE.finditer(text):
        label = match.group()
        if _is_phone(label):
            value = _phone_value(label)
            candidates.append(ProtectedSpan(match.start(), match.end(), "phone", value, label))
    for date_span in find_dates(text):
        label = text[date_span.start : date_span.end]
        candidates.append(
            ProtectedSpan(
                date_span.start, date_span.end, date_span.kind, label, label, date_span.data
            )
        )
    for amount in find_amounts(text):
        label = text[amount.start : amount.end]
        candidates.append(
            ProtectedSpan(amount.start, amount.end, amount.kind, label, label, amount.data)
        )
    candidates = [
        span
        for span in candidates
        if span.kind == "verbatim"
        or not any(span.start < kept.end and kept.start < span.end for kept in verbatim)
    ]
    # Earliest first, longest first on ties; an e-mail beats the domain inside it.
    candidates.sort(key=lambda span: (span.start, -(span.end - span.start)))
    chosen: list[ProtectedSpan] = []
    for span in candidates:
        if not chosen or span.start >= chosen[-1].end:
            chosen.append(span)
    return tuple(chosen)

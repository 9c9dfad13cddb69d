"""What is read aloud: plain-text sentences with pauses, and helpers that make text speakable.

Speech is built from plain text, never from HTML: ruby markup would be read twice and tags
would be spelled out.  The engines read text literally (espeak-ng gets no SSML flag, Open JTalk
has no markup), so text that merely looks like a tag, such as ``<b>`` typed by staff, is
spoken as written rather than refused.  URLs and phone numbers are rewritten so that a
listener hears the domain and the digits group by group, not a string of characters.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

SENTENCE_PAUSE = 0.35
"""Seconds of silence after an ordinary sentence."""
HEADING_PAUSE = 0.8
"""Seconds of silence after a title or heading, so that a listener hears the structure."""


@dataclass(frozen=True)
class SpeechSentence:
    """One unit of speech: becomes one clip and one WebVTT cue, identified by ``id``.

    ``text`` is what the engine reads (``0 5 3, 0 0 0, ...``); ``caption`` is what residents
    read on the page (``053-000-1234``) and is shown in the captions instead, when given.
    """

    id: str
    text: str
    pause_after: float = SENTENCE_PAUSE
    caption: str | None = None

    @property
    def display_text(self) -> str:
        """The cue text: the caption when there is one, else the spoken text."""
        return self.text if self.caption is None else self.caption

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("a speech sentence needs an id")
        if not math.isfinite(self.pause_after) or not 0 <= self.pause_after <= 10:
            raise ValueError(f"pause_after must be 0-10 s, got {self.pause_after}")


def heading(sentence_id: str, text: str, caption: str | None = None) -> SpeechSentence:
    """A title or heading: followed by a longer pause."""
    return SpeechSentence(sentence_id, text, HEADING_PAUSE, caption)


@dataclass(frozen=True)
class SpokenPhrases:
    """The few words speech adds in a language, handed in by the caller.

    They are written by translators in the gettext catalogs, which the publisher reads; this
    library reads no files, so the caller passes them as one frozen value.
    """

    web_page: str
    """Said instead of a URL whose domain cannot be read (or is unreadable in the language)."""
    group_separator: str
    """Between digit groups of a phone number: makes the engine pause briefly."""
    reads_domains: bool = True
    """False where the engine spells a Latin domain letter by letter (Open JTalk)."""


def speak_url(url: str, phrases: SpokenPhrases) -> str:
    """The domain of ``url`` as an engine reads it well (``city.example.lg.jp``), else a phrase.

    espeak-ng reads a bare domain naturally ("city dot example dot L G dot J P", with the
    language's word for "dot"); scheme, ``www.``, port, path and query are dropped because
    spelling them helps nobody.  Open JTalk spells Latin words letter by letter, so Japanese
    gets the phrase "ホームページ" instead.
    """
    text = url.strip()
    if "://" not in text and not text.startswith("//"):
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        host = ""
    host = host.removeprefix("www.").strip(".")
    if not phrases.reads_domains or "." not in host:
        return phrases.web_page
    return host


_DIGIT_GROUPS = re.compile(r"\d+")


def speak_phone(number: str, phrases: SpokenPhrases) -> str:
    """A phone number read digit by digit, group by group: ``0 5 3, 0 0 0, 0 1 1 0``.

    Full-width digits and dashes (``０５３－０００－０１１０``) are normalised first.  An
    unbroken run of digits is grouped the way Japanese numbers are written (3-3-4, 3-4-4).
    A leading ``+`` (country code) is kept; engines say "plus".
    """
    normalized = unicodedata.normalize("NFKC", number)
    groups: list[str] = []
    for run in _DIGIT_GROUPS.findall(normalized):
        groups.extend(_split_run(run))
    if not groups:
        return number
    spoken = phrases.group_separator.join(" ".join(group) for group in groups)
    return ("+ " + spoken) if normalized.lstrip().startswith("+") else spoken


def _split_run(run: str) -> list[str]:
    """Split an unbroken digit run into groups a listener can hold in memory."""
    if len(run) <= 4:
        return [run]
    if len(run) == 10:
        return [run[:3], run[3:6], run[6:]]
    if len(run) == 11:
        return [run[:3], run[3:7], run[7:]]
    groups = [run[i : i + 4] for i in range(0, len(run), 4)]
    if len(groups[-1]) == 1:
        groups[-2:] = [groups[-2][:3], groups[-2][3:] + groups[-1]]
    return groups

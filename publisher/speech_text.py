"""What is read aloud: built from the localized sentences, never from HTML."""

from __future__ import annotations

import re

import nh3

from audio.speech import SpeechSentence, SpokenPhrases, speak_phone, speak_url
from publisher.documents import LocalizedDoc, Piece, Sentence, plain_text
from translations.catalogs import translations_for
from translations.restore import TextPiece

SENTENCE_PAUSE = 0.35
BLOCK_PAUSE = 0.6
HEADING_PAUSE = 0.9


_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>")
_HTML_ELEMENTS = frozenset(nh3.ALLOWED_TAGS) | {
    "body", "button", "embed", "font", "form", "head", "html", "iframe", "input", "link",
    "meta", "noscript", "object", "script", "select", "style", "svg", "template", "textarea",
    "title", "video", "audio", "source",
}  # fmt: skip


def _without_tags(text: str) -> str:
    """HTML tags pasted into a bulletin (``<b>``, ``<br>``) are shown on the page as typed,
    but read aloud they would be spelled out sign by sign: the listener hears the words between
    them instead. Anything else in angle brackets (``<Enter>``) is read as written."""

    def replace(match: re.Match[str]) -> str:
        return " " if match.group(1).lower() in _HTML_ELEMENTS else match.group(0)

    return _TAG.sub(replace, text)


_SPELLS_LATIN = frozenset({"ja"})
"""Languages whose voice (Open JTalk) spells a Latin domain name letter by letter."""


def spoken_phrases(language: str) -> SpokenPhrases:
    """The words speech adds in ``language``, from its catalog."""
    catalog = translations_for(language)
    return SpokenPhrases(
        web_page=catalog.gettext("the web page"),
        # Translators: said between the digit groups of a phone number, to make a short pause.
        group_separator=str(catalog.pgettext("pause between digit groups", ", ")),
        reads_domains=language not in _SPELLS_LATIN,
    )


def _spoken(pieces: tuple[Piece, ...], language: str) -> str:
    parts: list[str] = []
    phrases = spoken_phrases(language)
    for piece in pieces:
        if isinstance(piece, TextPiece):
            parts.append(_without_tags(piece.text))
            continue
        token = piece.token
        if token.kind == "link":
            parts.append(token.label)
        elif token.kind == "url":
            parts.append(speak_url(token.value, phrases))
        elif token.kind == "phone":
            parts.append(speak_phone(token.value, phrases))
        else:
            parts.append(token.value)
    return " ".join("".join(parts).split())


def _sentence(sentence: Sentence, language: str, pause: float, prefix: str = "") -> SpeechSentence:
    """The engine reads the spoken form; captions show the sentence as the page shows it."""
    text = _spoken(sentence.pieces, language)
    caption = " ".join(plain_text(sentence.pieces).split())
    return SpeechSentence(
        id=sentence.id,
        text=f"{prefix} {text}".strip(),
        pause_after=pause,
        caption=f"{prefix} {caption}".strip(),
    )


def speech_sentences(doc: LocalizedDoc) -> tuple[SpeechSentence, ...]:
    """Title, body and contact in reading order, with longer pauses after headings and blocks.

    An image is read where it stands: its alt text, announced (「画像: …」, "Image: …").
    """
    language = doc.language
    spoken = [_sentence(doc.title, language, HEADING_PAUSE)]
    for block in doc.blocks:
        last = len(block.sentences) - 1
        for index, sentence in enumerate(block.sentences):
            if block.kind == "heading":
                pause = HEADING_PAUSE
            else:
                pause = BLOCK_PAUSE if index == last else SENTENCE_PAUSE
            prefix = ""
            if block.kind == "figure" and index == 0:
                # Translators: read aloud before an image's description ("Image: a map of…").
                prefix = translations_for(language).gettext("Image:")
            spoken.append(_sentence(sentence, language, pause, prefix))
    if doc.contact:
        prefix = translations_for(language).gettext("Contact:")
        spoken.append(_sentence(doc.contact, language, SENTENCE_PAUSE, prefix))
    return tuple(item for item in spoken if item.text)

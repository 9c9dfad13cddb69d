"""Fill a template's slots in one language: reviewed text around values written for readers.

The template text is never sent to a translation engine. Only the slot values change: names
stay Japanese (with reading and romanisation, see :mod:`translations.emergency.names`),
moments and days are written by CLDR (:mod:`translations.locale_format`), lists are joined by
CLDR's list patterns, phone numbers travel as protected tokens. A sentence that uses an
optional slot left empty is left out.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from babel.lists import format_list

from translations.document import TextPiece, Token, TokenPiece
from translations.emergency.loader import TemplateLibrary
from translations.emergency.model import (
    EASY_JAPANESE,
    CommonSentence,
    SlotKind,
    Template,
    Variant,
    Wording,
    WordingSource,
)
from translations.emergency.names import JapaneseName, NameReader, latin_script
from translations.emergency.slots import Shelter, SlotError, SlotProblem, SlotValues
from translations.furigana import Run
from translations.locale_format import BABEL_LOCALES, format_token_text

_FORMATTER = string.Formatter()
_JA_WEEKDAYS = "月火水木金土日"
_MARK = "\x00{}\x00"


@dataclass(frozen=True)
class NamePiece:
    """A Japanese place or shelter name, shown with its reading (and romanisation)."""

    name: JapaneseName


Piece = TextPiece | TokenPiece | NamePiece


@dataclass(frozen=True)
class RenderedSentence:
    """One sentence of a message, with the source of its wording."""

    pieces: tuple[Piece, ...]
    source: WordingSource
    ref: str | None


@dataclass(frozen=True)
class RenderedMessage:
    """A template filled in one language: what pages, audio and the CAP feed show."""

    template_id: str
    variant: Variant
    language: str
    event: RenderedSentence
    headline: RenderedSentence
    instruction: RenderedSentence
    description: tuple[RenderedSentence, ...]

    def spoken_order(self) -> tuple[RenderedSentence, ...]:
        """What to do first, then what happened: how the audio and the page read."""
        return (self.instruction, self.headline, *self.description)

    def sources(self) -> frozenset[WordingSource]:
        return frozenset(s.source for s in (self.event, *self.spoken_order()))


def _japanese(language: str) -> bool:
    return language in {"ja", EASY_JAPANESE}


def name_text(name: JapaneseName, language: str) -> str:
    """A name in plain text: Japanese alone, with romanisation or with its kana reading."""
    if _japanese(language):
        return name.text
    if latin_script(language):
        return f"{name.text} ({name.romanized})"
    return f"{name.text} ({name.reading})"


def plain_text(sentence: RenderedSentence, language: str) -> str:
    """A sentence as text (CAP, audio, search): names per :func:`name_text`, tokens' values."""
    parts: list[str] = []
    for piece in sentence.pieces:
        if isinstance(piece, TextPiece):
            parts.append(piece.text)
        elif isinstance(piece, TokenPiece):
            parts.append(piece.token.value)
        else:
            parts.append(name_text(piece.name, language))
    return "".join(parts)


def _babel_locale(language: str) -> str:
    return "ja" if _japanese(language) else BABEL_LOCALES[language]


def _joined(items: list[tuple[Piece, ...]], language: str) -> Iterator[Piece]:
    """Items joined the way ``language`` joins a list (``A、B``, ``A, B and C``)."""
    pattern = format_list(
        [_MARK.format(n) for n in range(len(items))], locale=_babel_locale(language)
    )
    for number, part in enumerate(pattern.split("\x00")):
        if number % 2:
            yield from items[int(part)]
        elif part:
            yield TextPiece(part)


def _ja_clock(moment: datetime, easy: bool) -> str:
    if not easy:
        return f"{moment.hour}時{moment.minute:02d}分"
    half = "午前" if moment.hour < 12 else "午後"
    hour = moment.hour % 12
    return f"{half}{hour}時" + (f"{moment.minute}分" if moment.minute else "")


def _ja_day(day: date, easy: bool = False) -> str:
    """``7月1日（水）``; easy Japanese writes the weekday in full (``水曜日``), which its
    furigana read rightly (a lone ``水`` is read as water)."""
    weekday = _JA_WEEKDAYS[day.weekday()] + ("曜日" if easy else "")
    return f"{day.month}月{day.day}日（{weekday}）"


def format_moment(moment: datetime, language: str) -> str:
    """A moment at its own UTC offset, in the reader's words (no 24-hour clock in easy Japanese)."""
    if _japanese(language):
        easy = language == EASY_JAPANESE
        return _ja_day(moment.date(), easy) + _ja_clock(moment, easy)
    data = {"month": moment.month, "day": moment.day, "weekday": moment.weekday()}
    data["time"] = f"{moment.hour:02d}:{moment.minute:02d}"  # type: ignore[assignment]
    token = Token(0, "date", _ja_day(moment.date()), "", json.dumps(data))
    return format_token_text(token, language)


def format_date(day: date, language: str) -> str:
    if _japanese(language):
        return _ja_day(day, language == EASY_JAPANESE)
    data = {"month": day.month, "day": day.day, "weekday": day.weekday()}
    return format_token_text(Token(0, "date", _ja_day(day), "", json.dumps(data)), language)


class Renderer:
    """Renders templates of one library; holds the name reader (Sudachi, cutlet) for reuse."""

    def __init__(self, library: TemplateLibrary, names: NameReader) -> None:
        self.library = library
        self.names = names

    def render(
        self, template: Template, variant: Variant, language: str, values: SlotValues
    ) -> RenderedMessage | None:
        """``template`` filled in ``language``; None when it has no wording in that language."""
        missing = [
            SlotProblem(name, f"required ({spec.kind})")
            for name, spec in template.slots.items()
            if spec.required and name not in values
        ]
        if missing:
            raise SlotError(tuple(missing))
        wording = template.wording(variant, language)
        issue = template.wording(Variant.ISSUE, language)
        if wording is None or issue is None or issue.event is None:
            return None
        event = self._sentence(template, issue.event, language, values)
        headline = self._sentence(template, wording.headline, language, values)
        instruction = self._sentence(template, wording.instruction, language, values)
        if event is None or headline is None or instruction is None:
            raise SlotError((SlotProblem("", "a required sentence uses an optional slot"),))
        description = []
        for item in wording.description:
            text = (
                self.library.common_sentence(item.common, language)
                if isinstance(item, CommonSentence)
                else item
            )
            sentence = self._sentence(template, text, language, values)
            if sentence is not None:
                description.append(sentence)
        return RenderedMessage(
            template.id, variant, language, event, headline, instruction, tuple(description)
        )

    def _sentence(
        self, template: Template, wording: Wording, language: str, values: SlotValues
    ) -> RenderedSentence | None:
        pieces: list[Piece] = []
        for literal, name, _, _ in _FORMATTER.parse(wording.text):
            if literal:
                pieces.append(TextPiece(literal))
            if name is None:
                continue
            if name not in values:
                return None  # an optional slot left empty: the sentence is left out
            pieces.extend(self._value(template.slots[name].kind, values[name], language))
        return RenderedSentence(tuple(pieces), wording.source, wording.ref)

    def _value(self, kind: SlotKind, value: object, language: str) -> Iterator[Piece]:
        if kind is SlotKind.PLACES:
            assert isinstance(value, tuple)
            yield from _joined([(NamePiece(self.names.read(str(n))),) for n in value], language)
        elif kind is SlotKind.SHELTERS:
            assert isinstance(value, tuple)
            # Japanese: 名前（住所）; elsewhere a dash, as the name already has its reading in ( )
            open_, close = ("（", "）") if _japanese(language) else (" – ", "")
            items: list[tuple[Piece, ...]] = []
            for shelter in value:
                assert isinstance(shelter, Shelter)
                items.append(
                    (
                        NamePiece(self.names.read(shelter.name)),
                        TextPiece(open_),
                        NamePiece(self.names.read(shelter.address)),
                        *((TextPiece(close),) if close else ()),
                    )
                )
            yield from _joined(items, language)
        elif kind is SlotKind.DATETIME:
            assert isinstance(value, datetime)
            yield TextPiece(format_moment(value, language))
        elif kind is SlotKind.DATE:
            assert isinstance(value, date)
            yield TextPiece(format_date(value, language))
        elif kind is SlotKind.INTENSITY:
            yield TextPiece(self._intensity(str(value), language))
        else:
            assert isinstance(value, Token)
            yield TokenPiece(value)

    def _intensity(self, value: str, language: str) -> str:
        labels = self.library.intensity
        if len(value) == 1:
            return value
        table = labels.lower if value.endswith("-") else labels.upper
        return value[0] + labels.joiner.get(language, " ") + table[language].text


def _piece_json(piece: Piece) -> dict[str, Any]:
    if isinstance(piece, TextPiece):
        return {"text": piece.text}
    if isinstance(piece, TokenPiece):
        token = piece.token
        return {"token": {"kind": token.kind, "value": token.value, "label": token.label}}
    name = piece.name
    return {
        "name": name.text,
        "reading": name.reading,
        "romanized": name.romanized,
        "runs": [[run.base, run.reading] for run in name.runs],
    }


def _piece_of(data: dict[str, Any]) -> Piece:
    if "text" in data:
        return TextPiece(str(data["text"]))
    if "token" in data:
        token = data["token"]
        return TokenPiece(Token(0, token["kind"], token["value"], token["label"]))
    runs = tuple(Run(str(base), reading) for base, reading in data["runs"])
    return NamePiece(JapaneseName(data["name"], runs, data["reading"], data["romanized"]))


def _sentence_json(sentence: RenderedSentence) -> dict[str, Any]:
    return {
        "pieces": [_piece_json(p) for p in sentence.pieces],
        "source": sentence.source.value,
        "ref": sentence.ref,
    }


def _sentence_of(data: dict[str, Any]) -> RenderedSentence:
    return RenderedSentence(
        tuple(_piece_of(p) for p in data["pieces"]), WordingSource(data["source"]), data["ref"]
    )


def message_to_json(message: RenderedMessage) -> dict[str, Any]:
    """A rendered message as JSON, to store what was published (never rendered again)."""
    return {
        "template": message.template_id,
        "variant": message.variant.value,
        "language": message.language,
        "event": _sentence_json(message.event),
        "headline": _sentence_json(message.headline),
        "instruction": _sentence_json(message.instruction),
        "description": [_sentence_json(s) for s in message.description],
    }


def message_from_json(data: dict[str, Any]) -> RenderedMessage:
    return RenderedMessage(
        data["template"],
        Variant(data["variant"]),
        data["language"],
        _sentence_of(data["event"]),
        _sentence_of(data["headline"]),
        _sentence_of(data["instruction"]),
        tuple(_sentence_of(s) for s in data["description"]),
    )

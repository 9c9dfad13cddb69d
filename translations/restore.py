"""Put protected tokens back into a machine-translated sentence, never losing one.

The model sees placeholders (``[1]``); its output may move, drop, repeat or re-space them.
Tokens found once go back where the model put them; repeats are dropped; tokens the model lost
are appended at the end of the sentence, so a phone number or URL always reaches the reader.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from translations.document import RestoredText, Segment, TextPiece, Token, TokenPiece
from translations.locale_format import localize_token
from translations.placeholders import find_placeholders

__all__ = ["RestoredText", "TextPiece", "TokenPiece", "plain_text", "restore", "unmask"]

Piece = TextPiece | TokenPiece


def _merged(pieces: Iterable[Piece]) -> tuple[Piece, ...]:
    """Adjacent text pieces joined, empty ones dropped."""
    result: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, TextPiece):
            if not piece.text:
                continue
            if result and isinstance(result[-1], TextPiece):
                result[-1] = TextPiece(result[-1].text + piece.text)
                continue
        result.append(piece)
    return tuple(result)


def restore(
    translated_text: str, tokens: tuple[Token, ...], language: str | None = None
) -> RestoredText:
    """Pieces of ``translated_text`` with placeholders replaced by their tokens.

    With ``language``, dates, times and amounts come back written for that language's readers
    (``translations.locale_format``); ``lost`` and ``duplicated`` keep the tokens as given.
    """
    if not tokens:  # most sentences: a literal "[3]" stays text, nothing can be lost
        return RestoredText((TextPiece(translated_text),) if translated_text else (), (), ())
    if language is not None:
        shown = tuple(localize_token(token, language) for token in tokens)
        result = restore(translated_text, shown)
        originals = {token.index: token for token in tokens}
        return RestoredText(
            result.pieces,
            tuple(originals[token.index] for token in result.lost),
            tuple(originals[token.index] for token in result.duplicated),
        )
    by_index = {token.index: token for token in tokens}
    pieces: list[Piece] = []
    placed: set[int] = set()
    duplicated: dict[int, Token] = {}
    cursor = 0
    for match in find_placeholders(translated_text):
        token = by_index.get(match.index)
        if token is None:
            continue  # a literal "[3]" of the text itself
        pieces.append(TextPiece(translated_text[cursor : match.start]))
        cursor = match.end
        if token.index in placed:
            duplicated.setdefault(token.index, token)
            continue
        placed.add(token.index)
        pieces.append(TokenPiece(token))
    pieces.append(TextPiece(translated_text[cursor:]))
    lost = tuple(token for token in tokens if token.index not in placed)
    for token in lost:
        ends_with_space = bool(pieces) and _ends_with_space(pieces)
        if not ends_with_space:
            pieces.append(TextPiece(" "))
        pieces.append(TokenPiece(token))
    merged = _merged(pieces)
    if lost and merged and isinstance(merged[0], TextPiece) and not merged[0].text.strip():
        merged = merged[1:]  # the whole sentence was lost: no leading space
    return RestoredText(merged, lost, tuple(duplicated[index] for index in sorted(duplicated)))


def _ends_with_space(pieces: Sequence[Piece]) -> bool:
    for piece in reversed(pieces):
        if isinstance(piece, TokenPiece):
            return False
        if piece.text:
            return piece.text[-1].isspace()
    return True


def plain_text(pieces: Iterable[Piece]) -> str:
    """The text a reader sees: tokens as their value, links as their label."""
    parts: list[str] = []
    for piece in pieces:
        if isinstance(piece, TextPiece):
            parts.append(piece.text)
        elif piece.token.kind == "link":
            parts.append(piece.token.label)
        else:
            parts.append(piece.token.value)
    return "".join(parts)


def unmask(segment: Segment) -> str:
    """A segment's source sentence in readable form (tokens shown as ``plain_text`` shows them)."""
    return plain_text(restore(segment.text, segment.tokens).pieces)

"""A bulletin as the checks read it: its sentences, numbered as the rest of Kakehashi numbers
them, each with the pieces it is made of; its headings; its tables.

Sentences come from the segmenter the pages and translations use, so a finding's block and
sentence are those of the page and of the translation view. Protected items (phone numbers,
dates, links...) stay separate pieces, so a check can tell text the masking recognised from
text it did not.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from translations.checks.findings import Location, Part
from translations.document import Block, Segment, TextPiece, Token, TokenPiece
from translations.restore import restore

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Run:
    """One piece of a sentence at ``start`` in its text: plain text, or a protected token."""

    start: int
    text: str
    token: Token | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Sentence:
    part: Part
    block: int | None
    sentence: int
    index: int
    text: str
    """As readers see it: tokens as their value, links as their label (``plain_text``)."""
    runs: tuple[Run, ...]

    def at(self, start: int, end: int) -> Location:
        return Location(self.part, self.block, self.sentence, self.index, start, end, self.text)

    @property
    def whole(self) -> Location:
        return self.at(0, len(self.text))


@dataclass(frozen=True)
class Table:
    """A pipe table of the body: the block it reads as, and its header cells."""

    block: int
    header: tuple[str, ...]


@dataclass(frozen=True)
class BulletinText:
    sentences: tuple[Sentence, ...]
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...]

    def first_sentence_of(self, block: int) -> Sentence:
        return next(sentence for sentence in self.sentences if sentence.block == block)


def _runs(segment: Segment) -> tuple[str, tuple[Run, ...]]:
    runs: list[Run] = []
    cursor = 0
    for piece in restore(segment.text, segment.tokens).pieces:
        if isinstance(piece, TextPiece):
            run = Run(cursor, piece.text)
        else:
            assert isinstance(piece, TokenPiece)
            token = piece.token
            shown = token.label if token.kind == "link" else token.value
            run = Run(cursor, shown, token)
        runs.append(run)
        cursor = run.end
    return "".join(run.text for run in runs), tuple(runs)


def _sentence(segment: Segment, part: Part, block: int | None, number: int, index: int) -> Sentence:
    text, runs = _runs(segment)
    return Sentence(part, block, number, index, text, runs)


@lru_cache(maxsize=1)
def _table_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _tables(body: str, lines: tuple[tuple[int, int], ...]) -> tuple[Table, ...]:
    """Pipe tables (GitHub style); the product's own parse reads them as a paragraph."""
    tables: list[Table] = []
    tokens = _table_parser().parse(body)
    for at, token in enumerate(tokens):
        if token.type != "table_open" or not token.map:
            continue
        first = token.map[0]
        block = next(
            (number for number, (start, end) in enumerate(lines) if start <= first < end), None
        )
        if block is None:
            continue
        header: list[str] = []
        for inner in tokens[at + 1 :]:
            if inner.type == "thead_close":
                break
            if inner.type == "inline":
                header.append(inner.content.strip())
        tables.append(Table(block, tuple(header)))
    return tuple(tables)


def read_bulletin(title: str | None, body: str) -> BulletinText:
    """The sentences of the title (if any) and the body, in reading order."""
    from translations.segmenter import segment_markdown_with_lines, segment_title

    sentences: list[Sentence] = []
    if title and title.strip():
        sentences.append(_sentence(segment_title(title), Part.TITLE, None, 0, 0))
    with_lines = segment_markdown_with_lines(body)
    for number, (block, _lines) in enumerate(with_lines):
        for position, segment in enumerate(block.segments):
            sentences.append(_sentence(segment, Part.BODY, number, position, len(sentences)))
    blocks = tuple(block for block, _lines in with_lines)
    lines = tuple(lines for _block, lines in with_lines)
    return BulletinText(tuple(sentences), blocks, _tables(body, lines))

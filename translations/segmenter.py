"""Turn a bulletin's Markdown body into blocks of sentence segments with protected tokens.

Markdown is parsed with markdown-it-py (CommonMark, raw HTML disabled so ``<div>`` stays
literal text). Each heading, paragraph and list item becomes a ``Block``; each line of it
(lines are kept because notices are written ``日時: …`` / ``場所: …``) is split into sentences;
in each sentence, links, inline code, URLs, e-mail addresses, phone numbers, dates, times, sums
of money, postal codes and ``{{do not translate}}`` spans are replaced by placeholders.
Emphasis markup is dropped (the words are kept); images become link tokens to their source
labelled with their alt text; code blocks become one code token per line.

Figures: the caller may name images by reference (``figures``: ``("image:3", alt text)``). A
paragraph that holds only ``![](image:3)`` becomes a ``figure`` block at that place, whose
segments are the sentences of the image's alt text; figures the body never places follow the
body, in the order given. The image's own Markdown alt text is ignored: the caller's is the
reviewed one.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from translations.document import Block, BlockKind, Segment, Token, TokenKind
from translations.masking import find_protected
from translations.placeholders import first_free_index, placeholder
from translations.sentences import split_sentences

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token as MdToken

_SENTINEL_BASE = 0xE000  # private-use characters stand for protected spans while splitting
_SENTINEL_LIMIT = 0xF8FF
_REPLACEMENT = "〓"  # what a private-use character typed in the source becomes


@dataclass(frozen=True)
class _Item:
    kind: TokenKind
    value: str
    label: str
    data: str = ""


@dataclass
class _Line:
    """One line of a block: text with one sentinel character per protected item."""

    text: str = ""
    items: list[_Item] = field(default_factory=list)
    line_break_before: bool = False

    def add_text(self, text: str) -> None:
        self.text += "".join(
            _REPLACEMENT if _SENTINEL_BASE <= ord(char) <= _SENTINEL_LIMIT else char
            for char in text
        )

    def add_item(self, item: _Item) -> None:
        self.text += self.sentinel(len(self.items))
        self.items.append(item)

    @staticmethod
    def sentinel(number: int) -> str:
        if _SENTINEL_BASE + number > _SENTINEL_LIMIT:
            raise ValueError("too many protected spans in one line")
        return chr(_SENTINEL_BASE + number)


@dataclass
class _Draft:
    kind: BlockKind
    level: int
    ordered: bool
    source_lines: tuple[int, int] = (0, 0)
    """The Markdown lines the block was written on (first, one past the last)."""
    lines: list[_Line] = field(default_factory=list)
    ref: str = ""

    def add_lines(self, lines: Sequence[_Line]) -> None:
        """Append a paragraph's lines; a second paragraph in one block starts on a new line."""
        for position, line in enumerate(lines):
            if position == 0 and self.lines:
                line.line_break_before = True
            self.lines.append(line)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def _flatten(children: Sequence[MdToken]) -> str:
    """The visible text of inline tokens (a link's label), without markup."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "image"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def _link_item(href: str, label: str, autolink: bool) -> _Item:
    if href.startswith("mailto:") and (autolink or label == href[len("mailto:") :]):
        address = href[len("mailto:") :]
        return _Item("email", address, label or address)
    if autolink:
        return _Item("url", href, label or href)
    return _Item("link", href, label or href)


def _inline_lines(children: Sequence[MdToken]) -> list[_Line]:
    """Lines of an inline run: text with sentinels for links, images and inline code."""
    lines = [_Line()]
    index = 0
    while index < len(children):
        child = children[index]
        line = lines[-1]
        if child.type == "text":
            line.add_text(child.content)
        elif child.type == "code_inline":
            line.add_item(_Item("code", child.content, child.content))
        elif child.type in ("softbreak", "hardbreak"):
            lines.append(_Line(line_break_before=True))
        elif child.type == "image":
            src = str(child.attrs.get("src", ""))
            line.add_item(_Item("link", src, child.content or src))
        elif child.type == "link_open":
            close = index + 1
            while close < len(children) and children[close].type != "link_close":
                close += 1
            label = _flatten(children[index + 1 : close])
            href = str(child.attrs.get("href", ""))
            line.add_item(_link_item(href, label, child.markup == "autolink"))
            index = close
        index += 1
    return [_mask(line) for line in lines]


def _mask(line: _Line) -> _Line:
    """Replace URLs, e-mail addresses and phone numbers in a line's text by sentinels."""
    masked = _Line(items=list(line.items), line_break_before=line.line_break_before)
    cursor = 0
    for span in find_protected(line.text):
        masked.text += line.text[cursor : span.start]
        masked.add_item(_Item(span.kind, span.value, span.label, span.data))
        cursor = span.end
    masked.text += line.text[cursor:]
    return masked


def _code_lines(content: str) -> list[_Line]:
    lines: list[_Line] = []
    for text in content.splitlines():
        if text.strip():
            line = _Line(line_break_before=bool(lines))
            line.add_item(_Item("code", text, text))
            lines.append(line)
    return lines


def _with_placeholders(text: str, items: Sequence[_Item]) -> tuple[str, tuple[Token, ...]]:
    """Replace sentinels by numbered placeholders, numbering above any literal ``[n]``."""
    number = first_free_index(text)
    parts: list[str] = []
    tokens: list[Token] = []
    for char in text:
        code = ord(char) - _SENTINEL_BASE
        if 0 <= code < len(items):
            item = items[code]
            tokens.append(Token(number, item.kind, item.value, item.label, item.data))
            parts.append(placeholder(number))
            number += 1
        else:
            parts.append(char)
    return "".join(parts), tuple(tokens)


def _sentence_segments(line: _Line) -> list[tuple[str, tuple[Token, ...], bool]]:
    """(masked text, tokens, line break before) for each sentence of a line."""
    result: list[tuple[str, tuple[Token, ...], bool]] = []
    for sentence in split_sentences(line.text):
        text, tokens = _with_placeholders(sentence, line.items)
        result.append((text, tokens, line.line_break_before and not result))
    return result


def segment_id(text: str, tokens: Sequence[Token], occurrence: int) -> str:
    """Content-derived id: inserting or editing other sentences never changes this one's id."""
    material = "\x00".join(
        [text, *(f"{token.kind}\x1f{token.value}\x1f{token.label}" for token in tokens)]
    )
    digest = hashlib.sha256(material.encode("utf-8")).hexdigest()[:12]
    return f"{digest}-{occurrence}"


def _blocks(drafts: Sequence[_Draft]) -> tuple[tuple[Block, tuple[int, int]], ...]:
    seen: Counter[str] = Counter()
    blocks: list[tuple[Block, tuple[int, int]]] = []
    for draft in drafts:
        segments: list[Segment] = []
        for line in draft.lines:
            for text, tokens, line_break in _sentence_segments(line):
                key = segment_id(text, tokens, 0)
                seen[key] += 1
                ident = segment_id(text, tokens, seen[key])
                segments.append(Segment(ident, text, tokens, line_break and bool(segments)))
        if segments:
            block = Block(draft.kind, draft.level, draft.ordered, tuple(segments), draft.ref)
            blocks.append((block, draft.source_lines))
    return tuple(blocks)


def segment_markdown(markdown: str, figures: Sequence[tuple[str, str]] = ()) -> tuple[Block, ...]:
    """Blocks of sentence segments, in reading order; empty blocks are dropped.

    ``figures`` are (reference, alt text) pairs: see the module's docstring.
    """
    return tuple(block for block, _lines in segment_markdown_with_lines(markdown, figures))


def _source_lines(token: MdToken) -> tuple[int, int]:
    return (token.map[0], token.map[1]) if token.map else (0, 0)


def _one_line(text: str) -> _Line:
    """A title, contact line or alt text as one masked line (line breaks become spaces)."""
    line = _Line()
    line.add_text(re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text).strip())
    return _mask(line)


def _lone_image(children: Sequence[MdToken]) -> str | None:
    """The source of the only thing in an inline run, if that is an image."""
    visible = [
        child
        for child in children
        if not (child.type == "text" and not child.content.strip())
        and child.type not in ("softbreak", "hardbreak")
    ]
    if len(visible) == 1 and visible[0].type == "image":
        return str(visible[0].attrs.get("src", ""))
    return None


@dataclass(frozen=True)
class ImageReference:
    """An image the Markdown names: its source, and whether it stands in a paragraph alone
    (where it becomes a figure) rather than inside a sentence, a heading or a list."""

    src: str
    alone: bool


def image_references(markdown: str) -> tuple[ImageReference, ...]:
    """Every image the Markdown names, in order (to check references before storing them)."""
    found: list[ImageReference] = []
    nested = 0  # open lists and headings
    for token in _parser().parse(markdown):
        if token.type in ("bullet_list_open", "ordered_list_open", "heading_open"):
            nested += 1
        elif token.type in ("bullet_list_close", "ordered_list_close", "heading_close"):
            nested -= 1
        elif token.type == "inline":
            children = token.children or []
            alone = not nested and _lone_image(children) is not None
            found += [
                ImageReference(str(child.attrs.get("src", "")), alone)
                for child in children
                if child.type == "image"
            ]
    return tuple(found)


def segment_markdown_with_lines(
    markdown: str, figures: Sequence[tuple[str, str]] = ()
) -> tuple[tuple[Block, tuple[int, int]], ...]:
    """The blocks of :func:`segment_markdown`, each with the Markdown lines it was written on
    (first, one past the last), so a check of the Markdown can name the block it concerns."""
    alts = dict(figures)
    placed: set[str] = set()
    drafts: list[_Draft] = []
    lists: list[bool] = []  # ordered? for each open list, outermost first
    item: _Draft | None = None
    heading: _Draft | None = None
    for token in _parser().parse(markdown):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            item = None  # the parent item was already emitted: it reads before its children
            lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item = _Draft("list_item", len(lists), lists[-1], _source_lines(token))
            drafts.append(item)
        elif kind == "list_item_close":
            item = None
        elif kind == "heading_open" and not lists:
            heading = _Draft("heading", int(token.tag[1:]), False, _source_lines(token))
            drafts.append(heading)
        elif kind == "heading_close":
            heading = None
        elif kind == "inline" and heading is None and not lists and alts:
            ref = _lone_image(token.children or [])
            if ref is not None and ref in alts:
                if ref not in placed:  # an image is shown once, where it is first placed
                    placed.add(ref)
                    drafts.append(_Draft("figure", 0, False, lines=[_one_line(alts[ref])], ref=ref))
                continue
            drafts.append(_Draft("paragraph", 0, False, _source_lines(token)))
            drafts[-1].add_lines(_inline_lines(token.children or []))
        elif kind in ("inline", "fence", "code_block"):
            if kind == "inline":
                lines = _inline_lines(token.children or [])
            else:
                lines = _code_lines(token.content)
            target = heading or item
            if target is None and lists:  # an item's paragraph after its nested list
                item = target = _Draft("list_item", len(lists), lists[-1], _source_lines(token))
                drafts.append(item)
            if target is None:
                target = _Draft("paragraph", 0, False, _source_lines(token))
                drafts.append(target)
            target.add_lines(lines)
    for ref, alt in figures:
        if ref not in placed:
            placed.add(ref)
            drafts.append(_Draft("figure", 0, False, lines=[_one_line(alt)], ref=ref))
    return _blocks(drafts)


def segment_title(title: str) -> Segment:
    """A title (or contact line) as one masked segment; its id ends in ``-0``."""
    masked = _one_line(title)
    text, tokens = _with_placeholders(masked.text, masked.items)
    return Segment(segment_id(text, tokens, 0), text, tokens, False)

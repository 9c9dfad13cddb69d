"""A notice's sentences as XHTML elements, shared by both book formats.

Each sentence is a ``<span id="s-…">`` with the id the site's page gives it, so a media
overlay (or a DAISY SMIL file) points at the same sentence a resident can link to online.
Links keep their targets; Japanese may carry ruby readings, as the site's furigana pages do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from lxml import etree

from publisher.documents import LocalizedBlock, LocalizedDoc, Piece, Sentence
from translations.catalogs import translations_for
from translations.furigana import Run
from translations.languages import sentence_joiner
from translations.restore import TextPiece

XHTML = "http://www.w3.org/1999/xhtml"
Ruby = Callable[[str], tuple[Run, ...]]
"""Plain text to runs with readings (furigana), or None for no ruby."""


def sentence_anchor(sentence_id: str) -> str:
    return f"s-{sentence_id}"


def _append_text(parent: etree._Element, text: str) -> None:
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _runs(parent: etree._Element, text: str, ruby: Ruby | None) -> None:
    if ruby is None:
        _append_text(parent, text)
        return
    for run in ruby(text):
        if run.reading is None:
            _append_text(parent, run.base)
            continue
        # Hidden from screen readers, as on the site's furigana pages: each word read once.
        element = etree.SubElement(parent, f"{{{XHTML}}}ruby")
        element.text = run.base
        hidden = {"aria-hidden": "true"}
        etree.SubElement(element, f"{{{XHTML}}}rp", hidden).text = "("
        etree.SubElement(element, f"{{{XHTML}}}rt", hidden).text = run.reading
        etree.SubElement(element, f"{{{XHTML}}}rp", hidden).text = ")"


def _link(parent: etree._Element, href: str, label: str, ruby: Ruby | None) -> None:
    anchor = etree.SubElement(parent, f"{{{XHTML}}}a", href=href)
    _runs(anchor, label, ruby)


def _piece(parent: etree._Element, piece: Piece, ruby: Ruby | None) -> None:
    if isinstance(piece, TextPiece):
        _runs(parent, piece.text, ruby)
        return
    token = piece.token
    if token.kind in ("url", "link"):
        label = token.label if token.kind == "link" and token.label else token.value
        if urlsplit(token.value).scheme.lower() in {"http", "https"}:
            _link(parent, token.value, label, ruby)
        else:
            _runs(parent, label, ruby)
    elif token.kind == "email":
        _link(parent, f"mailto:{token.value}", token.value, None)
    elif token.kind == "phone":
        digits = "".join(ch for ch in token.value if ch.isdigit() or ch == "-")
        _link(parent, f"tel:{digits}", token.value, None)
    else:
        _runs(parent, token.value, ruby)


def sentence_element(
    parent: etree._Element, sentence: Sentence, ruby: Ruby | None = None
) -> etree._Element:
    if sentence.line_break_before and (len(parent) or parent.text):
        etree.SubElement(parent, f"{{{XHTML}}}br")
    span = etree.SubElement(
        parent, f"{{{XHTML}}}span", {"id": sentence_anchor(sentence.id), "class": "s"}
    )
    for piece in sentence.pieces:
        _piece(span, piece, ruby)
    return span


def _sentences(
    parent: etree._Element, sentences: tuple[Sentence, ...], joiner: str, ruby: Ruby | None
) -> None:
    for index, sentence in enumerate(sentences):
        if index and not sentence.line_break_before and joiner:
            _append_text(parent, joiner)
        sentence_element(parent, sentence, ruby)


def _groups(blocks: tuple[LocalizedBlock, ...]) -> Iterator[tuple[str, list[LocalizedBlock]]]:
    """Blocks with consecutive list items grouped into one list, as the Markdown had them."""
    run: list[LocalizedBlock] = []
    for block in blocks:
        if block.kind == "list_item" and (not run or run[0].ordered == block.ordered):
            run.append(block)
            continue
        if run:
            yield ("ol" if run[0].ordered else "ul"), run
            run = []
        if block.kind == "list_item":
            run.append(block)
        else:
            yield block.kind, [block]
    if run:
        yield ("ol" if run[0].ordered else "ul"), run


def body_elements(
    parent: etree._Element, doc: LocalizedDoc, top_level: int, ruby: Ruby | None = None
) -> None:
    """The body below a heading of level ``top_level``: its own headings one level deeper."""
    joiner = sentence_joiner(doc.language)
    for kind, blocks in _groups(doc.blocks):
        if kind in ("ol", "ul"):
            listing = etree.SubElement(parent, f"{{{XHTML}}}{kind}")
            for block in blocks:
                item = etree.SubElement(listing, f"{{{XHTML}}}li")
                _sentences(item, block.sentences, joiner, ruby)
        elif kind == "heading":
            block = blocks[0]
            level = min(max(block.level, 2) + top_level - 1, 6)
            heading = etree.SubElement(parent, f"{{{XHTML}}}h{level}")
            _sentences(heading, block.sentences, joiner, ruby)
        elif kind == "figure":
            # A book has the image's description where the notice has the image, announced
            # as the audio announces it.
            paragraph = etree.SubElement(parent, f"{{{XHTML}}}p", {"class": "image"})
            _append_text(paragraph, translations_for(doc.language).gettext("Image:") + " ")
            _sentences(paragraph, blocks[0].sentences, joiner, ruby)
        else:
            paragraph = etree.SubElement(parent, f"{{{XHTML}}}p")
            _sentences(paragraph, blocks[0].sentences, joiner, ruby)

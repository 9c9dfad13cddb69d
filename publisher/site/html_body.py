"""Turn a localized document into the article's HTML, then pass it through a real sanitiser.

The body is built from the segment skeleton (never from Markdown HTML), and ``nh3`` then
allows only the handful of tags and attributes written here: no script, no event handler, no
``javascript:`` URL can reach a page even if a bug let one through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import nh3
from markupsafe import Markup, escape

from publisher.documents import (
    LocalizedBlock,
    LocalizedDoc,
    Piece,
    Sentence,
    plain_text,
    site_image_name,
)
from translations.languages import sentence_joiner
from translations.restore import TextPiece

_ALLOWED_TAGS = {
    *("h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "a", "span", "br"),
    *("ruby", "rt", "rp"),
    *("figure", "img"),
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "hreflang"},
    "span": {"id", "class", "data-flags"},
    "rt": {"aria-hidden"},
    "rp": {"aria-hidden"},
    "figure": {"id", "class", "data-flags"},
    "img": {"src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"},
}
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}

TextHtml = Callable[[str], str]
"""How a run of plain text becomes HTML: escaped, or escaped with furigana."""


def _escaped(text: str) -> str:
    return str(escape(text))


def _href(url: str) -> str | None:
    scheme = urlsplit(url).scheme.lower()
    return url if scheme in {"http", "https"} else None


def _piece_html(piece: Piece, text_html: TextHtml) -> str:
    if isinstance(piece, TextPiece):
        return text_html(piece.text)
    token = piece.token
    if token.kind in ("url", "link"):
        label = token.label if token.kind == "link" and token.label else token.value
        href = _href(token.value)
        if href is None:
            return text_html(label)
        return f'<a href="{escape(href)}">{text_html(label)}</a>'
    if token.kind == "email":
        return f'<a href="mailto:{escape(token.value)}">{escape(token.value)}</a>'
    if token.kind == "phone":
        digits = "".join(ch for ch in token.value if ch.isdigit() or ch == "-")
        return f'<a href="tel:{escape(digits)}">{escape(token.value)}</a>'
    return text_html(token.value)


def sentence_html(sentence: Sentence, text_html: TextHtml = _escaped) -> str:
    """One sentence as ``<span class="s" id="s-…">``: the read-along script finds it by id."""
    inner = "".join(_piece_html(piece, text_html) for piece in sentence.pieces)
    flags = f' data-flags="{escape(" ".join(sentence.flags))}"' if sentence.flags else ""
    line_break = "<br>" if sentence.line_break_before else ""
    return f'{line_break}<span class="s" id="s-{escape(sentence.id)}"{flags}>{inner}</span>'


def _sentences(sentences: Iterable[Sentence], joiner: str, text_html: TextHtml) -> str:
    parts: list[str] = []
    for sentence in sentences:
        if parts and not sentence.line_break_before:
            parts.append(joiner)
        parts.append(sentence_html(sentence, text_html))
    return "".join(parts)


@dataclass(frozen=True)
class _ListRun:
    ordered: bool
    items: tuple[LocalizedBlock, ...]


def _runs(blocks: tuple[LocalizedBlock, ...]) -> Iterator[LocalizedBlock | _ListRun]:
    """Group consecutive list items into one list, as the Markdown had them."""
    run: list[LocalizedBlock] = []
    for block in blocks:
        if block.kind == "list_item" and (not run or run[0].ordered == block.ordered):
            run.append(block)
            continue
        if run:
            yield _ListRun(run[0].ordered, tuple(run))
            run = []
        if block.kind == "list_item":
            run.append(block)
        else:
            yield block
    if run:
        yield _ListRun(run[0].ordered, tuple(run))


IMAGE_SIZES = "(max-width: 48rem) 100vw, 48rem"
"""How wide the page shows an image (the body is at most 48rem wide): the browser picks the
smallest file that fills it."""


def _figure_html(doc: LocalizedDoc, block: LocalizedBlock, joiner: str, images_href: str) -> str:
    """An image where the text places it: its alt text is the translated description (plain,
    never with furigana: it is an attribute). The figure carries the first sentence's id, so
    that read-along highlights it while its description is read."""
    image = doc.image(block.ref)
    if image is None or not image.renditions or not block.sentences:
        return ""
    alt = " ".join(joiner.join(plain_text(s.pieces) for s in block.sentences).split())
    widest = image.renditions[0]
    srcset = ", ".join(
        f"{images_href}{site_image_name(rendition)} {rendition.width}w"
        for rendition in image.renditions
    )
    first = block.sentences[0]
    flags = sorted({flag for sentence in block.sentences for flag in sentence.flags})
    flagged = f' data-flags="{escape(" ".join(flags))}"' if flags else ""
    return (
        f'<figure class="s figure-{escape(image.kind)}" id="s-{escape(first.id)}"{flagged}>'
        f'<img src="{escape(images_href + site_image_name(widest))}" '
        f'srcset="{escape(srcset)}" sizes="{IMAGE_SIZES}" '
        f'width="{widest.width}" height="{widest.height}" alt="{escape(alt)}" '
        'loading="lazy" decoding="async"></figure>'
    )


def body_html(doc: LocalizedDoc, text_html: TextHtml = _escaped, images_href: str = "") -> Markup:
    """The article body; headings start at h2 because the title is the page's only h1.

    ``images_href`` is where the page's image files are, relative to the page.
    """
    joiner = sentence_joiner(doc.language)
    parts: list[str] = []
    for item in _runs(doc.blocks):
        if isinstance(item, _ListRun):
            tag = "ol" if item.ordered else "ul"
            items = "".join(
                f"<li>{_sentences(block.sentences, joiner, text_html)}</li>" for block in item.items
            )
            parts.append(f"<{tag}>{items}</{tag}>")
        elif item.kind == "heading":
            level = min(max(item.level, 2), 6)
            parts.append(f"<h{level}>{_sentences(item.sentences, joiner, text_html)}</h{level}>")
        elif item.kind == "figure":
            parts.append(_figure_html(doc, item, joiner, images_href))
        else:
            parts.append(f"<p>{_sentences(item.sentences, joiner, text_html)}</p>")
    return sanitize("\n".join(parts))


def sanitize(html: str) -> Markup:
    cleaned = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_SAFE_SCHEMES,
        link_rel=None,
    )
    return Markup(cleaned)

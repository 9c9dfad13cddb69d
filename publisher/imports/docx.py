"""Import a Word (``.docx``) file: the product's Markdown, the images with their alt text, and
a message for everything that could not be kept.

``mammoth`` reads the document (headings by style, paragraphs, lists, tables, links, images
with their alt text) into plain HTML, which is then written as Markdown here. What a notice
page cannot show is dropped and named in a message: text boxes, footnotes and endnotes,
comments, colours and highlighting, bold and italics, styles mammoth does not know. The
images are handed back as bytes for the image feature to check and store; nothing is stored
here.

The file is checked before mammoth sees it: its size, that it is a zip holding a Word
document, and the total size of what it unpacks to (a "zip bomb" is refused), and it is
repacked from what was read, so the declared sizes are the real ones.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from lxml import etree, html

MAX_DOCX_BYTES = 10_000_000
"""The largest upload: a notice with a few photos."""
MAX_UNPACKED_BYTES = 50_000_000
"""What the file may unpack to in all; far more than any real notice."""
MAX_ENTRIES = 2_000
MAX_IMAGES = 30
WEB_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_STYLE_MAP = "\n".join(
    [
        "p[style-name='Title'] => h1:fresh",
        "p[style-name='Subtitle'] => p:fresh",
        "p[style-name='表題'] => h1:fresh",
        "p[style-name='副題'] => p:fresh",
    ]
)


class ImportProblem(StrEnum):
    TOO_LARGE = "too-large"
    NOT_DOCX = "not-docx"
    CORRUPT = "corrupt"


class DocxImportError(ValueError):
    """The file cannot be imported; ``problem`` says which kind of refusal it is."""

    def __init__(self, problem: ImportProblem, reason: str) -> None:
        super().__init__(reason)
        self.problem = problem


class ImportNote(StrEnum):
    """What was dropped or changed, for staff to check."""

    NO_TITLE = "no-title"
    TEXT_BOXES_DROPPED = "text-boxes-dropped"
    FOOTNOTES_DROPPED = "footnotes-dropped"
    COMMENTS_DROPPED = "comments-dropped"
    COLOURS_DROPPED = "colours-dropped"
    EMPHASIS_DROPPED = "emphasis-dropped"
    TABLE_WITHOUT_HEADER = "table-without-header"
    MERGED_CELLS = "merged-cells"
    IMAGE_WITHOUT_ALT = "image-without-alt"
    IMAGE_DROPPED = "image-dropped"
    LINK_DROPPED = "link-dropped"
    ELEMENT_DROPPED = "element-dropped"
    CONVERTER = "converter"
    """A message of mammoth itself (an unknown style, an unsupported element)."""


@dataclass(frozen=True)
class ImportMessage:
    note: ImportNote
    details: Mapping[str, str | int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "details", MappingProxyType(dict(self.details)))


@dataclass(frozen=True)
class ImportedImage:
    """An image of the document; ``name`` is how the body refers to it: ``![alt](name)``."""

    name: str
    alt: str
    content_type: str
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class ImportedDocument:
    title: str
    body: str
    images: tuple[ImportedImage, ...]
    messages: tuple[ImportMessage, ...]


# --- reading the file safely -----------------------------------------------------------------


def _unpacked(data: bytes) -> dict[str, bytes]:
    if len(data) > MAX_DOCX_BYTES:
        raise DocxImportError(
            ImportProblem.TOO_LARGE, f"the file is over the limit of {MAX_DOCX_BYTES} bytes"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as error:
        raise DocxImportError(
            ImportProblem.NOT_DOCX,
            "not a Word .docx file (a .doc from Word 97-2003 must first be saved as .docx)",
        ) from error
    with archive:
        entries = archive.infolist()
        names = {entry.filename for entry in entries}
        if "word/document.xml" not in names or "[Content_Types].xml" not in names:
            raise DocxImportError(ImportProblem.NOT_DOCX, "a zip file, but not a Word document")
        if len(entries) > MAX_ENTRIES:
            raise DocxImportError(ImportProblem.CORRUPT, "the file holds too many parts")
        if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
            raise DocxImportError(
                ImportProblem.TOO_LARGE,
                f"the file unpacks to more than {MAX_UNPACKED_BYTES} bytes",
            )
        parts: dict[str, bytes] = {}
        total = 0
        try:
            for entry in entries:
                if entry.is_dir():
                    continue
                with archive.open(entry) as source:
                    content = source.read(MAX_UNPACKED_BYTES - total + 1)
                total += len(content)
                if total > MAX_UNPACKED_BYTES:
                    raise DocxImportError(
                        ImportProblem.TOO_LARGE,
                        f"the file unpacks to more than {MAX_UNPACKED_BYTES} bytes",
                    )
                parts[entry.filename] = content
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
            raise DocxImportError(ImportProblem.CORRUPT, f"the file is damaged: {error}") from error
    return parts


def _xml(parts: Mapping[str, bytes], name: str) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(parts[name], parser)
    except etree.XMLSyntaxError as error:
        raise DocxImportError(ImportProblem.CORRUPT, f"{name} is damaged: {error}") from error


def _count(parts: Mapping[str, bytes], name: str, path: str) -> int:
    if name not in parts:
        return 0
    return len(_xml(parts, name).xpath(path, namespaces=_NS))


def _prepared(parts: dict[str, bytes]) -> tuple[bytes, list[ImportMessage]]:
    """The document without text boxes, repacked; and what the document has that is lost."""
    messages: list[ImportMessage] = []
    document = _xml(parts, "word/document.xml")
    boxes = document.xpath(".//w:txbxContent", namespaces=_NS)
    # Word draws a text box twice, as a shape and its VML fallback: count the shapes.
    shown = [box for box in boxes if not box.xpath("ancestor::*[local-name()='Fallback']")]
    for box in boxes:
        box.getparent().remove(box)
    if boxes:
        count = len(shown) or len(boxes)
        messages.append(ImportMessage(ImportNote.TEXT_BOXES_DROPPED, {"count": count}))
    colours = document.xpath(
        ".//w:rPr/w:color[@w:val and @w:val!='auto' and @w:val!='000000']"
        " | .//w:rPr/w:highlight[@w:val!='none'] | .//w:rPr/w:shd[@w:fill and @w:fill!='auto']",
        namespaces=_NS,
    )
    if colours:
        messages.append(ImportMessage(ImportNote.COLOURS_DROPPED, {"count": len(colours)}))
    comments = _count(parts, "word/comments.xml", "//w:comment")
    if comments:
        messages.append(ImportMessage(ImportNote.COMMENTS_DROPPED, {"count": comments}))
    parts = {**parts, "word/document.xml": etree.tostring(document)}
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return packed.getvalue(), messages


# --- HTML to Markdown ------------------------------------------------------------------------

_INLINE_DROPPED = {"strong", "b", "em", "i", "u", "s", "del", "sub", "sup", "span"}
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_ESCAPED = re.compile(r"([\\`*_\[\]<>|#])")


def _escape(text: str) -> str:
    return _ESCAPED.sub(r"\\\1", text)


def _destination(url: str) -> str:
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


class _Writer:
    def __init__(self, images: Mapping[str, ImportedImage]) -> None:
        self.images = images
        self.notes: Counter[tuple[ImportNote, str]] = Counter()
        self.messages: list[ImportMessage] = []
        self.tables = 0

    def note(self, note: ImportNote, **details: str | int) -> None:
        self.messages.append(ImportMessage(note, details))

    def inline(self, element: Any) -> str:
        """The element's content as one line of Markdown."""
        parts = [_escape(element.text or "")]
        for child in element:
            parts.append(self.inline_element(child))
            parts.append(_escape(child.tail or ""))
        return re.sub(r"\s+", " ", "".join(parts))

    def inline_element(self, child: Any) -> str:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            return " "
        if tag == "p":  # a paragraph in a table cell or list item: one line with the rest
            return " " + self.inline(child) + " "
        if tag == "img":
            image = self.images.get(child.get("src", ""))
            if image is None:
                return ""
            return f"![{_escape(image.alt)}]({image.name})"
        if tag == "a":
            href = child.get("href", "")
            label = self.inline(child).strip()
            if href.startswith("#"):
                return "" if href.startswith(("#footnote", "#endnote")) else label
            if not href.startswith(_SAFE_SCHEMES):
                if href:
                    self.note(ImportNote.LINK_DROPPED, href=href)
                return label
            return f"[{label or _escape(href)}]({_destination(href)})"
        if tag in _INLINE_DROPPED:
            if tag in {"strong", "b", "em", "i", "u", "s", "del"}:
                self.notes[(ImportNote.EMPHASIS_DROPPED, "")] += 1
            return self.inline(child)
        if tag:
            self.notes[(ImportNote.ELEMENT_DROPPED, tag)] += 1
        return self.inline(child)

    def blocks(self, parent: Any, heading_shift: int) -> Iterator[str]:
        for element in parent:
            tag = element.tag if isinstance(element.tag, str) else ""
            if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                level = min(int(tag[1]) + heading_shift, 6)
                text = self.inline(element).strip()
                if text:
                    yield "#" * level + " " + text
            elif tag == "p":
                text = self.inline(element).strip()
                if text:
                    yield text
            elif tag in {"ul", "ol"}:
                lines = list(self.list_lines(element, ""))
                if lines:
                    yield "\n".join(lines)
            elif tag == "table":
                yield from self.table(element)
            elif tag:
                self.notes[(ImportNote.ELEMENT_DROPPED, tag)] += 1
                text = self.inline(element).strip()
                if text:
                    yield text

    def list_lines(self, list_element: Any, indent: str) -> Iterator[str]:
        ordered = list_element.tag == "ol"
        number = 0
        for item in list_element:
            if item.tag != "li":
                continue
            if (item.get("id") or "").startswith(("footnote-", "endnote-")):
                continue
            number += 1
            marker = f"{number}. " if ordered else "- "
            nested = [child for child in item if child.tag in ("ul", "ol")]
            for child in nested:
                item.remove(child)
            text = self.inline(item).strip()
            yield indent + marker + text
            for child in nested:
                yield from self.list_lines(child, indent + " " * len(marker))

    def table(self, table: Any) -> Iterator[str]:
        self.tables += 1
        rows = table.xpath(".//tr")
        cells = [[cell for cell in row if cell.tag in ("td", "th")] for row in rows]
        if not cells or not any(cells):
            return
        if any(cell.get("colspan") or cell.get("rowspan") for row in cells for cell in row):
            self.note(ImportNote.MERGED_CELLS, table=self.tables)
        width = max(len(row) for row in cells)
        texts = [
            [self.inline(cell).strip() for cell in row] + [""] * (width - len(row)) for row in cells
        ]
        headed = bool(table.xpath("./thead")) or all(cell.tag == "th" for cell in cells[0])
        if headed:
            header, body = texts[0], texts[1:]
        else:
            self.note(ImportNote.TABLE_WITHOUT_HEADER, table=self.tables)
            header, body = [""] * width, texts
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(row) + " |" for row in body]
        yield "\n".join(lines)

    def counted_messages(self) -> list[ImportMessage]:
        counted = [
            ImportMessage(note, {"count": count, "element": tag} if tag else {"count": count})
            for (note, tag), count in sorted(self.notes.items())
        ]
        return self.messages + counted


def _footnotes(body: Any) -> int:
    return len(body.xpath(".//li[starts-with(@id, 'footnote-') or starts-with(@id, 'endnote-')]"))


def _title(body: Any) -> str | None:
    """The text of a first heading, removed from the body: Word's Title or Heading 1."""
    first = next((child for child in body if isinstance(child.tag, str)), None)
    if first is None or first.tag != "h1":
        return None
    text = " ".join(first.text_content().split())
    body.remove(first)
    return text or None


def import_docx(data: bytes) -> ImportedDocument:
    """The document as a bulletin: title, Markdown body, images, and what was dropped."""
    import mammoth

    parts = _unpacked(data)
    packed, messages = _prepared(parts)
    images: dict[str, ImportedImage] = {}
    dropped: list[ImportMessage] = []

    def convert(image: Any) -> dict[str, str]:
        content_type = str(image.content_type or "")
        if content_type not in WEB_IMAGE_TYPES or len(images) >= MAX_IMAGES:
            dropped.append(ImportMessage(ImportNote.IMAGE_DROPPED, {"type": content_type}))
            return {"src": ""}
        with image.open() as source:
            content = source.read()
        extension = content_type.split("/")[1].replace("jpeg", "jpg")
        name = f"image-{len(images) + 1}.{extension}"
        alt = " ".join(str(image.alt_text or "").split())
        images[name] = ImportedImage(name, alt, content_type, content)
        if not alt:
            dropped.append(ImportMessage(ImportNote.IMAGE_WITHOUT_ALT, {"image": name}))
        return {"src": name}

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(packed),
            style_map=_STYLE_MAP,
            convert_image=mammoth.images.img_element(convert),
        )
    except DocxImportError:
        raise
    except Exception as error:  # mammoth raises whatever its reader meets in a broken file
        raise DocxImportError(
            ImportProblem.CORRUPT, f"the Word document cannot be read: {error}"
        ) from error
    messages += [
        ImportMessage(ImportNote.CONVERTER, {"message": str(message.message)})
        for message in result.messages
    ]
    written = markdown_of_html(result.value, images)
    used = {name: image for name, image in images.items() if f"]({name})" in written.body}
    return ImportedDocument(
        title=written.title,
        body=written.body,
        images=tuple(used.values()),
        messages=tuple(messages + dropped + list(written.messages)),
    )


def markdown_of_html(
    converted: str, images: Mapping[str, ImportedImage] | None = None
) -> ImportedDocument:
    """Mammoth's HTML as a title and the product's Markdown (``images`` are those the HTML
    refers to by name); the result's ``images`` are left for the caller."""
    body = html.fragment_fromstring(converted or "<p></p>", create_parent="div")
    messages: list[ImportMessage] = []
    footnotes = _footnotes(body)
    if footnotes:
        messages.append(ImportMessage(ImportNote.FOOTNOTES_DROPPED, {"count": footnotes}))
    title = _title(body)
    if title is None:
        messages.append(ImportMessage(ImportNote.NO_TITLE))
    writer = _Writer(images or {})
    markdown = "\n\n".join(writer.blocks(body, heading_shift=1))
    return ImportedDocument(
        title=title or "",
        body=markdown + "\n" if markdown else "",
        images=(),
        messages=tuple(messages + writer.counted_messages()),
    )

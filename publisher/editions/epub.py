"""An edition as EPUB 3 with Media Overlays: text and sentence-synchronised audio in one file.

One XHTML document per notice (every sentence a ``<span id="s-…">``, as on the site), one SMIL
overlay per voiced notice pairing each sentence with its clip of the published MP3, a navigation
document by section and notice, and the EPUB Accessibility metadata. The XML is built with lxml,
so every document is well formed and every text escaped whatever a notice contains.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from publisher.editions.collect import Edition, Notice, clock
from publisher.editions.labels import EditionLabels
from publisher.editions.text import XHTML, Ruby, body_elements, sentence_anchor, sentence_element

OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
OPS = "http://www.idpf.org/2007/ops"
SMIL = "http://www.w3.org/ns/SMIL"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ACTIVE_CLASS = "-epub-media-overlay-active"
STYLESHEET = f"""body {{ font-family: sans-serif; line-height: 1.7; margin: 0 1em; }}
.{ACTIVE_CLASS} {{ background-color: #ffeb3b; color: #000; }}
rt {{ font-size: 0.5em; }}
.contact {{ border-top: 1px solid #777; padding-top: 0.5em; }}
"""


def _xml(root: etree._Element, doctype: str | None = None) -> bytes:
    return bytes(
        etree.tostring(
            root, xml_declaration=True, encoding="utf-8", pretty_print=False, doctype=doctype
        )
    )


def _html(language: str, title: str) -> tuple[etree._Element, etree._Element]:
    root = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML, "epub": OPS})
    root.set("lang", language)
    root.set(XML_LANG, language)
    head = etree.SubElement(root, f"{{{XHTML}}}head")
    etree.SubElement(head, f"{{{XHTML}}}meta", charset="utf-8")
    etree.SubElement(head, f"{{{XHTML}}}title").text = title
    etree.SubElement(
        head, f"{{{XHTML}}}link", rel="stylesheet", type="text/css", href="../style.css"
    )
    return root, etree.SubElement(root, f"{{{XHTML}}}body")


@dataclass(frozen=True)
class _Item:
    number: int
    notice: Notice

    @property
    def name(self) -> str:
        return f"n{self.number:03d}"

    @property
    def text(self) -> str:
        return f"text/{self.name}.xhtml"

    @property
    def overlay(self) -> str:
        return f"overlays/{self.name}.smil"

    @property
    def audio(self) -> str:
        return f"audio/{self.name}.mp3"


def _items(edition: Edition) -> list[_Item]:
    return [_Item(number, notice) for number, notice in enumerate(edition.notices, 1)]


def notice_document(
    item: _Item, labels: EditionLabels, section: str | None, ruby: Ruby | None
) -> bytes:
    """A notice as its own XHTML document; the first of a section opens with its name."""
    doc = item.notice.doc
    root, body = _html(doc.language, labels.plain(doc.title))
    if section is not None:
        heading = etree.SubElement(body, f"{{{XHTML}}}h1", id="section")
        heading.text = section
    article = etree.SubElement(body, f"{{{XHTML}}}section", id="notice")
    article.set(f"{{{OPS}}}type", "chapter")
    article.set("role", "doc-chapter")  # what assistive technology reads of the epub:type
    level = 2 if section is not None else 1
    title = etree.SubElement(article, f"{{{XHTML}}}h{level}")
    sentence_element(title, doc.title, ruby)
    dates = etree.SubElement(article, f"{{{XHTML}}}p")
    dates.text = labels.published_on(item.notice.published_at)
    if doc.machine_translated:
        etree.SubElement(article, f"{{{XHTML}}}p").text = labels.machine_translation
    body_elements(article, doc, level, ruby)
    if doc.contact is not None:
        contact = etree.SubElement(article, f"{{{XHTML}}}p", {"class": "contact"})
        contact.text = f"{labels.contact}: "
        sentence_element(contact, doc.contact, ruby)
    return _xml(root, "<!DOCTYPE html>")


def overlay_document(item: _Item) -> bytes:
    """The notice's SMIL: each voiced sentence paired with its clip, in reading order."""
    root = etree.Element(f"{{{SMIL}}}smil", nsmap={None: SMIL, "epub": OPS}, version="3.0")
    body = etree.SubElement(root, f"{{{SMIL}}}body")
    sequence = etree.SubElement(body, f"{{{SMIL}}}seq", id="seq")
    sequence.set(f"{{{OPS}}}textref", f"../{item.text}#notice")
    assert item.notice.audio is not None
    for index, clip in enumerate(item.notice.audio.clips, 1):
        par = etree.SubElement(sequence, f"{{{SMIL}}}par", id=f"p{index}")
        etree.SubElement(
            par, f"{{{SMIL}}}text", src=f"../{item.text}#{sentence_anchor(clip.sentence_id)}"
        )
        etree.SubElement(
            par,
            f"{{{SMIL}}}audio",
            src=f"../{item.audio}",
            clipBegin=f"{clip.begin:.3f}s",
            clipEnd=f"{clip.end:.3f}s",
        )
    return _xml(root)


def navigation_document(edition: Edition, items: list[_Item], labels: EditionLabels) -> bytes:
    """The table of contents: sections, each with its notices."""
    root, body = _html(edition.language, labels.contents)
    root.find(f"{{{XHTML}}}head/{{{XHTML}}}link").set("href", "style.css")
    nav = etree.SubElement(body, f"{{{XHTML}}}nav", id="toc")
    nav.set(f"{{{OPS}}}type", "toc")
    nav.set("role", "doc-toc")
    etree.SubElement(nav, f"{{{XHTML}}}h1").text = labels.contents
    sections = etree.SubElement(nav, f"{{{XHTML}}}ol")
    by_notice = {id(item.notice): item for item in items}
    for section in edition.sections:
        entry = etree.SubElement(sections, f"{{{XHTML}}}li")
        first = by_notice[id(section.notices[0])]
        link = etree.SubElement(entry, f"{{{XHTML}}}a", href=f"{first.text}#section")
        link.text = labels.section(section.category)
        notices = etree.SubElement(entry, f"{{{XHTML}}}ol")
        for notice in section.notices:
            item = by_notice[id(notice)]
            etree.SubElement(
                etree.SubElement(notices, f"{{{XHTML}}}li"),
                f"{{{XHTML}}}a",
                href=f"{item.text}#notice",
            ).text = labels.plain(notice.doc.title)
    return _xml(root, "<!DOCTYPE html>")


def title_document(edition: Edition, labels: EditionLabels) -> bytes:
    root, body = _html(edition.language, labels.title)
    root.find(f"{{{XHTML}}}head/{{{XHTML}}}link").set("href", "style.css")
    etree.SubElement(body, f"{{{XHTML}}}h1").text = labels.title
    etree.SubElement(body, f"{{{XHTML}}}p").text = labels.summary
    if edition.language != labels.source_language:
        etree.SubElement(body, f"{{{XHTML}}}p").text = labels.machine_translation
    return _xml(root, "<!DOCTYPE html>")


def package_document(edition: Edition, items: list[_Item], labels: EditionLabels) -> bytes:
    """The OPF: metadata (accessibility, overlay durations), manifest and reading order."""
    language = edition.language
    root = etree.Element(
        f"{{{OPF}}}package",
        nsmap={None: OPF, "dc": DC},
        version="3.0",
        attrib={"unique-identifier": "book-id", "prefix": "schema: http://schema.org/"},
    )
    root.set(XML_LANG, language)
    metadata = etree.SubElement(root, f"{{{OPF}}}metadata")

    def meta(prop: str, value: str, refines: str | None = None) -> None:
        element = etree.SubElement(metadata, f"{{{OPF}}}meta", property=prop)
        if refines:
            element.set("refines", refines)
        element.text = value

    etree.SubElement(metadata, f"{{{DC}}}identifier", id="book-id").text = labels.identifier
    etree.SubElement(metadata, f"{{{DC}}}title").text = labels.title
    etree.SubElement(metadata, f"{{{DC}}}language").text = language
    etree.SubElement(metadata, f"{{{DC}}}publisher").text = labels.city
    etree.SubElement(metadata, f"{{{DC}}}date").text = edition.end.isoformat()
    meta("dcterms:modified", edition.modified.strftime("%Y-%m-%dT%H:%M:%SZ"))
    voiced = [item for item in items if item.notice.audio is not None]
    every_voiced = len(voiced) == len(items)
    meta("schema:accessMode", "textual")
    if voiced:
        meta("schema:accessMode", "auditory")
    meta("schema:accessModeSufficient", "textual")
    if every_voiced:
        meta("schema:accessModeSufficient", "auditory")
    features = ["structuralNavigation", "tableOfContents", "readingOrder"]
    if voiced:
        features.append("synchronizedAudioText")
    if labels.ruby:
        features.append("rubyAnnotations")
    for feature in features:
        meta("schema:accessibilityFeature", feature)
    meta("schema:accessibilityHazard", "none")
    meta("schema:accessibilitySummary", labels.summary)
    etree.SubElement(
        metadata,
        f"{{{OPF}}}link",
        rel="dcterms:conformsTo",
        href="http://www.idpf.org/epub/a11y/accessibility-20170105.html#wcag-aa",
    )
    if voiced:
        total = 0.0
        for item in voiced:
            assert item.notice.audio is not None
            seconds = item.notice.audio.clips_seconds
            total += seconds
            meta("media:duration", clock(seconds), refines=f"#mo-{item.name}")
        meta("media:duration", clock(total))
        meta("media:active-class", ACTIVE_CLASS)
        narrators = sorted({item.notice.audio.voice for item in voiced if item.notice.audio})
        for narrator in narrators:
            meta("media:narrator", narrator)

    manifest = etree.SubElement(root, f"{{{OPF}}}manifest")

    def add(item_id: str, href: str, media_type: str, **extra: str) -> None:
        etree.SubElement(
            manifest, f"{{{OPF}}}item", id=item_id, href=href, attrib={"media-type": media_type}
        ).attrib.update(extra)

    add("nav", "nav.xhtml", "application/xhtml+xml", properties="nav")
    add("title", "title.xhtml", "application/xhtml+xml")
    add("style", "style.css", "text/css")
    for item in items:
        extra = {"media-overlay": f"mo-{item.name}"} if item.notice.audio else {}
        add(item.name, item.text, "application/xhtml+xml", **extra)
        if item.notice.audio:
            add(f"mo-{item.name}", item.overlay, "application/smil+xml")
            add(f"audio-{item.name}", item.audio, "audio/mpeg")
    spine = etree.SubElement(root, f"{{{OPF}}}spine")
    for reference in ("title", "nav", *(item.name for item in items)):
        etree.SubElement(spine, f"{{{OPF}}}itemref", idref=reference)
    return _xml(root)


CONTAINER = b"""<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def epub_files(
    edition: Edition, labels: EditionLabels, ruby: Ruby | None
) -> Iterator[tuple[str, bytes | Path]]:
    """Every file of the book (its path in the zip, its bytes or the file to copy)."""
    items = _items(edition)
    yield "META-INF/container.xml", CONTAINER
    yield "EPUB/package.opf", package_document(edition, items, labels)
    yield "EPUB/nav.xhtml", navigation_document(edition, items, labels)
    yield "EPUB/title.xhtml", title_document(edition, labels)
    yield "EPUB/style.css", STYLESHEET.encode()
    first_of_section = {id(section.notices[0]): section for section in edition.sections}
    for item in items:
        section = first_of_section.get(id(item.notice))
        name = labels.section(section.category) if section else None
        yield f"EPUB/{item.text}", notice_document(item, labels, name, ruby)
        if item.notice.audio is not None:
            yield f"EPUB/{item.overlay}", overlay_document(item)
            yield f"EPUB/{item.audio}", item.notice.audio.mp3


def write_epub(target: Path, edition: Edition, labels: EditionLabels, ruby: Ruby | None) -> None:
    """Write the EPUB to ``target`` (the caller makes it atomic): ``mimetype`` first and
    stored, as the OCF container requires; MP3s stored too (compressing them gains nothing)."""
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype", date_time=(2000, 1, 1, 0, 0, 0)),
            b"application/epub+zip",
            compress_type=zipfile.ZIP_STORED,
        )
        for name, content in epub_files(edition, labels, ruby):
            if isinstance(content, Path):  # in one piece: one checksum call, one write
                archive.writestr(name, content.read_bytes(), compress_type=zipfile.ZIP_STORED)
            else:
                archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)

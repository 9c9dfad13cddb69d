"""An edition as a DAISY 2.02 talking book (full text, full audio) for players that read
nothing newer, such as the PLEXTALK players many listeners of 声の広報 own.

``ncc.html`` lists the book's title, its sections (h1) and notices (h2); each notice has its
own SMIL file, whose ``par`` elements pair every sentence of its text file with its clip of
the notice's published MP3, so a player moves by section, by notice and by sentence (phrase).
Everything sits in one folder, zipped, with short lowercase file names as players expect.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from publisher.editions.collect import Edition, Notice, clock
from publisher.editions.labels import EditionLabels
from publisher.editions.text import XHTML, body_elements, sentence_anchor, sentence_element

XHTML_DOCTYPE = (
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
    '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
)
SMIL_DOCTYPE = (
    '<!DOCTYPE smil PUBLIC "-//W3C//DTD SMIL 1.0//EN" "http://www.w3.org/TR/REC-smil/SMIL10.dtd">'
)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
GENERATOR = "Kakehashi"


@dataclass(frozen=True)
class _Item:
    number: int
    notice: Notice

    @property
    def name(self) -> str:
        return f"n{self.number:03d}"

    @property
    def seconds(self) -> float:
        assert self.notice.audio is not None
        return self.notice.audio.clips_seconds


def _xml(root: etree._Element, doctype: str) -> bytes:
    return bytes(
        etree.tostring(
            root, xml_declaration=True, encoding="utf-8", pretty_print=False, doctype=doctype
        )
    )


def _head_meta(head: etree._Element, name: str, content: str, scheme: str | None = None) -> None:
    element = etree.SubElement(head, f"{{{XHTML}}}meta", name=name, content=content)
    if scheme:
        element.set("scheme", scheme)


def _html(language: str, title: str) -> tuple[etree._Element, etree._Element, etree._Element]:
    root = etree.Element(f"{{{XHTML}}}html", nsmap={None: XHTML})
    root.set("lang", language)
    root.set(XML_LANG, language)
    head = etree.SubElement(root, f"{{{XHTML}}}head")
    etree.SubElement(
        head,
        f"{{{XHTML}}}meta",
        attrib={"http-equiv": "Content-type", "content": "text/html; charset=utf-8"},
    )
    etree.SubElement(head, f"{{{XHTML}}}title").text = title
    return root, head, etree.SubElement(root, f"{{{XHTML}}}body")


def text_document(item: _Item, labels: EditionLabels) -> bytes:
    """The notice's full text; every sentence has the id its SMIL ``text`` points to."""
    doc = item.notice.doc
    root, _head, body = _html(doc.language, labels.plain(doc.title))
    title = etree.SubElement(body, f"{{{XHTML}}}h1", id="notice")
    sentence_element(title, doc.title)
    body_elements(body, doc, 1)
    if doc.contact is not None:
        contact = etree.SubElement(body, f"{{{XHTML}}}p")
        contact.text = f"{labels.contact}: "
        sentence_element(contact, doc.contact)
    return _xml(root, XHTML_DOCTYPE)


def smil_document(item: _Item, labels: EditionLabels, elapsed: float) -> bytes:
    """One ``par`` per voiced sentence: its text, and its clip in a ``seq`` of one audio."""
    audio = item.notice.audio
    assert audio is not None
    root = etree.Element("smil")
    head = etree.SubElement(root, "head")
    for name, content in (
        ("dc:format", "Daisy 2.02"),
        ("dc:title", labels.plain(item.notice.doc.title)),
        ("dc:identifier", labels.identifier),
        ("ncc:generator", GENERATOR),
        ("ncc:totalElapsedTime", clock(elapsed)),
        ("ncc:timeInThisSmil", clock(item.seconds)),
    ):
        etree.SubElement(head, "meta", name=name, content=content)
    layout = etree.SubElement(head, "layout")
    etree.SubElement(layout, "region", id="txtView")
    body = etree.SubElement(etree.SubElement(root, "body"), "seq", dur=f"{item.seconds:.3f}s")
    for index, clip in enumerate(audio.clips, 1):
        par = etree.SubElement(body, "par", endsync="last", id=f"p{index}")
        etree.SubElement(
            par, "text", id=f"t{index}", src=f"{item.name}.html#{sentence_anchor(clip.sentence_id)}"
        )
        etree.SubElement(
            etree.SubElement(par, "seq", id=f"q{index}"),
            "audio",
            id=f"a{index}",
            src=f"{item.name}.mp3",
            attrib={"clip-begin": f"npt={clip.begin:.3f}s", "clip-end": f"npt={clip.end:.3f}s"},
        )
    return _xml(root, SMIL_DOCTYPE)


def ncc_document(
    edition: Edition, items: list[_Item], labels: EditionLabels, narrators: list[str], size: int
) -> bytes:
    """The navigation centre: the title, then each section (h1) and its notices (h2)."""
    root, head, body = _html(edition.language, labels.title)
    total = sum(item.seconds for item in items)
    files = 1 + 3 * len(items)
    headings = 1 + len(edition.sections) + len(items)
    for name, content, scheme in (
        ("dc:title", labels.title, None),
        ("dc:creator", labels.city, None),
        ("dc:publisher", labels.city, None),
        ("dc:date", edition.end.isoformat(), "yyyy-mm-dd"),
        ("dc:format", "Daisy 2.02", None),
        ("dc:identifier", labels.identifier, None),
        ("dc:language", edition.language, "ISO 639"),
        ("ncc:charset", "utf-8", None),
        ("ncc:depth", "2", None),
        ("ncc:files", str(files), None),
        ("ncc:footnotes", "0", None),
        ("ncc:generator", GENERATOR, None),
        ("ncc:kByteSize", str(max(1, size // 1024)), None),
        ("ncc:maxPageNormal", "0", None),
        ("ncc:multimediaType", "audioFullText", None),
        ("ncc:narrator", ", ".join(narrators), None),
        ("ncc:pageFront", "0", None),
        ("ncc:pageNormal", "0", None),
        ("ncc:pageSpecial", "0", None),
        ("ncc:prodNotes", "0", None),
        ("ncc:producer", labels.city, None),
        ("ncc:setInfo", "1 of 1", None),
        ("ncc:sidebars", "0", None),
        ("ncc:tocItems", str(headings), None),
        ("ncc:totalTime", clock(total, fraction=False), None),
    ):
        _head_meta(head, name, content, scheme)
    by_notice = {id(item.notice): item for item in items}
    first = items[0]
    title = etree.SubElement(body, f"{{{XHTML}}}h1", {"class": "title", "id": "h0"})
    etree.SubElement(title, f"{{{XHTML}}}a", href=f"{first.name}.smil#p1").text = labels.title
    number = 0
    for section in edition.sections:
        voiced = [by_notice[id(n)] for n in section.notices if id(n) in by_notice]
        if not voiced:
            continue
        number += 1
        heading = etree.SubElement(body, f"{{{XHTML}}}h1", id=f"h{number}")
        link = etree.SubElement(heading, f"{{{XHTML}}}a", href=f"{voiced[0].name}.smil#p1")
        link.text = labels.section(section.category)
        for item in voiced:
            number += 1
            heading = etree.SubElement(body, f"{{{XHTML}}}h2", id=f"h{number}")
            link = etree.SubElement(heading, f"{{{XHTML}}}a", href=f"{item.name}.smil#p1")
            link.text = labels.plain(item.notice.doc.title)
    return _xml(root, XHTML_DOCTYPE)


def daisy_items(edition: Edition) -> list[_Item]:
    """The notices a DAISY book can carry: those with audio (it is a full-audio book)."""
    voiced = [notice for notice in edition.notices if notice.audio is not None]
    return [_Item(number, notice) for number, notice in enumerate(voiced, 1)]


def daisy_files(edition: Edition, labels: EditionLabels) -> Iterator[tuple[str, bytes | Path]]:
    items = daisy_items(edition)
    elapsed = 0.0
    size = 0
    narrators: set[str] = set()
    for item in items:
        assert item.notice.audio is not None
        narrators.add(item.notice.audio.voice)
        text = text_document(item, labels)
        smil = smil_document(item, labels, elapsed)
        size += len(text) + len(smil) + item.notice.audio.mp3.stat().st_size
        elapsed += item.seconds
        yield f"{item.name}.html", text
        yield f"{item.name}.smil", smil
        yield f"{item.name}.mp3", item.notice.audio.mp3
    yield "ncc.html", ncc_document(edition, items, labels, sorted(narrators), size)


def write_daisy(target: Path, edition: Edition, labels: EditionLabels) -> bool:
    """Write the DAISY book as a zip of its folder; False (nothing written) if no notice of
    the edition has audio in its language."""
    if not daisy_items(edition):
        return False
    with zipfile.ZipFile(target, "w") as archive:
        for name, content in daisy_files(edition, labels):
            if isinstance(content, Path):  # in one piece: one checksum call, one write
                archive.writestr(name, content.read_bytes(), compress_type=zipfile.ZIP_STORED)
            else:
                archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return True

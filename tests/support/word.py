"""Word (.docx) files for the import tests, built with python-docx the way Word writes them."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import RGBColor
from PIL import Image

ALT = "避難所の地図：元城小学校は市役所の北にあります"


def png(colour: str = "red", size: tuple[int, int] = (8, 6)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def add_link(paragraph: Any, text: str, url: str) -> None:
    part = paragraph.part
    relation = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{relation}"><w:r><w:t>{text}</w:t></w:r>'
        "</w:hyperlink>"
    )
    paragraph._p.append(link)


def add_text_box(paragraph: Any, text: str) -> None:
    box = parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        '<v:shape style="width:100pt;height:40pt">'
        f"<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    paragraph._p.append(box)


def notice(*, alt: str | None = ALT, header_row: bool = True) -> bytes:
    """A notice with every kind of content the import keeps, and some it drops."""
    document = Document()
    document.add_heading("避難所を開設しました", level=0)  # Word's Title style
    document.add_paragraph("大雨のため、市は避難所を開設しました。")
    document.add_heading("開設した避難所", level=1)
    document.add_paragraph("元城小学校", style="List Bullet")
    document.add_paragraph("体育館", style="List Bullet 2")
    document.add_paragraph("浜松中学校", style="List Bullet")
    document.add_paragraph("受付で名前を書く", style="List Number")
    document.add_paragraph("体育館に入る", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate([("項目", "内容"), ("日時", "12月13日 午前9時")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    if header_row:
        properties = table.rows[0]._tr.get_or_add_trPr()
        properties.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    paragraph = document.add_paragraph("詳しくは")
    add_link(paragraph, "市のホームページ", "https://www.city.example.jp/hinan")
    paragraph.add_run("を見てください。")
    picture = document.add_paragraph().add_run().add_picture(io.BytesIO(png()))
    if alt is not None:
        picture._inline.docPr.set("descr", alt)
    coloured = document.add_paragraph().add_run("赤い字は危険な場所です。")
    coloured.font.color.rgb = RGBColor(0xFF, 0x00, 0x00)
    coloured.bold = True
    add_text_box(document.add_paragraph("持ち物："), "飲み物と薬")
    remark = document.add_paragraph("問い合わせは危機管理課へ。")
    document.add_comment(remark.runs, text="電話番号を足すこと", author="広報")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_FOOTNOTES = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:id="-1" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="0" w:type="continuationSeparator"><w:p><w:r><w:continuationSeparator/>'
    "</w:r></w:p></w:footnote>"
    '<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def with_footnote(data: bytes, after: str, text: str) -> bytes:
    """``data`` with a footnote saying ``text`` referenced after the words ``after``
    (python-docx does not write footnotes; Word stores them in word/footnotes.xml)."""
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    reference = '<w:r><w:footnoteReference w:id="1"/></w:r>'
    document = parts["word/document.xml"].decode("utf-8")
    document = re.sub(rf"({re.escape(after)}</w:t></w:r>)", rf"\1{reference}", document, count=1)
    parts["word/document.xml"] = document.encode("utf-8")
    parts["word/footnotes.xml"] = _FOOTNOTES.format(text=text).encode("utf-8")
    relations = parts["word/_rels/document.xml.rels"].decode("utf-8")
    relations = relations.replace(
        "</Relationships>",
        '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    parts["word/_rels/document.xml.rels"] = relations.encode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    types = types.replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()

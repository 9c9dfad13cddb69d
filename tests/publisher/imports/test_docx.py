"""Word import: what staff wrote in Word becomes the product's Markdown, images come back with
their alt text, and everything dropped is named; files that are not Word documents, are
damaged or unpack to too much are refused with the reason."""

from __future__ import annotations

import io
import zipfile

import pytest

from publisher.imports.docx import (
    MAX_DOCX_BYTES,
    MAX_UNPACKED_BYTES,
    DocxImportError,
    ImportNote,
    ImportProblem,
    import_docx,
    markdown_of_html,
)
from tests.support.word import ALT, notice, png, with_footnote
from translations.checks import Code, check_bulletin
from translations.segmenter import segment_markdown


def notes(document: object) -> dict[ImportNote, dict[str, object]]:
    return {m.note: dict(m.details) for m in document.messages}  # type: ignore[attr-defined]


def test_headings_paragraphs_lists_tables_links_and_images_are_kept() -> None:
    imported = import_docx(notice())
    assert imported.title == "避難所を開設しました"
    body = imported.body
    assert body.startswith("大雨のため、市は避難所を開設しました。\n\n## 開設した避難所\n\n")
    assert "- 元城小学校\n- 体育館\n- 浜松中学校" in body
    assert "1. 受付で名前を書く\n2. 体育館に入る" in body
    assert "| 項目 | 内容 |\n|---|---|\n| 日時 | 12月13日 午前9時 |" in body
    assert "詳しくは[市のホームページ](https://www.city.example.jp/hinan)を見てください。" in body
    assert f"![{ALT}](image-1.png)" in body
    (image,) = imported.images
    assert (image.name, image.alt, image.content_type) == ("image-1.png", ALT, "image/png")
    assert image.data == png() and image.size == len(png())
    # The body is the product's Markdown: the segmenter reads its blocks as written.
    kinds = [block.kind for block in segment_markdown(body)]
    assert kinds[:2] == ["paragraph", "heading"] and kinds.count("list_item") == 5


def test_what_cannot_be_kept_is_dropped_and_named() -> None:
    imported = import_docx(notice())
    assert "飲み物と薬" not in imported.body  # the text box
    assert "電話番号を足すこと" not in imported.body  # the comment
    assert "赤い字は危険な場所です。" in imported.body  # its colour and bold are gone
    assert "**" not in imported.body
    found = notes(imported)
    assert found[ImportNote.TEXT_BOXES_DROPPED] == {"count": 1}
    assert found[ImportNote.COMMENTS_DROPPED] == {"count": 1}
    assert found[ImportNote.COLOURS_DROPPED] == {"count": 1}
    assert found[ImportNote.EMPHASIS_DROPPED] == {"count": 1}
    assert ImportNote.CONVERTER in found  # mammoth's own messages are passed on
    assert ImportNote.TABLE_WITHOUT_HEADER not in found
    assert ImportNote.IMAGE_WITHOUT_ALT not in found


def test_footnotes_are_dropped_and_named() -> None:
    data = with_footnote(notice(), "市は避難所を開設しました。", "一覧は市役所にあります")
    imported = import_docx(data)
    assert "一覧は市役所にあります" not in imported.body
    assert imported.body.startswith("大雨のため、市は避難所を開設しました。\n\n")
    assert notes(imported)[ImportNote.FOOTNOTES_DROPPED] == {"count": 1}
    assert ImportNote.FOOTNOTES_DROPPED not in notes(import_docx(notice()))


def test_a_table_without_a_header_row_and_an_image_without_alt_text_are_named() -> None:
    imported = import_docx(notice(alt=None, header_row=False))
    found = notes(imported)
    assert found[ImportNote.TABLE_WITHOUT_HEADER] == {"table": 1}
    assert found[ImportNote.IMAGE_WITHOUT_ALT] == {"image": "image-1.png"}
    assert "|  |  |\n|---|---|\n| 項目 | 内容 |" in imported.body
    assert imported.images[0].alt == ""
    # The checks then point at the table, so staff see it beside the text.
    report = check_bulletin(imported.title, imported.body)
    assert Code.TABLE_WITHOUT_HEADER in {finding.code for finding in report.findings}


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _refused(data: bytes) -> DocxImportError:
    with pytest.raises(DocxImportError) as caught:
        import_docx(data)
    return caught.value


@pytest.mark.parametrize(
    "data",
    [
        b"just some text",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),  # a Word 97-2003 .doc
        b"%PDF-1.7\n",
        _zip({"hello.txt": b"hi"}),
        b"",
    ],
    ids=["text", "doc", "pdf", "other-zip", "empty"],
)
def test_what_is_not_a_docx_is_refused(data: bytes) -> None:
    error = _refused(data)
    assert error.problem is ImportProblem.NOT_DOCX
    assert "Word" in str(error)


def test_a_damaged_docx_is_refused() -> None:
    parts = {}
    with zipfile.ZipFile(io.BytesIO(notice())) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"][:200]
    error = _refused(_zip(parts))
    assert error.problem is ImportProblem.CORRUPT and "document.xml" in str(error)
    truncated = notice()[:-200]
    assert _refused(truncated).problem in (ImportProblem.NOT_DOCX, ImportProblem.CORRUPT)


def test_a_file_that_unpacks_to_too_much_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with zipfile.ZipFile(io.BytesIO(notice())) as original:
            for name in original.namelist():
                archive.writestr(name, original.read(name))
        with archive.open("word/media/zeros.bin", "w") as bomb:
            for _ in range(MAX_UNPACKED_BYTES // 1_000_000 + 1):
                bomb.write(bytes(1_000_000))
    data = buffer.getvalue()
    assert len(data) < MAX_DOCX_BYTES  # small to send, huge unpacked
    error = _refused(data)
    assert error.problem is ImportProblem.TOO_LARGE and "unpacks" in str(error)


def test_a_file_over_the_size_limit_is_refused_before_it_is_opened() -> None:
    error = _refused(bytes(MAX_DOCX_BYTES + 1))
    assert error.problem is ImportProblem.TOO_LARGE


def test_nested_lists_keep_their_depth() -> None:
    written = markdown_of_html(
        "<h1>T</h1><ul><li>避難所<ul><li>体育館</li></ul></li><li>公民館</li></ul>"
        "<ol><li>受付<ol><li>名前を書く</li></ol></li></ol>"
    )
    assert written.body == "- 避難所\n  - 体育館\n- 公民館\n\n1. 受付\n   1. 名前を書く\n"
    depths = [(block.level, block.ordered) for block in segment_markdown(written.body)]
    assert depths == [(1, False), (2, False), (1, False), (1, True), (2, True)]


def test_markdown_characters_in_the_text_stay_text() -> None:
    written = markdown_of_html("<h1>T</h1><p>*重要* [注] # 1 | 2</p><h2>No title</h2>")
    assert written.body.startswith("\\*重要\\* \\[注\\] \\# 1 \\| 2")
    (block, heading) = segment_markdown(written.body)
    assert "*重要* [注] # 1 | 2" in block.segments[0].text and heading.kind == "heading"
    assert written.title == "T"
    assert markdown_of_html("<p>本文だけ</p>").messages[0].note is ImportNote.NO_TITLE

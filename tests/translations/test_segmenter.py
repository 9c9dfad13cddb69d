from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from translations.document import Block, Segment
from translations.placeholders import find_placeholders
from translations.restore import unmask
from translations.segmenter import segment_markdown, segment_title

BULLETINS = sorted((Path(__file__).parents[2] / "demo" / "bulletins").glob("*.json"))
PHONE = re.compile(r"0\d{1,4}-\d{1,4}-\d{4}")
URL = re.compile(r"https?://")


def load(name: str) -> dict[str, str]:
    path = next(path for path in BULLETINS if name in path.name)
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


def segments(blocks: tuple[Block, ...]) -> list[Segment]:
    return [segment for block in blocks for segment in block.segments]


def test_there_are_sample_bulletins() -> None:
    assert len(BULLETINS) >= 6


@pytest.mark.parametrize("path", BULLETINS, ids=lambda path: path.stem)
def test_every_sample_bulletin(path: Path) -> None:
    bulletin = json.loads(path.read_text(encoding="utf-8"))
    blocks = segment_markdown(bulletin["body"])
    found = segments(blocks)
    assert found
    ids = [segment.id for segment in found]
    assert len(ids) == len(set(ids))
    for segment in found:
        assert re.fullmatch(r"[0-9a-f]{12}-\d+", segment.id)
        # Nothing public reaches the model: no phone number, URL or e-mail in masked text.
        assert not PHONE.search(segment.text)
        assert not URL.search(segment.text)
        assert "@" not in segment.text
        assert [m.index for m in find_placeholders(segment.text)] == [
            token.index for token in segment.tokens
        ]
    # Every sentence of the body is still there when the tokens are put back.
    source_text = "".join(bulletin["body"].split())
    for segment in found:
        assert "".join(unmask(segment).split()) in source_text
    for block in blocks:
        assert block.segments
        assert not block.segments[0].line_break_before


def test_headings_and_list_items() -> None:
    blocks = segment_markdown(load("oversized-garbage")["body"])
    kinds = [(block.kind, block.level, block.ordered) for block in blocks]
    assert kinds[:5] == [
        ("paragraph", 0, False),
        ("heading", 2, False),
        ("list_item", 1, False),
        ("list_item", 1, False),
        ("list_item", 1, False),
    ]
    assert blocks[1].segments[0].text == "変更点"
    # A list item with two sentences keeps both in one block.
    assert [s.text for s in blocks[3].segments] == [
        "手数料は1点につき[1]です。",
        "コンビニエンスストアで納付済証を購入してください。",
    ]


def test_phone_and_url_become_placeholders() -> None:
    found = segments(segment_markdown(load("my-number-card")["body"]))
    booking = next(segment for segment in found if "予約は" in segment.text)
    assert booking.text == "予約は電話（[1]）または予約サイト [2] で受け付けます。"
    assert [(t.index, t.kind, t.value) for t in booking.tokens] == [
        (1, "phone", "053-000-3456"),
        (2, "url", "https://www.example.city.lg.jp/mynumber/yoyaku"),
    ]


def test_line_breaks_are_kept_as_separate_segments() -> None:
    blocks = segment_markdown(load("my-number-card")["body"])
    block = blocks[1]
    assert [(s.text, s.line_break_before) for s in block.segments] == [
        ("日時: [1]と[2]、[3]から[4]まで", False),
        ("場所: 市役所本館1階 市民課", True),
    ]


def test_hard_breaks_too() -> None:
    (block,) = segment_markdown("一行目です。\\\n二行目です。  \n三行目")
    assert [(s.text, s.line_break_before) for s in block.segments] == [
        ("一行目です。", False),
        ("二行目です。", True),
        ("三行目", True),
    ]


def test_ids_are_stable_when_a_paragraph_is_inserted() -> None:
    body = load("evacuation-shelter")["body"]
    before = segments(segment_markdown(body))
    edited = "新しい段落を追加しました。\n\n" + body.replace(
        "\n\n川や", "\n\n追加の注意です。\n\n川や"
    )
    after = {segment.id: segment.text for segment in segments(segment_markdown(edited))}
    for segment in before:
        assert after[segment.id] == segment.text
    assert len(after) == len(before) + 2


def test_repeated_sentences_get_occurrence_numbers() -> None:
    found = segments(segment_markdown("ご注意ください。\n\nご注意ください。"))
    assert found[0].id.split("-")[0] == found[1].id.split("-")[0]
    assert [segment.id.split("-")[1] for segment in found] == ["1", "2"]


def test_same_skeleton_different_numbers_have_different_ids() -> None:
    first, second = segments(segment_markdown("電話 053-000-1111\n\n電話 053-000-2222"))
    assert first.text == second.text == "電話 [1]"
    assert first.id != second.id


def test_markdown_links_and_inline_code_never_reach_the_model() -> None:
    (block,) = segment_markdown(
        "[申し込みフォーム](https://example.jp/form)から番号`A-12`を入力し、<https://x.jp>か<me@x.jp>へ。"
    )
    (segment,) = block.segments
    assert segment.text == "[1]から番号[2]を入力し、[3]か[4]へ。"
    kinds = [(t.kind, t.value, t.label) for t in segment.tokens]
    assert kinds == [
        ("link", "https://example.jp/form", "申し込みフォーム"),
        ("code", "A-12", "A-12"),
        ("url", "https://x.jp", "https://x.jp"),
        ("email", "me@x.jp", "me@x.jp"),
    ]


def test_raw_html_is_literal_text() -> None:
    (block,) = segment_markdown("<script>alert(1)</script> 注意")
    assert block.segments[0].text == "<script>alert(1)</script> 注意"


def test_emphasis_markup_is_dropped_but_words_kept() -> None:
    (block,) = segment_markdown("**重要**: 必ず*お持ち*ください。")
    assert block.segments[0].text == "重要: 必ずお持ちください。"


def test_nested_and_ordered_lists() -> None:
    blocks = segment_markdown("1. 一つ目\n   - 入れ子\n2. 二つ目\n\n- 外\n\n  続きの段落")
    assert [(b.kind, b.level, b.ordered, b.segments[0].text) for b in blocks] == [
        ("list_item", 1, True, "一つ目"),
        ("list_item", 2, False, "入れ子"),
        ("list_item", 1, True, "二つ目"),
        ("list_item", 1, False, "外"),
    ]
    assert [(s.text, s.line_break_before) for s in blocks[3].segments] == [
        ("外", False),
        ("続きの段落", True),
    ]


def test_code_blocks_and_images_become_tokens() -> None:
    blocks = segment_markdown("```\nmake all\n```\n\n![避難所の地図](https://example.jp/map.png)")
    assert [(s.text, s.tokens[0].kind, s.tokens[0].value) for b in blocks for s in b.segments] == [
        ("[1]", "code", "make all"),
        ("[1]", "link", "https://example.jp/map.png"),
    ]


def test_literal_bracket_numbers_are_not_placeholders() -> None:
    (block,) = segment_markdown("注[1]をご覧ください。電話 053-000-1234")
    first, second = block.segments
    assert first.text == "注[1]をご覧ください。"
    assert first.tokens == ()
    assert second.text == "電話 [1]"


def test_literal_bracket_numbers_beside_tokens() -> None:
    (block,) = segment_markdown("注[1]の窓口 053-000-1234")
    (segment,) = block.segments
    assert segment.text == "注[1]の窓口 [2]"
    assert segment.tokens[0].index == 2
    assert unmask(segment) == "注[1]の窓口 053-000-1234"


def test_empty_and_blank_documents() -> None:
    assert segment_markdown("") == ()
    assert segment_markdown("\n\n---\n\n") == ()


def test_segment_title() -> None:
    title = segment_title("【緊急】大雨による避難所の開設について")
    assert title.text == "【緊急】大雨による避難所の開設について"
    assert title.id.endswith("-0")
    assert title.tokens == ()
    contact = segment_title("国際課　電話 053-000-5600　Eメール kokusai@example.city.lg.jp")
    assert contact.text == "国際課　電話 [1]　Eメール [2]"
    assert [token.kind for token in contact.tokens] == ["phone", "email"]
    # A title is one segment even with several sentences or lines in it.
    assert segment_title("一つ目。\n二つ目。").text == "一つ目。 二つ目。"


def test_an_image_placed_alone_becomes_a_figure_whose_sentences_are_its_alt_text() -> None:
    from translations.segmenter import image_references

    body = "避難所を開設しました。\n\n![](image:2)\n\n詳しくは防災課へ。"
    alts = [("image:1", "チラシです。"), ("image:2", "避難所の地図。\n赤い線が経路です。")]
    blocks = segment_markdown(body, alts)
    assert [(block.kind, block.ref) for block in blocks] == [
        ("paragraph", ""),
        ("figure", "image:2"),  # where the text places it
        ("paragraph", ""),
        ("figure", "image:1"),  # not placed: after the body, in the order given
    ]
    assert [segment.text for segment in blocks[1].segments] == [
        "避難所の地図。",
        "赤い線が経路です。",
    ]
    ids = [segment.id for block in blocks for segment in block.segments]
    assert len(ids) == len(set(ids))
    # Without the image's alt text, the Markdown reads as it always did (a link token).
    (plain,) = segment_markdown("![地図](image:2)")
    assert plain.kind == "paragraph" and plain.segments[0].tokens[0].kind == "link"
    # Alt text is translated like a sentence: phone numbers are protected in it too.
    (figure,) = segment_markdown("", [("image:1", "問い合わせ 053-457-2111")])
    assert figure.segments[0].text == "問い合わせ [1]"
    assert [(ref.src, ref.alone) for ref in image_references(body + "\n\n- ![](image:1)")] == [
        ("image:2", True),
        ("image:1", False),
    ]

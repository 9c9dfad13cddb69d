"""Checks before submitting: each rule finds what it names and leaves ordinary text alone;
findings point at the product's blocks and sentences; scores come with their band."""

from __future__ import annotations

import pytest

from translations.checks import (
    CHECKS,
    Category,
    Code,
    Finding,
    Part,
    Severity,
    check_bulletin,
)
from translations.easy_japanese import Band
from translations.segmenter import segment_markdown


def found(body: str, code: Code, title: str | None = None) -> list[Finding]:
    return [f for f in check_bulletin(title, body).findings if f.code is code]


def excerpts(body: str, code: Code) -> list[str]:
    return [f.location.excerpt for f in found(body, code)]


# (code, text with the problem -> excerpts found, text without it)
CASES = [
    (
        Code.VAGUE_LINK_TEXT,
        "詳しくは[こちら](https://example.jp/a)をご覧ください。[Click here](https://example.jp/b)",
        ["こちら", "Click here"],
        "[ごみの出し方（PDF）](https://example.jp/a)をご覧ください。こちらは市役所です。",
    ),
    (
        Code.SKIPPED_HEADING_LEVEL,
        "## 日時\n\n本文。\n\n#### 場所\n\n本文。",
        ["場所"],
        "# 日時\n\n## 場所\n\n### 地図\n\n## 問い合わせ",
    ),
    (
        Code.TABLE_WITHOUT_HEADER,
        "|  |  |\n|---|---|\n| 日時 | 12月13日 |",
        ["|  |  |"],
        "| 項目 | 内容 |\n|---|---|\n| 日時 | 12月13日 |",
    ),
    (
        Code.FULL_WIDTH_ALPHANUMERIC,
        "会場はＡ棟の２０１号室です。",
        ["Ａ", "２０１"],
        "会場はA棟の201号室です。",
    ),
    (
        Code.HALF_WIDTH_KATAKANA,
        "ｲﾍﾞﾝﾄを開きます。",
        ["ｲﾍﾞﾝﾄ"],
        "イベントを開きます。",
    ),
    (
        Code.SPACED_WORD,
        "問い合わせは総　務　課へ。",
        ["総　務　課"],
        "大雨が 降って います。山田　太郎さん。",
    ),
    (
        Code.MACHINE_DEPENDENT_CHARACTER,
        "①受付は㈱浜松で、㍻の記録を見ます。",
        ["①", "㈱", "㍻"],
        "1. 受付は（株）浜松で、平成の記録を見ます。",
    ),
    (
        Code.ERA_ONLY_DATE,
        "令和8年4月1日から始まります。",
        ["令和8年"],
        "2026年（令和8年）4月1日から始まります。",
    ),
    (
        Code.LONG_SENTENCE,
        "大雨の" + "影響により" * 20 + "中止します。",
        ["大雨の" + "影響により" * 20 + "中止します。"],
        "大雨のため中止します。",
    ),
    (
        Code.DOUBLE_NEGATIVE,
        "申請しなければなりません。",
        ["なければなりません"],
        "申請してください。",
    ),
    (
        Code.STACKED_HONORIFICS,
        "ご来場いただきますようお願い申し上げます。",
        ["いただきますようお願い申し上げ"],
        "ご注意ください。",
    ),
    (
        Code.UNRECOGNISED_PHONE,
        "電話 053・457・2111 または TEL:4572111 まで。",
        ["053・457・2111", "4572111"],
        "電話 053-457-2111 まで。",
    ),
    (
        Code.UNRECOGNISED_DATE,
        "受付は12/13 9:00からです（2026-12-13、R8.12.13）。",
        ["12/13", "9:00", "2026-12-13", "R8.12.13"],
        "受付は12月13日午前9時からです。幅は1.5メートル、住所は元城町103-2です。",
    ),
]


def test_every_code_has_one_check_and_one_case() -> None:
    assert set(CHECKS) == set(Code)
    assert sorted(code for code, *_ in CASES) == sorted(Code)


@pytest.mark.parametrize(("code", "bad", "wanted", "good"), CASES, ids=lambda v: str(v)[:20])
def test_each_rule_finds_its_problem_and_only_that(
    code: Code, bad: str, wanted: list[str], good: str
) -> None:
    assert excerpts(bad, code) == wanted
    assert excerpts(good, code) == []
    # The check alone finds it: the rule, not another, is what reports it.
    from translations.checks.text import read_bulletin

    assert [f.code for f in CHECKS[code](read_bulletin(None, bad))] == [code] * len(wanted)


def test_findings_are_warnings_with_a_category() -> None:
    findings = [f for code, bad, *_ in CASES for f in found(bad, code)]
    assert {f.severity for f in findings} == {Severity.WARNING}
    categories = {f.code: f.category for f in findings}
    assert categories[Code.VAGUE_LINK_TEXT] is Category.ACCESSIBILITY
    assert categories[Code.UNRECOGNISED_PHONE] is Category.MACHINE_TRANSLATION


def test_details_carry_what_a_hint_needs() -> None:
    (era,) = found("令和8年4月1日", Code.ERA_ONLY_DATE)
    assert dict(era.details) == {"found": "令和8年", "western_year": 2026}
    (heading,) = found("# A\n\n#### B", Code.SKIPPED_HEADING_LEVEL)
    assert dict(heading.details) == {"level": 4, "previous": 2, "expected": 3}
    (width,) = found("ＡＢＣ", Code.FULL_WIDTH_ALPHANUMERIC)
    assert width.details["suggestion"] == "ABC"
    (long,) = found("あ" * 81 + "。", Code.LONG_SENTENCE)
    assert dict(long.details) == {"length": 82, "limit": 80}
    with pytest.raises(TypeError):
        long.details["limit"] = 1  # type: ignore[index]


def test_locations_are_the_segmenters_blocks_and_sentences() -> None:
    body = "## 申込\n\n受付は始まりました。会場はＡ棟です。\n\n- 持ち物は①です。"
    report = check_bulletin("ｲﾍﾞﾝﾄのお知らせ", body)
    by_code = {f.code: f.location for f in report.findings}
    title = by_code[Code.HALF_WIDTH_KATAKANA]
    assert (title.part, title.block, title.sentence, title.index) == (Part.TITLE, None, 0, 0)
    assert (title.start, title.end) == (0, 5)
    width = by_code[Code.FULL_WIDTH_ALPHANUMERIC]
    blocks = segment_markdown(body)
    assert (width.part, width.block, width.sentence, width.index) == (Part.BODY, 1, 1, 3)
    assert width.text == "会場はＡ棟です。" == blocks[1].segments[1].text
    assert width.excerpt == "Ａ"
    listed = by_code[Code.MACHINE_DEPENDENT_CHARACTER]
    assert (listed.block, listed.sentence, listed.index) == (2, 0, 4)
    assert blocks[2].kind == "list_item"
    # The scores list every sentence in the same reading order.
    assert [s.location.index for s in report.sentences] == [0, 1, 2, 3, 4]


def test_spans_count_links_as_their_label_and_phones_as_shown() -> None:
    body = "電話 053-457-2111 へ、または[こちら](https://example.jp/)から。"
    (link,) = found(body, Code.VAGUE_LINK_TEXT)
    assert link.location.text == "電話 053-457-2111 へ、またはこちらから。"
    assert link.location.excerpt == "こちら"


def test_a_table_finding_names_the_block_the_page_shows_it_in() -> None:
    body = "はじめに。\n\n| | |\n|---|---|\n| 日時 | 12月13日 |"
    (table,) = found(body, Code.TABLE_WITHOUT_HEADER)
    assert table.location.block == 1 and dict(table.details) == {"columns": 2}


def test_scores_have_a_band_and_a_kanji_ratio() -> None:
    report = check_bulletin(
        "お知らせ", "大雨のため避難指示を出しました。川に近づかないでください。"
    )
    assert report.text.score is not None and report.text.band in set(Band)
    assert 0 < report.text.kanji_ratio < 1
    assert len(report.sentences) == 3
    easy, hard = (
        check_bulletin(None, "あめが ふって います。").text,
        check_bulletin(None, "気象庁発表の大雨特別警報発令に伴い避難指示を発令。").text,
    )
    assert easy.score is not None and hard.score is not None and easy.score > hard.score
    assert hard.kanji_ratio > easy.kanji_ratio
    assert check_bulletin(None, "").text.score is None

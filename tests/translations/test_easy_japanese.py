"""Every rule of the easy-Japanese checker, with a sentence that breaks it and one that keeps it."""

from __future__ import annotations

import pytest

from translations.easy_japanese import (
    Band,
    Rule,
    check_sentences,
    readability,
    sentences_of_markdown,
)
from translations.easy_japanese.score import band_of

# rule -> (a sentence that breaks it, what the finding points at, a sentence that keeps it)
CASES: dict[Rule, tuple[str, str, str]] = {
    Rule.SENTENCE_LENGTH: (
        "国民健康保険に加入している四十歳から七十四歳までの方を対象として、健康診査を実施します。",
        "44",
        "けんこうしんさを します。",
    ),
    Rule.ONE_PREDICATE: (
        "雨が 降ったので、 お祭りは 中止に なりました。",
        "で、",
        "お祭りは 中止に なりました。",
    ),
    Rule.DOUBLE_NEGATIVE: (
        "受付で 申請しなければ なりません。",
        "なければ なりません",
        "受付で 申請して ください。",
    ),
    Rule.HONORIFIC: (
        "足元に ご注意ください。",
        "ご注意ください",
        "足元に 気をつけて ください。",
    ),
    Rule.HUMBLE: (
        "会場を ご案内します。",
        "ご案内し",
        "会場を 知らせます。",
    ),
    Rule.PASSIVE: (
        "受診券は 5月に 郵送されます。",
        "郵送され",
        "市が 5月に 受診券を 送ります。",
    ),
    Rule.CAUSATIVE: (
        "子どもに 申請書を 書かせます。",
        "書かせ",
        "子どもが 申請書を 書きます。",
    ),
    Rule.KATAKANA_LOANWORD: (
        "シェルターに 行きます。",
        "シェルター",
        "シェルター（ひなんじょ）に 行きます。",
    ),
    Rule.TWENTY_FOUR_HOUR_TIME: (
        "受付は 17時までです。",
        "17時",
        "受付は 午後5時までです。",
    ),
    Rule.ERA_ONLY_YEAR: (
        "令和7年 4月から 始まります。",
        "令和7年",
        "2025年（令和7年）4月から 始まります。",
    ),
    Rule.KANJI_COUNT: (
        "住民税非課税世帯対象給付金申請",
        "15",
        "きゅうふきんを もらう ことが できます。",
    ),
}


def rules_of(sentence: str) -> dict[Rule, list[str]]:
    found: dict[Rule, list[str]] = {}
    for finding in check_sentences([sentence]):
        found.setdefault(finding.rule, []).append(finding.match)
    return found


def test_every_rule_has_a_case() -> None:
    assert set(CASES) == set(Rule)


@pytest.mark.parametrize("rule", list(Rule))
def test_a_sentence_that_breaks_the_rule_is_found(rule: Rule) -> None:
    broken, match, _kept = CASES[rule]
    assert match in rules_of(broken).get(rule, []), rules_of(broken)


@pytest.mark.parametrize("rule", list(Rule))
def test_a_sentence_that_keeps_the_rule_is_not_found(rule: Rule) -> None:
    _broken, _match, kept = CASES[rule]
    assert rule not in rules_of(kept), rules_of(kept)


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("ごみは 朝 8時までに 出して ください。", Rule.ONE_PREDICATE),  # て + ください
        ("持って きて ください。", Rule.ONE_PREDICATE),
        ("申請しても いいです。", Rule.ONE_PREDICATE),
        ("ここに 出さないで ください。", Rule.DOUBLE_NEGATIVE),  # one negation
        ("出さないで 入れないで ください。", Rule.DOUBLE_NEGATIVE),  # two, but not doubled
        ("書いて ください。", Rule.HONORIFIC),
        ("よろしく お願いします。", Rule.HUMBLE),
        ("ブラジルの 人が 来ます。", Rule.KATAKANA_LOANWORD),  # a country's name
        ("午後1時30分に 始まります。", Rule.TWENTY_FOUR_HOUR_TIME),
        ("午前9:30に 始まります。", Rule.TWENTY_FOUR_HOUR_TIME),
        ("工事の 状況によって 時間が 変わります。", Rule.ONE_PREDICATE),  # によって
        ("大雨警報に伴い、避難所を開きました。", Rule.ONE_PREDICATE),  # に伴い
        ("お祭り（フェスティバル）が あります。", Rule.KATAKANA_LOANWORD),  # the word in brackets
        (
            "申し込みは https://www.example.city.lg.jp/gomi/renraku/form/2026 です。",
            Rule.SENTENCE_LENGTH,  # an address counts as one character
        ),
    ],
)
def test_plain_forms_easy_japanese_keeps_are_not_findings(sentence: str, rule: Rule) -> None:
    assert rule not in rules_of(sentence), rules_of(sentence)


@pytest.mark.parametrize(
    ("sentence", "rule", "match"),
    [
        ("燃やさず、 分別して ください。", Rule.ONE_PREDICATE, "ず、"),
        ("雨が 降ったら 中止です。", Rule.ONE_PREDICATE, "たら"),
        (
            "申し込む 必要は ないわけでは ありません。",
            Rule.DOUBLE_NEGATIVE,
            "ないわけでは ありません",
        ),
        ("よろしく お願いいたします。", Rule.HUMBLE, "いたし"),
        ("窓口で お待ちしております。", Rule.HUMBLE, "お待ちし"),
        ("市役所に いらっしゃる 方", Rule.HONORIFIC, "いらっしゃる"),
        ("公共交通機関をご利用ください。", Rule.HONORIFIC, "ご利用ください"),
        ("区域にお住まいの方", Rule.HONORIFIC, "お住まい"),
        ("どなたでも参加できます。", Rule.HONORIFIC, "どなた"),
        ("必ずお持ちください。", Rule.HONORIFIC, "お持ちください"),
        ("受付は 9:30からです。", Rule.TWENTY_FOUR_HOUR_TIME, "9:30"),
        ("受付は １３：００からです。", Rule.TWENTY_FOUR_HOUR_TIME, "１３：００"),
        ("平成元年に できました。", Rule.ERA_ONLY_YEAR, "平成元年"),
    ],
)
def test_more_forms_of_the_rules(sentence: str, rule: Rule, match: str) -> None:
    assert match in rules_of(sentence).get(rule, []), rules_of(sentence)


def test_a_loanword_explained_once_is_explained_for_the_whole_text() -> None:
    findings = check_sentences(
        [
            "シェルター（ひなんじょ）が あります。",
            "シェルターに 行きます。",
            "ステージが あります。",
        ]
    )
    loanwords = [(f.sentence, f.match) for f in findings if f.rule is Rule.KATAKANA_LOANWORD]
    assert loanwords == [(2, "ステージ")]


def test_findings_name_their_sentence_in_reading_order() -> None:
    findings = check_sentences(["お祭りが あります。", "受付は 17時までです。"])
    assert [(f.sentence, f.text, f.rule) for f in findings] == [
        (1, "受付は 17時までです。", Rule.TWENTY_FOUR_HOUR_TIME)
    ]


def test_markdown_becomes_the_sentences_readers_see() -> None:
    sentences = sentences_of_markdown(
        "お知らせ",
        "## 日時\n\n受付は 午後5時までです。電話は [053-000-0000](tel:0530000000) です。",
    )
    assert sentences == [
        "お知らせ",
        "日時",
        "受付は 午後5時までです。",
        "電話は 053-000-0000 です。",
    ]


def test_readability_is_higher_for_the_easier_text_and_has_a_band() -> None:
    hard = readability(
        [
            "国民健康保険に加入している四十歳から七十四歳の方を対象に、特定健康診査を実施します。",
            "住民税非課税世帯の方は自己負担額が免除されます。",
        ]
    )
    easy = readability(
        ["40さいから 74さいの 人は けんさを うけることが できます。", "お金は いりません。"]
    )
    assert hard is not None and easy is not None
    assert easy.score > hard.score
    assert hard.band == band_of(hard.score)
    assert readability([" "]) is None


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0.2, Band.UPPER_ADVANCED),
        (1.49, Band.UPPER_ADVANCED),
        (1.5, Band.LOWER_ADVANCED),
        (3.0, Band.UPPER_INTERMEDIATE),
        (4.0, Band.LOWER_INTERMEDIATE),
        (5.0, Band.UPPER_ELEMENTARY),
        (6.0, Band.LOWER_ELEMENTARY),
        (7.5, Band.LOWER_ELEMENTARY),
    ],
)
def test_bands_follow_lee_and_hasebe(score: float, band: Band) -> None:
    assert band_of(score) == band

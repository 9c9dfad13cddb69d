from __future__ import annotations

from translations.sentences import split_sentences


def test_japanese_sentences() -> None:
    text = "受診券は５月下旬に郵送します。受診期間は６月１日からです！本当？はい"
    assert split_sentences(text) == [
        "受診券は５月下旬に郵送します。",
        "受診期間は６月１日からです！",
        "本当？",
        "はい",
    ]


def test_closing_brackets_stay_with_their_sentence() -> None:
    assert split_sentences("（雨天中止。）次の文です。") == ["（雨天中止。）", "次の文です。"]
    assert split_sentences("「危険です！」次へ。") == ["「危険です！」", "次へ。"]


def test_no_split_inside_brackets_or_quotations() -> None:
    assert split_sentences("（注意。詳しくは後で）次。") == ["（注意。詳しくは後で）次。"]
    assert split_sentences("「はい。」と言った。") == ["「はい。」と言った。"]


def test_unclosed_bracket_does_not_swallow_the_line() -> None:
    assert split_sentences("（閉じない。文。です。") == ["（閉じない。", "文。", "です。"]


def test_space_separated_languages() -> None:
    text = "The city opens shelters. Bring water! Is it safe? Yes."
    assert split_sentences(text) == [
        "The city opens shelters.",
        "Bring water!",
        "Is it safe?",
        "Yes.",
    ]


def test_abbreviations_and_numbers_do_not_split() -> None:
    text = "Call Mr. Smith at 5 p.m. today. Version 3.5 is out, e.g. now."
    assert split_sentences(text) == [
        "Call Mr. Smith at 5 p.m. today.",
        "Version 3.5 is out, e.g. now.",
    ]


def test_whitespace_only() -> None:
    assert split_sentences("   ") == []

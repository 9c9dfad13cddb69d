"""Every finding has a hint in Japanese and English, filled with its own details."""

from __future__ import annotations

import pytest

from publisher.check_hints import BANDS, EASY_HINTS, HINTS, band_label, easy_hint, hint
from publisher.staff_language import staff_language
from tests.translations.test_checks import CASES
from translations.checks import Code, check_bulletin
from translations.easy_japanese import Band, Rule


def test_every_code_and_band_has_a_message() -> None:
    assert set(HINTS) == set(Code)
    assert set(BANDS) == set(Band)


@pytest.mark.parametrize(("code", "bad"), [(code, bad) for code, bad, *_ in CASES])
def test_each_hint_is_filled_in_both_languages(code: Code, bad: str) -> None:
    finding = next(f for f in check_bulletin(None, bad).findings if f.code is code)
    japanese, english = hint(finding, "ja"), hint(finding, "en")
    assert japanese != english and "%(" not in japanese + english
    assert any("\u3040" <= char <= "\u30ff" for char in japanese)
    found = finding.details.get("found")
    if isinstance(found, str):
        assert found in japanese and found in english


def test_stacked_forms_are_listed_in_the_languages_way() -> None:
    (finding,) = [
        f
        for f in check_bulletin(None, "ご来場いただきますようお願い申し上げます。").findings
        if f.code is Code.STACKED_HONORIFICS
    ]
    assert "いただき、申し上げ" in hint(finding, "ja")
    assert "いただき, 申し上げ" in hint(finding, "en")


def test_band_labels() -> None:
    assert band_label(Band.LOWER_ELEMENTARY, "ja") == "初級前半（最もやさしい）"
    assert band_label(Band.LOWER_ELEMENTARY, "en") == "lower elementary (easiest)"


@pytest.mark.parametrize(
    ("asked", "header", "language"),
    [
        (None, None, "ja"),
        ("en", None, "en"),
        (None, "en-GB,en;q=0.8", "en"),
        (None, "de, en;q=0.2, ja;q=0.9", "ja"),
        (None, "en;q=0, ja;q=0.1", "ja"),
        (None, "en;q=nonsense, ja;q=0.1", "ja"),
        (None, "fr", "ja"),
        ("ko", "en", "en"),
    ],
)
def test_the_staff_language(asked: str | None, header: str | None, language: str) -> None:
    assert staff_language(asked, header) == language


def test_every_easy_japanese_rule_has_a_hint_in_both_languages() -> None:
    assert set(EASY_HINTS) == set(Rule)
    for rule in Rule:
        japanese, english = easy_hint(rule, "ja"), easy_hint(rule, "en")
        assert japanese != english and "%(" not in japanese + english
    assert (
        easy_hint(Rule.SENTENCE_LENGTH, "ja")
        == "文が 長いです（40字より 多い）。文を 分けて ください。"
    )
    assert easy_hint(Rule.KANJI_COUNT, "en").startswith("Many kanji (over 10)")

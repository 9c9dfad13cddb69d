from __future__ import annotations

from datetime import date

import pytest

from translations.document import Token
from translations.languages import LANGUAGES
from translations.locale_format import (
    BABEL_LOCALES,
    format_day,
    format_integer,
    format_token_text,
    localize_token,
)
from translations.restore import plain_text, restore
from translations.segmenter import segment_title


def token(text: str) -> Token:
    (only,) = segment_title(text).tokens
    return only


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Saturday, December 13"),
        ("pt", "sábado, 13 de dezembro"),
        ("es", "sábado, 13 de diciembre"),
        ("ko", "12월 13일 토요일"),
        ("zh", "12月13日星期六"),
        ("ja", "12月13日（土曜日）"),
    ],
)
def test_year_less_date_keeps_the_sources_weekday(language: str, expected: str) -> None:
    assert format_token_text(token("12月13日（土曜日）"), language) == expected


def test_era_date_with_time() -> None:
    written = format_token_text(token("令和8年1月20日（火曜日）午後10時"), "en")
    assert written == "Tuesday, January 20, 2026, 10:00\u00a0PM"


def test_contradictory_weekday_is_not_printed() -> None:
    # 2026-01-21 is a Wednesday, not a Tuesday: print the date, not a guess.
    assert format_token_text(token("2026年1月21日（火）"), "en") == "January 21, 2026"


def test_time_range_and_money() -> None:
    assert (
        format_token_text(token("午前8時30分～午後5時15分"), "en") == "8:30\u00a0AM – 5:15\u00a0PM"
    )
    assert format_token_text(token("午前8時30分～午後5時15分"), "pt") == "08:30 – 17:15"
    assert format_token_text(token("300円"), "en") == "¥300"


def test_every_language_has_a_locale_and_formats() -> None:
    date = token("12月13日（土曜日）")
    for code in LANGUAGES:
        assert code in BABEL_LOCALES
        assert "13" in format_token_text(date, code)


def test_postal_codes_and_verbatim_stay_as_written() -> None:
    postal = token("〒430-8652")
    assert localize_token(postal, "en") is postal
    verbatim = token("{{浜松城公園}}")
    assert verbatim.kind == "verbatim"
    assert format_token_text(verbatim, "en") == "浜松城公園"


def test_restore_writes_tokens_for_the_target_language() -> None:
    segment = segment_title("日時: 12月13日（土曜日）")
    assert plain_text(restore("Date: [1]", segment.tokens, "en").pieces) == (
        "Date: Saturday, December 13"
    )
    assert plain_text(restore(segment.text, segment.tokens, "ja").pieces) == (
        "日時: 12月13日（土曜日）"
    )


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("ja", "2025年3月5日"),
        ("en", "March 5, 2025"),
        ("pt", "5 de março de 2025"),
        ("tl", "Marso 5, 2025"),
        ("ko", "2025년 3월 5일"),
    ],
)
def test_a_day_is_written_as_cldr_writes_it_in_full(language: str, written: str) -> None:
    assert format_day(date(2025, 3, 5), language) == written


def test_counts_use_the_language_grouping() -> None:
    assert format_integer(1234, "en") == "1,234"
    assert format_integer(1234, "pt") == "1.234"

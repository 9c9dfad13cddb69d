from __future__ import annotations

import json

import pytest

from translations.dates import find_dates


def found(text: str) -> list[tuple[str, dict[str, object]]]:
    return [(text[span.start : span.end], json.loads(span.data)) for span in find_dates(text)]


def test_date_with_weekday() -> None:
    assert found("日時: 12月13日（土曜日）と12月14日(日)") == [
        ("12月13日（土曜日）", {"month": 12, "day": 13, "weekday": 5}),
        ("12月14日(日)", {"month": 12, "day": 14, "weekday": 6}),
    ]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("令和8年4月1日", 2026),
        ("令和元年5月1日", 2019),
        ("平成31年4月30日", 2019),
        ("2026年4月1日", 2026),
    ],
)
def test_era_and_western_years(text: str, year: int) -> None:
    ((label, data),) = found(f"{text}から")
    assert label == text
    assert data["year"] == year


def test_full_width_digits() -> None:
    assert found("受診期間は６月１日から１１月３０日までです") == [
        ("６月１日", {"month": 6, "day": 1}),
        ("１１月３０日", {"month": 11, "day": 30}),
    ]


def test_date_followed_by_time_is_one_token() -> None:
    assert found("令和8年1月20日（火曜日）午後10時から翌日午前5時まで") == [
        (
            "令和8年1月20日（火曜日）午後10時",
            {"year": 2026, "month": 1, "day": 20, "weekday": 1, "time": "22:00"},
        ),
        ("午前5時", {"time": "05:00"}),
    ]


@pytest.mark.parametrize(
    ("text", "label", "data"),
    [
        ("午前9時から", "午前9時", {"time": "09:00"}),
        ("正午まで", "正午", {"time": "12:00"}),
        ("朝8時30分までに", "朝8時30分", {"time": "08:30"}),
        ("夜8時半", "夜8時半", {"time": "20:30"}),
        ("17時15分", "17時15分", {"time": "17:15"}),
        ("午前12時", "午前12時", {"time": "00:00"}),
        (
            "平日 午前8時30分～午後5時15分",
            "午前8時30分～午後5時15分",
            {"time": "08:30", "until": "17:15"},
        ),
    ],
)
def test_times(text: str, label: str, data: dict[str, object]) -> None:
    assert found(text) == [(label, data)]


@pytest.mark.parametrize(
    "text",
    ["24時間申し込みができます", "2時間", "1.5時間", "25時", "2月30日", "何時ですか", "5月下旬"],
)
def test_not_dates_or_times(text: str) -> None:
    assert found(text) == []

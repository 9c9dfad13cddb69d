from __future__ import annotations

import pytest

from translations.masking import find_protected


def kinds_and_labels(text: str) -> list[tuple[str, str]]:
    return [(span.kind, span.label) for span in find_protected(text)]


@pytest.mark.parametrize(
    "phone",
    [
        "053-000-1234",
        "０５３－０００－１２３４",
        "0120-123-456",
        "090-1234-5678",
        "(053)000-1234",
        "053(000)1234",
        "0530001234",
        "+81-53-000-1234",
    ],
)
def test_japanese_phone_numbers(phone: str) -> None:
    spans = find_protected(f"電話 {phone}（平日）")
    assert [(span.kind, span.label) for span in spans] == [("phone", phone)]


def test_phone_value_is_half_width() -> None:
    (span,) = find_protected("ＦＡＸ ０５３－０００－２３０１")
    assert span.value == "053-000-2301"
    assert span.label == "０５３－０００－２３０１"


@pytest.mark.parametrize(
    "text",
    ["2026-11-26", "〒430-0929", "約320世帯", "12345678901234", "午前8時30分～午後5時15分"],
)
def test_not_phone_numbers(text: str) -> None:
    assert [span for span in find_protected(text) if span.kind == "phone"] == []


def test_urls_end_before_japanese_and_punctuation() -> None:
    text = "予約サイト https://www.example.city.lg.jp/mynumber/yoyaku で受け付けます。"
    assert kinds_and_labels(text) == [("url", "https://www.example.city.lg.jp/mynumber/yoyaku")]
    text = "詳しくはhttps://example.jp/a?b=1をご覧ください（https://example.jp/c）。"
    assert kinds_and_labels(text) == [
        ("url", "https://example.jp/a?b=1"),
        ("url", "https://example.jp/c"),
    ]
    assert kinds_and_labels("See https://example.jp/x.") == [("url", "https://example.jp/x")]
    assert kinds_and_labels("(see https://en.example.org/A_(b))") == [
        ("url", "https://en.example.org/A_(b)")
    ]


def test_bare_urls_get_a_scheme_in_their_value() -> None:
    (span,) = find_protected("詳細はwww.example.city.lg.jp/gomiへ")
    assert (span.kind, span.label, span.value) == (
        "url",
        "www.example.city.lg.jp/gomi",
        "https://www.example.city.lg.jp/gomi",
    )
    assert kinds_and_labels("example.com を参照") == [("url", "example.com")]


def test_email_is_one_span() -> None:
    text = "Eメール kokusai@example.city.lg.jp まで"
    assert kinds_and_labels(text) == [("email", "kokusai@example.city.lg.jp")]


def test_no_false_positives_in_plain_text() -> None:
    assert find_protected("1点につき300ドルです。40歳から74歳。24時間。Ver. 3.5 e.g. Node.js") == ()


def test_do_not_translate_marker_wins_over_everything_inside() -> None:
    text = "会場は{{浜松城公園 053-000-0000}}と｛｛中央区｝｝です。"
    spans = find_protected(text)
    assert [(span.kind, span.label) for span in spans] == [
        ("verbatim", "浜松城公園 053-000-0000"),
        ("verbatim", "中央区"),
    ]


def test_dates_amounts_and_postal_codes_are_protected() -> None:
    text = "〒430-8652 令和8年4月1日、午前9時 300円"
    assert [span.kind for span in find_protected(text)] == ["postal", "date", "time", "amount"]

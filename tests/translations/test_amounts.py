from __future__ import annotations

import json

import pytest

from translations.amounts import find_amounts


def found(text: str) -> list[tuple[str, str, dict[str, object]]]:
    return [
        (text[span.start : span.end], span.kind, json.loads(span.data))
        for span in find_amounts(text)
    ]


@pytest.mark.parametrize(
    ("text", "label", "yen"),
    [
        ("手数料は1点につき300円です", "300円", 300),
        ("自己負担額は1,500円", "1,500円", 1500),
        ("５００円", "５００円", 500),
        ("1.5万円", "1.5万円", 15000),
        ("1万2千円", "1万2千円", 12000),
    ],
)
def test_money(text: str, label: str, yen: int) -> None:
    assert found(text) == [(label, "amount", {"amount": yen, "currency": "JPY"})]


def test_postal_code() -> None:
    assert found("〒430-8652 浜松市") == [("〒430-8652", "postal", {"postal": "430-8652"})]


@pytest.mark.parametrize("text", ["約320世帯", "40歳から74歳", "300ドル", "円形", "1.25円"])
def test_other_numbers_are_left_to_the_model(text: str) -> None:
    assert found(text) == []

from __future__ import annotations

from translations.placeholders import (
    find_placeholders,
    first_free_index,
    placeholder,
    strip_placeholders,
)


def test_format_round_trips() -> None:
    text = f"Call {placeholder(1)} or see {placeholder(12)}."
    assert [match.index for match in find_placeholders(text)] == [1, 12]


def test_found_again_with_altered_spacing_and_width() -> None:
    text = "A [ 1 ] B [2 ] C ［３］ D 【4】 E〔5〕"
    assert [match.index for match in find_placeholders(text)] == [1, 2, 3, 4, 5]


def test_first_free_index_skips_literal_numbers() -> None:
    assert first_free_index("no brackets") == 1
    assert first_free_index("see note [3] and [1]") == 4


def test_strip() -> None:
    assert strip_placeholders("a [1] b").split() == ["a", "b"]

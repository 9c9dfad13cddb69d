"""The hand-written UI strings: complete in every language, consistent, and all in use."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from publisher.site.ui_strings import (
    DATE_FORMATS,
    FALLBACK_LANGUAGE,
    KEYS,
    MONTH_FORMATS,
    UI_STRINGS,
    format_month,
)
from translations.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[3]


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("language", sorted(set(LANGUAGES) | set(UI_STRINGS)))
def test_every_language_has_exactly_the_keys_and_a_date_format(language: str) -> None:
    strings = UI_STRINGS.get(language, {})
    assert [key for key in KEYS if key not in strings] == []
    assert [key for key in strings if key not in KEYS] == []
    assert language in DATE_FORMATS
    assert language in MONTH_FORMATS


def test_months_are_written_as_each_language_writes_dates() -> None:
    assert format_month("ja", 2026, 4) == "2026年4月"
    assert format_month("en", 2026, 4) == "2026-04"
    assert format_month("pt", 2026, 4) == "04/2026"
    assert format_month("xx", 2026, 4) == "2026-04"  # English for an unknown language
    with pytest.raises(ValueError):
        format_month("en", 2026, 13)


@pytest.mark.parametrize("language", sorted(UI_STRINGS))
def test_placeholders_are_the_english_ones(language: str) -> None:
    english = UI_STRINGS[FALLBACK_LANGUAGE]
    strings = UI_STRINGS[language]
    wrong = [key for key in KEYS if _placeholders(strings[key]) != _placeholders(english[key])]
    assert wrong == []


def test_every_key_is_used_by_a_template_or_the_code() -> None:
    """Category labels are looked up by name (``category_{category}``); any other key must
    appear literally in a template (``s.key``, ``a.key``) or in the publisher's code."""
    templates = [p for p in (ROOT / "site_templates").rglob("*") if p.suffix in {".html", ".xml"}]
    code = [p for p in (ROOT / "publisher").rglob("*.py") if p.name != "ui_strings.py"]
    sources = [path.read_text("utf-8") for path in templates + code]
    unused = [
        key
        for key in KEYS
        if not key.startswith("category_")
        and not any(re.search(rf"\b{re.escape(key)}\b", text) for text in sources)
    ]
    assert unused == []

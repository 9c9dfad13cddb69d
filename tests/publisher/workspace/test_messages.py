"""The workspace's catalogs: Japanese and English translate every message (the template
itself is checked with the site's in ``tests/translations/test_catalogs.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.workspace.messages import LANGUAGES, po_path, translations_for
from tests.translations.test_catalogs import _read, problems
from translations.catalogs import LOCALES_DIR

ROOT = Path(__file__).resolve().parents[3]
POT = LOCALES_DIR / "workspace.pot"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_workspace_language_translates_every_message(language: str) -> None:
    assert problems(_read(POT), _read(po_path(language))) == []


def test_japanese_is_the_default_and_english_reads_its_own() -> None:
    assert translations_for("ja").gettext("Sign in") == "ログイン"
    assert translations_for("en").gettext("Sign in") == "Sign in"
    assert translations_for("xx").gettext("Sign in") == "ログイン"

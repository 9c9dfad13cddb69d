"""The workspace's catalogs: Japanese and English translate every message its sources use."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from publisher.workspace.messages import LANGUAGES, po_path, translations_for
from tests.translations.test_catalogs import _read, problems
from translations.catalogs import LOCALES_DIR

ROOT = Path(__file__).resolve().parents[3]
POT = LOCALES_DIR / "workspace.pot"


def test_the_template_has_exactly_the_messages_the_workspace_uses() -> None:
    """Run the README's ``pybabel extract -F babel-workspace.cfg`` after changing a message."""
    method_map = [
        ("publisher/workspace/**.py", "python"),
        ("site_templates/workspace/**.html", "jinja2"),
    ]
    options = {"site_templates/workspace/**.html": {"trimmed": "true", "newstyle_gettext": "true"}}
    used = {
        message[0] if isinstance(message, tuple) else message
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT,
            method_map,
            options_map=options,
            directory_filter=lambda path: (
                Path(path).resolve().relative_to(ROOT).parts[:1]
                in ((), ("publisher",), ("site_templates",))
            ),
        )
    }
    template = {
        message.id[0] if isinstance(message.id, tuple) else message.id
        for message in _read(POT)
        if message.id
    }
    assert sorted(used - template) == []  # new: extract and update
    assert sorted(template - used) == []  # dead: extract and update


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_workspace_language_translates_every_message(language: str) -> None:
    assert problems(_read(POT), _read(po_path(language))) == []


def test_japanese_is_the_default_and_english_reads_its_own() -> None:
    assert translations_for("ja").gettext("Sign in") == "ログイン"
    assert translations_for("en").gettext("Sign in") == "Sign in"
    assert translations_for("xx").gettext("Sign in") == "ログイン"

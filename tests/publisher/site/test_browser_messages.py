"""The messages module each language's search page loads: forms and rule from the catalog."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.site.browser_messages import messages_module, script_plurals
from publisher.site.render import TEMPLATES_DIR
from translations.catalogs import DOMAIN, CatalogError, plural_messages

FOUND = ("%(count)s notice found.", "%(count)s notices found.")


def test_the_search_script_count_is_extracted_from_the_script() -> None:
    assert FOUND in script_plurals(TEMPLATES_DIR / "static")


def test_each_language_gets_its_catalog_rule_and_forms() -> None:
    portuguese = messages_module("pt", [FOUND]).decode()
    assert "export function plural(n) { return Number((n == 0 || n == 1) ? 0" in portuguese
    assert '"%(count)s aviso encontrado."' in portuguese
    vietnamese = messages_module("vi", [FOUND]).decode()
    assert "return Number(0);" in vietnamese
    assert vietnamese.count("thông báo") == 1  # one form for every number
    english = messages_module("en", [FOUND]).decode()
    assert "return Number((n != 1));" in english and '"%(count)s notices found."' in english


def test_a_plural_rule_that_is_not_an_expression_of_n_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / f"{DOMAIN}.po").write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=1; plural=alert(1);\\n"\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogError, match="Plural-Forms"):
        plural_messages("vi", [FOUND], tmp_path)

"""The gettext catalogs: every language translates every message of the template, nothing is
fuzzy, placeholders match the source, and the template matches what the sources use."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from translations.catalogs import (
    DOMAIN,
    LOCALES_DIR,
    WORKSPACE_DOMAIN,
    WORKSPACE_LANGUAGES,
    CatalogError,
    catalog_locale,
    compile_po,
    translations_for,
)
from translations.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
POT = LOCALES_DIR / f"{DOMAIN}.pot"
_PLACEHOLDERS = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def _read(text: bytes | Path) -> Catalog:
    data = text.read_bytes() if isinstance(text, Path) else text
    return read_po(io.BytesIO(data))


def placeholders(text: str) -> list[str]:
    """Each ``%(name)s`` and ``{name}`` as written: a style change breaks formatting too."""
    return sorted(match.group(0) for match in _PLACEHOLDERS.finditer(text))


def problems(template: Catalog, catalog: Catalog) -> list[str]:
    """Why ``catalog`` cannot be published against ``template`` (empty: it can)."""
    found: list[str] = []
    for source in template:
        if not source.id:
            continue
        key = source.id[0] if isinstance(source.id, tuple) else source.id
        message = catalog.get(key, context=source.context)
        name = f"{source.context + ': ' if source.context else ''}{key!r}"
        if message is None:
            found.append(f"missing {name}")
            continue
        if message.fuzzy:
            found.append(f"fuzzy {name}")
        sources = source.id if isinstance(source.id, tuple) else (source.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(f"untranslated {name}")
            continue
        wanted = placeholders(sources[-1])
        for text in strings:
            if placeholders(text) != wanted:
                found.append(f"placeholders of {name}: {placeholders(text)} != {wanted}")
    return found


CATALOGS = sorted(LOCALES_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def test_every_published_language_but_english_has_a_catalog() -> None:
    locales = {path.parts[-3] for path in CATALOGS}
    wanted = {catalog_locale(code) for code in LANGUAGES if code != "en"}
    assert wanted == locales


WORKSPACE_CATALOGS = sorted(LOCALES_DIR.glob(f"*/LC_MESSAGES/{WORKSPACE_DOMAIN}.po"))


def test_staff_read_japanese_or_english() -> None:
    assert {path.parts[-3] for path in WORKSPACE_CATALOGS} == set(WORKSPACE_LANGUAGES)


@pytest.mark.parametrize(
    "po",
    [*CATALOGS, *WORKSPACE_CATALOGS],
    ids=lambda path: f"{path.stem}-{path.parts[-3]}",
)
def test_catalog_translates_every_message_exactly(po: Path) -> None:
    catalog = _read(po)
    assert problems(_read(LOCALES_DIR / f"{po.stem}.pot"), catalog) == []
    assert catalog.plural_forms  # ngettext needs the language's rule


def _sources_only(path: str) -> bool:
    relative = Path(path).resolve().relative_to(ROOT).parts
    return not relative or relative[0] in {"publisher", "translations", "site_templates"}


@pytest.mark.parametrize(
    ("domain", "mapping"),
    [(DOMAIN, "babel.cfg"), (WORKSPACE_DOMAIN, "babel-workspace.cfg")],
)
def test_the_template_has_exactly_the_messages_the_sources_use(domain: str, mapping: str) -> None:
    """Run ``pybabel extract`` (README) after changing a message in a template or the code."""
    with (ROOT / mapping).open(encoding="utf-8") as config:
        method_map, options = parse_mapping_cfg(config, mapping)
    options = {
        pattern: {name: value for name, value in values.items() if name != "extensions"}
        for pattern, values in options.items()
    }
    used = {
        (context, message[0] if isinstance(message, tuple) else message)
        for _file, _line, message, _comments, context in extract_from_dir(
            ROOT, method_map, options_map=options, directory_filter=_sources_only
        )
    }
    template = {
        (message.context, message.id[0] if isinstance(message.id, tuple) else message.id)
        for message in _read(LOCALES_DIR / f"{domain}.pot")
        if message.id
    }
    assert sorted(used - template, key=str) == []  # new: extract and update
    assert sorted(template - used, key=str) == []  # dead: extract and update


POT_TEXT = b"""
msgid ""
msgstr ""
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Published %(date)s"
msgstr ""

#, python-format
msgid "%(count)s notice found."
msgid_plural "%(count)s notices found."
msgstr[0] ""
msgstr[1] ""

msgctxt "button"
msgid "Search"
msgstr ""
"""

GOOD = b"""
msgid ""
msgstr ""
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Published %(date)s"
msgstr "Publicado %(date)s"

msgid "%(count)s notice found."
msgid_plural "%(count)s notices found."
msgstr[0] "%(count)s aviso encontrado."
msgstr[1] "%(count)s avisos encontrados."

msgctxt "button"
msgid "Search"
msgstr "Pesquisar"
"""


def test_a_complete_catalog_has_no_problems() -> None:
    assert problems(_read(POT_TEXT), _read(GOOD)) == []


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        (GOOD.replace(b'msgctxt "button"\nmsgid "Search"\nmsgstr "Pesquisar"\n', b""), "missing"),
        (GOOD.replace(b'msgid "Published', b'#, fuzzy\nmsgid "Published'), "fuzzy"),
        (GOOD.replace(b'"Publicado %(date)s"', b'"Publicado %(data)s"'), "placeholders"),
        (GOOD.replace(b'"Publicado %(date)s"', b'"Publicado {date}"'), "placeholders"),
        (GOOD.replace(b'"%(count)s aviso encontrado."', b'"Um aviso encontrado."'), "placeholders"),
        (GOOD.replace(b'msgstr[1] "%(count)s avisos encontrados."', b'msgstr[1] ""'), "untrans"),
        (GOOD.replace(b'msgstr "Pesquisar"', b'msgstr ""'), "untranslated"),
        (GOOD.replace(b'msgctxt "button"\n', b""), "missing"),
    ],
)
def test_a_broken_catalog_is_caught(broken: bytes, problem: str) -> None:
    found = problems(_read(POT_TEXT), _read(broken))
    assert found and all(item.startswith(problem) for item in found), found


def test_every_staff_source_is_left_out_of_the_residents_catalogs() -> None:
    """A file the workspace domain extracts is ignored by the residents' mapping, so no staff
    message reaches the site's thirteen catalogs (a shared word such as "Search" is
    translated in each domain on its own)."""

    def mapping(name: str) -> list[tuple[str, str]]:
        with (ROOT / name).open(encoding="utf-8") as config:
            return list(parse_mapping_cfg(config, name)[0])

    ignored = {pattern for pattern, method in mapping("babel.cfg") if method == "ignore"}
    staff = {pattern for pattern, method in mapping("babel-workspace.cfg") if method != "ignore"}
    assert staff
    for pattern in staff:
        folder = pattern.split("**")[0]
        assert pattern in ignored or folder + "**" in ignored, pattern


def test_staff_messages_are_read_in_japanese_or_english() -> None:
    message = "lower advanced"
    assert translations_for("ja", domain=WORKSPACE_DOMAIN).gettext(message) == "上級前半"
    assert translations_for("en", domain=WORKSPACE_DOMAIN).gettext(message) == message
    assert translations_for("ja").gettext(message) == message  # not a residents' message


def test_languages_read_their_own_catalog() -> None:
    assert translations_for("pt").gettext("Latest notices") != "Latest notices"
    assert translations_for("tl").ngettext("%(count)s notice found.", "x", 1) != (
        "%(count)s notice found."
    )
    assert translations_for("en").gettext("Latest notices") == "Latest notices"
    assert translations_for("xx").gettext("Latest notices") == "Latest notices"


def test_a_catalog_without_its_mo_or_with_an_older_one_is_read_from_its_po(tmp_path: Path) -> None:
    folder = tmp_path / "pt_BR" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / f"{DOMAIN}.po"
    po.write_bytes(GOOD)
    assert translations_for("pt", tmp_path).gettext("Published %(date)s") == "Publicado %(date)s"
    mo = po.with_suffix(".mo")
    mo.write_bytes(compile_po(po))
    po.write_bytes(GOOD.replace(b'"Publicado %(date)s"', b'"Publicada %(date)s"'))
    os.utime(mo, ns=(0, 0))  # compiled before the edit
    assert translations_for("pt", tmp_path).gettext("Published %(date)s") == "Publicada %(date)s"


def test_an_unreadable_catalog_names_its_file(tmp_path: Path) -> None:
    folder = tmp_path / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / f"{DOMAIN}.po").write_bytes(b'msgid "x"\nmsgtsr "y"\n')  # a typo
    with pytest.raises(CatalogError, match="vi/LC_MESSAGES"):
        translations_for("vi", tmp_path)

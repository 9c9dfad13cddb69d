"""Move UI strings written as Python dictionaries (``UI_STRINGS``) into the gettext catalogs.

The site once kept its labels in ``publisher/site/ui_strings.py``: ``UI_STRINGS[language][key]``
with ``{name}`` placeholders, English being the reference. This script converts such a file
(the old one, or a branch's copy that added keys) in two steps, and can be run again safely:

``rewrite FILE``
    In the templates, ``{{ s.key }}`` becomes ``{{ _("English text") }}`` and ``{{ a.key }}``
    (attributes) ``{{ _("English text")|plain }}``; placeholders become keyword arguments of
    the same name (``city=city``). References it cannot rewrite (Python code such as
    ``strings.plain["key"]``) are listed with the message to use instead.

``fill FILE``
    After ``pybabel extract`` and ``pybabel update`` (see the README), every catalog entry whose
    ``msgid`` is the English text of a key and whose ``msgstr`` is empty gets that key's text in
    the catalog's language. Existing translations are never overwritten. Keys no source uses
    any more are reported as dead.

``FILE`` is a path or ``git:REV:path`` (e.g. ``git:main:publisher/site/ui_strings.py``).

Converting keys a branch added to ``ui_strings.py`` after the move (run from the repository)::

    git show BRANCH:publisher/site/ui_strings.py > /tmp/ui_strings.py
    python scripts/ui_strings_to_po.py rewrite /tmp/ui_strings.py   # templates; lists the rest
    # edit the Python references it lists (strings.gettext / strings.content(N_(...)))
    pybabel extract ... && pybabel update ...                        # README, steps 1 and 2
    python scripts/ui_strings_to_po.py fill /tmp/ui_strings.py       # translations of new keys
    pytest tests/translations/test_catalogs.py

A key whose English text is also another key's needs a context (``CONTEXTS``), and a string
shown with a number should become an ``ngettext`` message by hand (its plural forms).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from babel.messages.pofile import read_po, write_po  # noqa: E402

from translations.catalogs import DOMAIN, LOCALES_DIR, catalog_locale, po_path  # noqa: E402

CONTEXTS = {"search_button": "button"}
"""Keys whose English text is also another key's, told apart by a gettext context."""
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def load(source: str) -> dict[str, dict[str, str]]:
    if source.startswith("git:"):
        _, rev, path = source.split(":", 2)
        text = subprocess.run(
            ["git", "show", f"{rev}:{path}"], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
    else:
        text = Path(source).read_text("utf-8")
    namespace: dict[str, Any] = {"__name__": "ui_strings"}
    exec(compile(text, source, "exec"), namespace)
    return {language: dict(strings) for language, strings in namespace["UI_STRINGS"].items()}


def gettext_text(text: str) -> str:
    """``{name}`` -> ``%(name)s``; a literal ``%`` is doubled as gettext's Python format wants."""
    return _PLACEHOLDER.sub(r"%(\1)s", text.replace("%", "%%"))


def call(key: str, english: str) -> str:
    msgid = gettext_text(english)
    names = sorted(set(_PLACEHOLDER.findall(english)))
    args = "".join(f", {name}={name}" for name in names)
    literal = '"' + msgid.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if key in CONTEXTS:
        return f'pgettext("{CONTEXTS[key]}", {literal}{args})'
    return f"_({literal}{args})"


def rewrite(strings: dict[str, dict[str, str]]) -> None:
    english = strings["en"]
    for path in sorted((ROOT / "site_templates").rglob("*")):
        if path.suffix not in {".html", ".xml"}:
            continue
        text = path.read_text("utf-8")

        def content(match: re.Match[str]) -> str:
            key = match.group(1)
            return "{{ " + call(key, english[key]) + " }}" if key in english else match.group(0)

        def attribute(match: re.Match[str]) -> str:
            key = match.group(1)
            if key not in english:
                return match.group(0)
            return "{{ " + call(key, english[key]) + "|plain }}"

        new = re.sub(r"\{\{ s\.(\w+) \}\}", content, text)
        new = re.sub(r"\{\{ a\.(\w+) \}\}", attribute, new)
        if new != text:
            path.write_text(new, "utf-8")
            print(f"rewrote {path.relative_to(ROOT)}")
    left = re.compile(r"\b(?:s|a)\.(\w+)|\[[\"'](\w+)[\"']\]|ui_text\([^,]+, \"(\w+)\"")
    for path in sorted([*ROOT.glob("publisher/**/*.py"), *ROOT.glob("site_templates/**/*.*")]):
        if path.name == "ui_strings.py":
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            for match in left.finditer(line):
                key = next(group for group in match.groups() if group)
                if key in english:
                    where = f"{path.relative_to(ROOT)}:{number}"
                    suggestion = call(key, english[key])
                    if path.suffix == ".py":  # plain text: strings.gettext; page text: content
                        suggestion = "strings." + suggestion.replace("_(", "gettext(", 1)
                    print(f"{where}: {key} -> {suggestion}")


def fill(strings: dict[str, dict[str, str]]) -> None:
    english = strings["en"]
    by_msgid = {(CONTEXTS.get(key), gettext_text(text)): key for key, text in english.items()}
    used: set[str] = set()
    for language, texts in strings.items():
        locale = catalog_locale(language)
        po = po_path(locale, LOCALES_DIR)
        if language == "en" or not po.is_file():
            if language != "en":
                print(f"no catalog for {language} ({po}): run pybabel init -l {locale} first")
            continue
        with po.open("rb") as source:
            catalog = read_po(source, locale=locale, domain=DOMAIN)
        filled = 0
        for message in catalog:
            if not message.id:
                continue
            msgid = message.id[0] if isinstance(message.id, tuple) else message.id
            key = by_msgid.get((message.context, msgid))
            if key is None:
                continue
            used.add(key)
            if key not in texts:
                continue
            translated = gettext_text(texts[key])
            if isinstance(message.id, tuple):
                current = list(message.string)
                if any(current):
                    continue
                message.string = tuple(translated for _ in current)
            elif message.string:
                continue
            else:
                message.string = translated
            message.flags.discard("fuzzy")  # the text is the reviewed one from the file
            filled += 1
        with po.open("wb") as target:
            write_po(target, catalog, width=0, sort_output=False)
        print(f"{language} ({locale}): {filled} filled")
    dead = sorted(set(english) - used)
    if dead:
        print("keys no template or code uses (dead, not converted): " + ", ".join(dead))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=("rewrite", "fill"))
    parser.add_argument("source", nargs="?", default="publisher/site/ui_strings.py")
    arguments = parser.parse_args()
    strings = load(arguments.source)
    (rewrite if arguments.step == "rewrite" else fill)(strings)


if __name__ == "__main__":
    main()

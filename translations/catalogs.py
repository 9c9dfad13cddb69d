"""The gettext catalogs of everything residents read or hear besides the notices themselves.

The site's labels and the phrases spoken in its audio are written by people, one ``.po`` file
per language under ``locales/<locale>/LC_MESSAGES/kakehashi.po``, edited with any ``.po``
editor and managed with Babel (``pybabel extract/update/compile``, see the README). This
loader lives in ``translations/`` because that is the language library the rest of Kakehashi
already shares: it knows which CLDR locale each Kakehashi language is (``BABEL_LOCALES``),
imports nothing of ``publisher`` or ``audio``, and ``publisher`` (pages, feeds, the spoken
text it hands to ``audio``) imports it. ``audio`` stays free of files and catalogs: it is
handed the few phrases it speaks as a frozen value.

Compiled ``.mo`` files are made by ``scripts/setup.sh`` (``pybabel compile``) and never
committed. When one is missing, or older than its ``.po`` (a translator's edit not compiled
yet), the ``.po`` is compiled in memory instead, so pages never show stale text; a ``.po``
that cannot be read stops the caller with the file and the reason.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from babel.support import NullTranslations, Translations

from translations.languages import UnknownLanguageError, get_language
from translations.locale_format import BABEL_LOCALES

LOCALES_DIR: Final = Path(__file__).resolve().parents[1] / "locales"
DOMAIN: Final = "kakehashi"
"""The residents' domain: the site's pages, its feeds and its spoken phrases, extracted
together, in every site language."""
WORKSPACE_DOMAIN: Final = "workspace"
"""The staff's domain (the workspace, check hints), in Japanese and English only: its
sources are mapped in ``babel-workspace.cfg`` and ignored by ``babel.cfg``."""
WORKSPACE_LANGUAGES: Final = ("ja", "en")
"""Staff read Japanese by default, or English; both have a catalog."""
SOURCE_LOCALE: Final = "en"
"""The language the messages are written in (``msgid``): English needs no catalog."""


class CatalogError(RuntimeError):
    """A catalog file exists but cannot be read; the message names the file."""


def catalog_locale(language: str) -> str:
    """The CLDR locale whose catalog serves ``language`` (``tl``: ``fil``, ``pt``: ``pt_BR``)."""
    try:
        code = get_language(language).code
    except UnknownLanguageError:
        return SOURCE_LOCALE
    return BABEL_LOCALES.get(code, SOURCE_LOCALE)


def po_path(locale: str, locales_dir: Path = LOCALES_DIR, domain: str = DOMAIN) -> Path:
    return locales_dir / locale / "LC_MESSAGES" / f"{domain}.po"


def translations_for(
    language: str, locales_dir: Path = LOCALES_DIR, domain: str = DOMAIN
) -> NullTranslations:
    """The messages of ``language``; a language without a catalog gets the msgids (English).

    Read again when the ``.po`` or ``.mo`` changes on disk (a long-running worker sees a
    translator's edit at its next build), otherwise kept.
    """
    po = po_path(catalog_locale(language), locales_dir, domain)
    mo = po.with_suffix(".mo")
    return _load(po, _signature(po), _signature(mo), domain)


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return (found.st_mtime_ns, found.st_size)


@lru_cache(maxsize=64)
def _load(
    po: Path,
    po_signature: tuple[int, int] | None,
    mo_signature: tuple[int, int] | None,
    domain: str = DOMAIN,
) -> NullTranslations:
    if po_signature is None:
        return NullTranslations()
    mo = po.with_suffix(".mo")
    if mo_signature is not None and mo_signature[0] >= po_signature[0]:
        with mo.open("rb") as compiled:
            return Translations(compiled, domain=domain)
    return Translations(io.BytesIO(compile_po(po)), domain=domain)


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file, as ``pybabel compile`` writes them (not fuzzy)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    try:
        with po.open("rb") as source:
            catalog = read_po(source, abort_invalid=True)
    except Exception as error:
        raise CatalogError(f"{po}: {error}") from error
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def N_(message: str) -> str:  # noqa: N802 (the name pybabel extract looks for)
    """Mark a message for extraction where it is looked up later (a table of labels)."""
    return message


@lru_cache(maxsize=4)
def message_ids(
    locales_dir: Path = LOCALES_DIR, domain: str = DOMAIN
) -> tuple[tuple[str | None, str], ...]:
    """``(context, msgid)`` of every singular message of the template (``kakehashi.pot``)."""
    from babel.messages.pofile import read_po

    with (locales_dir / f"{domain}.pot").open("rb") as source:
        catalog = read_po(source)
    return tuple(
        (message.context, message.id)
        for message in catalog
        if message.id and isinstance(message.id, str)
    )


@dataclass(frozen=True)
class PluralMessages:
    """What a browser script needs to show ``language``'s plurals without the catalog.

    ``plural`` is the catalog's own ``Plural-Forms`` expression (C syntax, which is also
    JavaScript); ``forms`` maps each singular msgid to its translated forms, in that order.
    """

    plural: str
    forms: Mapping[str, tuple[str, ...]]


_PLURAL_EXPRESSION = re.compile(r"^[\sn0-9()!=<>&|%?:]+$")


def plural_messages(
    language: str, wanted: Iterable[tuple[str, str]], locales_dir: Path = LOCALES_DIR
) -> PluralMessages:
    """The translated forms of ``wanted`` (singular, plural) msgids, from the ``.po`` itself."""
    from babel.messages.plurals import get_plural
    from babel.messages.pofile import read_po

    wanted = tuple(wanted)
    po = po_path(catalog_locale(language), locales_dir)
    if not po.is_file():
        rule = get_plural(SOURCE_LOCALE)
        return PluralMessages(rule.plural_expr, {one: (one, many) for one, many in wanted})
    with po.open("rb") as source:
        catalog = read_po(source)
    expression = catalog.plural_expr
    if not _PLURAL_EXPRESSION.match(expression):
        raise CatalogError(f"{po}: Plural-Forms is not a plain expression of n: {expression}")
    forms: dict[str, tuple[str, ...]] = {}
    for one, many in wanted:
        message = catalog.get(one)
        strings = message.string if message is not None else None
        if message is None or message.fuzzy or not isinstance(strings, tuple) or not all(strings):
            forms[one] = (one, many)  # untranslated: the catalog test fails on this
        else:
            forms[one] = strings
    return PluralMessages(expression, forms)

"""The workspace's own gettext domain, ``workspace``: Japanese by default, English available.

Staff-facing text is kept apart from the residents' ``kakehashi`` domain, which every site
language translates; the workspace is offered in the languages its catalogs exist for.
A missing or older ``.mo`` is compiled in memory from its ``.po``, as for the site.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Final

from babel.support import NullTranslations, Translations

from translations.catalogs import LOCALES_DIR, compile_po

DOMAIN: Final = "workspace"
LANGUAGES: Final = ("ja", "en")
DEFAULT_LANGUAGE: Final = "ja"
LANGUAGE_NAMES: Final = {"ja": "日本語", "en": "English"}


def po_path(language: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def chosen_language(value: str | None) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


@lru_cache(maxsize=len(LANGUAGES))
def translations_for(language: str) -> NullTranslations:
    """The workspace's messages in ``language`` (read once per process)."""
    po = po_path(chosen_language(language))
    if not po.is_file():
        return NullTranslations()
    mo = po.with_suffix(".mo")
    if mo.is_file() and mo.stat().st_mtime_ns >= po.stat().st_mtime_ns:
        with mo.open("rb") as compiled:
            return Translations(compiled, domain=DOMAIN)
    return Translations(io.BytesIO(compile_po(po)), domain=DOMAIN)

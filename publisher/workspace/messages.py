"""The workspace's own gettext domain, ``workspace``: Japanese by default, English available.

Staff-facing text is kept apart from the residents' ``kakehashi`` domain, which every site
language translates; the workspace is offered in the languages its catalogs exist for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from babel.support import NullTranslations

from translations import catalogs
from translations.catalogs import LOCALES_DIR

DOMAIN: Final = "workspace"
LANGUAGES: Final = ("ja", "en")
DEFAULT_LANGUAGE: Final = "ja"
LANGUAGE_NAMES: Final = {"ja": "日本語", "en": "English"}


def po_path(language: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def chosen_language(value: str | None) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def translations_for(language: str) -> NullTranslations:
    """The workspace's messages in ``language`` (Japanese for any other), through the same
    loader as the site's (:func:`translations.catalogs.translations_for`)."""
    return catalogs.translations_for(chosen_language(language), domain=DOMAIN)

"""The shape of an emergency template as read from its file: frozen, validated strictly.

A file that does not match (an unknown key, a slot no text declares, a language code
Kakehashi does not know, a CAP value of ``Unknown``) is refused with the file and the key.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

from translations.languages import LANGUAGES

EASY_JAPANESE = "ja-easy"
"""The wording key of やさしい日本語 (shown on the Japanese page, in its own section)."""
WORDING_LANGUAGES: tuple[str, ...] = ("ja", EASY_JAPANESE, *(c for c in LANGUAGES if c != "ja"))
"""Every language a template may carry wording in, Japanese first."""
REQUIRED_LANGUAGES: tuple[str, ...] = ("ja", EASY_JAPANESE, "en")
"""A language with no wording falls back to English and Japanese, so these must exist."""
MAX_EVENT_CHARACTERS = 35
"""Aggregators of CAP feeds (Google Public Alerts) cut ``event`` longer than this."""


class WordingSource(StrEnum):
    """Where a string of a template comes from."""

    OFFICIAL = "official"
    """Read from the issuing body's own text (a statutory term, a JMA class name)."""
    SECONDARY = "secondary"
    """An official rendering copied from a secondary source that says it copies it."""
    DRAFTED = "drafted"
    """Written for Kakehashi; not reviewed until the city marks the language reviewed."""


class SlotKind(StrEnum):
    """What a slot holds, and so how it is checked and written in each language."""

    PLACES = "places"
    """Japanese place names (kept in Japanese, with reading and romanisation)."""
    SHELTERS = "shelters"
    """Shelters or supply points: Japanese name and address each."""
    DATETIME = "datetime"
    """A moment, ISO 8601 with its UTC offset, written by each language's CLDR format."""
    DATE = "date"
    """A calendar day, ISO 8601."""
    INTENSITY = "intensity"
    """A JMA seismic intensity class: 1-4, 5-, 5+, 6-, 6+, 7."""
    PHONE = "phone"
    """A Japanese phone number, a protected item."""


class Variant(StrEnum):
    """The two messages of a template: the warning, and its lifting (解除)."""

    ISSUE = "issue"
    LIFT = "lift"


class _Frozen(BaseModel):
    """Strict (TOML gives native types); enums alone are read from their string values."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


Text = Annotated[str, StringConstraints(min_length=1, max_length=600)]
Reference = Annotated[str, StringConstraints(pattern=r"^[A-Z]{1,4}$")]


class Wording(_Frozen):
    """One string in one language, with where it comes from."""

    text: Text
    source: Annotated[WordingSource, Strict(False)]
    ref: Reference | None = None


class CommonSentence(_Frozen):
    """A shared sentence (``common.toml``): open shelters, enquiries, time of issue."""

    common: Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")]


class LanguageWording(_Frozen):
    """A template's text in one language for one variant."""

    event: Wording | None = None
    """CAP ``event`` (at most 35 characters); the warning's, reused when it is lifted."""
    headline: Wording
    instruction: Wording
    """What to do: spoken first, shown first, CAP ``instruction``."""
    description: Annotated[tuple[Wording | CommonSentence, ...], Strict(False)] = Field(
        min_length=1
    )


class CapValues(_Frozen):
    """CAP 1.2 values set by the template (never ``Unknown``, as aggregators require)."""

    category: Literal[
        "Geo",
        "Met",
        "Safety",
        "Security",
        "Rescue",
        "Fire",
        "Health",
        "Env",
        "Transport",
        "Infra",
        "CBRNE",
        "Other",
    ]
    urgency: Literal["Immediate", "Expected", "Future", "Past"]
    severity: Literal["Extreme", "Severe", "Moderate", "Minor"]
    certainty: Literal["Observed", "Likely", "Possible", "Unlikely"]
    expires_hours: int = Field(ge=1, le=24 * 14)


class SlotSpec(_Frozen):
    kind: Annotated[SlotKind, Strict(False)]
    required: bool


class Template(_Frozen):
    """One emergency template: slots, CAP values and its wording in every language it has."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,62}$")]
    title: Text
    """The Japanese name staff choose it by."""
    lift_title: Text
    cap: CapValues
    references: dict[Reference, Text]
    slots: dict[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{0,30}$")], SlotSpec]
    issue: dict[str, LanguageWording]
    lift: dict[str, LanguageWording]

    def wording(self, variant: Variant, language: str) -> LanguageWording | None:
        """The text of ``variant`` in ``language``, or None when the language has none."""
        table = self.issue if variant is Variant.ISSUE else self.lift
        return table.get(language)

    def languages(self) -> tuple[str, ...]:
        """Languages with wording for both the warning and its lifting, in the site's order."""
        return tuple(code for code in WORDING_LANGUAGES if code in self.issue and code in self.lift)


class CommonPhrases(_Frozen):
    """``common.toml``: shared sentences by key, then language."""

    references: dict[Reference, Text]
    sentences: dict[str, dict[str, Wording]]

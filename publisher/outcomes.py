"""What happened to one bulletin in one language: one model for the job, the table and the API.

A publish job makes a ``LanguageOutcome`` per language; the job's progress, the stored
``LanguageVersion`` row and the API's language version are all written from it by the
functions here, field by field from the one definition, never copied by hand.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from publisher.statuses import LanguageStatus, TextVersion
from translations.statuses import TranslationStatus

EASY_JAPANESE = "ja-easy"
"""The version code of a bulletin's easy-Japanese (やさしい日本語) page: its own outcome and
``LanguageVersion`` row beside the languages, never one of the configured languages (it is
Japanese, so it is no ``hreflang`` alternate either)."""


@dataclass(frozen=True)
class LanguageOutcome:
    language: str
    status: LanguageStatus
    translation: TranslationStatus
    route: str | None = None
    """How the language was reached: bilingual, multilingual or pivot (``RouteVia``)."""
    models: tuple[dict[str, str], ...] = ()
    """Family, name, version and licence of the model of each step of the route."""
    voice: str | None = None
    voice_substitute_for: str | None = None
    audio_file: str | None = None
    captions_file: str | None = None
    audio_seconds: float | None = None
    flags: tuple[str, ...] = ()
    detail: str | None = None
    translated_from: TextVersion | None = None
    """The Japanese text the translation was made from (None: the source, or no translation)."""

    def with_audio_of(self, audio: LanguageOutcome) -> LanguageOutcome:
        """This text outcome with the audio part (voice, files, detail) of ``audio``."""
        return replace(self, **{name: getattr(audio, name) for name in AUDIO_FIELDS})

    def progress(self) -> dict[str, object]:
        """The entry in the job's progress: what staff watching the job need to see."""
        entry: dict[str, object] = {"status": self.status.value}
        entry["translation"] = self.translation.value
        if self.route:
            entry["route"] = self.route
            entry["models"] = [dict(model) for model in self.models]
        if self.audio_file:
            entry["audio_seconds"] = self.audio_seconds
        if self.detail:
            entry["detail"] = self.detail
        if self.flags:
            entry["flags"] = list(self.flags)
        if self.translated_from is not None:
            entry["translated_from"] = self.translated_from.value
        return entry

    def columns(self) -> dict[str, Any]:
        """The values of a ``LanguageVersion`` row (which has a column for every field)."""
        return {
            **asdict(self),
            "flags": list(self.flags),
            "models": [dict(model) for model in self.models],
        }

    @classmethod
    def of_row(cls, row: Any) -> LanguageOutcome:
        """Read back from a ``LanguageVersion`` row."""
        values = {name: getattr(row, name) for name in FIELDS}
        return cls(
            **{
                **values,
                "status": LanguageStatus(values["status"]),
                "translation": TranslationStatus(values["translation"]),
                "flags": tuple(values["flags"] or ()),
                "translated_from": (
                    TextVersion(values["translated_from"]) if values["translated_from"] else None
                ),
                "models": tuple(dict(model) for model in values["models"] or ()),
            }
        )


FIELDS = tuple(field.name for field in fields(LanguageOutcome))
AUDIO_FIELDS = (
    "voice",
    "voice_substitute_for",
    "audio_file",
    "captions_file",
    "audio_seconds",
    "detail",
)

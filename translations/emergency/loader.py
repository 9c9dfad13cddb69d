"""Read the template library from its TOML files and refuse anything that is not exactly right.

Every file is checked when the library loads (at start-up, and by the tests): a typo in a slot
name or a language code must stop the city before an emergency, never during one.
"""

from __future__ import annotations

import hashlib
import json
import string
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from pydantic import ValidationError

from translations.emergency.model import (
    MAX_EVENT_CHARACTERS,
    REQUIRED_LANGUAGES,
    WORDING_LANGUAGES,
    CommonPhrases,
    CommonSentence,
    LanguageWording,
    SlotKind,
    Template,
    Variant,
    Wording,
)

LIBRARY_DIR: Final = Path(__file__).resolve().parent
_FORMATTER = string.Formatter()


class TemplateError(ValueError):
    """A template file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class IntensityLabels:
    """The words for 弱 (lower) and 強 (upper) per language, and how they join the digit."""

    lower: Mapping[str, Wording]
    upper: Mapping[str, Wording]
    joiner: Mapping[str, str]


@dataclass(frozen=True)
class TemplateLibrary:
    """Every template by id, with the shared sentences and intensity labels they use."""

    templates: Mapping[str, Template]
    common: CommonPhrases
    intensity: IntensityLabels

    def get(self, template_id: str) -> Template | None:
        return self.templates.get(template_id)

    def common_sentence(self, key: str, language: str) -> Wording:
        return self.common.sentences[key][language]

    def wording_hash(self, template: Template, language: str) -> str | None:
        """A hash of everything a reviewer of ``language`` read; None without wording.

        A review is kept with this hash, so an edit of the file (or of a shared sentence it
        uses) makes that language "not yet reviewed" again.
        """
        issue, lift = (
            template.wording(Variant.ISSUE, language),
            template.wording(Variant.LIFT, language),
        )
        if issue is None or lift is None:
            return None
        shared = sorted(
            {
                item.common
                for w in (issue, lift)
                for item in w.description
                if isinstance(item, CommonSentence)
            }
        )
        content: dict[str, object] = {
            "issue": issue.model_dump(mode="json"),
            "lift": lift.model_dump(mode="json"),
            "common": {
                key: self.common_sentence(key, language).model_dump(mode="json") for key in shared
            },
        }
        if any(spec.kind is SlotKind.INTENSITY for spec in template.slots.values()):
            content["intensity"] = [
                self.intensity.lower[language].model_dump(mode="json"),
                self.intensity.upper[language].model_dump(mode="json"),
            ]
        canonical = json.dumps(content, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise TemplateError(f"{path.name}: {error}") from error


def _validation_message(path: Path, error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{path.name}: {where}: {first['msg']}"


def placeholders(text: str) -> tuple[str, ...]:
    """The slot names a string uses (``{areas}``); format specs and conversions are refused."""
    names: list[str] = []
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError as error:
        raise TemplateError(f"{text!r}: {error}") from error
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name or spec or conversion or not name.isidentifier():
            raise TemplateError(f"{text!r}: placeholders are plain slot names, like {{areas}}")
        names.append(name)
    return tuple(names)


def _load_common(path: Path) -> CommonPhrases:
    raw = _read_toml(path)
    references = raw.pop("references", {})
    try:
        return CommonPhrases(references=references, sentences=raw)
    except ValidationError as error:
        raise TemplateError(_validation_message(path, error)) from error


def _load_intensity(path: Path) -> IntensityLabels:
    raw = _read_toml(path)
    unknown = set(raw) - {"references", "lower", "upper", "joiner"}
    if unknown:
        raise TemplateError(f"{path.name}: unknown tables {sorted(unknown)}")
    try:
        lower = {code: Wording.model_validate(v) for code, v in raw["lower"].items()}
        upper = {code: Wording.model_validate(v) for code, v in raw["upper"].items()}
    except (ValidationError, KeyError, AttributeError) as error:
        raise TemplateError(f"{path.name}: {error}") from error
    joiner = raw.get("joiner", {})
    for table in (lower, upper):
        missing = [code for code in WORDING_LANGUAGES if code not in table]
        if missing:
            raise TemplateError(f"{path.name}: no intensity label for {missing}")
    return IntensityLabels(
        MappingProxyType(lower), MappingProxyType(upper), MappingProxyType(dict(joiner))
    )


def _strings(wording: LanguageWording) -> Iterator[Wording | CommonSentence]:
    if wording.event is not None:
        yield wording.event
    yield wording.headline
    yield wording.instruction
    yield from wording.description


def _check_template(path: Path, template: Template, common: CommonPhrases) -> None:
    if template.id != path.stem:
        raise TemplateError(f"{path.name}: id {template.id!r} must match the file name")
    used: set[str] = set()
    for variant in Variant:
        table = template.issue if variant is Variant.ISSUE else template.lift
        for language, wording in table.items():
            where = f"{path.name}: {variant}.{language}"
            if language not in WORDING_LANGUAGES:
                raise TemplateError(f"{where}: unknown language (known: {WORDING_LANGUAGES})")
            if variant is Variant.ISSUE and wording.event is None:
                raise TemplateError(f"{where}.event: the warning needs a CAP event")
            if variant is Variant.LIFT and wording.event is not None:
                raise TemplateError(f"{where}.event: lifting reuses the warning's event")
            if wording.event is not None and len(wording.event.text) > MAX_EVENT_CHARACTERS:
                raise TemplateError(
                    f"{where}.event: {len(wording.event.text)} characters, "
                    f"at most {MAX_EVENT_CHARACTERS}"
                )
            for item in _strings(wording):
                if isinstance(item, CommonSentence):
                    sentences = common.sentences.get(item.common)
                    if sentences is None or language not in sentences:
                        raise TemplateError(f"{where}: no common sentence {item.common!r}")
                    item, known = sentences[language], common.references
                else:
                    known = template.references
                if item.ref is not None and item.ref not in known:
                    raise TemplateError(f"{where}: reference {item.ref!r} is not listed")
                try:
                    names = placeholders(item.text)
                except TemplateError as error:
                    raise TemplateError(f"{where}: {error}") from error
                for name in names:
                    if name not in template.slots:
                        raise TemplateError(f"{where}: {{{name}}} is not a slot of this template")
                    if variant is Variant.ISSUE and language == "ja":
                        used.add(name)
        missing = [code for code in REQUIRED_LANGUAGES if code not in table]
        if missing:
            raise TemplateError(f"{path.name}: {variant} has no wording in {missing}")
    unused = sorted(set(template.slots) - used)
    if unused:
        raise TemplateError(f"{path.name}: slots {unused} are not used by the Japanese text")


def load_template(path: Path, common: CommonPhrases) -> Template:
    """One template file, validated against the shared sentences."""
    try:
        template = Template.model_validate(_read_toml(path))
    except ValidationError as error:
        raise TemplateError(_validation_message(path, error)) from error
    _check_template(path, template, common)
    return template


def load_library(directory: Path = LIBRARY_DIR) -> TemplateLibrary:
    """Every ``templates/*.toml`` of ``directory``, with its ``common`` and ``intensity`` files."""
    common = _load_common(directory / "common.toml")
    intensity = _load_intensity(directory / "intensity.toml")
    templates = {}
    for path in sorted((directory / "templates").glob("*.toml")):
        template = load_template(path, common)
        templates[template.id] = template
    if not templates:
        raise TemplateError(f"{directory}: no templates")
    return TemplateLibrary(MappingProxyType(templates), common, intensity)


@lru_cache(maxsize=1)
def default_library() -> TemplateLibrary:
    """The library shipped with Kakehashi, read once per process."""
    return load_library()

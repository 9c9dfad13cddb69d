"""Installed converted models (M2M-100, NLLB-200, OPUS-MT) and the manifest that describes them.

Each model lives in its own folder under the models folder: the CTranslate2 files
(``model.bin``, ``config.json``, vocabulary), the family's SentencePiece model(s) and
``kakehashi-model.json``, the manifest Kakehashi writes at install (or reads, when the folder
already has one): family, name, version, licence, and the languages the model translates.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from translations.families import Family, get_family
from translations.languages import UnknownLanguageError, get_language

log = logging.getLogger(__name__)

MANIFEST = "kakehashi-model.json"


class ManifestError(ValueError):
    """A model's manifest is missing, unreadable or inconsistent."""


@dataclass(frozen=True)
class ConvertedModel:
    """One installed converted model; ``languages`` are Kakehashi codes.

    A multilingual model translates between any two of its languages; a bilingual one from
    ``languages[0]`` to ``languages[1]``.
    """

    family_key: str
    name: str
    version: str
    license: str
    languages: tuple[str, ...]
    path: Path

    @property
    def family(self) -> Family:
        return get_family(self.family_key)

    @property
    def multilingual(self) -> bool:
        return self.family.multilingual

    def translates(self, source: str, target: str) -> bool:
        """Whether this model takes ``source`` to ``target`` in one step."""
        source, target = get_language(source).code, get_language(target).code
        if self.multilingual:
            return source != target and {source, target} <= set(self.languages)
        return (source, target) == self.languages[:2]

    def describe(self) -> str:
        """E.g. ``M2M-100 m2m100_418m 1.0 (MIT)``, for lists and the API."""
        return f"{self.family.title} {self.name} {self.version} ({self.license})"


@dataclass(frozen=True)
class ModelStep:
    """One language pair through a converted model: a step of a route."""

    model: ConvertedModel
    from_code: str
    to_code: str

    @property
    def family(self) -> str:
        return self.model.family_key

    @property
    def version(self) -> str:
        return self.model.version

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def license(self) -> str:
        return self.model.license

    @property
    def path(self) -> Path:
        return self.model.path

    @property
    def trace(self) -> str:
        """What ``model_version`` records for this step."""
        return f"{self.family}:{self.name}:{self.from_code}-{self.to_code}@{self.version}"


def build_manifest(
    family: str,
    name: str,
    version: str,
    *,
    languages: tuple[str, ...] | None = None,
    license: str | None = None,
) -> dict[str, Any]:
    """A manifest for a model of ``family``; multilingual families default to all their
    languages Kakehashi publishes, bilingual ones need ``(source, target)``."""
    chosen = get_family(family)
    if languages is None:
        if not chosen.multilingual:
            raise ManifestError(f"{chosen.title} models are bilingual: give source and target")
        languages = tuple(chosen.tokens)
    return {
        "family": chosen.key,
        "name": name,
        "version": version,
        "license": license or chosen.license,
        "languages": list(languages),
    }


def parse_manifest(raw: bytes | str, path: Path) -> ConvertedModel:
    """The model a manifest describes, checked for everything the engine relies on."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ManifestError(f"{MANIFEST} is not valid JSON: {error}") from error
    if not isinstance(data, dict):
        raise ManifestError(f"{MANIFEST} must contain a JSON object")
    for key in ("family", "name", "version", "license"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise ManifestError(f"{MANIFEST} has no {key!r}")
    try:
        family = get_family(data["family"])
    except ValueError as error:
        raise ManifestError(str(error)) from error
    raw_languages = data.get("languages")
    if not isinstance(raw_languages, list) or not all(isinstance(c, str) for c in raw_languages):
        raise ManifestError(f"{MANIFEST} has no 'languages' list")
    try:
        languages = tuple(get_language(code).code for code in raw_languages)
    except UnknownLanguageError as error:
        raise ManifestError(f"{MANIFEST}: {error}") from error
    if family.multilingual:
        missing = [code for code in languages if not family.supports(code)]
        if missing:
            raise ManifestError(f"{family.title} has no language token for {', '.join(missing)}")
        if len(languages) < 2:
            raise ManifestError(f"{MANIFEST}: a multilingual model needs two languages or more")
    elif len(languages) != 2 or languages[0] == languages[1]:
        raise ManifestError(
            f"{MANIFEST}: a bilingual {family.title} model lists [source, target], "
            f"found {list(languages)}"
        )
    return ConvertedModel(
        family.key, data["name"], data["version"], data["license"], languages, path
    )


def read_model(folder: Path) -> ConvertedModel:
    try:
        raw = (folder / MANIFEST).read_bytes()
    except OSError as error:
        raise ManifestError(f"cannot read {folder / MANIFEST}: {error}") from error
    return parse_manifest(raw, folder)


def list_converted(models_dir: Path | None) -> tuple[ConvertedModel, ...]:
    """Installed converted models, sorted by folder name; broken folders are skipped."""
    if models_dir is None or not models_dir.is_dir():
        return ()
    models: list[ConvertedModel] = []
    for folder in sorted(models_dir.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        try:
            models.append(read_model(folder))
        except ManifestError as error:
            log.warning("ignoring %s: %s", folder, error)
    return tuple(models)


def vocabulary(folder: Path) -> set[str]:
    """The target vocabulary of a CTranslate2 model folder (json or txt, shared or not)."""
    for stem in ("shared_vocabulary", "target_vocabulary"):
        json_file, text_file = folder / f"{stem}.json", folder / f"{stem}.txt"
        if json_file.is_file():
            return set(json.loads(json_file.read_text(encoding="utf-8")))
        if text_file.is_file():
            return set(text_file.read_text(encoding="utf-8").splitlines())
    return set()


def model_info(step: Any) -> Mapping[str, str]:
    """Family, name, version and licence of any route step (argos package or converted)."""
    return {
        "family": str(getattr(step, "family", "argos")),
        "name": str(step.name),
        "version": str(step.version),
        "license": str(getattr(step, "license", "") or ""),
        "from": str(step.from_code),
        "to": str(step.to_code),
    }

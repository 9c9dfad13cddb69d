"""Read installed argos packages straight from their folders' ``metadata.json``.

argostranslate keeps its package folder in a global fixed at import time; reading the folder
given as an argument instead lets one process (and its tests) use several package folders.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InstalledPackage:
    """One installed translation package (argos codes, e.g. ``zt`` for Traditional Chinese)."""

    from_code: str
    to_code: str
    version: str
    path: Path
    name: str
    license: str = ""

    @property
    def family(self) -> str:
        return "argos"

    @property
    def trace(self) -> str:
        """What ``model_version`` records for this step."""
        return f"{self.from_code}-{self.to_code}@{self.version}"


class MetadataError(ValueError):
    """A package's ``metadata.json`` is missing, unreadable or incomplete."""


class NotATranslationPackageError(MetadataError):
    """A valid argos package of another type (e.g. a sentence-boundary ``sbd`` package)."""


def parse_metadata(raw: bytes | str) -> dict[str, Any]:
    """The metadata of a package, checked for the fields Kakehashi relies on."""
    try:
        metadata = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MetadataError(f"metadata.json is not valid JSON: {error}") from error
    if not isinstance(metadata, dict):
        raise MetadataError("metadata.json must contain a JSON object")
    for key in ("from_code", "to_code", "package_version"):
        value = metadata.get(key)
        if not isinstance(value, str) or not value.strip():
            raise MetadataError(f"metadata.json has no {key!r}")
    package_type = metadata.get("type", "translate")
    if package_type != "translate":
        raise NotATranslationPackageError(
            f"package type is {package_type!r}, not a translation package"
        )
    return metadata


def read_metadata(package_dir: Path) -> dict[str, Any]:
    """The checked metadata of an installed package folder."""
    try:
        raw = (package_dir / "metadata.json").read_bytes()
    except OSError as error:
        raise MetadataError(f"cannot read {package_dir / 'metadata.json'}: {error}") from error
    return parse_metadata(raw)


def package_from_dir(package_dir: Path) -> InstalledPackage:
    """Describe an installed package folder (raises MetadataError if it is not one)."""
    metadata = read_metadata(package_dir)
    return InstalledPackage(
        from_code=metadata["from_code"],
        to_code=metadata["to_code"],
        version=metadata["package_version"],
        path=package_dir,
        name=package_dir.name,
        license=str(metadata.get("license") or ""),
    )


def list_installed(packages_dir: Path) -> tuple[InstalledPackage, ...]:
    """Installed translation packages, sorted by folder name; broken folders are skipped."""
    if not packages_dir.is_dir():
        return ()
    packages: list[InstalledPackage] = []
    for folder in sorted(packages_dir.iterdir()):
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        try:
            packages.append(package_from_dir(folder))
        except NotATranslationPackageError:
            continue
        except MetadataError as error:
            log.warning("ignoring %s: %s", folder, error)
    return tuple(packages)

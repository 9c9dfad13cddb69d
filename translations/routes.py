"""Which installed packages take a sentence from the source language to each target.

Argos publishes ``ja↔en`` only, so most targets are reached by pivoting through English:
``ja→en`` then ``en→X``. Only English is used as a pivot (a second hop through another
language compounds errors and is never the only way in practice).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from packaging.version import InvalidVersion, Version

from translations.installed import InstalledPackage
from translations.languages import argos_code, get_language

PIVOT = "en"


@dataclass(frozen=True)
class Route:
    """The packages one text passes through, in order (Kakehashi language codes)."""

    source: str
    target: str
    steps: tuple[InstalledPackage, ...]

    @property
    def kind(self) -> Literal["direct", "pivot"]:
        """``pivot`` when the text goes through English on the way."""
        return "pivot" if len(self.steps) > 1 else "direct"

    @property
    def description(self) -> str:
        """E.g. ``ja→en→pt``, for status pages and logs."""
        if not self.steps:
            return self.source
        return "→".join([self.steps[0].from_code, *(step.to_code for step in self.steps)])


def _version_key(package: InstalledPackage) -> tuple[int, Version | str]:
    try:
        return (1, Version(package.version))
    except InvalidVersion:
        return (0, package.version)


def _best(
    installed: Sequence[InstalledPackage], from_code: str, to_code: str
) -> InstalledPackage | None:
    """The newest installed package for an argos language pair."""
    candidates = [p for p in installed if (p.from_code, p.to_code) == (from_code, to_code)]
    if not candidates:
        return None
    return max(candidates, key=lambda package: (_version_key(package), package.name))


def plan_route(installed: Sequence[InstalledPackage], source: str, target: str) -> Route | None:
    """The route from ``source`` to ``target`` (direct preferred), or None if unreachable."""
    source_language, target_language = get_language(source), get_language(target)
    if source_language == target_language:
        return Route(source_language.code, target_language.code, ())
    source_code, target_code = argos_code(source), argos_code(target)
    direct = _best(installed, source_code, target_code)
    if direct is not None:
        return Route(source_language.code, target_language.code, (direct,))
    if PIVOT in (source_code, target_code):
        return None
    first, second = _best(installed, source_code, PIVOT), _best(installed, PIVOT, target_code)
    if first is None or second is None:
        return None
    return Route(source_language.code, target_language.code, (first, second))


def plan_routes(
    installed: Sequence[InstalledPackage], source: str, targets: Sequence[str]
) -> dict[str, Route | None]:
    """A route (or None) for every target, keyed by the target code as given."""
    return {target: plan_route(installed, source, target) for target in targets}

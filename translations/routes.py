"""Which installed models take a sentence from the source language to each target.

Three kinds of route, tried in this order unless a city pins a language to one of them:

1. **bilingual**: a model made for exactly this pair (an argos package, an OPUS-MT model);
2. **multilingual**: a multilingual model (M2M-100, NLLB-200) holding both languages, told
   the target by its language token — straight from Japanese, one decoding;
3. **pivot**: to English, then from English, each hop by the best of the above.

Only English is used as a pivot (a second hop through another language compounds errors and
is never the only way in practice).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from packaging.version import InvalidVersion, Version

from translations.converted import ConvertedModel, ModelStep
from translations.installed import InstalledPackage
from translations.languages import argos_code, get_language
from translations.statuses import RouteVia

PIVOT = "en"

Step = InstalledPackage | ModelStep


@dataclass(frozen=True)
class Route:
    """The models one text passes through, in order (Kakehashi language codes)."""

    source: str
    target: str
    steps: tuple[Step, ...]
    via: RouteVia | None = None

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

    @property
    def models(self) -> str:
        """The models, e.g. ``m2m100 m2m100_418m 1.0 (MIT)``, one per step."""
        return " + ".join(
            f"{step.family} {step.name} {step.version}"
            + (f" ({step.license})" if step.license else "")
            for step in self.steps
        )


def _version_key(step: Step) -> tuple[int, Version | str]:
    try:
        return (1, Version(step.version))
    except InvalidVersion:
        return (0, step.version)


def _best_package(
    installed: Sequence[InstalledPackage], source: str, target: str
) -> InstalledPackage | None:
    """The newest installed argos package for the pair."""
    pair = (argos_code(source), argos_code(target))
    candidates = [p for p in installed if (p.from_code, p.to_code) == pair]
    if not candidates:
        return None
    return max(candidates, key=lambda package: (_version_key(package), package.name))


def _best_converted(
    converted: Sequence[ConvertedModel], source: str, target: str, multilingual: bool
) -> ModelStep | None:
    candidates = [
        ModelStep(model, source, target)
        for model in converted
        if model.multilingual == multilingual and model.translates(source, target)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda step: (_version_key(step), step.name))


def _one_step(
    installed: Sequence[InstalledPackage],
    converted: Sequence[ConvertedModel],
    source: str,
    target: str,
    via: RouteVia,
) -> Step | None:
    if via == RouteVia.BILINGUAL:
        return _best_package(installed, source, target) or _best_converted(
            converted, source, target, multilingual=False
        )
    return _best_converted(converted, source, target, multilingual=True)


def _hop(
    installed: Sequence[InstalledPackage],
    converted: Sequence[ConvertedModel],
    source: str,
    target: str,
) -> Step | None:
    return _one_step(installed, converted, source, target, RouteVia.BILINGUAL) or _one_step(
        installed, converted, source, target, RouteVia.MULTILINGUAL
    )


def plan_route(
    installed: Sequence[InstalledPackage],
    source: str,
    target: str,
    *,
    converted: Sequence[ConvertedModel] = (),
    pin: RouteVia | None = None,
) -> Route | None:
    """The route from ``source`` to ``target``, or None if unreachable (or pinned to a kind
    of route that is not installed)."""
    source_code, target_code = get_language(source).code, get_language(target).code
    if source_code == target_code:
        return Route(source_code, target_code, ())
    for via in (RouteVia.BILINGUAL, RouteVia.MULTILINGUAL):
        if pin not in (None, via):
            continue
        step = _one_step(installed, converted, source_code, target_code, via)
        if step is not None:
            return Route(source_code, target_code, (step,), via)
    if pin not in (None, RouteVia.PIVOT) or PIVOT in (source_code, target_code):
        return None
    first = _hop(installed, converted, source_code, PIVOT)
    second = _hop(installed, converted, PIVOT, target_code)
    if first is None or second is None:
        return None
    return Route(source_code, target_code, (first, second), RouteVia.PIVOT)


def plan_routes(
    installed: Sequence[InstalledPackage],
    source: str,
    targets: Sequence[str],
    *,
    converted: Sequence[ConvertedModel] = (),
    pins: Mapping[str, RouteVia] | None = None,
) -> dict[str, Route | None]:
    """A route (or None) for every target, keyed by the target code as given."""
    pins = {get_language(code).code: via for code, via in (pins or {}).items()}
    return {
        target: plan_route(
            installed,
            source,
            target,
            converted=converted,
            pin=pins.get(get_language(target).code),
        )
        for target in targets
    }

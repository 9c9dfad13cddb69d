"""A fake translation engine for tests and benchmarks: predictable output, records its calls."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from translations.installed import InstalledPackage
from translations.languages import get_language
from translations.routes import Route
from translations.statuses import RouteVia


class FakeEngine:
    """Test double: ``[target] text`` for each text, placeholders untouched.

    Every known language is reachable directly. ``calls`` records (source, target, number
    of texts) for each language of each call, and ``texts`` every text sent, so tests can
    count what reached the engine. ``outputs`` overrides the output for given inputs (a model
    that drops a phone number, repeats itself...); ``version`` is the model version reported.
    """

    name = "fake"

    def __init__(self, outputs: Mapping[str, str] | None = None, *, version: str = "fake") -> None:
        self.calls: list[tuple[str, str, int]] = []
        self.texts: list[tuple[str, str]] = []
        self.outputs = dict(outputs or {})
        self.version = version

    def routes(self, source: str, targets: Sequence[str]) -> dict[str, Route | None]:
        source_language = get_language(source)
        routes: dict[str, Route | None] = {}
        for target in targets:
            target_language = get_language(target)
            step = InstalledPackage(
                from_code=source_language.argos_code,
                to_code=target_language.argos_code,
                version="fake",
                path=Path("fake"),
                name=f"fake-{source_language.code}_{target_language.code}",
            )
            steps = () if source_language == target_language else (step,)
            via = RouteVia.BILINGUAL if steps else None
            routes[target] = Route(source_language.code, target_language.code, steps, via)
        return routes

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        get_language(source)
        target_code = get_language(target).code
        self.calls.append((source, target, len(texts)))
        self.texts.extend((target, text) for text in texts)
        return [self._output(text, target_code) for text in texts]

    def _output(self, text: str, target_code: str) -> str:
        if text in self.outputs:
            return self.outputs[text]
        return f"[{target_code}] {text}" if text.strip() else text

    def translate_many(
        self, texts_by_target: Mapping[str, Sequence[str]], source: str
    ) -> dict[str, list[str]]:
        return {
            target: self.translate(texts, source, target)
            for target, texts in texts_by_target.items()
        }

    def model_version(self, source: str, target: str) -> str:
        codes = f"{get_language(source).code}-{get_language(target).code}"
        return f"{self.version}:{codes}" if self.version != "fake" else f"fake:{codes}"

"""A fake translation engine for fast unit tests: predictable output, records its calls."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from translations.installed import InstalledPackage
from translations.languages import get_language
from translations.routes import Route


class FakeEngine:
    """Test double: ``[target] text`` for each text, placeholders untouched.

    Every known language is reachable directly. ``calls`` records (source, target, number
    of texts) for each ``translate`` call, so tests can check batching.
    """

    name = "fake"

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, int]] = []

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
            routes[target] = Route(source_language.code, target_language.code, steps)
        return routes

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        get_language(source)
        target_code = get_language(target).code
        self.calls.append((source, target, len(texts)))
        return [f"[{target_code}] {text}" if text.strip() else text for text in texts]

    def model_version(self, source: str, target: str) -> str:
        return f"fake:{get_language(source).code}-{get_language(target).code}"

"""The translation engine interface the pipeline uses, and the engines that implement it.

``ArgosEngine`` decodes installed argos packages with CTranslate2. Tests and benchmarks use a
predictable stand-in that lives beside them (``tests/support/fake_engine.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from translations.argos_engine import ArgosEngine
from translations.routes import Route

__all__ = ["ArgosEngine", "TranslationEngine"]


class TranslationEngine(Protocol):
    """Translates batches of masked sentences; one call for all documents and languages."""

    name: str

    def routes(self, source: str, targets: Sequence[str]) -> dict[str, Route | None]:
        """How each target is reached from ``source`` (None: not translatable now)."""
        ...

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        """One output per input, in order; empty inputs give empty outputs."""
        ...

    def translate_many(
        self, texts_by_target: Mapping[str, Sequence[str]], source: str
    ) -> dict[str, list[str]]:
        """Several languages at once, so shared steps (ja→en before a pivot) run once."""
        ...

    def model_version(self, source: str, target: str) -> str:
        """Identifies the models used, so stored translations can be traced and redone."""
        ...

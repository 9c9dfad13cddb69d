"""Translation memory in a dict, for tests and benchmarks (the publisher keeps it in SQL)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from translations.document import TranslatedSegment
from translations.memory import MemoryEntry


def entry_of(item: TranslatedSegment) -> MemoryEntry:
    """The memory entry a translated segment leaves behind."""
    return MemoryEntry(
        text=item.text,
        origin=item.origin,
        engine=item.engine,
        model_version=item.model_version,
        input_key=item.input_key,
        flags=item.flags,
        glossary_terms=item.glossary_terms,
    )


class InMemoryTranslationMemory:
    """The memory policy over a dict; ``add`` keeps the newest entry first."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], list[MemoryEntry]] = defaultdict(list)

    def add(self, language: str, hash_: str, entry: MemoryEntry) -> None:
        self._entries[(language, hash_)].insert(0, entry)

    def record(self, language: str, results: Sequence[TranslatedSegment]) -> None:
        """Remember a document's results in one language (what a publish stores)."""
        for item in results:
            self.add(language, item.source_hash, entry_of(item))

    def find(
        self, language: str, source_hashes: Sequence[str]
    ) -> Mapping[str, Sequence[MemoryEntry]]:
        return {
            hash_: tuple(self._entries[(language, hash_)])
            for hash_ in source_hashes
            if (language, hash_) in self._entries
        }

"""Translation memory: reuse every sentence already translated, and never lose a correction.

Each stored translation carries the hash of its source sentence (text and protected tokens),
its origin (``machine``, ``human`` or ``template``), the engine and model version, and the
glossary terms it used. Before a sentence goes to the model the memory is asked:

* a ``human`` translation of the same source sentence wins, always (newest first): a staff
  correction survives any later edit of other sentences and is never overwritten by a model;
* otherwise a ``machine``/``template`` translation is reused only if it was made from exactly
  the same model input (``input_key``: same glossary terms applied) by the same model version.

The publisher stores memory in its database; ``InMemoryTranslationMemory`` is the same policy
in a dict (benchmarks, tests, one-off scripts).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from translations.document import AppliedTerm, Segment, TranslatedSegment
from translations.statuses import SegmentOrigin


def source_hash(segment: Segment) -> str:
    """The content hash of a source sentence: its masked text and what its tokens stand for."""
    material = "\x00".join(
        [
            segment.text,
            *(f"{t.index}\x1f{t.kind}\x1f{t.value}\x1f{t.label}" for t in segment.tokens),
        ]
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class MemoryEntry:
    """One stored translation of a source sentence into one language."""

    text: str
    origin: SegmentOrigin
    engine: str
    model_version: str
    input_key: str
    flags: tuple[str, ...] = ()
    glossary_terms: tuple[AppliedTerm, ...] = ()


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


class TranslationMemory(Protocol):
    """Where translations are looked up; entries for each hash come newest first."""

    def find(
        self, language: str, source_hashes: Sequence[str]
    ) -> Mapping[str, Sequence[MemoryEntry]]: ...


def choose(
    entries: Sequence[MemoryEntry], input_key: str, model_version: str
) -> MemoryEntry | None:
    """The entry to reuse: a human one, else a machine one made from the same input and model."""
    for entry in entries:
        if entry.origin == SegmentOrigin.HUMAN:
            return entry
    for entry in entries:
        if entry.input_key == input_key and entry.model_version == model_version:
            return entry
    return None


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

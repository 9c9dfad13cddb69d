"""Translation memory: reuse every sentence already translated, and never lose a correction.

Each stored translation carries the hash of its source sentence (text and protected tokens),
its origin (``machine``, ``human`` or ``template``), the engine and model version, and the
glossary terms it used. Before a sentence goes to the model the memory is asked:

* a ``human`` translation of the same source sentence wins, always (newest first): a staff
  correction survives any later edit of other sentences and is never overwritten by a model;
* otherwise a ``machine``/``template`` translation is reused only if it was made from exactly
  the same model input (``input_key``: same glossary terms applied) by the same model version.

The publisher stores memory in its database (``publisher.memory``); tests and benchmarks keep
it in a dict (``tests/support/memory.py``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from translations.document import AppliedTerm, Segment
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

"""Translate documents' segments into their languages: the one call the publisher makes.

For every (document, language): glossary terms are masked (``translations.glossary``), the
memory is asked (``translations.memory``: a human correction always wins, a machine result is
reused if made from the same input by the same model), and only what is left goes to the
engine: all documents and all languages in one ``translate_many`` call, each distinct text
once per language, so a pivot language shares the Japanese→English step with English itself.
Sentences with nothing to translate (only placeholders, numbers or punctuation) pass through
as ``template``. Every machine output is restored and checked (``translations.quality``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from translations.document import (
    RestoredText,
    Segment,
    TextPiece,
    Token,
    TokenPiece,
    TranslatedSegment,
)
from translations.engine import TranslationEngine
from translations.glossary import Glossary, GlossaryMasked, apply_glossary
from translations.languages import get_language
from translations.memory import MemoryEntry, TranslationMemory, choose, source_hash
from translations.placeholders import placeholder, strip_placeholders
from translations.quality import check
from translations.restore import restore
from translations.statuses import SegmentOrigin

__all__ = [
    "TranslatedSegment",
    "TranslationRequest",
    "canonical_text",
    "needs_translation",
    "translate_documents",
    "translate_segments",
]

_EMPTY_GLOSSARY = Glossary()
# Full-width digits and Latin letters confuse subword models trained on half-width text.
_TO_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF10, 0xFF5B) if chr(code).isalnum()}


def needs_translation(text: str) -> bool:
    """Whether a masked sentence has any words for a model to translate."""
    return any(char.isalpha() for char in strip_placeholders(text))


def engine_input(text: str) -> str:
    """What the model reads: NFC, full-width digits and letters made half-width."""
    return unicodedata.normalize("NFC", text).translate(_TO_HALF_WIDTH)


@dataclass(frozen=True)
class TranslationRequest:
    """One document's segments, to be translated into each of ``targets``."""

    key: str
    segments: tuple[Segment, ...]
    targets: tuple[str, ...]


def canonical_text(restored: RestoredText) -> str:
    """Text to store: own tokens as ``[n]``, glossary terms as their required text."""
    parts: list[str] = []
    for piece in restored.pieces:
        if isinstance(piece, TextPiece):
            parts.append(piece.text)
        elif piece.token.kind == "term":
            parts.append(piece.token.value)
        else:
            parts.append(placeholder(piece.token.index))
    return "".join(parts)


@dataclass(frozen=True)
class _Item:
    key: str
    target: str
    segment: Segment
    masked: GlossaryMasked
    hash: str


def _plan(requests: Sequence[TranslationRequest], source: str, glossary: Glossary) -> list[_Item]:
    source_code = get_language(source).code
    items: list[_Item] = []
    for request in requests:
        hashes = {segment.id: source_hash(segment) for segment in request.segments}
        for target in request.targets:
            same = get_language(target).code == source_code
            for segment in request.segments:
                masked = (
                    GlossaryMasked(segment.text, segment.tokens, ())
                    if same
                    else apply_glossary(segment, glossary, target)
                )
                items.append(_Item(request.key, target, segment, masked, hashes[segment.id]))
    return items


def _from_memory(item: _Item, entry: MemoryEntry) -> TranslatedSegment:
    return TranslatedSegment(
        segment_id=item.segment.id,
        source_text=item.segment.text,
        text=entry.text,
        restored=restore(entry.text, item.segment.tokens, item.target),
        flags=entry.flags,
        origin=entry.origin,
        engine=entry.engine,
        model_version=entry.model_version,
        source_hash=item.hash,
        input_key=item.masked.key,
        glossary_terms=entry.glossary_terms,
        reused=True,
    )


def _translated(
    item: _Item, output: str | None, engine: str, model_version: str
) -> TranslatedSegment:
    """A fresh result: machine output (checked), or the source itself as a template."""
    tokens: tuple[Token, ...] = item.masked.tokens
    machine = output is not None
    text = output if output is not None else item.masked.text
    restored = restore(text, tokens, item.target)
    flags = check(item.masked.text, text, restored, item.target) if machine else ()
    stored = canonical_text(restored)
    applied = tuple(
        term
        for term in item.masked.applied
        if any(isinstance(p, TokenPiece) and p.token.index == term.index for p in restored.pieces)
    )
    return TranslatedSegment(
        segment_id=item.segment.id,
        source_text=item.segment.text,
        text=stored,
        restored=restore(stored, item.segment.tokens, item.target),
        flags=flags,
        origin=SegmentOrigin.MACHINE if machine else SegmentOrigin.TEMPLATE,
        engine=engine if machine else "",
        model_version=model_version if machine else "",
        source_hash=item.hash,
        input_key=item.masked.key,
        glossary_terms=applied,
    )


def translate_documents(
    requests: Sequence[TranslationRequest],
    source: str,
    engine: TranslationEngine,
    *,
    glossary: Glossary | None = None,
    memory: TranslationMemory | None = None,
) -> dict[tuple[str, str], tuple[TranslatedSegment, ...]]:
    """Every request's segments in each of its targets, keyed by (request key, target)."""
    glossary = glossary or _EMPTY_GLOSSARY
    source_code = get_language(source).code
    items = _plan(requests, source, glossary)
    targets = sorted(
        {item.target for item in items if get_language(item.target).code != source_code}
    )
    versions = {target: engine.model_version(source, target) for target in targets}
    found: dict[str, Mapping[str, Sequence[MemoryEntry]]] = {}
    if memory is not None:
        for target in targets:
            hashes = sorted({item.hash for item in items if item.target == target})
            found[target] = memory.find(target, hashes)

    reused: dict[int, MemoryEntry] = {}
    wanted: dict[str, dict[str, None]] = {target: {} for target in targets}
    for number, item in enumerate(items):
        if item.target not in versions or not needs_translation(item.masked.text):
            continue
        entry = choose(
            found.get(item.target, {}).get(item.hash, ()), item.masked.key, versions[item.target]
        )
        if entry is not None:
            reused[number] = entry
        else:
            wanted[item.target][engine_input(item.masked.text)] = None
    batches = {target: list(texts) for target, texts in wanted.items() if texts}
    outputs = engine.translate_many(batches, source) if batches else {}
    decoded: dict[str, dict[str, str]] = {}
    for target, texts in batches.items():
        result = outputs.get(target, [])
        if len(result) != len(texts):
            raise RuntimeError(
                f"engine {engine.name} returned {len(result)} translations for {len(texts)} texts"
            )
        decoded[target] = dict(zip(texts, result, strict=True))

    results: dict[tuple[str, str], list[TranslatedSegment]] = {}
    for number, item in enumerate(items):
        bucket = results.setdefault((item.key, item.target), [])
        if number in reused:
            bucket.append(_from_memory(item, reused[number]))
        elif item.target in decoded and needs_translation(item.masked.text):
            output = decoded[item.target][engine_input(item.masked.text)]
            bucket.append(_translated(item, output, engine.name, versions[item.target]))
        else:
            bucket.append(_translated(item, None, engine.name, ""))
    for request in requests:  # documents with no segments still get an (empty) entry
        for target in request.targets:
            results.setdefault((request.key, target), [])
    return {key: tuple(value) for key, value in results.items()}


def translate_segments(
    segments: Sequence[Segment],
    source: str,
    target: str,
    engine: TranslationEngine,
    *,
    glossary: Glossary | None = None,
    memory: TranslationMemory | None = None,
) -> tuple[TranslatedSegment, ...]:
    """One document into one language (see ``translate_documents``)."""
    request = TranslationRequest("document", tuple(segments), (target,))
    results = translate_documents([request], source, engine, glossary=glossary, memory=memory)
    return results[("document", target)]

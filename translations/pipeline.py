"""Translate a document's segments into one language: the one call the publisher makes.

All sentences of a document go to the engine in one batch (throughput comes from batching).
Segments with nothing to translate (only placeholders, numbers or punctuation) and repeated
sentences are not sent; the same language as the source passes through untouched.
"""

from __future__ import annotations

from collections.abc import Sequence

from translations.document import Segment, TranslatedSegment
from translations.engine import TranslationEngine
from translations.languages import get_language
from translations.placeholders import strip_placeholders
from translations.quality import check
from translations.restore import restore

__all__ = ["TranslatedSegment", "needs_translation", "translate_segments"]


def needs_translation(text: str) -> bool:
    """Whether a masked sentence has any words for a model to translate."""
    return any(char.isalpha() for char in strip_placeholders(text))


def translate_segments(
    segments: Sequence[Segment], source: str, target: str, engine: TranslationEngine
) -> tuple[TranslatedSegment, ...]:
    """Translate every segment in one batched engine call; restore tokens; flag problems."""
    same_language = get_language(source) == get_language(target)
    unique: dict[str, None] = {}
    if not same_language:
        unique = {segment.text: None for segment in segments if needs_translation(segment.text)}
    texts = list(unique)
    outputs = engine.translate(texts, source, target) if texts else []
    if len(outputs) != len(texts):
        raise RuntimeError(
            f"engine {engine.name} returned {len(outputs)} translations for {len(texts)} texts"
        )
    translated = dict(zip(texts, outputs, strict=True))
    results: list[TranslatedSegment] = []
    for segment in segments:
        text = translated.get(segment.text, segment.text)
        restored = restore(text, segment.tokens)
        flags = check(segment.text, text, restored, target) if segment.text in translated else ()
        results.append(TranslatedSegment(segment.id, segment.text, text, restored, flags))
    return tuple(results)

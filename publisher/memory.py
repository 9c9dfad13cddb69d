"""Translation memory and glossary in the database, for the translation library's pipeline.

Every translated sentence is a ``SegmentTranslation`` row; the rows of all bulletins are the
memory (``translations.memory`` decides what may be reused: a human correction always, a
machine translation only for the same model input and model version). Glossary terms are
``GlossaryEntry`` rows. This module is the only place that turns between rows and the
library's frozen values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from publisher.documents import SegmentText, SourceDoc
from publisher.tables import GlossaryEntry, SegmentTranslation
from translations.document import AppliedTerm, TranslatedSegment
from translations.engine import TranslationEngine
from translations.glossary import Glossary, GlossaryTerm
from translations.memory import MemoryEntry
from translations.pipeline import TranslationRequest, translate_documents
from translations.statuses import SegmentOrigin

_CHUNK = 500  # hashes per IN (...) query


def load_glossary(session: Session) -> Glossary:
    """Every term pair of every language, as the library enforces them."""
    rows = session.exec(select(GlossaryEntry)).all()
    return Glossary.of(GlossaryTerm(row.source, row.language, row.translation) for row in rows)


def _applied(raw: Sequence[Mapping[str, object]]) -> tuple[AppliedTerm, ...]:
    return tuple(
        AppliedTerm(
            str(item["source"]),
            str(item["translation"]),
            bool(item["keep"]),
            int(str(item["index"])),
        )
        for item in raw
    )


class DatabaseMemory:
    """``translations.memory.TranslationMemory`` over the ``SegmentTranslation`` rows."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def find(
        self, language: str, source_hashes: Sequence[str]
    ) -> Mapping[str, Sequence[MemoryEntry]]:
        found: dict[str, list[MemoryEntry]] = {}
        newest = func.coalesce(SegmentTranslation.corrected_at, SegmentTranslation.created_at)
        for start in range(0, len(source_hashes), _CHUNK):
            chunk = list(source_hashes[start : start + _CHUNK])
            rows = self.session.exec(
                select(SegmentTranslation)
                .where(SegmentTranslation.language == language)
                .where(col(SegmentTranslation.source_hash).in_(chunk))
                .order_by(newest.desc(), col(SegmentTranslation.id).desc())
            ).all()
            for row in rows:
                found.setdefault(row.source_hash, []).append(
                    MemoryEntry(
                        text=row.text,
                        origin=SegmentOrigin(row.origin),
                        engine=row.engine,
                        model_version=row.model_version,
                        input_key=row.input_key,
                        flags=tuple(row.flags),
                        glossary_terms=_applied(row.glossary_terms),
                    )
                )
        return found


def translate_source(
    session: Session,
    engine: TranslationEngine,
    source_language: str,
    docs: Sequence[SourceDoc],
    languages: Sequence[str],
) -> dict[tuple[int, str], tuple[TranslatedSegment, ...]]:
    """All documents into all languages in one engine call, memory and glossary applied."""
    requests = [
        TranslationRequest(str(doc.bulletin_id), doc.segments(), tuple(languages)) for doc in docs
    ]
    results = translate_documents(
        requests,
        source_language,
        engine,
        glossary=load_glossary(session),
        memory=DatabaseMemory(session),
    )
    return {(int(key), language): value for (key, language), value in results.items()}


def segment_texts(results: Sequence[TranslatedSegment]) -> dict[str, SegmentText]:
    """What the page builder needs of each sentence."""
    return {
        item.segment_id: SegmentText(item.text, tuple(item.flags), item.origin) for item in results
    }


def store_translations(
    session: Session, source: SourceDoc, language: str, results: Sequence[TranslatedSegment]
) -> None:
    """Write one language's sentences for this revision (replacing a previous run's rows)."""
    existing = {
        row.segment_id: row
        for row in session.exec(
            select(SegmentTranslation).where(
                SegmentTranslation.bulletin_id == source.bulletin_id,
                SegmentTranslation.revision == source.revision,
                SegmentTranslation.language == language,
            )
        ).all()
    }
    by_id = {item.segment_id: item for item in results}
    for position, segment in enumerate(source.segments()):
        item = by_id[segment.id]
        row = existing.get(segment.id) or SegmentTranslation(
            bulletin_id=source.bulletin_id,
            revision=source.revision,
            language=language,
            segment_id=segment.id,
            position=position,
            source_text=segment.text,
            text=item.text,
            origin=item.origin,
            engine=item.engine,
            model_version=item.model_version,
        )
        human = SegmentOrigin.HUMAN
        if row.origin == human and item.origin != human and row.text:
            continue  # a correction of this very row is never overwritten by a machine
        # This revision's own translation found again (its preview made it): it keeps saying
        # whether it was decoded for the revision or reused from another.
        again = segment.id in existing and (row.text, row.input_key, row.model_version) == (
            item.text,
            item.input_key,
            item.model_version,
        )
        row.position = position
        row.source_text = segment.text
        row.text = item.text
        row.origin = item.origin
        row.engine = item.engine
        row.model_version = item.model_version
        row.flags = list(item.flags)
        row.source_hash = item.source_hash
        row.input_key = item.input_key
        row.glossary_terms = [term.as_dict() for term in item.glossary_terms]
        row.reused = row.reused if again else item.reused
        session.add(row)

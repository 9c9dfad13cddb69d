"""The frozen source of a published revision: segmented once, stored, then only read.

A publish job freezes the revision it publishes (segments with their ids, protected tokens and
the block skeleton) the first time it runs; everything that shows or corrects a published
revision reads that stored snapshot and never segments the Markdown again.
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, select

from publisher.documents import SourceDoc, snapshot
from publisher.tables import Revision, SourceSnapshot
from translations.document import Block, Segment, Token


class SourceNotFrozenError(LookupError):
    """The revision was never published, so it has no stored source."""


def _token(token: Token) -> dict[str, Any]:
    return {
        "index": token.index,
        "kind": token.kind,
        "value": token.value,
        "label": token.label,
        "data": token.data,
    }


def _segment(segment: Segment) -> dict[str, Any]:
    return {
        "id": segment.id,
        "text": segment.text,
        "tokens": [_token(token) for token in segment.tokens],
        "line_break_before": segment.line_break_before,
    }


def encode(source: SourceDoc) -> str:
    """The snapshot as JSON text (what is stored, and what the site hashes)."""
    return json.dumps(
        {
            "category": source.category,
            "title": _segment(source.title),
            "blocks": [
                {
                    "kind": block.kind,
                    "level": block.level,
                    "ordered": block.ordered,
                    "segments": [_segment(segment) for segment in block.segments],
                }
                for block in source.blocks
            ],
            "contact": _segment(source.contact) if source.contact else None,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _segment_from(data: dict[str, Any]) -> Segment:
    return Segment(
        id=data["id"],
        text=data["text"],
        tokens=tuple(Token(**token) for token in data["tokens"]),
        line_break_before=data["line_break_before"],
    )


def decode(bulletin_id: int, revision: int, document: str) -> SourceDoc:
    data = json.loads(document)
    return SourceDoc(
        bulletin_id=bulletin_id,
        revision=revision,
        category=data["category"],
        title=_segment_from(data["title"]),
        blocks=tuple(
            Block(
                kind=block["kind"],
                level=block["level"],
                ordered=block["ordered"],
                segments=tuple(_segment_from(segment) for segment in block["segments"]),
            )
            for block in data["blocks"]
        ),
        contact=_segment_from(data["contact"]) if data["contact"] else None,
    )


def _stored(session: Session, bulletin_id: int, revision: int) -> SourceSnapshot | None:
    return session.exec(
        select(SourceSnapshot).where(
            SourceSnapshot.bulletin_id == bulletin_id, SourceSnapshot.revision == revision
        )
    ).first()


def freeze_source(session: Session, bulletin_id: int, revision: int) -> SourceDoc:
    """The revision's stored source, segmented and stored now if this is its first publish.

    Not committed: the caller commits it with the job's claim.
    """
    found = _stored(session, bulletin_id, revision)
    if found is not None:
        return decode(bulletin_id, revision, found.document)
    row = session.exec(
        select(Revision).where(Revision.bulletin_id == bulletin_id, Revision.number == revision)
    ).one()
    source = snapshot(bulletin_id, revision, row.category, row.title, row.body, row.contact)
    session.add(SourceSnapshot(bulletin_id=bulletin_id, revision=revision, document=encode(source)))
    return source


def stored_source(session: Session, bulletin_id: int, revision: int) -> SourceDoc:
    """The stored source of a revision that has been published; never segments anything."""
    found = _stored(session, bulletin_id, revision)
    if found is None:
        raise SourceNotFrozenError(
            f"revision {revision} of bulletin {bulletin_id} has never been published"
        )
    return decode(bulletin_id, revision, found.document)

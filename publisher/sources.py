"""The frozen source of a published revision: segmented once, stored, then only read.

A publish job freezes the revision it publishes (segments with their ids, protected tokens and
the block skeleton) the first time it runs; everything that shows or corrects a published
revision reads that stored snapshot and never segments the Markdown again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from publisher.documents import FrozenImage, Rendition, SourceDoc, image_ref, snapshot
from publisher.statuses import TextVersion
from publisher.tables import BulletinImage, Revision, SourceSnapshot
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


def _image(image: FrozenImage) -> dict[str, Any]:
    return {
        "ref": image.ref,
        "kind": image.kind,
        "renditions": [
            {"file": r.file, "width": r.width, "height": r.height} for r in image.renditions
        ],
    }


def encode(source: SourceDoc) -> str:
    """The snapshot as JSON text (what is stored, and what the site hashes).

    A block's ``ref`` and the ``images`` are written only when there are images, so that
    snapshots of bulletins without any read exactly as before.
    """
    data: dict[str, Any] = {
        "category": source.category,
        "title": _segment(source.title),
        "blocks": [
            {
                "kind": block.kind,
                "level": block.level,
                "ordered": block.ordered,
                "segments": [_segment(segment) for segment in block.segments],
                **({"ref": block.ref} if block.ref else {}),
            }
            for block in source.blocks
        ],
        "contact": _segment(source.contact) if source.contact else None,
    }
    if source.images:
        data["images"] = [_image(image) for image in source.images]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


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
                ref=block.get("ref", ""),
            )
            for block in data["blocks"]
        ),
        contact=_segment_from(data["contact"]) if data["contact"] else None,
        images=tuple(
            FrozenImage(
                ref=image["ref"],
                kind=image["kind"],
                renditions=tuple(Rendition(**rendition) for rendition in image["renditions"]),
            )
            for image in data.get("images", ())
        ),
    )


def _stored(session: Session, bulletin_id: int, revision: int) -> SourceSnapshot | None:
    return session.exec(
        select(SourceSnapshot).where(
            SourceSnapshot.bulletin_id == bulletin_id, SourceSnapshot.revision == revision
        )
    ).first()


@dataclass(frozen=True)
class FrozenRevision:
    """A revision's stored sources: the original, and its easy-Japanese version if it has one."""

    original: SourceDoc
    easy: SourceDoc | None

    def text(self, version: TextVersion) -> SourceDoc | None:
        return self.easy if version is TextVersion.EASY else self.original


def revision_images(
    session: Session, bulletin_id: int, revision: int
) -> list[tuple[FrozenImage, str]]:
    """A revision's images in their order, each with its Japanese alt text."""
    rows = session.exec(
        select(BulletinImage)
        .where(BulletinImage.bulletin_id == bulletin_id, BulletinImage.revision == revision)
        .order_by(col(BulletinImage.position))
    ).all()
    return [(frozen_image(row), row.alt) for row in rows]


def frozen_image(row: BulletinImage) -> FrozenImage:
    return FrozenImage(
        ref=image_ref(row.image_id),
        kind=row.kind,
        renditions=tuple(Rendition(**rendition) for rendition in row.renditions),
    )


def easy_snapshot(
    bulletin_id: int, revision: Revision, images: list[tuple[FrozenImage, str]] | None = None
) -> SourceDoc | None:
    """The easy version segmented like the original: its own title (or the original's), the
    easy body, the same contact line and the same images (placed where the easy body
    places them)."""
    if revision.easy_body is None:
        return None
    return snapshot(
        bulletin_id,
        revision.number,
        revision.category,
        revision.easy_title or revision.title,
        revision.easy_body,
        revision.contact,
        images or (),
    )


def _decoded(found: SourceSnapshot) -> FrozenRevision:
    easy = found.easy_document
    return FrozenRevision(
        original=decode(found.bulletin_id, found.revision, found.document),
        easy=decode(found.bulletin_id, found.revision, easy) if easy is not None else None,
    )


def freeze_source(session: Session, bulletin_id: int, revision: int) -> FrozenRevision:
    """The revision's stored sources, segmented and stored now if this is its first publish.

    Not committed: the caller commits it with the job's claim.
    """
    found = _stored(session, bulletin_id, revision)
    if found is not None:
        return _decoded(found)
    row = session.exec(
        select(Revision).where(Revision.bulletin_id == bulletin_id, Revision.number == revision)
    ).one()
    images = revision_images(session, bulletin_id, revision)
    source = snapshot(bulletin_id, revision, row.category, row.title, row.body, row.contact, images)
    easy = easy_snapshot(bulletin_id, row, images)
    session.add(
        SourceSnapshot(
            bulletin_id=bulletin_id,
            revision=revision,
            document=encode(source),
            easy_document=encode(easy) if easy is not None else None,
        )
    )
    return FrozenRevision(source, easy)


def stored_sources(session: Session, bulletin_id: int, revision: int) -> FrozenRevision:
    """The stored sources of a revision that has been published; never segments anything."""
    found = _stored(session, bulletin_id, revision)
    if found is None:
        raise SourceNotFrozenError(
            f"revision {revision} of bulletin {bulletin_id} has never been published"
        )
    return _decoded(found)


def stored_source(
    session: Session, bulletin_id: int, revision: int, version: TextVersion = TextVersion.ORIGINAL
) -> SourceDoc:
    """One stored text of a published revision (the original unless ``version`` says)."""
    doc = stored_sources(session, bulletin_id, revision).text(version)
    if doc is None:
        raise SourceNotFrozenError(
            f"revision {revision} of bulletin {bulletin_id} has no easy-Japanese version"
        )
    return doc

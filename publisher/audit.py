"""The audit trail: every change to a public record, attributable to a person.

Handlers call ``record`` in the same transaction as the change, so a change and its audit
record are committed together or not at all.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from publisher.clock import aware
from publisher.keys import Staff
from publisher.statuses import TextVersion
from publisher.tables import AuditRecord, Bulletin, BulletinImage, Revision

SYSTEM_ACTOR = "kakehashi"
SYSTEM_ROLE = "system"


def state_hash(state: Mapping[str, Any] | None) -> str | None:
    """A stable hash of a JSON-able state, so before/after can be compared without copies."""
    if state is None:
        return None
    canonical = json.dumps(state, sort_keys=True, ensure_ascii=False, default=_json_default)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot hash {type(value).__name__}")


def bulletin_state(session: Session, bulletin: Bulletin) -> dict[str, Any]:
    """What a bulletin is at this moment: its workflow and its current revision's fields."""
    revision = session.exec(
        select(Revision).where(
            Revision.bulletin_id == bulletin.id, Revision.number == bulletin.current_revision
        )
    ).first()
    images = session.exec(
        select(BulletinImage)
        .where(
            BulletinImage.bulletin_id == bulletin.id,
            BulletinImage.revision == bulletin.current_revision,
        )
        .order_by(col(BulletinImage.position))
    ).all()
    return {
        "state": bulletin.state,
        "current_revision": bulletin.current_revision,
        "published_revision": bulletin.published_revision,
        "generation": bulletin.generation,
        **{
            name: getattr(revision, name) if revision else None
            for name in (
                "title",
                "body",
                "contact",
                "category",
                "languages",
                "flagged_policy",
                "approved_by_id",
            )
        },
        # Only when set, so that a bulletin written before easy versions existed keeps the
        # same state hash across the upgrade.
        **{
            name: value
            for name in ("easy_title", "easy_body", "translation_source")
            if revision is not None
            and (value := getattr(revision, name)) not in (None, TextVersion.ORIGINAL)
        },
        # The schedule likewise, in UTC (SQLite reads stored times back without a zone).
        **{
            name: aware(value).isoformat()
            for name in ("publish_at", "expires_at")
            if revision is not None and (value := getattr(revision, name)) is not None
        },
        # Likewise only when the revision has images.
        **(
            {
                "images": [
                    {
                        "image_id": image.image_id,
                        "kind": image.kind,
                        "alt": image.alt,
                        "files": [rendition["file"] for rendition in image.renditions],
                    }
                    for image in images
                ]
            }
            if images
            else {}
        ),
    }


def record(
    session: Session,
    *,
    actor: str,
    role: str,
    action: str,
    target: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    detail: Mapping[str, Any] | None = None,
    actor_id: int | None = None,
    at: datetime | None = None,
) -> AuditRecord:
    """Add an audit record to the session (committed with the change it describes).

    ``at`` is the services' clock's time where the caller has it (the workflow does).
    """
    entry = AuditRecord(
        actor=actor,
        actor_id=actor_id,
        role=role,
        action=action,
        target=target,
        before_hash=state_hash(before),
        after_hash=state_hash(after),
        detail=dict(detail or {}),
    )
    if at is not None:
        entry.at = at
    session.add(entry)
    return entry


def record_by(
    session: Session,
    staff: Staff,
    *,
    action: str,
    target: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    detail: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditRecord:
    """``record`` for a change made by an authenticated member of staff."""
    return record(
        session,
        actor=staff.name,
        actor_id=staff.id,
        role=staff.role.value,
        action=action,
        target=target,
        before=before,
        after=after,
        detail=detail,
        at=at,
    )


def export_lines(session: Session, *, after_id: int = 0, batch: int = 500) -> Iterator[str]:
    """Every audit record after ``after_id`` as JSON lines, oldest first, read in batches."""
    last = after_id
    while True:
        rows = session.exec(
            select(AuditRecord)
            .where(col(AuditRecord.id) > last)
            .order_by(col(AuditRecord.id))
            .limit(batch)
        ).all()
        if not rows:
            return
        for row in rows:
            yield json.dumps(row.model_dump(mode="json"), ensure_ascii=False) + "\n"
        last = rows[-1].id or last

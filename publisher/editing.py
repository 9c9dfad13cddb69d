"""Editorial operations shared by the API and the CLI (the demo seeds through these too)."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from publisher.schemas import BulletinCreate
from publisher.tables import Bulletin, Job, Revision, utc_now
from publisher.workflow import Action, Role, State, check_transition


def create_bulletin(session: Session, payload: BulletinCreate, author: str) -> Bulletin:
    """Add a bulletin in state ``draft`` with its first revision (not committed)."""
    bulletin = Bulletin(
        category=payload.category,
        languages=payload.languages,
        flagged_policy=payload.flagged_policy,
        publish_at=payload.publish_at,
        expires_at=payload.expires_at,
        created_by=author,
    )
    session.add(bulletin)
    session.flush()
    assert bulletin.id is not None
    session.add(
        Revision(
            bulletin_id=bulletin.id,
            number=1,
            title=payload.title,
            body=payload.body,
            contact=payload.contact,
            author=author,
        )
    )
    return bulletin


def apply_action(session: Session, bulletin: Bulletin, action: Action, role: Role) -> None:
    """Move the bulletin to its next state or raise WorkflowError (not committed)."""
    bulletin.state = check_transition(action, State(bulletin.state), role).value
    bulletin.updated_at = utc_now()
    session.add(bulletin)


def create_job(session: Session, bulletin: Bulletin, kind: str, requested_by: str) -> Job:
    assert bulletin.id is not None
    job = Job(
        id=uuid.uuid4().hex,
        bulletin_id=bulletin.id,
        revision=bulletin.current_revision,
        kind=kind,
        requested_by=requested_by,
    )
    session.add(job)
    return job

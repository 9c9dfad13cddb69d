"""Reading a revision from the database as a frozen source snapshot."""

from __future__ import annotations

from sqlmodel import Session, select

from publisher.documents import SourceDoc, snapshot
from publisher.tables import Revision


def load_source(session: Session, bulletin_id: int, revision: int) -> SourceDoc:
    row = session.exec(
        select(Revision).where(Revision.bulletin_id == bulletin_id, Revision.number == revision)
    ).one()
    return snapshot(bulletin_id, revision, row.category, row.title, row.body, row.contact)

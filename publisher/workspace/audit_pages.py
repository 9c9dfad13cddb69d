"""The audit trail for admins: filter by person or bulletin, export as JSON lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse
from sqlmodel import Session, col, or_, select
from sqlmodel.sql.expression import SelectOfScalar

from publisher.api.deps import SessionDep
from publisher.permissions import Permission
from publisher.tables import AuditRecord
from publisher.workspace.deps import permitted
from publisher.workspace.render import render
from publisher.workspace.sessions import SignedIn

router = APIRouter(prefix="/audit")

AuditorDep = Annotated[SignedIn, Depends(permitted(Permission.READ_AUDIT))]
PAGE = 200
Person = Annotated[str, Query(max_length=100)]
BulletinFilter = Annotated[str, Query(max_length=10, pattern=r"^[0-9]*$")]


def _number(value: str) -> int | None:
    return int(value) if value else None


def _query(person: str, bulletin: int | None) -> SelectOfScalar[AuditRecord]:
    query = select(AuditRecord)
    if person:
        query = query.where(AuditRecord.actor == person)
    if bulletin is not None:
        target = f"bulletin:{bulletin}"
        query = query.where(
            or_(AuditRecord.target == target, col(AuditRecord.target).startswith(target + ":"))
        )
    return query


@router.get("")
def audit_page(
    request: Request,
    signed: AuditorDep,
    session: SessionDep,
    person: Person = "",
    bulletin: BulletinFilter = "",
) -> Response:
    rows = session.exec(
        _query(person, _number(bulletin)).order_by(col(AuditRecord.id).desc()).limit(PAGE)
    ).all()
    return render(
        request,
        "audit.html",
        {"rows": rows, "person": person, "bulletin": bulletin, "shown_at_most": PAGE},
        signed_in=signed,
    )


def _lines(session: Session, person: str, bulletin: int | None) -> Iterator[str]:
    last = 0
    while True:
        rows = session.exec(
            _query(person, bulletin)
            .where(col(AuditRecord.id) > last)
            .order_by(col(AuditRecord.id))
            .limit(500)
        ).all()
        if not rows:
            return
        for row in rows:
            yield json.dumps(row.model_dump(mode="json"), ensure_ascii=False) + "\n"
        last = rows[-1].id or last


@router.get(".jsonl")
def audit_export(
    signed: AuditorDep, session: SessionDep, person: Person = "", bulletin: BulletinFilter = ""
) -> Response:
    """Every matching record, oldest first, one JSON object per line."""
    lines = list(_lines(session, person, _number(bulletin)))
    return StreamingResponse(
        iter(lines),
        media_type="application/jsonl; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="kakehashi-audit.jsonl"',
            "Cache-Control": "no-store",
        },
    )

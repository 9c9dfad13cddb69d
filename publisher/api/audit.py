"""The audit trail, readable by admins: a page of records, or everything as JSON lines."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlmodel import Session, col, select

from publisher import audit
from publisher.api.deps import ServicesDep, SessionDep, require
from publisher.api.errors import ERROR_RESPONSES
from publisher.api.params import AfterId, PageLimit
from publisher.keys import Staff
from publisher.permissions import Permission
from publisher.tables import AuditRecord

router = APIRouter(prefix="/audit", tags=["audit"], responses=ERROR_RESPONSES)
AdminDep = Annotated[Staff, Depends(require(Permission.READ_AUDIT))]


class AuditPublic(BaseModel):
    id: int
    at: datetime
    actor: str
    role: str
    action: str
    target: str
    before_hash: str | None
    after_hash: str | None
    detail: dict[str, Any]


@router.get("")
def list_audit(
    _admin: AdminDep,
    session: SessionDep,
    target: str | None = None,
    after_id: AfterId = 0,
    limit: PageLimit = 100,
) -> list[AuditPublic]:
    """Records oldest first; page with ``after_id`` = the last id you received."""
    query = select(AuditRecord).where(col(AuditRecord.id) > after_id)
    if target is not None:
        query = query.where(AuditRecord.target == target)
    rows = session.exec(query.order_by(col(AuditRecord.id)).limit(limit)).all()
    return [AuditPublic.model_validate(row, from_attributes=True) for row in rows]


@router.get("/export", response_class=StreamingResponse)
def export_audit(_admin: AdminDep, services: ServicesDep) -> StreamingResponse:
    """Every record as JSON lines, for archiving outside Kakehashi."""

    def lines() -> Any:
        with Session(services.db) as session:
            yield from audit.export_lines(session)

    return StreamingResponse(
        lines(),
        media_type="application/x-ndjson",
        headers={"Content-Disposition": 'attachment; filename="kakehashi-audit.jsonl"'},
    )

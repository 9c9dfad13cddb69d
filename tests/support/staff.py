"""Members of staff for tests, made the way the product makes them."""

from __future__ import annotations

from sqlmodel import Session

from publisher.keys import Staff, as_staff, staff_for
from publisher.workflow import Role


def staff_member(session: Session, name: str, role: Role = Role.ADMIN) -> Staff:
    """The active member of staff with this name and role (created if needed, not committed)."""
    return as_staff(staff_for(session, name, role))

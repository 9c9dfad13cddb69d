"""Who may do what: one answer for the API and the staff workspace.

Steps of a bulletin's workflow are governed by ``workflow.TRANSITIONS``; the rest (managing
staff and keys, reading the audit trail, the glossary, correcting translations) by ``GRANTS``.
Both the API's dependencies and the workspace's pages and buttons ask here.
"""

from __future__ import annotations

from enum import StrEnum

from publisher.workflow import TRANSITIONS, Action, Role


class Permission(StrEnum):
    MANAGE_STAFF = "manage_staff"
    """Accounts, roles and API keys."""
    READ_AUDIT = "read_audit"
    EDIT_GLOSSARY = "edit_glossary"
    EDIT_READINGS = "edit_readings"
    """The furigana readings of names: like the glossary, they change every later page."""
    CORRECT_TRANSLATIONS = "correct_translations"
    ISSUE_EMERGENCIES = "issue_emergencies"
    """Issue, update, approve and lift emergency notices."""
    REVIEW_EMERGENCY_WORDING = "review_emergency_wording"
    """Mark a template's wording in a language as checked by the city."""


GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.MANAGE_STAFF: frozenset({Role.ADMIN}),
    Permission.READ_AUDIT: frozenset({Role.ADMIN}),
    Permission.EDIT_GLOSSARY: frozenset({Role.APPROVER, Role.ADMIN}),
    Permission.EDIT_READINGS: frozenset({Role.APPROVER, Role.ADMIN}),
    Permission.CORRECT_TRANSLATIONS: frozenset({Role.APPROVER, Role.ADMIN}),
    Permission.ISSUE_EMERGENCIES: frozenset({Role.APPROVER, Role.ADMIN}),
    Permission.REVIEW_EMERGENCY_WORDING: frozenset({Role.ADMIN}),
}


def allows(role: Role, permission: Permission) -> bool:
    return role in GRANTS[permission]


def roles_with(permission: Permission) -> str:
    """The roles that have ``permission``, for a refusal's reason."""
    return " or ".join(sorted(role.value for role in GRANTS[permission]))


def may_take(role: Role, action: Action) -> bool:
    """Whether the role may ever take this workflow step (the state is checked when taken)."""
    return role in TRANSITIONS[action].roles

"""The editorial workflow: which role may move a bulletin from which state to which."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    EDITOR = "editor"
    APPROVER = "approver"
    ADMIN = "admin"


class State(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    PUBLISHED = "published"
    RETRACTED = "retracted"


class Action(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    PUBLISH = "publish"
    RETRACT = "retract"


@dataclass(frozen=True)
class Transition:
    sources: frozenset[State]
    roles: frozenset[Role]


_ANY_STAFF = frozenset(Role)
_APPROVERS = frozenset({Role.APPROVER, Role.ADMIN})

TRANSITIONS: dict[Action, Transition] = {
    Action.SUBMIT: Transition(frozenset({State.DRAFT}), _ANY_STAFF),
    Action.APPROVE: Transition(frozenset({State.IN_REVIEW}), _APPROVERS),
    # Publishing again from PUBLISHED rebuilds the same revision (e.g. after a new model).
    Action.PUBLISH: Transition(frozenset({State.APPROVED, State.PUBLISHED}), _APPROVERS),
    Action.RETRACT: Transition(frozenset({State.PUBLISHED, State.APPROVED}), _APPROVERS),
}

RESULTING_STATE: dict[Action, State] = {
    Action.SUBMIT: State.IN_REVIEW,
    Action.APPROVE: State.APPROVED,
    # Publishing becomes PUBLISHED only when the job succeeds; until then it stays APPROVED.
    Action.PUBLISH: State.APPROVED,
    Action.RETRACT: State.RETRACTED,
}


class WorkflowError(Exception):
    """A transition that is not allowed; ``status`` is the HTTP status that fits."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def check_transition(action: Action, state: State, role: Role) -> State:
    """Return the next state, or raise WorkflowError saying why the action is refused."""
    transition = TRANSITIONS[action]
    if role not in transition.roles:
        allowed = " or ".join(sorted(transition.roles))
        raise WorkflowError(f"{action} needs the role {allowed}; this key is {role}", 403)
    if state not in transition.sources:
        allowed = ", ".join(sorted(transition.sources))
        raise WorkflowError(f"cannot {action} a bulletin in state {state} (needs {allowed})", 409)
    return RESULTING_STATE[action]

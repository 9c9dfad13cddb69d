"""The editorial workflow: one table says who may do what to a bulletin, from which state.

A bulletin has a working revision, whose state this module governs, and possibly a live
revision that residents see. Only an approved revision can become live, and a retract takes the
live revision down whatever the working revision is doing. Every path that changes a bulletin
(API, command line, demo, jobs) asks :func:`check_transition` first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    EDITOR = "editor"
    APPROVER = "approver"
    ADMIN = "admin"


class State(StrEnum):
    """The state of a bulletin's working revision."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    PUBLISHED = "published"
    """The working revision is the one online."""
    RETRACTED = "retracted"


class Action(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    APPROVE = "approve"
    PUBLISH = "publish"
    RETRACT = "retract"
    GO_LIVE = "go_live"
    """A publish job put the revision online."""
    EXPIRE = "expire"
    """The live revision's expiry time came: Kakehashi takes it down, as a retract does."""


@dataclass(frozen=True)
class Facts:
    """What the table needs to know of a bulletin besides its state."""

    state: State
    live: bool
    """A revision is online, or a publish of one is on its way."""
    unreviewed_authors: frozenset[int] = frozenset()
    """Staff who wrote any revision since the last approval (the text awaiting review)."""
    four_eyes: bool = False


@dataclass(frozen=True)
class Actor:
    """Who asks: a member of staff, or Kakehashi itself (``role`` None) finishing a job."""

    staff_id: int | None
    role: Role | None

    @property
    def label(self) -> str:
        return self.role.value if self.role else "system"


SYSTEM = Actor(staff_id=None, role=None)


@dataclass(frozen=True)
class Transition:
    targets: Mapping[State, State]
    """From which states the action is allowed, and the state it leads to."""
    roles: frozenset[Role | None]
    """Who may take the step; None stands for Kakehashi itself."""
    needs_live: bool = False
    four_eyes: bool = False
    """Under the four-eyes rule, no author of the unreviewed text may take this step."""
    reason: str = field(default="", compare=False)


_STAFF: frozenset[Role | None] = frozenset(Role)
_APPROVERS: frozenset[Role | None] = frozenset({Role.APPROVER, Role.ADMIN})

_TAKE_DOWN: Mapping[State, State] = {
    State.DRAFT: State.DRAFT,
    State.IN_REVIEW: State.IN_REVIEW,
    State.APPROVED: State.RETRACTED,
    State.PUBLISHED: State.RETRACTED,
}
"""Taking the live revision down leaves an edit under way where it is."""

TRANSITIONS: dict[Action, Transition] = {
    # Editing never touches what is online: a live revision stays until a new one is published.
    Action.EDIT: Transition({state: State.DRAFT for state in State}, _STAFF),
    Action.SUBMIT: Transition(
        {State.DRAFT: State.IN_REVIEW, State.RETRACTED: State.IN_REVIEW}, _STAFF
    ),
    Action.APPROVE: Transition({State.IN_REVIEW: State.APPROVED}, _APPROVERS, four_eyes=True),
    # Publishing from PUBLISHED rebuilds the live revision (e.g. after a new model).
    Action.PUBLISH: Transition(
        {State.APPROVED: State.APPROVED, State.PUBLISHED: State.PUBLISHED}, _APPROVERS
    ),
    # A retract takes the live revision down whatever the working revision is doing.
    Action.RETRACT: Transition(
        _TAKE_DOWN,
        _APPROVERS,
        needs_live=True,
        reason="nothing of this bulletin is online or on its way there",
    ),
    # At its expiry time the live revision comes down exactly as a retract takes it.
    Action.EXPIRE: Transition(
        _TAKE_DOWN, frozenset({None}), needs_live=True, reason="nothing of it is online"
    ),
    Action.GO_LIVE: Transition(
        {State.APPROVED: State.PUBLISHED, State.PUBLISHED: State.PUBLISHED},
        frozenset({None}),
    ),
}


class WorkflowError(Exception):
    """A transition that is not allowed; ``status`` is the HTTP status that fits."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def check_transition(action: Action, facts: Facts, actor: Actor) -> State:
    """Return the next state, or raise WorkflowError saying why the action is refused."""
    transition = TRANSITIONS[action]
    if actor.role not in transition.roles:
        allowed = " or ".join(sorted(role.value if role else "system" for role in transition.roles))
        raise WorkflowError(f"{action} needs the role {allowed}; this caller is {actor.label}", 403)
    target = transition.targets.get(facts.state)
    if target is None:
        allowed = ", ".join(sorted(transition.targets))
        raise WorkflowError(
            f"cannot {action} a bulletin in state {facts.state} (needs {allowed})", 409
        )
    if transition.needs_live and not facts.live:
        raise WorkflowError(f"cannot {action}: {transition.reason}", 409)
    if transition.four_eyes and facts.four_eyes and actor.staff_id in facts.unreviewed_authors:
        raise WorkflowError(
            "four-eyes rule: a revision must be approved by someone other than every author "
            "of its unreviewed text",
            403,
        )
    return target

"""The dashboard: every bulletin with its state and languages, filters, and running jobs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from publisher.api.deps import ServicesDep, SessionDep
from publisher.workflow import State
from publisher.workspace import labels
from publisher.workspace.deps import SignedInDep
from publisher.workspace.overview import bulletin_rows, categories, running_jobs
from publisher.workspace.render import render

router = APIRouter()


@router.get("/")
def dashboard(
    request: Request,
    signed: SignedInDep,
    session: SessionDep,
    services: ServicesDep,
    state: Annotated[str, Query(max_length=20)] = "",
    category: Annotated[str, Query(max_length=100)] = "",
    attention: Annotated[str, Query(max_length=5)] = "",
) -> Response:
    chosen_state = State(state) if state in set(State) else None
    rows = bulletin_rows(
        session,
        services.settings,
        state=chosen_state,
        category=category or None,
        attention=attention == "1",
    )
    return render(
        request,
        "dashboard.html",
        {
            "bulletins": rows,
            "jobs": running_jobs(session),
            "categories": categories(session),
            "filters": {"state": chosen_state, "category": category, "attention": attention == "1"},
            "labels": labels,
            "states": list(State),
        },
        signed_in=signed,
    )


@router.get("/jobs")
def jobs_fragment(request: Request, signed: SignedInDep, session: SessionDep) -> Response:
    """The running jobs alone, for the dashboard's refresh script."""
    return render(
        request, "_jobs.html", {"jobs": running_jobs(session), "labels": labels}, signed_in=signed
    )

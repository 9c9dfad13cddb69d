"""Jobs: the state, per-language progress and errors of a publish or retract."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, status

from publisher.api.deps import SessionDep, StaffDep
from publisher.api.errors import ERROR_RESPONSES
from publisher.schemas import JobPublic
from publisher.tables import Job

router = APIRouter(prefix="/jobs", tags=["jobs"], responses=ERROR_RESPONSES)


@router.get("/{job_id}", name="get_job")
def get_job(job_id: str, _staff: StaffDep, session: SessionDep) -> JobPublic:
    job = session.get(Job, job_id)
    if job is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no job with id {job_id}")
    return JobPublic.model_validate(job, from_attributes=True)

"""Every job kind and state has a label: a page listing a job never fails on a new one."""

from __future__ import annotations

from publisher.statuses import JobKind, JobState
from publisher.workspace import labels


def test_every_job_kind_and_state_has_a_label() -> None:
    assert set(labels.JOB_KINDS) == set(JobKind)
    assert set(labels.JOB_STATES) == set(JobState)

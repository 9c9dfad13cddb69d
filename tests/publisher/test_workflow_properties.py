"""Random sequences of staff actions and worker steps never put unapproved text online.

A hypothesis state machine drives create, edit, submit, approve, publish and retract for
several members of staff, with the four-eyes rule on and off, and the publish job's steps
(claim, translate and voice, record, build) as separate rules over the real publish code, so
that edits and retracts land in the middle of jobs. After every step it checks that the
database and the built site show only approved revisions, that a retracted bulletin is
offline, and that the audit trail records every transition once.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlmodel import Session, col, select

from publisher import pipeline, preview
from publisher.documents import LocalizedDoc
from publisher.editing import act, create_bulletin, edit_bulletin
from publisher.keys import Staff
from publisher.pipeline import ClaimedJob, LanguageOutcome
from publisher.schemas import BulletinCreate
from publisher.services import Services
from publisher.settings import Settings
from publisher.site.build import build_site
from publisher.statuses import JobKind, LanguageStatus
from publisher.tables import AuditRecord, Bulletin, Revision
from publisher.workflow import Action, Role, WorkflowError
from tests.support.fake_engine import FakeEngine
from tests.support.staff import staff_member

STAFF = (("editor", Role.EDITOR), ("approver-a", Role.APPROVER), ("approver-b", Role.APPROVER))
ANYONE = (0, 1, 2)
APPROVERS = (1, 2)
MAX_BULLETINS = 3
_TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _no_audio(services: Services, doc: LocalizedDoc, version: str) -> LanguageOutcome:
    return LanguageOutcome(version, LanguageStatus.PUBLISHED, doc.translation_status)


@dataclass
class InFlight:
    """A job between the worker's steps."""

    job_id: str
    kind: JobKind
    claimed: ClaimedJob | None = None
    outcomes: list[LanguageOutcome] | None = None
    stage: str = "queued"


@dataclass
class Expected:
    """What the audit trail must hold: one record per transition that happened."""

    actions: Counter[str] = field(default_factory=Counter)


class Workflow(RuleBasedStateMachine):
    four_eyes = False

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="kakehashi-workflow-"))
        config = Settings(
            data_dir=self.folder / "data",
            target_languages=("en",),
            base_url="http://testserver/",
            four_eyes=self.four_eyes,
        )
        engine = FakeEngine()
        self.services = Services.create(config, translation_engine_factory=lambda _: engine)
        self.staff: list[Staff] = []
        self.bulletins: list[int] = []
        self.in_flight: list[InFlight] = []
        self.expected = Expected()
        self.titles = 0

    def teardown(self) -> None:
        self.services.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @initialize(first=st.sampled_from(ANYONE), second=st.sampled_from(ANYONE))
    def hire_and_write(self, first: int, second: int) -> None:
        """Staff are hired and two bulletins written, so that every rule can run at once."""
        with Session(self.services.db, expire_on_commit=False) as session:
            self.staff = [staff_member(session, name, role) for name, role in STAFF]
            session.commit()
        self.create(first, "disaster")
        self.create(second, "event")

    def _title(self) -> str:
        self.titles += 1
        return f"お知らせ第{self.titles}号"

    # Staff ------------------------------------------------------------------------------

    @precondition(lambda self: len(self.bulletins) < MAX_BULLETINS)
    @rule(who=st.sampled_from(ANYONE), category=st.sampled_from(["disaster", "event"]))
    def create(self, who: int, category: str) -> None:
        payload = BulletinCreate(
            title=self._title(), body="川に近づかないでください。", category=category
        )
        with Session(self.services.db) as session:
            bulletin = create_bulletin(session, payload, self.staff[who])
            session.commit()
            assert bulletin.id is not None
            self.bulletins.append(bulletin.id)
        self.expected.actions["bulletin.create"] += 1

    @precondition(lambda self: self.bulletins)
    @rule(data=st.data(), who=st.sampled_from(ANYONE), title=st.booleans(), now=st.integers(0, 2))
    def edit(self, data: st.DataObject, who: int, title: bool, now: int) -> None:
        if now:  # edits are a third as frequent as other steps, so that jobs get to finish
            return
        bulletin_id = data.draw(st.sampled_from(self.bulletins))
        changes = {"title": self._title()} if title else {"category": "health"}
        with Session(self.services.db) as session:
            edit_bulletin(session, bulletin_id, changes, self.staff[who])
            session.commit()
        self.expected.actions["bulletin.update"] += 1

    def _act(self, bulletin_id: int, who: int, action: Action) -> None:
        with Session(self.services.db) as session:
            try:
                _bulletin, job = act(
                    session, bulletin_id, action, self.staff[who], four_eyes=self.four_eyes
                )
            except WorkflowError:
                session.rollback()
                return
            session.commit()
            if job is not None:
                self.in_flight.append(InFlight(job.id, JobKind(job.kind)))
        self.expected.actions[f"bulletin.{action.value}"] += 1

    @precondition(lambda self: self.bulletins)
    @rule(data=st.data(), who=st.sampled_from(APPROVERS), by_editor=st.booleans())
    def advance(self, data: st.DataObject, who: int, by_editor: bool) -> None:
        """The next step for the bulletin's state: submit, approve or publish."""
        bulletin_id = data.draw(st.sampled_from(self.bulletins))
        with Session(self.services.db) as session:
            bulletin = session.get(Bulletin, bulletin_id)
            assert bulletin is not None
            state = bulletin.state
        if state in ("draft", "retracted"):
            self._act(bulletin_id, 0 if by_editor else who, Action.SUBMIT)
        elif state == "in_review":
            self._act(bulletin_id, who, Action.APPROVE)
        else:
            self._act(bulletin_id, who, Action.PUBLISH)

    @precondition(lambda self: self.bulletins)
    @rule(data=st.data(), who=st.sampled_from(APPROVERS))
    def retract(self, data: st.DataObject, who: int) -> None:
        self._act(data.draw(st.sampled_from(self.bulletins)), who, Action.RETRACT)

    # The worker, one step at a time -----------------------------------------------------

    @precondition(lambda self: self.in_flight)
    @rule(data=st.data())
    def work(self, data: st.DataObject) -> None:
        """One step of one job: claim it, translate and voice it, or record it.

        The steps of the real publish code are taken one per rule, so anything else can land
        between them. (One rule for the three steps, because hypothesis switches whole rules
        off in some runs, and a job needs all three.)
        """
        job = data.draw(st.sampled_from(self.in_flight))
        if job.stage == "queued":
            self._claim(job)
        elif job.stage == "claimed":
            self._translate(job)
        else:
            self._record(job)

    def _claim(self, job: InFlight) -> None:
        if job.kind is JobKind.RETRACT:  # a retract's only step: rebuild from the database
            pipeline.run_retract(self.services, job.job_id)
            self.in_flight.remove(job)
            return
        job.claimed = pipeline.claim_publish(self.services, job.job_id)
        if job.claimed is None:
            self.in_flight.remove(job)
        else:
            job.stage = "claimed"

    def _translate(self, job: InFlight) -> None:
        assert job.claimed is not None
        if job.kind is JobKind.PREVIEW:  # the preview's own steps, into its private folder
            job.outcomes = preview.prepare_preview(self.services, job.claimed)
        else:
            job.outcomes = pipeline.prepare_languages(self.services, job.claimed)
        if job.outcomes is None:
            self.in_flight.remove(job)
        else:
            job.stage = "prepared"

    def _record(self, job: InFlight) -> None:
        assert job.claimed is not None and job.outcomes is not None
        if job.kind is JobKind.PREVIEW:
            preview.record_preview(self.services, job.claimed, job.outcomes)
        elif pipeline.record_outcomes(self.services, job.claimed, job.outcomes):
            self.expected.actions["bulletin.published"] += 1
        self.in_flight.remove(job)

    @rule()
    def build(self) -> None:
        build_site(self.services, search=False)
        assert self._site() == self._live_titles(), "the site is not what the database says"

    # What must hold after every step ----------------------------------------------------

    def _live_titles(self) -> dict[int, str]:
        with Session(self.services.db) as session:
            rows = session.exec(
                select(Bulletin.id, Revision.title)
                .join(Revision, col(Revision.bulletin_id) == col(Bulletin.id))
                .where(col(Revision.number) == col(Bulletin.published_revision))
            ).all()
            return {int(bulletin_id): title for bulletin_id, title in rows if bulletin_id}

    def _site(self) -> dict[int, str]:
        site = self.services.settings.resolved_site_dir / "ja" / "bulletins"
        shown: dict[int, str] = {}
        if site.exists():
            for page in site.glob("*/index.html"):
                html = page.read_text(encoding="utf-8")
                if '<article class="withdrawn"' in html:
                    continue  # a retracted notice's address saying so: nothing of it is live
                found = _TITLE.search(html)
                assert found is not None
                shown[int(page.parent.name)] = _TAG.sub("", found.group(1)).strip()
        return shown

    @invariant()
    def only_approved_revisions_are_live(self) -> None:
        with Session(self.services.db) as session:
            for bulletin in session.exec(select(Bulletin)).all():
                if bulletin.published_revision is None:
                    continue
                revisions = session.exec(
                    select(Revision)
                    .where(Revision.bulletin_id == bulletin.id)
                    .where(col(Revision.number) <= bulletin.published_revision)
                    .order_by(col(Revision.number).desc())
                ).all()
                live = revisions[0]
                assert live.approved_at is not None, "an unapproved revision is live"
                if self.four_eyes:
                    authors = {live.author_id}
                    for earlier in revisions[1:]:
                        if earlier.approved_at is not None:
                            break
                        authors.add(earlier.author_id)
                    assert live.approved_by_id not in authors, "approved by its own author"

    @invariant()
    def the_site_shows_only_approved_titles(self) -> None:
        with Session(self.services.db) as session:
            approved = {
                (bulletin_id, title)
                for bulletin_id, title in session.exec(
                    select(Revision.bulletin_id, Revision.title).where(
                        col(Revision.approved_at).is_not(None)
                    )
                ).all()
            }
        for bulletin_id, title in self._site().items():
            assert (bulletin_id, title) in approved, f"unapproved text online: {title}"

    @invariant()
    def every_transition_is_audited_once(self) -> None:
        with Session(self.services.db) as session:
            recorded = Counter(
                action
                for action in session.exec(
                    select(AuditRecord.action).where(col(AuditRecord.target).like("bulletin:%"))
                ).all()
            )
        assert recorded == +self.expected.actions


class FourEyesWorkflow(Workflow):
    four_eyes = True


@pytest.mark.slow
@pytest.mark.parametrize("machine", [Workflow, FourEyesWorkflow], ids=["two-eyes", "four-eyes"])
def test_random_workflows_keep_the_site_approved(
    machine: type[Workflow], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "_voice", _no_audio)
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=40,
            stateful_step_count=40,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            derandomize=True,
        ),
    )

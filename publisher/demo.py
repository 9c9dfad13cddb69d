"""The demo: the sample bulletins submitted, approved and published through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import Session, col, select

from publisher import audit
from publisher.editing import act, create_bulletin, revision_of
from publisher.keys import as_staff, create_key, staff_for
from publisher.queue import JobQueue, make_huey
from publisher.schemas import BulletinCreate
from publisher.services import Services
from publisher.statuses import JobState
from publisher.tables import ApiKey, Bulletin, Job, LanguageVersion
from publisher.workflow import Action, Role

# The samples are written by one demo identity and approved by another, so the demo goes
# through the same workflow (and audit trail) as staff, four-eyes rule included.
DEMO_AUTHOR = "demo-editor"
DEMO_APPROVER = "demo-approver"


def load_samples(folder: Path) -> list[BulletinCreate]:
    return [
        BulletinCreate.model_validate(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.json"))
    ]


def seed_demo(services: Services, queue: JobQueue, folder: Path) -> list[str]:
    """Create and queue the sample bulletins, once: does nothing if any bulletin exists."""
    with Session(services.db, expire_on_commit=False) as session:
        if session.exec(select(Bulletin)).first() is not None:
            return []
        author = as_staff(staff_for(session, DEMO_AUTHOR, Role.EDITOR))
        approver = as_staff(staff_for(session, DEMO_APPROVER, Role.APPROVER))
        four_eyes = services.settings.four_eyes
        jobs: list[Job] = []
        for sample in load_samples(folder):
            bulletin = create_bulletin(session, sample, author)
            assert bulletin.id is not None
            act(session, bulletin.id, Action.SUBMIT, author, four_eyes=four_eyes)
            act(session, bulletin.id, Action.APPROVE, approver, four_eyes=four_eyes)
            _bulletin, job = act(
                session, bulletin.id, Action.PUBLISH, approver, four_eyes=four_eyes
            )
            assert job is not None
            jobs.append(job)
        session.commit()
    for job in jobs:
        queue.enqueue(job)
    return [job.id for job in jobs]


def ensure_demo_key(services: Services) -> str | None:
    """Give a newcomer an admin key to try the API with, if there is no key yet."""
    with Session(services.db) as session:
        if session.exec(select(ApiKey)).first() is not None:
            return None
        key, secret = create_key(session, "demo-admin", Role.ADMIN, created_by="demo")
        audit.record(
            session,
            actor="demo",
            role=audit.SYSTEM_ROLE,
            action="key.create",
            target=f"key:{key.id}",
            after={"name": key.name, "role": Role.ADMIN.value},
        )
        session.commit()
        return secret


def run_demo(services: Services, folder: Path) -> list[str]:
    """Publish the samples in this process (the queue runs each task at once) and report."""
    from publisher.site.build import build_site

    queue = JobQueue(services, make_huey(services, immediate=True))
    job_ids = seed_demo(services, queue, folder)
    if not job_ids:
        build_site(services)
    return demo_report(services)


def language_overview(services: Services) -> list[str]:
    """For each configured language: how it is translated and which voice reads it."""
    from audio.voices import available_voices, resolve_voice

    settings = services.settings
    routes = services.translator.routes(settings.source_language, settings.target_languages)
    installed = available_voices()
    lines = ["languages (translation route; voice):"]
    for code in settings.published_languages:
        route = routes.get(code)
        if code == settings.source_language:
            how = "source"
        else:
            how = (
                f"{route.description} ({route.via or 'direct'}: {route.models})"
                if route
                else "NO MODEL: not published"
            )
        voice = resolve_voice(code, fallbacks=settings.voice_fallbacks)
        if voice is None or voice.language not in installed:
            spoken = "NO VOICE: page says audio is unavailable"
        elif voice.substitute_for:
            spoken = f"{voice.label} (announced substitute)"
        else:
            spoken = voice.label
        lines.append(f"  {code:8} {how}; {spoken}")
    return lines


def demo_report(services: Services) -> list[str]:
    lines = language_overview(services)
    with Session(services.db) as session:
        for job in session.exec(select(Job).order_by(col(Job.created_at))).all():
            if job.state != JobState.SUCCEEDED:
                lines.append(f"job {job.id[:8]} for bulletin {job.bulletin_id}: {job.state}")
                if job.error:
                    lines.append("  " + job.error.splitlines()[0])
        for bulletin in session.exec(select(Bulletin).order_by(col(Bulletin.id))).all():
            assert bulletin.id is not None
            category = revision_of(session, bulletin.id, bulletin.current_revision).category
            lines.append(f"bulletin {bulletin.id} [{category}]: {bulletin.state}")
            versions = session.exec(
                select(LanguageVersion).where(LanguageVersion.bulletin_id == bulletin.id)
            ).all()
            for version in versions:
                audio = (
                    f"audio {version.audio_seconds:.1f} s" if version.audio_seconds else "no audio"
                )
                extra = f" ({version.detail})" if version.detail else ""
                lines.append(
                    f"  {version.language:8} {version.status:14} {version.translation:10} "
                    f"{audio}{extra}"
                )
    return lines


FIRST_ADMIN = "admin"


def ensure_first_admin(services: Services) -> tuple[str, str] | None:
    """A first workspace account for a newcomer, with a one-time password to change at the
    first sign-in; only when no admin can sign in yet. Returns (name, password)."""
    from publisher.workspace.accounts import create_account, has_admin_with_password
    from publisher.workspace.passwords import one_time_password

    with Session(services.db) as session:
        if has_admin_with_password(session):
            return None
        password = one_time_password()
        create_account(session, FIRST_ADMIN, Role.ADMIN, password, by="demo", one_time=True)
        session.commit()
        return FIRST_ADMIN, password

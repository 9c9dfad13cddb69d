"""What the dashboard shows: each bulletin with its state and a status per language, and the
jobs still running, read in a few queries and handed to the template as frozen values."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from publisher.api.bulletins import schedule_of
from publisher.jobs import UNFINISHED
from publisher.schemas import SchedulePublic
from publisher.settings import Settings
from publisher.statuses import JobKind, JobState, LanguageStatus
from publisher.tables import Bulletin, Job, LanguageVersion, Revision, Withdrawal
from publisher.workflow import State
from translations.statuses import TranslationStatus

NEEDS_ATTENTION = frozenset(
    {LanguageStatus.HELD_FOR_REVIEW, LanguageStatus.MISSING_MODEL, LanguageStatus.FAILED}
)
SHOWN_AT_MOST = 500


@dataclass(frozen=True)
class LanguageRow:
    language: str
    status: LanguageStatus
    translation: TranslationStatus
    voiced: bool

    @property
    def needs_attention(self) -> bool:
        published_unvoiced = self.status == LanguageStatus.PUBLISHED and not self.voiced
        return (
            self.status in NEEDS_ATTENTION
            or self.translation == TranslationStatus.FLAGGED
            or published_unvoiced
        )


@dataclass(frozen=True)
class BulletinRow:
    id: int
    title: str
    state: State
    category: str
    author: str
    updated_at: datetime
    online: bool
    languages: tuple[LanguageRow, ...]
    publish_at: datetime | None
    expires_at: datetime | None
    schedule: SchedulePublic
    """As the API shows it (:func:`publisher.api.bulletins.schedule_of`)."""

    @property
    def needs_attention(self) -> bool:
        return self.state == State.IN_REVIEW or any(row.needs_attention for row in self.languages)


@dataclass(frozen=True)
class RunningJob:
    id: str
    bulletin_id: int
    kind: str
    state: str
    done: int
    total: int


def language_rows(
    settings: Settings,
    revision_languages: Sequence[str] | None,
    versions: Sequence[LanguageVersion],
) -> tuple[LanguageRow, ...]:
    """One row per language the revision is for (the source first), stored or still pending."""
    stored = {row.language: row for row in versions}
    wanted = revision_languages if revision_languages is not None else settings.target_languages
    rows: list[LanguageRow] = []
    for language in (
        settings.source_language,
        *wanted,
        *(k for k in stored if k not in wanted and k != settings.source_language),
    ):
        row = stored.get(language)
        if row is None:
            source = language == settings.source_language
            rows.append(
                LanguageRow(
                    language,
                    LanguageStatus.PENDING,
                    TranslationStatus.SOURCE if source else TranslationStatus.MISSING,
                    voiced=False,
                )
            )
            continue
        rows.append(
            LanguageRow(
                language,
                LanguageStatus(row.status),
                TranslationStatus(row.translation),
                voiced=row.audio_file is not None,
            )
        )
    return tuple(rows)


def bulletin_rows(
    session: Session,
    settings: Settings,
    *,
    state: State | None = None,
    category: str | None = None,
    attention: bool = False,
) -> list[BulletinRow]:
    live = aliased(Revision)
    query = (
        sa_select(Bulletin, Revision, col(Job.run_at), col(live.expires_at), col(Withdrawal.reason))
        .join(
            Revision,
            (col(Revision.bulletin_id) == col(Bulletin.id))
            & (col(Revision.number) == col(Bulletin.current_revision)),
        )
        # The schedule's inputs, read as the API's list reads them: the publish waiting for
        # its time, the live revision's expiry and the withdrawal's reason.
        .outerjoin(
            Job,
            (col(Job.bulletin_id) == col(Bulletin.id))
            & (col(Job.kind) == JobKind.PUBLISH.value)
            & (col(Job.state) == JobState.SCHEDULED.value),
        )
        .outerjoin(
            live,
            (col(live.bulletin_id) == col(Bulletin.id))
            & (col(live.number) == col(Bulletin.published_revision)),
        )
        .outerjoin(Withdrawal, col(Withdrawal.bulletin_id) == col(Bulletin.id))
        .order_by(col(Bulletin.updated_at).desc(), col(Bulletin.id).desc())
        .limit(SHOWN_AT_MOST)
    )
    if state is not None:
        query = query.where(col(Bulletin.state) == state.value)
    if category:
        query = query.where(col(Revision.category) == category)
    found = session.execute(query).all()
    ids = [bulletin.id for bulletin, *_rest in found]
    versions: dict[int, list[LanguageVersion]] = defaultdict(list)
    if ids:
        for version in session.exec(
            select(LanguageVersion).where(col(LanguageVersion.bulletin_id).in_(ids))
        ).all():
            versions[version.bulletin_id].append(version)
    rows = []
    for bulletin, revision, scheduled_at, live_expires_at, reason in found:
        assert bulletin.id is not None
        online = bulletin.published_revision is not None
        row = BulletinRow(
            id=bulletin.id,
            title=revision.title,
            state=State(bulletin.state),
            category=revision.category,
            author=revision.author,
            updated_at=bulletin.updated_at,
            online=online,
            languages=language_rows(settings, revision.languages, versions[bulletin.id]),
            publish_at=revision.publish_at,
            expires_at=revision.expires_at,
            schedule=schedule_of(scheduled_at, live_expires_at, reason, online),
        )
        if not attention or row.needs_attention:
            rows.append(row)
    return rows


def categories(session: Session) -> list[str]:
    return sorted(set(session.exec(select(Revision.category).distinct()).all()))


def running_jobs(session: Session) -> list[RunningJob]:
    jobs = session.exec(
        select(Job).where(col(Job.state).in_(tuple(UNFINISHED))).order_by(col(Job.created_at))
    ).all()
    return [
        RunningJob(
            id=job.id,
            bulletin_id=job.bulletin_id,
            kind=job.kind,
            state=job.state,
            done=sum(
                1
                for entry in job.progress.values()
                if isinstance(entry, dict)
                and entry.get("status")
                not in (LanguageStatus.WORKING.value, LanguageStatus.VOICING.value)
            ),
            total=len(job.progress),
        )
        for job in jobs
    ]

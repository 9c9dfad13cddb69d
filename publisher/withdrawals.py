"""What a withdrawn notice's address says: kept when the notice is taken down.

A retract takes the live revision offline at once, but residents keep following old links,
shared messages and feed entries. So the retract request keeps, beside the bulletin, the
title each language's page had, which of them had audio, and when it was withdrawn; the site
build writes a small "withdrawn" page at each of those addresses. Publishing the notice again
deletes the record, and its pages return.
"""

from __future__ import annotations

from collections import defaultdict

from sqlmodel import Session, col, select

from publisher.clock import SYSTEM_CLOCK, Clock
from publisher.documents import IncompleteTranslationError, SegmentText, localize, plain_text
from publisher.outcomes import EASY_JAPANESE
from publisher.sources import SourceNotFrozenError, stored_source
from publisher.statuses import LanguageStatus, WithdrawalReason
from publisher.tables import Bulletin, LanguageVersion, SegmentTranslation, Withdrawal
from translations.statuses import SegmentOrigin, TranslationStatus


def record_withdrawal(
    session: Session,
    bulletin: Bulletin,
    reason: WithdrawalReason = WithdrawalReason.RETRACTED,
    clock: Clock = SYSTEM_CLOCK,
) -> None:
    """Keep what the live revision's pages showed, and why they go, before a retract (or
    the revision's expiry) takes it offline.

    Call with the bulletin locked, before ``published_revision`` is cleared; not committed.
    Nothing is kept when nothing was online (a retract of a publish still on its way).
    """
    revision = bulletin.published_revision
    if bulletin.id is None or revision is None:
        return
    try:
        source = stored_source(session, bulletin.id, revision)
    except SourceNotFrozenError:  # every published revision is frozen; never guess a title
        return
    versions = session.exec(
        select(LanguageVersion).where(
            LanguageVersion.bulletin_id == bulletin.id,
            LanguageVersion.revision == revision,
            LanguageVersion.status == LanguageStatus.PUBLISHED.value,
        )
    ).all()
    texts: dict[str, dict[str, SegmentText]] = defaultdict(dict)
    for sentence in session.exec(
        select(SegmentTranslation).where(
            SegmentTranslation.bulletin_id == bulletin.id,
            SegmentTranslation.revision == revision,
        )
    ).all():
        texts[sentence.language][sentence.segment_id] = SegmentText(
            sentence.text, (), SegmentOrigin(sentence.origin)
        )
    titles: dict[str, str] = {}
    voiced: list[str] = []
    for version in versions:
        if version.language == EASY_JAPANESE:  # inside the Japanese page's address, which says it
            continue
        is_source = version.translation == TranslationStatus.SOURCE.value
        try:
            doc = localize(source, version.language, None if is_source else texts[version.language])
        except IncompleteTranslationError:  # the site never showed it either
            continue
        titles[version.language] = plain_text(doc.title.pieces)
        if version.audio_file:
            voiced.append(version.language)
    row = session.exec(
        select(Withdrawal).where(Withdrawal.bulletin_id == bulletin.id)
    ).first() or Withdrawal(
        bulletin_id=bulletin.id,
        revision=revision,
        category=source.category,
        published_at=bulletin.published_at or clock.now(),
    )
    row.revision, row.category = revision, source.category
    row.published_at = bulletin.published_at or row.published_at
    row.withdrawn_at, row.reason = clock.now(), reason.value
    row.titles, row.voiced = titles, sorted(voiced)
    session.add(row)


def clear_withdrawal(session: Session, bulletin_id: int) -> None:
    """The notice is online again: its address shows it, not the withdrawal (not committed)."""
    for row in session.exec(
        select(Withdrawal).where(col(Withdrawal.bulletin_id) == bulletin_id)
    ).all():
        session.delete(row)

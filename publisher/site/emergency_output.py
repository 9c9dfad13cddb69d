"""Emergency notices on the public site: their CAP files (and pages), written in seconds.

An emergency must not wait for a site build (a full build of a large archive takes minutes),
so its files live in a folder of their own beside the builds, ``<site>.emergency/``, written
here under a lock of its own, one atomic file at a time. Every build links to it
(:func:`publisher.site.writer.link_into`): ``alerts/`` and each language's ``emergencies/``
folder in the build are symbolic links into it, so a build switched in later shows the
same emergencies, and an emergency written during a build is online at once.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlmodel import Session, col, select

from publisher import emergencies
from publisher.files import write_atomic
from publisher.services import Services
from publisher.settings import Settings
from publisher.site import paths
from publisher.site.cap import AlertVersion, alert_xml, index_feed, sender_of
from publisher.site.emergency_pages import EmergencyView, LanguageText, page_files
from publisher.site.render import SiteRenderer
from publisher.site.writer import current_build, emergency_root, link_into
from publisher.statuses import (
    CapMessageType,
    EmergencyState,
    EmergencyVersionState,
    ReviewStatus,
)
from publisher.tables import Emergency, EmergencyText, EmergencyVersion, utc_now
from translations.emergency.render import message_from_json
from translations.furigana import FuriganaReader, load_readings
from translations.statuses import TranslationStatus


@contextmanager
def _emergency_lock(settings: Settings) -> Iterator[None]:
    """One writer of the emergency folder at a time (never the site build's lock)."""
    data_dir = settings.resolved_data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / "emergency.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def city_names(settings: Settings) -> dict[str, str]:
    return {"ja": settings.city_name_ja, "en": settings.city_name}


def gather_alerts(settings: Settings, session: Session) -> list[AlertVersion]:
    """Every version that went out (its texts are stored), oldest first."""
    rows = session.exec(
        select(EmergencyVersion, Emergency)
        .join(Emergency, col(Emergency.id) == col(EmergencyVersion.emergency_id))
        .where(col(EmergencyVersion.sent_at).is_not(None))
        .order_by(col(EmergencyVersion.emergency_id), col(EmergencyVersion.number))
    ).all()
    order = {code: n for n, code in enumerate(settings.published_languages)}
    sent: dict[int, list[tuple[int, object]]] = {}
    alerts: list[AlertVersion] = []
    for version, emergency in rows:
        assert version.id is not None and emergency.id is not None
        texts = session.exec(
            select(EmergencyText).where(EmergencyText.version_id == version.id)
        ).all()
        if not texts or version.sent_at is None or version.expires_at is None:
            continue
        messages = [
            message_from_json(text.message)
            for text in sorted(texts, key=lambda t: order.get(t.language, len(order)))
            if text.message is not None
        ]
        earlier = sent.setdefault(emergency.id, [])
        alerts.append(
            AlertVersion(
                emergency_id=emergency.id,
                number=version.number,
                message_type=CapMessageType(version.message_type),
                sent_at=version.sent_at,
                expires_at=version.expires_at,
                template=emergencies.template_or_error(emergency.template_id),
                messages=messages,
                page_urls={
                    code: settings.base_url + paths.emergency_dir(code, emergency.id)
                    for code in settings.published_languages
                },
                earlier=tuple(earlier),  # type: ignore[arg-type]
            )
        )
        earlier.append((version.number, version.sent_at))
    return alerts


def gather_views(session: Session) -> list[EmergencyView]:
    """Every emergency's current version that went out, with its stored texts."""
    views = []
    rows = session.exec(
        select(EmergencyVersion, Emergency)
        .join(Emergency, col(Emergency.id) == col(EmergencyVersion.emergency_id))
        .where(
            col(EmergencyVersion.state) == EmergencyVersionState.CURRENT.value,
            col(EmergencyVersion.sent_at).is_not(None),
        )
    ).all()
    for version, emergency in rows:
        assert emergency.id is not None and version.sent_at is not None
        texts = session.exec(
            select(EmergencyText).where(EmergencyText.version_id == version.id)
        ).all()
        if not texts:
            continue
        views.append(
            EmergencyView(
                emergency_id=emergency.id,
                version=version.number,
                lifted=emergency.state == EmergencyState.LIFTED,
                sent_at=version.sent_at,
                texts={
                    text.language: LanguageText(
                        message=message_from_json(text.message) if text.message else None,
                        review=ReviewStatus(text.review),
                        addition=text.addition,
                        addition_status=TranslationStatus(text.addition_translation)
                        if text.addition_translation
                        else None,
                    )
                    for text in texts
                },
            )
        )
    return views


def _write_if_changed(target: Path, data: bytes) -> None:
    if not target.is_file() or target.read_bytes() != data:
        write_atomic(target, data)


def write_emergency_output(services: Services) -> None:
    """Write every emergency's pages, CAP files and the index feed; link them into the site."""
    settings = services.settings
    root = emergency_root(settings.resolved_site_dir)
    with _emergency_lock(settings), Session(services.db) as session:
        renderer = SiteRenderer(
            settings, reader=FuriganaReader(load_readings(settings.resolved_readings_file))
        )
        for view in gather_views(session):
            for name, data in page_files(renderer, view, settings.published_languages).items():
                _write_if_changed(root / name, data)
        alerts = gather_alerts(settings, session)
        sender = sender_of(settings.base_url)
        city = city_names(settings)
        for alert in alerts:
            target = root / paths.alert_file(alert.emergency_id, alert.number)
            _write_if_changed(target, alert_xml(alert, sender=sender, city=city))
        feed = index_feed(
            alerts,
            sender=sender,
            base_url=settings.base_url,
            title=f"{settings.city_name}: emergency alerts (CAP 1.2)",
            updated=max((a.sent_at for a in alerts), default=utc_now()),
        )
        write_atomic(root / paths.ALERTS_INDEX, feed)
    _link_current(settings.resolved_site_dir)


def _link_current(site_dir: Path) -> None:
    build = current_build(site_dir)
    if build is not None:
        link_into(build, site_dir)

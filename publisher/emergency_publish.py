"""An emergency version's job: its text in every language, stored, then put online.

No template text is ever sent to a translation engine: each language's wording is rendered
from the template with its slots (:mod:`translations.emergency.render`) and stored as it was
published. Only the free-text addition, if staff wrote one, goes through the normal
translation path (memory, glossary, engine, checks) and is marked machine-translated.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence

from sqlmodel import Session, col, delete, select

from publisher import emergencies
from publisher.memory import DatabaseMemory, load_glossary
from publisher.services import Services
from publisher.statuses import (
    CapMessageType,
    EmergencyVersionState,
    JobState,
    LanguageStatus,
    ReviewStatus,
)
from publisher.tables import Emergency, EmergencyText, EmergencyVersion, utc_now
from translations.emergency.model import EASY_JAPANESE, Variant
from translations.emergency.render import Renderer, message_from_json, message_to_json
from translations.emergency.slots import parse_slots
from translations.languages import sentence_joiner
from translations.pipeline import TranslationRequest, translate_documents
from translations.restore import plain_text
from translations.segmenter import segment_markdown
from translations.statuses import TranslationStatus

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3
_FINISHED = frozenset({JobState.SUCCEEDED, JobState.FAILED, JobState.SUPERSEDED})


def emergency_languages(services: Services) -> tuple[str, ...]:
    """The site's languages, and easy Japanese (shown on the Japanese page and its own audio)."""
    languages = services.settings.published_languages
    return (languages[0], EASY_JAPANESE, *languages[1:])


def _claim(services: Services, job_id: str) -> int | None:
    with Session(services.db) as session:
        version = session.exec(
            select(EmergencyVersion).where(EmergencyVersion.job_id == job_id)
        ).first()
        if version is None or version.job_state in _FINISHED:
            return None
        if version.state != EmergencyVersionState.CURRENT:
            version.job_state = JobState.SUPERSEDED.value
            version.job_error = "a later version replaced this one before it went out"
            version.finished_at = utc_now()
            session.add(version)
            session.commit()
            return None
        if version.job_attempts >= MAX_ATTEMPTS:
            version.job_state = JobState.FAILED.value
            version.finished_at = utc_now()
            session.add(version)
            session.commit()
            return None
        version.job_attempts += 1
        version.job_state = JobState.RUNNING.value
        session.add(version)
        session.commit()
        assert version.id is not None
        return version.id


def _translate_addition(
    services: Services, session: Session, addition: str, languages: Sequence[str]
) -> dict[str, tuple[str | None, TranslationStatus]]:
    """The addition in each language through the normal path, or missing without a model."""
    source = services.settings.source_language
    targets = [code for code in languages if code not in {source, EASY_JAPANESE}]
    result: dict[str, tuple[str | None, TranslationStatus]] = {
        source: (addition, TranslationStatus.SOURCE),
        EASY_JAPANESE: (addition, TranslationStatus.SOURCE),
    }
    engine = services.translator
    routes = engine.routes(source, targets)
    reachable = tuple(code for code in targets if routes.get(code) is not None)
    for code in targets:
        result[code] = (None, TranslationStatus.MISSING)
    if not reachable:
        return result
    segments = tuple(s for block in segment_markdown(addition) for s in block.segments)
    translated = translate_documents(
        [TranslationRequest("addition", segments, reachable)],
        source,
        engine,
        glossary=load_glossary(session),
        memory=DatabaseMemory(session),
    )
    for code in reachable:
        items = translated[("addition", code)]
        text = sentence_joiner(code).join(plain_text(item.restored.pieces) for item in items)
        flagged = any(item.flags for item in items)
        result[code] = (text, TranslationStatus.FLAGGED if flagged else TranslationStatus.MACHINE)
    return result


def store_texts(services: Services, version_id: int) -> dict[str, LanguageStatus]:
    """Render and store the version in every language; returns each language's outcome."""
    settings = services.settings
    renderer = Renderer(emergencies.library(), emergencies.name_reader(settings))
    with Session(services.db) as session:
        version = session.get(EmergencyVersion, version_id)
        assert version is not None
        emergency = session.get(Emergency, version.emergency_id)
        assert emergency is not None
        template = emergencies.template_or_error(emergency.template_id)
        values = parse_slots(template, version.slots)
        variant = Variant.LIFT if version.message_type == CapMessageType.CANCEL else Variant.ISSUE
        languages = emergency_languages(services)
        additions = (
            _translate_addition(services, session, version.addition, languages)
            if version.addition
            else {}
        )
        session.exec(delete(EmergencyText).where(col(EmergencyText.version_id) == version_id))
        outcomes: dict[str, LanguageStatus] = {}
        for language in languages:
            message = renderer.render(template, variant, language, values)
            review = emergencies.review_status(session, template, language)
            addition, addition_status = additions.get(language, (None, None))
            session.add(
                EmergencyText(
                    version_id=version_id,
                    language=language,
                    review=review.value,
                    message=message_to_json(message) if message is not None else None,
                    addition=addition,
                    addition_translation=addition_status.value if addition_status else None,
                )
            )
            outcomes[language] = LanguageStatus.PUBLISHED
            if review is ReviewStatus.NO_WORDING:
                log.warning("template %s has no wording in %s", template.id, language)
        session.commit()
    return outcomes


def run_emergency(services: Services, job_id: str) -> None:
    """Carry out one emergency version's job; safe to run again after a crash."""
    version_id = _claim(services, job_id)
    if version_id is None:
        return
    try:
        store_texts(services, version_id)
        publish_emergency_output(services)  # the text first: online within seconds
        voice(services, version_id)
        publish_emergency_output(services)  # then again, with the audio
        _finish(services, version_id, None)
    except Exception as error:
        log.exception("emergency job %s failed", job_id)
        _finish(services, version_id, f"{error}\n{traceback.format_exc(limit=3)}")
        raise


def voice(services: Services, version_id: int) -> None:
    """Read the version aloud in every language that has a voice (after its text is online)."""
    from publisher.emergency_audio import voice_version
    from publisher.site.writer import emergency_root

    with Session(services.db) as session:
        version = session.get(EmergencyVersion, version_id)
        assert version is not None
        texts = session.exec(
            select(EmergencyText).where(EmergencyText.version_id == version_id)
        ).all()
        messages = {
            text.language: message_from_json(text.message) for text in texts if text.message
        }
        emergency_id, number = version.emergency_id, version.number
    missing = voice_version(
        services,
        emergency_root(services.settings.resolved_site_dir),
        emergency_id,
        number,
        messages,
    )
    for language, reason in missing.items():
        log.info("emergency %s has no audio in %s: %s", emergency_id, language, reason)


def publish_emergency_output(services: Services) -> None:
    """Write what residents see of every emergency (pages, CAP feed) from the stored texts."""
    from publisher.site.emergency_output import write_emergency_output

    write_emergency_output(services)


def _finish(services: Services, version_id: int, error: str | None) -> None:
    with Session(services.db) as session:
        version = session.get(EmergencyVersion, version_id)
        assert version is not None
        if error is None:
            version.job_state, version.job_error = JobState.SUCCEEDED.value, None
        else:
            retry = version.job_attempts < MAX_ATTEMPTS
            version.job_state = (JobState.RETRYING if retry else JobState.FAILED).value
            version.job_error = error
        version.finished_at = utc_now()
        session.add(version)
        session.commit()

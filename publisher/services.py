"""The long-lived parts of a running Kakehashi, created lazily and shared by API and worker.

Nothing here does work at import time; the translation engine and the voice pool are created
on first use and then reused for the life of the process (loading models is the slow part).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine

from publisher.clock import SYSTEM_CLOCK, Clock
from publisher.database import make_engine, prepare_schema
from publisher.settings import Settings

if TYPE_CHECKING:
    from audio.cache import ClipCache
    from audio.engines.espeak_worker import EspeakPool
    from audio.workers import AudioWorkers
    from translations.engine import TranslationEngine


def default_translation_engine(settings: Settings) -> TranslationEngine:
    """The real engine: installed argos packages and converted models, decoded with
    CTranslate2, with the routes the city pinned."""
    from translations.engine import ArgosEngine
    from translations.models import configure_argos_environment

    configure_argos_environment(settings.argos_dir)
    return ArgosEngine(
        settings.argos_dir / "argos-packages",
        intra_threads=settings.translation_threads,
        beam_size=settings.translation_beam_size,
        compute_type=settings.translation_compute_type,
        models_dir=settings.models_dir,
        pins=settings.translation_routes,
    )


@dataclass
class Services:
    settings: Settings
    db: Engine
    translation_engine_factory: Callable[[Settings], TranslationEngine] = default_translation_engine
    clock: Clock = SYSTEM_CLOCK
    """Where the workflow, jobs, schedules and audit trail read the time (tests move it)."""
    _translator: TranslationEngine | None = field(default=None, init=False, repr=False)
    _pool: EspeakPool | None = field(default=None, init=False, repr=False)
    _audio_workers: AudioWorkers | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @classmethod
    def create(
        cls,
        settings: Settings,
        *,
        translation_engine_factory: Callable[[Settings], TranslationEngine] | None = None,
        clock: Clock | None = None,
    ) -> Services:
        settings.resolved_data_dir.mkdir(parents=True, exist_ok=True)
        db = make_engine(settings.resolved_database_url)
        try:
            # New: created. Old: SQLite upgraded after a backup, PostgreSQL refused.
            prepare_schema(db, backup_dir=settings.resolved_data_dir / "backups")
        except BaseException:
            db.dispose()
            raise
        return cls(
            settings=settings,
            db=db,
            translation_engine_factory=translation_engine_factory or default_translation_engine,
            clock=clock or SYSTEM_CLOCK,
        )

    @property
    def translator(self) -> TranslationEngine:
        with self._lock:
            if self._translator is None:
                self._translator = self.translation_engine_factory(self.settings)
            return self._translator

    @property
    def voice_pool(self) -> EspeakPool:
        from audio.engines.espeak_worker import EspeakPool

        with self._lock:
            if self._pool is None:
                self._pool = EspeakPool(workers=2)
                self._pool.__enter__()
            return self._pool

    @property
    def audio_workers(self) -> AudioWorkers:
        """Processes for Open JTalk and MP3 encoding, which hold the GIL (one per core, <= 4)."""
        from audio.workers import AudioWorkers

        with self._lock:
            if self._audio_workers is None:
                self._audio_workers = AudioWorkers(workers=min(os.cpu_count() or 2, 4))
            return self._audio_workers

    def clip_cache(self) -> ClipCache:
        from audio.cache import ClipCache

        return ClipCache(self.settings.clip_cache_dir)

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.__exit__(None, None, None)
                self._pool = None
            if self._audio_workers is not None:
                self._audio_workers.close()
                self._audio_workers = None
        self.db.dispose()

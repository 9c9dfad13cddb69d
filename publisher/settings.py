"""Typed, validated settings read from ``KAKEHASHI_*`` environment variables.

Every setting has a safe embedded default so that a newcomer can run the demo with no
configuration; ``environment=production`` refuses the defaults that are only safe on a laptop.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from translations.languages import LANGUAGES, UnknownLanguageError, get_language
from translations.statuses import RouteVia

SUPPORTED_LANGUAGES = tuple(LANGUAGES)
"""Language codes a deployment may publish (Kakehashi codes, not argos codes)."""

HAMAMATSU_LANGUAGES = ("en", "pt", "tl", "vi", "zh", "es", "ko", "id", "ne")


class Settings(BaseSettings):
    """All configuration of one Kakehashi deployment."""

    model_config = SettingsConfigDict(env_prefix="KAKEHASHI_", extra="ignore", frozen=True)

    environment: Literal["development", "production"] = "development"
    data_dir: Path = Field(default=Path("data"), description="Database, queue, media and models.")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default: SQLite file in the data folder."
    )
    site_dir: Path | None = Field(
        default=None, description="Published static site; default: <data_dir>/site."
    )
    base_url: str = Field(
        default="http://127.0.0.1:8000/", description="Absolute URL the site is served from."
    )
    site_page_size: int = Field(
        default=20, ge=5, le=200, description="Notices per page of each index and category."
    )
    build_workers: int = Field(
        default=0,
        ge=0,
        le=64,
        description="Processes for a full build of a large site; 0: one per core.",
    )
    readings_file: Path | None = Field(
        default=None,
        description="TOML file of furigana readings for proper names; default: "
        "<data_dir>/readings.toml (optional).",
    )
    city_name: str = "Kakehashi City"
    city_name_ja: str = "かけはし市"
    source_language: Literal["ja"] = "ja"
    target_languages: Annotated[tuple[str, ...], NoDecode] = HAMAMATSU_LANGUAGES
    queue_backend: Literal["sqlite", "redis"] = "sqlite"
    redis_url: str = "redis://127.0.0.1:6379/0"
    workers: int = Field(default=1, ge=1, le=16, description="Server processes for `serve`.")
    worker_threads: int = Field(default=1, ge=1, le=8)
    schedule_check_seconds: float = Field(
        default=5.0,
        gt=0,
        le=300,
        description="How often the worker looks for scheduled publishes and expiries that are "
        "due (it also looks when it starts).",
    )
    voice_fallbacks: Annotated[dict[str, str], NoDecode] = Field(default_factory=dict)
    max_body_bytes: int = Field(default=32_000, ge=1_000, le=1_000_000)
    max_request_bytes: int = Field(default=256_000, ge=10_000)
    max_upload_bytes: int = Field(
        default=10_500_000,
        ge=10_000,
        description="Largest upload (a Word file with its images) to the import endpoints.",
    )
    upload_read_timeout_seconds: float = Field(
        default=120, gt=0, le=3600, description="Time an upload has to arrive, then 408."
    )
    max_image_bytes: int = Field(
        default=15_000_000, ge=10_000, description="Largest image file staff may upload."
    )
    max_image_pixels: int = Field(
        default=50_000_000,
        ge=10_000,
        description="Most pixels an uploaded image may have (width × height); more is refused "
        "before it is decoded.",
    )
    max_segments: int = Field(
        default=400, ge=10, le=5_000, description="Most sentences one bulletin may have."
    )
    rate_limit_per_minute: int = Field(
        default=120, ge=1, description="Requests one API key may make per minute (then 429)."
    )
    failed_keys_per_minute: int = Field(
        default=20,
        ge=1,
        description="Requests with a wrong API key one client address may make per minute; "
        "after that, every request from it gets 429 until the minute has passed.",
    )
    body_read_timeout_seconds: float = Field(
        default=10.0,
        gt=0,
        le=300,
        description="Seconds a client has to send the whole body of a request (then 408).",
    )
    four_eyes: bool = Field(
        default=False, description="A revision must be approved by someone other than its author."
    )
    staff_session_idle_minutes: int = Field(
        default=30,
        ge=1,
        le=24 * 60,
        description="Minutes without a request after which a workspace sign-in ends.",
    )
    signin_delay_seconds: float = Field(
        default=1.0,
        ge=0,
        le=60,
        description="Wait after a wrong workspace password; it doubles with each further one.",
    )
    signin_failures_before_lock: int = Field(
        default=5, ge=2, le=50, description="Wrong passwords in a row that lock the account."
    )
    signin_lock_minutes: int = Field(
        default=15, ge=1, le=24 * 60, description="How long a locked account stays locked."
    )
    emergency_without_second_approver: bool = Field(
        default=False,
        description="With four-eyes on, an approver may still issue, update and lift an "
        "emergency notice alone (audited as such); off: a second approver approves it.",
    )
    cors_origins: Annotated[tuple[str, ...], NoDecode] = Field(
        default=(), description="Origins allowed to call the API from a browser; none by default."
    )
    translation_threads: int = Field(default=0, ge=0, le=64)
    translation_beam_size: int = Field(default=2, ge=1, le=8)
    translation_compute_type: Literal["int8", "int8_float32", "float32", "auto"] = "int8"
    translation_routes: Annotated[dict[str, RouteVia], NoDecode] = Field(
        default_factory=dict,
        description="Pin languages to a kind of route, e.g. `pt=pivot,vi=multilingual` "
        "(bilingual, multilingual or pivot); unpinned languages take the best installed.",
    )
    model_mirror_url: str | None = Field(
        default=None,
        description="Where `models download --model` fetches converted models from, instead "
        "of their public address (a city's own mirror: <url>/<model name>/<file>).",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)

    @field_validator("target_languages", mode="before")
    @classmethod
    def _split_languages(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(code.strip() for code in value.split(",") if code.strip())
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(origin.strip() for origin in value.split(",") if origin.strip())
        return value

    @field_validator("voice_fallbacks", mode="before")
    @classmethod
    def _parse_fallbacks(cls, value: object) -> object:
        """Accept ``tl=en,my=en`` so that a fallback is one explicit line of configuration."""
        if isinstance(value, str):
            pairs = (item.split("=", 1) for item in value.split(",") if item.strip())
            return {language.strip(): voice.strip() for language, voice in pairs}
        return value

    @field_validator("translation_routes", mode="before")
    @classmethod
    def _parse_routes(cls, value: object) -> object:
        """Accept ``pt=pivot,vi=multilingual``, one language per item."""
        if isinstance(value, str):
            pairs = (item.split("=", 1) for item in value.split(",") if item.strip())
            return {language.strip(): via.strip() for language, via in pairs}
        return value

    @field_validator("translation_routes")
    @classmethod
    def _known_route_languages(cls, value: dict[str, RouteVia]) -> dict[str, RouteVia]:
        try:
            return {get_language(code).code: via for code, via in value.items()}
        except UnknownLanguageError as error:
            raise ValueError(str(error)) from error

    @field_validator("target_languages")
    @classmethod
    def _known_languages(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [code for code in value if code not in SUPPORTED_LANGUAGES or code == "ja"]
        if unknown:
            raise ValueError(
                f"unsupported target languages {unknown}; choose from "
                f"{', '.join(c for c in SUPPORTED_LANGUAGES if c != 'ja')}"
            )
        if len(set(value)) != len(value):
            raise ValueError("target languages contain duplicates")
        return value

    @field_validator("base_url")
    @classmethod
    def _absolute_base_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("base_url must be an absolute http(s) URL")
        return value if value.endswith("/") else value + "/"

    @model_validator(mode="after")
    def _refuse_laptop_defaults_in_production(self) -> Settings:
        if self.environment == "production" and "127.0.0.1" in self.base_url:
            raise ValueError("KAKEHASHI_BASE_URL must be the public URL in production")
        return self

    @model_validator(mode="after")
    def _keep_previews_out_of_the_site(self) -> Settings:
        site, previews = self.resolved_site_dir.resolve(), self.preview_dir.resolve()
        if previews.is_relative_to(site) or site.is_relative_to(previews):
            raise ValueError(
                f"the site folder ({site}) must not contain, or be inside, the private preview "
                f"folder ({previews}): choose another KAKEHASHI_SITE_DIR"
            )
        return self

    @property
    def resolved_data_dir(self) -> Path:
        return self.data_dir.resolve()

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.resolved_data_dir / 'kakehashi.db'}"

    @property
    def resolved_site_dir(self) -> Path:
        return (self.site_dir or self.resolved_data_dir / "site").absolute()

    @property
    def resolved_readings_file(self) -> Path:
        """Readings the city registered for proper names (place and facility names)."""
        return self.readings_file or self.resolved_data_dir / "readings.toml"

    @property
    def media_dir(self) -> Path:
        """Audio and captions made by the pipeline; the site builder links them into the site."""
        return self.resolved_data_dir / "media"

    @property
    def preview_dir(self) -> Path:
        """Previews of revisions under review (pages, audio): private, beside the site and
        never inside it; only signed-in staff reach them, through the API."""
        return self.resolved_data_dir / "preview"

    @property
    def argos_dir(self) -> Path:
        return self.resolved_data_dir / "argos"

    @property
    def models_dir(self) -> Path:
        """Converted models (M2M-100, NLLB-200, OPUS-MT), one folder each."""
        return self.resolved_data_dir / "models"

    @property
    def queue_path(self) -> Path:
        return self.resolved_data_dir / "queue.sqlite3"

    @property
    def clip_cache_dir(self) -> Path:
        return self.resolved_data_dir / "cache" / "clips"

    @property
    def published_languages(self) -> tuple[str, ...]:
        """The source language first, then the configured targets."""
        return (self.source_language, *self.target_languages)

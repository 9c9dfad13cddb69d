"""Request and response bodies of the HTTP API (separate from the tables on purpose)."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from publisher.settings import SUPPORTED_LANGUAGES

MAX_TITLE_CHARS = 200
MAX_CONTACT_CHARS = 500
MAX_LANGUAGES = len(SUPPORTED_LANGUAGES)

_ALLOWED_CONTROLS = {"\n", "\t", "\r"}


def _clean_text(value: str) -> str:
    """Refuse control characters and unpaired surrogates; normalise line endings and NFC."""
    for char in value:
        if unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS:
            raise ValueError(f"control character U+{ord(char):04X} is not allowed")
        if unicodedata.category(char) == "Cs":
            raise ValueError("text contains an invalid (surrogate) character")
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


def _single_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("must be a single line")
    return value


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise ValueError("must include a time zone, e.g. 2026-12-01T09:00:00+09:00")
    return value


def _known_languages(value: list[str] | None) -> list[str] | None:
    if value is None:
        return None
    unknown = [code for code in value if code not in SUPPORTED_LANGUAGES or code == "ja"]
    if unknown:
        supported = ", ".join(code for code in SUPPORTED_LANGUAGES if code != "ja")
        raise ValueError(f"unsupported language codes {unknown}; supported: {supported}")
    return list(dict.fromkeys(value))


Title = Annotated[
    str,
    Field(max_length=MAX_TITLE_CHARS, description="Plain text, one line."),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_non_blank),
]
Body = Annotated[
    str,
    Field(description="Markdown: headings, paragraphs, lists, links. Raw HTML is shown as text."),
    AfterValidator(_clean_text),
    AfterValidator(_non_blank),
]
Category = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{0,31}$", examples=["health"])]
Contact = Annotated[
    str,
    Field(max_length=MAX_CONTACT_CHARS),
    AfterValidator(_clean_text),
    AfterValidator(_non_blank),
]
Languages = Annotated[
    list[str] | None,
    Field(max_length=MAX_LANGUAGES, description="Target languages; default: all configured."),
    AfterValidator(_known_languages),
]
Moment = Annotated[datetime | None, AfterValidator(_aware)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BulletinCreate(_Strict):
    title: Title
    body: Body
    category: Category
    contact: Contact | None = None
    languages: Languages = None
    publish_at: Moment = None
    expires_at: Moment = None

    @model_validator(mode="after")
    def _expires_after_publish(self) -> BulletinCreate:
        if self.publish_at and self.expires_at and self.expires_at <= self.publish_at:
            raise ValueError("expires_at must be later than publish_at")
        return self


class BulletinUpdate(_Strict):
    """Every field optional; text fields make a new revision, the others change the bulletin."""

    title: Title | None = None
    body: Body | None = None
    category: Category | None = None
    contact: Contact | None = None
    languages: Languages = None
    publish_at: Moment = None
    expires_at: Moment = None

    @model_validator(mode="after")
    def _not_empty(self) -> BulletinUpdate:
        if not self.model_fields_set:
            raise ValueError("give at least one field to change")
        return self


class LanguageVersionPublic(BaseModel):
    language: str
    status: str = Field(description="published, missing_model, failed or pending")
    translation: str = Field(
        description="source, machine, human_corrected, flagged or missing",
    )
    revision: int | None
    route: str | None = None
    page_url: str | None = None
    audio_url: str | None = None
    captions_url: str | None = None
    audio_seconds: float | None = None
    voice: str | None = None
    voice_substitute_for: str | None = None
    flags: list[str] = []
    detail: str | None = None


class BulletinPublic(BaseModel):
    id: int
    state: str
    category: str
    title: str
    body: str
    contact: str | None
    languages: list[str]
    publish_at: datetime | None
    expires_at: datetime | None
    current_revision: int
    published_revision: int | None
    published_at: datetime | None
    created_by: str
    created_at: datetime
    updated_at: datetime
    versions: list[LanguageVersionPublic]


class BulletinSummary(BaseModel):
    id: int
    state: str
    category: str
    title: str
    current_revision: int
    published_revision: int | None
    updated_at: datetime


class RevisionPublic(BaseModel):
    number: int
    title: str
    body: str
    contact: str | None
    author: str
    created_at: datetime


class JobAccepted(BaseModel):
    job_id: str
    status_url: str


class JobPublic(BaseModel):
    id: str
    bulletin_id: int
    revision: int
    kind: str
    state: str
    progress: dict[str, Any]
    error: str | None
    requested_by: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

"""Request and response bodies of the HTTP API (separate from the tables on purpose)."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    model_validator,
)

from publisher.outcomes import LanguageOutcome
from publisher.settings import SUPPORTED_LANGUAGES
from publisher.site import paths
from publisher.statuses import (
    ImageKind,
    LanguageStatus,
    PreviewStatus,
    ScheduleState,
    TextVersion,
)
from translations.statuses import RouteVia, TranslationStatus

MAX_TITLE_CHARS = 200
MAX_CONTACT_CHARS = 500
MAX_LANGUAGES = len(SUPPORTED_LANGUAGES)

_ALLOWED_CONTROLS = {"\n", "\t", "\r"}
_BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
_ZERO_WIDTH = frozenset("\u200b\u2060\ufeff")
_JOINERS = frozenset("\u200c\u200d")
"""Zero-width (non-)joiners: invisible in a Japanese title, but needed to spell some words in
Nepali and other Indic scripts, so translated text may keep them."""
EARLIEST_YEAR = 2000
LATEST_YEAR = 2099
EXPIRES_BEFORE_PUBLISH = "expires_at must be later than publish_at"


def _is_non_character(char: str) -> bool:
    """U+FDD0-U+FDEF and the last two code points of every plane (U+FFFE, U+10FFFF...)."""
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _clean_text(value: str) -> str:
    """Refuse what no output can carry; normalise line endings and NFC.

    Control characters, unpaired surrogates and Unicode non-characters make XML feeds,
    captions or the database reject the text later, far from the person who typed it.
    """
    for char in value:
        category = unicodedata.category(char)
        if category == "Cc" and char not in _ALLOWED_CONTROLS:
            raise ValueError(f"control character U+{ord(char):04X} is not allowed")
        if category == "Cs":
            raise ValueError("text contains an invalid (surrogate) character")
        if _is_non_character(char):
            raise ValueError(f"U+{ord(char):04X} is a Unicode non-character and is not allowed")
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))


def _refuse_invisible(value: str, allowed: frozenset[str]) -> str:
    for char in value:
        if char in _BIDI_CONTROLS:
            raise ValueError(
                f"U+{ord(char):04X} (a right-to-left or bidirectional control) is not allowed: "
                "it can reorder how the text is shown"
            )
        if (char in _ZERO_WIDTH or char in _JOINERS) and char not in allowed:
            raise ValueError(
                f"U+{ord(char):04X} (an invisible zero-width character) is not allowed: "
                "it hides differences between texts that look the same"
            )
    return value


def _visible(value: str) -> str:
    """Single-line Japanese text (titles, terms, names): no invisible or reordering controls."""
    return _refuse_invisible(value, frozenset())


def _visible_translation(value: str) -> str:
    """Single-line translated text: as :func:`_visible`, but joiners are part of some scripts."""
    return _refuse_invisible(value, _JOINERS)


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


def _sane_moment(value: datetime | None) -> datetime | None:
    """Years far away overflow when converted to UTC; no notice is meant for them anyway."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValueError(f"must be a date between {EARLIEST_YEAR} and {LATEST_YEAR}")
    return value


def _in_utc(value: datetime | None) -> datetime | None:
    """Stored in UTC: SQLite keeps a time's digits but not its zone."""
    return value.astimezone(UTC) if value is not None else None


def _text_or_none(value: object) -> object:
    """Times must be written as ISO 8601 text; a bare number is refused, not guessed."""
    if value is not None and not isinstance(value, str | datetime):
        raise ValueError("must be an ISO 8601 date-time string")
    return value


def _known_languages(value: list[str] | None) -> list[str] | None:
    if value is None:
        return None
    unknown = [code for code in value if code not in SUPPORTED_LANGUAGES or code == "ja"]
    if unknown:
        supported = ", ".join(code for code in SUPPORTED_LANGUAGES if code != "ja")
        raise ValueError(f"unsupported language codes {unknown}; supported: {supported}")
    return list(dict.fromkeys(value))


# The patterns only document in the schema what the validators below enforce (no control
# characters or non-characters, at least one visible character, and in single lines no
# invisible or reordering controls); the validators give staff the clearer reason.
_NEVER = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
_INVISIBLE = r"\u200b-\u200d\u2060\u202a-\u202e\u2066-\u2069\ufeff"
_TRANSLATED_INVISIBLE = r"\u200b\u2060\u202a-\u202e\u2066-\u2069\ufeff"
_TEXT = rf"^[^{_NEVER}]*[^\s{_NEVER}][^{_NEVER}]*$"


def _line_pattern(invisible: str) -> str:
    allowed = rf"[^\n\t\r{_NEVER}{invisible}]"
    return rf"^{allowed}*[^\s{_NEVER}{invisible}]{allowed}*$"


_LINE = _line_pattern(_INVISIBLE)
_TRANSLATED_LINE = _line_pattern(_TRANSLATED_INVISIBLE)

Title = Annotated[
    str,
    Field(
        max_length=MAX_TITLE_CHARS,
        json_schema_extra={"pattern": _LINE},
        description="Plain text, one line.",
    ),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_visible),
    AfterValidator(_non_blank),
]
Body = Annotated[
    str,
    Field(
        json_schema_extra={"pattern": _TEXT},
        description="Markdown: headings, paragraphs, lists, links. Raw HTML is shown as text.",
    ),
    AfterValidator(_clean_text),
    AfterValidator(_non_blank),
]
Category = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{0,31}$", examples=["health"])]
Contact = Annotated[
    str,
    Field(max_length=MAX_CONTACT_CHARS, json_schema_extra={"pattern": _TEXT}),
    AfterValidator(_clean_text),
    AfterValidator(_non_blank),
]
Languages = Annotated[
    list[str] | None,
    Field(
        max_length=MAX_LANGUAGES,
        description="Target languages; default: all configured.",
        json_schema_extra={"items": {"enum": [c for c in SUPPORTED_LANGUAGES if c != "ja"]}},
    ),
    AfterValidator(_known_languages),
]
Moment = Annotated[
    datetime | None,
    BeforeValidator(_text_or_none),
    AfterValidator(_aware),
    AfterValidator(_sane_moment),
    AfterValidator(_in_utc),
]
PublishAt = Annotated[
    Moment,
    Field(
        description="When the approved revision goes online (ISO 8601 with a time zone). "
        "Approving a revision whose time is ahead schedules its publish; until then nothing "
        "of it is public. Null or left out: it goes online when it is published. Reviewed "
        "with the text."
    ),
]
ExpiresAt = Annotated[
    Moment,
    Field(
        description="When its pages come down, as a retract takes them (the address then says "
        "the notice's publication period ended); the record stays. Later than publish_at. "
        "Null or left out: never. Reviewed with the text."
    ),
]
FlaggedPolicy = Annotated[
    Literal["publish_with_note", "hold_for_review"],
    Field(
        description="A language with flagged sentences: publish it with a visible 'may contain"
        " errors' note (default), or hold it back until staff correct the flagged sentences."
    ),
]


TranslationSource = Annotated[
    TextVersion,
    Field(
        description="Which Japanese text the machine translations are made from: the original"
        " (default), or the easy-Japanese version (needs easy_body; short, plain sentences"
        " translate better)."
    ),
]
EasyTitle = Annotated[
    Title,
    Field(description="Title of the easy-Japanese (やさしい日本語) version; needs easy_body."),
]
EasyBody = Annotated[
    Body,
    Field(
        description="The easy-Japanese (やさしい日本語) version of the body, written by staff:"
        " Markdown like the body, reviewed with the revision."
    ),
]
EASY_TITLE_WITHOUT_BODY = "easy_title needs easy_body: an easy version has a body"
EASY_SOURCE_WITHOUT_BODY = "translation_source easy needs easy_body: there is no easy text"


def easy_text_problem(fields: dict[str, Any]) -> tuple[str, str] | None:
    """The field and reason when a revision's easy-Japanese fields do not fit together."""
    if fields.get("easy_body") is None:
        if fields.get("easy_title") is not None:
            return "easy_title", EASY_TITLE_WITHOUT_BODY
        if fields.get("translation_source") == TextVersion.EASY:
            return "translation_source", EASY_SOURCE_WITHOUT_BODY
    return None


def _not_null(schema: dict[str, Any]) -> None:
    """Document an optional field without ``null``: leaving it out is the only way to skip it."""
    options = schema.pop("anyOf")
    schema.update(next(option for option in options if option.get("type") != "null"))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BulletinCreate(_Strict):
    title: Title
    body: Body
    category: Category
    contact: Contact | None = None
    languages: Languages = None
    flagged_policy: FlaggedPolicy = "publish_with_note"
    easy_title: EasyTitle | None = None
    easy_body: EasyBody | None = None
    translation_source: TranslationSource = TextVersion.ORIGINAL
    publish_at: PublishAt = None
    expires_at: ExpiresAt = None

    @model_validator(mode="after")
    def _expires_after_publish(self) -> BulletinCreate:
        if self.publish_at and self.expires_at and self.expires_at <= self.publish_at:
            raise ValueError(EXPIRES_BEFORE_PUBLISH)
        problem = easy_text_problem(self.model_dump())
        if problem:
            raise ValueError(problem[1])
        return self


class BulletinUpdate(_Strict):
    """Every field optional; text fields make a new revision, the others change the bulletin."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1})

    # ``None`` is only the "not given" marker for these: sending null is refused. (Not
    # ``SkipJsonSchema[None]``: that makes a union, whose errors name the branch, not the field.)
    title: Title | None = Field(default=None, json_schema_extra=_not_null)
    body: Body | None = Field(default=None, json_schema_extra=_not_null)
    category: Category | None = Field(default=None, json_schema_extra=_not_null)
    contact: Contact | None = Field(default=None, description="null removes the contact line.")
    languages: Languages = None
    flagged_policy: FlaggedPolicy = "publish_with_note"  # changed only when given
    easy_title: EasyTitle | None = Field(
        default=None, description="null: the easy version keeps the original's title."
    )
    easy_body: EasyBody | None = Field(
        default=None, description="null removes the easy-Japanese version."
    )
    translation_source: TranslationSource = TextVersion.ORIGINAL  # changed only when given
    publish_at: PublishAt = Field(default=None, description="null removes the publish time.")
    expires_at: ExpiresAt = Field(default=None, description="null removes the expiry time.")

    @model_validator(mode="after")
    def _expires_after_publish(self) -> BulletinUpdate:
        if self.publish_at and self.expires_at and self.expires_at <= self.publish_at:
            raise ValueError(EXPIRES_BEFORE_PUBLISH)
        return self

    @model_validator(mode="after")
    def _not_empty(self) -> BulletinUpdate:
        if not self.model_fields_set:
            raise ValueError("give at least one field to change")
        for name in ("title", "body", "category", "translation_source"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null; leave it out to keep it")
        return self


class ModelUsedPublic(BaseModel):
    """One model a language version went through (one per step of its route)."""

    family: str
    name: str
    version: str
    license: str
    from_: str = Field(alias="from", serialization_alias="from")
    to: str

    model_config = {"populate_by_name": True}


class LanguageVersionPublic(BaseModel):
    """A language version as the API shows it: the job's outcome, and where it is online."""

    language: str
    status: LanguageStatus
    translation: TranslationStatus
    revision: int | None
    route: RouteVia | None = None
    models: list[ModelUsedPublic] = []
    page_url: str | None = None
    audio_url: str | None = None
    captions_url: str | None = None
    audio_seconds: float | None = None
    voice: str | None = None
    voice_substitute_for: str | None = None
    flags: list[str] = []
    detail: str | None = None
    translated_from: TextVersion | None = Field(
        default=None,
        description="The Japanese text this translation was made from: original or easy.",
    )

    @classmethod
    def of(
        cls, outcome: LanguageOutcome, *, revision: int | None, page: str | None = None
    ) -> LanguageVersionPublic:
        """From the outcome; ``page`` is the absolute URL of its page when it is online."""
        return cls(
            **outcome.columns(),
            revision=revision,
            page_url=page,
            audio_url=page + paths.AUDIO_FILE if page and outcome.audio_file else None,
            captions_url=page + paths.CAPTIONS_FILE if page and outcome.captions_file else None,
        )


MAX_ALT_CHARS = 500
_JAPANESE_CHARS = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f"
_JAPANESE = re.compile(rf"[{_JAPANESE_CHARS}]")
_ALT_LINE = rf"^[^\n\t\r{_NEVER}{_INVISIBLE}]*[{_JAPANESE_CHARS}][^\n\t\r{_NEVER}{_INVISIBLE}]*$"
"""One line, as titles are, with at least one kana or kanji."""


def _japanese(value: str) -> str:
    """Alt text is written in Japanese, like the body: it is translated from Japanese."""
    if not _JAPANESE.search(value):
        raise ValueError("write the alt text in Japanese (it is translated like the body)")
    return value


AltText = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_ALT_CHARS,
        json_schema_extra={"pattern": _ALT_LINE},
        description="What the image shows or says, in Japanese, one line; translated into "
        "every language and read aloud.",
    ),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_visible),
    AfterValidator(_non_blank),
    AfterValidator(_japanese),
]


class ImageUpdate(_Strict):
    """A change to an image: a new revision that needs approval again."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1})

    # Leaving a field out keeps it; null is refused (as for bulletins).
    alt: AltText | None = Field(default=None, json_schema_extra=_not_null)
    kind: ImageKind | None = Field(default=None, json_schema_extra=_not_null)

    @model_validator(mode="after")
    def _not_empty(self) -> ImageUpdate:
        if self.alt is None and self.kind is None:
            raise ValueError("give alt or kind to change")
        return self


class RenditionPublic(BaseModel):
    url: str
    """Where staff can see it (the API serves it): ``GET .../images/{id}/files/{width}``."""
    width: int
    height: int


class ImageWarningPublic(BaseModel):
    """Something to fix that never blocks: a flyer whose information is not in the text."""

    image_id: int
    code: str
    message: str
    facts: list[str] = []


class ImagePublic(BaseModel):
    image_id: int
    revision: int
    kind: ImageKind
    alt: str
    markdown: str
    """What to write in the body to place it (a paragraph of its own); unplaced images
    follow the body."""
    media_type: str
    width: int
    height: int
    renditions: list[RenditionPublic]
    original_name: str | None = None
    warnings: list[ImageWarningPublic] = []


class SchedulePublic(BaseModel):
    """Where a bulletin's schedule stands (beside the working revision's publish_at/expires_at)."""

    schedule: ScheduleState | None = Field(
        default=None,
        description="scheduled: an approved revision waits for its publish time; expired: its "
        "pages came down at their expiry time (the record stays); null: neither.",
    )
    scheduled_publish_at: datetime | None = Field(
        default=None, description="When the waiting publish runs (the approved publish_at)."
    )
    live_expires_at: datetime | None = Field(
        default=None, description="When the live revision's pages come down, if it expires."
    )


class BulletinPublic(SchedulePublic):
    id: int
    state: str
    category: str
    title: str
    body: str
    contact: str | None
    languages: list[str]
    publish_at: datetime | None = Field(description="The working revision's publish time.")
    expires_at: datetime | None = Field(description="The working revision's expiry time.")
    current_revision: int
    published_revision: int | None
    published_at: datetime | None
    created_by: str
    created_at: datetime
    updated_at: datetime
    flagged_policy: str = "publish_with_note"
    easy_title: str | None = None
    easy_body: str | None = None
    translation_source: TextVersion = TextVersion.ORIGINAL
    versions: list[LanguageVersionPublic]
    images: list[ImagePublic] = []
    """The working revision's images, in their order."""
    warnings: list[ImageWarningPublic] = []
    """What to fix before submitting; never blocks (today: flyers not repeated in the text)."""


class BulletinSummary(SchedulePublic):
    id: int
    state: str
    category: str
    title: str
    current_revision: int
    published_revision: int | None
    updated_at: datetime
    publish_at: datetime | None = None
    expires_at: datetime | None = None


class RevisionPublic(BaseModel):
    number: int
    title: str
    body: str
    contact: str | None
    easy_title: str | None = None
    easy_body: str | None = None
    translation_source: TextVersion = TextVersion.ORIGINAL
    publish_at: datetime | None = None
    expires_at: datetime | None = None
    author: str
    created_at: datetime


class JobAccepted(BaseModel):
    job_id: str
    status_url: str
    scheduled_for: datetime | None = Field(
        default=None,
        description="Set when the revision's publish time is ahead: the job waits (state "
        "scheduled) and runs then.",
    )


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
    run_at: datetime | None = Field(
        default=None, description="A scheduled job's time: it does not run before."
    )


def _target_language(code: str) -> str:
    checked = _known_languages([code])
    assert checked is not None
    return checked[0]


GlossaryLanguage = Annotated[
    str,
    Field(
        description="Target language code, e.g. en",
        examples=["en"],
        json_schema_extra={"enum": [c for c in SUPPORTED_LANGUAGES if c != "ja"]},
    ),
    AfterValidator(_target_language),
]
SourceTerm = Annotated[
    str,
    Field(min_length=1, max_length=200, json_schema_extra={"pattern": _LINE}),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_visible),
    AfterValidator(_non_blank),
]
Term = Annotated[
    str,
    Field(min_length=1, max_length=200, json_schema_extra={"pattern": _TRANSLATED_LINE}),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_visible_translation),
    AfterValidator(_non_blank),
]
Note = Annotated[
    str, Field(max_length=500, description="Plain text for staff."), AfterValidator(_clean_text)
]
KeyName = Annotated[
    str,
    Field(min_length=1, max_length=100, json_schema_extra={"pattern": _LINE}),
    AfterValidator(_clean_text),
    AfterValidator(_single_line),
    AfterValidator(_visible),
    AfterValidator(_non_blank),
]


class GlossaryTermCreate(_Strict):
    """A Japanese term and its required translation in one language, or ``keep`` as is."""

    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [
                {
                    "required": ["translation"],
                    "properties": {"keep": {"const": False}, "translation": {"type": "string"}},
                },
                {
                    "required": ["keep"],
                    "properties": {"keep": {"const": True}, "translation": {"type": "null"}},
                },
            ]
        }
    )

    language: GlossaryLanguage
    source: SourceTerm = Field(
        description="The Japanese term, e.g. 避難指示", examples=["避難指示"]
    )
    translation: Term | None = Field(
        default=None, description="Required translation; omit with keep=true to keep as is."
    )
    keep: StrictBool = Field(default=False, description="Keep the Japanese term as is.")
    note: Note | None = None

    @model_validator(mode="after")
    def _translation_or_keep(self) -> GlossaryTermCreate:
        if self.keep == (self.translation is not None):
            raise ValueError("give either a translation or keep=true, not both")
        return self


class GlossaryTermUpdate(_Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "minProperties": 1,
            "not": {
                "required": ["keep", "translation"],
                "properties": {"keep": {"const": True}, "translation": {"type": "string"}},
            },
        }
    )

    translation: Term | None = None
    keep: StrictBool | None = None
    note: Note | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> GlossaryTermUpdate:
        if not self.model_fields_set:
            raise ValueError("give at least one field to change")
        if self.keep and self.translation is not None:
            raise ValueError("give either a translation or keep=true, not both")
        return self


class GlossaryTermPublic(BaseModel):
    id: int
    language: str
    source: str
    translation: str | None
    keep: bool
    note: str | None
    created_by: str
    created_at: datetime
    updated_at: datetime


class AppliedTermPublic(BaseModel):
    source: str
    translation: str
    keep: bool


class SegmentTranslationPublic(BaseModel):
    """One sentence beside its Japanese source, with where the translation came from."""

    segment_id: str
    position: int
    source: str = Field(description="The Japanese sentence as readers see it.")
    text: str = Field(description="The translation as readers see it (dates in their format).")
    masked_source: str = Field(description="The Japanese with [n] for protected items.")
    masked_text: str = Field(description="The stored translation with [n] placeholders.")
    origin: str = Field(description="machine, human or template")
    engine: str
    model_version: str
    reused: bool = Field(description="Taken from translation memory rather than decoded now.")
    flags: list[str]
    glossary_terms: list[AppliedTermPublic]
    corrected_by: str | None = None
    corrected_at: datetime | None = None
    machine_text: str | None = Field(
        default=None, description="What the machine said before a human correction."
    )


class LanguageTranslationPublic(BaseModel):
    bulletin_id: int
    language: str
    revision: int
    status: str
    translation: str
    flagged_policy: str
    flags: list[str]
    translated_from: TextVersion | None = Field(
        default=None, description="The Japanese text the sentences were translated from."
    )
    segments: list[SegmentTranslationPublic]


class SegmentCorrection(_Strict):
    """The corrected sentence as plain text, written as the page shows it.

    Every protected item of the sentence (phone number, date, URL, link text...) must still be
    in it, written as the page shows it, as the Japanese has it, or as its ``[n]`` placeholder.
    """

    text: Annotated[
        str,
        Field(min_length=1, max_length=2000, json_schema_extra={"pattern": _TRANSLATED_LINE}),
        AfterValidator(_clean_text),
        AfterValidator(_single_line),
        AfterValidator(_visible_translation),
        AfterValidator(_non_blank),
    ]


class CorrectionAccepted(BaseModel):
    segment: SegmentTranslationPublic
    job_id: str
    status_url: str


class FindingPublic(BaseModel):
    """One easy-Japanese rule broken by one sentence."""

    sentence: int = Field(description="The sentence's index in reading order (0: the title).")
    text: str = Field(description="The sentence as readers see it.")
    rule: str = Field(description="The rule's id, e.g. sentence-length, honorific.")
    match: str = Field(description="What in the sentence breaks the rule, as written.")
    hint: str = Field(description="What to do, in the language asked for (hints=en|ja).")


class TextReadabilityPublic(BaseModel):
    """How easy one Japanese text of a revision reads."""

    sentences: int
    score: float | None = Field(
        description="jreadability (Lee and Hasebe): higher is easier, about 0.5 to 6.5."
    )
    band: str | None = Field(description="upper-advanced ... lower-elementary")
    counts: dict[str, int] = Field(description="Findings per rule id.")
    findings: list[FindingPublic]


class ReadabilityPublic(BaseModel):
    """The original and the easy-Japanese version of one revision, side by side."""

    bulletin_id: int
    revision: int
    translation_source: TextVersion
    original: TextReadabilityPublic
    easy: TextReadabilityPublic | None = Field(
        description="None when the revision has no easy-Japanese version."
    )


class CheckRequest(_Strict):
    """A text to check before it is saved: the title (if written yet) and Markdown body."""

    title: Title | None = None
    body: Body


class CheckLocationPublic(BaseModel):
    """Where a finding is: a span of one sentence, numbered as the page and translations are."""

    part: Literal["title", "body"]
    block: int | None = Field(description="The body's block (heading, paragraph, list item).")
    sentence: int = Field(description="The sentence's index in its block.")
    index: int = Field(description="The sentence's index in reading order (0: the title).")
    start: int = Field(description="Where the span starts in text (characters).")
    end: int = Field(description="Where the span ends in text (characters, exclusive).")
    text: str = Field(description="The sentence as readers see it.")


class CheckFindingPublic(BaseModel):
    code: str = Field(description="What it is about, e.g. vague-link-text, long-sentence.")
    category: Literal["accessibility", "machine-translation"]
    severity: Literal["warning"] = Field(description="Always a warning: checks never block.")
    location: CheckLocationPublic
    details: dict[str, str | int | float | list[str]] = Field(
        description="The particulars the hint is written from (what was found, limits...)."
    )
    hint: str = Field(description="What to do, in the language asked for (lang=ja|en).")


class CheckScorePublic(BaseModel):
    score: float | None = Field(
        description="jreadability (Lee and Hasebe): higher is easier, about 0.5 to 6.5."
    )
    band: str | None = Field(description="upper-advanced ... lower-elementary")
    band_label: str | None = Field(description="The band, in the language asked for.")
    kanji_ratio: float = Field(description="Kanji among the visible characters, 0 to 1.")


class SentenceScorePublic(BaseModel):
    location: CheckLocationPublic
    score: CheckScorePublic


class CheckReportPublic(BaseModel):
    """The findings of the checks before submitting, and how easy the text reads."""

    bulletin_id: int | None = None
    revision: int | None = None
    language: Literal["ja", "en"] = Field(description="The language of the hints.")
    counts: dict[str, int] = Field(description="Findings per code.")
    findings: list[CheckFindingPublic]
    readability: CheckScorePublic
    sentences: list[SentenceScorePublic]


class ImportedImagePublic(BaseModel):
    name: str = Field(description="How the body refers to it: ![alt](name).")
    alt: str = Field(description="Its alternative text in the document ('' when it had none).")
    content_type: str
    size: int = Field(description="Bytes.")
    data: str = Field(description="The image itself, base64-encoded (nothing is stored).")


class ImportMessagePublic(BaseModel):
    code: str = Field(description="What was dropped or changed, e.g. text-boxes-dropped.")
    details: dict[str, str | int]
    text: str = Field(description="The message, in the language asked for (lang=ja|en).")


class ImportedDocumentPublic(BaseModel):
    """A Word file read as a bulletin, for the bulletin form; nothing is stored."""

    title: str = Field(description="The document's title ('' when it has none).")
    body: str = Field(description="Markdown, as the bulletin body takes it.")
    images: list[ImportedImagePublic]
    messages: list[ImportMessagePublic]


class PreviewLanguagePublic(LanguageVersionPublic):
    """One language of a preview: the outcome a publish would record (``status``), what the
    approver should look at first (``preview``), and every sentence, flagged ones first.

    ``page_url``, ``audio_url`` and ``captions_url`` are private: they answer signed-in staff
    only, and are never part of the public site."""

    preview: PreviewStatus
    flagged_sentences: int = Field(description="How many sentences carry a flag.")
    segments: list[SegmentTranslationPublic] = Field(
        description="Each sentence beside its Japanese source (Japanese | translation | flags "
        "| glossary terms), flagged sentences first, then in reading order."
    )


class PreviewPublic(BaseModel):
    """The preview of a bulletin's revision under review, language by language."""

    bulletin_id: int
    state: str
    revision: int = Field(description="The revision previewed.")
    current: bool = Field(
        description="Whether it is the working revision (false: an older revision's preview "
        "while the working revision's is made or was never asked for)."
    )
    flagged_policy: str
    job: JobPublic | None = Field(description="The latest preview job of the working revision.")
    languages: list[PreviewLanguagePublic]

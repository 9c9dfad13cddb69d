"""One model for a language's outcome: the table, the job's progress and the API agree with it."""

from __future__ import annotations

from publisher.outcomes import FIELDS, LanguageOutcome
from publisher.schemas import LanguageVersionPublic
from publisher.statuses import LanguageStatus, TextVersion
from publisher.tables import LanguageVersion, PreviewVersion
from translations.statuses import TranslationStatus

OUTCOME = LanguageOutcome(
    "pt",
    LanguageStatus.PUBLISHED,
    TranslationStatus.FLAGGED,
    route="pivot",
    models=(
        {
            "family": "argos",
            "name": "ja_en",
            "version": "1.9",
            "license": "",
            "from": "ja",
            "to": "en",
        },
        {
            "family": "marian",
            "name": "opus-mt-en-pt",
            "version": "1.0",
            "license": "CC-BY-4.0",
            "from": "en",
            "to": "pt",
        },
    ),
    voice="espeak pt-br",
    audio_file="3/r2/pt.mp3",
    captions_file="3/r2/pt.vtt",
    audio_seconds=12.5,
    flags=("length_ratio",),
    detail=None,
    translated_from=TextVersion.EASY,
)


def test_the_table_has_a_column_for_every_field_and_reads_back_the_same() -> None:
    assert set(FIELDS) <= set(LanguageVersion.model_fields)
    row = LanguageVersion(bulletin_id=3, revision=2, **OUTCOME.columns())
    assert LanguageOutcome.of_row(row) == OUTCOME


def test_a_preview_row_has_the_same_columns_and_reads_back_the_same() -> None:
    shared = set(PreviewVersion.model_fields) - {"job_id"}
    assert shared == set(LanguageVersion.model_fields)
    row = PreviewVersion(bulletin_id=3, revision=2, job_id="j", **OUTCOME.columns())
    assert LanguageOutcome.of_row(row) == OUTCOME


def test_the_api_and_the_progress_show_the_outcome() -> None:
    page = "https://city.example/pt/bulletins/3/"
    public = LanguageVersionPublic.of(OUTCOME, revision=2, page=page)
    assert public.status == LanguageStatus.PUBLISHED and public.flags == ["length_ratio"]
    assert public.audio_url == page + "audio.mp3"
    assert public.captions_url == page + "captions.vtt"
    assert public.translated_from == TextVersion.EASY
    assert public.route == "pivot"
    assert public.model_dump(by_alias=True)["models"][1] == OUTCOME.models[1]
    assert OUTCOME.progress() == {
        "status": "published",
        "translation": "flagged",
        "route": "pivot",
        "models": list(OUTCOME.models),
        "audio_seconds": 12.5,
        "flags": ["length_ratio"],
        "translated_from": "easy",
    }

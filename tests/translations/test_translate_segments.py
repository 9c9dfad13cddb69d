from __future__ import annotations

from collections.abc import Mapping, Sequence

from tests.support.fake_engine import FakeEngine
from translations.document import Segment, TokenPiece
from translations.pipeline import needs_translation, translate_segments
from translations.restore import plain_text
from translations.routes import Route
from translations.segmenter import segment_markdown, segment_title

BODY = (
    "大雨のため避難所を開設しました。\n\n"
    "電話 053-000-0110 までお問い合わせください。\n\n"
    "大雨のため避難所を開設しました。\n\n"
    "- 053-000-1234\n"
)


def all_segments() -> list[Segment]:
    return [segment_title("避難所の開設")] + [
        segment for block in segment_markdown(BODY) for segment in block.segments
    ]


def test_one_batched_call_per_document() -> None:
    engine = FakeEngine()
    segments = all_segments()
    results = translate_segments(segments, "ja", "pt", engine)
    # title + 2 distinct sentences; the repeated one and the number-only item are not sent.
    assert engine.calls == [("ja", "pt", 3)]
    assert [result.segment_id for result in results] == [segment.id for segment in segments]
    assert results[2].text == "[pt] 電話 [1] までお問い合わせください。"
    assert results[2].source_text == "電話 [1] までお問い合わせください。"
    assert TokenPiece(segments[2].tokens[0]) in results[2].restored.pieces
    assert results[1].text == results[3].text


def test_placeholder_only_segments_pass_through_unflagged() -> None:
    results = translate_segments(all_segments(), "ja", "en", FakeEngine())
    number_only = results[-1]
    assert number_only.text == "[1]"
    assert number_only.flags == ()
    assert plain_text(number_only.restored.pieces) == "053-000-1234"


def test_fake_output_is_flagged_as_wrong_script() -> None:
    results = translate_segments(all_segments(), "ja", "en", FakeEngine())
    assert "wrong_script" in results[1].flags


def test_source_language_passes_through_without_engine_call() -> None:
    engine = FakeEngine()
    segments = all_segments()
    results = translate_segments(segments, "ja", "ja", engine)
    assert engine.calls == []
    assert [result.text for result in results] == [segment.text for segment in segments]
    assert all(result.flags == () for result in results)


class LosingEngine:
    """Drops every placeholder, as a weak model might."""

    name = "losing"

    def routes(self, source: str, targets: Sequence[str]) -> dict[str, Route | None]:
        return {}

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return ["Please contact us by phone." for _ in texts]

    def translate_many(
        self, texts_by_target: Mapping[str, Sequence[str]], source: str
    ) -> dict[str, list[str]]:
        return {
            target: self.translate(texts, source, target)
            for target, texts in texts_by_target.items()
        }

    def model_version(self, source: str, target: str) -> str:
        return "losing"


def test_lost_tokens_are_restored_and_flagged() -> None:
    (block,) = segment_markdown("電話 053-000-0110 までお問い合わせください。")
    (result,) = translate_segments(block.segments, "ja", "en", LosingEngine())
    assert result.flags == ("placeholder_lost",)
    assert plain_text(result.restored.pieces) == "Please contact us by phone. 053-000-0110"


def test_empty_document() -> None:
    engine = FakeEngine()
    assert translate_segments([], "ja", "en", engine) == ()
    assert engine.calls == []


def test_needs_translation() -> None:
    assert needs_translation("電話 [1]")
    assert not needs_translation("[1] [2]")
    assert not needs_translation("053 - 120")
    assert not needs_translation("")

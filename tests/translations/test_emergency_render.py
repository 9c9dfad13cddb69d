"""Every template renders in every language; names stay Japanese, times follow CLDR."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from translations.document import TextPiece, TokenPiece
from translations.emergency.loader import default_library
from translations.emergency.model import CommonSentence, SlotKind, Template, Variant
from translations.emergency.names import NameReader
from translations.emergency.render import NamePiece, Renderer, format_moment, plain_text
from translations.emergency.slots import SlotError, parse_slots

READINGS = {"元城町": "もとしろちょう", "北部協働センター": "ほくぶきょうどうせんたー"}
SAMPLE: dict[SlotKind, object] = {
    SlotKind.PLACES: ["元城町", "中央区"],
    SlotKind.SHELTERS: [{"name": "北部協働センター", "address": "中央区元城町103-2"}],
    SlotKind.DATETIME: "2026-07-01T14:30+09:00",
    SlotKind.DATE: "2026-08-03",
    SlotKind.INTENSITY: "5-",
    SlotKind.PHONE: "053-457-2111",
}


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(default_library(), NameReader(READINGS))


def _all_slots(template: Template) -> dict[str, object]:
    return {name: SAMPLE[spec.kind] for name, spec in template.slots.items()}


def _required_slots(template: Template) -> dict[str, object]:
    return {name: SAMPLE[spec.kind] for name, spec in template.slots.items() if spec.required}


def _templates() -> list[str]:
    return sorted(default_library().templates)


@pytest.mark.parametrize("template_id", _templates())
def test_every_template_renders_in_every_language_with_every_slot(
    renderer: Renderer, template_id: str
) -> None:
    template = default_library().templates[template_id]
    full = parse_slots(template, _all_slots(template))
    required = parse_slots(template, _required_slots(template))
    for language in template.languages():
        for variant in Variant:
            message = renderer.render(template, variant, language, full)
            assert message is not None
            text = " ".join(plain_text(s, language) for s in message.spoken_order())
            assert "{" not in text and "}" not in text
            pieces = [p for s in message.spoken_order() for p in s.pieces]
            used = {
                name
                for name in template.slots
                if f"{{{name}}}" in _texts(template, variant, language)
            }
            if "phone" in used:
                assert any(isinstance(p, TokenPiece) and p.token.kind == "phone" for p in pieces)
                assert "053-457-2111" in text
            if any(template.slots[name].kind is SlotKind.PLACES for name in used):
                assert any(isinstance(p, NamePiece) and p.name.text == "元城町" for p in pieces)
            shorter = renderer.render(template, variant, language, required)
            assert shorter is not None
            assert len(shorter.description) <= len(message.description)
            if variant is Variant.ISSUE and "phone" in template.slots:
                assert "053-457-2111" not in " ".join(
                    plain_text(s, language) for s in shorter.spoken_order()
                )


def _texts(template: Template, variant: Variant, language: str) -> str:
    wording = template.wording(variant, language)
    assert wording is not None
    library = default_library()
    parts = [wording.headline.text, wording.instruction.text]
    for item in wording.description:
        if isinstance(item, CommonSentence):
            parts.append(library.common_sentence(item.common, language).text)
        else:
            parts.append(item.text)
    return " ".join(parts)


def test_names_keep_japanese_with_reading_and_romanisation(renderer: Renderer) -> None:
    template = default_library().templates["evacuation-order"]
    values = parse_slots(template, _all_slots(template))
    english = renderer.render(template, Variant.ISSUE, "en", values)
    thai = renderer.render(template, Variant.ISSUE, "th", values)
    japanese = renderer.render(template, Variant.ISSUE, "ja", values)
    assert english and thai and japanese
    first = plain_text(english.description[0], "en")
    assert "元城町 (Motoshirocho) and 中央区 (Chuoku)" in first
    assert "元城町 (もとしろちょう)" in plain_text(thai.description[0], "th")
    assert plain_text(japanese.description[0], "ja").startswith("元城町、中央区に避難指示")
    shelters = plain_text(english.description[2], "en")
    assert (
        "北部協働センター (Hokubukyodosenta) – 中央区元城町103-2 (Chuokumotoshirocho 103-2)"
        in shelters
    )


def test_times_are_written_for_each_language() -> None:
    moment = datetime(2026, 7, 1, 14, 30, tzinfo=timezone(timedelta(hours=9)))
    assert format_moment(moment, "ja") == "7月1日（水）14時30分"
    assert format_moment(moment, "ja-easy") == "7月1日（水曜日）午後2時30分"  # no 24-hour clock
    assert format_moment(moment, "en") == "Wednesday, July 1, 2:30\u00a0PM"
    assert "julho" in format_moment(moment, "pt")
    assert "14:30" in format_moment(moment, "pt")


def test_intensity_is_written_with_each_languages_word(renderer: Renderer) -> None:
    template = default_library().templates["earthquake"]
    values = parse_slots(template, _required_slots(template))
    texts = {
        language: plain_text(message.headline, language)
        for language in ("ja", "en", "ko", "zh-Hant")
        if (message := renderer.render(template, Variant.ISSUE, language, values))
    }
    assert texts["ja"] == "地震情報：震度5弱"
    assert texts["en"].endswith("seismic intensity 5 Lower")
    assert texts["ko"].endswith("진도 5약")
    assert texts["zh-Hant"].endswith("震度5弱")


def test_audio_order_puts_the_instruction_first(renderer: Renderer) -> None:
    template = default_library().templates["tsunami-warning"]
    values = parse_slots(template, _required_slots(template))
    message = renderer.render(template, Variant.ISSUE, "en", values)
    assert message is not None
    assert message.spoken_order()[0] == message.instruction
    assert plain_text(message.instruction, "en").startswith("If you are near the coast")


def test_rendering_without_a_required_slot_names_it(renderer: Renderer) -> None:
    template = default_library().templates["evacuation-order"]
    with pytest.raises(SlotError) as error:
        renderer.render(template, Variant.ISSUE, "en", {})
    assert {p.slot for p in error.value.problems} == {"areas", "issued_at"}


def test_a_language_without_wording_renders_nothing(renderer: Renderer) -> None:
    template = default_library().templates["evacuation-order"]
    trimmed = template.model_copy(
        update={"issue": {k: v for k, v in template.issue.items() if k != "my"}}
    )
    values = parse_slots(template, _required_slots(template))
    assert renderer.render(trimmed, Variant.ISSUE, "my", values) is None
    assert isinstance(
        renderer.render(trimmed, Variant.ISSUE, "en", values).headline.pieces[0],  # type: ignore[union-attr]
        TextPiece,
    )

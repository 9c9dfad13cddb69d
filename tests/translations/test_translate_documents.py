"""The translation pipeline: protected tokens, glossary, memory and batching, with FakeEngine."""

from __future__ import annotations

from dataclasses import replace

from tests.support.fake_engine import FakeEngine
from tests.support.memory import InMemoryTranslationMemory
from translations.document import Segment
from translations.glossary import Glossary, GlossaryTerm
from translations.pipeline import TranslationRequest, translate_documents, translate_segments
from translations.restore import plain_text
from translations.segmenter import segment_markdown

BODY = (
    "大雨のため避難指示を出しました。\n\n"
    "電話 053-000-0110 までお問い合わせください。\n\n"
    "受付は12月13日（土曜日）午前9時からです。\n\n"
    "手数料は300円です。\n"
)


def segments(body: str = BODY) -> tuple[Segment, ...]:
    return tuple(segment for block in segment_markdown(body) for segment in block.segments)


def readable(result: object) -> str:
    return plain_text(result.restored.pieces)  # type: ignore[attr-defined]


def test_output_that_drops_a_phone_number_is_flagged_and_the_number_kept() -> None:
    engine = FakeEngine({"電話 [1] までお問い合わせください。": "Please contact us."})
    results = translate_segments(segments(), "ja", "en", engine)
    phone = results[1]
    assert phone.flags == ("placeholder_lost",)
    assert readable(phone) == "Please contact us. 053-000-0110"
    assert phone.text == "Please contact us. [1]"


def test_a_duplicated_placeholder_is_flagged() -> None:
    engine = FakeEngine({"電話 [1] までお問い合わせください。": "Call [1] or [1]."})
    (_, phone, *_) = translate_segments(segments(), "ja", "en", engine)
    assert "placeholder_duplicated" in phone.flags


def test_dates_times_and_money_never_reach_the_engine_and_read_naturally() -> None:
    engine = FakeEngine(
        {"受付は[1]からです。": "Reception opens [1].", "手数料は[1]です。": "The fee is [1]."}
    )
    results = translate_segments(segments(), "ja", "en", engine)
    sent = [text for _, text in engine.texts]
    assert not any("12月" in text or "300" in text for text in sent)
    assert readable(results[2]) == "Reception opens Saturday, December 13, 9:00\u00a0AM."
    assert readable(results[3]) == "The fee is ¥300."


def test_glossary_term_appears_exactly_and_is_recorded() -> None:
    glossary = Glossary.of([GlossaryTerm("避難指示", "en", "Evacuation Instruction")])
    engine = FakeEngine({"大雨のため[1]を出しました。": "Due to heavy rain, an [1] was issued."})
    first = translate_segments(segments(), "ja", "en", engine, glossary=glossary)[0]
    assert ("en", "大雨のため[1]を出しました。") in engine.texts
    assert readable(first) == "Due to heavy rain, an Evacuation Instruction was issued."
    assert first.text == "Due to heavy rain, an Evacuation Instruction was issued."
    assert [(t.source, t.translation) for t in first.glossary_terms] == [
        ("避難指示", "Evacuation Instruction")
    ]


def test_a_dropped_glossary_term_is_flagged_and_kept() -> None:
    glossary = Glossary.of([GlossaryTerm("避難指示", "en", "Evacuation Instruction")])
    engine = FakeEngine({"大雨のため[1]を出しました。": "It rained."})
    first = translate_segments(segments(), "ja", "en", engine, glossary=glossary)[0]
    assert first.flags == ("placeholder_lost",)
    assert readable(first) == "It rained. Evacuation Instruction"


def test_editing_one_sentence_translates_only_that_sentence() -> None:
    memory = InMemoryTranslationMemory()
    engine = FakeEngine()
    request = TranslationRequest("1", segments(), ("en", "pt"))
    for (_, language), results in translate_documents(
        [request], "ja", engine, memory=memory
    ).items():
        memory.record(language, results)
    assert len(engine.texts) == 8  # 4 sentences, 2 languages

    engine.texts.clear()
    edited = segments(BODY.replace("手数料は300円です。", "手数料は無料です。"))
    again = translate_documents(
        [TranslationRequest("1", edited, ("en", "pt"))], "ja", engine, memory=memory
    )
    assert engine.texts == [("en", "手数料は無料です。"), ("pt", "手数料は無料です。")]
    reused = [item.reused for item in again[("1", "en")]]
    assert reused == [True, True, True, False]


def test_a_human_correction_survives_an_edit_of_another_sentence() -> None:
    memory = InMemoryTranslationMemory()
    engine = FakeEngine()
    results = translate_segments(segments(), "ja", "en", engine, memory=memory)
    memory.record("en", results)
    corrected = replace(results[0], text="Corrected by staff.", origin="human", flags=())
    memory.record("en", [corrected])

    engine.texts.clear()
    edited = segments(BODY.replace("手数料は300円です。", "手数料は無料です。"))
    again = translate_segments(edited, "ja", "en", engine, memory=memory)
    assert again[0].text == "Corrected by staff."
    assert again[0].origin == "human"
    assert engine.texts == [("en", "手数料は無料です。")]


def test_a_new_model_version_retranslates_machine_output_but_keeps_human() -> None:
    memory = InMemoryTranslationMemory()
    results = translate_segments(segments(), "ja", "en", FakeEngine(), memory=memory)
    memory.record("en", results)
    memory.record("en", [replace(results[0], text="Human.", origin="human")])
    newer = FakeEngine(version="v2")
    again = translate_segments(segments(), "ja", "en", newer, memory=memory)
    assert again[0].text == "Human."
    assert len(newer.texts) == 3


def test_all_documents_and_languages_in_one_call_each_text_once() -> None:
    engine = FakeEngine()
    shared = "川に近づかないでください。"
    requests = [
        TranslationRequest("a", segments(f"{shared}\n\n避難してください。"), ("en", "pt")),
        TranslationRequest("b", segments(f"{shared}\n\n- 053-000-0110"), ("en",)),
    ]
    results = translate_documents(requests, "ja", engine)
    assert engine.calls == [("ja", "en", 2), ("ja", "pt", 2)]
    assert set(results) == {("a", "en"), ("a", "pt"), ("b", "en")}
    template = results[("b", "en")][1]
    assert template.origin == "template"
    assert readable(template) == "053-000-0110"  # nothing to translate: never sent


def test_full_width_digits_reach_the_engine_half_width() -> None:
    engine = FakeEngine()
    translate_segments(segments("受付は３番窓口です。"), "ja", "en", engine)
    assert engine.texts == [("en", "受付は3番窓口です。")]


def test_repetition_and_untranslated_output_are_flagged() -> None:
    text = "駐車場はありません。公共交通機関をご利用ください。"
    engine = FakeEngine(
        {
            "駐車場はありません。": "No no no no no parking.",
            "公共交通機関をご利用ください。": "公共交通機関をご利用ください。",
        }
    )
    first, second = translate_segments(segments(text), "ja", "en", engine)
    assert "repetition" in first.flags
    assert "untranslated" in second.flags

from __future__ import annotations

import pytest

from translations.glossary import Glossary, GlossaryError, GlossaryTerm, apply_glossary, check_term
from translations.segmenter import segment_title

GLOSSARY = Glossary.of(
    [
        GlossaryTerm("避難指示", "en", "Evacuation Instruction"),
        GlossaryTerm("避難", "en", "evacuation"),
        GlossaryTerm("住民票", "en", None),
        GlossaryTerm("避難指示", "pt", "Instrução de Evacuação"),
    ]
)


def test_terms_become_placeholders_longest_first() -> None:
    segment = segment_title("避難指示が出たら電話 053-000-0110 へ。避難してください。")
    masked = apply_glossary(segment, GLOSSARY, "en")
    assert masked.text == "[2]が出たら電話 [1] へ。[3]してください。"
    terms = [(t.source, t.translation, t.index) for t in masked.applied]
    assert terms == [("避難指示", "Evacuation Instruction", 2), ("避難", "evacuation", 3)]
    assert [t.kind for t in masked.tokens] == ["phone", "term", "term"]


def test_keep_as_is_renders_the_japanese_term() -> None:
    masked = apply_glossary(segment_title("住民票の写し"), GLOSSARY, "en")
    (term,) = masked.applied
    assert term.keep
    assert term.translation == "住民票"


def test_terms_are_per_language() -> None:
    segment = segment_title("住民票の写し")
    assert apply_glossary(segment, GLOSSARY, "pt").text == "住民票の写し"
    assert apply_glossary(segment, GLOSSARY, "vi").applied == ()


def test_the_model_input_key_changes_with_the_required_translation() -> None:
    segment = segment_title("避難指示")
    other = Glossary.of([GlossaryTerm("避難指示", "en", "Evacuation Order")])
    assert apply_glossary(segment, GLOSSARY, "en").key != apply_glossary(segment, other, "en").key
    assert GLOSSARY.signature("en") != other.signature("en")


@pytest.mark.parametrize(
    ("source", "translation"), [(" ", "x"), ("避難", " "), ("[1]", "x"), ("避難", "{{x}}")]
)
def test_unenforceable_pairs_are_refused(source: str, translation: str) -> None:
    with pytest.raises(GlossaryError):
        check_term(source, translation)

"""Converted models in the engine: direct from Japanese, every language of a model in one call."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.argos_fixture import EN_PT, JA_EN, FixtureArchives
from tests.support.converted_fixture import NE, PT, VI, build_m2m_model, build_marian_model
from tests.support.memory import InMemoryTranslationMemory
from translations.converted import ModelStep
from translations.engine import ArgosEngine
from translations.model_install import install_model
from translations.models import install_package_file
from translations.pipeline import TranslationRequest, translate_documents
from translations.segmenter import segment_markdown
from translations.statuses import RouteVia

NEW_VI = "Không đến gần sông."
JAPANESE = [
    "大雨警報の発表に伴い、避難所を開設しました。",
    "川や用水路には近づかないでください。",
    "駐車場はありません。",
]


class CountingTranslator:
    """The model's real ``ctranslate2.Translator``, with each call recorded."""

    def __init__(self, translator: Any) -> None:
        self.translator = translator
        self.calls: list[tuple[list[list[str]], list[list[str]] | None]] = []

    def translate_batch(self, source: list[list[str]], **options: Any) -> Any:
        self.calls.append((source, options.get("target_prefix")))
        return self.translator.translate_batch(source, **options)


@pytest.fixture
def engine(
    archives: FixtureArchives, packages_dir: Path, models_dir: Path, m2m_folder: Path
) -> ArgosEngine:
    for archive in (archives.ja_en, archives.en_pt):
        install_package_file(archive, packages_dir)
    install_model(m2m_folder, models_dir)
    return ArgosEngine(packages_dir, models_dir=models_dir)


def counting(engine: ArgosEngine) -> CountingTranslator:
    """Load the multilingual model the engine's way, then count calls on its translator."""
    model = next(iter(engine.routes("ja", ["vi"]).values()))
    assert model is not None and isinstance(model.steps[0], ModelStep)
    loaded = engine._load_converted(model.steps[0].model)
    counter = CountingTranslator(loaded.translator)
    key = (model.steps[0].model.path, model.steps[0].model.version)
    engine._converted[key] = type(loaded)(counter, loaded.source_tokenizer, loaded.target_tokenizer)  # type: ignore[arg-type]
    return counter


def test_routes_say_how_and_through_which_model(engine: ArgosEngine) -> None:
    routes = engine.routes("ja", ["en", "vi", "ne", "pt"])
    assert {code: r.via if r else None for code, r in routes.items()} == {
        "en": RouteVia.BILINGUAL,
        "vi": RouteVia.MULTILINGUAL,
        "ne": RouteVia.MULTILINGUAL,
        "pt": RouteVia.PIVOT,
    }
    assert engine.model_version("ja", "vi") == "m2m100:m2m100-tiny:ja-vi@1.0"
    assert engine.model_version("ja", "pt") == "ja-en@1.0+en-pt@1.0"


def test_each_language_gets_its_own_token_and_text(engine: ArgosEngine) -> None:
    counter = counting(engine)
    engine.translate_many({"vi": JAPANESE}, "ja")
    one_language = len(counter.calls)  # one per length band of the sentences
    counter.calls.clear()
    outputs = engine.translate_many(
        {"vi": JAPANESE, "ne": JAPANESE[:2], "en": JAPANESE, "pt": JAPANESE[:1]}, "ja"
    )
    assert outputs == {"vi": [VI] * 3, "ne": [NE] * 2, "en": [JA_EN] * 3, "pt": [EN_PT]}
    # vi and ne in the same calls on the multilingual model; en and pt through argos packages.
    assert len(counter.calls) == one_language == 2
    prefixes = [prefix for _, found in counter.calls for prefix in found or ()]
    assert sorted(map(tuple, prefixes)) == sorted([("__vi__",)] * 3 + [("__ne__",)] * 2)
    sources = [pieces for source, _ in counter.calls for pieces in source]
    assert all(pieces[0] == "__ja__" and pieces[-1] == "</s>" for pieces in sources)


def test_one_call_whatever_the_number_of_languages(
    engine: ArgosEngine, models_dir: Path, m2m_folder: Path, tmp_path: Path
) -> None:
    """The calls follow the sentences' lengths, never the number of languages."""
    counter = counting(engine)
    similar = ["川や用水路には近づかないでください。", "川や用水路に近づかないでください。"]
    engine.translate_many({"vi": similar}, "ja")
    assert len(counter.calls) == 1
    counter.calls.clear()
    engine.pins = {"en": RouteVia.MULTILINGUAL}
    outputs = engine.translate_many({"vi": similar, "ne": similar, "en": similar}, "ja")
    assert outputs["en"] == ["The city will open evacuation shelters."] * 2
    assert len(counter.calls) == 1
    assert sum(len(source) for source, _ in counter.calls) == 6


def test_memory_is_reused_per_model_and_a_new_model_retranslates(
    engine: ArgosEngine, models_dir: Path, tmp_path: Path
) -> None:
    segments = tuple(
        segment
        for block in segment_markdown("川や用水路には近づかないでください。")
        for segment in block.segments
    )
    request = TranslationRequest("doc", segments, ("vi", "ne"))
    memory = InMemoryTranslationMemory()
    first = translate_documents([request], "ja", engine, memory=memory)
    assert [s.text for s in first[("doc", "vi")]] == [VI]
    assert [s.text for s in first[("doc", "ne")]] == [NE]
    assert first[("doc", "ne")][0].model_version == "m2m100:m2m100-tiny:ja-ne@1.0"
    for language in ("vi", "ne"):
        memory.record(language, first[("doc", language)])
    again = translate_documents([request], "ja", engine, memory=memory)
    assert again[("doc", "vi")][0].reused and again[("doc", "vi")][0].text == VI

    newer = build_m2m_model(tmp_path, {"vi": NEW_VI, "ne": NE}, version="2.0")
    install_model(newer, models_dir)
    redone = translate_documents([request], "ja", engine, memory=memory)
    assert not redone[("doc", "vi")][0].reused
    assert redone[("doc", "vi")][0].text == NEW_VI
    assert redone[("doc", "vi")][0].model_version == "m2m100:m2m100-tiny:ja-vi@2.0"


def test_bilingual_converted_model_on_a_pivot_leg(
    archives: FixtureArchives, packages_dir: Path, models_dir: Path, tmp_path: Path
) -> None:
    install_package_file(archives.ja_en, packages_dir)
    folder = build_marian_model(tmp_path, PT, name="opus-mt-en-pt")
    install_model(folder, models_dir, family="marian", languages=("en", "pt"))
    engine = ArgosEngine(packages_dir, models_dir=models_dir)
    route = engine.routes("ja", ["pt"])["pt"]
    assert route is not None and route.via == RouteVia.PIVOT
    assert engine.translate(JAPANESE, "ja", "pt") == [PT] * 3
    assert engine.model_version("ja", "pt") == "ja-en@1.0+marian:opus-mt-en-pt:en-pt@1.0"

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.support.argos_fixture import EN_PT, JA_EN, JA_ZT, FixtureArchives, build_argos_package
from translations.engine import ArgosEngine, TranslationEngine
from translations.errors import TranslationUnavailableError
from translations.models import install_package_file
from translations.pipeline import translate_segments
from translations.restore import plain_text
from translations.segmenter import segment_markdown

JAPANESE = [
    "大雨警報の発表に伴い、避難所を開設しました。",
    "川や用水路には近づかないでください。",
    "電話 [1] までお問い合わせください。",
]


@pytest.fixture
def engine(archives: FixtureArchives, packages_dir: Path) -> ArgosEngine:
    for archive in (archives.ja_en, archives.en_pt, archives.ja_zt):
        install_package_file(archive, packages_dir)
    return ArgosEngine(packages_dir)


def test_is_a_translation_engine(engine: ArgosEngine) -> None:
    typed: TranslationEngine = engine
    assert typed.name == "argos"


def test_direct_translation(engine: ArgosEngine) -> None:
    assert engine.translate(JAPANESE, "ja", "en") == [JA_EN] * 3
    assert engine.translate(JAPANESE[:1], "ja", "zh-Hant") == [JA_ZT]


def test_pivot_through_english_in_one_batch(engine: ArgosEngine) -> None:
    assert engine.translate(JAPANESE, "ja", "pt") == [EN_PT] * 3
    assert engine.loaded_packages == ("translate-en_pt-1_0", "translate-ja_en-1_0")


def test_models_are_loaded_once_and_reused(engine: ArgosEngine) -> None:
    engine.translate(JAPANESE, "ja", "pt")
    loaded = dict(engine._loaded)
    engine.translate(JAPANESE, "ja", "en")
    assert engine._loaded == loaded


def test_concurrent_first_use_loads_one_model(engine: ArgosEngine) -> None:
    results: list[list[str]] = []
    threads = [
        threading.Thread(target=lambda: results.append(engine.translate(JAPANESE, "ja", "en")))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [[JA_EN] * 3] * 4
    assert engine.loaded_packages == ("translate-ja_en-1_0",)


def test_empty_strings_pass_through(engine: ArgosEngine) -> None:
    assert engine.translate(["", JAPANESE[0], "  "], "ja", "pt") == ["", EN_PT, "  "]
    assert engine.translate([], "ja", "pt") == []


def test_routes_and_versions(engine: ArgosEngine) -> None:
    routes = engine.routes("ja", ["en", "pt", "zh-Hant", "vi"])
    assert {code: route.kind if route else None for code, route in routes.items()} == {
        "en": "direct",
        "pt": "pivot",
        "zh-Hant": "direct",
        "vi": None,
    }
    assert engine.model_version("ja", "pt") == "ja-en@1.0+en-pt@1.0"
    assert engine.model_version("ja", "ja") == "identity"


def test_unreachable_language_is_a_clear_error(engine: ArgosEngine) -> None:
    with pytest.raises(TranslationUnavailableError, match="ja to vi"):
        engine.translate(JAPANESE, "ja", "vi")


def test_identity(engine: ArgosEngine) -> None:
    assert engine.translate(JAPANESE, "ja", "ja") == JAPANESE


def test_target_prefix_is_sent_and_stripped(packages_dir: Path, tmp_path: Path) -> None:
    archive = build_argos_package(
        tmp_path, "en", "es", "La ciudad abrirá refugios.", target_prefix="__es__"
    )
    install_package_file(archive, packages_dir)
    engine = ArgosEngine(packages_dir)
    assert engine.translate(["The city opens shelters."], "en", "es") == [
        "La ciudad abrirá refugios."
    ]


def test_placeholders_survive_a_model_that_copies_them(packages_dir: Path, tmp_path: Path) -> None:
    """End to end: the document pipeline with a real CTranslate2 model emitting a placeholder."""
    output = "Please call [1] for details."
    install_package_file(build_argos_package(tmp_path, "ja", "en", output), packages_dir)
    (block,) = segment_markdown("詳しくは電話 053-000-1234 へ。")
    (result,) = translate_segments(block.segments, "ja", "en", ArgosEngine(packages_dir))
    assert result.text == output
    assert plain_text(result.restored.pieces) == "Please call 053-000-1234 for details."
    assert result.flags == ()


def test_pipeline_with_the_real_engine_flags_lost_tokens(engine: ArgosEngine) -> None:
    (block,) = segment_markdown("詳しくは電話 053-000-1234 へ。")
    (result,) = translate_segments(block.segments, "ja", "pt", engine)
    assert result.text == f"{EN_PT} [1]"  # stored canonical: the lost token appended
    assert result.flags == ("placeholder_lost",)
    assert plain_text(result.restored.pieces) == f"{EN_PT} 053-000-1234"


@pytest.mark.slow  # sacremoses (Moses tokenizer) takes a second or two to import
def test_bpe_packages(packages_dir: Path, tmp_path: Path) -> None:
    output = "The shelters are open & safe (24h)."
    archive = build_argos_package(tmp_path, "ja", "en", output, tokenizer="bpe")
    package = install_package_file(archive, packages_dir)
    assert (package.path / "bpe.model").is_file()
    engine = ArgosEngine(packages_dir)
    assert engine.translate(JAPANESE, "ja", "en") == [output] * 3


def test_translate_many_runs_the_shared_japanese_english_step_once(
    engine: ArgosEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    steps: list[tuple[str, int]] = []
    original = engine._translate_step

    def spy(package, texts):  # type: ignore[no-untyped-def]
        steps.append((package.name, len(texts)))
        return original(package, texts)

    monkeypatch.setattr(engine, "_translate_step", spy)
    outputs = engine.translate_many({"en": JAPANESE, "pt": JAPANESE, "zh-Hant": JAPANESE[:1]}, "ja")
    assert outputs == {"en": [JA_EN] * 3, "pt": [EN_PT] * 3, "zh-Hant": [JA_ZT]}
    # ja→en decodes the three texts once for English and the Portuguese pivot; en→pt gets the
    # English output sentence for sentence (here all three are the fixture's one sentence).
    assert sorted(steps) == [
        ("translate-en_pt-1_0", 1),
        ("translate-ja_en-1_0", 3),
        ("translate-ja_zt-1_0", 1),
    ]


def test_length_batches_group_similar_lengths_within_the_token_budget() -> None:
    from translations.argos_engine import decoding_limit, length_batches

    lengths = [5, 40, 6, 42, 7, 200]
    batches = length_batches(lengths, max_tokens=100)
    assert sorted(index for batch in batches for index in batch) == list(range(6))
    assert [sorted(lengths[i] for i in batch) for batch in batches] == [[5, 6, 7], [40, 42], [200]]
    assert decoding_limit(5) == 20
    assert decoding_limit(5000) == 1024

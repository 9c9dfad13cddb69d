"""Furigana runs from Sudachi readings, aligned to kanji, with a city's own readings first."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translations.furigana import (
    FuriganaReader,
    ReadingsError,
    Run,
    align,
    is_kanji,
    load_readings,
    to_hiragana,
)


@pytest.fixture(scope="module")
def reader() -> FuriganaReader:
    return FuriganaReader()


def pairs(runs: tuple[Run, ...]) -> list[tuple[str, str | None]]:
    return [(run.base, run.reading) for run in runs]


def test_okurigana_stay_outside_the_reading() -> None:
    assert pairs(align("近づかない", "チカヅカナイ")) == [("近", "ちか"), ("づかない", None)]
    assert pairs(align("取り下げ", "とりさげ")) == [
        ("取", "と"),
        ("り", None),
        ("下", "さ"),
        ("げ", None),
    ]


def test_words_without_kanji_get_no_reading() -> None:
    assert pairs(align("センター", "センター")) == [("センター", None)]
    assert pairs(align("100", "ヒャク")) == [("100", None)]
    assert pairs(align("々", "キゴウ")) == [("々", None)]


def test_an_irregular_word_gets_the_whole_reading() -> None:
    assert pairs(align("今日は", "きょうわ")) == [("今日は", "きょうわ")]
    assert pairs(align("3時", "サンジ")) == [("3時", "さんじ")]  # digits cannot be aligned


def test_no_reading_is_better_than_a_wrong_one() -> None:
    assert pairs(align("鬱", "")) == [("鬱", None)]
    assert pairs(align("鬱", "鬱")) == [("鬱", None)]


def test_a_sentence_from_the_dictionary(reader: FuriganaReader) -> None:
    runs = pairs(reader.runs("川や用水路には近づかないでください。"))
    assert runs == [
        ("川", "かわ"),
        ("や", None),
        ("用水路", "ようすいろ"),
        ("には", None),
        ("近", "ちか"),
        ("づかないでください。", None),
    ]


def test_the_citys_readings_override_the_dictionary() -> None:
    plain = FuriganaReader()
    assert ("避難所", "ひなんじょ") not in pairs(plain.runs("避難所を開設しました"))
    city = FuriganaReader({"避難所": "ひなんじょ", "三方原町": "ミカタハラチョウ"})
    runs = pairs(city.runs("北区三方原町の避難所を開設しました"))
    assert ("三方原町", "みかたはらちょう") in runs
    assert ("避難所", "ひなんじょ") in runs
    assert runs[0] == ("北区", "きたく")


def test_a_registered_name_keeps_its_okurigana_bare() -> None:
    city = FuriganaReader({"浜名湖ガーデンパーク": "はまなこがーでんぱーく"})
    assert pairs(city.runs("浜名湖ガーデンパーク")) == [
        ("浜名湖", "はまなこ"),
        ("ガーデンパーク", None),
    ]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="川山市役所のはがをにへでカタナabc123 、。\n（）「」々", max_size=40))
def test_joining_the_runs_gives_the_text_back(text: str) -> None:
    runs = _shared.runs(text)
    assert "".join(run.base for run in runs) == text
    for run in runs:
        if run.reading is not None:
            assert any(is_kanji(char) for char in run.base)
            assert run.reading == to_hiragana(run.reading)


_shared = FuriganaReader()


def test_readings_file(tmp_path: Path) -> None:
    path = tmp_path / "readings.toml"
    assert load_readings(path) == {}  # no file: no readings
    path.write_text('[readings]\n"元城町" = "もとしろちょう"\n"三ヶ日町" = "ミッカビチョウ"\n')
    assert load_readings(path) == {"元城町": "もとしろちょう", "三ヶ日町": "みっかびちょう"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[readings\n", "readings.toml"),
        ('[readings]\n"元城町" = "motoshiro"\n', "kana"),
        ('[readings]\n"ABC" = "えーびーしー"\n', "kanji"),
        ('[readings]\n"元城町" = 3\n', "reading strings"),
    ],
)
def test_a_bad_readings_file_is_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "readings.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReadingsError, match=message):
        load_readings(path)


def test_nothing_heavy_is_loaded_at_import() -> None:
    import subprocess
    import sys

    code = "import translations.furigana, sys; print('sudachipy' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"

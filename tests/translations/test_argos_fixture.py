from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

from tests.support.argos_fixture import build_argos_package


def test_layout_and_metadata(tmp_path: Path) -> None:
    archive = build_argos_package(tmp_path, "ja", "en", "Shelters are open.", version="1.2")
    assert archive.name == "translate-ja_en-1_2.argosmodel"
    with zipfile.ZipFile(archive) as opened:
        names = set(opened.namelist())
        metadata = json.loads(opened.read("translate-ja_en-1_2/metadata.json"))
    assert {
        "translate-ja_en-1_2/metadata.json",
        "translate-ja_en-1_2/sentencepiece.model",
        "translate-ja_en-1_2/model/model.bin",
        "translate-ja_en-1_2/model/config.json",
        "translate-ja_en-1_2/model/shared_vocabulary.json",
    } <= names
    assert {name.split("/")[0] for name in names} == {"translate-ja_en-1_2"}
    assert metadata["package_version"] == "1.2"
    assert (metadata["from_code"], metadata["to_code"], metadata["type"]) == (
        "ja",
        "en",
        "translate",
    )
    assert metadata["from_name"] == "Japanese" and metadata["argos_version"]


def test_small_and_quick(tmp_path: Path) -> None:
    build_argos_package(tmp_path / "warm", "ja", "en", "Warm up.")  # imports happen here
    started = time.perf_counter()
    archive = build_argos_package(tmp_path, "en", "pt", "A prefeitura vai abrir abrigos.")
    elapsed = time.perf_counter() - started
    assert archive.stat().st_size < 400_000
    assert elapsed < 3.0

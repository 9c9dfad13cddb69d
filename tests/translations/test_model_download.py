"""Downloading a recommended converted model, tested against a local HTTP server (a mirror)."""

from __future__ import annotations

import functools
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.support.converted_fixture import M2M_OUTPUTS, VI, build_m2m_model
from translations.converted import list_converted
from translations.engine import ArgosEngine
from translations.errors import PackageDownloadError
from translations.families import FAMILIES
from translations.model_download import RECOMMENDED, download_model


def closed_port_url() -> str:
    """A local URL nothing listens on: the quickest reliable 'no network'."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def mirror_of(folder: Path, site: Path, name: str) -> Path:
    """The recommended model's files, as ct2-transformers-converter names them."""
    target = site / name
    target.mkdir(parents=True)
    for file in ("model.bin", "config.json", "sentencepiece.bpe.model"):
        shutil.copy(folder / file, target / file)
    tokens = json.loads((folder / "shared_vocabulary.json").read_text(encoding="utf-8"))
    (target / "shared_vocabulary.txt").write_text("\n".join(tokens) + "\n", encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def full_m2m(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny M2M-100 with every language token the family has (as the real one does)."""
    languages = tuple(FAMILIES["m2m100"].tokens)
    return build_m2m_model(
        tmp_path_factory.mktemp("full-m2m"), M2M_OUTPUTS, languages=languages, manifest=False
    )


@pytest.fixture
def mirror(full_m2m: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    site = tmp_path / "site"
    mirror_of(full_m2m, site, "m2m100_418m")
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", site
    finally:
        server.shutdown()
        server.server_close()


def test_downloads_with_progress_and_installs(
    mirror: tuple[str, Path], models_dir: Path, packages_dir: Path
) -> None:
    url, _ = mirror
    reports: list[tuple[str, float]] = []
    model = download_model(
        "m2m100_418m", models_dir, lambda m, f: reports.append((m, f)), mirror=url
    )
    assert (model.family_key, model.name, model.license) == ("m2m100", "m2m100_418m", "MIT")
    assert list_converted(models_dir) == (model,)
    fractions = [fraction for _, fraction in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("model.bin" in message for message, _ in reports)
    engine = ArgosEngine(packages_dir, models_dir=models_dir)
    assert engine.translate(["川に近づかないでください。"], "ja", "vi") == [VI]


def test_offline_is_a_clean_error_and_nothing_changes(models_dir: Path) -> None:
    mirror = closed_port_url()
    with pytest.raises(PackageDownloadError, match="no network"):
        download_model("m2m100_418m", models_dir, None, mirror=mirror, timeout=2)
    assert list(models_dir.iterdir()) == []


def test_a_damaged_download_is_refused(mirror: tuple[str, Path], models_dir: Path) -> None:
    url, site = mirror
    model_bin = site / "m2m100_418m" / "model.bin"
    model_bin.write_bytes(model_bin.read_bytes()[:1000])
    with pytest.raises(PackageDownloadError, match=r"not valid.*CTranslate2 cannot load"):
        download_model("m2m100_418m", models_dir, None, mirror=url)
    assert list(models_dir.iterdir()) == []


def test_unknown_model_name(models_dir: Path) -> None:
    with pytest.raises(PackageDownloadError, match="no recommended model 'gpt'"):
        download_model("gpt", models_dir, None)
    assert "m2m100_418m" in RECOMMENDED

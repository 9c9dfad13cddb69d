"""Installing converted models: recognised by their files, checked by loading, all or nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.support.converted_fixture import archive_folder
from translations.converted import MANIFEST, list_converted
from translations.errors import PackageInstallError
from translations.model_install import install_model


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_installs_a_folder_with_its_manifest(m2m_folder: Path, models_dir: Path) -> None:
    model = install_model(m2m_folder, models_dir)
    assert (model.family_key, model.name, model.license) == ("m2m100", "m2m100-tiny", "MIT")
    assert model.languages == ("ja", "en", "vi", "ne")
    assert model.multilingual and model.translates("ja", "vi") and not model.translates("ja", "pt")
    assert list_converted(models_dir) == (model,)
    assert (models_dir / "m2m100-tiny" / "model.bin").is_file()
    assert (m2m_folder / "model.bin").is_file()  # the source folder is left as it was


@pytest.mark.parametrize("fmt", ["gztar", "zip"])
def test_installs_an_archive(m2m_folder: Path, models_dir: Path, tmp_path: Path, fmt: str) -> None:
    archive = archive_folder(m2m_folder, tmp_path, fmt)
    model = install_model(archive, models_dir)
    assert model.path == models_dir / "m2m100-tiny"


def test_writes_the_manifest_for_a_converter_folder(marian_folder: Path, models_dir: Path) -> None:
    with pytest.raises(PackageInstallError, match=r"no kakehashi-model\.json.*marian"):
        install_model(marian_folder, models_dir)
    with pytest.raises(PackageInstallError, match="bilingual: give source and target"):
        install_model(marian_folder, models_dir, family="marian")
    model = install_model(
        marian_folder, models_dir, family="marian", name="opus-mt-en-pt", languages=("en", "pt")
    )
    assert (model.family_key, model.license, model.languages) == (
        "marian",
        "CC-BY-4.0",
        ("en", "pt"),
    )
    manifest = json.loads((models_dir / "opus-mt-en-pt" / MANIFEST).read_text())
    assert manifest["family"] == "marian" and manifest["languages"] == ["en", "pt"]
    assert not (marian_folder / MANIFEST).exists()


def test_reinstall_replaces_the_model_of_the_same_name(
    m2m_folder: Path, models_dir: Path, tmp_path: Path
) -> None:
    install_model(m2m_folder, models_dir)
    newer = tmp_path / "newer" / "m2m100-tiny"
    shutil.copytree(m2m_folder, newer)
    manifest = json.loads((newer / MANIFEST).read_text())
    (newer / MANIFEST).write_text(json.dumps({**manifest, "version": "2.0"}))
    assert install_model(newer, models_dir).version == "2.0"
    assert [model.version for model in list_converted(models_dir)] == ["2.0"]


def broken_copies(source: Path, tmp_path: Path) -> dict[str, Path]:
    def copy(name: str) -> Path:
        target = tmp_path / name / source.name
        shutil.copytree(source, target)
        return target

    cases: dict[str, Path] = {}
    cases["model.bin"] = copy("no-model")
    (cases["model.bin"] / "model.bin").unlink()
    cases["config.json"] = copy("no-config")
    (cases["config.json"] / "config.json").unlink()
    cases["sentencepiece.bpe.model"] = copy("no-spm")
    (cases["sentencepiece.bpe.model"] / "sentencepiece.bpe.model").unlink()
    cases["CTranslate2 cannot load"] = copy("truncated")
    data = (cases["CTranslate2 cannot load"] / "model.bin").read_bytes()
    (cases["CTranslate2 cannot load"] / "model.bin").write_bytes(data[: len(data) // 2])
    cases["SentencePiece model cannot be loaded"] = copy("bad-spm")
    (cases["SentencePiece model cannot be loaded"] / "sentencepiece.bpe.model").write_bytes(b"x")
    cases["no language token __th__"] = copy("no-token")
    manifest = json.loads((cases["no language token __th__"] / MANIFEST).read_text())
    manifest["languages"].append("th")
    (cases["no language token __th__"] / MANIFEST).write_text(json.dumps(manifest))
    cases["unknown model family 'opennmt'"] = copy("family")
    (cases["unknown model family 'opennmt'"] / MANIFEST).write_text(
        json.dumps({**manifest, "family": "opennmt"})
    )
    cases["has no language token for zh-Hant"] = copy("zh-hant")
    (cases["has no language token for zh-Hant"] / MANIFEST).write_text(
        json.dumps({**manifest, "languages": ["ja", "zh-Hant"]})
    )
    cases["not valid JSON"] = copy("json")
    (cases["not valid JSON"] / MANIFEST).write_text("{")
    return cases


def test_a_broken_model_is_refused_with_the_reason_and_nothing_changes(
    m2m_folder: Path, models_dir: Path, tmp_path: Path
) -> None:
    installed = install_model(m2m_folder, models_dir)
    before = snapshot(models_dir)
    for reason, folder in broken_copies(m2m_folder, tmp_path).items():
        with pytest.raises(PackageInstallError, match=reason.replace("(", r"\(")):
            install_model(folder, models_dir)
        assert snapshot(models_dir) == before, reason
    assert list_converted(models_dir) == (installed,)
    assert not any((models_dir.parent / ".models-staging").iterdir())


def test_not_an_archive_or_unsafe_archive(models_dir: Path, tmp_path: Path) -> None:
    junk = tmp_path / "model.tar.gz"
    junk.write_bytes(b"not an archive")
    with pytest.raises(PackageInstallError, match=r"not a model folder, nor a \.zip"):
        install_model(junk, models_dir)
    import zipfile

    unsafe = tmp_path / "unsafe.zip"
    with zipfile.ZipFile(unsafe, "w") as archive:
        archive.writestr("../escape/model.bin", b"x")
    with pytest.raises(PackageInstallError, match="unsafe path"):
        install_model(unsafe, models_dir)
    with pytest.raises(PackageInstallError, match="no such file"):
        install_model(tmp_path / "missing", models_dir)
    assert list(models_dir.iterdir()) == []

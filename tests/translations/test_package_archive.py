from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.support.argos_fixture import FixtureArchives
from translations.models import (
    InstalledPackage,
    PackageInstallError,
    install_package_file,
    list_installed,
)
from translations.package_archive import staging_root

TOP = "translate-ja_en-1_0"


def copy_archive(
    source: Path, target: Path, *, drop: str = "", metadata: dict[str, str] | None = None
) -> Path:
    """A copy of ``source`` without member ``drop`` and with replaced metadata."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            if drop and info.filename.endswith(drop):
                continue
            data = original.read(info)
            if metadata is not None and info.filename.endswith("/metadata.json"):
                data = json.dumps(metadata).encode()
            copy.writestr(info, data)
    return target


def snapshot(packages_dir: Path) -> list[str]:
    return sorted(str(path.relative_to(packages_dir)) for path in packages_dir.rglob("*"))


def test_install_and_list(archives: FixtureArchives, packages_dir: Path) -> None:
    package = install_package_file(archives.ja_en, packages_dir)
    assert package == InstalledPackage("ja", "en", "1.0", packages_dir / TOP, TOP)
    assert list_installed(packages_dir) == (package,)
    assert (packages_dir / TOP / "model" / "model.bin").is_file()
    assert (packages_dir / TOP / "sentencepiece.model").is_file()
    # Nothing but package folders is left in the packages folder.
    assert [path.name for path in packages_dir.iterdir()] == [TOP]
    assert list(staging_root(packages_dir).iterdir()) == []


def test_argostranslate_recognises_the_installed_package(
    archives: FixtureArchives, packages_dir: Path
) -> None:
    from argostranslate.package import get_installed_packages

    install_package_file(archives.ja_en, packages_dir)
    install_package_file(archives.en_pt, packages_dir)
    found = get_installed_packages(path=[packages_dir])
    assert sorted((p.from_code, p.to_code) for p in found) == [("en", "pt"), ("ja", "en")]
    assert all(p.tokenizer is not None for p in found)


def test_reinstall_replaces_the_same_pair(
    archives: FixtureArchives, packages_dir: Path, tmp_path: Path
) -> None:
    from tests.support.argos_fixture import build_argos_package

    install_package_file(archives.ja_en, packages_dir)
    newer = build_argos_package(tmp_path / "new", "ja", "en", "Shelters are open.", version="1.1")
    package = install_package_file(newer, packages_dir)
    assert [(p.from_code, p.to_code, p.version) for p in list_installed(packages_dir)] == [
        ("ja", "en", "1.1")
    ]
    assert package.name == "translate-ja_en-1_1"
    # Installing the same file again is harmless.
    install_package_file(newer, packages_dir)
    assert len(list_installed(packages_dir)) == 1


def make_truncated(archive: Path, target: Path) -> Path:
    target.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return target


def make_without_metadata(archive: Path, target: Path) -> Path:
    return copy_archive(archive, target, drop="/metadata.json")


def make_without_to_code(archive: Path, target: Path) -> Path:
    return copy_archive(
        archive, target, metadata={"package_version": "1.0", "from_code": "ja", "type": "translate"}
    )


def make_without_model(archive: Path, target: Path) -> Path:
    return copy_archive(archive, target, drop="/model/model.bin")


def make_without_tokenizer(archive: Path, target: Path) -> Path:
    return copy_archive(archive, target, drop="/sentencepiece.model")


def make_broken_model(archive: Path, target: Path) -> Path:
    with zipfile.ZipFile(archive) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename.endswith("/model/model.bin"):
                data = data[:100]
            copy.writestr(info, data)
    return target


def make_two_folders(archive: Path, target: Path) -> Path:
    copy_archive(archive, target)
    with zipfile.ZipFile(target, "a") as opened:
        opened.writestr("other/readme.txt", "x")
    return target


def make_loose_file(archive: Path, target: Path) -> Path:
    copy_archive(archive, target)
    with zipfile.ZipFile(target, "a") as opened:
        opened.writestr("metadata.json", "{}")
    return target


def make_zip_slip(archive: Path, target: Path) -> Path:
    copy_archive(archive, target)
    with zipfile.ZipFile(target, "a") as opened:
        opened.writestr(f"{TOP}/../../evil.txt", "x")
    return target


def make_not_a_zip(archive: Path, target: Path) -> Path:
    target.write_text("<html>404 Not Found</html>")
    return target


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (make_truncated, "not a zip archive"),
        (make_not_a_zip, "not a zip archive"),
        (make_without_metadata, "metadata.json is missing"),
        (make_without_to_code, "'to_code'"),
        (make_without_model, "model.bin"),
        (make_without_tokenizer, "no tokenizer"),
        (make_broken_model, "CTranslate2 cannot load"),
        (make_two_folders, "exactly one top-level folder"),
        (make_loose_file, "outside the package folder"),
        (make_zip_slip, "unsafe path"),
    ],
    ids=lambda value: getattr(value, "__name__", "")[5:],
)
def test_bad_files_are_rejected_and_nothing_changes(
    make, message: str, archives: FixtureArchives, packages_dir: Path, tmp_path: Path
) -> None:
    install_package_file(archives.en_pt, packages_dir)
    before = snapshot(packages_dir)
    bad = make(archives.ja_en, tmp_path / "bad.argosmodel")
    with pytest.raises(PackageInstallError, match=message):
        install_package_file(bad, packages_dir)
    assert snapshot(packages_dir) == before
    assert [p.to_code for p in list_installed(packages_dir)] == ["pt"]
    assert list(staging_root(packages_dir).iterdir()) == []
    assert not (tmp_path.parent / "evil.txt").exists()


def test_missing_file(packages_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(PackageInstallError, match="no such file"):
        install_package_file(tmp_path / "nope.argosmodel", packages_dir)


def test_list_installed_skips_broken_and_foreign_folders(
    archives: FixtureArchives, packages_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    install_package_file(archives.ja_en, packages_dir)
    (packages_dir / "half-deleted").mkdir()
    (packages_dir / "half-deleted" / "metadata.json").write_text("{")
    (packages_dir / "sbd").mkdir()
    (packages_dir / "sbd" / "metadata.json").write_text(
        json.dumps({"type": "sbd", "package_version": "1", "from_code": "x", "to_code": "x"})
    )
    (packages_dir / "notes.txt").write_text("x")
    assert [p.name for p in list_installed(packages_dir)] == [TOP]
    assert "half-deleted" in caplog.text
    assert list_installed(packages_dir / "missing") == ()

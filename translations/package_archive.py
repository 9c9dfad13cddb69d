"""Check an ``.argosmodel`` file completely, then install it atomically.

A package is a zip holding one folder with ``metadata.json``, ``model/`` (CTranslate2) and a
SentencePiece (``sentencepiece.model``) or BPE (``bpe.model``) tokenizer. Everything is checked
(including that CTranslate2 loads the model) in a staging folder beside the packages folder;
only then is the folder renamed into place, so a bad file never changes what is installed.

``argostranslate.package.install_from_path`` is not used: it extracts into the folder fixed at
argostranslate's import time, unchecked, and imports ``argostranslate.translate`` (torch,
stanza) afterwards. The folder written here is exactly what it would have extracted, so
``argostranslate.package.get_installed_packages`` recognises it.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import zipfile
from pathlib import Path, PurePosixPath

from translations.errors import PackageInstallError
from translations.installed import (
    InstalledPackage,
    MetadataError,
    list_installed,
    package_from_dir,
    parse_metadata,
)

_INSTALL_LOCK = threading.Lock()
_MAX_UNCOMPRESSED = 4 * 1024**3  # no real translation package comes near this


def _top_folder(archive: zipfile.ZipFile, name: str) -> str:
    """The single top-level folder of the archive, refusing unsafe member paths."""
    tops: set[str] = set()
    total = 0
    for info in archive.infolist():
        path = PurePosixPath(info.filename)
        if path.is_absolute() or ".." in path.parts or "\\" in info.filename:
            raise PackageInstallError(f"{name}: unsafe path in archive: {info.filename!r}")
        if len(path.parts) == 1 and not info.is_dir():
            raise PackageInstallError(
                f"{name}: file {info.filename!r} is outside the package folder "
                "(an .argosmodel holds exactly one top-level folder)"
            )
        tops.add(path.parts[0])
        total += info.file_size
    if len(tops) != 1:
        found = ", ".join(sorted(tops)) or "nothing"
        raise PackageInstallError(
            f"{name}: an .argosmodel holds exactly one top-level folder, found: {found}"
        )
    if total > _MAX_UNCOMPRESSED:
        raise PackageInstallError(f"{name}: archive unpacks to {total} bytes, refusing")
    return tops.pop()


def _check_members(archive: zipfile.ZipFile, top: str, name: str) -> None:
    members = set(archive.namelist())
    if f"{top}/metadata.json" not in members:
        raise PackageInstallError(f"{name}: {top}/metadata.json is missing")
    try:
        parse_metadata(archive.read(f"{top}/metadata.json"))
    except MetadataError as error:
        raise PackageInstallError(f"{name}: {error}") from error
    if f"{top}/model/model.bin" not in members:
        raise PackageInstallError(
            f"{name}: {top}/model/model.bin (the CTranslate2 model) is missing"
        )
    if not {f"{top}/sentencepiece.model", f"{top}/bpe.model"} & members:
        raise PackageInstallError(
            f"{name}: no tokenizer: {top}/sentencepiece.model or {top}/bpe.model is required"
        )
    damaged = archive.testzip()
    if damaged is not None:
        raise PackageInstallError(f"{name}: {damaged} is damaged (CRC mismatch)")


def _check_loads(package_dir: Path, name: str) -> None:
    """Load the model and tokenizer the way the engine will, to reject broken files now."""
    from translations.tokenizers import load_tokenizer

    try:
        import ctranslate2

        ctranslate2.Translator(str(package_dir / "model"), device="cpu", compute_type="default")
    except Exception as error:  # CTranslate2 reports bad models as RuntimeError/ValueError
        raise PackageInstallError(f"{name}: CTranslate2 cannot load the model: {error}") from error
    try:
        load_tokenizer(package_dir)
    except Exception as error:
        raise PackageInstallError(f"{name}: the tokenizer cannot be loaded: {error}") from error


def staging_root(packages_dir: Path) -> Path:
    """A folder on the same file system, outside packages_dir (argos lists every subfolder)."""
    root = packages_dir.parent / f".{packages_dir.name}-staging"
    root.mkdir(parents=True, exist_ok=True)
    return root


def install_package_file(archive: Path, packages_dir: Path) -> InstalledPackage:
    """Validate ``archive`` and install it; a package for the same pair is replaced."""
    name = archive.name
    if not archive.is_file():
        raise PackageInstallError(f"{archive}: no such file")
    if not zipfile.is_zipfile(archive):
        raise PackageInstallError(f"{name}: not a zip archive (truncated download or wrong file?)")
    packages_dir.mkdir(parents=True, exist_ok=True)
    with _INSTALL_LOCK, tempfile.TemporaryDirectory(dir=staging_root(packages_dir)) as staging:
        try:
            with zipfile.ZipFile(archive) as opened:
                top = _top_folder(opened, name)
                _check_members(opened, top, name)
                opened.extractall(staging)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise PackageInstallError(f"{name}: cannot read the archive: {error}") from error
        staged = Path(staging) / top
        _check_loads(staged, name)
        new = package_from_dir(staged)
        return _swap_in(staged, packages_dir, top, new)


def _swap_in(staged: Path, packages_dir: Path, top: str, new: InstalledPackage) -> InstalledPackage:
    """Move the checked folder into place; then remove what it replaces."""
    replaced = [
        package.path
        for package in list_installed(packages_dir)
        if (package.from_code, package.to_code) == (new.from_code, new.to_code)
    ]
    if (packages_dir / top).exists() and packages_dir / top not in replaced:
        replaced.append(packages_dir / top)  # same folder name: an older or broken copy
    trash = staged.parent / ".replaced"
    trash.mkdir()
    done: list[tuple[Path, Path]] = []
    try:
        for index, original in enumerate(replaced):
            original.rename(trash / str(index))
            done.append((original, trash / str(index)))
        staged.rename(packages_dir / top)
    except OSError as error:
        for original, parked in done:  # put the old packages back
            parked.rename(original)
        raise PackageInstallError(
            f"{top}: could not move the package into place: {error}"
        ) from error
    shutil.rmtree(trash, ignore_errors=True)
    return package_from_dir(packages_dir / top)

"""Check a converted model (a folder or an archive of one) completely, then install it atomically.

The model is copied or unpacked into a staging folder beside the models folder, recognised by
its files (CTranslate2 ``model.bin`` and ``config.json``, the family's SentencePiece model(s),
``kakehashi-model.json``), loaded the way the engine will load it, and its language tokens
looked up in its vocabulary. Only then is the folder renamed into place, so a broken or
unrecognised model is refused with the reason and nothing installed changes.
"""

from __future__ import annotations

import json
import re
import shutil
import tarfile
import tempfile
import threading
import zipfile
from pathlib import Path, PurePosixPath

from translations.converted import (
    MANIFEST,
    ConvertedModel,
    ManifestError,
    build_manifest,
    parse_manifest,
    read_model,
    vocabulary,
)
from translations.errors import PackageInstallError

_INSTALL_LOCK = threading.Lock()
_MAX_UNCOMPRESSED = 16 * 1024**3  # NLLB-200 3.3B in float32 is about 13 GB
_FOLDER_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def models_staging_root(models_dir: Path) -> Path:
    """A folder on the same file system, outside models_dir."""
    root = models_dir.parent / f".{models_dir.name}-staging"
    root.mkdir(parents=True, exist_ok=True)
    return root


def _safe_member(name: str, label: str) -> None:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\\" in name:
        raise PackageInstallError(f"{label}: unsafe path in archive: {name!r}")


def _unpack(source: Path, into: Path) -> None:
    label = source.name
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
            for info in infos:
                _safe_member(info.filename, label)
            if sum(info.file_size for info in infos) > _MAX_UNCOMPRESSED:
                raise PackageInstallError(f"{label}: archive unpacks to too many bytes, refusing")
            damaged = archive.testzip()
            if damaged is not None:
                raise PackageInstallError(f"{label}: {damaged} is damaged (CRC mismatch)")
            archive.extractall(into)
        return
    if tarfile.is_tarfile(source):
        with tarfile.open(source) as archive:
            members = archive.getmembers()
            for member in members:
                _safe_member(member.name, label)
            if sum(member.size for member in members) > _MAX_UNCOMPRESSED:
                raise PackageInstallError(f"{label}: archive unpacks to too many bytes, refusing")
            archive.extractall(into, filter="data")
        return
    raise PackageInstallError(
        f"{label}: not a model folder, nor a .zip or .tar(.gz) archive of one"
        " (truncated download or wrong file?)"
    )


def _model_root(unpacked: Path, label: str) -> Path:
    """The folder holding ``model.bin``: the top itself or its single subfolder."""
    if (unpacked / "model.bin").is_file():
        return unpacked
    folders = [child for child in unpacked.iterdir() if child.is_dir()]
    if len(folders) == 1 and (folders[0] / "model.bin").is_file():
        return folders[0]
    raise PackageInstallError(
        f"{label}: no CTranslate2 model.bin at the top or in one top-level folder"
        " (convert the model with ct2-transformers-converter first)"
    )


def _check(folder: Path, label: str) -> ConvertedModel:
    """Everything the engine relies on, checked by loading it the same way."""
    if not (folder / "config.json").is_file():
        raise PackageInstallError(f"{label}: config.json (written by the converter) is missing")
    try:
        model = read_model(folder)
    except ManifestError as error:
        raise PackageInstallError(f"{label}: {error}") from error
    family = model.family
    for spm in {family.source_spm, family.target_spm}:
        if not (folder / spm).is_file():
            raise PackageInstallError(
                f"{label}: {spm} (the {family.title} SentencePiece model) is missing;"
                f" pass --copy_files {spm} to ct2-transformers-converter"
            )
    if family.multilingual:
        known = vocabulary(folder)
        missing = [
            family.language_token(code)
            for code in model.languages
            if family.language_token(code) not in known
        ]
        if missing:
            raise PackageInstallError(
                f"{label}: the model's vocabulary has no language token {', '.join(missing)}"
                " (is it really a " + family.title + " model?)"
            )
    try:
        import ctranslate2

        ctranslate2.Translator(str(folder), device="cpu", compute_type="default")
    except Exception as error:  # CTranslate2 reports bad models as RuntimeError/ValueError
        raise PackageInstallError(f"{label}: CTranslate2 cannot load the model: {error}") from error
    try:
        import sentencepiece

        for spm in {family.source_spm, family.target_spm}:
            sentencepiece.SentencePieceProcessor(model_file=str(folder / spm))
    except Exception as error:
        raise PackageInstallError(
            f"{label}: the SentencePiece model cannot be loaded: {error}"
        ) from error
    return model


def install_model(
    source: Path,
    models_dir: Path,
    *,
    family: str | None = None,
    name: str | None = None,
    version: str = "1.0",
    languages: tuple[str, ...] | None = None,
    license: str | None = None,
) -> ConvertedModel:
    """Validate the model at ``source`` (folder or archive) and install it.

    Without a ``kakehashi-model.json`` in the model, ``family`` (and, for bilingual models,
    ``languages`` as (source, target)) says what it is, and the manifest is written here; a
    model of the same name is replaced.
    """
    label = source.name
    if not source.exists():
        raise PackageInstallError(f"{source}: no such file or folder")
    models_dir.mkdir(parents=True, exist_ok=True)
    with _INSTALL_LOCK, tempfile.TemporaryDirectory(dir=models_staging_root(models_dir)) as work:
        unpacked = Path(work) / "unpacked"
        try:
            if source.is_dir():
                shutil.copytree(source, unpacked)
            else:
                unpacked.mkdir()
                _unpack(source, unpacked)
        except (OSError, EOFError, zipfile.BadZipFile, tarfile.TarError) as error:
            raise PackageInstallError(f"{label}: cannot read the model: {error}") from error
        root = _model_root(unpacked, label)
        if family is not None:
            try:
                manifest = build_manifest(
                    family,
                    name or source.name.split(".")[0],
                    version,
                    languages=languages,
                    license=license,
                )
                parse_manifest(json.dumps(manifest), root)
            except ManifestError as error:
                raise PackageInstallError(f"{label}: {error}") from error
            (root / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        elif not (root / MANIFEST).is_file():
            raise PackageInstallError(
                f"{label}: no {MANIFEST}: say which family it is (m2m100, nllb, marian)"
            )
        model = _check(root, label)
        folder = _FOLDER_NAME.sub("-", model.name).strip(".-") or "model"
        return _swap_in(root, models_dir, folder, Path(work) / ".replaced")


def _swap_in(staged: Path, models_dir: Path, folder: str, parked: Path) -> ConvertedModel:
    """Move the checked folder into place; then remove what it replaces (parked meanwhile)."""
    target = models_dir / folder
    try:
        if target.exists():
            target.rename(parked)
        try:
            staged.rename(target)
        except OSError:
            if parked.exists():
                parked.rename(target)
            raise
    except OSError as error:
        raise PackageInstallError(
            f"{folder}: could not move the model into place: {error}"
        ) from error
    shutil.rmtree(parked, ignore_errors=True)
    return read_model(target)

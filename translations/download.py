"""The one online operation: fetch the argos index and install the packages a city needs.

Nothing else in Kakehashi touches the network. Everything downloaded goes through
``install_package_file``, so a bad download is rejected like any bad file. argostranslate's
own index functions are not used: they have no timeout and swallow network errors.
"""

from __future__ import annotations

import json
import logging
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from translations.errors import PackageDownloadError, PackageInstallError
from translations.installed import InstalledPackage, list_installed
from translations.languages import argos_code, get_language
from translations.package_archive import install_package_file, staging_root
from translations.routes import PIVOT

log = logging.getLogger(__name__)

Progress = Callable[[str, float], None]
_USER_AGENT = "Kakehashi (argostranslate-compatible)"
_CHUNK = 1 << 16


def default_index_url() -> str:
    """The index argostranslate itself would use (``ARGOS_PACKAGE_INDEX`` overrides it)."""
    from argostranslate import settings

    return str(settings.remote_package_index)


def _open(url: str, timeout: float) -> Any:
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    return urllib.request.urlopen(request, timeout=timeout)


def fetch_index(url: str, *, timeout: float = 20.0) -> list[dict[str, Any]]:
    """The package entries of an argos index; PackageDownloadError when unreachable.

    A good index is also saved where argostranslate keeps its local copy (under the
    ``XDG_DATA_HOME`` set by ``configure_argos_environment``), as ``argospm update`` would.
    """
    try:
        with _open(url, timeout) as response:
            raw = response.read()
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise PackageDownloadError(
            f"cannot reach the argos package index at {url} (no network?): {reason}"
        ) from error
    try:
        entries = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageDownloadError(f"the argos package index at {url} is not JSON") from error
    if not isinstance(entries, list):
        raise PackageDownloadError(f"the argos package index at {url} is not a list")
    _save_local_index(raw)
    return [entry for entry in entries if isinstance(entry, dict)]


def _save_local_index(raw: bytes) -> None:
    from argostranslate import settings

    local = Path(settings.local_package_index)
    partial = local.with_name(local.name + ".partial")
    try:
        partial.write_bytes(raw)
        partial.replace(local)
    except OSError as error:  # a cache only: failing to write it must not stop a download
        log.warning("could not save the argos index to %s: %s", local, error)


def _pairs_needed(
    index: Sequence[dict[str, Any]], source: str, codes: Sequence[str], progress: Progress
) -> list[dict[str, Any]]:
    """Index entries to fetch: source→X where published, else source→en and en→X."""
    available = {
        (entry.get("from_code"), entry.get("to_code")): entry
        for entry in index
        if entry.get("type", "translate") == "translate" and entry.get("links")
    }
    wanted: dict[tuple[str, str], dict[str, Any]] = {}
    source_code = argos_code(source)
    for code in codes:
        target_code = argos_code(code)
        if target_code == source_code:
            continue
        direct = (source_code, target_code)
        pivot = [(source_code, PIVOT), (PIVOT, target_code)]
        if direct in available:
            wanted[direct] = available[direct]
        elif PIVOT not in direct and all(pair in available for pair in pivot):
            wanted.update({pair: available[pair] for pair in pivot})
        else:
            log.warning("no argos package reaches %s from %s", code, source)
            progress(f"no package available for {get_language(code).english_name}", 0.0)
    return list(wanted.values())


def _is_current(entry: dict[str, Any], installed: Sequence[InstalledPackage]) -> bool:
    pair = (entry.get("from_code"), entry.get("to_code"))
    version = str(entry.get("package_version", ""))
    return any((p.from_code, p.to_code) == pair and p.version == version for p in installed)


def _download(entry: dict[str, Any], folder: Path, timeout: float, report: Progress) -> Path:
    """Fetch one package file from the first of its links that works."""
    name = f"translate-{entry['from_code']}_{entry['to_code']}.argosmodel"
    target = folder / name
    errors: list[str] = []
    for link in entry["links"]:
        try:
            with _open(str(link), timeout) as response, target.open("wb") as out:
                size = int(response.headers.get("Content-Length") or 0)
                done = 0
                while chunk := response.read(_CHUNK):
                    out.write(chunk)
                    done += len(chunk)
                    if size:
                        report(f"downloading {name}", done / size)
            return target
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            errors.append(f"{link}: {getattr(error, 'reason', error)}")
    raise PackageDownloadError(f"could not download {name}: " + "; ".join(errors))


def download_packages(
    codes: Sequence[str],
    packages_dir: Path,
    progress: Progress | None,
    *,
    source: str = "ja",
    index_url: str | None = None,
    timeout: float = 20.0,
) -> tuple[InstalledPackage, ...]:
    """Download and install what translates ``source`` into ``codes``; return what was new.

    Languages no published package reaches are reported through ``progress`` and skipped.
    """
    report: Progress = progress or (lambda message, fraction: None)
    for code in (source, *codes):
        get_language(code)  # fail on a typo before touching the network
    url = index_url or default_index_url()
    report("fetching the package index", 0.0)
    entries = _pairs_needed(fetch_index(url, timeout=timeout), source, codes, report)
    installed = list_installed(packages_dir)
    todo = [entry for entry in entries if not _is_current(entry, installed)]
    new: list[InstalledPackage] = []
    packages_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=staging_root(packages_dir)) as folder:
        for number, entry in enumerate(todo):

            def step(message: str, fraction: float, number: int = number) -> None:
                report(message, (number + fraction) / len(todo))

            archive = _download(entry, Path(folder), timeout, step)
            step(f"installing {archive.name}", 1.0)
            try:
                new.append(install_package_file(archive, packages_dir))
            except PackageInstallError as error:
                message = f"the downloaded {archive.name} is not a valid package: {error}"
                raise PackageDownloadError(message) from error
            archive.unlink()
    report("done", 1.0)
    return tuple(new)

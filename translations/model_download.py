"""Download a recommended converted model, only when asked to, then install it as from a folder.

Each recommended model is a folder of files already converted for CTranslate2; they are fetched
one by one (with progress) into a staging folder and installed by ``install_model``, so a bad
download is refused like a bad folder. ``mirror`` replaces the public address with a city's
own copy (a mirror holds ``<name>/<file>`` for each file listed here).
"""

from __future__ import annotations

import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from translations.converted import ConvertedModel
from translations.errors import PackageDownloadError, PackageInstallError
from translations.model_install import install_model, models_staging_root

Progress = Callable[[str, float], None]
_CHUNK = 1 << 16
_USER_AGENT = "Kakehashi"


@dataclass(frozen=True)
class RecommendedModel:
    """A converted model Kakehashi knows where to fetch."""

    name: str
    family: str
    url: str
    files: tuple[str, ...]
    size: str
    license: str


RECOMMENDED: Mapping[str, RecommendedModel] = MappingProxyType(
    {
        "m2m100_418m": RecommendedModel(
            "m2m100_418m",
            "m2m100",
            "https://huggingface.co/michaelfeil/ct2fast-m2m100_418M/resolve/main/",
            ("model.bin", "config.json", "shared_vocabulary.txt", "sentencepiece.bpe.model"),
            "about 1 GB (float16)",
            "MIT",
        ),
        "m2m100_1.2b": RecommendedModel(
            "m2m100_1.2b",
            "m2m100",
            "https://huggingface.co/michaelfeil/ct2fast-m2m100_1.2B/resolve/main/",
            ("model.bin", "config.json", "shared_vocabulary.txt", "sentencepiece.bpe.model"),
            "about 2.5 GB (float16)",
            "MIT",
        ),
    }
)


def _fetch(url: str, target: Path, timeout: float, report: Callable[[float], None]) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response, target.open("wb") as out:
            size = int(response.headers.get("Content-Length") or 0)
            done = 0
            while chunk := response.read(_CHUNK):
                out.write(chunk)
                done += len(chunk)
                if size:
                    report(done / size)
            if size and done != size:
                raise PackageDownloadError(f"{url}: got {done} of {size} bytes")
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise PackageDownloadError(f"cannot download {url} (no network?): {reason}") from error


def download_model(
    name: str,
    models_dir: Path,
    progress: Progress | None,
    *,
    mirror: str | None = None,
    timeout: float = 30.0,
) -> ConvertedModel:
    """Fetch the recommended model ``name`` and install it; PackageDownloadError if offline."""
    report: Progress = progress or (lambda message, fraction: None)
    try:
        chosen = RECOMMENDED[name]
    except KeyError:
        known = ", ".join(RECOMMENDED)
        raise PackageDownloadError(f"no recommended model {name!r} (known: {known})") from None
    base = f"{mirror.rstrip('/')}/{chosen.name}/" if mirror else chosen.url
    models_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=models_staging_root(models_dir)) as work:
        folder = Path(work) / chosen.name
        folder.mkdir()
        for number, file in enumerate(chosen.files):

            def step(fraction: float, number: int = number, file: str = file) -> None:
                report(f"downloading {chosen.name}/{file}", (number + fraction) / len(chosen.files))

            step(0.0)
            _fetch(base + file, folder / file, timeout, step)
        report(f"installing {chosen.name}", 1.0)
        try:
            model = install_model(
                folder, models_dir, family=chosen.family, name=chosen.name, license=chosen.license
            )
        except PackageInstallError as error:
            raise PackageDownloadError(
                f"the downloaded {chosen.name} is not valid: {error}"
            ) from error
    report("done", 1.0)
    return model

"""Talking-book editions: a month's books against copying the audio they carry.

    .venv/bin/python -m benchmarks.editions                  # 30 notices x 10 languages
    .venv/bin/python -m benchmarks.editions --seconds 30     # shorter notices

The archive is ``benchmarks.site``'s (sample bulletins made unique, nine languages translated
by the clearly named ``FakeEngine`` beside Japanese, captions with one cue per sentence), with
every MP3 replaced by ``--seconds`` of encoded silence (90 s by default, a typical notice read
aloud at 48 kbps), all published in one month.

* **baseline**: copying the month's MP3s (notices x languages) into a fresh folder, as an
  edition made by hand from the published files would at least have to.
* **editions**: ``build_editions`` for the month, every language: reading the published site
  from the database, the captions, furigana for Japanese, writing each EPUB 3 and DAISY 2.02
  book (both carry every MP3, so 2x the baseline is the floor) and renaming it into place.

Printed: both times, and their ratio (editions / copy), best of ``--repeat`` runs each.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.site import _services, generate


def _silence(seconds: float) -> bytes:
    import numpy as np

    from audio.assemble import encode_mp3

    return encode_mp3(np.zeros(round(24_000 * seconds), dtype=np.float32), 24_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notices", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=90.0)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()

    from publisher.editions.build import build_editions

    with tempfile.TemporaryDirectory(prefix="kakehashi-editions-") as temporary:
        data = Path(temporary) / "data"
        generate(data, options.notices)  # published an hour apart from 2020-01-01
        audio = _silence(options.seconds)
        mp3s = sorted((data / "media").rglob("*.mp3"))
        for mp3 in mp3s:
            mp3.write_bytes(audio)
        megabytes = sum(mp3.stat().st_size for mp3 in mp3s) / 1e6

        copies: list[float] = []
        for run in range(options.repeat):
            target = Path(temporary) / f"copy-{run}"
            target.mkdir()
            started = time.perf_counter()
            for number, mp3 in enumerate(mp3s):
                shutil.copyfile(mp3, target / f"{number}.mp3")
            copies.append(time.perf_counter() - started)
            shutil.rmtree(target)

        services = _services(data)
        builds: list[float] = []
        try:
            for run in range(options.repeat):
                folder = Path(temporary) / f"editions-{run}"
                started = time.perf_counter()
                made = build_editions(services, date(2020, 1, 1), date(2020, 1, 31), folder=folder)
                builds.append(time.perf_counter() - started)
                shutil.rmtree(folder)
        finally:
            services.close()

    copy, build = min(copies), min(builds)
    ratio = build / copy
    books = sum(1 + (files.daisy is not None) for files in made)
    print(
        f"month: {options.notices} notices x {len(made)} languages, {len(mp3s)} MP3s "
        f"({megabytes:.1f} MB, {options.seconds:.0f} s each)"
    )
    print(f"baseline, copying the audio once:   {copy:7.3f} s")
    print(f"editions, {books} books (EPUB + DAISY): {build:7.3f} s")
    print(f"ratio editions / copy: {ratio:.2f} (floor 2.0: each book carries the audio)")


if __name__ == "__main__":
    main()

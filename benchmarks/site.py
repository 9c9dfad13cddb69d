"""Site build speed: a synthetic archive, a full build, an incremental rebuild after one edit.

    .venv/bin/python -m benchmarks.site                 # 2,000 bulletins x 10 languages
    .venv/bin/python -m benchmarks.site --bulletins 200 # a quick run

The archive: ``--bulletins`` published bulletins, each one of the six sample bulletins made
unique (its number in the title and a sentence of its own), in Japanese and nine other
languages translated by the ``FakeEngine`` (``[en] …``), each version with audio (a silent
MP3 and real captions) as the publish job leaves it. Rows go straight into SQLite.

Then, each in a fresh process so that peak memory is the phase's own:

* **full build**: ``update_site(full=True, search=False)`` from the database to the swapped-in
  folder: reading and segmenting every bulletin, rendering every page (body, furigana,
  navigation), feeds, sitemaps, writing (64,000 files and links at full size), the swap.
  Pages per second counts HTML pages. Deleting builds older than the kept ones happens
  after the site is live and the build lock released; it is shown as its own phase.
* **bare Jinja2 loop** (the baseline, same run): the same compiled templates rendering the
  same pages from their contexts, recorded during a build, with the build's template filters
  (article body, sanitiser, furigana; its furigana memo emptied first); output kept in memory.
  Two ratios: the loop's time over the build's render-and-write phase (what the build adds to
  templating: context, plans, hashing, writing, swap) and over the whole build (which also
  reads the database and segments every bulletin, work that happens before templating).
* **incremental**: one bulletin edited and re-published, then ``update_site(changed=…)``:
  in the process that just did the full build, as the queue worker does it after a publish
  (renderer and state kept in memory), five edits one after the other: the first (which
  still warms this process up after a build on other processes) and the median of the
  other four; and once in a fresh process (as ``main.py build`` does it). Each as a fraction
  of the full build, with the files it wrote.
* **new notice**: in the process that did the full build, ten new bulletins published one
  after the other, each followed by ``update_site(changed=…)``: the first at the start of
  the month after the archive's last (so it opens a month: the most files a new notice
  writes, the same whatever the archive's size), the others an hour apart. The median as a
  fraction of the full build, and the files written (the first's, and the fewest and most).
* **search after a new notice**: in a fresh process, the Pagefind service warmed (as the
  worker does when it starts), a fold of the whole site into the stable bundle (timed: the
  background job's cost), then a new bulletin published with the search index on: the time
  from the start of the build until the manifest names a recent bundle holding its pages,
  and the search part of it (checked by reading the bundle's page fragments).
* **search index** (``--search``): Pagefind over the built site, a separate tool's cost.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

BULLETINS = Path(__file__).resolve().parents[1] / "demo" / "bulletins"
LANGUAGES = ("en", "pt", "es", "vi", "zh", "ko", "id", "ne", "th")
TARGET_PAGES_PER_SECOND = 1_000
TARGET_RATIO = 0.8
TARGET_INCREMENTAL_FRACTION = 0.01
TARGET_SEARCH_SECONDS = 2.0
NEW_NOTICES = 10


def _settings(data: Path, site_dir: Path | None = None, workers: int = 0) -> Any:
    from publisher.settings import Settings

    return Settings(
        data_dir=data,
        site_dir=site_dir,
        target_languages=LANGUAGES,
        base_url="https://city.example/",
        build_workers=workers,
    )


def _services(data: Path, site_dir: Path | None = None, workers: int = 0) -> Any:
    from publisher.services import Services
    from tests.support.fake_engine import FakeEngine

    return Services.create(
        _settings(data, site_dir, workers), translation_engine_factory=lambda _: FakeEngine()
    )


def generate(data: Path, count: int) -> None:
    """Write ``count`` published bulletins with all their rows and audio, in bulk."""
    import numpy as np
    from sqlalchemy import insert
    from sqlmodel import Session

    from audio.assemble import Cue, encode_mp3
    from audio.webvtt import to_webvtt
    from publisher.documents import snapshot
    from publisher.sources import encode
    from publisher.tables import (
        Bulletin,
        LanguageVersion,
        Revision,
        SegmentTranslation,
        SourceSnapshot,
    )
    from tests.support.fake_engine import FakeEngine
    from translations.pipeline import TranslationRequest, translate_documents

    services = _services(data)
    engine = FakeEngine()
    samples = [json.loads(path.read_text("utf-8")) for path in sorted(BULLETINS.glob("*.json"))]
    media = services.settings.media_dir
    start = datetime(2020, 1, 1, 9, tzinfo=UTC)
    silence = encode_mp3(np.zeros(24_000 * 8, dtype=np.float32), 24_000)
    bulletins, revisions, snapshots, versions, texts = [], [], [], [], []
    for number in range(1, count + 1):
        sample = samples[number % len(samples)]
        title = f"{sample['title']}（第{number}号）"
        body = f"{sample['body']}\n\nこのお知らせの受付番号は{number}番です。"
        moment = start + timedelta(hours=number)
        bulletins.append(
            {
                "id": number,
                "state": "published",
                "current_revision": 1,
                "published_revision": 1,
                "published_at": moment,
                "created_by": "benchmark",
                "created_at": moment,
                "updated_at": moment,
            }
        )
        revisions.append(
            {
                "bulletin_id": number,
                "number": 1,
                "title": title,
                "body": body,
                "contact": sample.get("contact"),
                "category": sample["category"],
                "author": "benchmark",
                "approved_at": moment,
                "created_at": moment,
            }
        )
        source = snapshot(number, 1, sample["category"], title, body, sample.get("contact"))
        snapshots.append(
            {"bulletin_id": number, "revision": 1, "document": encode(source), "created_at": moment}
        )
        request = TranslationRequest("doc", source.segments(), LANGUAGES)
        translated = translate_documents([request], "ja", engine)
        folder = media / str(number) / "r1"
        folder.mkdir(parents=True, exist_ok=True)
        for language in ("ja", *LANGUAGES):
            items = {s.id: s.text for s in source.segments()}
            if language != "ja":
                items = {item.segment_id: item.text for item in translated[("doc", language)]}
                for position, segment in enumerate(source.segments()):
                    texts.append(
                        {
                            "bulletin_id": number,
                            "revision": 1,
                            "language": language,
                            "segment_id": segment.id,
                            "position": position,
                            "source_text": segment.text,
                            "text": items[segment.id],
                            "origin": "machine",
                            "engine": "fake",
                            "model_version": "fake",
                            "flags": [],
                            "created_at": moment,
                        }
                    )
            cues = [
                Cue(segment_id, index * 0.6, index * 0.6 + 0.6, text)
                for index, (segment_id, text) in enumerate(items.items())
            ]
            (folder / f"{language}.mp3").write_bytes(silence)
            (folder / f"{language}.vtt").write_text(to_webvtt(cues), "utf-8")
            versions.append(
                {
                    "bulletin_id": number,
                    "language": language,
                    "revision": 1,
                    "status": "published",
                    "translation": "source" if language == "ja" else "machine",
                    "voice": f"benchmark-{language}",
                    "audio_file": f"{number}/r1/{language}.mp3",
                    "captions_file": f"{number}/r1/{language}.vtt",
                    "audio_seconds": 8.0,
                    "flags": [],
                    "updated_at": moment,
                }
            )
    with Session(services.db) as session:
        connection = session.connection()
        for table, rows in (
            (Bulletin, bulletins),
            (Revision, revisions),
            (SourceSnapshot, snapshots),
            (LanguageVersion, versions),
            (SegmentTranslation, texts),
        ):
            connection.execute(insert(table), rows)  # type: ignore[arg-type]
        session.commit()
    services.close()


def _peak_mb() -> float:
    """The largest resident size of this process or of any build worker it started.

    Every phase, the archive generation included, runs in its own process started by a
    small one: on Linux a process starts with its parent's peak, so a large parent would
    hide the phase's own.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


def _edit_and_update(services: Any, bulletin_id: int) -> dict[str, Any]:
    """Edit one bulletin (a new revision, published again) and time the build that follows."""
    from publisher.site.build import update_site
    from tests.publisher.site.archive import revise_fixture
    from tests.support.fake_engine import FakeEngine

    revise_fixture(services, bulletin_id, FakeEngine(), title=f"【更新】お知らせ{bulletin_id}")
    started = time.perf_counter()
    report = update_site(services, changed=(bulletin_id,), search=False)
    return {
        "seconds": time.perf_counter() - started,
        "pages": report.pages,
        "written": len(report.written),
        "files": list(report.written),
        "phases": report.seconds,
    }


def _next_month(services: Any) -> datetime:
    """09:00 in the city on the first day of the month after the archive's newest notice."""
    from sqlalchemy import func
    from sqlmodel import Session, col, select

    from publisher.tables import Bulletin

    with Session(services.db) as session:
        latest = session.exec(select(func.max(col(Bulletin.published_at)))).one()
    assert latest is not None
    local = latest.replace(tzinfo=UTC).astimezone(_city_time_zone())
    year, month = (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
    return datetime(year, month, 1, 9, tzinfo=_city_time_zone()).astimezone(UTC)


def _city_time_zone() -> Any:
    from publisher.site.render import CITY_TIME_ZONE

    return CITY_TIME_ZONE


def _publish_new(services: Any, moment: datetime, *, search: bool = False) -> dict[str, Any]:
    """Publish a new bulletin (as the publish job leaves it) and time the build that follows."""
    from publisher.site.build import update_site
    from tests.publisher.site.archive import publish_fixture
    from tests.support.fake_engine import FakeEngine

    sample = json.loads(sorted(BULLETINS.glob("*.json"))[0].read_text("utf-8"))
    sample["title"] = f"{sample['title']}（新着 {moment:%Y%m%d%H}）"
    new = publish_fixture(services, sample, FakeEngine(), published_at=moment)
    started = time.perf_counter()
    report = update_site(services, changed=(new,), search=search)
    return {
        "id": new,
        "seconds": time.perf_counter() - started,
        "pages": report.pages,
        "written": len([path for path in report.written if not path.startswith("pagefind/")]),
        "index_files": len([path for path in report.written if path.startswith("pagefind/")]),
        "files": list(report.written),
        "phases": report.seconds,
    }


def phase_full(data: Path, workers: int = 0) -> dict[str, Any]:
    """The full build, then one edit built in the same process (as the worker does it)."""
    from publisher.site.build import update_site

    services = _services(data, workers=workers)
    started = time.perf_counter()
    report = update_site(services, full=True, search=False)
    # Until the new site is live and the lock free; old builds are deleted after that.
    seconds = time.perf_counter() - started - report.seconds.get("prune", 0.0)
    incremental = [_edit_and_update(services, bulletin_id) for bulletin_id in range(1, 6)]
    start = _next_month(services)
    new = [_publish_new(services, start + timedelta(hours=offset)) for offset in range(NEW_NOTICES)]
    services.close()
    return {
        "new": new,
        "seconds": seconds,
        "pages": report.pages,
        "files": len(report.written),
        "phases": report.seconds,
        "incremental": incremental,
        "peak_mb": _peak_mb(),
        "processes": report.processes,
    }


def phase_one_process(data: Path) -> dict[str, Any]:
    """The full build with one process only (``KAKEHASHI_BUILD_WORKERS=1``)."""
    return phase_full(data, workers=1)


def phase_baseline(data: Path) -> dict[str, Any]:
    """Record every page's template and context from a build, then render them bare."""
    from publisher.site import render as render_module
    from publisher.site.build import update_site

    recorded: list[tuple[Any, dict[str, Any]]] = []
    original = render_module.SiteRenderer.render

    def record(self: Any, template: str, context: Any) -> bytes:
        recorded.append((self.templates[template], dict(context)))
        return original(self, template, context)

    render_module.SiteRenderer.render = record  # type: ignore[method-assign]
    # One process, so that every render is recorded here.
    services = _services(data, Path(tempfile.mkdtemp(dir=data)) / "site", workers=1)
    update_site(services, full=True, search=False)
    services.close()
    # Start the loop as cold as the build: furigana is looked up again, not remembered.
    for converter in {id(c["text"]): c["text"] for _, c in recorded}.values():
        ruby = getattr(converter, "__self__", None)
        if ruby is not None:
            ruby._memo.clear()
            ruby.reader._memo.clear()
    started = time.perf_counter()
    for template, context in recorded:
        template.render(context).encode("utf-8")
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "pages": len(recorded), "peak_mb": _peak_mb()}


def phase_incremental(data: Path) -> dict[str, Any]:
    """One edit built by a fresh process (as ``main.py build`` does it)."""
    services = _services(data)
    result = _edit_and_update(services, 7)
    services.close()
    return {**result, "peak_mb": _peak_mb()}


def phase_search(data: Path) -> dict[str, Any]:
    from publisher.site.search import make_index

    site = _settings(data).resolved_site_dir.resolve()
    started = time.perf_counter()
    make_index(site, Path(tempfile.mkdtemp(dir=data)) / "bundle")
    return {"seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}


def phase_new_search(data: Path) -> dict[str, Any]:
    """Warm the search service, fold the site into a stable bundle, publish with search on."""
    from publisher.site import paths
    from publisher.site.search import read_bundle
    from publisher.site.search_fold import fold_search
    from publisher.site.search_service import warm

    services = _services(data)
    started = time.perf_counter()
    warm(Path(tempfile.mkdtemp(dir=data)))
    warmed = time.perf_counter() - started
    started = time.perf_counter()
    assert fold_search(services, nice=0)
    folded = time.perf_counter() - started
    result = _publish_new(services, _next_month(services), search=True)
    site = services.settings.resolved_site_dir
    listed = json.loads((site / paths.SEARCH_MANIFEST).read_text("utf-8"))["bundles"]
    recent = site / paths.SEARCH_DIR / listed[-1]["path"]
    found = read_bundle(recent, "", {result["id"]: ""}).pages.get(result["id"], [])
    services.close()
    return {
        **result,
        "warm_seconds": warmed,
        "fold_seconds": folded,
        "found_pages": len(found),
        "peak_mb": _peak_mb(),
    }


PHASES = {
    "new-search": phase_new_search,
    "full": phase_full,
    "one-process": phase_one_process,
    "baseline": phase_baseline,
    "incremental": phase_incremental,
    "search": phase_search,
}


def phase_generate(data: Path, bulletins: int) -> dict[str, Any]:
    started = time.perf_counter()
    generate(data, bulletins)
    return {"seconds": time.perf_counter() - started}


def _run_phase(name: str, data: Path, *options: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.site", "--phase", name, "--data", str(data), *options],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bulletins", type=int, default=2_000)
    parser.add_argument("--search", action="store_true", help="Also time the Pagefind index.")
    parser.add_argument("--runs", type=int, default=2, help="Best of this many (default 2).")
    parser.add_argument("--phase", choices=[*PHASES, "generate"], help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.phase == "generate":
        print(json.dumps(phase_generate(arguments.data, arguments.bulletins)))
        return
    if arguments.phase:
        print(json.dumps(PHASES[arguments.phase](arguments.data)))
        return

    with tempfile.TemporaryDirectory(prefix="kakehashi-site-bench-") as temporary:
        data = Path(temporary) / "data"
        made = _run_phase("generate", data, "--bulletins", str(arguments.bulletins))
        print(
            f"archive: {arguments.bulletins} bulletins x {len(LANGUAGES) + 1} languages "
            f"({made['seconds']:.1f} s to generate)"
        )
        # Best of --runs: the machine may be busy with other work; each phase is alternated.
        fulls, singles, baselines = [], [], []
        for _ in range(arguments.runs):
            fulls.append(_run_phase("full", data))
            singles.append(_run_phase("one-process", data))
            baselines.append(_run_phase("baseline", data))
        full = min(fulls, key=lambda result: result["seconds"])
        single = min(singles, key=lambda result: result["seconds"])
        baseline = min(baselines, key=lambda result: result["seconds"])
        first_edit = full["incremental"][0]
        steady = sorted(full["incremental"][1:], key=lambda result: result["seconds"])
        warm = steady[len(steady) // 2]
        cold = _run_phase("incremental", data)
        full_rate = full["pages"] / full["seconds"]
        bare_rate = baseline["pages"] / baseline["seconds"]
        single_rate = single["pages"] / single["seconds"]
        print(f"best of {arguments.runs} runs; machine load average {os.getloadavg()[0]:.1f}")
        for name, result, rate in (
            (f"full build ({full['processes']} processes)", full, full_rate),
            ("full build (1 process)", single, single_rate),
        ):
            phases = ", ".join(f"{k} {v:.2f} s" for k, v in result["phases"].items())
            print(
                f"{name}: {result['pages']} pages ({result['files']} files) in "
                f"{result['seconds']:.2f} s = {rate:,.0f} pages/s "
                f"(target >= {TARGET_PAGES_PER_SECOND:,}); peak {result['peak_mb']:.0f} MB"
            )
            print(f"  phases: {phases}")
        print(
            f"bare Jinja2 loop (1 process, output kept in memory): {baseline['pages']} pages "
            f"in {baseline['seconds']:.2f} s = {bare_rate:,.0f} pages/s"
        )
        print(
            f"ratio of the whole build to the bare loop (target >= {TARGET_RATIO}): "
            f"{full_rate / bare_rate:.2f} with {full['processes']} processes, "
            f"{single_rate / bare_rate:.2f} with 1"
        )
        for name, result in (
            ("in the worker process, first after the full build", first_edit),
            (f"in the worker process, median of the next {len(steady)}", warm),
            ("in a fresh process", cold),
        ):
            print(
                f"incremental after one edit, {name}: {result['seconds'] * 1000:.0f} ms, "
                f"{result['written']} files written ({result['pages']} pages) = "
                f"{result['seconds'] / full['seconds']:.4f} of the full build "
                f"(target <= {TARGET_INCREMENTAL_FRACTION})"
            )
        print(f"  peak memory: {cold['peak_mb']:.0f} MB (fresh process)")
        print(f"  files: {', '.join(warm['files'])}")
        news = full["new"]
        timed = sorted(result["seconds"] for result in news)
        median = timed[len(timed) // 2]
        counts = [result["written"] for result in news]
        print(
            f"new notice, in the worker process, median of {len(news)}: "
            f"{median * 1000:.0f} ms = {median / full['seconds']:.4f} of the full build "
            f"(target <= {TARGET_INCREMENTAL_FRACTION}); files written: {news[0]['written']} "
            f"for the first (it opens a month: the most a new notice writes), "
            f"{min(counts)}-{max(counts)} over all (target: the same at any archive size)"
        )
        print(f"  files of the first: {', '.join(news[0]['files'])}")
        searched = _run_phase("new-search", data)
        print(
            f"search after a new notice: the build with the index took "
            f"{searched['seconds']:.2f} s, its search part {searched['phases']['search']:.2f} s "
            f"(target <= {TARGET_SEARCH_SECONDS} s); the recent bundle holds "
            f"{searched['found_pages']} pages of it; {searched['written']} site files and "
            f"{searched['index_files']} index files written"
        )
        print(
            f"  search service warm-up {searched['warm_seconds']:.1f} s (once per worker); "
            f"fold of the whole site into a stable bundle {searched['fold_seconds']:.1f} s "
            f"(background, lowest priority, not holding the site lock while indexing)"
        )
        if arguments.search:
            search = _run_phase("search", data)
            print(f"search index (pagefind, all bulletin pages): {search['seconds']:.1f} s")


if __name__ == "__main__":
    main()

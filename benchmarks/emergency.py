"""Emergency speed: from issuing an emergency to its pages, CAP file and audio being served.

    .venv/bin/python -m benchmarks.emergency                  # 2,000 bulletins x 10 languages
    .venv/bin/python -m benchmarks.emergency --bulletins 200 --alerts 3   # a quick run

The archive is the site benchmark's (``benchmarks.site``: published bulletins in Japanese and
nine languages, with audio), built in full once. Then, while a second full build of it runs
in the background (holding the site's build lock, as a long publish does), several emergencies
are issued one after the other, each carried out as the worker does it. For each: the seconds
until every language's page and the CAP file are in the served site (``text``), and until
every language's audio is there too (``audio``). The baseline, in the same run: the build of
an ordinary new bulletin, as the site benchmark measures it (translation and audio excluded).

Target on a 2-core machine: median <= 5 s, worst <= 15 s. The site-wide banner is not built
yet, so it is not part of what is timed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.site import LANGUAGES, _next_month, _publish_new, _services, generate

TARGET_MEDIAN = 5.0
TARGET_WORST = 15.0
SLOTS = {
    "areas": ["元城町", "中区"],
    "issued_at": "2026-07-01T14:30+09:00",
    "shelters": [{"name": "北部協働センター", "address": "中区元城町103-2"}],
    "phone": "053-457-2111",
}


def _issue(services: Any) -> str:
    from sqlmodel import Session

    from publisher import emergencies
    from publisher.workflow import Role
    from tests.support.staff import staff_member

    with Session(services.db, expire_on_commit=False) as session:
        staff = staff_member(session, "benchmark", Role.APPROVER)
        sent = emergencies.issue(session, services.settings, staff, "evacuation-order", SLOTS, None)
        session.commit()
        return sent.version.job_id


def _one_alert(services: Any) -> dict[str, float]:
    from sqlmodel import Session, select

    from publisher.emergency_publish import (
        _claim,
        _finish,
        publish_emergency_output,
        store_texts,
        voice,
    )
    from publisher.tables import EmergencyVersion

    started = time.perf_counter()
    job_id = _issue(services)
    version_id = _claim(services, job_id)
    assert version_id is not None
    store_texts(services, version_id)
    publish_emergency_output(services)
    text = time.perf_counter() - started
    with Session(services.db) as session:
        version = session.exec(
            select(EmergencyVersion).where(EmergencyVersion.id == version_id)
        ).one()
        emergency_id = version.emergency_id
    site = services.settings.resolved_site_dir
    for language in ("ja", *LANGUAGES):
        assert (site / language / "emergencies" / str(emergency_id) / "index.html").is_file()
    voice(services, version_id)
    publish_emergency_output(services)
    _finish(services, version_id, None)
    return {"text": text, "audio": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bulletins", type=int, default=2_000)
    parser.add_argument("--alerts", type=int, default=5)
    arguments = parser.parse_args()
    from publisher.site.build import update_site

    with tempfile.TemporaryDirectory(prefix="kakehashi-emergency-bench-") as temporary:
        data = Path(temporary) / "data"
        generate(data, arguments.bulletins)
        services = _services(data)
        try:
            update_site(services, full=True, search=False)
            baseline = _publish_new(services, _next_month(services))["seconds"]
            background = threading.Thread(
                target=update_site, args=(services,), kwargs={"full": True, "search": False}
            )
            background.start()
            time.sleep(1.0)  # the full build is under way and holds the build lock
            runs = [_one_alert(services) for _ in range(arguments.alerts)]
            overlapped = background.is_alive()
            background.join()
        finally:
            services.close()
    texts = [run["text"] for run in runs]
    audios = [run["audio"] for run in runs]
    print(
        f"archive: {arguments.bulletins} bulletins x {len(LANGUAGES) + 1} languages; "
        f"{arguments.alerts} emergencies issued during a full build "
        f"({'still running at the end' if overlapped else 'finished before the last'})"
    )
    print(f"baseline: an ordinary new bulletin's site build {baseline:.2f} s")
    for name, values in (("pages + CAP online", texts), ("with every language's audio", audios)):
        median, worst = statistics.median(values), max(values)
        print(
            f"{name}: median {median:.2f} s (target <= {TARGET_MEDIAN:g}), "
            f"worst {worst:.2f} s (target <= {TARGET_WORST:g}); "
            f"{median / baseline:.2f}x the baseline"
        )
    print(f"(run at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC)")


if __name__ == "__main__":
    main()

"""Publishing after a preview: how long the publish takes once the approver has seen it.

Two fresh Kakehashi instances (separate data folders: no shared memory or clip cache) get the
same sample bulletins with the transformer-base ``ja→en``, ``en→pt``, ``en→es`` packages of
``benchmarks/translate.py`` and real voices. The baseline submits, approves and publishes
(its preview job is superseded unrun, as a publish request does to a waiting preview); the
other lets each submit's preview run first, then approves and publishes. Each instance first
publishes a short bulletin of its own, untimed, so that loading models and voices counts for
neither. Prints the preview's time, both publishes' times and the ratio (publish after
preview / publish alone), and checks that the published sentences equal the previewed ones.

    .venv/bin/python -m benchmarks.preview [--quick]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.translate import build_model, install_pairs, load_samples  # noqa: E402


def _instance(folder: Path, base: Path) -> object:
    from publisher.services import Services
    from publisher.settings import Settings

    settings = Settings(
        data_dir=folder,
        target_languages=("en", "pt", "es"),
        base_url="http://localhost/",
    )
    install_pairs(base, settings.argos_dir / "argos-packages")
    return Services.create(settings)


def _run(services: object, samples: Sequence[object], preview_first: bool) -> dict[str, float]:
    from sqlmodel import Session

    from publisher.editing import act, create_bulletin
    from publisher.keys import as_staff, staff_for
    from publisher.pipeline import run_publish
    from publisher.preview import run_preview
    from publisher.services import Services
    from publisher.workflow import Action, Role

    assert isinstance(services, Services)
    times = {"preview": 0.0, "publish": 0.0}
    for sample in samples:
        with Session(services.db, expire_on_commit=False) as session:
            author = as_staff(staff_for(session, "editor", Role.EDITOR))
            approver = as_staff(staff_for(session, "approver", Role.APPROVER))
            bulletin = create_bulletin(session, sample, author)  # type: ignore[arg-type]
            assert bulletin.id is not None
            _, preview_job = act(session, bulletin.id, Action.SUBMIT, author, four_eyes=False)
            session.commit()
        assert preview_job is not None
        if preview_first:
            start = time.perf_counter()
            run_preview(services, preview_job.id)
            times["preview"] += time.perf_counter() - start
            previewed = _sentences(services, bulletin.id)
        with Session(services.db, expire_on_commit=False) as session:
            act(session, bulletin.id, Action.APPROVE, approver, four_eyes=False)
            _, publish_job = act(session, bulletin.id, Action.PUBLISH, approver, four_eyes=False)
            session.commit()
        assert publish_job is not None
        start = time.perf_counter()
        run_publish(services, publish_job.id)
        times["publish"] += time.perf_counter() - start
        if preview_first:
            published = _sentences(services, bulletin.id)
            assert published == previewed, "the publish changed what the approver saw"
    return times


def _sentences(services: object, bulletin_id: int) -> list[tuple[str, str, str]]:
    """Every stored sentence of the bulletin, by language and position."""
    from sqlmodel import Session, col, select

    from publisher.services import Services
    from publisher.tables import SegmentTranslation

    assert isinstance(services, Services)
    with Session(services.db) as session:
        rows = session.exec(
            select(SegmentTranslation)
            .where(SegmentTranslation.bulletin_id == bulletin_id)
            .order_by(col(SegmentTranslation.language), col(SegmentTranslation.position))
        ).all()
        return [(row.language, row.segment_id, row.text) for row in rows]


def main(argv: Sequence[str] | None = None) -> None:
    from publisher.statuses import TextVersion

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two bulletins instead of six")
    args = parser.parse_args(argv)
    samples = load_samples(2 if args.quick else 6)
    warm_up = [
        samples[0].model_copy(  # type: ignore[attr-defined]
            update={
                "title": "準備運動",
                "body": "これは計測の前に動かすための文です。",
                "easy_title": None,
                "easy_body": None,
                "translation_source": TextVersion.ORIGINAL,
            }
        )
    ]
    with tempfile.TemporaryDirectory(prefix="kakehashi-preview-bench-") as temp:
        work = Path(temp)
        print("building the transformer-base model...", flush=True)
        base = build_model(work)
        alone_services = _instance(work / "alone", base)
        previewed_services = _instance(work / "previewed", base)
        try:
            # Untimed: each instance loads its models and voices on a bulletin of its own.
            _run(alone_services, warm_up, preview_first=False)
            _run(previewed_services, warm_up, preview_first=False)
            alone = _run(alone_services, samples, preview_first=False)
            previewed = _run(previewed_services, samples, preview_first=True)
        finally:
            for services in (alone_services, previewed_services):
                services.close()  # type: ignore[attr-defined]
    print(f"bulletins: {len(samples)}, languages: ja + en, pt, es (pt and es through English)")
    print(f"publish alone (baseline):   {alone['publish']:7.1f} s")
    print(f"preview (at submit):        {previewed['preview']:7.1f} s")
    print(f"publish after the preview:  {previewed['publish']:7.1f} s")
    ratio = previewed["publish"] / alone["publish"]
    print(f"ratio publish after preview / publish alone: {ratio:.2f}")
    print("published sentences equal the previewed ones: yes")


if __name__ == "__main__":
    main()

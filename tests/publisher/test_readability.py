"""Readability reports: the original beside the easy-Japanese version, for the API and the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from publisher.demo import load_samples
from publisher.readability import comparison_table, revision_readability, text_readability
from publisher.tables import Revision

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "demo" / "bulletins"


def test_every_sample_bulletin_has_an_easy_version_with_fewer_findings() -> None:
    samples = load_samples(DEMO)
    assert len(samples) == 6
    for sample in samples:
        assert sample.easy_body is not None and sample.easy_title is not None
        original = text_readability(sample.title, sample.body)
        easy = text_readability(sample.easy_title, sample.easy_body)
        assert len(easy.findings) < len(original.findings), sample.title
        # What is left in the easy versions is kanji in proper names (shelter addresses).
        assert set(easy.counts) <= {"kanji-count"}, (sample.title, easy.findings)
        assert easy.score is not None and easy.band is not None


def test_a_revision_report_carries_both_texts_and_hints_in_the_language_asked() -> None:
    revision = Revision(
        bulletin_id=4,
        number=2,
        title="お知らせ",
        body="足元にご注意ください。",
        category="event",
        author="x",
        easy_body="足元に 気をつけて ください。",
        translation_source="easy",
    )
    report = revision_readability(revision, "ja")
    assert report.translation_source == "easy"
    assert report.easy is not None and report.easy.findings == []
    assert [f.rule for f in report.original.findings] == ["honorific"]
    assert report.original.findings[0].hint.startswith("尊敬語です")


def test_the_table_lists_original_and_easy_for_each_bulletin() -> None:
    revision = Revision(
        bulletin_id=1,
        number=1,
        title="お知らせ",
        body="受付は17時までです。",
        category="x",
        author="x",
    )
    lines = comparison_table([("notice", revision_readability(revision))])
    assert lines[0].startswith("| bulletin | text | sentences | score | band | findings |")
    assert any(line.startswith("| notice | original | 2 |") for line in lines)
    assert "| notice | easy | - | - | - | - |" in lines
    assert any("24-hour-time" in line for line in lines)


def test_the_readability_command_prints_the_demo_table() -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "readability", "--findings", "--hints", "ja"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "| 03-evacuation-shelter | easy |" in result.stdout
    assert "尊敬語です" in result.stdout

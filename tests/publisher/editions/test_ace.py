"""Ace by DAISY checks the EPUB editions (its axe rules and EPUB Accessibility checks).

Ace runs offline on Debian's chromium through puppeteer (``ace-puppeteer``), from the npm
packages pinned in ``tests/browser`` (``scripts/setup.sh`` installs them without downloading
a browser).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from publisher.editions.build import EditionFiles

ACE = Path(__file__).resolve().parents[2] / "browser" / "node_modules" / ".bin" / "ace-puppeteer"
CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.mark.parametrize("language", ["ja", "en", "vi"])
def test_ace_finds_no_violation(
    april: dict[str, EditionFiles], language: str, tmp_path: Path
) -> None:
    if not ACE.is_file() or shutil.which("node") is None:
        pytest.fail("Ace by DAISY is missing: run scripts/setup.sh (npm ci --prefix tests/browser)")
    if not CHROMIUM.is_file():
        pytest.fail("Debian chromium is needed: apt-get install chromium")
    result = subprocess.run(
        ["node", str(ACE), "--force", "--outdir", str(tmp_path), str(april[language].epub)],
        capture_output=True,
        text=True,
        env={**os.environ, "PUPPETEER_EXECUTABLE_PATH": str(CHROMIUM)},
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    violations = [
        f"{document['earl:testSubject']['url']}: {check['earl:test']['dct:title']}"
        for document in report["assertions"]
        for check in document.get("assertions", [])
    ]
    assert violations == []
    assert report["earl:result"]["earl:outcome"] == "pass"

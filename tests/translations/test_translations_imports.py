from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]

MODULES = [
    "translations",
    "translations.languages",
    "translations.document",
    "translations.segmenter",
    "translations.restore",
    "translations.quality",
    "translations.models",
    "translations.engine",
    "translations.pipeline",
]
HEAVY = ["ctranslate2", "torch", "sentencepiece", "argostranslate", "stanza", "numpy"]


def test_importing_the_library_loads_nothing_heavy() -> None:
    code = (
        "import sys\n"
        f"for name in {MODULES!r}: __import__(name)\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == ""


def test_never_imports_publisher_or_audio() -> None:
    for path in (ROOT / "translations").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import publisher" not in source and "from publisher" not in source, path
        assert "import audio" not in source and "from audio" not in source, path

"""The package stays a plain, light library: no engine at import, no publisher/translations."""

import ast
import subprocess
import sys
from pathlib import Path

import audio

PACKAGE = Path(audio.__file__).parent


def test_audio_never_imports_the_other_packages():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in {"publisher", "translations"}, path


def test_importing_every_module_loads_no_engine():
    modules = sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts) for p in PACKAGE.rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m.removesuffix('.__init__'))\n"
        "heavy = {'pyopenjtalk', 'pyttsx3', 'lameenc', 'soundfile'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parent,
        timeout=60,
    )
    assert done.stdout.strip() == "[]"

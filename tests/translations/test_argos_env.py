from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_argostranslate_uses_the_configured_folders(tmp_path: Path) -> None:
    """In a fresh process: configure, then import argostranslate; nothing lands in $HOME."""
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    code = (
        "from pathlib import Path\n"
        "from translations.models import configure_argos_environment\n"
        f"packages = configure_argos_environment(Path({str(data)!r}))\n"
        "from argostranslate import settings\n"
        "assert Path(settings.package_data_dir) == packages, settings.package_data_dir\n"
        "assert settings.device == 'cpu'\n"
        "print(packages)\n"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith(("ARGOS", "XDG"))}
    env["HOME"] = str(home)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(data.resolve() / "argos-packages")
    assert list(home.iterdir()) == []
    assert (data / "argos-packages").is_dir()

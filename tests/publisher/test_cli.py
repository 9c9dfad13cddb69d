"""The command line, run as a newcomer would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KAKEHASHI_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "main.py", *args], capture_output=True, text=True, cwd=REPO, env=env
    )


def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = run("--help", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    for command in ("serve", "demo", "build", "keys", "models", "worker", "users"):
        assert command in result.stdout


def test_keys_create_prints_the_secret_once_and_stores_a_hash(tmp_path: Path) -> None:
    result = run("keys", "create", "--name", "Sato", "--role", "editor", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    secret = result.stdout.strip().splitlines()[-1]
    assert secret.startswith("kk_")
    assert secret.encode() not in (tmp_path / "kakehashi.db").read_bytes()
    listed = run("keys", "list", data_dir=tmp_path)
    assert "Sato" in listed.stdout
    assert secret not in listed.stdout


def test_keys_create_refuses_an_unknown_role(tmp_path: Path) -> None:
    result = run("keys", "create", "--name", "x", "--role", "boss", data_dir=tmp_path)
    assert result.returncode == 2
    assert "editor, approver or admin" in result.stderr


def test_models_install_refuses_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.argosmodel"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = run("models", "install", str(broken), data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert "not installed" in result.stderr
    listed = run("models", "list", data_dir=tmp_path / "data")
    assert "argos packages (0)" in listed.stdout
    assert "not reachable" in listed.stdout


def test_models_download_fails_clearly_when_offline(tmp_path: Path) -> None:
    env_url = "http://127.0.0.1:9/index.json"
    result = subprocess.run(
        [sys.executable, "main.py", "models", "download", "en"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={
            **os.environ,
            "KAKEHASHI_DATA_DIR": str(tmp_path),
            "ARGOS_PACKAGE_INDEX": env_url,
        },
        timeout=120,
    )
    assert result.returncode == 1
    assert "download failed" in result.stderr

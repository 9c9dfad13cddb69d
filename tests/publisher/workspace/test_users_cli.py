"""``main.py users``: the password from standard input when it is not a terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from publisher.cli import app
from publisher.services import Services
from publisher.settings import Settings
from publisher.workspace.accounts import find_account
from publisher.workspace.passwords import verify


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("KAKEHASHI_DATA_DIR", str(tmp_path / "data"))
    return Settings()


def test_create_list_reset_and_disable(environment: Settings) -> None:
    runner = CliRunner()
    made = runner.invoke(
        app,
        ["users", "create", "--name", "広報 花子", "--role", "approver"],
        input="a password from a script\n",
    )
    assert made.exit_code == 0, made.output
    services = Services.create(environment)
    try:
        with Session(services.db) as session:
            person = find_account(session, "広報 花子")
            assert person is not None and person.role == "approver"
            assert verify("a password from a script", person.password_hash)[0]
            assert not person.must_change_password
        listed = runner.invoke(app, ["users", "list"])
        assert "広報 花子  approver  active" in listed.output
        short = runner.invoke(
            app, ["users", "create", "--name", "x", "--role", "editor"], input="short\n"
        )
        assert short.exit_code == 2 and "at least 10" in short.output
        reset = runner.invoke(
            app, ["users", "reset-password", "--name", "広報 花子"], input="one time password\n"
        )
        assert reset.exit_code == 0, reset.output
        assert "one-time password" in runner.invoke(app, ["users", "list"]).output
        disabled = runner.invoke(app, ["users", "disable", "--name", "広報 花子"])
        assert disabled.exit_code == 0
        assert "disabled" in runner.invoke(app, ["users", "list"]).output
    finally:
        services.close()


def test_a_script_pipes_the_password_on_standard_input(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[3]
    env = {**os.environ, "KAKEHASHI_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "main.py", "users", "create", "--name", "Sato", "--role", "editor"],
        input="piped from a script\n",
        capture_output=True,
        text=True,
        cwd=repo,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert b"piped from a script" not in (tmp_path / "kakehashi.db").read_bytes()
    services = Services.create(Settings(data_dir=tmp_path))
    try:
        with Session(services.db) as session:
            person = find_account(session, "Sato")
            assert person is not None
            assert verify("piped from a script", person.password_hash)[0]
    finally:
        services.close()

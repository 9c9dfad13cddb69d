"""``main.py users``: workspace accounts from the command line.

A password is read from standard input when it is not a terminal (so scripts can set it:
``printf '%s\\n' "$PASSWORD" | main.py users create ...``), else asked for twice, unechoed.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from sqlmodel import Session

from publisher.tables import StaffMember
from publisher.workflow import Role

users_app = typer.Typer(help="Staff accounts of the workspace (/staff/).", no_args_is_help=True)
CLI_ACTOR = "command line"


def read_password(prompt: str = "Password") -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"{prompt}: ")
    second = getpass.getpass(f"{prompt} again: ")
    if first != second:
        typer.secho("the two passwords differ", fg="red", err=True)
        raise typer.Exit(2)
    return first


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError as error:
        typer.secho("role must be editor, approver or admin", fg="red", err=True)
        raise typer.Exit(2) from error


@contextmanager
def _session() -> Iterator[Session]:
    from publisher.cli import _services

    services = _services()
    try:
        with Session(services.db, expire_on_commit=False) as session:
            yield session
    finally:
        services.close()


def _person(session: Session, name: str) -> StaffMember:
    from publisher.workspace.accounts import find_account

    person = find_account(session, name)
    if person is None:
        typer.secho(f"no active member of staff is called {name}", fg="red", err=True)
        raise typer.Exit(2)
    return person


def _refused(error: Exception) -> typer.Exit:
    typer.secho(str(error), fg="red", err=True)
    return typer.Exit(2)


@users_app.command("create")
def users_create(
    name: Annotated[str, typer.Option(help="The name they sign in with.")],
    role: Annotated[str, typer.Option(help="editor, approver or admin.")],
    one_time: Annotated[
        bool, typer.Option(help="They must change the password at the first sign-in.")
    ] = False,
) -> None:
    """Create a workspace account (or give a person who has only API keys a password)."""
    from publisher.workspace.accounts import AccountError, create_account

    chosen = _role(role)
    password = read_password()
    with _session() as session:
        try:
            create_account(session, name, chosen, password, by=CLI_ACTOR, one_time=one_time)
        except AccountError as error:
            raise _refused(error) from error
        session.commit()
    typer.echo(f"created account {name} ({chosen.value})")


@users_app.command("list")
def users_list() -> None:
    """Every member of staff: role, whether they can sign in, disabled or locked."""
    from publisher.tables import utc_now
    from publisher.workspace.accounts import accounts
    from publisher.workspace.signin import aware

    with _session() as session:
        now = utc_now()
        for person in accounts(session):
            notes = []
            if not person.active:
                notes.append("disabled")
            if person.password_hash is None:
                notes.append("no password (API keys only)")
            elif person.must_change_password:
                notes.append("one-time password")
            locked = aware(person.locked_until)
            if locked is not None and locked > now:
                notes.append(f"locked until {locked:%Y-%m-%d %H:%M} UTC")
            typer.echo(f"{person.name}  {person.role}  {', '.join(notes) or 'active'}")


@users_app.command("disable")
def users_disable(name: Annotated[str, typer.Option(help="Whom to disable.")]) -> None:
    """Disable an account: no sign-in, session or API key of theirs works any more."""
    from publisher.workspace.accounts import AccountError, disable

    with _session() as session:
        try:
            disable(session, _person(session, name), by=CLI_ACTOR)
        except AccountError as error:
            raise _refused(error) from error
        session.commit()
    typer.echo(f"disabled {name}")


@users_app.command("reset-password")
def users_reset_password(name: Annotated[str, typer.Option(help="Whose password.")]) -> None:
    """Set a one-time password (read like ``create``); they change it at the next sign-in."""
    from publisher.workspace.accounts import AccountError, set_password

    password = read_password("One-time password")
    with _session() as session:
        person = _person(session, name)
        try:
            set_password(session, person, password, by=CLI_ACTOR, one_time=True)
        except AccountError as error:
            raise _refused(error) from error
        session.commit()
    typer.echo(f"{name} has a one-time password; their sessions have ended")

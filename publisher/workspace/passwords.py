"""Passwords: Argon2 hashes (pwdlib), a length rule, and one-time passwords.

The hasher is made on first use, not at import time.
"""

from __future__ import annotations

import secrets
from functools import lru_cache

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from translations.catalogs import N_

MIN_LENGTH = 10
MAX_LENGTH = 256


@lru_cache(maxsize=1)
def _hasher() -> PasswordHash:
    return PasswordHash((Argon2Hasher(),))


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify(password: str, stored: str | None) -> tuple[bool, str | None]:
    """Whether ``password`` matches, and a new hash when the stored one's parameters are old.

    Without a stored hash a dummy one is checked, so an unknown name takes as long as a
    known one.
    """
    if stored is None:
        _hasher().verify(password, _dummy_hash())
        return False, None
    return _hasher().verify_and_update(password, stored)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def password_problem(password: str) -> str | None:
    """Why a new password is refused (a message id of the ``workspace`` domain), or None."""
    if len(password) < MIN_LENGTH:
        return N_("A password needs at least 10 characters.")
    if len(password) > MAX_LENGTH:
        return N_("A password may have at most 256 characters.")
    if not password.strip():
        return N_("A password cannot be only spaces.")
    return None


def one_time_password() -> str:
    """A password to give a person once (a new account or a reset); they change it at once."""
    return secrets.token_urlsafe(12)

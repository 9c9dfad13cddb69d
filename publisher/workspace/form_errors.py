"""Turning a refused form into messages beside its fields, in the person's language.

The rules are the API's (its pydantic models and domain checks); the workspace only says,
per field, what the field needs, as a message id of the ``workspace`` catalog.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError


def field_errors(
    error: ValidationError, messages: Mapping[str, str], *, whole: str
) -> dict[str, str]:
    """One message per refused field; an error about the whole form goes to field ``whole``."""
    found: dict[str, str] = {}
    for problem in error.errors():
        location = problem.get("loc") or ()
        field = str(location[0]) if location else whole
        if field not in messages:
            field = whole
        found.setdefault(field, messages[field])
    return found

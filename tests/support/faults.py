"""Faults injected into real worker processes from the test side.

A test replaces the function a pool sends to its workers (an attribute of the pool's module)
with ``functools.partial(misbehave_once, token, fault, real_function)``.  The partial is
pickled to the spawned worker by reference, so the worker imports this module and runs the
real job, except for the first job that manages to delete ``token``: that one hangs or kills
its worker, the way a wedged or crashing engine would.  Deleting is atomic, so exactly one
job misbehaves, once, whichever worker runs it.  Before misbehaving, the worker writes its
process id to :func:`pid_file` so that the test can check it is really gone afterwards.

Product code knows nothing about this: the pools' own timeout, crash and retry handling is
what recovers, exactly as it would from a real fault.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal, TypeVar

T = TypeVar("T")

Fault = Literal["hang", "crash"]
CRASH_EXIT_CODE = 70


def pid_file(token: Path) -> Path:
    return token.with_name(token.name + ".pid")


def misbehave_once(token: Path, fault: Fault, job: Callable[..., T], *args: object) -> T:
    """Run ``job(*args)``, unless this call is the one that takes ``token``."""
    try:
        token.unlink()
    except FileNotFoundError:
        return job(*args)
    pid_file(token).write_text(str(os.getpid()))
    if fault == "crash":
        os._exit(CRASH_EXIT_CODE)
    while True:
        time.sleep(60)

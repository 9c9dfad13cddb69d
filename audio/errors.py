"""The one exception the publisher needs to catch from audio rendering."""

from __future__ import annotations


class SynthesisError(RuntimeError):
    """A clip or a track could not be made; never answered with silence instead."""

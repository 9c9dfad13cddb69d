"""The status values of translated text: one enum each, so no module spells them by hand."""

from __future__ import annotations

from enum import StrEnum


class SegmentOrigin(StrEnum):
    """Where one translated sentence came from."""

    MACHINE = "machine"
    HUMAN = "human"
    """A staff correction."""
    TEMPLATE = "template"
    """Nothing to translate (only protected items and numbers): the source, re-formatted."""


class TranslationStatus(StrEnum):
    """What a whole language version of a document is, for readers and staff."""

    SOURCE = "source"
    MACHINE = "machine"
    HUMAN_CORRECTED = "human_corrected"
    FLAGGED = "flagged"
    MISSING = "missing"


class RouteVia(StrEnum):
    """How a language is reached from the source language (and what a city may pin)."""

    BILINGUAL = "bilingual"
    """One step through a model made for this pair (an argos package or OPUS-MT)."""
    MULTILINGUAL = "multilingual"
    """One step through a multilingual model (M2M-100, NLLB-200) given the target token."""
    PIVOT = "pivot"
    """Two steps, through English."""

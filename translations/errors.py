"""Errors raised by the translation library, each with a message PR staff can act on."""

from __future__ import annotations


class PackageInstallError(ValueError):
    """A translation package file was rejected; the installed packages are unchanged."""


class PackageDownloadError(RuntimeError):
    """Packages could not be downloaded (no network, index unreachable, bad download)."""


class TranslationUnavailableError(LookupError):
    """No installed package (or pivot through English) translates this language pair."""


class TranslationFailedError(RuntimeError):
    """The model or its tokenizer could not be loaded or run."""

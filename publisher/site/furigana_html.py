"""Furigana as HTML: ``<ruby>`` with ``<rp>`` fallbacks, hidden from screen readers.

Readings are shown only on the separate furigana version of a Japanese page (off by default),
and even there ``<rt>``/``<rp>`` carry ``aria-hidden`` so a screen reader reads each word once.
The audio is made from the document's sentences, never from this HTML, so readings never
reach text-to-speech either.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from translations.furigana import FuriganaReader, Run

_HIDDEN = ' aria-hidden="true"'


def ruby_html(runs: tuple[Run, ...]) -> str:
    parts: list[str] = []
    for run in runs:
        base = escape(run.base)
        if run.reading is None:
            parts.append(str(base))
        else:
            parts.append(
                f"<ruby>{base}<rp{_HIDDEN}>(</rp><rt{_HIDDEN}>{escape(run.reading)}</rt>"
                f"<rp{_HIDDEN}>)</rp></ruby>"
            )
    return "".join(parts)


class FuriganaHtml:
    """Plain text to escaped HTML with furigana; remembers what it has converted."""

    def __init__(self, reader: FuriganaReader) -> None:
        self.reader = reader
        self._memo: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        html = self._memo.get(text)
        if html is None:
            html = ruby_html(self.reader.runs(text))
            self._memo[text] = html
        return html

    def markup(self, text: str) -> Markup:
        return Markup(self(text))

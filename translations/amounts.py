"""Find sums of money and postal codes: numbers a reader pays or writes on an envelope.

``300円``, ``1,500円``, ``１万2千円`` and ``1.5万円`` are amounts in yen; a model that turns
300 into 3,000 (or "300 yen" into "300 circles") misleads, so they are protected and written in
the reader's format (``¥300``, ``JP¥ 300``). Counts of other things (``約320世帯``, ``40歳``) are
left to the model: their unit is a word to translate, and models copy bare numbers well.
Postal codes (``〒430-0000``) are kept exactly as written, as residents copy them onto mail.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Literal

_D = "[0-9０-９]"
_NUMBER = rf"{_D}[0-9０-９,，]*(?:[.．]{_D}+)?"
_MONEY = re.compile(
    rf"(?<![0-9０-９.,．，])(?:(?P<man>{_NUMBER})\s*万\s*(?:(?P<sen>{_D}+)\s*千)?"
    rf"|(?P<plain>{_NUMBER}))\s*円"
)
_POSTAL = re.compile(rf"〒\s?{_D}{{3}}\s?[-‐－ー−]\s?{_D}{{4}}(?![0-9０-９])")
_FULL = str.maketrans("０１２３４５６７８９，．", "0123456789,.")


@dataclass(frozen=True)
class AmountSpan:
    """An amount or postal code in ``text[start:end]``; ``data`` is its meaning as JSON."""

    start: int
    end: int
    kind: Literal["amount", "postal"]
    data: str


def _value(text: str) -> float:
    return float(text.translate(_FULL).replace(",", ""))


def _yen(match: re.Match[str]) -> int | None:
    try:
        if match.group("man") is not None:
            thousands = _value(match.group("sen")) if match.group("sen") else 0
            total = _value(match.group("man")) * 10_000 + thousands * 1_000
        else:
            total = _value(match.group("plain"))
    except ValueError:
        return None
    return round(total) if total == round(total) else None


def find_amounts(text: str) -> tuple[AmountSpan, ...]:
    """Sums of yen and postal codes in ``text``, in order."""
    spans: list[AmountSpan] = []
    for match in _MONEY.finditer(text):
        yen = _yen(match)
        if yen is not None:
            data = json.dumps({"amount": yen, "currency": "JPY"}, sort_keys=True)
            spans.append(AmountSpan(match.start(), match.end(), "amount", data))
    for match in _POSTAL.finditer(text):
        digits = re.findall(r"\d+", match.group().translate(_FULL))
        data = json.dumps({"postal": "-".join(digits)})
        spans.append(AmountSpan(match.start(), match.end(), "postal", data))
    return tuple(sorted(spans, key=lambda span: span.start))

"""How a list of notices is cut into pages whose URLs and contents stay put as it grows.

Every list (a language's notices, or one category's in that language) has:

* its **latest** page: the newest notices, rewritten by every new one;
* its **archive**: the months that have notices, newest first, each with its parts;
* **month parts**: a month's notices in the order they were published, a fixed number per
  part, counted from the start of the month (``2026-04/``, ``2026-04/page/2/``, …).

A new notice is the newest of its month, so it lands in the month's last part (or starts a
new one, which gives the part before it a "next" link, or starts a new month, which gives
the previous month's last part one). Whatever the size of the archive, a new notice changes
the latest page, the archive page and one or two month parts of each list it is in. Parts
link only to their neighbours (previous/next, across months): a part that listed all of
its month's parts would change whenever the month gained one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from publisher.site.content import BulletinSummary
from publisher.site.render import CITY_TIME_ZONE


def month_of(summary: BulletinSummary) -> str:
    """``YYYY-MM`` of the notice's publication in the city's time zone (where it is April)."""
    return summary.published_at.astimezone(CITY_TIME_ZONE).strftime("%Y-%m")


@dataclass(frozen=True)
class MonthPart:
    """Part ``part`` of ``month``: its notices oldest first, and its neighbours."""

    month: str
    part: int
    entries: tuple[BulletinSummary, ...]
    previous: tuple[str, int] | None
    """(month, part) of the part before, possibly the last part of an earlier month."""
    next: tuple[str, int] | None


@dataclass(frozen=True)
class Month:
    month: str
    count: int
    parts: int


@dataclass(frozen=True)
class ListArchive:
    """One list cut into its latest page, its months and their parts."""

    latest: tuple[BulletinSummary, ...]
    months: tuple[Month, ...]
    """Newest month first, as the archive page lists them."""
    parts: tuple[MonthPart, ...]


def cut(newest_first: Sequence[BulletinSummary], page_size: int) -> ListArchive:
    """Cut a list (newest notice first) into its latest page, months and month parts."""
    by_month: dict[str, list[BulletinSummary]] = {}
    for summary in reversed(newest_first):  # oldest first
        by_month.setdefault(month_of(summary), []).append(summary)
    slots: list[tuple[str, int, tuple[BulletinSummary, ...]]] = []
    months: list[Month] = []
    for month, members in by_month.items():
        count = 0
        for start in range(0, len(members), page_size):
            count += 1
            slots.append((month, count, tuple(members[start : start + page_size])))
        months.append(Month(month, len(members), count))
    parts = tuple(
        MonthPart(
            month,
            part,
            entries,
            slots[index - 1][:2] if index > 0 else None,
            slots[index + 1][:2] if index + 1 < len(slots) else None,
        )
        for index, (month, part, entries) in enumerate(slots)
    )
    return ListArchive(tuple(newest_first[:page_size]), tuple(reversed(months)), parts)

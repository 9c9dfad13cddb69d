"""Machine-readable files: an Atom feed and a podcast per language, sitemaps, robots.txt.

All URLs in them are absolute (from ``KAKEHASHI_BASE_URL``), as feed readers, podcast apps
and search engines require.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from jinja2 import Template
from markupsafe import escape

from publisher.site import paths
from publisher.site.content import BulletinSummary, WithdrawnNotice
from publisher.site.render import (
    CATEGORY_LABELS,
    UNTRANSLATED_NOTE,
    WITHDRAWN_HEADING,
    Alternate,
    SiteRenderer,
    category_key,
    withdrawn_text,
)
from translations.languages import get_language

FEED_ENTRIES = 50
PODCAST_EPISODES = 100
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_URLSET_OPEN = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)

# Characters XML 1.0 cannot carry, and the non-characters it discourages. The API refuses them
# in every text; this keeps a feed readable if the database holds some from before.
_PLANE_ENDS = "".join(
    chr(plane << 16 | last) for plane in range(1, 17) for last in (0xFFFE, 0xFFFF)
)
_NOT_XML = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd\U00010000-\U0010ffff]"
    f"|[{_PLANE_ENDS}]"
)

# RSS <language> takes the RFC 1766 style codes podcast apps know.
_RSS_LANGUAGE = {"zh": "zh-cn", "zh-Hant": "zh-tw", "pt": "pt-br", "tl": "fil"}


@dataclass(frozen=True)
class SitemapUrl:
    loc: str
    lastmod: str | None
    alternates: Sequence[Alternate]


FeedItem = BulletinSummary | WithdrawnNotice
"""What feeds list: notices online, and withdrawn ones marked as such."""


def _changed(item: FeedItem) -> datetime:
    return item.withdrawn_at if isinstance(item, WithdrawnNotice) else item.updated_at


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class FeedRenderer:
    """Renders the XML files with the templates in ``site_templates/xml``."""

    def __init__(self, renderer: SiteRenderer) -> None:
        self.site = renderer
        environment = renderer.env
        self.atom: Template = environment.get_template("xml/atom.xml")
        self.rss: Template = environment.get_template("xml/podcast.xml")
        self.index: Template = environment.get_template("xml/sitemapindex.xml")

    def _render(self, template: Template, context: dict[str, Any]) -> bytes:
        return _NOT_XML.sub("\ufffd", template.render(context)).encode("utf-8")

    def _title(self, language: str) -> str:
        strings = self.site.strings(language)
        name = strings.gettext("%(city)s public information", city=strings.city)
        return f"{name} ({get_language(language).native_name})"

    def _withdrawn(self, language: str, notice: WithdrawnNotice) -> dict[str, Any]:
        """A withdrawn notice as feeds show it: its title as published and that it was
        withdrawn, at the address it had for this language's readers (now saying so)."""
        site = self.site
        shown, title = notice.shown_in(language, site.source)
        if shown == language:
            date = site.date(language, notice.withdrawn_at)
            summary = site.strings(language).gettext(withdrawn_text(notice), title=title, date=date)
        else:
            summary = site.strings(language).gettext(WITHDRAWN_HEADING)
        return {
            "url": site.absolute(paths.bulletin_dir(shown, notice.id)),
            "lang": shown,
            "title": title,
            "summary": summary,
            "audio_url": None,
            "audio_size": None,
            "updated_at": notice.withdrawn_at,
        }

    def atom_feed(self, language: str, entries: Sequence[FeedItem]) -> bytes:
        site = self.site
        strings = site.strings(language)
        rows = []
        for item in entries:
            category = category_key(item.category)
            row: dict[str, Any]
            if isinstance(item, WithdrawnNotice):
                row = self._withdrawn(language, item)
            else:
                shown, entry = item.shown_in(language, site.source)
                # Until it is translated, the entry is the source-language page (its address
                # is its id); the translation, when it comes, is a new entry in the reader's
                # words.
                folder = paths.bulletin_dir(shown, item.id)
                row = {
                    "url": site.absolute(folder),
                    "lang": shown,
                    "title": entry.title,
                    "summary": strings.gettext(UNTRANSLATED_NOTE)
                    if shown != language
                    else entry.lead,
                    "audio_url": site.absolute(folder + paths.AUDIO_FILE)
                    if entry.audio_size
                    else None,
                    "audio_size": entry.audio_size,
                    "updated_at": max(item.updated_at, item.published_at),
                }
            row.update(
                published=_rfc3339(item.published_at),
                updated=_rfc3339(row.pop("updated_at")),
                category_term=category,
                category=strings.gettext(CATEGORY_LABELS[category]),
            )
            rows.append(row)
        updated = max((_changed(item) for item in entries), default=_EPOCH)
        return self._render(
            self.atom,
            {
                "lang": language,
                "feed_id": site.absolute(paths.feed_file(language)),
                "self_url": site.absolute(paths.feed_file(language)),
                "home_url": site.absolute(paths.index_dir(language)),
                "title": self._title(language),
                "subtitle": strings.gettext("Latest notices"),
                "author": site.city(language),
                "updated": _rfc3339(updated),
                "entries": rows,
            },
        )

    def podcast(self, language: str, episodes: Sequence[FeedItem]) -> bytes:
        site = self.site
        strings = site.strings(language)
        items = []
        for item in episodes:
            pub_date = format_datetime(item.published_at.astimezone(UTC))
            if isinstance(item, WithdrawnNotice):
                # Kept without its enclosure: podcast apps drop the episode and say why.
                withdrawn = self._withdrawn(language, item)
                items.append(
                    {
                        "title": withdrawn["title"],
                        "url": withdrawn["url"],
                        "summary": withdrawn["summary"],
                        "guid": withdrawn["url"],
                        "pub_date": pub_date,
                        "audio_url": None,
                    }
                )
                continue
            shown, entry = item.shown_in(language, site.source)
            folder = paths.bulletin_dir(shown, item.id)
            note = strings.gettext(UNTRANSLATED_NOTE) if shown != language else ""
            items.append(
                {
                    "title": entry.title,
                    "url": site.absolute(folder),
                    "summary": f"{note} {entry.lead}" if note else entry.lead or entry.title,
                    "guid": site.absolute(folder),
                    "pub_date": pub_date,
                    "audio_url": site.absolute(folder + paths.AUDIO_FILE),
                    "audio_size": entry.audio_size,
                    "duration": str(round(entry.audio_seconds or 0)),
                }
            )
        updated = max((_changed(item) for item in episodes), default=_EPOCH)
        return self._render(
            self.rss,
            {
                "title": f"{self._title(language)} — "
                + strings.gettext("Podcast (audio of every notice)"),
                "home_url": site.absolute(paths.index_dir(language)),
                "self_url": site.absolute(paths.podcast_file(language)),
                "description": strings.gettext(
                    "Audio versions of %(city)s's official notices, read aloud in this language.",
                    city=strings.city,
                ),
                "rss_language": _RSS_LANGUAGE.get(language, language),
                "updated": format_datetime(updated.astimezone(UTC)),
                "author": site.city(language),
                "artwork_url": site.absolute(paths.PODCAST_ARTWORK),
                "items": items,
            },
        )

    def urls(self, urls: Sequence[SitemapUrl]) -> bytes:
        """A ``<urlset>``; written directly (not with Jinja2) because sitemaps are long and
        every URL of one page shares the same block of alternates."""
        blocks: dict[int, str] = {}
        parts = [_URLSET_OPEN]
        for url in urls:
            block = blocks.get(id(url.alternates))
            if block is None:
                block = "".join(
                    f'    <xhtml:link rel="alternate" hreflang="{escape(alternate.hreflang)}" '
                    f'href="{escape(alternate.absolute)}"/>\n'
                    for alternate in url.alternates
                )
                blocks[id(url.alternates)] = block
            lastmod = f"    <lastmod>{url.lastmod}</lastmod>\n" if url.lastmod else ""
            parts.append(f"  <url>\n    <loc>{escape(url.loc)}</loc>\n{lastmod}{block}  </url>\n")
        parts.append("</urlset>\n")
        return "".join(parts).encode("utf-8")

    def sitemap_index(self, sitemaps: Sequence[tuple[str, str | None]]) -> bytes:
        return self._render(
            self.index,
            {
                "sitemaps": [
                    {"loc": self.site.absolute(path), "lastmod": lastmod}
                    for path, lastmod in sitemaps
                ]
            },
        )

    def robots(self) -> bytes:
        sitemap = self.site.absolute(paths.SITEMAP_INDEX)
        return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n".encode()


def bulletin_urls(site: SiteRenderer, summaries: Sequence[BulletinSummary]) -> list[SitemapUrl]:
    """Every language version of each bulletin, each listing all versions as alternates."""
    urls: list[SitemapUrl] = []
    for summary in summaries:
        languages = tuple(summary.entries)
        alternates = [
            Alternate(code, site.absolute(paths.bulletin_dir(code, summary.id)))
            for code in languages
        ]
        lastmod = _rfc3339(summary.updated_at)
        urls.extend(SitemapUrl(alternate.absolute, lastmod, alternates) for alternate in alternates)
    return urls


def lastmod(summaries: Sequence[BulletinSummary]) -> str | None:
    latest = max((summary.updated_at for summary in summaries), default=None)
    return _rfc3339(latest) if latest else None

"""Every file of the site that is not a bulletin's own: path, a key of its inputs, a renderer.

Planning is cheap (no rendering): each entry's ``key`` hashes exactly what the file shows
(for a list page: which bulletins, in which version, how many pages, which languages have
the same page), so an incremental build renders only the entries whose key changed.
A bulletin's own files are keyed by the bulletin's digest instead (see ``build``).
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice

from publisher.site import paths
from publisher.site.content import BulletinSummary, WithdrawnNotice
from publisher.site.feeds import (
    FEED_ENTRIES,
    PODCAST_EPISODES,
    FeedRenderer,
    SitemapUrl,
    bulletin_urls,
    lastmod,
)
from publisher.site.render import (
    CATEGORY_LABELS,
    CATEGORY_ORDER,
    Alternate,
    Link,
    Pagination,
    SiteRenderer,
    category_key,
    content_key,
)
from publisher.site.writer import SiteFile
from translations.catalogs import N_

TIER_MEDIA = 0
TIER_BULLETIN = 1
TIER_LISTING = 2
TIER_FEED = 3
TIER_ENTRY = 4
"""Commit order of an in-place update: what is linked to goes in before what links to it."""


@dataclass(frozen=True)
class Planned:
    path: str
    key: str
    tier: int
    render: Callable[[], SiteFile]


def _ids(entries: Sequence[BulletinSummary | WithdrawnNotice]) -> str:
    """Which bulletins, in which version: all a list shows of them follows from this."""
    return "|".join(
        entry.digest if isinstance(entry, BulletinSummary) else repr(entry) for entry in entries
    )


def _listing_key(
    folder: str,
    pages: int,
    digests: list[str],
    others: tuple[str, ...],
    categories: tuple[str, ...],
) -> str:
    """A list page's key: what :func:`content_key` would hash, joined without ``repr``.

    Every build keys thousands of list pages; ``repr`` of their inputs was most of the cost.
    The parts are joined with separators no folder, digest or code contains.
    """
    joined = "\n".join(
        (folder, str(pages), "|".join(digests), " ".join(others), " ".join(categories))
    )
    return hashlib.blake2b(joined.encode(), digest_size=12).hexdigest()


def _others_by_page(counts: dict[str, int]) -> dict[int, tuple[str, ...]]:
    """For each page number, the languages whose list has that page (each other's versions)."""
    return {
        page: tuple(code for code, count in counts.items() if count >= page)
        for page in range(1, max(counts.values(), default=0) + 1)
    }


def _category_dir(language: str, *, category: str, page: int) -> str:
    return paths.category_dir(language, category, page)


class SitePlan:
    """Plans the list pages, feeds, sitemaps and fixed pages for one set of summaries."""

    def __init__(
        self,
        renderer: SiteRenderer,
        summaries: Sequence[BulletinSummary],
        withdrawn: Sequence[WithdrawnNotice] = (),
    ) -> None:
        self.site = renderer
        self.feeds = FeedRenderer(renderer)
        self.settings = renderer.settings
        self.languages = self.settings.published_languages
        self.page_size = self.settings.site_page_size
        self.ordered = sorted(summaries, key=lambda summary: summary.sort_key, reverse=True)
        self.withdrawn = sorted(withdrawn, key=lambda notice: notice.sort_key, reverse=True)
        # Categories in one pass over the archive, then each language's share of each list.
        in_category: dict[str, list[BulletinSummary]] = {name: [] for name in CATEGORY_ORDER}
        for summary in self.ordered:
            in_category[category_key(summary.category)].append(summary)
        # Every language's lists have every notice: one not yet translated into a language
        # (no model, held for review, failed) is shown there in the source language.
        self.by_language = {code: self.ordered for code in self.languages}
        found = {name: members for name, members in in_category.items() if members}
        self.by_category: dict[str, dict[str, list[BulletinSummary]]] = {
            code: found for code in self.languages
        }
        self.translated = {
            code: sum(code in summary.entries for summary in self.ordered)
            for code in self.languages
        }
        """How many notices each language has in its own words (the language chooser says)."""
        self._digests: dict[int, list[str]] = {}  # per list of entries, in order
        self._categories = {code: tuple(self.by_category[code]) for code in self.languages}

    def _pages(self, count: int) -> int:
        return max(1, math.ceil(count / self.page_size))

    def _variants(self, language: str) -> tuple[bool, ...]:
        return (False, True) if self.site.furigana_for(language) else (False,)

    def plan(self) -> list[Planned]:
        planned: list[Planned] = []
        planned += self.static_files()
        planned.append(self.artwork_file())
        planned += self.index_pages()
        planned += self.category_pages()
        planned += self.fixed_pages()
        planned += self.withdrawn_pages()
        planned += self.feed_files()
        planned += self.sitemaps()
        return planned

    # -- plan entries ---------------------------------------------------------------------

    def static_files(self) -> list[Planned]:
        return [
            Planned(path, self.site.static_key(path), TIER_MEDIA, partial(lambda c: c, content))
            for path, content in self.site.static_files().items()
        ]

    def artwork_file(self) -> Planned:
        artwork = self.site.artwork
        return Planned(paths.PODCAST_ARTWORK, artwork.key, TIER_MEDIA, artwork.content)

    def index_pages(self) -> list[Planned]:
        counts = {code: self._pages(len(self.by_language[code])) for code in self.languages}
        others = _others_by_page(counts)
        planned: list[Planned] = []
        for language in self.languages:
            heading = self.site.strings(language).gettext("Latest notices")
            for page in range(1, counts[language] + 1):
                planned += self._listing(
                    language,
                    page,
                    counts[language],
                    self.by_language[language],
                    partial(paths.index_dir, page=page),
                    others[page],
                    heading=heading,
                    category=None,
                )
        return planned

    def category_pages(self) -> list[Planned]:
        others_in: dict[str, dict[int, tuple[str, ...]]] = {}
        for category in CATEGORY_ORDER:
            counts = {
                code: self._pages(len(self.by_category[code][category]))
                for code in self.languages
                if category in self.by_category[code]
            }
            others_in[category] = _others_by_page(counts)
        planned: list[Planned] = []
        for language in self.languages:
            for category, entries in self.by_category[language].items():
                pages = self._pages(len(entries))
                heading = self.site.strings(language).gettext(CATEGORY_LABELS[category])
                others = others_in[category]
                for page in range(1, pages + 1):
                    planned += self._listing(
                        language,
                        page,
                        pages,
                        entries,
                        partial(_category_dir, category=category, page=page),
                        others[page],
                        heading=heading,
                        category=category,
                    )
        return planned

    def _listing(
        self,
        language: str,
        page: int,
        pages: int,
        entries: Sequence[BulletinSummary],
        folder_for: Callable[[str], str],
        others: tuple[str, ...],
        *,
        heading: str,
        category: str | None,
    ) -> list[Planned]:
        """One page of a list (and its furigana version): keyed now, rendered on demand."""
        start, end = (page - 1) * self.page_size, page * self.page_size
        chunk = entries[start:end]
        folder = folder_for(language)
        digests = self._digests.get(id(entries))
        if digests is None:
            digests = self._digests[id(entries)] = [summary.digest for summary in entries]
        key = _listing_key(folder, pages, digests[start:end], others, self._categories[language])
        planned = []
        for furigana in self._variants(language):
            here = paths.furigana_dir(folder) if furigana else folder
            render = partial(
                self._render_listing,
                here,
                language,
                furigana,
                page,
                pages,
                chunk,
                folder_for,
                others,
                heading,
                category,
            )
            planned.append(Planned(paths.file_of(here), f"{key}{furigana:d}", TIER_LISTING, render))
        return planned

    def _render_listing(
        self,
        here: str,
        language: str,
        furigana: bool,
        page: int,
        pages: int,
        chunk: Sequence[BulletinSummary],
        folder_for: Callable[[str], str],
        others: tuple[str, ...],
        heading: str,
        category: str | None,
    ) -> bytes:
        site = self.site
        alternates = site.alternates(folder_for, others)
        if category is None and page == 1:
            alternates.append(Alternate("x-default", site.absolute("")))
        breadcrumbs: tuple[Link, ...] = ()
        if category is not None:
            home = site.href(here, paths.index_dir(language), furigana)
            breadcrumbs = (Link(site.strings(language, furigana).content(N_("Home")), home),)
        if category is None:
            pagination = Pagination(page, pages, partial(paths.index_dir, language))
        else:
            pagination = Pagination(page, pages, partial(paths.category_dir, language, category))
        return site.listing_page(
            here,
            language,
            furigana,
            heading=heading,
            entries=chunk,
            pagination=pagination,
            categories=tuple(self.by_category[language]),
            current_category=category,
            alternates=alternates,
            switcher=site.switcher(here, folder_for, others, language),
            breadcrumbs=breadcrumbs,
        )

    def fixed_pages(self) -> list[Planned]:
        site = self.site
        planned = [
            Planned(
                "index.html",
                content_key("root", self.translated, len(self.ordered)),
                TIER_ENTRY,
                partial(site.root_page, self.translated, len(self.ordered)),
            ),
            Planned(paths.NOT_FOUND, content_key("404"), TIER_ENTRY, site.not_found_page),
            Planned(paths.ROBOTS, content_key("robots"), TIER_ENTRY, self.feeds.robots),
        ]
        for language in self.languages:
            categories = tuple(self.by_category[language])
            for furigana in self._variants(language):
                accessibility = paths.accessibility_dir(language)
                search = paths.search_dir(language)
                if furigana:
                    accessibility = paths.furigana_dir(accessibility)
                    search = paths.furigana_dir(search)
                planned.append(
                    Planned(
                        paths.file_of(accessibility),
                        content_key(accessibility),
                        TIER_LISTING,
                        partial(site.accessibility_page, language, furigana),
                    )
                )
                planned.append(
                    Planned(
                        paths.file_of(search),
                        content_key(search, categories),
                        TIER_LISTING,
                        partial(site.search_page, language, furigana, categories),
                    )
                )
        return planned

    def feed_files(self) -> list[Planned]:
        planned: list[Planned] = []
        source = self.settings.source_language
        for language in self.languages:
            # Withdrawn notices stay in the feeds, marked, among the latest by publication.
            latest = list(islice(self._with_withdrawn(self.by_language[language]), FEED_ENTRIES))
            voiced = (
                item
                for item in self._with_withdrawn(self.by_language[language])
                if (
                    item.shown_in(language, source)[0] in item.voiced
                    if isinstance(item, WithdrawnNotice)
                    else item.shown_in(language, source)[1].audio_size is not None
                )
            )
            episodes = list(islice(voiced, PODCAST_EPISODES))
            planned.append(
                Planned(
                    paths.feed_file(language),
                    content_key("atom", language, _ids(latest)),
                    TIER_FEED,
                    partial(self.feeds.atom_feed, language, latest),
                )
            )
            planned.append(
                Planned(
                    paths.podcast_file(language),
                    content_key("podcast", language, _ids(episodes)),
                    TIER_FEED,
                    partial(self.feeds.podcast, language, episodes),
                )
            )
        return planned

    def _with_withdrawn(
        self, entries: Sequence[BulletinSummary]
    ) -> Iterator[BulletinSummary | WithdrawnNotice]:
        """A list's notices and the withdrawn ones, newest published first."""
        return heapq.merge(
            entries,
            self.withdrawn,
            key=lambda item: item.sort_key,
            reverse=True,
        )

    def withdrawn_pages(self) -> list[Planned]:
        """A "withdrawn" page at each address a withdrawn notice had (furigana included)."""
        planned: list[Planned] = []
        for notice in self.withdrawn:
            for language in notice.titles:
                for furigana in self._variants(language):
                    folder = paths.bulletin_dir(language, notice.id)
                    here = paths.furigana_dir(folder) if furigana else folder
                    others = self.languages if language == self.settings.source_language else ()
                    planned.append(
                        Planned(
                            paths.file_of(here),
                            content_key("withdrawn", here, notice, others),
                            TIER_BULLETIN,
                            partial(self.site.withdrawn_page, notice, language, furigana),
                        )
                    )
        return planned

    def sitemaps(self) -> list[Planned]:
        chunks: dict[int, list[BulletinSummary]] = {}
        for summary in sorted(self.ordered, key=lambda summary: summary.id):
            chunks.setdefault(summary.id // paths.SITEMAP_CHUNK, []).append(summary)
        planned: list[Planned] = []
        index: list[tuple[str, str | None]] = [(paths.PAGES_SITEMAP, None)]
        for number, members in chunks.items():
            path = paths.sitemap_chunk_file(number)
            planned.append(
                Planned(
                    path,
                    content_key(path, _ids(members)),
                    TIER_FEED,
                    partial(self._chunk, members),
                )
            )
            index.append((path, lastmod(members)))
        categories = {code: tuple(self.by_category[code]) for code in self.languages}
        planned.append(
            Planned(
                paths.PAGES_SITEMAP,
                content_key(paths.PAGES_SITEMAP, categories),
                TIER_FEED,
                self._pages_sitemap,
            )
        )
        planned.append(
            Planned(
                paths.SITEMAP_INDEX,
                content_key(paths.SITEMAP_INDEX, index),
                TIER_ENTRY,
                partial(self.feeds.sitemap_index, index),
            )
        )
        return planned

    def _chunk(self, members: Sequence[BulletinSummary]) -> bytes:
        return self.feeds.urls(bulletin_urls(self.site, members))

    def _pages_sitemap(self) -> bytes:
        """The root, each language's index, each category and the accessibility statement."""
        site = self.site
        urls: list[SitemapUrl] = []
        indexes = [
            *site.alternates(paths.index_dir, self.languages),
            Alternate("x-default", site.absolute("")),
        ]
        urls.extend(SitemapUrl(alternate.absolute, None, indexes) for alternate in indexes)
        statements = site.alternates(paths.accessibility_dir, self.languages)
        urls.extend(SitemapUrl(alternate.absolute, None, statements) for alternate in statements)
        for category in CATEGORY_ORDER:
            having = [code for code in self.languages if category in self.by_category[code]]

            def folder_for(code: str, category: str = category) -> str:
                return paths.category_dir(code, category)

            alternates = site.alternates(folder_for, having)
            urls.extend(
                SitemapUrl(alternate.absolute, None, alternates) for alternate in alternates
            )
        return self.feeds.urls(urls)

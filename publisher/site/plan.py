"""Every file of the site that is not a bulletin's own: path, a key of its inputs, a renderer.

Planning is cheap (no rendering): each entry's ``key`` hashes exactly what the file shows
(for a list page: which bulletins, in which version, how many pages, which languages have
the same page), so an incremental build renders only the entries whose key changed.
A bulletin's own files are keyed by the bulletin's digest instead (see ``build``).
"""

from __future__ import annotations

import hashlib
import heapq
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice

from publisher.site import paths
from publisher.site.archive import ListArchive, MonthPart, cut
from publisher.site.books import Shelf, book_key, books_page, daisy_name, epub_name
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
    ARCHIVE_HEADING,
    CATEGORY_LABELS,
    CATEGORY_ORDER,
    PAGE_N,
    Alternate,
    Link,
    Neighbours,
    SiteRenderer,
    category_key,
    content_key,
)
from publisher.site.writer import LinkedFile, SiteFile
from translations.catalogs import N_
from translations.locale_format import format_integer

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


def _listing_key(*parts: str) -> str:
    """A list page's key: what :func:`content_key` would hash, joined without ``repr``.

    Every build keys thousands of list pages; ``repr`` of their inputs was most of the cost.
    The parts are joined with a separator no folder, digest or code contains.
    """
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=12).hexdigest()


ListKey = tuple[str, str | None]
"""A list: (language, category), the category ``None`` for all of a language's notices."""


class SitePlan:
    """Plans the list pages, feeds, sitemaps and fixed pages for one set of summaries."""

    def __init__(
        self,
        renderer: SiteRenderer,
        summaries: Sequence[BulletinSummary],
        withdrawn: Sequence[WithdrawnNotice] = (),
        legacy: Sequence[str] = (),
        books: Shelf | None = None,
    ) -> None:
        self.site = renderer
        self.books: Shelf = books or {}
        """Each language's talking books on the shelf now (:mod:`publisher.editions.shelf`)."""
        self.feeds = FeedRenderer(renderer)
        self.settings = renderer.settings
        self.languages = self.settings.published_languages
        self.page_size = self.settings.site_page_size
        self.legacy = legacy
        """Folders of list pages numbered from the newest notice, as lists were once cut:
        each gets a page that sends readers on to the list's archive."""
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
        self._categories = {code: tuple(self.by_category[code]) for code in self.languages}
        self.lists: dict[ListKey, ListArchive] = {}
        for code in self.languages:
            self.lists[(code, None)] = cut(self.by_language[code], self.page_size)
            for name, members in self.by_category[code].items():
                self.lists[(code, name)] = cut(members, self.page_size)

    def _variants(self, language: str) -> tuple[bool, ...]:
        return (False, True) if self.site.furigana_for(language) else (False,)

    def plan(self) -> list[Planned]:
        planned: list[Planned] = []
        planned += self.static_files()
        planned.append(self.artwork_file())
        planned += self.list_pages()
        planned += self.legacy_pages()
        planned += self.fixed_pages()
        planned += self.editions_pages()
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

    def _having(self, category: str | None) -> dict[str, ListArchive]:
        """The languages whose list ``category`` exists, with its archive in each."""
        return {
            code: self.lists[(code, category)]
            for code in self.languages
            if (code, category) in self.lists
        }

    def list_pages(self) -> list[Planned]:
        """Every list's latest page, archive page and month parts (and furigana versions)."""
        planned: list[Planned] = []
        for category in (None, *CATEGORY_ORDER):
            having = self._having(category)
            with_archive = tuple(code for code, archive in having.items() if archive.months)
            part_languages: dict[tuple[str, int], list[str]] = {}
            for code, archive in having.items():
                for part in archive.parts:
                    part_languages.setdefault((part.month, part.part), []).append(code)
            for language, archive in having.items():
                heading = self._heading(language, category)
                planned += self._latest(language, category, archive, tuple(having), heading)
                if not archive.months:
                    continue
                planned += self._archive(language, category, archive, with_archive, heading)
                for part in archive.parts:
                    others = tuple(part_languages[(part.month, part.part)])
                    planned += self._part(language, category, part, others, heading)
        return planned

    def _heading(self, language: str, category: str | None) -> str:
        strings = self.site.strings(language)
        if category is None:
            return strings.gettext("Latest notices")
        return strings.gettext(CATEGORY_LABELS[category])

    def _planned(
        self, folder: str, language: str, key: str, render: Callable[[str, bool], SiteFile]
    ) -> list[Planned]:
        """One page and its furigana version, keyed now, rendered on demand."""
        planned = []
        for furigana in self._variants(language):
            here = paths.furigana_dir(folder) if furigana else folder
            planned.append(
                Planned(
                    paths.file_of(here),
                    f"{key}{furigana:d}",
                    TIER_LISTING,
                    partial(render, here, furigana),
                )
            )
        return planned

    def _latest(
        self,
        language: str,
        category: str | None,
        archive: ListArchive,
        others: tuple[str, ...],
        heading: str,
    ) -> list[Planned]:
        folder = paths.list_dir(language, category)
        key = _listing_key(
            "latest",
            folder,
            _ids(archive.latest),
            " ".join(others),
            " ".join(self._categories[language]),
            str(bool(archive.months)),
        )
        render = partial(self._render_latest, language, category, archive, others, heading)
        return self._planned(folder, language, key, render)

    def _render_latest(
        self,
        language: str,
        category: str | None,
        archive: ListArchive,
        others: tuple[str, ...],
        heading: str,
        here: str,
        furigana: bool,
    ) -> bytes:
        site = self.site

        def folder_for(code: str) -> str:
            return paths.list_dir(code, category)

        alternates = site.alternates(folder_for, others)
        if category is None:
            alternates.append(Alternate("x-default", site.absolute("")))
        breadcrumbs: tuple[Link, ...] = ()
        if category is not None:
            home = site.href(here, paths.index_dir(language), furigana)
            breadcrumbs = (Link(site.strings(language, furigana).content(N_("Home")), home),)
        archive_href = None
        if archive.months:
            archive_href = site.href(here, paths.archive_dir(language, category), furigana)
        return site.listing_page(
            here,
            language,
            furigana,
            heading=heading,
            title=heading,
            entries=archive.latest,
            pages=Neighbours(),
            categories=self._categories[language],
            current_category=category,
            alternates=alternates,
            switcher=site.switcher(here, folder_for, others, language),
            breadcrumbs=breadcrumbs,
            archive_href=archive_href,
        )

    def _crumbs(
        self, here: str, language: str, category: str | None, furigana: bool, *, archive: bool
    ) -> tuple[Link, ...]:
        """Home, the category's latest notices, and (below the archive) the archive."""
        site = self.site
        strings = site.strings(language, furigana)
        crumbs = [
            Link(strings.content(N_("Home")), site.href(here, paths.index_dir(language), furigana))
        ]
        if category is not None:
            crumbs.append(
                Link(
                    strings.category(category),
                    site.href(here, paths.category_dir(language, category), furigana),
                )
            )
        if archive:
            crumbs.append(
                Link(
                    strings.content(ARCHIVE_HEADING),
                    site.href(here, paths.archive_dir(language, category), furigana),
                )
            )
        return tuple(crumbs)

    def _archive(
        self,
        language: str,
        category: str | None,
        archive: ListArchive,
        others: tuple[str, ...],
        heading: str,
    ) -> list[Planned]:
        folder = paths.archive_dir(language, category)
        months = " ".join(f"{m.month}:{m.count}:{m.parts}" for m in archive.months)
        key = _listing_key("archive", folder, months, " ".join(others))
        render = partial(self._render_archive, language, category, archive, others, heading)
        return self._planned(folder, language, key, render)

    def _render_archive(
        self,
        language: str,
        category: str | None,
        archive: ListArchive,
        others: tuple[str, ...],
        heading: str,
        here: str,
        furigana: bool,
    ) -> bytes:
        site = self.site

        def folder_for(code: str) -> str:
            return paths.archive_dir(code, category)

        return site.archive_page(
            here,
            language,
            furigana,
            category=category,
            months=archive.months,
            alternates=site.alternates(folder_for, others),
            switcher=site.switcher(here, folder_for, others, language),
            breadcrumbs=self._crumbs(here, language, category, furigana, archive=False),
        )

    def _part(
        self,
        language: str,
        category: str | None,
        part: MonthPart,
        others: tuple[str, ...],
        heading: str,
    ) -> list[Planned]:
        folder = paths.month_dir(language, category, part.month, part.part)
        key = _listing_key(
            "part",
            folder,
            _ids(part.entries),
            repr(part.previous),
            repr(part.next),
            " ".join(others),
        )
        render = partial(self._render_part, language, category, part, others)
        return self._planned(folder, language, key, render)

    def _render_part(
        self,
        language: str,
        category: str | None,
        part: MonthPart,
        others: tuple[str, ...],
        here: str,
        furigana: bool,
    ) -> bytes:
        site = self.site
        strings = site.strings(language)

        def folder_for(code: str) -> str:
            return paths.month_dir(code, category, part.month, part.part)

        def href(neighbour: tuple[str, int] | None) -> str | None:
            if neighbour is None:
                return None
            month, number = neighbour
            return site.href(here, paths.month_dir(language, category, month, number), furigana)

        heading = site.month_label(language, part.month)
        if category is not None:
            heading = f"{strings.gettext(CATEGORY_LABELS[category])} – {heading}"
        title = heading
        label = None
        if part.part > 1 or (part.next is not None and part.next[0] == part.month):
            label = strings.gettext(PAGE_N, page=format_integer(part.part, language))
            title = f"{heading} ({label})"
        return site.listing_page(
            here,
            language,
            furigana,
            heading=heading,
            title=title,
            entries=part.entries,
            pages=Neighbours(href(part.previous), href(part.next), label),
            categories=(),
            current_category=category,
            alternates=site.alternates(folder_for, others),
            switcher=site.switcher(here, folder_for, others, language),
            breadcrumbs=self._crumbs(here, language, category, furigana, archive=True),
            archive_href=None,
        )

    def legacy_pages(self) -> list[Planned]:
        """A page at each folder where lists were once cut from the newest notice."""
        planned: list[Planned] = []
        for legacy in self.legacy:
            parsed = paths.parse_legacy_page(legacy)
            if parsed is None or parsed[0] not in self.languages:
                continue
            language, category, furigana = parsed
            if (language, category) not in self.lists or not self.lists[
                (language, category)
            ].months:
                category = None  # the category is gone: its language's notices instead
            target = paths.archive_dir(language, category)
            if not self.lists[(language, None)].months:
                target = paths.index_dir(language)
            if furigana and self.site.furigana_for(language):
                target = paths.furigana_dir(target)
            planned.append(
                Planned(
                    paths.file_of(legacy),
                    content_key("moved", legacy, target),
                    TIER_FEED,  # after the page it sends readers to
                    partial(self.site.moved_page, legacy, language, target),
                )
            )
        return planned

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

    def editions_pages(self) -> list[Planned]:
        """Each language's talking-books page, and the books it offers (linked in)."""
        planned: list[Planned] = []
        for language in self.languages:
            shelved = tuple(self.books.get(language, ()))
            key = content_key("editions", tuple(book_key(book) for book in shelved))
            for furigana in self._variants(language):
                folder = paths.editions_dir(language)
                if furigana:
                    folder = paths.furigana_dir(folder)
                planned.append(
                    Planned(
                        paths.file_of(folder),
                        key,
                        TIER_LISTING,
                        partial(books_page, self.site, language, furigana, shelved),
                    )
                )
            for book in shelved:
                files = [(epub_name(book), book.epub)]
                if book.daisy is not None:
                    files.append((daisy_name(book), book.daisy))
                for name, shelved_file in files:
                    planned.append(
                        Planned(
                            paths.edition_file(language, name),
                            content_key(name, shelved_file.stamp),
                            TIER_MEDIA,
                            partial(LinkedFile, shelved_file.path),
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
                content_key(paths.PAGES_SITEMAP, categories, self._with_notices()),
                TIER_FEED,
                self._pages_sitemap,
            )
        )
        for month, folders in self._month_folders().items():
            path = paths.month_sitemap_file(month)
            planned.append(
                Planned(
                    path,
                    content_key(path, list(folders.items())),
                    TIER_FEED,
                    partial(self._month_sitemap, month, folders),
                )
            )
            index.append((path, None))
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

    def _with_notices(self) -> tuple[str, ...]:
        return tuple(code for code in self.languages if self.by_language[code])

    def _month_folders(self) -> dict[str, dict[tuple[str | None, int], tuple[str, ...]]]:
        """For each month, each (category, part) with the languages whose list has it."""
        months: dict[str, dict[tuple[str | None, int], list[str]]] = {}
        for (language, category), archive in self.lists.items():
            for part in archive.parts:
                slot = months.setdefault(part.month, {}).setdefault((category, part.part), [])
                slot.append(language)
        return {
            month: {slot: tuple(codes) for slot, codes in slots.items()}
            for month, slots in months.items()
        }

    def _month_sitemap(
        self, month: str, folders: dict[tuple[str | None, int], tuple[str, ...]]
    ) -> bytes:
        """Every part of one month, in every list and language: a file per month, so a new
        notice changes only its month's file (and only when it starts a part)."""
        urls: list[SitemapUrl] = []
        for (category, number), languages in folders.items():

            def folder_for(code: str, category: str | None = category, number: int = number) -> str:
                return paths.month_dir(code, category, month, number)

            alternates = self.site.alternates(folder_for, languages)
            urls.extend(SitemapUrl(item.absolute, None, alternates) for item in alternates)
        return self.feeds.urls(urls)

    def _pages_sitemap(self) -> bytes:
        """The root, each language's and category's latest notices and archive, and the
        accessibility statement."""
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
        for listed in (None, *CATEGORY_ORDER):
            archived = [code for code, archive in self._having(listed).items() if archive.months]

            def archive_for(code: str, listed: str | None = listed) -> str:
                return paths.archive_dir(code, listed)

            alternates = site.alternates(archive_for, archived)
            urls.extend(
                SitemapUrl(alternate.absolute, None, alternates) for alternate in alternates
            )
        return self.feeds.urls(urls)

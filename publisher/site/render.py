"""Render pages with the Jinja2 templates: one method per page type, inputs in, bytes out.

The renderer never reads the database or the output folder; it is handed frozen values
(``PublishedBulletin`` for a bulletin's own pages, ``BulletinSummary`` for lists and feeds)
and returns file contents. Templates are compiled once per renderer, and everything shared
by many pages (UI strings, navigation links per folder depth) is computed once.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
    select_autoescape,
)
from markupsafe import Markup, escape

from publisher.documents import LocalizedDoc, Sentence, plain_text
from publisher.settings import Settings
from publisher.site import paths
from publisher.site.content import BulletinSummary, PageVersion, PublishedBulletin
from publisher.site.furigana_html import FuriganaHtml
from publisher.site.html_body import body_html, sanitize, sentence_html
from publisher.site.ui_strings import KEYS, UI_STRINGS, format_date, format_month, ui_text
from publisher.site.writer import LinkedFile, SiteFile
from translations.furigana import FuriganaReader
from translations.languages import get_language

if TYPE_CHECKING:
    from publisher.site.archive import Month

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "site_templates"
CITY_TIME_ZONE = ZoneInfo("Asia/Tokyo")
SPEEDS = ("0.75", "1", "1.25", "1.5", "2")
CATEGORY_ORDER = ("disaster", "health", "water", "garbage", "procedures", "event", "other")
"""Categories in the order menus list them (emergencies first)."""

TextMarkup = Callable[[str], Markup]
"""Plain text to markup for the page: escaped, or escaped with furigana."""

_TEMPLATES = (
    "bulletin.html",
    "index.html",
    "root.html",
    "404.html",
    "accessibility.html",
    "search.html",
    "archive.html",
    "moved.html",
)


def _article(doc: LocalizedDoc, text: TextMarkup) -> Markup:
    """Template filter: a document's body, each sentence in its ``<span class="s">``."""
    return body_html(doc, text)


def _sentence(sentence: Sentence, text: TextMarkup) -> Markup:
    """Template filter: one sentence (the title, the contact line) in its span."""
    return sanitize(sentence_html(sentence, text))


def make_environment(
    templates_dir: Path = TEMPLATES_DIR, cache_dir: Path | None = None
) -> Environment:
    """Templates render documents through these filters, so the body is part of rendering.

    With ``cache_dir``, compiled templates are kept there between builds (Jinja2's bytecode
    cache checks each template's modification time, so an edited template is recompiled).
    """
    cache = None
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        cache = FileSystemBytecodeCache(str(cache_dir))
    environment = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        bytecode_cache=cache,
    )
    environment.filters["article"] = _article
    environment.filters["sentence"] = _sentence
    return environment


@functools.cache
def category_key(category: str) -> str:
    """The category as the site knows it; anything unknown is listed under ``other``."""
    return category if f"category_{category}" in UI_STRINGS["en"] else "other"


@dataclass(frozen=True)
class Link:
    label: str | Markup
    href: str
    current: bool = False


@dataclass(frozen=True)
class Alternate:
    """One ``<link rel="alternate" hreflang>``: a language code or ``x-default``."""

    hreflang: str
    absolute: str


@dataclass(frozen=True)
class SwitcherItem:
    language: str
    native_name: str
    href: str
    current: bool


@dataclass(frozen=True)
class Nav:
    """Links every page of one language, variant and folder depth shares."""

    home_href: str
    root_href: str
    css_href: str
    readalong_href: str
    search_js_href: str
    accessibility_href: str | None
    search_href: str | None
    feed_href: str | None
    podcast_href: str | None


class _Converted(dict[str, Markup]):
    """Strings converted to markup when first used (furigana takes a dictionary look-up)."""

    def __init__(self, plain: Mapping[str, str], text: TextMarkup) -> None:
        super().__init__()
        self.plain = plain
        self.text = text

    def __missing__(self, key: str) -> Markup:
        value = self.text(self.plain[key])
        self[key] = value
        return value


class Strings:
    """The UI strings of one language: ``plain`` for attributes, ``content`` for text.

    In a furigana page ``content`` carries ruby markup; elsewhere it is the plain string
    (escaped by the template). Strings whose only placeholder is ``{city}`` are filled in;
    the others are formatted where they are used (:meth:`attr`).
    """

    def __init__(self, language: str, city: str, text: TextMarkup) -> None:
        self.language = language
        self.city = city
        strings = UI_STRINGS.get(language, UI_STRINGS["en"])
        self.plain: dict[str, str] = {key: strings[key].replace("{city}", city) for key in KEYS}
        self.content: dict[str, Markup] = _Converted(self.plain, text)

    def attr(self, key: str, /, **values: str) -> str:
        return ui_text(self.language, key, city=self.city, **values)


@dataclass
class SiteRenderer:
    """Renders every page type; create one per build (it memoises per-build values)."""

    settings: Settings
    reader: FuriganaReader | None = None
    environment: Environment | None = None

    def __post_init__(self) -> None:
        if self.environment is None:
            cache = self.settings.resolved_data_dir / "cache" / "templates"
            self.environment = make_environment(cache_dir=cache)
        self.env: Environment = self.environment
        self.templates: dict[str, Template] = {
            name: self.env.get_template(name) for name in _TEMPLATES
        }
        self.source = self.settings.source_language
        self.base_url = self.settings.base_url
        self._strings: dict[tuple[str, bool], Strings] = {}
        self._nav: dict[tuple[str, bool, int], Nav] = {}

    # -- shared values ----------------------------------------------------------------------

    @cached_property
    def ruby(self) -> FuriganaHtml:
        if self.reader is None:
            self.reader = FuriganaReader()
        return FuriganaHtml(self.reader)

    def city(self, language: str) -> str:
        return self.settings.city_name_ja if language == "ja" else self.settings.city_name

    def text(self, furigana: bool) -> TextMarkup:
        return self.ruby.markup if furigana else escape

    def strings(self, language: str, furigana: bool = False) -> Strings:
        key = (language, furigana)
        if key not in self._strings:
            self._strings[key] = Strings(language, self.city(language), self.text(furigana))
        return self._strings[key]

    def warm(self) -> None:
        """Convert every UI string now, furigana included (the dictionary loads with it).

        A build on several processes renders elsewhere; this process warms up meanwhile,
        so that the first small build after it (a publish) does not pay for it.
        """
        for language in self.settings.published_languages:
            for furigana in (False, True) if self.furigana_for(language) else (False,):
                content = self.strings(language, furigana).content
                for key in KEYS:
                    content[key]  # converted on first use

    def absolute(self, path: str) -> str:
        return self.base_url + path

    def furigana_for(self, language: str) -> bool:
        """Whether pages in ``language`` also get a furigana version."""
        return language == "ja"

    def href(self, here: str, target: str, furigana: bool) -> str:
        """Link from folder ``here`` to ``target``; a furigana page links to furigana pages."""
        if furigana and target.startswith(f"{self.source}/") and target.endswith("/"):
            target = paths.furigana_dir(target)
        return paths.relative(here, target)

    def nav(self, language: str, here: str, furigana: bool = False) -> Nav:
        key = (language, furigana, paths.depth(here))
        nav = self._nav.get(key)
        if nav is None:
            nav = Nav(
                home_href=self.href(here, paths.index_dir(language), furigana),
                root_href=paths.relative(here, ""),
                css_href=paths.relative(here, paths.ASSETS + "site.css"),
                readalong_href=paths.relative(here, paths.ASSETS + "readalong.js"),
                search_js_href=paths.relative(here, paths.ASSETS + "search.js"),
                accessibility_href=self.href(here, paths.accessibility_dir(language), furigana),
                search_href=self.href(here, paths.search_dir(language), furigana),
                feed_href=paths.relative(here, paths.feed_file(language)),
                podcast_href=paths.relative(here, paths.podcast_file(language)),
            )
            self._nav[key] = nav
        return nav

    def date(self, language: str, moment: datetime) -> str:
        local = moment.astimezone(CITY_TIME_ZONE)
        return format_date(language, local.year, local.month, local.day)

    def alternates(
        self, folder_for: Callable[[str], str], languages: Sequence[str]
    ) -> list[Alternate]:
        return [Alternate(code, self.absolute(folder_for(code))) for code in languages]

    def switcher(
        self, here: str, folder_for: Callable[[str], str], languages: Sequence[str], current: str
    ) -> list[SwitcherItem]:
        """Links to this page in each language (a furigana page's own stays furigana)."""
        furigana = paths.is_furigana(here)
        return [
            SwitcherItem(
                code,
                get_language(code).native_name,
                self.href(here, folder_for(code), furigana and code == current),
                code == current,
            )
            for code in languages
        ]

    def furigana_toggle(self, folder: str, furigana: bool, language: str) -> Link | None:
        if not self.furigana_for(language):
            return None
        strings = self.strings(language, furigana)
        if furigana:
            plain = paths.plain_dir(folder)
            return Link(strings.content["hide_furigana"], paths.relative(folder, plain))
        return Link(strings.content["show_furigana"], paths.FURIGANA)

    def base_context(
        self,
        folder: str,
        language: str,
        furigana: bool,
        title: str,
        *,
        alternates: Sequence[Alternate] = (),
        switcher: Sequence[SwitcherItem] = (),
        breadcrumbs: Sequence[Link] = (),
        crumb_title: str = "",
        nav: Nav | None = None,
        toggle: bool = True,
    ) -> dict[str, Any]:
        strings = self.strings(language, furigana)
        return {
            "lang": language,
            "dir": get_language(language).direction,
            "title_text": title,
            "canonical": self.absolute(paths.plain_dir(folder)),
            "alternates": () if furigana else alternates,
            "switcher": switcher,
            "breadcrumbs": breadcrumbs,
            "crumb_title": crumb_title,
            "furigana_toggle": self.furigana_toggle(folder, furigana, language) if toggle else None,
            "a": strings.plain,
            "s": strings.content,
            "text": self.text(furigana),
            "nav": nav or self.nav(language, folder, furigana),
        }

    def render(self, template: str, context: Mapping[str, Any]) -> bytes:
        return self.templates[template].render(context).encode("utf-8")

    # -- a bulletin's own pages -------------------------------------------------------------

    def bulletin_files(self, bulletin: PublishedBulletin) -> dict[str, SiteFile]:
        """Every file of one bulletin: its page in each language, furigana, audio, captions."""
        languages = tuple(bulletin.versions)

        def folder_for(code: str) -> str:
            return paths.bulletin_dir(code, bulletin.id)

        alternates = self.alternates(folder_for, languages)
        files: dict[str, SiteFile] = {}
        for language, version in bulletin.versions.items():
            folder = folder_for(language)
            if version.audio is not None:
                files[folder + paths.AUDIO_FILE] = LinkedFile(version.audio.mp3)
                if version.audio.captions is not None:
                    files[folder + paths.CAPTIONS_FILE] = LinkedFile(version.audio.captions)
            variants = (False, True) if self.furigana_for(language) else (False,)
            for furigana in variants:
                here = paths.furigana_dir(folder) if furigana else folder
                switcher = self.switcher(here, folder_for, languages, language)
                files[paths.file_of(here)] = self._bulletin_page(
                    bulletin, version, here, furigana, alternates, switcher
                )
        return files

    def files_of(self, summary: BulletinSummary) -> tuple[str, ...]:
        """The paths :meth:`bulletin_files` writes for a bulletin, from its summary alone."""
        files: list[str] = []
        for language, entry in summary.entries.items():
            folder = paths.bulletin_dir(language, summary.id)
            if entry.audio_size is not None:
                files.append(folder + paths.AUDIO_FILE)
                if entry.captions:
                    files.append(folder + paths.CAPTIONS_FILE)
            files.append(paths.file_of(folder))
            if self.furigana_for(language):
                files.append(paths.file_of(paths.furigana_dir(folder)))
        return tuple(files)

    def _bulletin_page(
        self,
        bulletin: PublishedBulletin,
        version: PageVersion,
        here: str,
        furigana: bool,
        alternates: Sequence[Alternate],
        switcher: Sequence[SwitcherItem],
    ) -> bytes:
        doc = version.doc
        language = doc.language
        strings = self.strings(language, furigana)
        title = plain_text(doc.title.pieces)
        category = category_key(bulletin.category)
        category_link = Link(
            strings.content[f"category_{category}"],
            self.href(here, paths.category_dir(language, category), furigana),
        )
        nav = self.nav(language, here, furigana)
        published = self.date(language, bulletin.published_at)
        updated = self.date(language, bulletin.updated_at)
        audio = version.audio
        audio_context: dict[str, Any] | None = None
        if audio is not None:
            to_folder = "../" if furigana else ""
            minutes, seconds = divmod(round(audio.seconds), 60)
            duration = strings.attr("seconds_unit", minutes=str(minutes), seconds=str(seconds))
            native = get_language(language).native_name
            audio_context = {
                "mp3_href": to_folder + paths.AUDIO_FILE,
                "captions_href": to_folder + paths.CAPTIONS_FILE if audio.captions else None,
                "label": strings.attr("audio_player_label", language=native),
                "download": strings.attr("download_audio", duration=duration),
                "substitute": strings.attr(
                    "audio_substitute_voice", voice=audio.voice, language=native
                )
                if audio.substitute_for
                else None,
            }
        context = self.base_context(
            here,
            language,
            furigana,
            title,
            alternates=alternates,
            switcher=switcher,
            breadcrumbs=(Link(strings.content["home"], nav.home_href), category_link),
            crumb_title=title,
            nav=nav,
        )
        context.update(
            doc=doc,
            indexed=not furigana,
            category=category_link,
            published=strings.attr("published_on", date=published),
            published_iso=bulletin.published_at.isoformat(timespec="seconds"),
            updated=strings.attr("updated_on", date=updated) if updated != published else None,
            updated_iso=bulletin.updated_at.isoformat(timespec="seconds"),
            original_href=paths.relative(here, paths.bulletin_dir(self.source, bulletin.id)),
            source_language=self.source,
            audio=audio_context,
            speeds=SPEEDS,
        )
        return self.render("bulletin.html", context)

    # -- pages that list bulletins -----------------------------------------------------------

    def listing_page(
        self,
        here: str,
        language: str,
        furigana: bool,
        *,
        heading: str,
        title: str,
        entries: Sequence[BulletinSummary],
        pages: Neighbours,
        categories: Sequence[str],
        current_category: str | None,
        alternates: Sequence[Alternate],
        switcher: Sequence[SwitcherItem],
        breadcrumbs: Sequence[Link],
        archive_href: str | None,
    ) -> bytes:
        """A list of notices: a list's latest page, or one part of one of its months."""
        strings = self.strings(language, furigana)
        rows = []
        for summary in entries:
            entry = summary.entries[language]
            category = category_key(summary.category)
            rows.append(
                {
                    "title": entry.title,
                    "href": self.href(here, paths.bulletin_dir(language, summary.id), furigana),
                    "published": strings.attr(
                        "published_on", date=self.date(language, summary.published_at)
                    ),
                    "iso": summary.published_at.isoformat(timespec="seconds"),
                    "category": strings.content[f"category_{category}"],
                    "category_href": self.href(
                        here, paths.category_dir(language, category), furigana
                    ),
                    "has_audio": entry.audio_size is not None,
                }
            )
        context = self.base_context(
            here,
            language,
            furigana,
            title,
            alternates=alternates,
            switcher=switcher,
            breadcrumbs=breadcrumbs,
            crumb_title=heading,
        )
        context.update(
            heading=heading,
            entries=rows,
            pagination=pages,
            archive_href=archive_href,
            categories=self.category_links(here, language, furigana, categories, current_category),
        )
        return self.render("index.html", context)

    def month_label(self, language: str, month: str) -> str:
        """``YYYY-MM`` as readers of ``language`` write a month (``2026年4月``)."""
        year, number = month.split("-")
        return format_month(language, int(year), int(number))

    def archive_page(
        self,
        here: str,
        language: str,
        furigana: bool,
        *,
        category: str | None,
        months: Sequence[Month],
        alternates: Sequence[Alternate],
        switcher: Sequence[SwitcherItem],
        breadcrumbs: Sequence[Link],
    ) -> bytes:
        """A list's months, newest first, each with its parts (all of them reachable here)."""
        strings = self.strings(language, furigana)
        heading = strings.plain["archive_heading"]
        if category is not None:
            heading = f"{strings.plain[f'category_{category}']} – {heading}"
        years: dict[str, list[dict[str, Any]]] = {}
        for month in months:
            parts = [
                (
                    strings.attr("page_n", page=str(number)),
                    self.href(
                        here, paths.month_dir(language, category, month.month, number), furigana
                    ),
                )
                for number in range(1, month.parts + 1)
            ]
            years.setdefault(month.month[:4], []).append(
                {
                    "label": self.month_label(language, month.month),
                    "count": month.count,
                    "href": parts[0][1],
                    "parts": parts if len(parts) > 1 else [],
                }
            )
        context = self.base_context(
            here,
            language,
            furigana,
            heading,
            alternates=alternates,
            switcher=switcher,
            breadcrumbs=breadcrumbs,
            crumb_title=heading,
        )
        context.update(heading=heading, years=years)
        return self.render("archive.html", context)

    def moved_page(self, here: str, language: str, target: str) -> bytes:
        """What stands where a list page used to be: a redirect with a link to follow.

        Static hosts cannot answer 301, so the page refreshes at once to ``target`` and says
        where it went, for readers whose browser does not follow the refresh.
        """
        furigana = paths.is_furigana(here)
        strings = self.strings(language, furigana)
        href = paths.relative(here, target)
        context = self.base_context(
            here, language, furigana, strings.plain["moved_heading"], toggle=False
        )
        context.update(
            canonical=self.absolute(paths.plain_dir(target)),
            heading=strings.content["moved_heading"],
            target_href=href,
            target_label=strings.content["archive_heading"],
        )
        return self.render("moved.html", context)

    def category_links(
        self,
        here: str,
        language: str,
        furigana: bool,
        categories: Sequence[str],
        current: str | None = None,
    ) -> list[Link]:
        strings = self.strings(language, furigana)
        return [
            Link(
                strings.content[f"category_{category}"],
                self.href(here, paths.category_dir(language, category), furigana),
                category == current,
            )
            for category in categories
        ]

    # -- pages that do not depend on bulletins -----------------------------------------------

    def _fixed_page(
        self, language: str, furigana: bool, dir_for: Callable[[str], str], title_key: str
    ) -> tuple[str, dict[str, Any]]:
        """Folder and context of a page that exists once per language (not per bulletin)."""
        strings = self.strings(language, furigana)
        here = dir_for(language)
        if furigana:
            here = paths.furigana_dir(here)
        languages = self.settings.published_languages
        nav = self.nav(language, here, furigana)
        context = self.base_context(
            here,
            language,
            furigana,
            strings.plain[title_key],
            alternates=self.alternates(dir_for, languages),
            switcher=self.switcher(here, dir_for, languages, language),
            breadcrumbs=(Link(strings.content["home"], nav.home_href),),
            crumb_title=strings.plain[title_key],
            nav=nav,
        )
        context["heading"] = strings.content[title_key]
        return here, context

    def accessibility_page(self, language: str, furigana: bool) -> bytes:
        _here, context = self._fixed_page(
            language, furigana, paths.accessibility_dir, "accessibility_heading"
        )
        return self.render("accessibility.html", context)

    def search_page(self, language: str, furigana: bool, categories: Sequence[str]) -> bytes:
        here, context = self._fixed_page(language, furigana, paths.search_dir, "search")
        context.update(
            index_href=paths.relative(here, paths.SEARCH_MANIFEST),
            # A language with notices has categories, and an archive of them.
            archive_href=self.href(here, paths.archive_dir(language, None), furigana)
            if categories
            else None,
            categories=self.category_links(here, language, furigana, categories),
        )
        return self.render("search.html", context)

    def language_choices(self, here: str) -> list[dict[str, str]]:
        return [
            {
                "language": code,
                "native_name": get_language(code).native_name,
                "dir": get_language(code).direction,
                "href": paths.relative(here, paths.index_dir(code)),
                "intro": ui_text(code, "choose_language_intro", city=self.city(code)),
            }
            for code in self.settings.published_languages
        ]

    def root_page(self) -> bytes:
        source = self.source
        strings = self.strings(source)
        languages = self.settings.published_languages
        alternates = [
            *self.alternates(paths.index_dir, languages),
            Alternate("x-default", self.absolute("")),
        ]
        heading = strings.plain["choose_language_heading"]
        english = ui_text("en", "choose_language_heading")
        context = self.base_context("", source, False, f"{heading} / {english}", toggle=False)
        context.update(
            alternates=alternates,
            heading=Markup(f'{escape(heading)} / <span lang="en">{escape(english)}</span>'),
            choices=self.language_choices(""),
        )
        return self.render("root.html", context)

    def not_found_page(self) -> bytes:
        """Served for any missing path, so its links start from the site's root path."""
        source = self.source
        strings = self.strings(source)
        root = urlsplit(self.base_url).path
        nav = Nav(
            home_href=root + paths.index_dir(source),
            root_href=root,
            css_href=root + paths.ASSETS + "site.css",
            readalong_href=root + paths.ASSETS + "readalong.js",
            search_js_href=root + paths.ASSETS + "search.js",
            accessibility_href=root + paths.accessibility_dir(source),
            search_href=None,
            feed_href=None,
            podcast_href=None,
        )
        context = self.base_context(
            paths.NOT_FOUND,
            source,
            False,
            strings.plain["not_found_heading"],
            nav=nav,
            toggle=False,
        )
        choices = self.language_choices("")
        for choice in choices:
            choice["href"] = root + choice["href"]
            choice["intro"] = ui_text(choice["language"], "not_found_text")
        context.update(
            canonical=self.absolute(""),
            heading=strings.content["not_found_heading"],
            choices=choices,
        )
        return self.render("404.html", context)

    def static_files(self) -> dict[str, bytes]:
        """The stylesheets, scripts and icons, by site path (read once per renderer)."""
        return dict(self._static)

    def static_key(self, path: str) -> str:
        """A static file's key, hashed once per renderer: it cannot change while it lives."""
        return self._static_keys[path]

    @cached_property
    def _static(self) -> dict[str, bytes]:
        static = TEMPLATES_DIR / "static"
        loader = self.env.loader
        if isinstance(loader, FileSystemLoader):
            static = Path(loader.searchpath[0]) / "static"
        return {
            paths.ASSETS + path.relative_to(static).as_posix(): path.read_bytes()
            for path in sorted(static.rglob("*"))
            if path.is_file()
        }

    @cached_property
    def _static_keys(self) -> dict[str, str]:
        return {path: content_key(path, content) for path, content in self._static.items()}


@dataclass(frozen=True)
class Neighbours:
    """The links from one list page to the pages before and after it (hrefs, or ``None``)."""

    previous: str | None = None
    next: str | None = None
    label: str | None = None
    """"Page 2", for a month of several parts."""


def content_key(*parts: object) -> str:
    """A short hash of a page's inputs: equal keys, equal pages."""
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()

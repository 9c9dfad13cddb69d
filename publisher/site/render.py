"""Render pages with the Jinja2 templates: one method per page type, inputs in, bytes out.

The renderer never reads the database or the output folder; it is handed frozen values
(``PublishedBulletin`` for a bulletin's own pages, ``BulletinSummary`` for lists and feeds)
and returns file contents. Templates are compiled once per renderer, and everything shared
by many pages (UI strings, navigation links per folder depth) is computed once.
"""

from __future__ import annotations

import functools
import hashlib
import re
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

from publisher.documents import LocalizedDoc, Sentence, plain_text, site_image_name
from publisher.settings import Settings
from publisher.site import browser_messages, paths
from publisher.site.artwork import Artwork
from publisher.site.artwork import artwork as podcast_artwork
from publisher.site.browser_messages import script_plurals
from publisher.site.content import (
    BulletinSummary,
    EntrySummary,
    PageVersion,
    PublishedBulletin,
    WithdrawnNotice,
)
from publisher.site.furigana_html import FuriganaHtml
from publisher.site.html_body import body_html, sanitize, sentence_html
from publisher.site.writer import LinkedFile, SiteFile
from publisher.statuses import TextVersion, WithdrawalReason
from translations.catalogs import N_, message_ids, translations_for
from translations.furigana import FuriganaReader
from translations.languages import get_language
from translations.locale_format import format_day, format_integer, format_month

if TYPE_CHECKING:
    from publisher.site.archive import Month

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "site_templates"
CITY_TIME_ZONE = ZoneInfo("Asia/Tokyo")
SPEEDS = ("0.75", "1", "1.25", "1.5", "2")
CATEGORY_ORDER = ("disaster", "health", "water", "garbage", "procedures", "event", "other")
"""Categories in the order menus list them (emergencies first)."""
CATEGORY_LABELS = {
    "garbage": N_("Garbage and recycling"),
    "health": N_("Health"),
    "disaster": N_("Disaster and emergency"),
    "procedures": N_("Procedures"),
    "water": N_("Water"),
    "event": N_("Events"),
    "other": N_("Other notices"),
}
"""Each category's label (the message to translate), by the category's name in the data."""
EASY_JAPANESE_NAME = "やさしい にほんご"
"""The easy-Japanese version's name in itself, as language choosers list it."""

WITHDRAWN_HEADING = N_("This notice was withdrawn")
WITHDRAWN_TEXT = N_("“%(title)s” was withdrawn on %(date)s. It is no longer valid.")
EXPIRED_TEXT = N_("“%(title)s” was withdrawn on %(date)s: its publication period has ended.")
"""A notice taken down at its expiry time (掲載期間終了), not by staff."""


def withdrawn_text(notice: WithdrawnNotice) -> str:
    """The message saying when, and why, the notice was withdrawn."""
    return EXPIRED_TEXT if notice.reason == WithdrawalReason.EXPIRED else WITHDRAWN_TEXT


ARCHIVE_HEADING = N_("Notices by month")
MOVED_HEADING = N_("This list has moved")
PAGE_N = N_("Page %(page)s")
JAPANESE_ONLY = N_(
    "Japanese only for now: notices are shown in Japanese until they are translated."
)
UNTRANSLATED_NOTE = N_("Not yet available in English.")
"""In each catalog: not yet available in *that* language (the English text names English)."""

TextMarkup = Callable[[str], Markup]
"""Plain text to markup for the page: escaped, or escaped with furigana."""

_TEMPLATES = (
    "bulletin.html",
    "index.html",
    "root.html",
    "404.html",
    "accessibility.html",
    "search.html",
    "withdrawn.html",
    "archive.html",
    "moved.html",
    "editions.html",
    "emergency.html",
)


def _article(doc: LocalizedDoc, text: TextMarkup, images_href: str = "") -> Markup:
    """Template filter: a document's body, each sentence in its ``<span class="s">``."""
    return body_html(doc, text, images_href)


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
    environment.filters["plain"] = plain
    # {% trans %} and _() call the gettext functions each page's context carries (Strings).
    environment.add_extension("jinja2.ext.i18n")
    environment.policies["ext.i18n.trimmed"] = True
    environment.newstyle_gettext = True  # type: ignore[attr-defined]
    return environment


_READINGS = re.compile(r"<r[tp]\b[^>]*>.*?</r[tp]>", re.DOTALL)


def plain(value: object) -> str:
    """Template filter: page text as an attribute wants it, without furigana or tags."""
    if isinstance(value, Markup):
        return Markup(_READINGS.sub("", str(value))).striptags()
    return str(value)


@functools.cache
def category_key(category: str) -> str:
    """The category as the site knows it; anything unknown is listed under ``other``."""
    return category if category in CATEGORY_LABELS else "other"


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
    editions_href: str | None
    search_href: str | None
    feed_href: str | None
    podcast_href: str | None


class Strings:
    """The messages of one language, from its gettext catalog (``translations.catalogs``).

    :meth:`gettext` and friends give plain text, for attributes and for code that builds
    values; :meth:`content` gives page text: escaped, or with furigana on a furigana page
    (converted once per message, as furigana takes a dictionary look-up). Templates call
    ``_``/``gettext``/``ngettext``/``pgettext`` (and ``{% trans %}``), which are the page-text
    versions; ``|plain`` turns one back into attribute text.
    """

    def __init__(self, language: str, city: str, text: TextMarkup) -> None:
        self.language = language
        self.city = city
        self.text = text
        self.translations = translations_for(language)
        self._content: dict[tuple[object, ...], Markup] = {}

    def gettext(self, message: str, /, **values: object) -> str:
        return self.translations.gettext(message) % values

    def pgettext(self, context: str, message: str, /, **values: object) -> str:
        return str(self.translations.pgettext(context, message)) % values

    def ngettext(self, singular: str, plural: str, number: int, /, **values: object) -> str:
        values.setdefault("num", format_integer(number, self.language))
        return self.translations.ngettext(singular, plural, number) % values

    def _markup(self, key: tuple[object, ...], plain_text: Callable[[], str]) -> Markup:
        found = self._content.get(key)
        if found is None:
            found = self._content[key] = self.text(plain_text())
        return found

    def content(self, message: str, /, **values: object) -> Markup:
        key = (None, message, *sorted(values.items()))
        return self._markup(key, lambda: self.gettext(message, **values))

    def pcontent(self, context: str, message: str, /, **values: object) -> Markup:
        key = (context, message, *sorted(values.items()))
        return self._markup(key, lambda: self.pgettext(context, message, **values))

    def ncontent(self, singular: str, plural: str, number: int, /, **values: object) -> Markup:
        return self.text(self.ngettext(singular, plural, number, **values))

    def category(self, category: str) -> Markup:
        return self.content(CATEGORY_LABELS[category_key(category)])

    def template_functions(self) -> dict[str, Any]:
        """The names templates translate with (Jinja2's ``i18n`` extension calls them)."""
        return {
            "_": self.content,
            "gettext": self.content,
            "pgettext": self.pcontent,
            "ngettext": self.ncontent,
            "city": self.city,
        }


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

    @cached_property
    def artwork(self) -> Artwork:
        """The podcasts' cover, kept in the data folder once drawn (see ``artwork``)."""
        settings = self.settings
        cache = settings.resolved_data_dir / "cache" / "artwork"
        return podcast_artwork(cache, settings.city_name, settings.city_name_ja)

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
        """Convert every message now, furigana included (the dictionary loads with it).

        A build on several processes renders elsewhere; this process warms up meanwhile,
        so that the first small build after it (a publish) does not pay for it.
        """
        for language in self.settings.published_languages:
            for furigana in (False, True) if self.furigana_for(language) else (False,):
                strings = self.strings(language, furigana)
                for context, message in message_ids():
                    if "%(" not in message:  # the others are formatted where they are used
                        if context is None:
                            strings.content(message)
                        else:
                            strings.pcontent(context, message)

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
                editions_href=self.href(here, paths.editions_dir(language), furigana),
                search_href=self.href(here, paths.search_dir(language), furigana),
                feed_href=paths.relative(here, paths.feed_file(language)),
                podcast_href=paths.relative(here, paths.podcast_file(language)),
            )
            self._nav[key] = nav
        return nav

    def date(self, language: str, moment: datetime) -> str:
        return format_day(moment.astimezone(CITY_TIME_ZONE).date(), language)

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
            return Link(strings.content(N_("Hide furigana")), paths.relative(folder, plain))
        return Link(strings.content(N_("Show furigana (reading aids)")), paths.FURIGANA)

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
            **strings.template_functions(),
            "text": self.text(furigana),
            "nav": nav or self.nav(language, folder, furigana),
        }

    def render(self, template: str, context: Mapping[str, Any]) -> bytes:
        return self.templates[template].render(context).encode("utf-8")

    # -- a bulletin's own pages -------------------------------------------------------------

    def bulletin_files(self, bulletin: PublishedBulletin) -> dict[str, SiteFile]:
        """Every file of one bulletin: its page in each language, furigana, audio, captions,
        and its easy-Japanese page (with furigana throughout) when it has one."""
        languages = tuple(bulletin.versions)

        def folder_for(code: str) -> str:
            return paths.bulletin_dir(code, bulletin.id)

        alternates = self.alternates(folder_for, languages)
        easy = paths.easy_dir(bulletin.id, self.source) if bulletin.easy is not None else None
        files: dict[str, SiteFile] = {}
        images = self._image_files(bulletin)
        for language, version in bulletin.versions.items():
            folder = folder_for(language)
            files.update(_media_files(folder, version))
            files.update({folder + name: image for name, image in images.items()})
            variants = (False, True) if self.furigana_for(language) else (False,)
            for furigana in variants:
                here = paths.furigana_dir(folder) if furigana else folder
                switcher = self.switcher(here, folder_for, languages, language)
                files[paths.file_of(here)] = self._bulletin_page(
                    bulletin,
                    version,
                    here,
                    furigana,
                    alternates,
                    self._with_easy(switcher, here, easy, current=False),
                    easy_href=paths.relative(here, easy) if easy else None,
                )
        if bulletin.easy is not None and easy is not None:
            files.update(_media_files(easy, bulletin.easy))
            files.update({easy + name: image for name, image in images.items()})
            # Japanese, so no hreflang alternate: its canonical URL is its own.
            switcher = self.switcher(easy, folder_for, languages, "")
            files[paths.file_of(easy)] = self._bulletin_page(
                bulletin,
                bulletin.easy,
                easy,
                True,
                (),
                self._with_easy(switcher, easy, easy, current=True),
                easy_page=True,
            )
        return files

    def _with_easy(
        self, switcher: list[SwitcherItem], here: str, easy: str | None, *, current: bool
    ) -> list[SwitcherItem]:
        """The chooser with the easy-Japanese version right after Japanese, when there is one."""
        if easy is None:
            return switcher
        item = SwitcherItem(self.source, EASY_JAPANESE_NAME, paths.relative(here, easy), current)
        after = next(
            (index + 1 for index, other in enumerate(switcher) if other.language == self.source),
            0,
        )
        return [*switcher[:after], item, *switcher[after:]]

    def _image_files(self, bulletin: PublishedBulletin) -> dict[str, SiteFile]:
        """The image files every page of the bulletin shows, linked from the media folder
        into each page's folder (``images/<content hash>.jpg``), as audio is."""
        media = self.settings.media_dir
        return {
            paths.IMAGES + site_image_name(rendition): LinkedFile(media / rendition.file)
            for image in bulletin.images
            for rendition in image.renditions
        }

    def files_of(self, summary: BulletinSummary) -> tuple[str, ...]:
        """The paths :meth:`bulletin_files` writes for a bulletin, from its summary alone."""
        files: list[str] = []
        images = [paths.IMAGES + name for name in summary.images]
        for language, entry in summary.entries.items():
            folder = paths.bulletin_dir(language, summary.id)
            files += _media_paths(folder, entry)
            files += [folder + name for name in images]
            files.append(paths.file_of(folder))
            if self.furigana_for(language):
                files.append(paths.file_of(paths.furigana_dir(folder)))
        if summary.easy is not None:
            folder = paths.easy_dir(summary.id, self.source)
            files += _media_paths(folder, summary.easy)
            files += [folder + name for name in images]
            files.append(paths.file_of(folder))
        return tuple(files)

    def _bulletin_page(
        self,
        bulletin: PublishedBulletin,
        version: PageVersion,
        here: str,
        furigana: bool,
        alternates: Sequence[Alternate],
        switcher: Sequence[SwitcherItem],
        *,
        easy_href: str | None = None,
        easy_page: bool = False,
        original_href: str | None = None,
        furigana_toggle: bool = True,
    ) -> bytes:
        """One page of a bulletin; ``easy_page``: the easy-Japanese page (furigana throughout,
        audio in its own folder), ``easy_href``: the link to it from the other pages,
        ``original_href``: the link to the Japanese original (its public page by default)."""
        doc = version.doc
        language = doc.language
        strings = self.strings(language, furigana)
        title = plain_text(doc.title.pieces)
        category = category_key(bulletin.category)
        category_link = Link(
            strings.category(category),
            self.href(here, paths.category_dir(language, category), furigana),
        )
        nav = self.nav(language, here, furigana)
        published = self.date(language, bulletin.published_at)
        updated = self.date(language, bulletin.updated_at)
        audio = version.audio
        audio_context: dict[str, Any] | None = None
        if audio is not None:
            to_folder = "../" if furigana and not easy_page else ""
            minutes, seconds = divmod(round(audio.seconds), 60)
            duration = strings.gettext(
                "%(minutes)s min %(seconds)s s",
                minutes=format_integer(minutes, language),
                seconds=format_integer(seconds, language),
            )
            native = EASY_JAPANESE_NAME if easy_page else get_language(language).native_name
            audio_context = {
                "mp3_href": to_folder + paths.AUDIO_FILE,
                "captions_href": to_folder + paths.CAPTIONS_FILE if audio.captions else None,
                "label": strings.gettext("Audio of this notice in %(language)s", language=native),
                "download": strings.gettext(
                    "Download the audio (MP3, %(duration)s)", duration=duration
                ),
                "substitute": strings.gettext(
                    "This audio is read by the %(voice)s voice, because no %(language)s voice "
                    "is available.",
                    voice=audio.voice,
                    language=native,
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
            breadcrumbs=(Link(strings.content(N_("Home")), nav.home_href), category_link),
            crumb_title=title,
            nav=nav,
            toggle=furigana_toggle and not easy_page,
        )
        context.update(
            doc=doc,
            indexed=not furigana,
            easy_page=easy_page,
            easy_href=easy_href,
            translated_from_easy=version.translated_from == TextVersion.EASY,
            category=category_link,
            published=strings.gettext("Published %(date)s", date=published),
            published_iso=bulletin.published_at.isoformat(timespec="seconds"),
            updated=strings.gettext("Updated %(date)s", date=updated)
            if updated != published
            else None,
            updated_iso=bulletin.updated_at.isoformat(timespec="seconds"),
            original_href=original_href
            or paths.relative(here, paths.bulletin_dir(self.source, bulletin.id)),
            source_language=self.source,
            images_href=("../" if furigana and not easy_page else "") + paths.IMAGES,
            audio=audio_context,
            speeds=SPEEDS,
        )
        return self.render("bulletin.html", context)

    def preview_page(
        self,
        bulletin: PublishedBulletin,
        version: PageVersion,
        here: str,
        switcher: Sequence[SwitcherItem],
        original_href: str,
        *,
        easy_page: bool = False,
        easy_href: str | None = None,
    ) -> bytes:
        """A page as :meth:`bulletin_files` renders it, for a private preview served from the
        folder ``here``: no hreflang alternates (it is nobody's public version), and the
        language chooser and the link to the original lead to the other previews (the
        furigana version of the Japanese page is not previewed: no link to it)."""
        return self._bulletin_page(
            bulletin,
            version,
            here,
            easy_page,
            (),
            switcher,
            easy_href=easy_href,
            easy_page=easy_page,
            original_href=original_href,
            furigana_toggle=False,
        )

    # -- a withdrawn notice's address --------------------------------------------------------

    def withdrawn_page(self, notice: WithdrawnNotice, language: str, furigana: bool) -> bytes:
        """What the notice's address says once it is withdrawn: that, when, and where the
        current notices are. The source-language page, which every list linked to before a
        translation existed, says it in every language."""
        languages = tuple(notice.titles)

        def folder_for(code: str) -> str:
            return paths.bulletin_dir(code, notice.id)

        folder = folder_for(language)
        here = paths.furigana_dir(folder) if furigana else folder
        strings = self.strings(language, furigana)
        nav = self.nav(language, here, furigana)
        heading = strings.gettext(WITHDRAWN_HEADING)
        date = self.date(language, notice.withdrawn_at)
        context = self.base_context(
            here,
            language,
            furigana,
            heading,
            alternates=self.alternates(folder_for, languages),
            switcher=self.switcher(here, folder_for, languages, language),
            breadcrumbs=(Link(strings.content(N_("Home")), nav.home_href),),
            crumb_title=heading,
            nav=nav,
        )
        others = []
        if language == self.source:
            for code in self.settings.published_languages:
                if code == language:
                    continue
                title = notice.titles.get(code)
                intro = (
                    self.strings(code).gettext(WITHDRAWN_HEADING)
                    if title is None  # never shown in that language: no Japanese inside it
                    else self.strings(code).gettext(
                        withdrawn_text(notice),
                        title=title,
                        date=self.date(code, notice.withdrawn_at),
                    )
                )
                others.append(
                    {
                        "language": code,
                        "dir": get_language(code).direction,
                        "href": paths.relative(here, paths.index_dir(code)),
                        "label": self.strings(code).gettext(N_("See the current notices")),
                        "intro": intro,
                    }
                )
        context.update(
            heading=strings.content(WITHDRAWN_HEADING),
            withdrawn=strings.gettext(
                withdrawn_text(notice), title=notice.titles[language], date=date
            ),
            others=others,
        )
        return self.render("withdrawn.html", context)

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
            shown, entry = summary.shown_in(language, self.source)
            category = category_key(summary.category)
            folder = paths.bulletin_dir(shown, summary.id)
            rows.append(
                {
                    "title": entry.title,
                    "href": self.href(here, folder, furigana),
                    "published": strings.gettext(
                        "Published %(date)s", date=self.date(language, summary.published_at)
                    ),
                    "iso": summary.published_at.isoformat(timespec="seconds"),
                    "category": strings.category(category),
                    "category_href": self.href(
                        here, paths.category_dir(language, category), furigana
                    ),
                    "has_audio": entry.audio_size is not None,
                    "untranslated": self._untranslated(here, shown, folder, entry)
                    if shown != language
                    else None,
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

    def _untranslated(
        self, here: str, shown: str, folder: str, entry: EntrySummary
    ) -> dict[str, str | None]:
        """Where a list entry not yet in the reader's language leads: the source-language
        page, its furigana version and its audio (the list is never furigana: only the
        source language has furigana, and its lists have every notice in its own words)."""
        return {
            "lang": shown,
            "page_href": paths.relative(here, folder),
            "furigana_href": paths.relative(here, paths.furigana_dir(folder))
            if self.furigana_for(shown)
            else None,
            "audio_href": paths.relative(here, folder + paths.AUDIO_FILE)
            if entry.audio_size is not None
            else None,
        }

    def month_label(self, language: str, month: str) -> str:
        """``YYYY-MM`` as readers of ``language`` write a month (``2026年4月``)."""
        year, number = month.split("-")
        return format_month(int(year), int(number), language)

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
        heading = strings.gettext(ARCHIVE_HEADING)
        if category is not None:
            heading = f"{strings.gettext(CATEGORY_LABELS[category])} – {heading}"
        years: dict[str, list[dict[str, Any]]] = {}
        for month in months:
            parts = [
                (
                    strings.gettext(PAGE_N, page=format_integer(number, language)),
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
            here, language, furigana, strings.gettext(MOVED_HEADING), toggle=False
        )
        context.update(
            canonical=self.absolute(paths.plain_dir(target)),
            heading=strings.content(MOVED_HEADING),
            target_href=href,
            target_label=strings.content(ARCHIVE_HEADING),
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
                strings.category(category),
                self.href(here, paths.category_dir(language, category), furigana),
                category == current,
            )
            for category in categories
        ]

    # -- pages that do not depend on bulletins -----------------------------------------------

    def fixed_page(
        self, language: str, furigana: bool, dir_for: Callable[[str], str], title: str
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
            strings.gettext(title),
            alternates=self.alternates(dir_for, languages),
            switcher=self.switcher(here, dir_for, languages, language),
            breadcrumbs=(Link(strings.content(N_("Home")), nav.home_href),),
            crumb_title=strings.gettext(title),
            nav=nav,
        )
        context["heading"] = strings.content(title)
        return here, context

    def accessibility_page(self, language: str, furigana: bool) -> bytes:
        _here, context = self.fixed_page(
            language, furigana, paths.accessibility_dir, N_("Accessibility statement")
        )
        return self.render("accessibility.html", context)

    def search_page(self, language: str, furigana: bool, categories: Sequence[str]) -> bytes:
        here, context = self.fixed_page(language, furigana, paths.search_dir, N_("Search"))
        context.update(
            index_href=paths.relative(here, paths.SEARCH_MANIFEST),
            messages_href=paths.relative(
                here, paths.ASSETS + browser_messages.module_path(language)
            ),
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
                "intro": self.strings(code).gettext(
                    "Official notices from %(city)s, in your language, with audio.",
                    city=self.city(code),
                ),
                "status": "",
            }
            for code in self.settings.published_languages
        ]

    def translation_status(self, language: str, translated: int, total: int) -> str:
        """What the chooser says honestly of a language: how many notices are in it today."""
        if language == self.source or total == 0:
            return ""
        if translated == 0:
            return self.strings(language).gettext(JAPANESE_ONLY)
        return self.strings(language).gettext(
            N_(
                "In English now: %(translated)s of %(total)s notices. The others are shown in "
                "Japanese until they are translated."
            ),
            translated=format_integer(translated, language),
            total=format_integer(total, language),
        )

    def root_page(self, translated: Mapping[str, int], total: int) -> bytes:
        """The language chooser; ``translated`` counts each language's notices of ``total``."""
        source = self.source
        strings = self.strings(source)
        languages = self.settings.published_languages
        alternates = [
            *self.alternates(paths.index_dir, languages),
            Alternate("x-default", self.absolute("")),
        ]
        heading = strings.gettext("Choose your language")
        english = self.strings("en").gettext("Choose your language")
        context = self.base_context("", source, False, f"{heading} / {english}", toggle=False)
        context.update(
            alternates=alternates,
            heading=Markup(f'{escape(heading)} / <span lang="en">{escape(english)}</span>'),
            choices=[
                {
                    **choice,
                    "status": self.translation_status(
                        choice["language"], translated.get(choice["language"], 0), total
                    ),
                }
                for choice in self.language_choices("")
            ],
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
            editions_href=root + paths.editions_dir(source),
            search_href=None,
            feed_href=None,
            podcast_href=None,
        )
        context = self.base_context(
            paths.NOT_FOUND,
            source,
            False,
            strings.gettext("Page not found"),
            nav=nav,
            toggle=False,
        )
        choices = self.language_choices("")
        for choice in choices:
            choice["href"] = root + choice["href"]
            choice["intro"] = self.strings(choice["language"]).gettext(
                "This page does not exist or has been removed. Please choose your language to "
                "see current notices."
            )
        context.update(
            canonical=self.absolute(""),
            heading=strings.content(N_("Page not found")),
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
        files = {
            paths.ASSETS + path.relative_to(static).as_posix(): path.read_bytes()
            for path in sorted(static.rglob("*"))
            if path.is_file()
        }
        plurals = script_plurals(static)
        for language in self.settings.published_languages:
            module = paths.ASSETS + browser_messages.module_path(language)
            files[module] = browser_messages.messages_module(language, plurals)
        return files

    @cached_property
    def _static_keys(self) -> dict[str, str]:
        return {path: content_key(path, content) for path, content in self._static.items()}


def _media_paths(folder: str, entry: EntrySummary) -> list[str]:
    if entry.audio_size is None:
        return []
    return [folder + paths.AUDIO_FILE] + ([folder + paths.CAPTIONS_FILE] if entry.captions else [])


def _media_files(folder: str, version: PageVersion) -> dict[str, SiteFile]:
    """A page's audio and captions, linked from the media folder into the page's folder."""
    audio = version.audio
    if audio is None:
        return {}
    files: dict[str, SiteFile] = {folder + paths.AUDIO_FILE: LinkedFile(audio.mp3)}
    if audio.captions is not None:
        files[folder + paths.CAPTIONS_FILE] = LinkedFile(audio.captions)
    return files


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

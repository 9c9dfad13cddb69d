"""Render the gathered site content into files (path -> bytes) with the Jinja2 templates."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from publisher.documents import plain_text
from publisher.settings import Settings
from publisher.site.content import PageVersion, PublishedBulletin, SiteContent
from publisher.site.html_body import body_html, sanitize, sentence_html
from publisher.site.ui_strings import UI_STRINGS, format_date, ui_text
from publisher.site.writer import LinkedFile, SiteFile
from translations.languages import get_language

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "site_templates"
CITY_TIME_ZONE = ZoneInfo("Asia/Tokyo")


def make_environment(templates_dir: Path = TEMPLATES_DIR) -> Environment:
    return Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def bulletin_path(language: str, bulletin_id: int) -> str:
    return f"{language}/bulletins/{bulletin_id}/index.html"


def index_path(language: str) -> str:
    return f"{language}/index.html"


def _url_of(path: str) -> str:
    """The public URL path of a file: folders end in / rather than index.html."""
    return path.removesuffix("index.html")


@dataclass(frozen=True)
class Alternate:
    language: str
    native_name: str
    href: str
    absolute: str
    current: bool


class SiteRenderer:
    """Renders every page type; one instance per build."""

    def __init__(self, settings: Settings, environment: Environment | None = None) -> None:
        self.settings = settings
        self.environment = environment or make_environment()

    # -- helpers shared by all pages ---------------------------------------------------------

    def _absolute(self, path: str) -> str:
        return self.settings.base_url + _url_of(path)

    def _context(self, path: str, language: str, **values: Any) -> dict[str, Any]:
        here = posixpath.dirname(path)

        def rel(target: str) -> str:
            relative = posixpath.relpath(target, here or ".")
            return _url_of(relative) or "./"

        def t(key: str, **format_values: Any) -> str:
            return ui_text(language, key, city=self._city(language), **format_values)

        info = get_language(language)
        return {
            "lang": language,
            "dir": info.direction,
            "native_name": info.native_name,
            "rel": rel,
            "t": t,
            "canonical": self._absolute(path),
            "site_name": t("site_name"),
            "root_href": rel("index.html"),
            "home_href": rel(index_path(language)),
            "accessibility_href": rel(f"{language}/accessibility/index.html"),
            "css_href": rel("assets/site.css"),
            "base_url": self.settings.base_url,
            **values,
        }

    def _city(self, language: str) -> str:
        return self.settings.city_name_ja if language == "ja" else self.settings.city_name

    def _alternates(
        self, path_for: Callable[[str], str], languages: tuple[str, ...], current: str
    ) -> list[Alternate]:
        here = posixpath.dirname(path_for(current))
        return [
            Alternate(
                language=code,
                native_name=get_language(code).native_name,
                href=_url_of(posixpath.relpath(path_for(code), here)) or "./",
                absolute=self._absolute(path_for(code)),
                current=code == current,
            )
            for code in languages
        ]

    def _render(self, template: str, context: dict[str, Any]) -> bytes:
        return self.environment.get_template(template).render(context).encode("utf-8")

    def _date(self, language: str, moment: datetime) -> str:
        local = moment.astimezone(CITY_TIME_ZONE) if moment.tzinfo else moment
        return format_date(language, local.year, local.month, local.day)

    def _category(self, language: str, category: str) -> str:
        key = f"category_{category}"
        return ui_text(language, key if key in UI_STRINGS["en"] else "category_other")

    # -- pages ------------------------------------------------------------------------------

    def bulletin_page(self, bulletin: PublishedBulletin, language: str) -> dict[str, SiteFile]:
        version: PageVersion = bulletin.versions[language]
        path = bulletin_path(language, bulletin.id)
        folder = posixpath.dirname(path)
        files: dict[str, SiteFile] = {}
        audio = version.audio
        if audio is not None:
            files[f"{folder}/audio.mp3"] = LinkedFile(audio.mp3)
            if audio.captions is not None:
                files[f"{folder}/captions.vtt"] = LinkedFile(audio.captions)
        source_language = self.settings.source_language
        minutes, seconds = divmod(round(audio.seconds), 60) if audio else (0, 0)
        context = self._context(
            path,
            language,
            doc=version.doc,
            title=plain_text(version.doc.title.pieces),
            body=body_html(version.doc),
            contact=version.doc.contact,
            category=self._category(language, bulletin.category),
            published=self._date(language, bulletin.published_at),
            published_iso=bulletin.published_at.isoformat(),
            contact_html=sanitize(sentence_html(version.doc.contact))
            if version.doc.contact
            else "",
            alternates=self._alternates(
                partial(bulletin_path, bulletin_id=bulletin.id), tuple(bulletin.versions), language
            ),
            original_href=posixpath.relpath(
                _url_of(bulletin_path(source_language, bulletin.id)), folder
            )
            + "/",
            audio=audio,
            audio_substitute=(
                get_language(audio.substitute_for).native_name
                if audio and audio.substitute_for
                else None
            ),
            duration=ui_text(language, "seconds_unit", minutes=str(minutes), seconds=str(seconds)),
            breadcrumbs=[(ui_text(language, "home"), self._context(path, language)["home_href"])],
        )
        files[path] = self._render("bulletin.html", context)
        return files

    def index_page(self, content: SiteContent, language: str) -> dict[str, SiteFile]:
        path = index_path(language)
        entries = [
            {
                "title": plain_text(bulletin.versions[language].doc.title.pieces),
                "href": posixpath.relpath(_url_of(bulletin_path(language, bulletin.id)), language)
                + "/",
                "published": self._date(language, bulletin.published_at),
                "iso_date": bulletin.published_at.isoformat(),
                "category": self._category(language, bulletin.category),
                "has_audio": bulletin.versions[language].audio is not None,
            }
            for bulletin in content.bulletins
            if language in bulletin.versions
        ]
        context = self._context(
            path,
            language,
            title=ui_text(language, "latest_notices"),
            entries=entries,
            alternates=self._alternates(index_path, content.languages, language),
            breadcrumbs=[],
        )
        return {path: self._render("index.html", context)}

    def accessibility_page(self, content: SiteContent, language: str) -> dict[str, SiteFile]:
        def path_for(code: str) -> str:
            return f"{code}/accessibility/index.html"

        path = path_for(language)
        context = self._context(
            path,
            language,
            title=ui_text(language, "accessibility_heading"),
            alternates=self._alternates(path_for, content.languages, language),
            breadcrumbs=[(ui_text(language, "home"), self._context(path, language)["home_href"])],
        )
        return {path: self._render("accessibility.html", context)}

    def root_page(self, content: SiteContent) -> dict[str, SiteFile]:
        source = self.settings.source_language
        choices = [
            {
                "language": code,
                "native_name": get_language(code).native_name,
                "dir": get_language(code).direction,
                "href": f"{code}/",
                "intro": ui_text(code, "choose_language_intro", city=self._city(code)),
            }
            for code in content.languages
        ]
        context = self._context(
            "index.html",
            source,
            title=ui_text(source, "choose_language_heading"),
            choices=choices,
            alternates=[],
            breadcrumbs=[],
        )
        return {"index.html": self._render("root.html", context)}

    def not_found_page(self) -> dict[str, SiteFile]:
        source = self.settings.source_language
        context = self._context(
            "404.html",
            source,
            title=ui_text(source, "not_found_heading"),
            alternates=[],
            breadcrumbs=[],
        )
        # Served for any missing path, so its links cannot be relative.
        site_root = urlsplit(self.settings.base_url).path
        context.update(
            css_href=site_root + "assets/site.css",
            home_href=site_root + f"{source}/",
            root_href=site_root,
            accessibility_href=site_root + f"{source}/accessibility/",
        )
        return {"404.html": self._render("404.html", context)}

    def static_files(self) -> dict[str, SiteFile]:
        static = self.environment_root() / "static"
        return {
            f"assets/{path.relative_to(static).as_posix()}": path.read_bytes()
            for path in sorted(static.rglob("*"))
            if path.is_file()
        }

    def environment_root(self) -> Path:
        loader = self.environment.loader
        assert isinstance(loader, FileSystemLoader)
        return Path(loader.searchpath[0])

    def render_all(self, content: SiteContent) -> dict[str, SiteFile]:
        files: dict[str, SiteFile] = {}
        files.update(self.static_files())
        files.update(self.root_page(content))
        files.update(self.not_found_page())
        for language in content.languages:
            files.update(self.index_page(content, language))
            files.update(self.accessibility_page(content, language))
        for bulletin in content.bulletins:
            for language in bulletin.versions:
                files.update(self.bulletin_page(bulletin, language))
        return files

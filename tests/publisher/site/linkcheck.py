"""A link checker for a built site folder: internal links, hreflang sets, sitemaps, feeds.

Used by the fast site tests and the browser suite. It reads the files directly (no server):
a URL of the site maps to a file (``…/`` to ``…/index.html``). Every ``href``/``src`` of
every page must reach a file; every page's ``hreflang`` set must list the page itself and
be the same set, page for page, on every page it lists (complete and reciprocal); every URL
in the sitemaps and feeds must reach a file.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

_LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "source": "src", "img": "src"}
_XHTML = "{http://www.w3.org/1999/xhtml}link"
_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_URL_ELEMENTS = (f"{_SITEMAP}loc", "link", "{http://www.w3.org/2005/Atom}id")


@dataclass
class PageLinks:
    links: list[str] = field(default_factory=list)
    alternates: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    data_urls: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "link" and values.get("rel") == "alternate" and "hreflang" in values:
            self.page.alternates[values["hreflang"]] = values["href"]
        if tag == "link" and values.get("rel") == "canonical":
            self.page.canonical = values["href"]
        attribute = _LINK_ATTRIBUTES.get(tag)
        if attribute and attribute in values:
            self.page.links.append(values[attribute])
        if "data-captions" in values:
            self.page.data_urls.append(values["data-captions"])
        if "data-index" in values:  # the search script loads the bundles it names
            self.page.data_urls.append(values["data-index"])


def parse_page(html: str) -> PageLinks:
    collector = _Collector()
    collector.feed(html)
    return collector.page


class SiteChecker:
    def __init__(self, root: Path, base_url: str) -> None:
        self.root = root
        self.base_url = base_url
        self.problems: list[str] = []

    def url_of(self, path: Path) -> str:
        relative = path.relative_to(self.root).as_posix()
        return self.base_url + relative.removesuffix("index.html")

    def file_for(self, url: str) -> Path | None:
        """The file a URL of this site serves, or ``None`` for another site's URL."""
        if not url.startswith(self.base_url):
            return None
        relative = urlsplit(url).path[len(urlsplit(self.base_url).path) :]
        target = self.root / relative
        if relative == "" or relative.endswith("/"):
            target = target / "index.html"
        return target

    def check_url(self, source: str, url: str) -> None:
        target = self.file_for(url)
        if target is not None and not target.is_file():
            self.problems.append(f"{source}: broken link {url}")

    def check(self) -> list[str]:
        pages = sorted(self.root.rglob("*.html"))
        alternates: dict[str, dict[str, str]] = {}
        for page in pages:
            url = self.url_of(page)
            # The 404 page is served at any path, so its links must not depend on where.
            base = self.base_url + "missing/page/" if page.name == "404.html" else url
            found = parse_page(page.read_text(encoding="utf-8"))
            for link in [*found.links, *found.data_urls]:
                if link.startswith(("mailto:", "tel:")):
                    continue
                if link.startswith("#"):
                    if link[1:] not in found.ids:
                        self.problems.append(f"{url}: no element with id {link}")
                    continue
                self.check_url(url, urljoin(base, link).split("#")[0].split("?")[0])
            if found.alternates:
                alternates[url] = found.alternates
                if found.canonical != url:
                    self.problems.append(f"{url}: hreflang on a page whose canonical is elsewhere")
        self._check_hreflang(alternates)
        self._check_xml()
        self._check_search()
        return self.problems

    def _check_search(self) -> None:
        """Every bundle the search manifest names has its script and entry file."""
        manifest = self.root / "pagefind" / "bundles.json"
        if not manifest.is_file():
            return
        for bundle in json.loads(manifest.read_text("utf-8"))["bundles"]:
            for name in ("pagefind.js", "pagefind-entry.json"):
                if not (manifest.parent / bundle["path"] / name).is_file():
                    self.problems.append(f"search bundle {bundle['path']} has no {name}")

    def _check_hreflang(self, alternates: dict[str, dict[str, str]]) -> None:
        for url, languages in alternates.items():
            if url not in languages.values():
                self.problems.append(f"{url}: hreflang set does not list the page itself")
            for language, target in languages.items():
                if target not in alternates:
                    self.problems.append(f"{url}: hreflang {language} -> {target} has no set")
                elif alternates[target] != languages:
                    self.problems.append(f"{url}: hreflang set differs on {target}")

    def _check_xml(self) -> None:
        for path in sorted(self.root.rglob("*.xml")):
            if "pagefind" in path.parts:
                continue
            tree = ElementTree.parse(path)
            source = self.url_of(path)
            for element in tree.iter():
                text = (element.text or "").strip()
                if element.tag in _URL_ELEMENTS and text.startswith("http"):
                    self.check_url(source, text)
                for name in ("href", "url"):
                    value = element.get(name)
                    if value:
                        self.check_url(source, value)
                if element.tag == _XHTML and element.get("href"):
                    self.check_url(source, element.get("href", ""))

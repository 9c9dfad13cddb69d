from __future__ import annotations

from pathlib import Path

import pytest

from translations.languages import UnknownLanguageError
from translations.models import InstalledPackage, Route, plan_routes


def package(from_code: str, to_code: str, version: str = "1.0") -> InstalledPackage:
    name = f"translate-{from_code}_{to_code}-{version}"
    return InstalledPackage(from_code, to_code, version, Path(name), name)


INSTALLED = [package("ja", "en"), package("en", "pt"), package("ja", "zt"), package("en", "es")]


def test_direct_pivot_and_unreachable() -> None:
    routes = plan_routes(INSTALLED, "ja", ["en", "pt", "zh-Hant", "vi", "es"])
    assert routes["en"] == Route("ja", "en", (INSTALLED[0],))
    assert routes["en"].kind == "direct"
    assert routes["pt"] == Route("ja", "pt", (INSTALLED[0], INSTALLED[1]))
    assert routes["pt"].kind == "pivot"
    assert routes["pt"].description == "ja→en→pt"
    zh_hant = routes["zh-Hant"]
    assert zh_hant is not None and zh_hant.kind == "direct" and zh_hant.steps[0].to_code == "zt"
    assert routes["vi"] is None
    assert routes["es"] is not None and routes["es"].kind == "pivot"


def test_direct_is_preferred_over_pivot() -> None:
    direct = package("ja", "pt")
    routes = plan_routes([*INSTALLED, direct], "ja", ["pt"])
    assert routes["pt"] == Route("ja", "pt", (direct,))


def test_no_pivot_without_english_leg() -> None:
    assert plan_routes([package("en", "pt")], "ja", ["pt"]) == {"pt": None}
    assert plan_routes([package("ja", "en")], "ja", ["pt"]) == {"pt": None}
    assert plan_routes([], "ja", ["en"]) == {"en": None}


def test_newest_version_wins() -> None:
    old, new = package("ja", "en", "1.9"), package("ja", "en", "1.10")
    assert plan_routes([old, new], "ja", ["en"])["en"] == Route("ja", "en", (new,))


def test_source_language_is_the_identity() -> None:
    route = plan_routes([], "ja", ["ja"])["ja"]
    assert route is not None and route.steps == () and route.kind == "direct"


def test_unknown_code() -> None:
    with pytest.raises(UnknownLanguageError):
        plan_routes(INSTALLED, "ja", ["klingon"])

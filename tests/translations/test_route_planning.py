from __future__ import annotations

from pathlib import Path

import pytest

from translations.converted import ConvertedModel, ModelStep
from translations.languages import UnknownLanguageError
from translations.models import InstalledPackage, Route, plan_routes
from translations.statuses import RouteVia

BILINGUAL, MULTILINGUAL, PIVOT = RouteVia.BILINGUAL, RouteVia.MULTILINGUAL, RouteVia.PIVOT


def package(from_code: str, to_code: str, version: str = "1.0") -> InstalledPackage:
    name = f"translate-{from_code}_{to_code}-{version}"
    return InstalledPackage(from_code, to_code, version, Path(name), name)


INSTALLED = [package("ja", "en"), package("en", "pt"), package("ja", "zt"), package("en", "es")]


def test_direct_pivot_and_unreachable() -> None:
    routes = plan_routes(INSTALLED, "ja", ["en", "pt", "zh-Hant", "vi", "es"])
    assert routes["en"] == Route("ja", "en", (INSTALLED[0],), BILINGUAL)
    assert routes["en"].kind == "direct"
    assert routes["pt"] == Route("ja", "pt", (INSTALLED[0], INSTALLED[1]), PIVOT)
    assert routes["pt"].kind == "pivot"
    assert routes["pt"].description == "ja→en→pt"
    zh_hant = routes["zh-Hant"]
    assert zh_hant is not None and zh_hant.kind == "direct" and zh_hant.steps[0].to_code == "zt"
    assert routes["vi"] is None
    assert routes["es"] is not None and routes["es"].kind == "pivot"


def test_direct_is_preferred_over_pivot() -> None:
    direct = package("ja", "pt")
    routes = plan_routes([*INSTALLED, direct], "ja", ["pt"])
    assert routes["pt"] == Route("ja", "pt", (direct,), BILINGUAL)


def test_no_pivot_without_english_leg() -> None:
    assert plan_routes([package("en", "pt")], "ja", ["pt"]) == {"pt": None}
    assert plan_routes([package("ja", "en")], "ja", ["pt"]) == {"pt": None}
    assert plan_routes([], "ja", ["en"]) == {"en": None}


def test_newest_version_wins() -> None:
    old, new = package("ja", "en", "1.9"), package("ja", "en", "1.10")
    assert plan_routes([old, new], "ja", ["en"])["en"] == Route("ja", "en", (new,), BILINGUAL)


def test_source_language_is_the_identity() -> None:
    route = plan_routes([], "ja", ["ja"])["ja"]
    assert route is not None and route.steps == () and route.kind == "direct"


def test_unknown_code() -> None:
    with pytest.raises(UnknownLanguageError):
        plan_routes(INSTALLED, "ja", ["klingon"])


def converted(
    family: str, languages: tuple[str, ...], name: str = "m", version: str = "1.0"
) -> ConvertedModel:
    return ConvertedModel(family, name, version, "MIT", languages, Path(name))


M2M = converted("m2m100", ("ja", "en", "vi", "ne", "pt"), "m2m100_418m")


def test_multilingual_reaches_languages_no_package_has_directly_from_japanese() -> None:
    routes = plan_routes(INSTALLED, "ja", ["vi", "ne", "en", "pt", "zh-Hant"], converted=[M2M])
    assert routes["vi"] == Route("ja", "vi", (ModelStep(M2M, "ja", "vi"),), MULTILINGUAL)
    assert routes["ne"] is not None and routes["ne"].via == MULTILINGUAL
    assert routes["ne"].description == "ja→ne" and routes["ne"].kind == "direct"
    # A package made for the pair is preferred; a direct multilingual route beats a pivot.
    assert routes["en"] is not None and routes["en"].via == BILINGUAL
    assert routes["pt"] == Route("ja", "pt", (ModelStep(M2M, "ja", "pt"),), MULTILINGUAL)
    assert routes["zh-Hant"] is not None and routes["zh-Hant"].via == BILINGUAL


def test_a_city_pins_a_language_to_a_kind_of_route() -> None:
    pins = {"pt": PIVOT, "en": MULTILINGUAL, "vi": BILINGUAL}
    routes = plan_routes(INSTALLED, "ja", ["pt", "en", "vi", "ne"], converted=[M2M], pins=pins)
    assert routes["pt"] == Route("ja", "pt", (INSTALLED[0], INSTALLED[1]), PIVOT)
    assert routes["en"] == Route("ja", "en", (ModelStep(M2M, "ja", "en"),), MULTILINGUAL)
    assert routes["vi"] is None  # pinned to a kind of model that is not installed
    assert routes["ne"] is not None and routes["ne"].via == MULTILINGUAL


def test_bilingual_converted_model_and_pivot_legs_through_any_kind() -> None:
    marian = converted("marian", ("en", "tl"), "opus-mt-en-tl")
    only_ne = converted("m2m100", ("en", "ne"), "m2m-en-ne")
    routes = plan_routes(INSTALLED, "ja", ["tl", "ne"], converted=[marian, only_ne])
    assert routes["tl"] == Route("ja", "tl", (INSTALLED[0], ModelStep(marian, "en", "tl")), PIVOT)
    assert routes["ne"] is not None and routes["ne"].steps[1] == ModelStep(only_ne, "en", "ne")
    assert routes["ne"].models == "argos translate-ja_en-1.0 1.0 + m2m100 m2m-en-ne 1.0 (MIT)"


def test_a_bilingual_model_only_goes_one_way() -> None:
    marian = converted("marian", ("ja", "vi"))
    assert plan_routes([], "ja", ["vi"], converted=[marian])["vi"] is not None
    assert plan_routes([], "vi", ["ja"], converted=[marian])["ja"] is None


def test_newest_multilingual_model_wins() -> None:
    old = converted("m2m100", ("ja", "vi"), "a", "1.0")
    new = converted("nllb", ("ja", "vi"), "b", "2.0")
    route = plan_routes([], "ja", ["vi"], converted=[old, new])["vi"]
    assert route is not None and route.steps == (ModelStep(new, "ja", "vi"),)

"""The template library loads strictly: every shipped file is valid, a wrong file is named."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from translations.emergency.loader import LIBRARY_DIR, TemplateError, load_library, placeholders
from translations.emergency.model import (
    MAX_EVENT_CHARACTERS,
    WORDING_LANGUAGES,
    Variant,
    WordingSource,
)
from translations.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_TEMPLATES = {
    "evacuation-elderly",  # 警戒レベル3 高齢者等避難
    "evacuation-order",  # 警戒レベル4 避難指示
    "emergency-safety",  # 警戒レベル5 緊急安全確保
    "shelter-opened",  # 避難所の開設 / 閉鎖
    "tsunami-warning",
    "tsunami-advisory",
    "landslide-alert",  # 大雨警報・土砂災害警戒情報
    "earthquake",
    "water-outage",
    "heatstroke-alert",
}


def test_the_shipped_library_has_every_template_in_every_language() -> None:
    library = load_library()
    assert set(library.templates) >= REQUIRED_TEMPLATES
    for template in library.templates.values():
        # every site language, easy Japanese, for the warning and its lifting (解除)
        assert set(template.languages()) == {*LANGUAGES, "ja-easy"}, template.id
        assert template.lift_title
        for language in template.languages():
            issue = template.wording(Variant.ISSUE, language)
            assert issue is not None and issue.event is not None
            assert len(issue.event.text) <= MAX_EVENT_CHARACTERS


def test_every_string_records_its_source_and_references_resolve() -> None:
    library = load_library()
    for template in library.templates.values():
        for table in (template.issue, template.lift):
            for wording in table.values():
                for item in (wording.headline, wording.instruction):
                    assert isinstance(item.source, WordingSource)
                    if item.source is WordingSource.SECONDARY:
                        assert item.ref in template.references, (template.id, item)


def _copy_library(tmp_path: Path) -> Path:
    target = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('urgency = "Immediate"', 'urgency = "Unknown"', "cap.urgency"),
        ('areas = { kind = "places"', 'areas = { kind = "placez"', "slots.areas.kind"),
        ("{areas}に避難指示", "{area}に避難指示", "{area} is not a slot"),
        ("[issue.th]", "[issue.xx]", "issue.xx: unknown language"),
        ("expires_hours = 24", 'expires_hours = "24"', "cap.expires_hours"),
        ('title = "警戒レベル4 避難指示"', 'title = "x"\ncolour = "red"', "colour"),
        ('{ common = "shelters" }', '{ common = "nothing" }', "no common sentence 'nothing'"),
        (
            'event = { text = "Evacuation Order"',
            'event = { text = "' + "x" * 36 + '"',
            "36 characters",
        ),
        ('source = "secondary", ref = "Y" }', 'source = "secondary", ref = "Q" }', "reference 'Q'"),
        (
            "{areas}の避難指示（警戒レベル4）を解除",
            "{areas:>3}の避難指示を解除",
            "plain slot names",
        ),
    ],
)
def test_a_malformed_template_is_refused_naming_the_file_and_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    library = _copy_library(tmp_path)
    _edit(library / "templates" / "evacuation-order.toml", old, new)
    with pytest.raises(TemplateError) as error:
        load_library(library)
    assert "evacuation-order.toml" in str(error.value)
    assert message in str(error.value)


def test_a_template_missing_a_required_language_or_using_no_slot_is_refused(tmp_path: Path) -> None:
    library = _copy_library(tmp_path)
    path = library / "templates" / "tsunami-advisory.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[lift.en]")
    end = text.index("[issue.pt]")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(TemplateError, match=r"lift has no wording in \['en'\]"):
        load_library(library)

    library = _copy_library(tmp_path / "second")
    _edit(
        library / "templates" / "tsunami-advisory.toml",
        'phone = { kind = "phone", required = false }',
        'phone = { kind = "phone", required = false }\nfax = { kind = "phone", required = false }',
    )
    with pytest.raises(TemplateError, match=r"slots \['fax'\] are not used"):
        load_library(library)


def test_a_file_name_must_match_its_id(tmp_path: Path) -> None:
    library = _copy_library(tmp_path)
    source = library / "templates" / "earthquake.toml"
    source.rename(library / "templates" / "quake.toml")
    with pytest.raises(TemplateError, match=r"quake\.toml: id 'earthquake'"):
        load_library(library)


def test_placeholders_are_plain_names() -> None:
    assert placeholders("{areas}に{issued_at}") == ("areas", "issued_at")
    for bad in ("{0}", "{areas!r}", "{areas:>3}", "{", "{a.b}"):
        with pytest.raises(TemplateError):
            placeholders(bad)


def test_wording_languages_are_the_site_languages_and_easy_japanese() -> None:
    assert set(WORDING_LANGUAGES) == {*LANGUAGES, "ja-easy"}


def test_loading_and_rendering_never_loads_a_translation_engine() -> None:
    code = (
        "import sys\n"
        "from translations.emergency.loader import load_library\n"
        "from translations.emergency.names import NameReader\n"
        "from translations.emergency.render import Renderer\n"
        "from translations.emergency.slots import parse_slots\n"
        "from translations.emergency.model import Variant\n"
        "library = load_library()\n"
        "renderer = Renderer(library, NameReader())\n"
        "template = library.templates['evacuation-order']\n"
        "raw = {'areas': ['中区'], 'issued_at': '2026-07-01T10:00+09:00'}\n"
        "values = parse_slots(template, raw)\n"
        "for language in template.languages():\n"
        "    renderer.render(template, Variant.ISSUE, language, values)\n"
        "heavy = ['argostranslate', 'ctranslate2', 'sentencepiece', 'torch', 'translations.engine',"
        " 'translations.argos_engine', 'translations.pipeline']\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == ""

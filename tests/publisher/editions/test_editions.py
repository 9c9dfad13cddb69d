"""Editions of the sample month: what a listener's reading system and DAISY player get."""

from __future__ import annotations

import re
import shutil
import subprocess
import typing
import warnings
import zipfile
from datetime import date
from pathlib import Path

import pytest
import soundfile
from lxml import etree

from audio.webvtt import read_cues
from publisher.documents import plain_text
from publisher.editions.build import EditionFiles, build_editions, edition_paths, published
from publisher.services import Services
from tests.publisher.editions.conftest import APRIL

OPF = {"opf": "http://www.idpf.org/2007/opf"}
SMIL = {"smil": "http://www.w3.org/ns/SMIL"}


def _seconds(clock: str) -> float:
    hours, minutes, seconds = clock.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _opf(epub: Path) -> etree._Element:
    with zipfile.ZipFile(epub) as archive:
        return etree.fromstring(archive.read("EPUB/package.opf"))


def test_every_language_has_an_epub_and_the_voiced_ones_a_daisy_book(
    april: dict[str, EditionFiles],
) -> None:
    assert sorted(april) == ["en", "ja", "pt", "vi"]
    for language in ("ja", "en", "pt"):
        assert april[language].notices == april[language].voiced == 6
        assert april[language].daisy is not None and april[language].daisy.is_file()
    assert april["vi"].voiced == 0 and april["vi"].daisy is None  # no Vietnamese voice
    with zipfile.ZipFile(april["ja"].epub) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)


def test_overlay_durations_add_up_to_the_book_and_to_the_published_audio(
    april: dict[str, EditionFiles], edition_services: Services
) -> None:
    published_seconds = sum(
        bulletin.versions["en"].audio.seconds  # type: ignore[union-attr]
        for bulletin in published(edition_services)
    )
    package = _opf(april["en"].epub)
    durations = package.xpath("//opf:meta[@property='media:duration']", namespaces=OPF)
    parts = [_seconds(meta.text) for meta in durations if meta.get("refines")]
    (total,) = [_seconds(meta.text) for meta in durations if not meta.get("refines")]
    assert len(parts) == 6
    assert abs(sum(parts) - total) < 1.0
    assert abs(total - published_seconds) < 1.0
    assert package.xpath("//opf:meta[@property='media:active-class']/text()", namespaces=OPF)


def test_accessibility_metadata_and_language_are_declared(april: dict[str, EditionFiles]) -> None:
    for language, files in april.items():
        package = _opf(files.epub)

        def values(prop: str, package: etree._Element = package) -> list[str]:
            return package.xpath(f"//opf:meta[@property='{prop}']/text()", namespaces=OPF)

        assert package.xpath(
            "//opf:metadata/*[local-name()='language']/text()", namespaces=OPF
        ) == [language]
        assert values("schema:accessibilityHazard") == ["none"]
        assert values("schema:accessibilitySummary")[0].strip()
        assert "textual" in values("schema:accessMode")
        voiced = files.voiced > 0
        assert ("synchronizedAudioText" in values("schema:accessibilityFeature")) == voiced
        assert ("auditory" in values("schema:accessModeSufficient")) == voiced
        assert ("rubyAnnotations" in values("schema:accessibilityFeature")) == (language == "ja")
        with zipfile.ZipFile(files.epub) as archive:
            for name in archive.namelist():
                if name.endswith(".xhtml"):
                    root = etree.fromstring(archive.read(name))
                    assert root.get("lang") == language, name


def test_every_page_sentence_has_its_span_and_every_caption_cue_its_clip(
    april: dict[str, EditionFiles], edition_services: Services
) -> None:
    bulletins = sorted(published(edition_services), key=lambda bulletin: bulletin.id)
    with zipfile.ZipFile(april["pt"].epub) as archive:
        spans: set[str] = set()
        clips: list[tuple[str, float, float]] = []
        for name in archive.namelist():
            if name.startswith("EPUB/text/"):
                spans.update(re.findall(r'<span id="s-([^"]+)"', archive.read(name).decode()))
            if name.startswith("EPUB/overlays/"):
                overlay = etree.fromstring(archive.read(name))
                for par in overlay.iterfind(".//smil:par", SMIL):
                    text, audio = par.find("smil:text", SMIL), par.find("smil:audio", SMIL)
                    assert text is not None and audio is not None
                    clips.append(
                        (
                            text.get("src", "").split("#s-")[1],
                            float(audio.get("clipBegin", "").rstrip("s")),
                            float(audio.get("clipEnd", "").rstrip("s")),
                        )
                    )
    expected = {s.id for b in bulletins for s in b.versions["pt"].doc.sentences()}
    assert expected <= spans
    cues = [
        cue
        for bulletin in bulletins
        for cue in read_cues(bulletin.versions["pt"].audio.captions.read_text())  # type: ignore[union-attr]
    ]
    assert len(clips) == len(cues)
    assert all(end > begin for _, begin, end in clips)


def test_ruby_only_in_japanese(april: dict[str, EditionFiles]) -> None:
    with zipfile.ZipFile(april["ja"].epub) as archive:
        assert '<rt aria-hidden="true">' in archive.read("EPUB/text/n001.xhtml").decode()
    with zipfile.ZipFile(april["en"].epub) as archive:
        assert "<ruby>" not in archive.read("EPUB/text/n001.xhtml").decode()


def test_a_period_without_notices_makes_nothing_and_removes_an_old_book(
    edition_services: Services, tmp_path: Path
) -> None:
    may = (date(2026, 5, 1), date(2026, 5, 31))
    stale, _ = edition_paths(tmp_path, "en", *may)
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    assert build_editions(edition_services, *may, ("en",), folder=tmp_path) == []
    assert not stale.exists()


def test_a_reversed_period_or_unknown_language_is_refused(edition_services: Services) -> None:
    with pytest.raises(ValueError, match="before it starts"):
        build_editions(edition_services, APRIL[1], APRIL[0])
    with pytest.raises(ValueError, match="not a published language"):
        build_editions(edition_services, *APRIL, ("xx",))


def _daisy_book(path: Path) -> typing.Any:
    """daisy-dtb 0.0.17 imports ``typing.override`` (Python 3.12) though it says 3.11 will do,
    and the old ``chardet.universaldetector`` module: provide both, then open the book."""
    import typing_extensions

    if not hasattr(typing, "override"):
        typing.override = typing_extensions.override  # type: ignore[attr-defined]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import chardet.universaldetector  # noqa: F401
        from daisy_dtb import DaisyBook, ZipDtbSource
    from loguru import logger

    logger.remove()
    return DaisyBook(ZipDtbSource(str(path)))


def test_the_daisy_book_navigates_by_section_notice_and_sentence(
    april: dict[str, EditionFiles], edition_services: Services, tmp_path: Path
) -> None:
    for language in ("ja", "en"):
        daisy = april[language].daisy
        assert daisy is not None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            book = _daisy_book(daisy)
        assert book.langage == language
        assert [entry.level for entry in book.toc_entries][:3] == [1, 1, 2]
        notices = [entry for entry in book.toc_entries if entry.level == 2]
        assert len(notices) == 6
        with zipfile.ZipFile(daisy) as archive:
            archive.extractall(tmp_path / language)
        heard: set[str] = set()
        for entry in book.toc_entries:
            sections = entry.sections
            assert sections, entry.text  # every heading leads somewhere playable
            ids = [section.id for section in sections]
            assert entry.smil_reference.fragment in ids
            for section in sections:
                heard.add(" ".join(section.text.content.split()))
                for clip in section.clips:
                    length = soundfile.info(str(tmp_path / language / clip.src)).duration
                    assert 0 <= clip.begin < clip.end <= length + 0.001
        expected = {
            " ".join(plain_text(sentence.pieces).split())
            for bulletin in published(edition_services)
            for sentence in bulletin.versions[language].doc.sentences()
        }
        assert expected <= heard


@pytest.mark.slow
@pytest.mark.parametrize("language", ["ja", "en", "vi"])
def test_epubcheck_finds_no_error_and_no_warning(
    april: dict[str, EditionFiles], language: str
) -> None:
    jar = Path("/usr/share/java/epubcheck.jar")
    if not jar.is_file() or shutil.which("java") is None:
        pytest.fail("epubcheck is not installed: run scripts/setup.sh")
    result = subprocess.run(
        ["java", "-jar", str(jar), str(april[language].epub)],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "0 fatals / 0 errors / 0 warnings" in output, output

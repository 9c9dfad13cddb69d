"""An emergency notice's page in each language, from the texts stored when it went out.

The page says what to do first, then what happened. Template wording that the city has not
reviewed carries a short note saying so (it is still far better than nothing, or than a
machine). A language with no wording shows the English and the Japanese text with a note;
never a machine translation of the template. Place and shelter names stay in Japanese, with
their reading and, for Latin-script readers, a romanisation. The Japanese page also has the
easy-Japanese (やさしい日本語) text in its own section, with furigana on every kanji. The
optional free-text addition is shown below, marked as machine-translated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup, escape

from publisher.site import paths
from publisher.site.furigana_html import FuriganaHtml, ruby_html
from publisher.site.render import SiteRenderer
from publisher.statuses import ReviewStatus
from translations.catalogs import N_
from translations.document import TextPiece, TokenPiece
from translations.emergency.model import EASY_JAPANESE
from translations.emergency.names import latin_script
from translations.emergency.render import NamePiece, RenderedMessage, RenderedSentence
from translations.languages import get_language
from translations.locale_format import format_token_text
from translations.statuses import TranslationStatus

EMERGENCY_LABEL = N_("Emergency information")
LIFTED_LABEL = N_("Emergency information: lifted")
WHAT_TO_DO = N_("What to do")
NOT_REVIEWED = N_("This wording has not yet been checked by the city.")
NO_WORDING = N_(
    "This notice has no wording in your language yet. It is shown below in English and Japanese."
)
EASY_HEADING = N_("Easy Japanese")
ADDITION_HEADING = N_("More information from the city")
ADDITION_MACHINE = N_("This part was translated by machine translation and may contain errors.")
ADDITION_JAPANESE = N_("This part is not yet available in your language; it is shown in Japanese.")
CAP_LABEL = N_("This alert for apps and services (CAP)")
SENT = N_("Sent %(date)s")


@dataclass(frozen=True)
class LanguageText:
    """One language's stored text of the version that is current."""

    message: RenderedMessage | None
    review: ReviewStatus
    addition: str | None
    addition_status: TranslationStatus | None


@dataclass(frozen=True)
class EmergencyView:
    """What an emergency's pages show: its current version in every language."""

    emergency_id: int
    version: int
    lifted: bool
    sent_at: datetime
    texts: Mapping[str, LanguageText]


def sentence_html(
    sentence: RenderedSentence, language: str, furigana: FuriganaHtml | None = None
) -> Markup:
    """A sentence as HTML: names kept in Japanese with reading, phone numbers as links;
    ``furigana``: readings over every kanji (the easy-Japanese section)."""
    parts: list[str] = []
    ruby = furigana is not None
    for piece in sentence.pieces:
        if isinstance(piece, TextPiece):
            parts.append(furigana(piece.text) if furigana is not None else str(escape(piece.text)))
        elif isinstance(piece, TokenPiece):
            value = format_token_text(piece.token, "ja")
            parts.append(f'<a href="tel:{escape(value)}">{escape(value)}</a>')
        else:
            parts.append(_name_html(piece, language, ruby))
    return Markup("".join(parts))


def _name_html(piece: NamePiece, language: str, ruby: bool) -> str:
    name = piece.name
    if language in {"ja", EASY_JAPANESE}:
        return ruby_html(name.runs) if ruby else str(escape(name.text))
    japanese = f'<span lang="ja">{escape(name.text)}</span>'
    if latin_script(language):
        return f'{japanese} (<span lang="ja-Latn">{escape(name.romanized)}</span>)'
    return f'{japanese} (<span lang="ja">{escape(name.reading)}</span>)'


def _message(
    renderer: SiteRenderer,
    message: RenderedMessage,
    page_language: str,
    review: ReviewStatus,
    *,
    section_id: str,
    heading: str | Markup | None,
    furigana: FuriganaHtml | None = None,
) -> dict[str, Any]:
    language = message.language
    shown = "ja" if language == EASY_JAPANESE else language
    strings = renderer.strings(page_language)
    return {
        "id": section_id,
        "lang": shown,
        "dir": get_language(shown).direction,
        "heading": heading,
        "headline": sentence_html(message.headline, language, furigana),
        "instruction": sentence_html(message.instruction, language, furigana),
        "description": [sentence_html(s, language, furigana) for s in message.description],
        "note": strings.content(NOT_REVIEWED) if review is not ReviewStatus.REVIEWED else None,
    }


def emergency_page(renderer: SiteRenderer, view: EmergencyView, language: str) -> bytes:
    """The page of ``view`` in ``language`` (a site language)."""
    folder = paths.emergency_dir(language, view.emergency_id)
    strings = renderer.strings(language)
    languages = tuple(code for code in renderer.settings.published_languages if code in view.texts)

    def folder_for(code: str) -> str:
        return paths.emergency_dir(code, view.emergency_id)

    own = view.texts[language]
    notes: list[Markup] = []
    messages: list[dict[str, Any]] = []
    if own.message is not None:
        headline_message = own.message
        first = _message(renderer, own.message, language, own.review, section_id="m", heading=None)
        first["note"] = None  # said once, above
        if own.review is not ReviewStatus.REVIEWED:
            notes.append(strings.content(NOT_REVIEWED))
        messages.append(first)
    else:
        notes.append(strings.content(NO_WORDING))
        english, japanese = view.texts["en"], view.texts["ja"]
        assert english.message is not None and japanese.message is not None
        headline_message = english.message
        for code, text in (("en", english), ("ja", japanese)):
            assert text.message is not None
            messages.append(
                _message(
                    renderer,
                    text.message,
                    language,
                    text.review,
                    section_id=f"m-{code}",
                    heading=get_language(code).native_name,
                )
            )
    easy = view.texts.get(EASY_JAPANESE)
    if language == "ja" and easy is not None and easy.message is not None:
        messages.append(
            _message(
                renderer,
                easy.message,
                language,
                easy.review,
                section_id="easy",
                heading=renderer.ruby.markup(strings.gettext(EASY_HEADING)),
                furigana=renderer.ruby,
            )
        )
    addition = None
    if own.addition is not None or view.texts["ja"].addition is not None:
        translated = own.addition_status in {TranslationStatus.MACHINE, TranslationStatus.FLAGGED}
        source = own.addition_status is TranslationStatus.SOURCE
        addition = {
            "heading": strings.content(ADDITION_HEADING),
            "note": strings.content(ADDITION_MACHINE if translated else ADDITION_JAPANESE)
            if not source
            else None,
            "text": own.addition if (translated or source) else view.texts["ja"].addition,
            "lang": language if (translated or source) else "ja",
        }
        if source:
            addition["note"] = None
    title = "".join(
        piece.text if isinstance(piece, TextPiece) else ""
        for piece in headline_message.headline.pieces
    ) or strings.gettext(EMERGENCY_LABEL)
    nav = renderer.nav(language, folder)
    context = renderer.base_context(
        folder,
        language,
        False,
        title,
        alternates=renderer.alternates(folder_for, languages),
        switcher=renderer.switcher(folder, folder_for, languages, language),
        nav=nav,
        toggle=False,
    )
    context.update(
        audio=_audio(renderer, view, language, folder),
        easy_audio=_audio(renderer, view, EASY_JAPANESE, folder) if language == "ja" else None,
        label=strings.content(LIFTED_LABEL if view.lifted else EMERGENCY_LABEL),
        lifted=view.lifted,
        headline=sentence_html(headline_message.headline, headline_message.language),
        sent=strings.gettext(SENT, date=_moment(renderer, language, view.sent_at)),
        sent_iso=view.sent_at.isoformat(timespec="seconds"),
        notes=notes,
        messages=messages,
        what_to_do=strings.content(WHAT_TO_DO),
        addition=addition if addition and addition["text"] else None,
        cap_href=paths.relative(folder, paths.alert_file(view.emergency_id, view.version)),
        cap_label=strings.content(CAP_LABEL),
    )
    return renderer.render("emergency.html", context)


def _audio(
    renderer: SiteRenderer, view: EmergencyView, language: str, folder: str
) -> dict[str, Any] | None:
    """The player of ``language``'s audio, if it was made (it follows the text by seconds)."""
    from audio.voices import resolve_voice
    from publisher.emergency_audio import audio_file, captions_file
    from publisher.site.writer import emergency_root

    root = emergency_root(renderer.settings.resolved_site_dir)
    mp3 = audio_file(language, view.emergency_id, view.version)
    if not (root / mp3).is_file():
        return None
    page_language = "ja" if language == EASY_JAPANESE else language
    strings = renderer.strings(page_language)
    voice = resolve_voice(page_language, fallbacks=renderer.settings.voice_fallbacks)
    native = get_language(page_language).native_name
    substitute = (
        strings.gettext(
            "This audio is read by the %(voice)s voice, because no %(language)s voice "
            "is available.",
            voice=voice.label,
            language=native,
        )
        if voice is not None and voice.language != page_language
        else None
    )
    return {
        "mp3_href": paths.relative(folder, mp3),
        "captions_href": paths.relative(
            folder, captions_file(language, view.emergency_id, view.version)
        ),
        "srclang": page_language,
        "label": strings.gettext("Audio of this notice in %(language)s", language=native),
        "substitute": substitute,
    }


def _moment(renderer: SiteRenderer, language: str, moment: datetime) -> str:
    from publisher.site.render import CITY_TIME_ZONE
    from translations.emergency.render import format_moment

    return format_moment(moment.astimezone(CITY_TIME_ZONE), language)


def page_files(
    renderer: SiteRenderer, view: EmergencyView, languages: Sequence[str]
) -> dict[str, bytes]:
    """Every language's page of one emergency, by site path."""
    return {
        paths.file_of(paths.emergency_dir(code, view.emergency_id)): emergency_page(
            renderer, view, code
        )
        for code in languages
        if code in view.texts
    }

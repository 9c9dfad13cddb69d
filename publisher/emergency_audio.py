"""An emergency version read aloud in every language, what to do first.

Made from the stored template text (never from HTML, never machine-translated), with the
voices bulletins use: Open JTalk for Japanese and easy Japanese (slower), espeak-ng for the
others; a language without a voice (Filipino) follows the same rule as bulletins (the
configured substitute, announced on the page, or no audio and a note). Place names are read
in Japanese by the Japanese voices and by their romanisation elsewhere (espeak-ng reads kanji
as "Chinese letter"). Files are named by version, so an old version's audio is never shown
with a newer text.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path

from audio.speech import SpeechSentence, speak_phone
from publisher.files import write_atomic
from publisher.services import Services
from publisher.site import paths
from publisher.speech_text import BLOCK_PAUSE, HEADING_PAUSE, spoken_phrases
from translations.document import TextPiece, TokenPiece
from translations.emergency.model import EASY_JAPANESE
from translations.emergency.render import NamePiece, RenderedMessage, RenderedSentence

log = logging.getLogger(__name__)
EASY_SPEECH_SPEED = 0.85


def audio_file(language: str, emergency_id: int, version: int) -> str:
    """Site path of a version's MP3 (easy Japanese beside the Japanese page's)."""
    folder = paths.emergency_dir("ja" if language == EASY_JAPANESE else language, emergency_id)
    prefix = "easy-" if language == EASY_JAPANESE else ""
    return f"{folder}{prefix}audio-{version}.mp3"


def captions_file(language: str, emergency_id: int, version: int) -> str:
    return audio_file(language, emergency_id, version).removesuffix(".mp3") + ".vtt"


def _spoken(sentence: RenderedSentence, language: str) -> tuple[str, str]:
    """What the voice says, and the caption (the sentence as the page shows it)."""
    japanese = language in {"ja", EASY_JAPANESE}
    phrases = spoken_phrases("ja" if japanese else language)
    said: list[str] = []
    shown: list[str] = []
    for piece in sentence.pieces:
        if isinstance(piece, TextPiece):
            said.append(piece.text)
            shown.append(piece.text)
        elif isinstance(piece, TokenPiece):
            said.append(speak_phone(piece.token.value, phrases))
            shown.append(piece.token.value)
        elif isinstance(piece, NamePiece):
            said.append(piece.name.text if japanese else piece.name.romanized)
            shown.append(
                piece.name.text if japanese else f"{piece.name.text} ({piece.name.romanized})"
            )
    return " ".join("".join(said).split()), " ".join("".join(shown).split())


def speech_of(message: RenderedMessage) -> tuple[SpeechSentence, ...]:
    """The instruction first, then the headline and the description."""
    spoken = []
    for number, sentence in enumerate(message.spoken_order()):
        text, caption = _spoken(sentence, message.language)
        pause = HEADING_PAUSE if number < 2 else BLOCK_PAUSE
        if text:
            spoken.append(SpeechSentence(f"s{number}", text, pause, caption))
    return tuple(spoken)


def voice_version(
    services: Services,
    root: Path,
    emergency_id: int,
    version: int,
    messages: Mapping[str, RenderedMessage],
) -> dict[str, str]:
    """Write each language's MP3 and captions; returns, per language, why it has none."""
    from audio.assemble import AudioTrack
    from audio.tracks import TrackRequest, render_tracks
    from audio.voices import DEFAULT_VOICES, available_voices, resolve_voice, slower

    settings = services.settings
    missing: dict[str, str] = {}
    requests: list[tuple[str, TrackRequest]] = []
    installed = available_voices()
    for language, message in messages.items():
        base = "ja" if language == EASY_JAPANESE else language
        voice = resolve_voice(base, fallbacks=settings.voice_fallbacks)
        if voice is None or voice.language not in installed:
            missing[language] = (
                f"no voice for {base}" if base not in DEFAULT_VOICES else "voice not installed"
            )
            continue
        if language == EASY_JAPANESE:
            voice = slower(voice, EASY_SPEECH_SPEED)
        requests.append(
            (
                language,
                TrackRequest(
                    speech_of(message), voice, label=f"emergency {emergency_id}/{language}"
                ),
            )
        )
    if not requests:
        return missing
    needs_espeak = any(request.voice.engine == "pyttsx3" for _, request in requests)
    tracks: Sequence[object] = render_tracks(
        [request for _, request in requests],
        cache=services.clip_cache(),
        pool=services.voice_pool if needs_espeak else None,
        workers=services.audio_workers,
    )
    for (language, _request), track in zip(requests, tracks, strict=True):
        if not isinstance(track, AudioTrack):
            log.error("emergency %s audio failed in %s: %s", emergency_id, language, track)
            missing[language] = f"audio failed: {track}"
            continue
        write_atomic(root / audio_file(language, emergency_id, version), track.mp3)
        write_atomic(
            root / captions_file(language, emergency_id, version), track.webvtt.encode("utf-8")
        )
    return missing

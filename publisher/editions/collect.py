"""What one language's edition holds: the notices published in a period, as a printed issue.

Everything comes from what the site build reads (``publisher.site.content.gather``): the
stored source snapshots, the stored language versions and the published audio and captions.
Nothing is translated or read aloud again, so an edition says exactly what the site said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from audio.assemble import Cue
from audio.webvtt import read_cues
from publisher.documents import LocalizedDoc
from publisher.site.content import PublishedBulletin
from publisher.site.render import CATEGORY_ORDER, CITY_TIME_ZONE, category_key


@dataclass(frozen=True)
class Clip:
    """Where one sentence is heard in its notice's MP3, in seconds."""

    sentence_id: str
    begin: float
    end: float


@dataclass(frozen=True)
class NoticeAudio:
    mp3: Path
    seconds: float
    voice: str
    clips: tuple[Clip, ...]

    @property
    def clips_seconds(self) -> float:
        """How long the overlay plays: the clips run end to end, so the sum of their lengths."""
        return sum(clip.end - clip.begin for clip in self.clips)


@dataclass(frozen=True)
class Notice:
    bulletin_id: int
    published_at: datetime
    updated_at: datetime
    doc: LocalizedDoc
    audio: NoticeAudio | None


@dataclass(frozen=True)
class Section:
    category: str
    """The site's category key (``disaster``, ``health`` …): its name is a UI string."""
    notices: tuple[Notice, ...]


@dataclass(frozen=True)
class Edition:
    language: str
    start: date
    end: date
    sections: tuple[Section, ...]

    @property
    def notices(self) -> tuple[Notice, ...]:
        return tuple(notice for section in self.sections for notice in section.notices)

    @property
    def modified(self) -> datetime:
        """The latest change to any notice in it: the same edition always says the same."""
        return max(notice.updated_at for notice in self.notices)

    @property
    def stem(self) -> str:
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


def clock(seconds: float, *, fraction: bool = True) -> str:
    """``HH:MM:SS.mmm``, a SMIL full clock value (EPUB's ``media:duration``, DAISY's SMIL
    times), or ``HH:MM:SS`` without the fraction (DAISY's ``ncc:totalTime``)."""
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    whole = f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}"
    return f"{whole}.{rest % 1000:03d}" if fraction else whole


def local_day(moment: datetime) -> date:
    """The city's calendar day of a moment: what a resident calls the publication date."""
    return moment.astimezone(CITY_TIME_ZONE).date()


def clips_of(doc: LocalizedDoc, cues: Sequence[Cue], seconds: float) -> tuple[Clip, ...]:
    """One clip per voiced sentence, end to end: each runs until the next sentence starts.

    The pause after a sentence belongs to it, so the overlay plays the whole track without a
    gap and the highlight stays on a sentence while its pause lasts. The last clip ends where
    its cue ends, never past the audio. Cues whose sentence the document lacks are ignored.
    """
    known = {sentence.id for sentence in doc.sentences()}
    kept = [cue for cue in cues if cue.sentence_id in known]
    clips: list[Clip] = []
    for index, cue in enumerate(kept):
        end = min(kept[index + 1].start if index + 1 < len(kept) else cue.end, seconds)
        if end > cue.start:
            clips.append(Clip(cue.sentence_id, round(cue.start, 3), round(end, 3)))
    return tuple(clips)


def _audio(bulletin: PublishedBulletin, language: str) -> NoticeAudio | None:
    version = bulletin.versions[language]
    audio = version.audio
    if audio is None or audio.captions is None:
        return None
    try:
        cues = read_cues(audio.captions.read_text(encoding="utf-8"))
    except OSError:
        return None
    clips = clips_of(version.doc, cues, audio.seconds)
    if not clips:
        return None
    return NoticeAudio(audio.mp3, audio.seconds, audio.voice, clips)


def in_period(bulletin: PublishedBulletin, start: date, end: date) -> bool:
    return start <= local_day(bulletin.published_at) <= end


def make_edition(
    bulletins: Sequence[PublishedBulletin], language: str, start: date, end: date
) -> Edition | None:
    """The notices of the period published in ``language``, by section, oldest first in each
    section; None if there are none. Sections follow the order of the site's menus."""
    by_category: dict[str, list[Notice]] = {}
    for bulletin in sorted(bulletins, key=lambda item: (item.published_at, item.id)):
        if language not in bulletin.versions or not in_period(bulletin, start, end):
            continue
        notice = Notice(
            bulletin.id,
            bulletin.published_at,
            bulletin.updated_at,
            bulletin.versions[language].doc,
            _audio(bulletin, language),
        )
        by_category.setdefault(category_key(bulletin.category), []).append(notice)
    sections = tuple(
        Section(category, tuple(by_category[category]))
        for category in CATEGORY_ORDER
        if category in by_category
    )
    return Edition(language, start, end, sections) if sections else None

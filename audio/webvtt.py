"""WebVTT captions for a track: one cue per sentence, so players can show and seek by sentence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from audio.assemble import Cue


def to_webvtt(cues: Sequence[Cue]) -> str:
    """A complete WebVTT file; cue identifiers are the sentence ids, text is escaped."""
    blocks = ["WEBVTT"]
    for cue in cues:
        identifier = " ".join(cue.sentence_id.replace("-->", "→").split())
        text = "\n".join(line for line in _escape(cue.text).splitlines() if line.strip())
        blocks.append(
            f"{identifier}\n{timestamp(cue.start)} --> {timestamp(cue.end)}\n{text or ' '}"
        )
    return "\n\n".join(blocks) + "\n"


def timestamp(seconds: float) -> str:
    """``HH:MM:SS.mmm``, rounded to the millisecond."""
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def read_cues(vtt: str) -> tuple[Cue, ...]:
    """The cues of a WebVTT file written by :func:`to_webvtt`: each sentence id with its times.

    Talking-book editions read the stored captions back to pair every sentence with its clip,
    so the times are those of the published audio, never measured again.
    """
    from audio.assemble import Cue

    cues: list[Cue] = []
    for block in vtt.replace("\r\n", "\n").split("\n\n"):
        lines = block.strip("\n").split("\n")
        timing = next((index for index, line in enumerate(lines) if "-->" in line), None)
        if timing is None or timing == 0:
            continue
        start, end = (part.strip().split()[0] for part in lines[timing].split("-->", 1))
        text = "\n".join(lines[timing + 1 :])
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        cues.append(Cue(lines[timing - 1].strip(), _seconds(start), _seconds(end), text))
    return tuple(cues)


def _seconds(stamp: str) -> float:
    total = 0.0
    for part in stamp.split(":"):
        total = total * 60 + float(part)
    return total

"""Frozen values that flow through the pipeline: a source snapshot and its localized versions.

The site builder and the audio step both read a ``LocalizedDoc``; neither sees the database.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from translations.document import Block, Segment
from translations.restore import RestoredText, TextPiece, TokenPiece, restore
from translations.restore import plain_text as plain_text  # re-exported for the site
from translations.segmenter import segment_markdown, segment_title
from translations.statuses import SegmentOrigin, TranslationStatus

Piece = TextPiece | TokenPiece


@dataclass(frozen=True)
class Rendition:
    """One stored size of an image (a file under the media folder, named by its content)."""

    file: str
    """Path relative to the media folder."""
    width: int
    height: int


@dataclass(frozen=True)
class FrozenImage:
    """An image of a revision as it was published: what it is and which files show it.

    Its alt text is not here: it is the segments of the figure block whose ``ref`` is this
    image's, translated with the text.
    """

    ref: str
    """What the Markdown names it by: ``image:3``."""
    kind: str
    """An ``ImageKind``: photo, map or flyer."""
    renditions: tuple[Rendition, ...]
    """Widest first; the widest is the one ``<img src>`` names."""


def site_image_name(rendition: Rendition) -> str:
    """The file's name beside a page (its content hash and extension)."""
    return rendition.file.rsplit("/", 1)[-1]


def image_ref(image_id: int) -> str:
    """How Markdown names a bulletin's image: ``![](image:3)``."""
    return f"image:{image_id}"


@dataclass(frozen=True)
class SourceDoc:
    """One revision of a bulletin, segmented; everything downstream derives from it."""

    bulletin_id: int
    revision: int
    category: str
    title: Segment
    blocks: tuple[Block, ...]
    contact: Segment | None
    images: tuple[FrozenImage, ...] = ()

    def segments(self) -> tuple[Segment, ...]:
        """Title, body sentences and contact, in reading order."""
        body = tuple(segment for block in self.blocks for segment in block.segments)
        return (self.title, *body, *((self.contact,) if self.contact else ()))


def snapshot(
    bulletin_id: int,
    revision: int,
    category: str,
    title: str,
    body: str,
    contact: str | None,
    images: Sequence[tuple[FrozenImage, str]] = (),
) -> SourceDoc:
    """Segment a revision; ``images`` are its images with their (Japanese) alt texts."""
    return SourceDoc(
        bulletin_id=bulletin_id,
        revision=revision,
        category=category,
        title=replace(segment_title(title), id="title"),
        blocks=segment_markdown(body, [(image.ref, alt) for image, alt in images]),
        contact=replace(segment_title(contact), id="contact") if contact else None,
        images=tuple(image for image, _ in images),
    )


@dataclass(frozen=True)
class Sentence:
    id: str
    pieces: tuple[Piece, ...]
    line_break_before: bool = False
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class LocalizedBlock:
    kind: str
    level: int
    ordered: bool
    sentences: tuple[Sentence, ...]
    ref: str = ""
    """A figure's image (see ``Block.ref``); its sentences are the alt text."""


@dataclass(frozen=True)
class SegmentText:
    """A translated (or source) sentence as stored: masked text plus its quality flags."""

    text: str
    flags: tuple[str, ...] = ()
    origin: SegmentOrigin = SegmentOrigin.MACHINE


@dataclass(frozen=True)
class LocalizedDoc:
    bulletin_id: int
    revision: int
    language: str
    category: str
    title: Sentence
    blocks: tuple[LocalizedBlock, ...]
    contact: Sentence | None
    machine_translated: bool
    translation_status: TranslationStatus
    images: tuple[FrozenImage, ...] = ()

    def image(self, ref: str) -> FrozenImage | None:
        return next((image for image in self.images if image.ref == ref), None)

    @property
    def flagged(self) -> bool:
        return any(sentence.flags for sentence in self.sentences())

    def sentences(self) -> tuple[Sentence, ...]:
        body = tuple(sentence for block in self.blocks for sentence in block.sentences)
        return (self.title, *body, *((self.contact,) if self.contact else ()))


def _sentence(segment: Segment, stored: SegmentText | None, language: str) -> Sentence:
    # Dates, times and amounts come back written for this language's readers.
    text = stored.text if stored else segment.text
    restored: RestoredText = restore(text, segment.tokens, language)
    return Sentence(
        id=segment.id,
        pieces=restored.pieces,
        line_break_before=segment.line_break_before,
        flags=stored.flags if stored else (),
    )


class IncompleteTranslationError(ValueError):
    """Some sentences of the source have no translation: no page may be made from it."""


def localize(
    source: SourceDoc, language: str, texts: Mapping[str, SegmentText] | None
) -> LocalizedDoc:
    """Put translated sentences back into the source skeleton (``texts=None``: the source).

    A translation must cover every sentence: the source text is never shown in its place
    under a machine-translation notice.
    """
    lookup = texts or {}
    if texts is not None:
        missing = [segment.id for segment in source.segments() if segment.id not in lookup]
        if missing:
            raise IncompleteTranslationError(
                f"{len(missing)} of {len(source.segments())} sentences have no {language} "
                f"translation ({', '.join(missing[:3])}{'…' if len(missing) > 3 else ''})"
            )

    def sentence(segment: Segment) -> Sentence:
        return _sentence(segment, lookup.get(segment.id) if texts is not None else None, language)

    blocks = tuple(
        LocalizedBlock(
            kind=block.kind,
            level=block.level,
            ordered=block.ordered,
            sentences=tuple(sentence(segment) for segment in block.segments),
            ref=block.ref,
        )
        for block in source.blocks
    )
    origins = {text.origin for text in lookup.values()}
    if texts is None:
        status = TranslationStatus.SOURCE
    elif any(text.flags for text in lookup.values()):
        status = TranslationStatus.FLAGGED
    elif SegmentOrigin.HUMAN in origins:
        status = TranslationStatus.HUMAN_CORRECTED
    else:
        status = TranslationStatus.MACHINE
    return LocalizedDoc(
        bulletin_id=source.bulletin_id,
        revision=source.revision,
        language=language,
        category=source.category,
        title=sentence(source.title),
        blocks=blocks,
        contact=sentence(source.contact) if source.contact else None,
        machine_translated=texts is not None and origins != {SegmentOrigin.HUMAN},
        translation_status=status,
        images=source.images,
    )

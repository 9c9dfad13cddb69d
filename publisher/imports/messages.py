"""What staff read about an import: one message per note, in the ``workspace`` gettext domain
(Japanese and English), filled with the note's details."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from publisher.imports.docx import ImportMessage, ImportNote
from publisher.staff_language import StaffLanguage
from translations.catalogs import N_, WORKSPACE_DOMAIN, translations_for

TEXTS: Mapping[ImportNote, str] = MappingProxyType(
    {
        ImportNote.NO_TITLE: N_(
            "The document does not start with a title (Word's Title or Heading 1 style): write"
            " the title yourself."
        ),
        ImportNote.TEXT_BOXES_DROPPED: N_(
            "%(count)s text box(es) dropped: copy any information they held into the text."
        ),
        ImportNote.FOOTNOTES_DROPPED: N_(
            "%(count)s footnote(s) or endnote(s) dropped: write what they say in the text."
        ),
        ImportNote.COMMENTS_DROPPED: N_("%(count)s comment(s) dropped."),
        ImportNote.COLOURS_DROPPED: N_(
            "Text colours and highlighting dropped (%(count)s places): if a colour carried"
            " meaning (e.g. red for danger), say it in words."
        ),
        ImportNote.EMPHASIS_DROPPED: N_(
            "Bold, italics, underline or strike-through dropped (%(count)s places): pages show"
            " plain text."
        ),
        ImportNote.TABLE_WITHOUT_HEADER: N_(
            "Table %(table)s has no header row marked in Word: an empty header row was added;"
            " write the column names in it."
        ),
        ImportNote.MERGED_CELLS: N_(
            "Table %(table)s has merged cells: they were split; check that each cell still"
            " reads correctly."
        ),
        ImportNote.IMAGE_WITHOUT_ALT: N_(
            "The image %(image)s has no alternative text: describe what it shows."
        ),
        ImportNote.IMAGE_DROPPED: N_(
            "An image (%(type)s) was dropped: only PNG, JPEG, GIF and WebP images are kept,"
            " up to 30 a document."
        ),
        ImportNote.LINK_DROPPED: N_(
            "A link to %(href)s was dropped (only web, e-mail and phone links are kept); its"
            " text stays."
        ),
        ImportNote.ELEMENT_DROPPED: N_(
            "%(count)s element(s) of a kind pages do not show (%(element)s): their text was kept"
            " as plain text."
        ),
        ImportNote.CONVERTER: N_("Word converter: %(message)s"),
    }
)


def message_text(message: ImportMessage, language: StaffLanguage) -> str:
    template = translations_for(language, domain=WORKSPACE_DOMAIN).gettext(TEXTS[message.note])
    return template % dict(message.details)

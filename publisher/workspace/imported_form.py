"""What the new-bulletin page shows of a Word import: the messages and images of the import,
in the page's language, or why the file was refused."""

from __future__ import annotations

from dataclasses import dataclass

from publisher.imports.docx import ImportProblem
from translations.catalogs import N_

PROBLEMS = {
    ImportProblem.TOO_LARGE: N_(
        "The file is too large: a Word file may be at most %(megabytes)s MB, and unpack to at"
        " most 50 MB. Make the images in it smaller, or leave some out."
    ),
    ImportProblem.NOT_DOCX: N_(
        "This is not a Word .docx file. A .doc file (Word 97–2003) must first be saved as"
        " .docx in Word."
    ),
    ImportProblem.CORRUPT: N_(
        "The Word file is damaged and cannot be read. Open it in Word, save it again, and"
        " import it again."
    ),
}
NO_FILE = N_("Choose a Word (.docx) file to import.")


@dataclass(frozen=True)
class ImportedImageRow:
    """An image of the document, listed for staff to add on the bulletin page."""

    name: str
    alt: str
    content_type: str
    size: int


@dataclass(frozen=True)
class ImportedForm:
    file_name: str
    messages: tuple[str, ...] = ()
    images: tuple[ImportedImageRow, ...] = ()
    problem: str | None = None
    """Why the file was refused, in the page's language (nothing was imported)."""
    detail: str | None = None
    """The importer's own words on the refusal (English), for whoever supports staff."""

"""Imports: a Word file becomes a title and Markdown body for the bulletin form.

Nothing is stored: the answer carries the text, the images (their bytes base64-encoded, for
the client to upload through the image feature with their alt text) and a message for
everything that was dropped, in the staff's language.
"""

from __future__ import annotations

import base64

from fastapi import APIRouter, HTTPException, UploadFile, status

from publisher.api.checks import LanguageDep
from publisher.api.deps import StaffDep
from publisher.api.errors import ERROR_RESPONSES, Problem, invalid
from publisher.imports.docx import MAX_DOCX_BYTES, DocxImportError, ImportProblem, import_docx
from publisher.imports.messages import message_text
from publisher.schemas import ImportedDocumentPublic, ImportedImagePublic, ImportMessagePublic

router = APIRouter(prefix="/imports", tags=["imports"], responses=ERROR_RESPONSES)

_STATUS = {
    ImportProblem.TOO_LARGE: status.HTTP_413_CONTENT_TOO_LARGE,
    ImportProblem.NOT_DOCX: status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
}


@router.post(
    "/docx",
    responses={415: {"model": Problem, "description": "Not a Word .docx file."}},
)
def import_word(
    file: UploadFile, _staff: StaffDep, language: LanguageDep
) -> ImportedDocumentPublic:
    """Read a Word (.docx) file as a bulletin: title, Markdown body, images with their alt
    text, and what was dropped (text boxes, footnotes, comments, colours...). Nothing is
    stored; send the text on with ``POST /bulletins``."""
    data = file.file.read(MAX_DOCX_BYTES + 1)
    try:
        imported = import_docx(data)
    except DocxImportError as error:
        if error.problem is ImportProblem.CORRUPT:  # a 422 like every other bad field
            raise invalid("file", str(error)) from error
        raise HTTPException(_STATUS[error.problem], str(error)) from error
    return ImportedDocumentPublic(
        title=imported.title,
        body=imported.body,
        images=[
            ImportedImagePublic(
                name=image.name,
                alt=image.alt,
                content_type=image.content_type,
                size=image.size,
                data=base64.b64encode(image.data).decode("ascii"),
            )
            for image in imported.images
        ],
        messages=[
            ImportMessagePublic(
                code=message.note.value,
                details=dict(message.details),
                text=message_text(message, language),
            )
            for message in imported.messages
        ],
    )

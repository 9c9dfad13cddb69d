"""Import a Word file on the new-bulletin page: the same importer and limits as
``POST /api/v1/imports/docx``; the form comes back filled with the document's title and
Markdown body, what was dropped, the images to add after saving, and the checks of the text.
Nothing is stored until the person saves."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile, status
from fastapi.responses import Response

from publisher.api.deps import ServicesDep
from publisher.imports.docx import MAX_DOCX_BYTES, DocxImportError, ImportProblem, import_docx
from publisher.imports.messages import message_text
from publisher.staff_language import staff_language
from publisher.workspace.bulletin_pages import _form_page, _form_values
from publisher.workspace.check_view import checks_view
from publisher.workspace.deps import CsrfDep
from publisher.workspace.imported_form import (
    NO_FILE,
    PROBLEMS,
    ImportedForm,
    ImportedImageRow,
)
from publisher.workspace.render import gettext, language_of

router = APIRouter(prefix="/bulletins")

_STATUS = {
    ImportProblem.TOO_LARGE: status.HTTP_413_CONTENT_TOO_LARGE,
    ImportProblem.NOT_DOCX: status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
    ImportProblem.CORRUPT: status.HTTP_422_UNPROCESSABLE_CONTENT,
}


@router.post("/import")
def import_word(
    request: Request,
    signed: CsrfDep,
    services: ServicesDep,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    language = language_of(request)
    empty = _form_values(None, services)
    if file is None or not file.filename:
        refused = ImportedForm(file_name="", problem=gettext(language, NO_FILE))
        return _form_page(
            request, signed, services, empty, bulletin_id=None, imported=refused, status_code=400
        )
    data = file.file.read(MAX_DOCX_BYTES + 1)
    try:
        document = import_docx(data)
    except DocxImportError as error:
        problem = gettext(language, PROBLEMS[error.problem]) % {
            "megabytes": MAX_DOCX_BYTES // 1_000_000
        }
        refused = ImportedForm(file_name=file.filename, problem=problem, detail=str(error))
        return _form_page(
            request,
            signed,
            services,
            empty,
            bulletin_id=None,
            imported=refused,
            status_code=_STATUS[error.problem],
        )
    staff = staff_language(language, None)
    imported = ImportedForm(
        file_name=file.filename,
        messages=tuple(message_text(message, staff) for message in document.messages),
        images=tuple(
            ImportedImageRow(image.name, image.alt, image.content_type, image.size)
            for image in document.images
        ),
    )
    return _form_page(
        request,
        signed,
        services,
        {**empty, "title": document.title, "body": document.body},
        bulletin_id=None,
        imported=imported,
        checks=checks_view(document.title, document.body, language),
    )

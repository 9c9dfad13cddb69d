"""Every import note has a message in Japanese and English, filled with its details."""

from __future__ import annotations

from publisher.imports.docx import ImportMessage, ImportNote
from publisher.imports.messages import TEXTS, message_text

DETAILS = {"count": 2, "table": 1, "image": "image-1.png", "type": "image/x-emf"}


def test_every_note_has_a_message_in_both_languages() -> None:
    assert set(TEXTS) == set(ImportNote)
    for note in ImportNote:
        details = {
            **DETAILS,
            "href": "file:///c:/a.doc",
            "element": "figure",
            "message": "Unrecognised paragraph style",
        }
        message = ImportMessage(note, details)
        japanese, english = message_text(message, "ja"), message_text(message, "en")
        assert japanese != english and "%(" not in japanese + english
        assert any(
            "\u3040" <= char <= "\u30ff" or "\u4e00" <= char <= "\u9fff" for char in japanese
        )

from __future__ import annotations

from translations.document import Segment, TextPiece, Token, TokenPiece
from translations.restore import plain_text, restore, unmask

PHONE = Token(1, "phone", "053-000-1234", "０５３－０００－１２３４")
URL = Token(2, "url", "https://example.jp/a", "https://example.jp/a")
LINK = Token(3, "link", "https://example.jp/form", "申し込みフォーム")


def test_tokens_go_back_where_the_model_put_them() -> None:
    restored = restore("Call [1] or visit [2].", (PHONE, URL))
    assert restored.pieces == (
        TextPiece("Call "),
        TokenPiece(PHONE),
        TextPiece(" or visit "),
        TokenPiece(URL),
        TextPiece("."),
    )
    assert restored.lost == () and restored.duplicated == ()


def test_moved_and_respaced_placeholders() -> None:
    restored = restore("Visit [ 2 ] or call ［１］.", (PHONE, URL))
    assert plain_text(restored.pieces) == "Visit https://example.jp/a or call 053-000-1234."
    assert restored.lost == ()


def test_lost_tokens_are_appended_never_dropped() -> None:
    restored = restore("Please call.", (PHONE, URL))
    assert restored.lost == (PHONE, URL)
    assert restored.pieces == (
        TextPiece("Please call. "),
        TokenPiece(PHONE),
        TextPiece(" "),
        TokenPiece(URL),
    )


def test_empty_output_still_has_its_tokens() -> None:
    restored = restore("", (PHONE,))
    assert restored.pieces == (TokenPiece(PHONE),)
    assert restored.lost == (PHONE,)


def test_duplicates_are_kept_once_and_reported() -> None:
    restored = restore("[1] call [1] now [1]", (PHONE,))
    assert [piece for piece in restored.pieces if isinstance(piece, TokenPiece)] == [
        TokenPiece(PHONE)
    ]
    assert restored.duplicated == (PHONE,)
    assert restored.lost == ()


def test_numbers_that_are_not_tokens_stay_text() -> None:
    restored = restore("See note [7] and [1].", (PHONE,))
    assert plain_text(restored.pieces) == "See note [7] and 053-000-1234."


def test_plain_text_uses_link_labels() -> None:
    restored = restore("Use the [3].", (LINK,))
    assert plain_text(restored.pieces) == "Use the 申し込みフォーム."


def test_unmask() -> None:
    segment = Segment("x-1", "電話 [1]", (PHONE,), False)
    assert unmask(segment) == "電話 053-000-1234"

from __future__ import annotations

import pytest

from translations.corrections import CorrectionError, mask_correction
from translations.segmenter import segment_markdown, segment_title


def test_plain_text_gets_its_placeholders_back() -> None:
    segment = segment_title("12月13日（土曜日）に電話 053-000-3456 へ")
    text = "Call 053-000-3456 on Saturday, December 13."
    assert mask_correction(text, segment, "en") == "Call [2] on [1]."


def test_placeholders_and_source_forms_are_accepted() -> None:
    segment = segment_title("12月13日（土曜日）に電話 053-000-3456 へ")
    assert mask_correction("Ligue [2] em 12月13日（土曜日）", segment, "pt") == "Ligue [2] em [1]"


def test_link_text_marks_the_link() -> None:
    (block,) = segment_markdown("詳しくは[市のページ](https://example.jp/a)をご覧ください。")
    (segment,) = block.segments
    assert mask_correction("See 市のページ for details.", segment, "en") == "See [1] for details."


def test_a_missing_phone_number_is_refused() -> None:
    segment = segment_title("電話 053-000-3456 へ")
    with pytest.raises(CorrectionError) as raised:
        mask_correction("Please call us.", segment, "en")
    assert raised.value.missing == ("053-000-3456",)
    assert "053-000-3456" in str(raised.value)

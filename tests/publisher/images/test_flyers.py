"""The flyer rule: a flyer's key facts must also be in the text; warnings only."""

from __future__ import annotations

from publisher.images.flyers import ImageWarningCode, flyer_warnings

ALT = "市民まつりのチラシ。12月13日（土）午前10時から市民会館で。入場料500円。電話 053-457-2111"


def codes(alt: str, *texts: str) -> list[ImageWarningCode]:
    return [warning.code for warning in flyer_warnings(1, alt, texts)]


def test_a_flyer_whose_facts_are_all_in_the_text_has_no_warning() -> None:
    body = "2026年12月13日午前10時から市民まつり。入場料は500円。問い合わせ：053-457-2111"
    assert codes(ALT, body) == []


def test_each_fact_missing_from_the_text_is_named() -> None:
    (warning,) = flyer_warnings(4, ALT, ("12月13日に市民まつりを開きます。",))
    assert warning.image_id == 4
    assert warning.code is ImageWarningCode.FLYER_FACTS_NOT_IN_TEXT
    # The day is there but not the time; the fee and the phone number are not there at all.
    assert warning.facts == ("12月13日（土）午前10時", "500円", "053-457-2111")
    assert "053-457-2111" in warning.message


def test_the_easy_japanese_text_counts_too() -> None:
    easy = "12月13日 ごぜん10じから。500えん。でんわ 053-457-2111。12月13日午前10時"
    assert codes(ALT, "市民まつりです。", "500円です。" + easy) == []


def test_a_short_alt_text_without_facts_gets_both_warnings() -> None:
    assert codes("チラシ", "本文") == [
        ImageWarningCode.FLYER_ALT_SHORT,
        ImageWarningCode.FLYER_ALT_WITHOUT_FACTS,
    ]

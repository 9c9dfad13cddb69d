from __future__ import annotations

import pytest

from translations.document import Token
from translations.quality import FLAGS, check
from translations.restore import restore

SOURCE = "川や用水路には近づかないでください。"
PHONE = Token(1, "phone", "053-000-1234", "053-000-1234")


def flags(output: str, target: str = "en", source: str = SOURCE, tokens=()) -> tuple[str, ...]:
    return check(source, output, restore(output, tokens), target)


@pytest.mark.parametrize(
    ("output", "target"),
    [
        ("Please do not go near rivers or irrigation canals.", "en"),
        ("Não se aproxime de rios ou canais de irrigação.", "pt"),
        ("Không được đến gần sông hoặc kênh mương thủy lợi.", "vi"),
        ("请不要靠近河流和水渠。", "zh"),
        ("請不要靠近河流和水渠。", "zh-Hant"),
        ("강이나 용수로에는 가까이 가지 마십시오.", "ko"),
        ("อย่าเข้าใกล้แม่น้ำหรือคลองชลประทาน", "th"),
        ("नदी र सिँचाइ नहरको नजिक नजानुहोस्।", "ne"),
        ("မြစ်များနှင့် ဆည်မြောင်းများအနီးသို့ မသွားပါနှင့်။", "my"),
    ],
)
def test_good_translations_are_not_flagged(output: str, target: str) -> None:
    assert flags(output, target) == ()


def test_placeholder_lost_and_duplicated() -> None:
    source = "電話 [1] までお問い合わせください。"
    assert flags("Please contact us.", source=source, tokens=(PHONE,)) == ("placeholder_lost",)
    assert flags("Call [1] or [1] for details.", source=source, tokens=(PHONE,)) == (
        "placeholder_duplicated",
    )


def test_untranslated() -> None:
    assert "untranslated" in flags(SOURCE)
    # Short labels and names may legitimately stay the same.
    assert "untranslated" not in flags("ABC", source="ABC")
    assert "untranslated" not in flags("[1]", source="[1]", tokens=(PHONE,))


def test_repetition() -> None:
    assert "repetition" in flags("Please please please please do not go near rivers.")
    assert "repetition" in flags("Do not go near the river river river river river.")
    assert "repetition" in flags("Do not go near, do not go near, do not go near, do not go near")
    assert "repetition" in flags("不要靠近不要靠近不要靠近不要靠近河流。", "zh")
    assert "repetition" not in flags("Do not go, do not go near rivers.")


def test_length_ratio() -> None:
    assert flags("No.") == ("length_ratio",)
    assert flags("") == ("length_ratio",)
    long_output = "Please do not go near rivers or irrigation canals at any time. " * 5
    assert "length_ratio" in flags(long_output)


def test_wrong_script() -> None:
    assert "wrong_script" in flags("川や用水路 rivers には近づかないで", "en")
    assert "wrong_script" in flags("Please do not go near rivers.", "zh")
    assert "wrong_script" not in flags("QR code を使ってください", "ja", source="QR code")


def test_flags_come_in_a_fixed_order() -> None:
    result = flags(
        "川川川川川川川川川川川川川川川川川川川川川川川川川川川川川川", "en", tokens=(PHONE,)
    )
    assert list(result) == [flag for flag in FLAGS if flag in result]
    assert {"placeholder_lost", "repetition", "wrong_script"} <= set(result)

"""Uploaded files become web images: by content, upright, resized, with no metadata left."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from publisher.images.processing import ImageRefusedError, prepare_image
from tests.support.images import GPS_IFD, photo_with_gps, png_bomb, transparent_png

LIMITS = {"max_bytes": 10_000_000, "max_pixels": 50_000_000}


def test_gps_and_every_other_metadata_are_gone() -> None:
    original = photo_with_gps(700, 350)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)
    (size,) = prepare_image(original, **LIMITS).sizes  # narrower than 800: one size
    stored = Image.open(io.BytesIO(size.data))
    assert not stored.getexif() and not stored.getexif().get_ifd(GPS_IFD)
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(stored.info)
    assert b"KakehashiCam" not in size.data and b"Exif" not in size.data


def test_sizes_are_made_for_the_web_and_named_by_content() -> None:
    prepared = prepare_image(photo_with_gps(4000, 3000), **LIMITS)
    assert [(size.width, size.height) for size in prepared.sizes] == [(1600, 1200), (800, 600)]
    again = prepare_image(photo_with_gps(4000, 3000), **LIMITS)
    assert [size.name for size in prepared.sizes] == [size.name for size in again.sizes]
    assert prepared.sizes[0].name.endswith(".jpg")


def test_transparency_keeps_png() -> None:
    prepared = prepare_image(transparent_png(), **LIMITS)
    assert prepared.media_type == "image/png"
    assert Image.open(io.BytesIO(prepared.sizes[0].data)).mode == "RGBA"


def test_too_many_pixels_are_refused_before_decoding() -> None:
    with pytest.raises(ImageRefusedError) as refused:
        prepare_image(png_bomb(9000, 9000), **LIMITS)  # under Pillow's own limit, over ours
    assert refused.value.status == 422
    assert "9000×9000" in str(refused.value)


def test_over_the_byte_limit_is_refused_unread() -> None:
    with pytest.raises(ImageRefusedError) as refused:
        prepare_image(b"x" * 101, max_bytes=100, max_pixels=1000)
    assert refused.value.status == 413


def test_a_large_photo_decoded_at_a_smaller_scale_keeps_its_turn_and_full_width() -> None:
    upright = prepare_image(photo_with_gps(4000, 3000), **LIMITS)
    assert (upright.sizes[0].width, upright.sizes[0].height) == (1600, 1200)
    sideways = prepare_image(photo_with_gps(4000, 3000, orientation=6), **LIMITS)
    assert [(size.width, size.height) for size in sideways.sizes] == [(1600, 2133), (800, 1067)]

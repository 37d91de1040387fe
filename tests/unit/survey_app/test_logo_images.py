"""An uploaded logo is stored only as a PNG the app redrew from a real PNG or JPEG of a sane
size: anything else is refused with a reason the officer's page can put into words."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageFile

from survey_app.services.logo_images import (
    MAX_LOGO_BYTES,
    STORED_SIZE,
    LogoError,
    checked_logo,
)


def _image_bytes(size: tuple[int, int], image_format: str, **options: object) -> bytes:
    out = io.BytesIO()
    mode = "RGBA" if image_format == "PNG" else "RGB"
    Image.new(mode, size, "#8a1538").save(out, format=image_format, **options)
    return out.getvalue()


def _noise_jpeg() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((64, 64), 60).convert("RGB").save(out, format="JPEG")
    return out.getvalue()


def _reopened(png: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(png))
    picture.load()
    return picture


@pytest.mark.parametrize("image_format", ["PNG", "JPEG"])
def test_a_png_or_jpeg_is_stored_as_a_png_of_the_same_size(image_format: str) -> None:
    logo = checked_logo(_image_bytes((300, 120), image_format))

    stored = _reopened(logo.png)
    assert stored.format == "PNG"
    assert (logo.width, logo.height) == (stored.width, stored.height) == (300, 120)


def test_a_large_logo_is_scaled_down_to_fit_keeping_its_shape() -> None:
    logo = checked_logo(_image_bytes((3200, 800), "JPEG", quality=20))

    assert (logo.width, logo.height) == (STORED_SIZE[0], 200)


def test_metadata_and_anything_after_the_image_are_not_kept() -> None:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x013B] = "Jo Bloggs, 12 Acacia Avenue"  # Artist
    Image.new("RGB", (64, 64), "#12436d").save(out, format="JPEG", exif=exif.tobytes())
    upload = out.getvalue() + b"<script>alert(1)</script>"

    png = checked_logo(upload).png

    assert b"Acacia" not in png
    assert b"<script>" not in png
    assert not _reopened(png).getexif()


@pytest.fixture(autouse=True)
def _as_in_the_app() -> None:
    """Import WeasyPrint, as the app does: it tells Pillow to load truncated images."""
    import weasyprint  # noqa: F401

    assert ImageFile.LOAD_TRUNCATED_IMAGES


@pytest.mark.parametrize(
    "upload",
    [
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
        b"%PDF-1.7 not a picture",
        b"",
        _image_bytes((64, 64), "PNG")[:60],  # A PNG cut short.
        _noise_jpeg()[:1500],  # A JPEG cut short in its picture data.
        _image_bytes((64, 64), "GIF"),
    ],
    ids=["svg", "pdf", "empty", "truncated-png", "truncated-jpeg", "gif"],
)
def test_anything_but_a_whole_png_or_jpeg_is_not_an_image(upload: bytes) -> None:
    with pytest.raises(LogoError) as refused:
        checked_logo(upload)

    assert refused.value.problem == "not_an_image"


def test_a_file_over_the_size_limit_is_refused_before_it_is_opened() -> None:
    with pytest.raises(LogoError) as refused:
        checked_logo(b"\x89PNG" + b"\0" * MAX_LOGO_BYTES)

    assert refused.value.problem == "too_large"


def test_a_picture_over_4000_pixels_wide_is_refused() -> None:
    with pytest.raises(LogoError) as refused:
        checked_logo(_image_bytes((4001, 20), "PNG"))

    assert refused.value.problem == "too_many_pixels"


def test_a_picture_too_small_to_read_is_refused() -> None:
    with pytest.raises(LogoError) as refused:
        checked_logo(_image_bytes((200, 8), "PNG"))

    assert refused.value.problem == "too_small"

"""An uploaded logo checked and redrawn as a small PNG with Pillow, or refused.

A logo is printed on every report cover, so what is stored must be a real image and nothing
else: the upload is opened by Pillow (only PNG and JPEG are accepted, never SVG, which can
carry script and links), its size is checked before any pixel is decoded (so a small file
that unpacks into a huge picture is refused unread), and the pixels are drawn into a new PNG.
The stored file is never the uploaded bytes, so no metadata (camera, place, author) and no
data hidden after the image survives.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, ImageFile, UnidentifiedImageError

from survey_app.services.user_errors import N_, UserError

MAX_LOGO_BYTES = 200 * 1024
"""Larger files are refused. A logo is a few tens of kilobytes; the app refuses any request
over 256 KB, so the limit leaves room for the rest of the form."""
MAX_UPLOAD_SIDE = 4000
"""Pixels: a picture wider or taller than this is refused before it is decoded."""
MIN_UPLOAD_SIDE = 16
"""Pixels: anything smaller cannot be a legible logo."""
STORED_SIZE = (800, 400)
"""The most a stored logo keeps (width, height): sharp in the printed cover's space of at
most 70 by 30 mm (about 290 dots an inch). A larger logo is scaled down to fit, keeping its
shape."""
FORMATS = ("PNG", "JPEG")


_LOGO_PROBLEMS = {
    "too_large": N_("The logo must be smaller than 200 KB"),
    "not_an_image": N_("The logo must be a PNG or JPEG image"),
    "too_many_pixels": N_("The logo must be 4,000 pixels wide and high or smaller"),
    "too_small": N_("The logo must be at least 16 pixels wide and high"),
}


class LogoError(UserError):
    """An upload that cannot be a logo; ``problem`` is ``too_large``, ``not_an_image``,
    ``too_many_pixels`` or ``too_small``, and the message says it in words."""

    def __init__(self, problem: str) -> None:
        super().__init__(_LOGO_PROBLEMS[problem], "logo")
        self.problem = problem


@dataclass(frozen=True)
class Logo:
    """A logo as stored: PNG bytes the app drew itself, and their size in pixels."""

    png: bytes
    width: int
    height: int


def checked_logo(upload: bytes) -> Logo:
    """``upload`` redrawn as a PNG of at most ``STORED_SIZE``; ``LogoError`` if it is over
    ``MAX_LOGO_BYTES``, not a PNG or JPEG Pillow can read whole, or too large or small."""
    if len(upload) > MAX_LOGO_BYTES:
        raise LogoError("too_large")
    picture = _opened(upload)
    picture.thumbnail(STORED_SIZE, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return Logo(out.getvalue(), picture.width, picture.height)


def _opened(upload: bytes) -> Image.Image:
    """The upload's pixels, decoded only once its header says PNG or JPEG of a sane size."""
    try:
        with Image.open(io.BytesIO(upload), formats=FORMATS) as picture:
            _check_size(picture.width, picture.height)
            with _truncated_images_refused():
                picture.load()
            mode = "RGBA" if _has_transparency(picture) else "RGB"
            return picture.convert(mode)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise LogoError("not_an_image") from error


@contextmanager
def _truncated_images_refused() -> Iterator[None]:
    """Pillow refuses a picture cut short while this is open.

    WeasyPrint switches Pillow's process-wide ``LOAD_TRUNCATED_IMAGES`` on when it is imported,
    so that a broken image on a web page does not stop a print; Pillow would then fill the
    missing part of an upload with grey and call it a picture. The images WeasyPrint prints
    here are only the app's own static files and logos it redrew whole, so refusing for a
    moment is safe for it too.
    """
    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def _check_size(width: int, height: int) -> None:
    if max(width, height) > MAX_UPLOAD_SIDE:
        raise LogoError("too_many_pixels")
    if min(width, height) < MIN_UPLOAD_SIDE:
        raise LogoError("too_small")


def _has_transparency(picture: Image.Image) -> bool:
    return picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info

"""A PDF read back with poppler-utils (Debian's ``pdftotext`` and ``pdfimages``), as a reader's
viewer would: both fail on bytes that are not a well-formed PDF."""

from __future__ import annotations

import subprocess


def pdf_text(pdf: bytes) -> str:
    """Every word of the PDF, whitespace collapsed to single spaces."""
    result = subprocess.run(
        ["/usr/bin/pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return " ".join(result.stdout.decode("utf-8").split())


def image_count(pdf: bytes) -> int:
    """How many raster images (and soft masks) the PDF embeds."""
    result = subprocess.run(
        ["/usr/bin/pdfimages", "-list", "-"], input=pdf, capture_output=True, check=True
    )
    return len(result.stdout.decode("utf-8").splitlines()) - 2  # Two header lines.


def shows(text: str, extracted: str) -> bool:
    """Whether ``text`` is printed in the PDF whose text is ``extracted``, wherever line
    wrapping split it."""
    return "".join(text.split()) in "".join(extracted.split())

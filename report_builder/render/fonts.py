"""The one sans-serif font pair every Care Voices PDF prints with.

ReportLab's built-in Helvetica covers Latin-1 only, so Welsh ŵ and ŷ (as in "Bro Ŵyŷ") print as
black boxes. DejaVu Sans covers them; ``make test`` and the operations guide install it from
Debian's ``fonts-dejavu-core``. Helvetica stays the fallback so a PDF is still made without it.
"""

from __future__ import annotations

import functools
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
REGULAR, BOLD = "CareVoicesSans", "CareVoicesSans-Bold"


@functools.lru_cache(maxsize=1)
def sans_fonts() -> tuple[str, str]:
    """Regular and bold font names, registered with ReportLab once per process."""
    for folder in FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont(REGULAR, str(regular)))
            pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
            return REGULAR, BOLD
    return "Helvetica", "Helvetica-Bold"

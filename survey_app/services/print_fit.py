"""Text that fits its box on a printed sheet, measured as it is laid out.

A poster or card is cut out or pinned up, so a word past its edge is lost. Each piece of text is
measured with ReportLab's ``stringWidth`` and set at the largest size, from ``largest`` down to
``smallest``, at which it wraps into at most ``max_lines`` lines no wider than the box. A word
too long for any line (a long link) is broken between letters. Text still too long at the
smallest size keeps its first ``max_lines`` lines, the last ending in "…", so a very long name
never pushes the code off the card.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

LEADING = 1.2
STEP = 0.5
ELLIPSIS = "…"
ASCENT = 0.95
"""How far below a block's top its first baseline sits, in font sizes: room for capitals and
accents above it, and for descenders below the last line within the block's height."""


@dataclass(frozen=True)
class Fitted:
    """Lines of text set in ``font`` at ``size``, each at most the box's width."""

    lines: tuple[str, ...]
    font: str
    size: float

    @property
    def height(self) -> float:
        """The height the lines take, baseline to baseline plus one line."""
        return len(self.lines) * self.size * LEADING


@dataclass(frozen=True)
class Spec:
    """How one piece of text may be set: font, size range and most lines."""

    font: str
    largest: float
    smallest: float
    max_lines: int = 1


def fit(text: str, width: float, spec: Spec) -> Fitted:
    """``text`` set as large as ``spec`` allows within ``width`` and ``spec.max_lines`` lines."""
    size = spec.largest
    while True:
        lines = wrap(text, spec.font, size, width)
        if len(lines) <= spec.max_lines or size - STEP < spec.smallest:
            break
        size -= STEP
    if len(lines) > spec.max_lines:
        lines = [
            *lines[: spec.max_lines - 1],
            _shortened(lines[spec.max_lines - 1], spec.font, size, width),
        ]
    return Fitted(tuple(lines), spec.font, size)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines no wider than ``width``: broken at spaces, and inside words that need it."""
    lines: list[str] = []
    for line in simpleSplit(" ".join(text.split()), font, size, width) or [""]:
        lines += _break_word(line, font, size, width)
    return lines


def _break_word(line: str, font: str, size: float, width: float) -> list[str]:
    """``line`` split between letters into pieces no wider than ``width``."""
    pieces = [""]
    for letter in line:
        if pieces[-1] and stringWidth(pieces[-1] + letter, font, size) > width:
            pieces.append("")
        pieces[-1] += letter
    return pieces


def _shortened(line: str, font: str, size: float, width: float) -> str:
    """``line`` cut so that it and a closing "…" fit in ``width``."""
    while line and stringWidth(line + ELLIPSIS, font, size) > width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


def draw(canvas: Canvas, fitted: Fitted, x: float, top: float, *, centred: bool = False) -> float:
    """Draw the lines from ``top`` down, left-aligned at ``x`` or centred on it; return the
    y of the bottom of the block."""
    canvas.setFont(fitted.font, fitted.size)
    baseline = top - ASCENT * fitted.size
    for line in fitted.lines:
        if centred:
            canvas.drawCentredString(x, baseline, line)
        else:
            canvas.drawString(x, baseline, line)
        baseline -= fitted.size * LEADING
    return top - fitted.height

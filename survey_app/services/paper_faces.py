"""The questionnaire's face pictures, drawn on a printed page from their own SVG files.

The faces under ``questionnaires/faces/`` are plain drawings on a 100 x 100 grid: circles (the
face and the eyes) and one mouth path made of ``M``, ``L`` and ``Q`` (quadratic curve) steps.
Drawing those shapes as vectors keeps the printed faces identical to the online ones, with no
image library and no raster images. A shape of any other kind is ignored.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from importlib import resources

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

GRID = 100.0
_SVG = "{http://www.w3.org/2000/svg}"
_STEP = re.compile(r"([MLQ])\s*([-\d.\s,]+)")


@dataclass(frozen=True)
class Circle:
    """A circle on the 100-point grid, filled and optionally outlined."""

    x: float
    y: float
    r: float
    fill: str
    stroke_width: float


@dataclass(frozen=True)
class Mouth:
    """The mouth: (command, points) steps, and the width of its line."""

    steps: tuple[tuple[str, tuple[float, ...]], ...]
    width: float


@functools.cache
def face_shapes(image: str) -> tuple[tuple[Circle, ...], tuple[Mouth, ...]]:
    """The circles and paths of ``questionnaires/faces/<image>``."""
    text = resources.files("questionnaires").joinpath("faces", image).read_text("utf-8")
    root = ElementTree.fromstring(text)
    circles = tuple(_circle(node) for node in root.iter(f"{_SVG}circle"))
    mouths = tuple(
        Mouth(_steps(node.get("d", "")), float(node.get("stroke-width", "1")))
        for node in root.iter(f"{_SVG}path")
    )
    return circles, mouths


def _circle(node: ElementTree.Element) -> Circle:
    return Circle(
        x=float(node.get("cx", "0")),
        y=float(node.get("cy", "0")),
        r=float(node.get("r", "0")),
        fill=node.get("fill", "none"),
        stroke_width=float(node.get("stroke-width", "0")),
    )


def _steps(path: str) -> tuple[tuple[str, tuple[float, ...]], ...]:
    return tuple(
        (command, tuple(float(n) for n in re.split(r"[\s,]+", numbers.strip())))
        for command, numbers in _STEP.findall(path)
    )


class Face(Flowable):
    """A face ``size`` points wide, drawn from its SVG file."""

    def __init__(self, image: str, size: float) -> None:
        super().__init__()
        self.image, self.size = image, size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas: Canvas = self.canv
        circles, mouths = face_shapes(self.image)
        scale = self.size / GRID
        canvas.saveState()
        canvas.translate(0, self.size)
        canvas.scale(scale, -scale)  # SVG's y axis points down.
        for circle in circles:
            _draw_circle(canvas, circle)
        for mouth in mouths:
            _draw_mouth(canvas, mouth)
        canvas.restoreState()


def _draw_circle(canvas: Canvas, circle: Circle) -> None:
    filled = circle.fill.startswith("#")
    if filled:
        canvas.setFillColor(HexColor(circle.fill))
    canvas.setLineWidth(circle.stroke_width)
    stroke = int(circle.stroke_width > 0)
    canvas.circle(circle.x, circle.y, circle.r, stroke=stroke, fill=int(filled))


def _draw_mouth(canvas: Canvas, mouth: Mouth) -> None:
    """Follow the steps; a quadratic curve becomes the cubic Bézier PDF draws."""
    path = canvas.beginPath()
    here = (0.0, 0.0)
    for command, points in mouth.steps:
        if command == "M":
            here = points[0], points[1]
            path.moveTo(*here)
        elif command == "L":
            here = points[0], points[1]
            path.lineTo(*here)
        elif command == "Q":
            (cx, cy), end = points[:2], (points[2], points[3])
            first = (here[0] + 2 / 3 * (cx - here[0]), here[1] + 2 / 3 * (cy - here[1]))
            second = (end[0] + 2 / 3 * (cx - end[0]), end[1] + 2 / 3 * (cy - end[1]))
            path.curveTo(*first, *second, *end)
            here = end
    canvas.setLineWidth(mouth.width)
    canvas.setLineCap(1)
    canvas.drawPath(path, stroke=1, fill=0)

"""Reading an SVG chart's mark colours back, and their WCAG 2.1 contrast (coloraide)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from coloraide import Color

SVG = "{http://www.w3.org/2000/svg}"
_FILLED = ("rect", "polygon", "circle", "text")
_STROKED = ("line", "polyline")


def contrast(first: str, second: str) -> float:
    """The WCAG 2.1 contrast ratio of two CSS colours (1 to 21)."""
    return Color(first).contrast(second, method="wcag21")


def mark_colours(svg: str, background: str) -> tuple[set[str], set[str]]:
    """(Colours of filled areas a mark can sit on: bars and points, colours of every other
    mark), upper-case, read from the SVG's fill and stroke attributes; the background rect
    and "none" are left out."""
    areas, others = set(), set()
    for element in ET.fromstring(svg).iter():
        tag = element.tag.removeprefix(SVG)
        if tag in _STROKED:
            others.add(element.get("stroke", "").upper())
        elif tag in _FILLED:
            colour = element.get("fill", "").upper()
            if colour not in (background.upper(), "NONE"):
                (areas if tag in ("rect", "circle") else others).add(colour)
    return areas, others

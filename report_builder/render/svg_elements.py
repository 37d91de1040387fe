"""The SVG pieces every report chart is drawn with: its colours, type size and elements.

One place for the colours keeps every chart at 3:1 contrast or more (WCAG 1.4.11): the bar and
trend line are GOV.UK blue, and every other mark and all text near-black, on a white ground.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

BAR_COLOUR = "#1D70B8"
"""GOV.UK blue: 5.2:1 against the white page and 3.8:1 against the near-black whiskers and
comparator markers drawn over it, so every mark meets the 3:1 of WCAG 1.4.11."""
MARK_COLOUR = "#0B0C0C"
"""Whiskers, comparator markers, the axis and all text: 19:1 against white."""
BACKGROUND = "#FFFFFF"
FONT_SIZE = 12
LINE_HEIGHT = 14


def svg_open(chart_id: str, size: tuple[int, float], title: str, description: str) -> list[str]:
    """The opening of a standalone chart (role="img") sized ``size`` (width, height): its
    ``<title>`` and ``<desc>`` name it for screen readers, then the white ground."""
    width, height = size
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {width} {height:.0f}" width="{width}" height="{height:.0f}" '
        f'class="cv-report-svg" font-family="Arial, Helvetica, sans-serif" '
        f'font-size="{FONT_SIZE}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        element("rect", x=0, y=0, width=width, height=height, fill=BACKGROUND),
    ]


def text_element(words: str, x: float, y: float, *, anchor: str = "start") -> str:
    """Text in the mark colour; ``anchor`` as SVG's text-anchor."""
    return element("text", escape(words), x=x, y=y, fill=MARK_COLOUR, text_anchor=anchor)


def element(tag: str, content: str = "", **attributes: object) -> str:
    """One SVG element; underscores in attribute names become hyphens, numbers get 1 decimal."""
    pairs = " ".join(
        f'{name.replace("_", "-")}="{value:.1f}"'
        if isinstance(value, float)
        else f'{name.replace("_", "-")}="{value}"'
        for name, value in attributes.items()
    )
    return f"<{tag} {pairs}>{content}</{tag}>" if content else f"<{tag} {pairs}/>"

"""Draw Care Voices' favicon: a white speech bubble with three dots on a blue rounded square.

One geometry (in a 32 x 32 box) is written as SVG for browsers that take it, and drawn with
Pillow for the PNG (180 px, for home-screen icons) and the ICO (16, 32 and 48 px) fallbacks.
Run from the repository root: ``.venv/bin/python scripts/make_favicon.py``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

BLUE = "#1d70b8"
WHITE = "#ffffff"
BOX = 32
CORNER = 6
BUBBLE = (5, 5.5, 27, 22.5)  # left, top, right, bottom of the bubble's ellipse
TAIL = ((9, 19), (7, 28), (16, 21.5))
DOTS = ((11, 14), (16, 14), (21, 14))
DOT_RADIUS = 1.9
OUT = Path("survey_app/static/icons")


def svg() -> str:
    """The icon as an SVG document, with a title for anyone who opens it on its own."""
    left, top, right, bottom = BUBBLE
    tail = " ".join(f"{x},{y}" for x, y in TAIL)
    dots = "".join(f'<circle cx="{x}" cy="{y}" r="{DOT_RADIUS}" fill="{BLUE}"/>' for x, y in DOTS)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BOX} {BOX}">'
        "<title>Care Voices</title>"
        f'<rect width="{BOX}" height="{BOX}" rx="{CORNER}" fill="{BLUE}"/>'
        f'<ellipse cx="{(left + right) / 2}" cy="{(top + bottom) / 2}" '
        f'rx="{(right - left) / 2}" ry="{(bottom - top) / 2}" fill="{WHITE}"/>'
        f'<polygon points="{tail}" fill="{WHITE}"/>{dots}</svg>\n'
    )


def bitmap(size: int) -> Image.Image:
    """The icon drawn at ``size`` pixels, drawn eight times larger and scaled down smoothly."""
    scale = size * 8 / BOX
    big = Image.new("RGBA", (size * 8, size * 8), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    draw.rounded_rectangle((0, 0, size * 8 - 1, size * 8 - 1), CORNER * scale, fill=BLUE)
    draw.ellipse([v * scale for v in BUBBLE], fill=WHITE)
    draw.polygon([(x * scale, y * scale) for x, y in TAIL], fill=WHITE)
    for x, y in DOTS:
        r = DOT_RADIUS * scale
        draw.ellipse((x * scale - r, y * scale - r, x * scale + r, y * scale + r), fill=BLUE)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "favicon.svg").write_text(svg(), encoding="utf-8")
    bitmap(180).save(OUT / "apple-touch-icon.png", optimize=True)
    bitmap(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()

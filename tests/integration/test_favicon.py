"""Pages carry Care Voices' own icon, never GOV.UK Frontend's crown, and every icon is served."""

from __future__ import annotations

import io
import re

from flask.testing import FlaskClient
from PIL import Image

ICON_LINKS = re.compile(r'<link rel="(?:icon|apple-touch-icon|mask-icon)"[^>]*href="([^"]+)"')


def test_pages_link_only_the_projects_own_icons(client: FlaskClient) -> None:
    for path in ("/", "/start", "/auth/sign-in"):
        icons = ICON_LINKS.findall(client.get(path).get_data(as_text=True))
        assert sorted(icons) == [
            "/static/icons/apple-touch-icon.png",
            "/static/icons/favicon.ico",
            "/static/icons/favicon.svg",
        ], path


def _fetch(client: FlaskClient, path: str) -> tuple[str, bytes]:
    reply = client.get(path)
    body = reply.get_data()
    reply.close()  # As a WSGI server does: closes the static file.
    return reply.mimetype, body


def test_the_icons_are_served_as_an_svg_an_ico_and_a_png(client: FlaskClient) -> None:
    mimetype, svg = _fetch(client, "/static/icons/favicon.svg")
    assert mimetype == "image/svg+xml"
    assert b"<title>Care Voices</title>" in svg
    ico = Image.open(io.BytesIO(_fetch(client, "/static/icons/favicon.ico")[1]))
    assert ico.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48)} <= set(ico.info["sizes"])
    png = Image.open(io.BytesIO(_fetch(client, "/static/icons/apple-touch-icon.png")[1]))
    assert png.size == (180, 180)

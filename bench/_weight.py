"""Page weight of the question pages: HTML plus the CSS and images each one loads, compressed.

Neither gunicorn nor Flask compresses responses; in production a reverse proxy (nginx, a load
balancer or a CDN) does. So stylesheets, images and scripts are fetched with
``Accept-Encoding: gzip``: when the server compresses, the bytes on the wire are counted; when
it does not, the body is gzipped at level 6 (what a compressing proxy typically sends) and
``server_gzip`` is False. The HTML of every question page is gzipped the same way. JavaScript is
counted apart: every survey page works without it (the load bench never runs any).
"""

from __future__ import annotations

import gzip
import http.client
import random
import re
import time
from urllib.parse import urlsplit

from bench._client import Browser, Page
from bench._respondent import demo_items, survey_journey
from questionnaires import load_catalogue

GZIP_LEVEL = 6
PROBE_TIMEOUT_S = 120.0
_STYLESHEET = re.compile(r'<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"')
_IMAGE = re.compile(r'<img[^>]*src="([^"]+)"')
_SCRIPT = re.compile(r'<script[^>]*src="([^"]+)"')


def question_page_weight(base_url: str, code: str, journeys: int) -> dict[str, object]:
    """Walk ``journeys`` full journeys; report the heaviest question page and what it loads."""
    pages = _question_pages(base_url, code, journeys)
    fetched: dict[str, tuple[int, bool]] = {}
    weights = {page.path: _page_kb(base_url, page, fetched) for page in pages}
    heaviest = max(weights, key=weights.__getitem__)
    scripts = {src for page in pages for src in _SCRIPT.findall(page.text)}
    return {
        "question_pages_measured": len(weights),
        "heaviest_question_page": heaviest,
        "page_kb_gzip_max": round(weights[heaviest], 1),
        "page_kb_gzip_median": round(sorted(weights.values())[len(weights) // 2], 1),
        "css_kb_gzip": round(sum(_css_sizes(base_url, pages[0], fetched)) / 1024, 1),
        "js_kb_gzip_optional": round(sum(_wire(base_url, s, fetched) for s in scripts) / 1024, 1),
        "server_gzip": all(compressed for _size, compressed in fetched.values()),
    }


def _question_pages(base_url: str, code: str, journeys: int) -> list[Page]:
    """The distinct question pages (GET ``/q/...``, status 200) seen over a few journeys."""
    items, seen = demo_items(load_catalogue()), {}
    for seed in range(journeys):
        browser = Browser(base_url, [], time.monotonic() + PROBE_TIMEOUT_S, keep_pages=True)
        survey_journey(browser, code, items, random.Random(seed), 0.0)
        for page in browser.pages or []:
            if page.path.startswith("/q/") and page.status == 200:
                seen.setdefault(page.path, page)
    return list(seen.values())


def _page_kb(base_url: str, page: Page, fetched: dict[str, tuple[int, bool]]) -> float:
    """HTML plus its stylesheets and images, as compressed bytes, in KB."""
    html = len(gzip.compress(page.text.encode(), GZIP_LEVEL))
    images = sum(_wire(base_url, src, fetched) for src in set(_IMAGE.findall(page.text)))
    return (html + sum(_css_sizes(base_url, page, fetched)) + images) / 1024


def _css_sizes(base_url: str, page: Page, fetched: dict[str, tuple[int, bool]]) -> list[int]:
    return [_wire(base_url, href, fetched) for href in _STYLESHEET.findall(page.text)]


def _wire(base_url: str, path: str, fetched: dict[str, tuple[int, bool]]) -> int:
    """Bytes on the wire for ``path`` with gzip asked for (gzipped here if the server won't)."""
    if path not in fetched:
        parts = urlsplit(base_url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        try:
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            reply = connection.getresponse()
            body = reply.read()
        finally:
            connection.close()
        compressed = reply.getheader("Content-Encoding") == "gzip"
        size = len(body) if compressed else len(gzip.compress(body, GZIP_LEVEL))
        fetched[path] = (size, compressed)
    return fetched[path][0]

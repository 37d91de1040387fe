"""A live app on loopback and a real Chromium to drive it.

Browser tests run on SQLite only: the database behaviour they rely on is covered on both
backends by the integration tests, and one backend keeps the suite's run time sane.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from flask import Flask
from flask_migrate import upgrade
from playwright.sync_api import Browser, Page, sync_playwright
from werkzeug.serving import make_server

from survey_app.extensions import db, limiter
from tests.conftest import make_test_app
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment


@pytest.fixture(scope="session")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'care_voices.sqlite3'}"
    app = make_test_app(url)
    with app.app_context():
        upgrade()
    return app


def closing_every_response(app: WSGIApplication) -> WSGIApplication:
    """``app``, with each response read whole and closed before the server sends it.

    Werkzeug's development server closes a response only after it has drained the socket, and
    that read raises when the browser has already hung up (as Chromium does when a test closes
    its context). The response is then never closed, and a static file it was sending stays
    open until garbage collection reports it as an error in whichever test happens to be
    running. gunicorn, which serves production, closes every response, so this wrapper only
    makes the test server behave as the real one does.
    """

    def closing(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        chunks = app(environ, start_response)
        try:
            return [b"".join(chunks)]
        finally:
            if hasattr(chunks, "close"):
                chunks.close()

    return closing


@pytest.fixture(scope="session")
def live_url(live_app: Flask) -> Iterator[str]:
    """Serve ``live_app`` on a free loopback port in a background thread."""
    server = make_server("127.0.0.1", 0, closing_every_response(live_app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def live_session(live_app: Flask) -> Iterator[None]:
    """Start with empty rate-limit counters; empty every table afterwards.

    The limiter stays on, as in production: one ``Limiter`` object serves every app in the
    process, so switching it off for this app would switch it off for the others too.
    """
    limiter.reset()
    yield
    with live_app.app_context():
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed; `make test` installs it from Debian.")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, live_session: None) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    yield context.new_page()
    context.close()


@pytest.fixture
def page_without_js(browser: Browser, live_session: None) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()

"""Browser helpers for the respondent journey: a code on the live app, and a walk through it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from playwright.sync_api import Page

from questionnaires import Item, load_catalogue
from survey_app.extensions import db
from tests.factories import ALL_INSTRUMENTS, make_access_code, make_round


@pytest.fixture
def survey_code(live_app: Flask, live_session: None) -> Callable[[str | None], str]:
    """Make an open round with all four instruments; return a code (for one audience if given)."""

    def _make(audience: str | None = None) -> str:
        with live_app.app_context():
            survey_round = make_round(db.session, instruments=ALL_INSTRUMENTS)
            _code, clear = make_access_code(db.session, survey_round, audience=audience)
            db.session.commit()
        return clear

    return _make


def item_on(page: Page, instrument: str) -> Item:
    """The item the page at ``/q/<id>`` asks."""
    item_id = page.url.split("/q/")[1].split("?")[0]
    return load_catalogue().get(f"{instrument}@v1").item(item_id)


def answer_by_clicking(page: Page, item: Item) -> None:
    """Answer the current question with the mouse: the first option, or a line of text.

    A first option that signals risk brings up the support page once; the walk carries on
    from it with its button, as a respondent would.
    """
    if item.type == "free_text":
        page.fill("#answer", "More days out with my friends")
    else:
        page.check("#answer")
    # Wait for the next page, so the caller never reads the old page's address.
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    if "/support/answer" in page.url:
        with page.expect_navigation():
            page.get_by_role("button", name="Carry on with the survey").click()

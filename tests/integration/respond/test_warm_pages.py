"""A new worker builds the question pages children will ask for before the first one arrives.

``warm_question_pages`` builds each question of each questionnaire an open round uses, in each
language its authority offers, and gunicorn runs it once per worker (``gunicorn.conf.py``).
What it builds must be what children's requests then use: if a shape or a key differed, every
page would be built twice and the warm-up would be wasted work.
"""

from __future__ import annotations

import logging
import runpy
from types import SimpleNamespace

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from bench._stack import GUNICORN_CONFIG
from survey_app.respond.journey import journey_languages
from survey_app.respond.question_page import TEMPLATE
from survey_app.respond.skeletons import EXTENSION as SKELETONS
from survey_app.respond.warm_pages import EXTENSION, warm_question_pages
from tests.factories import make_access_code, make_authority, make_round
from tests.integration.respond.conftest import post, version


def question_skeletons(app: Flask) -> set[object]:
    return {key for key in app.extensions.get(SKELETONS, {}) if key[0] == TEMPLATE}


def test_the_pages_built_are_the_ones_a_child_then_sees(
    app: Flask, client: FlaskClient, session: Session
) -> None:
    authority = make_authority(session, languages="en,cy")
    survey_round = make_round(session, authority, instruments=(("cic-8-10", 1),))
    _code, clear = make_access_code(session, survey_round)
    session.commit()
    app.extensions.pop(SKELETONS, None)

    built = warm_question_pages(app)

    languages = journey_languages(version(), ("en", "cy"))
    assert built == len(version().items) * len(languages)
    warmed = question_skeletons(app)
    assert len(warmed) == built
    client.get(f"/s/{clear}")
    first = post(client, "/welcome").headers["Location"]
    for lang in languages:
        assert client.get(f"{first}?lang={lang}").status_code == 200
    assert question_skeletons(app) == warmed


def test_questionnaires_of_rounds_not_open_are_not_warmed(app: Flask, session: Session) -> None:
    make_round(session, status="closed")
    session.commit()
    app.extensions.pop(SKELETONS, None)
    assert warm_question_pages(app) == 0
    assert question_skeletons(app) == set()


def gunicorn_hook() -> object:
    return runpy.run_path(str(GUNICORN_CONFIG))["post_worker_init"]


def test_gunicorn_warms_each_worker_of_care_voices_and_leaves_other_apps_alone(
    app: Flask, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    monkeypatch.setitem(app.extensions, EXTENSION, lambda: calls.append("warmed") or 7)
    log = logging.getLogger("gunicorn.error.test")
    with caplog.at_level(logging.INFO):
        gunicorn_hook()(SimpleNamespace(wsgi=app, log=log))
        gunicorn_hook()(SimpleNamespace(wsgi=Flask("another"), log=log))
    assert calls == ["warmed"]
    assert "Built 7 respondent page skeletons" in caplog.text


def test_a_worker_starts_even_when_warming_fails(
    app: Flask, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable() -> int:
        raise ConnectionError("database not up yet")

    monkeypatch.setitem(app.extensions, EXTENSION, unreachable)
    gunicorn_hook()(SimpleNamespace(wsgi=app, log=logging.getLogger("gunicorn.error.test")))
    assert "not warmed; they are built on demand" in caplog.text

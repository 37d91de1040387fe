"""A group session lets a whole room behind one address in and through, and guessing stays slow.

Forty children at one school share the school's address. Some mistype their code first, then
everyone enters a valid code within a minute and answers the whole survey briskly (a question
every 1.5 seconds each, 1,600 posts a minute from the address). With the round's group
session running, none of them sees a 429; without it, the room is held up. A guesser at that
address is still stopped after 15 wrong codes in a minute.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from bench._stack import redis_server
from survey_app.extensions import db, limiter
from survey_app.models import StaffUser, SurveyRound
from survey_app.services.audit import now_utc
from survey_app.services.group_sessions import end_group_session, open_group_session
from tests.conftest import make_test_app
from tests.factories import make_access_code, make_staff
from tests.integration.respond.conftest import BROWSER, open_round, post, token, version

CHILDREN = 40
TYPOS = 12  # more than the 10 a minute an address may get wrong outside a group session
MORNING = datetime(2027, 3, 1, 10, 0, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


@pytest.fixture
def limited_app(database_url: str) -> Iterator[Flask]:
    app = make_test_app(database_url, RATELIMIT_ENABLED=True)
    yield app
    with app.app_context():
        db.engine.dispose()


def _room(session: Session) -> tuple[SurveyRound, StaffUser, str]:
    survey_round = open_round(session, opens_on=MORNING.date())
    officer = make_staff(session, local_authority=survey_round.local_authority)
    _code, clear = make_access_code(session, survey_round, audience="cic-8-10")
    session.commit()
    return survey_round, officer, clear


def _answer_for(path: str) -> str:
    item = version().item(path.removeprefix("/q/"))
    return "Trips out" if item.type == "free_text" else item.option_values[0]


def _enter_room(app: Flask, clear: str, clock: time_machine.Coordinates) -> list[FlaskClient]:
    """One child gets in, ``TYPOS`` children mistype, then everyone gets in: all in a minute."""
    children = [app.test_client() for _ in range(CHILDREN)]
    entries = [post(children[0], "/start", {"code": clear}).status_code]
    for child in children[1 : TYPOS + 1]:
        entries.append(post(child, "/start", {"code": "wrong-code-10"}).status_code)
        clock.shift(timedelta(seconds=1))
    for child in children[1:]:
        entries.append(post(child, "/start", {"code": clear}).status_code)
        clock.shift(timedelta(seconds=1))
    assert entries == [303] + [200] * TYPOS + [303] * (CHILDREN - 1)
    return children


def _answer_everything(children: list[FlaskClient], clock: time_machine.Coordinates) -> list[int]:
    """Every child starts and answers every question, a question each every 1.5 seconds."""
    statuses = []
    paths = {}
    for child in children:
        started = post(child, "/welcome")
        statuses.append(started.status_code)
        paths[child] = started.headers["Location"]
    tokens = {child: token(child, "/start") for child in children}
    while any(path.startswith("/q/") for path in paths.values()):
        for child, path in paths.items():
            if path.startswith("/q/"):
                data = {"csrf_token": tokens[child], "answer": _answer_for(path)}
                reply = child.post(path, data=data, headers=BROWSER)
                statuses.append(reply.status_code)
                paths[child] = _past_support_page(reply.headers.get("Location", path))
        clock.shift(timedelta(seconds=1.5))
    for child in children:
        sent = child.post("/check", data={"csrf_token": tokens[child]}, headers=BROWSER)
        statuses.append(sent.status_code)
    return statuses


def _past_support_page(location: str) -> str:
    """Where a child goes on from a support page (a risk answer brings one up), as its
    "Carry on" link would take them; any other location is left as it is."""
    if not location.startswith("/support"):
        return location
    following = parse_qs(urlsplit(location).query).get("next")
    return f"/q/{following[0]}" if following else "/check"


def _guesses(app: Flask, count: int) -> list[int]:
    guesser = app.test_client()
    return [post(guesser, "/start", {"code": f"wrong-code-{n}"}).status_code for n in range(count)]


@pytest.mark.slow
def test_forty_children_in_a_group_session_get_in_and_finish_briskly_without_a_429(
    limited_app: Flask, session: Session, clock: time_machine.Coordinates
) -> None:
    survey_round, officer, clear = _room(session)
    open_group_session(session, officer, survey_round, 90, now_utc())
    session.commit()

    children = _enter_room(limited_app, clear, clock)
    statuses = _answer_everything(children, clock)

    assert 429 not in statuses
    assert set(statuses) == {303}
    assert len(statuses) > CHILDREN * len(version().items)


def test_wrong_guesses_from_a_room_in_a_group_session_are_still_throttled(
    limited_app: Flask, session: Session, clock: time_machine.Coordinates
) -> None:
    survey_round, officer, clear = _room(session)
    open_group_session(session, officer, survey_round, 90, now_utc())
    session.commit()
    assert post(limited_app.test_client(), "/start", {"code": clear}).status_code == 303

    statuses = _guesses(limited_app, 20)

    assert statuses[:15] == [200] * 15
    assert statuses[15:] == [429] * 5


def test_without_a_group_session_the_same_room_is_held_up(
    limited_app: Flask, session: Session, clock: time_machine.Coordinates
) -> None:
    _round, _officer, clear = _room(session)
    assert post(limited_app.test_client(), "/start", {"code": clear}).status_code == 303

    mistakes = _guesses(limited_app, TYPOS)

    assert mistakes[:10] == [200] * 10
    assert post(limited_app.test_client(), "/start", {"code": clear}).status_code == 429


def test_a_group_session_ended_early_no_longer_raises_the_ceiling(
    limited_app: Flask, session: Session, clock: time_machine.Coordinates
) -> None:
    survey_round, officer, clear = _room(session)
    open_group_session(session, officer, survey_round, 90, now_utc())
    session.commit()
    assert post(limited_app.test_client(), "/start", {"code": clear}).status_code == 303
    end_group_session(session, officer, survey_round, now_utc())
    session.commit()

    statuses = _guesses(limited_app, 11)

    assert statuses == [200] * 10 + [429]


def test_a_group_session_raises_the_ceiling_only_until_it_ends(
    limited_app: Flask, session: Session, clock: time_machine.Coordinates
) -> None:
    survey_round, officer, clear = _room(session)
    open_group_session(session, officer, survey_round, 30, now_utc())
    session.commit()
    assert post(limited_app.test_client(), "/start", {"code": clear}).status_code == 303
    clock.shift(timedelta(minutes=31))

    statuses = _guesses(limited_app, 11)

    assert statuses == [200] * 10 + [429]


def test_a_room_is_marked_in_redis_when_instances_share_their_counters(
    database_url: str, session: Session, clock: time_machine.Coordinates, tmp_path: Path
) -> None:
    """Redis takes whole seconds only: a mark with a fractional lifetime failed there."""
    survey_round, officer, clear = _room(session)
    open_group_session(session, officer, survey_round, 90, now_utc() - timedelta(seconds=0.5))
    session.commit()
    with redis_server(tmp_path) as redis_url:
        app = make_test_app(database_url, RATELIMIT_ENABLED=True, RATELIMIT_STORAGE_URI=redis_url)
        try:
            assert post(app.test_client(), "/start", {"code": clear}).status_code == 303
            statuses = _guesses(app, 20)
        finally:
            with app.app_context():
                limiter.reset()
                db.engine.dispose()
            # One limiter serves every app in the process: put it back on in-memory counters.
            with make_test_app(database_url, RATELIMIT_ENABLED=True).app_context():
                db.engine.dispose()
    assert statuses[:15] == [200] * 15
    assert statuses[15:] == [429] * 5

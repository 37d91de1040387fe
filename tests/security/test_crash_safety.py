"""Crash safety: SIGKILL the server mid-survey and no acknowledged answer is ever lost.

The app runs under gunicorn (two workers) as in production, on SQLite and on PostgreSQL.
Several respondents answer questions concurrently, each from its own loopback address with its
own cookies. Once a good share of pages has been acknowledged, the master and its workers are
killed with SIGKILL, so nothing gets to clean up. Then:

1. every page a respondent saw acknowledged (a 303 after its POST) is in the database with the
   value sent, because each view commits before it redirects;
2. the server restarts, and the same browsers carry on from where they were (their signed
   session cookies still name their responses), finish and submit; every response ends
   complete, holding exactly what was acknowledged, plus at most the page that was in flight
   when the server died (sent but never acknowledged, so it may or may not have been saved).

The database server itself is not killed: this is the web tier crashing, which is what a
deploy gone wrong, an out-of-memory kill or a host restart of the app container does.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bench._stack import BENCH_SECRET, app_environment, free_port
from survey_app.models import Answer, Response
from tests.factories import make_access_code, make_round
from tests.security.gunicorn_server import GunicornServer, flask_command
from tests.security.http_respondent import (
    HttpRespondent,
    ServerGoneError,
    answer_until,
    start,
    stored_value_matches,
    submit,
)
from tests.support.postgres import PostgresServer

pytestmark = pytest.mark.slow

RESPONDENTS = 6
PAUSE = 0.02  # seconds between pages: keeps respondents mid-survey when the kill lands
KILL_AFTER = 45  # acknowledged pages in total before the SIGKILL
RUN_DEADLINE = 120.0  # seconds: no loop in this test runs longer


@dataclass
class Run:
    """Shared state between the respondents' threads and the test."""

    server: GunicornServer
    code: str
    respondents: list[HttpRespondent]
    server_back: threading.Event = field(default_factory=threading.Event)
    errors: list[str] = field(default_factory=list)
    waiting: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def acknowledged_count(self) -> int:
        return sum(len(r.acknowledged) for r in self.respondents)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database for this test alone, migrated by the real ``flask db upgrade``."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    else:
        postgres: PostgresServer = request.getfixturevalue("postgres_server")
        url = postgres.create_database("care_voices_crash")
    flask_command(_environment(url, tmp_path), "db", "upgrade")
    return url


def _environment(database_url: str, workdir: Path) -> dict[str, str]:
    """The bench's app environment, as the test config (its rate limits and cookie name)."""
    return app_environment(database_url, workdir, CARE_VOICES_ENV="test")


@pytest.fixture
def engine(database: str) -> Iterator[Engine]:
    engine = create_engine(database)
    yield engine
    engine.dispose()


@pytest.fixture
def code(engine: Engine) -> str:
    """An access code for an open round, fixed to the 8 to 10 questionnaire."""
    with Session(engine) as session:
        survey_round = make_round(session, instruments=(("cic-8-10", 1),))
        _code, clear = make_access_code(session, survey_round, audience="cic-8-10")
        session.commit()
    return clear


@pytest.fixture
def server(database: str, tmp_path: Path) -> Iterator[GunicornServer]:
    env = _environment(database, tmp_path)
    server = GunicornServer(env=env, port=free_port(), log=tmp_path / "gunicorn.log")
    yield server.start()
    server.stop()


def test_no_acknowledged_page_is_lost_when_the_server_is_killed(
    server: GunicornServer,
    code: str,
    engine: Engine,
    record_property: Callable[[str, object], None],
) -> None:
    run = Run(server, code, [HttpRespondent(n, server.port) for n in range(RESPONDENTS)])
    threads = [threading.Thread(target=_respond, args=(run, r)) for r in run.respondents]
    for thread in threads:
        thread.start()
    _wait_for(lambda: run.acknowledged_count() >= KILL_AFTER or run.errors, "enough answers")
    server.kill()
    _wait_for(lambda: _all_stopped(run), "every respondent to notice the crash")
    acknowledged = {r.number: dict(r.acknowledged) for r in run.respondents}
    lost = _lost_pages(engine, run, acknowledged)
    server.start()
    run.server_back.set()
    for thread in threads:
        thread.join(timeout=RUN_DEADLINE)
    assert not any(thread.is_alive() for thread in threads), "a respondent never finished"
    assert run.errors == []
    checked = sum(len(pages) for pages in acknowledged.values())
    assert checked >= KILL_AFTER
    assert len(run.waiting) >= RESPONDENTS // 2, "the kill should land mid-survey"
    assert lost == []
    _assert_every_response_is_complete_and_exact(engine, run)
    summary = (
        f"crash test: {checked} acknowledged pages checked, {len(lost)} lost; "
        f"{len(run.waiting)} respondents resumed after the restart and finished"
    )
    record_property("summary", summary)  # printed at the end of the run by tests/conftest.py


def _respond(run: Run, respondent: HttpRespondent) -> None:
    """One child: start, answer until the crash, wait for the server, carry on and submit."""
    deadline = time.monotonic() + RUN_DEADLINE
    page = None
    try:
        while not respondent.finished and time.monotonic() < deadline:
            try:
                page = page or start(respondent, run.code)
                page = answer_until(respondent, page, pause=PAUSE, deadline=deadline)
                submit(respondent, page)
            except ServerGoneError:
                with run.lock:
                    run.waiting.add(respondent.number)
                run.server_back.wait(timeout=RUN_DEADLINE)
                page = respondent.follow("/continue") if respondent.started else None
    except Exception as error:  # reported to the test, which fails on it
        run.errors.append(f"respondent {respondent.number}: {error!r}")


def _all_stopped(run: Run) -> bool:
    """Every respondent has hit the dead server (or finished before it died, or failed)."""
    return all(r.number in run.waiting or r.finished for r in run.respondents) or bool(run.errors)


def _lost_pages(engine: Engine, run: Run, acknowledged: dict[int, dict[str, str]]) -> list[str]:
    """Acknowledged pages the database does not hold with the value sent."""
    lost = []
    for respondent in run.respondents:
        stored = _stored_answers(engine, respondent)
        for item_id, sent in acknowledged[respondent.number].items():
            if item_id not in stored or not stored_value_matches(stored[item_id], sent):
                lost.append(f"respondent {respondent.number}: {item_id}")
    return lost


def _stored_answers(engine: Engine, respondent: HttpRespondent) -> dict[str, str]:
    with Session(engine) as session:
        response = _response_of(session, respondent)
        rows = session.scalars(select(Answer).where(Answer.response_id == response.id))
        return {answer.item_id: answer.value for answer in rows}


def _response_of(session: Session, respondent: HttpRespondent) -> Response:
    """The response a respondent's session cookie names (the cookie is signed, not secret)."""
    public_id = _public_id(respondent.cookies["session"])
    return session.scalars(select(Response).where(Response.public_id == public_id)).one()


def _public_id(cookie: str) -> str:
    from flask import Flask
    from flask.sessions import SecureCookieSessionInterface

    signer = Flask(__name__)
    signer.secret_key = BENCH_SECRET
    serializer = SecureCookieSessionInterface().get_signing_serializer(signer)
    assert serializer is not None
    return serializer.loads(cookie)["response"]


def _assert_every_response_is_complete_and_exact(engine: Engine, run: Run) -> None:
    """Each response is complete and holds what was acknowledged, plus any in-flight page."""
    for respondent in run.respondents:
        with Session(engine) as session:
            assert _response_of(session, respondent).status == "completed"
        stored = _stored_answers(engine, respondent)
        expected = {**respondent.unconfirmed, **respondent.acknowledged}
        assert set(respondent.acknowledged) <= set(stored) <= set(expected)
        for item_id, value in stored.items():
            assert stored_value_matches(value, expected[item_id]), (respondent.number, item_id)


def _wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + RUN_DEADLINE
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)

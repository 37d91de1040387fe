"""Anonymity audit (R-DP-1 to R-DP-3): after a full end-to-end run, nothing identifying is kept.

The scenario goes through the real app as people would: children complete every instrument
from different addresses (IPv4 and IPv6) and browsers, one saves a resume code and carries on
from another device; an officer signs in, makes a batch of access codes, reads monitoring and
the report, moderates a free-text answer and downloads the responses. Then every column of
every table, and every line the app logged, is scanned for:

- client addresses (the ones used, and anything shaped like an IPv4 or IPv6 address);
- user agents (the ones used, and browser product tokens);
- access codes and resume codes in clear;
- a time of day attached to a response: no date-time or time column, and no ``hh:mm`` text,
  in the respondent tables.

Staff-side tables (audit events, staff accounts, moderation decisions) may hold exact times of
what staff did; they never hold a respondent's address, browser or code.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, time
from io import StringIO

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from questionnaires import load_catalogue
from survey_app.common.logs import LOGGER_NAME, JsonFormatter
from survey_app.models import SurveyRound
from tests.factories import ALL_INSTRUMENTS, make_access_code, make_round, make_staff
from tests.integration.auth.staff_client import csrf_token, sign_in

pytestmark = pytest.mark.slow

RESPONDENT_TABLES = {"response", "answer", "access_code"}
CHILDREN = (
    ("cic-4-7", "198.51.100.23", "Mozilla/5.0 (iPad; CPU OS 17_0) AppleWebKit/605.1.15 Safari"),
    ("cic-8-10", "2001:db8::8a2e:370:7334", "Mozilla/5.0 (X11; Linux x86_64) Gecko Firefox/128"),
    ("cic-11-17", "203.0.113.77", "Mozilla/5.0 (Linux; Android 14) Chrome/126 Mobile"),
    ("leavers-16-25", "192.0.2.140", "Mozilla/5.0 (Windows NT 10.0) Edg/126.0 CareVoicesAudit"),
)
SECOND_DEVICE = ("2001:db8:1234::42", "Mozilla/5.0 (Macintosh) AppleWebKit Safari/17 Second")
STAFF_DEVICE = ("192.0.2.7", "Mozilla/5.0 (Windows NT 10.0; Win64) Chrome/126 Officer")
FREE_TEXT = "More trips to the seaside please"
IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
IPV6 = re.compile(r"(?i)[0-9a-f]*:[0-9a-f:]*:[0-9a-f.]*")  # candidates; ipaddress decides
BROWSER_TOKENS = re.compile(r"Mozilla/|AppleWebKit|Gecko/|Chrome/|Safari/|Firefox/|Edg/")
TIME_OF_DAY = re.compile(r"(?<!\d)(?:[01]\d|2[0-3]):[0-5]\d(?!\d)")
RESUME_CODE = re.compile(r'id="resume-code">\s*([^<\s]+)')
BATCH_CODE = re.compile(r"<li><code>([^<]+)</code></li>")


@dataclass
class Trace:
    """What the scenario used that must never be kept: addresses, agents and clear codes."""

    addresses: set[str] = field(default_factory=set)
    agents: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)


@pytest.fixture
def app_logs() -> Iterator[StringIO]:
    """Every line the app's logger (and any library logging to the root) writes, as the app
    formats it for stdout; propagation is off for the app's logger, so it is tapped directly."""
    buffer = StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(JsonFormatter())
    tapped = [logging.getLogger(LOGGER_NAME), logging.getLogger()]
    for logger in tapped:
        logger.addHandler(handler)
    yield buffer
    for logger in tapped:
        logger.removeHandler(handler)


def _device(client: FlaskClient, trace: Trace, address: str, agent: str) -> None:
    client.environ_base.update(REMOTE_ADDR=address, HTTP_USER_AGENT=agent)
    trace.addresses.add(address)
    trace.agents.add(agent)


def _answer_for(item_type: str, options: tuple[str, ...]) -> str:
    return FREE_TEXT if item_type == "free_text" else options[0]


def _answer_questions(client: FlaskClient, instrument: str, path: str, stop_after: int) -> str:
    """Answer each question from ``path`` (at most ``stop_after``); return the next path."""
    version = load_catalogue().get(f"{instrument}@v1")
    answered = 0
    while path.startswith("/q/") and answered < stop_after:
        item = version.item(path.removeprefix("/q/").split("?")[0])
        data = {
            "csrf_token": csrf_token(client, path),
            "answer": _answer_for(item.type, item.option_values),
        }
        saved = client.post(path, data=data)
        assert saved.status_code == 303, (path, saved.status_code)
        path = saved.headers["Location"]
        if not path.startswith(("/q/", "/check")):
            path = client.get("/continue").headers["Location"]
        answered += 1
    return path


def _finish(client: FlaskClient) -> None:
    sent = client.post("/check", data={"csrf_token": csrf_token(client, "/check")})
    assert sent.headers["Location"].endswith("/done")


def _child(app: Flask, trace: Trace, instrument: str, code: str, device: tuple[str, str]) -> None:
    """One child: poster link, welcome, every question, send. The 11 to 17 one saves midway."""
    client = app.test_client()
    _device(client, trace, *device)
    assert client.get(f"/s/{code}").status_code == 303
    started = client.post("/welcome", data={"csrf_token": csrf_token(client, "/welcome")})
    path = started.headers["Location"]
    if instrument == "cic-11-17":
        path = _answer_questions(client, instrument, path, stop_after=5)
        saved = client.post("/save", data={"csrf_token": csrf_token(client, "/save")})
        resume_code = RESUME_CODE.search(saved.get_data(as_text=True)).group(1)
        trace.codes.add(resume_code)
        client = app.test_client()
        _device(client, trace, *SECOND_DEVICE)
        form = {"csrf_token": csrf_token(client, "/resume"), "code": resume_code}
        assert client.post("/resume", data=form).status_code == 303
        path = client.get("/continue").headers["Location"]
    _answer_questions(client, instrument, path, stop_after=200)
    _finish(client)


def _officer(app: Flask, session: Session, trace: Trace, survey_round_id: int) -> None:
    """An officer: sign in, make codes, monitoring, report, moderation, export."""
    survey_round = session.get(SurveyRound, survey_round_id)
    officer = make_staff(session, local_authority=survey_round.local_authority)
    session.commit()
    client = app.test_client()
    _device(client, trace, *STAFF_DEVICE)
    # sign_in gives each client its own address; session protection then keeps it the same.
    assert sign_in(client, officer).status_code == 302
    trace.addresses.add(client.environ_base["REMOTE_ADDR"])
    base = f"/admin/rounds/{survey_round_id}"
    form = {"csrf_token": csrf_token(client, f"{base}/codes"), "label": "Virtual school"}
    made = client.post(f"{base}/codes", data={**form, "audience": "any", "count": "3"})
    assert made.status_code == 302, "the batch should have been made"
    trace.codes.update(BATCH_CODE.findall(client.get(made.headers["Location"]).get_data(True)))
    assert client.get(f"{base}/codes/poster.pdf").status_code == 200
    assert client.get(f"{base}/monitoring").status_code == 200
    assert client.get(f"/reports/rounds/{survey_round_id}").status_code == 200
    queue = client.get(f"{base}/moderation").get_data(as_text=True)
    answer_id = re.search(rf"{base}/moderation/(\d+)", queue)
    if answer_id:
        path = f"{base}/moderation/{answer_id.group(1)}"
        client.post(path, data={"csrf_token": csrf_token(client, path), "decision": "approve"})
    export = client.get(f"{base}/exports/responses.csv")
    assert export.status_code == 200
    export.get_data()
    export.close()


def _every_value(session: Session) -> Iterator[tuple[str, str, object]]:
    """(table, column, value) for every column of every row of every table in the database."""
    for table in inspect(session.get_bind()).get_table_names():
        for row in session.execute(text(f'SELECT * FROM "{table}"')).mappings():
            for column, value in row.items():
                yield table, column, value


def _identifying(value: str, trace: Trace) -> list[str]:
    """What in ``value`` could identify a respondent: address, agent or a clear code."""
    found = [f"address {a}" for a in trace.addresses if a in value]
    found += [f"agent {a[:20]}" for a in trace.agents if a in value]
    found += [f"code {c}" for c in trace.codes if c.lower() in value.lower()]
    found += [f"IPv4-like {m}" for m in IPV4.findall(value) if _is_address(m)]
    found += [f"IPv6-like {m}" for m in IPV6.findall(value) if _is_address(m)]
    if BROWSER_TOKENS.search(value):
        found.append("a browser product token")
    return found


def _is_address(candidate: str) -> bool:
    try:
        ipaddress.ip_address(candidate)
    except ValueError:
        return False
    return True


def test_no_table_or_log_line_keeps_an_address_agent_code_or_time_of_answering(
    app: Flask, session: Session, app_logs: StringIO
) -> None:
    survey_round = make_round(session, instruments=ALL_INSTRUMENTS)
    codes = {i: make_access_code(session, survey_round, audience=i)[1] for i, _v in ALL_INSTRUMENTS}
    session.commit()
    # Read now: the children's pages share this test's session, and a page that only reads
    # closes it when done, detaching the round.
    round_id = survey_round.id
    trace = Trace(codes=set(codes.values()))
    for instrument, address, agent in CHILDREN:
        _child(app, trace, instrument, codes[instrument], (address, agent))
    _officer(app, session, trace, round_id)
    assert len(trace.codes) >= len(codes) + 3, "the scenario should have met every kind of code"

    session.expire_all()
    problems = []
    for table, column, value in _every_value(session):
        where = f"{table}.{column}"
        if table in RESPONDENT_TABLES and isinstance(value, datetime | time):
            problems.append(f"{where} holds a time of day")
        if not isinstance(value, str):
            continue
        if table in RESPONDENT_TABLES and TIME_OF_DAY.search(value):
            problems.append(f"{where} holds a time of day")
        problems += [f"{where} holds {what}" for what in _identifying(value, trace)]
    log_text = app_logs.getvalue()
    assert log_text.count('"message": "request"') > 200, "the request log should be captured"
    problems += [f"the logs hold {what}" for what in _identifying(log_text, trace)]
    assert FREE_TEXT not in log_text, "the logs hold an answer"
    assert problems == []

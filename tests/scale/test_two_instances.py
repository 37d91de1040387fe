"""Scale-out: two app instances on one PostgreSQL and one Redis behave exactly like one.

Two gunicorn instances of ``wsgi:app`` (the production entry point, rate limits on) listen on
loopback ports and share one database, one ``REDIS_URL`` and one ``SECRET_KEY``, as they would
behind a load balancer. Sessions are signed cookies, so no request depends on which instance
served the one before: a journey that hops instance on every request completes, a replayed
answer or submission lands once, a resume code made on one works on the other, and the
code-entry rate limit counts requests to both.
"""

from __future__ import annotations

import itertools
import random
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from sqlalchemy import create_engine, text

from bench._client import Browser, JourneyFailedError, Page, Sample
from bench._respondent import demo_items, enter_survey, survey_journey
from bench._stack import app_environment, gunicorns, migrate_and_seed, redis_server
from questionnaires import load_catalogue
from survey_app.services.access_codes import hash_code
from tests.support.postgres import PostgresServer

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.xdist_group("scale")]

DEADLINE_S = 60.0
_RESUME_CODE = re.compile(r'id="resume-code">([^<]+)<')


@dataclass(frozen=True)
class Stack:
    """Two instances, their shared database and Redis, and the demo round's access code."""

    instance_urls: tuple[str, str]
    database_url: str
    redis_url: str
    code: str


@pytest.fixture(scope="module")
def stack(postgres_server: PostgresServer) -> Iterator[Stack]:
    database_url = postgres_server.create_database("care_voices_scale")
    with tempfile.TemporaryDirectory(prefix="cv-scale-") as tmp, ExitStack() as running:
        workdir = Path(tmp)
        redis_url = running.enter_context(redis_server(workdir))
        env = app_environment(database_url, workdir, REDIS_URL=redis_url)
        code = migrate_and_seed(env)
        servers = [("wsgi:app", workdir / f"{name}.log") for name in ("a", "b")]
        urls = running.enter_context(gunicorns(servers, env, workers=2))
        yield Stack(urls, database_url, redis_url, code)


@pytest.fixture(autouse=True)
def _fresh_rate_limits(stack: Stack) -> None:
    """Each test starts with empty shared counters (they live in Redis, not in either app)."""
    client = redis.Redis.from_url(stack.redis_url)
    try:
        client.flushdb()
    finally:
        client.close()


class HoppingBrowser(Browser):
    """Sends each request to the next instance in turn, as a round-robin load balancer would."""

    def __init__(self, urls: tuple[str, ...], samples: list[Sample]) -> None:
        super().__init__(urls[0], samples, time.monotonic() + DEADLINE_S)
        self._ports = itertools.cycle(int(url.rsplit(":", 1)[1]) for url in urls)

    def _request(self, method: str, path: str, body: bytes | None) -> Page:
        self.port = next(self._ports)
        return super()._request(method, path, body)


def browser(url: str) -> Browser:
    return Browser(url, [], time.monotonic() + DEADLINE_S)


def on(url: str, other: Browser) -> Browser:
    """A browser on ``url`` holding the same cookie as ``other``: the same person, another box."""
    moved = browser(url)
    moved.cookies = dict(other.cookies)
    return moved


def answers_for(stack: Stack, resume_code: str, item_id: str) -> list[tuple[str, str]]:
    """(status, value) rows of one response's answers to ``item_id``, found by resume code."""
    engine = create_engine(stack.database_url)
    query = text(
        "SELECT r.status, a.value FROM response r JOIN answer a ON a.response_id = r.id"
        " WHERE r.resume_code_hash = :digest AND a.item_id = :item"
    )
    try:
        with engine.connect() as connection:
            rows = connection.execute(query, {"digest": hash_code(resume_code), "item": item_id})
            return [tuple(row) for row in rows]
    finally:
        engine.dispose()


def resume_code(page: Page) -> str:
    found = _RESUME_CODE.search(page.text)
    assert found, "no resume code on the page"
    return found.group(1).strip()


def test_a_journey_that_hops_instance_on_every_request_completes(stack: Stack) -> None:
    samples: list[Sample] = []
    items = demo_items(load_catalogue())
    survey_journey(
        HoppingBrowser(stack.instance_urls, samples), stack.code, items, random.Random(7), 0
    )
    assert len(samples) > 20
    assert [s for s in samples if s.error] == []


def test_a_replayed_answer_and_submission_land_once_across_instances(stack: Stack) -> None:
    url_a, url_b = stack.instance_urls
    first = browser(url_a)
    question = enter_survey(first, stack.code, random.Random(1))
    item_id = question.path.removeprefix("/q/")
    form = {"csrf_token": question.token, "action": "continue"}
    form["answer"] = demo_items(load_catalogue())[item_id].option_values[0]
    saved_on_a = first.post(question.path, form)
    saved_on_b = on(url_b, first).post(question.path, form)
    assert saved_on_a.location == saved_on_b.location
    save_page = first.get("/save")
    code = resume_code(first.post("/save", {"csrf_token": save_page.token}))
    assert answers_for(stack, code, item_id) == [("in_progress", form["answer"])]
    check = first.get("/check")
    assert first.post("/check", {"csrf_token": check.token}).location == "/done"
    assert on(url_b, first).post("/check", {"csrf_token": check.token}).location == "/done"
    assert answers_for(stack, code, item_id) == [("completed", form["answer"])]


def test_a_resume_code_made_on_one_instance_works_on_the_other(stack: Stack) -> None:
    url_a, url_b = stack.instance_urls
    first = browser(url_a)
    question = enter_survey(first, stack.code, random.Random(2))
    item = demo_items(load_catalogue())[question.path.removeprefix("/q/")]
    # The last option: the first is often an answer that signals risk, which shows a support page.
    form = {"csrf_token": question.token, "action": "continue", "answer": item.option_values[-1]}
    next_question = first.post(question.path, form).location
    code = resume_code(first.post("/save", {"csrf_token": first.get("/save").token}))
    other_device = browser(url_b)
    resumed = other_device.post(
        "/resume", {"csrf_token": other_device.get("/resume").token, "code": code}
    )
    assert other_device.follow(resumed).path == next_question


def test_the_code_entry_rate_limit_counts_requests_to_both_instances(stack: Stack) -> None:
    visitors = [browser(url) for url in stack.instance_urls]
    for attempt in range(10):
        visitor = visitors[attempt % 2]
        refused = visitor.post(
            "/start", {"csrf_token": visitor.get("/start").token, "code": "no-such-code-11"}
        )
        assert refused.status == 200
    with pytest.raises(JourneyFailedError, match="HTTP 429"):
        visitors[0].post("/start", {"csrf_token": visitors[0].get("/start").token, "code": "x"})

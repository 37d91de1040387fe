"""``python bench/_cycle_cpu.py OUT.json JOURNEYS``: CPU per question cycle, in this process.

Run by ``bench.cycle_cpu`` as a child process whose environment names a migrated, seeded
database (``DATABASE_URL``, ``SECRET_KEY``, ``CARE_VOICES_INSTANCE_PATH``) and whose
``PYTHONPATH`` names the source tree to measure, so the same script measures today's code and an
older checkout alike: it imports nothing from ``bench`` and reads answers off the pages.

Each journey enters the demo code (``BENCH_CODE``) as its own browser from its own address,
then answers every question shown (a middle choice, two boxes, or a sentence), passing over
any support page, and submits.
Rate limits are on, as in production. For each question cycle (the question's ``GET`` and the
answer's ``POST``) the thread's CPU time, the SQL statements and the page's bytes are recorded,
and for each journey its whole CPU time, from the poster link to the thank-you page (the entry
pages, check your answers and submission included, and this script's own reading of the
pages); the first journey warms up and is not counted.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event
from sqlalchemy.engine import Engine

from survey_app import create_app

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
_CHOICE = re.compile(r'name="choice"[^>]*value="([^"]+)"')
_RADIO = re.compile(r'name="answer" type="radio" value="([^"]+)"')
_CHECKBOX = re.compile(r'name="answer" type="checkbox" value="([^"]+)"')
_NEXT = re.compile(r"[?&]next=([^&]+)")
_TEXT = "I would like to see my brother more often."
MAX_PAGES = 150
_statements = [0]


def _count(*_args: object, **_kwargs: object) -> None:
    _statements[0] += 1


def _follow(client: FlaskClient, reply: Any) -> Any:
    """Follow redirects as a browser does."""
    for _ in range(5):
        if reply.status_code not in (302, 303):
            return reply
        reply = client.get(reply.headers["Location"])
    raise RuntimeError("too many redirects")


def _token(reply: Any) -> str:
    return _TOKEN.search(reply.get_data(as_text=True)).group(1)


def _enter(client: FlaskClient, code: str) -> Any:
    """From the poster link to the first question: care and age choices, welcome, briefing."""
    page = _follow(client, client.get(f"/s/{code}"))
    while page.request.path in ("/start/care", "/start/age"):
        choice = _CHOICE.findall(page.get_data(as_text=True))[0]
        form = {"csrf_token": _token(page), "choice": choice}
        page = _follow(client, client.post(page.request.path, data=form))
    if 'href="/before-you-start"' in page.get_data(as_text=True):
        page = client.get("/before-you-start")
    return _follow(client, client.post("/welcome", data={"csrf_token": _token(page)}))


def _answer(html: str) -> dict[str, Any]:
    """A plausible answer read off the question page (a middle choice: fewer support pages)."""
    boxes = _CHECKBOX.findall(html)
    if boxes:
        return {"action": "continue", "answer": boxes[:2]}
    radios = _RADIO.findall(html)
    return {"action": "continue", "answer": radios[len(radios) // 2] if radios else _TEXT}


def _journey(app: Flask, code: str, number: int, cycles: list[dict[str, float]]) -> float:
    """One respondent's whole survey; append one record per question cycle and return the
    journey's CPU ms."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = f"10.0.{number // 256 % 256}.{number % 256}"
    journey_started = time.thread_time()
    path = _enter(client, code).request.path
    for _ in range(MAX_PAGES):
        if not path.startswith("/q/"):
            break
        record: dict[str, float] = {}
        started, _statements[0] = time.thread_time(), 0
        page = client.get(path)
        record["get_cpu_ms"] = 1000 * (time.thread_time() - started)
        record["get_sql"], record["get_bytes"] = _statements[0], len(page.get_data())
        form = {"csrf_token": _token(page), **_answer(page.get_data(as_text=True))}
        started, _statements[0] = time.thread_time(), 0
        saved = client.post(path, data=form)
        record["post_cpu_ms"] = 1000 * (time.thread_time() - started)
        record["post_sql"] = _statements[0]
        if saved.status_code != 303:
            raise RuntimeError(f"saving {path} answered {saved.status_code}")
        cycles.append(record)
        path = _next_question(client, saved.headers["Location"])
    _submit(client)
    return 1000 * (time.thread_time() - journey_started)


def _submit(client: FlaskClient) -> None:
    """Check your answers, send them, and land on the thank-you page."""
    check = client.get("/check")
    done = _follow(client, client.post("/check", data={"csrf_token": _token(check)}))
    if done.request.path != "/done":
        raise RuntimeError(f"sending the answers led to {done.request.path}")


def _next_question(client: FlaskClient, location: str) -> str:
    """Where a save leads: a question, or past a support page (``?next=``) to the next one."""
    found = _NEXT.search(location)
    if found:
        return f"/q/{found.group(1)}"
    return (
        location
        if location.startswith("/q/")
        else _follow(client, client.get(location)).request.path
    )


def main(out: Path, journeys: int) -> None:
    """Measure ``journeys`` journeys after one warm-up; write the cycle records and each
    journey's CPU ms as JSON."""
    app = create_app({"RATELIMIT_ENABLED": True})
    event.listen(Engine, "before_cursor_execute", _count)
    code, cycles = os.environ["BENCH_CODE"], []
    _journey(app, code, 0, [])
    whole = [_journey(app, code, number, cycles) for number in range(1, journeys + 1)]
    out.write_text(json.dumps({"cycles": cycles, "journeys": whole}))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))

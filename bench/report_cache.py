"""Benchmark: a closed round's report and PDF, built once and then served from the cache.

Seeds the demo into a throw-away SQLite database, signs a demo service lead in through the real
forms, and times requests through the app: the report page and its PDF download the first
time (built and stored) and then again (read from ``instance/report-cache``). Target: the
second request in under 100 ms (docs/reports.md). Not a timed test: ``python -m bench
report_cache`` prints the figures.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import select

from survey_app import create_app
from survey_app.extensions import db
from survey_app.models import LocalAuthority, SurveyRound

LEAD = "lead@demo.care-voices.test"
CLOSED_ROUND_OF = "E09000999"
"""Demo Borough, the service lead's own authority: its earlier round is closed, so its report
can no longer change."""
_TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def run(quick: bool = False) -> dict[str, object]:
    """Time the first and the repeated requests for a closed round's page and PDF."""
    repeats = 5 if quick else 20
    with tempfile.TemporaryDirectory(prefix="cv-bench-report-cache-") as folder:
        app = _app(Path(folder))
        round_id, password = _seed(app)
        client = _signed_in(app, password)
        page = f"/reports/rounds/{round_id}"
        figures: dict[str, object] = {"round_status": "closed"}
        for name, path in (("page", page), ("pdf", f"{page}/report.pdf")):
            first = _timed(client, path)
            again = [_timed(client, path) for _ in range(repeats)]
            figures[f"{name}_first_ms"] = first
            figures[f"{name}_cached_median_ms"] = statistics.median(again)
            figures[f"{name}_cached_max_ms"] = max(again)
        figures["cache_files"] = len(list((Path(folder) / "report-cache").iterdir()))
        figures["load_average"] = os.getloadavg()[0]
        with app.app_context():
            db.engine.dispose()
    return figures


def _app(folder: Path) -> Flask:
    """The real app on a new SQLite file, with demo sign-in and no rate limits."""
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
            "REPORT_CACHE_FOLDER": str(folder / "report-cache"),
            "RATELIMIT_ENABLED": False,
            "CARE_VOICES_DEMO_WITHOUT_SECOND_FACTOR": True,
        }
    )
    with app.app_context():
        upgrade()
    return app


def _seed(app: Flask) -> tuple[int, str]:
    """Seed the demo; the closed round's id and the service lead's password."""
    result = app.test_cli_runner().invoke(args=["demo", "seed"])
    seed = json.loads(result.output.strip().splitlines()[-1])
    password = next(s["password"] for s in seed["staff"] if s["email"] == LEAD)
    with app.app_context():
        query = (
            select(SurveyRound.id)
            .join(LocalAuthority)
            .where(LocalAuthority.code == CLOSED_ROUND_OF, SurveyRound.status == "closed")
            .order_by(SurveyRound.opens_on.desc())
            .limit(1)
        )
        return db.session.scalars(query).one(), password


def _signed_in(app: Flask, password: str) -> FlaskClient:
    """A client signed in as the demo service lead through the sign-in form."""
    client = app.test_client()
    form = client.get("/auth/sign-in").get_data(as_text=True)
    token = _TOKEN.search(form)
    data = {"csrf_token": token.group(1) if token else "", "email": LEAD, "password": password}
    reply = client.post("/auth/sign-in", data=data)
    if reply.status_code != 302:
        raise RuntimeError("the demo service lead could not sign in")
    return client


def _timed(client: FlaskClient, path: str) -> float:
    """Milliseconds to get ``path`` (which must answer 200)."""
    started = time.perf_counter()
    reply = client.get(path)
    elapsed = 1000 * (time.perf_counter() - started)
    if reply.status_code != 200:
        raise RuntimeError(f"{path} answered {reply.status_code}")
    return elapsed


def main() -> None:
    """Print the figures, one per line."""
    for name, value in run(quick="--quick" in sys.argv).items():
        print(f"{name}: {value:.1f}" if isinstance(value, float) else f"{name}: {value}")


if __name__ == "__main__":
    main()

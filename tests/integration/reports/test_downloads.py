"""Report downloads: the same figures as the page, permission-checked, audited, never cached
by the browser, each kind with its own limit."""

from __future__ import annotations

import io
import subprocess
import zipfile
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import AuditEvent
from tests.factories import make_round, make_staff
from tests.integration.reports.conftest import ADMIN, LEAD, OFFICER, Demo

# Slow: each test builds whole reports; left out of `make test-fast`, run by `make test`.
pytestmark = [pytest.mark.xdist_group("reports"), pytest.mark.slow]
StaffClient = Callable[[str], FlaskClient]


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as pdftotext (poppler) extracts it, whitespace collapsed."""
    command = ["/usr/bin/pdftotext", "-", "-"]
    out = subprocess.run(command, input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def _download_events(app: Flask) -> list[AuditEvent]:
    with app.app_context():
        query = select(AuditEvent).where(AuditEvent.action == "report.download")
        return list(db.session.scalars(query.order_by(AuditEvent.id)))


def test_the_pdf_is_audited_and_not_cached_by_the_browser(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    before = len(_download_events(app))

    reply = staff_client(LEAD).get(f"/reports/rounds/{demo.current_round_id}/report.pdf")

    assert reply.status_code == 200
    assert reply.mimetype == "application/pdf"
    assert reply.headers["Cache-Control"] == "no-store"
    assert reply.headers["Content-Disposition"].startswith("attachment;")
    assert "Demo Borough Council" in pdf_text(reply.data)
    events = _download_events(app)
    assert len(events) == before + 1
    assert events[-1].subject == f"round {demo.current_round_id}: pdf"
    assert events[-1].actor_email == LEAD


def test_a_second_download_of_the_pdf_is_the_stored_file_and_is_audited_again(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    client = staff_client(ADMIN)
    path = f"/reports/rounds/{demo.other_round_id}/report.pdf"
    before = len(_download_events(app))

    first, second = client.get(path), client.get(path)

    assert first.data == second.data
    assert len(_download_events(app)) == before + 2


def test_the_data_downloads_hold_every_table(staff_client: StaffClient, demo: Demo) -> None:
    client = staff_client(OFFICER)
    base = f"/reports/rounds/{demo.current_round_id}"

    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{base}/report-data.zip").data))
    workbook = client.get(f"{base}/report.xlsx")
    table = client.get(f"{base}/tables/indicators.csv")

    names = sorted(name.rsplit("-", 1)[-1] for name in archive.namelist())
    assert "indicators.csv" in names
    assert "notes.csv" in names
    assert workbook.data.startswith(b"PK")
    assert table.mimetype == "text/csv"
    assert table.headers["Cache-Control"] == "no-store"
    assert client.get(f"{base}/tables/passwords.csv").status_code == 404


def test_another_authoritys_downloads_are_not_found_and_not_audited(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    with app.app_context():
        outsider = make_staff(db.session, role="participation_officer")
        db.session.commit()
        email = outsider.email
    client = staff_client(email)
    before = len(_download_events(app))

    for path in ("report.pdf", "report-data.zip", "report.xlsx", "tables/indicators.csv"):
        assert client.get(f"/reports/rounds/{demo.current_round_id}/{path}").status_code == 404
    assert len(_download_events(app)) == before


def test_each_download_has_its_own_hourly_limit_and_page_views_count_against_none(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    with app.app_context():
        empty = make_round(db.session)  # Nothing to build, so each try is quick.
        db.session.commit()
        round_id = empty.id
    client = staff_client(ADMIN)
    base = f"/reports/rounds/{round_id}"

    answers = [client.get(f"{base}/report.pdf").status_code for _ in range(31)]

    assert answers == [404] * 30 + [429]
    assert client.get(f"{base}/report-data.zip").status_code == 404
    assert client.get(f"{base}/tables/indicators.csv").status_code == 404
    assert client.get(base).status_code == 200

"""Every download works through a real server, on SQLite and on PostgreSQL.

Flask's test client consumes a response inside the request, so a streamed download that needs
the request's database session after the view returns passes every unit test and still fails
under gunicorn (the CSV export's ``DetachedInstanceError`` did exactly that). Here the app runs
as deployed: gunicorn in production configuration, two workers, serving HTTPS itself with a
self-signed certificate, on a database built by ``flask db upgrade`` and filled by
``flask demo seed``. An officer signs in through the real forms (password, then the code from
an authenticator app), makes a batch of codes with the "Make codes" form, and fetches every
download route. Each file must come back 200 as an attachment of the right type and open in
the library a reader would use: the csv module, openpyxl, pyreadstat, zipfile, pdftotext.

A download's URL ends with its file name (``report.pdf``, ``responses.<kind>``). The test walks
the URL map for such routes and fails when one appears that it does not know how to fetch.
"""

from __future__ import annotations

import csv
import io
import itertools
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pyreadstat
import pytest
from flask import Flask
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from bench._stack import app_environment, free_port
from survey_app import create_app
from survey_app.models import Response, RoundInstrument, SurveyRound
from survey_app.reports.files import TABLES
from tests.factories import make_staff
from tests.security.gunicorn_server import GunicornServer, flask_command
from tests.security.http_staff import HttpStaff, Reply
from tests.support.pdfs import pdf_text
from tests.support.tls import self_signed_certificate

# One worker runs each database's half of this module, so its server starts once (loadgroup).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("downloads")]

PROGRAMME_DOWNLOADS = {
    *("reports.programme_rates_csv", "reports.programme_results_csv"),
    *("reports.programme_notes_csv", "reports.programme_download_xlsx"),
}
"""For programme admins only: fetched by an admin, not the officer."""
KNOWN_DOWNLOADS = {
    *("admin.export_responses", "admin.export_codebook", "admin.code_poster"),
    *("admin.code_cards", "reports.download_pdf", "reports.download_xlsx"),
    *("reports.download_zip", "reports.download_table", "reports.you_said_download"),
    *("admin.paper_questionnaire", "admin.monitoring_download"),
    *PROGRAMME_DOWNLOADS,
}
EXPORT_KINDS = ("csv", "xlsx", "sav")
CONTENT_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "sav": "application/x-spss-sav",
    "zip": "application/zip",
    "pdf": "application/pdf",
}
CODES_IN_BATCH = 3


def download_endpoints(app: Flask) -> set[str]:
    """Endpoints of the GET routes whose URL ends with a file name (``name.ext``)."""
    return {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods
        and rule.endpoint != "static"
        and "." in rule.rule.rsplit("/", 1)[-1]
    }


def test_every_download_route_is_fetched_through_gunicorn() -> None:
    """A new download route fails here until the end-to-end test below learns to fetch it."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "TESTING": True})
    assert download_endpoints(app) == KNOWN_DOWNLOADS


@dataclass(frozen=True)
class Served:
    """gunicorn over HTTPS on a demo-seeded database, an open round and its officer."""

    database: str
    server: GunicornServer
    round_id: int
    instruments: tuple[str, ...]
    officer: str
    admin: str


def _seed_officer(database_url: str) -> tuple[int, tuple[str, ...], str]:
    """The open round with the most completed responses, its questionnaires, and a new
    officer of its local authority (``make_staff``: known password and second factor)."""
    engine = create_engine(database_url)
    try:
        with Session(engine) as session:
            completed = func.count(Response.id)
            query = select(SurveyRound).join(Response).where(SurveyRound.status == "open")
            query = query.where(Response.status == "completed").group_by(SurveyRound.id)
            survey_round = session.scalars(query.order_by(completed.desc()).limit(1)).one()
            officer = make_staff(session, local_authority=survey_round.local_authority)
            instruments = session.scalars(
                select(RoundInstrument.instrument).where(
                    RoundInstrument.round_id == survey_round.id
                )
            ).all()
            session.commit()
            return survey_round.id, tuple(sorted(instruments)), officer.email
    finally:
        engine.dispose()


def _seed_admin(database_url: str) -> str:
    """A new programme admin (``make_staff``: known password and second factor)."""
    engine = create_engine(database_url)
    try:
        with Session(engine) as session:
            admin = make_staff(session, role="programme_admin")
            session.commit()
            return admin.email
    finally:
        engine.dispose()


def _database_url(kind: str, request: pytest.FixtureRequest, workdir: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'care_voices.sqlite3'}"
    return request.getfixturevalue("postgres_server").create_database("care_voices_downloads")


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    """Production gunicorn serving TLS on a migrated, demo-seeded database of each kind."""
    workdir = tmp_path_factory.mktemp(f"downloads-{request.param}")
    url = _database_url(request.param, request, workdir)
    env = app_environment(url, workdir, CARE_VOICES_ENV="production")
    flask_command(env, "db", "upgrade")
    flask_command(env, "demo", "seed")
    round_id, instruments, officer = _seed_officer(url)
    admin = _seed_admin(url)
    tls = self_signed_certificate(workdir)
    server = GunicornServer(env, free_port(), workdir / "gunicorn.log", tls=tls).start()
    yield Served(request.param, server, round_id, instruments, officer, admin)
    server.stop()


def download_paths(app: Flask, served: Served) -> list[str]:
    """The path of every file the known download routes serve for the officer's round: one
    per export format, report table, questionnaire and language (each combination) where the
    route takes those."""
    variants = {"kind": EXPORT_KINDS, "table": TABLES, "instrument": served.instruments}
    variants["language"] = ("en", "cy")
    urls = app.url_map.bind("localhost")
    paths = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint not in KNOWN_DOWNLOADS - PROGRAMME_DOWNLOADS:
            continue
        names = sorted(rule.arguments - {"round_id"})
        for values in itertools.product(*(variants[name] for name in names)):
            choice = dict(zip(names, values, strict=True))
            paths.append(urls.build(rule.endpoint, {"round_id": served.round_id, **choice}))
    return paths


def csv_rows(body: bytes) -> list[list[str]]:
    """The rows of a CSV file, which starts with its header row (no title or comment line, which
    would break a reader's header detection); every row must be as wide as the header."""
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows, "an empty file"
    assert rows[0], "no header row"
    assert not rows[0][0].startswith("#"), "a comment line before the header"
    assert {len(row) for row in rows} == {len(rows[0])}, "rows of different widths"
    return rows


def xlsx_rows(body: bytes) -> int:
    workbook = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    assert workbook.sheetnames, "no sheets"
    return sum(1 for sheet in workbook.worksheets for _row in sheet.iter_rows(values_only=True))


def sav_rows(body: bytes, folder: Path) -> int:
    """pyreadstat reads from a file, so the body is written to ``folder`` first."""
    path = folder / "responses.sav"
    path.write_bytes(body)
    table, meta = pyreadstat.read_sav(str(path))
    assert meta.column_names, "no variables"
    return len(table)


def zip_members(body: bytes) -> int:
    """Every member must be intact and parse as the kind of file its name says."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.testzip() is None, "a damaged member"
        names = archive.namelist()
        assert names, "an empty archive"
        for name in names:
            assert name.endswith(".csv"), f"unexpected member {name}"
            csv_rows(archive.read(name))
    return len(names)


def pdf_words(body: bytes) -> int:
    words = pdf_text(body).split()
    assert words, "a PDF without text"
    return len(words)


def opener(extension: str, folder: Path) -> Callable[[bytes], object]:
    return {
        "csv": csv_rows,
        "xlsx": xlsx_rows,
        "sav": lambda body: sav_rows(body, folder),
        "zip": zip_members,
        "pdf": pdf_words,
    }[extension]


def download_problem(reply: Reply, path: str, folder: Path) -> str | None:
    """What is wrong with the download of ``path``, or None when it is a good file."""
    extension = path.rsplit(".", 1)[-1]
    if reply.status != 200:
        return f"{path}: status {reply.status}"
    if reply.headers.get_content_type() != CONTENT_TYPES[extension]:
        return f"{path}: content type {reply.headers.get_content_type()}"
    disposition = reply.headers.get("Content-Disposition", "")
    if not (disposition.startswith("attachment;") and disposition.endswith(f'.{extension}"')):
        return f"{path}: Content-Disposition {disposition!r}"
    try:
        opener(extension, folder)(reply.body)
    except Exception as error:  # Whatever the reader raises, the file does not open.
        return f"{path}: does not open ({error!r:.300})"
    return None


def make_codes(staff: HttpStaff, round_id: int) -> None:
    """Make a batch with the officer's form, so the poster and cards have codes to print."""
    path = f"/admin/rounds/{round_id}/codes"
    fields = {"label": "Virtual school", "audience": "any", "count": CODES_IN_BATCH}
    made = staff.post_form(path, fields)
    assert made.status == 200, made.status
    assert made.path == f"{path}/batch", made.path


def test_every_download_opens_through_gunicorn(
    served: Served, tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    """Signed in as an officer with a fresh batch of codes, every file comes back whole."""
    began = time.monotonic()
    staff = HttpStaff(served.server.base_url, served.server.tls.client_context())
    staff.sign_in(served.officer)
    make_codes(staff, served.round_id)
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "TESTING": True})
    paths = download_paths(app, served)
    found = [download_problem(staff.get(path), path, tmp_path) for path in paths]
    elapsed = time.monotonic() - began
    record_property("summary", f"{len(paths)} files on {served.database} in {elapsed:.1f} s")
    problems = [problem for problem in found if problem]
    assert not problems, "\n".join(problems)


def test_the_programme_downloads_open_through_gunicorn(served: Served, tmp_path: Path) -> None:
    """Signed in as a programme admin, the programme view's tables come back whole."""
    staff = HttpStaff(served.server.base_url, served.server.tls.client_context())
    staff.sign_in(served.admin)
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "TESTING": True})
    urls = app.url_map.bind("localhost")
    paths = [urls.build(endpoint) for endpoint in sorted(PROGRAMME_DOWNLOADS)]
    found = [download_problem(staff.get(path), path, tmp_path) for path in paths]
    problems = [problem for problem in found if problem]
    assert not problems, "\n".join(problems)

"""``flask report build``: write a round's report as HTML, PDF or CSV files, without a browser.

For scheduled jobs and for checking a report by eye: the HTML is the same page the app renders,
made standalone (stylesheets inlined, links to the app left out), and the PDF and CSV are
made as the download links make them (built afresh here, without the report cache).
"""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from questionnaires import load_catalogue
from survey_app.extensions import db_session
from survey_app.models import SurveyRound
from survey_app.reports.cover import round_cover
from survey_app.reports.files import REPORT_FORMATS, report_files
from survey_app.services.reporting import NoResponsesError, build_round_report

report_cli = AppGroup("report", help="Build reports from the command line.")


@report_cli.command("build")
@click.option("--round", "round_id", type=int, required=True, help="The survey round's id.")
@click.option("--format", "kind", type=click.Choice(REPORT_FORMATS), default="html")
@click.option("--lang", "language", type=click.Choice(("en", "cy")), default="en")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=".")
def build(round_id: int, kind: str, language: str, out_dir: Path) -> None:
    """Write the report of round ROUND in FORMAT to the folder OUT; prints each file's path."""
    catalogue = load_catalogue()
    try:
        report = build_round_report(db_session(), catalogue, round_id, language)
    except NoResponsesError as error:
        raise click.ClickException(f"Round {round_id} has no completed responses yet.") from error
    except LookupError as error:
        raise click.ClickException(f"There is no survey round {round_id}.") from error
    cover = round_cover(db_session(), db_session().get_one(SurveyRound, round_id), report)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, content in report_files(report, kind, round_id=round_id, cover=cover).items():
        path = out_dir / name
        path.write_bytes(content)
        click.echo(str(path))

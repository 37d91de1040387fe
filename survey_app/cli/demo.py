"""``flask demo seed``: create the demo authorities, staff, rounds and answers for reports."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from questionnaires import load_catalogue
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session
from survey_app.models import SurveyRound
from survey_app.services.demo import DEMO_INSTRUMENTS, database_is_empty, seed_demo
from survey_app.services.demo_actions import seed_demo_actions
from survey_app.services.demo_reports import seed_demo_reports

demo_cli = AppGroup("demo", help="Demo data for trying Care Voices.")

LOGINS_FILE = "demo-logins.json"


@demo_cli.command("seed")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has data.")
def seed(if_empty: bool) -> None:
    """Seed the demo; the last line printed is a JSON object with the code and logins."""
    saved = Path(current_app.instance_path) / LOGINS_FILE
    if not database_is_empty(db_session()):
        if not if_empty:
            raise click.ClickException(
                "The database already has data; demo seed needs an empty one."
            )
        click.echo("The database already has data; demo seed skipped.")
        if saved.exists():
            click.echo(saved.read_text(encoding="utf-8").strip())
        return
    catalogue = load_catalogue()
    pinned = {
        key: catalogue.get(f"{key}@v{version}").content_hash for key, version in DEMO_INSTRUMENTS
    }
    with unit_of_work(db_session()) as work:
        result = seed_demo(db_session(), pinned_hashes=pinned)
        reports = seed_demo_reports(db_session(), catalogue, result)
        demo_round = db_session().get_one(SurveyRound, result.round_id)
        seed_demo_actions(db_session(), catalogue, demo_round)
    if work.refusal is not None:  # Demo data a service refuses: nothing was stored.
        raise click.ClickException(str(work.refusal))
    line = json.dumps(asdict(result))
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(line + "\n", encoding="utf-8")
    saved.chmod(0o600)
    click.echo("Demo local authority, staff and an open round created.")
    click.echo(
        f"Report demo: {len(reports.round_ids)} rounds in 4 authorities, "
        f"{reports.responses} synthetic responses."
    )
    click.echo(line)

"""``flask retention run``: delete response-level data past each local authority's period.

Run it daily (cron or a scheduled job); it is safe to run again, as it only finds what is left.
"""

from __future__ import annotations

from datetime import date, datetime

import click
from flask.cli import AppGroup

from survey_app.extensions import db_session
from survey_app.reports.report_store import report_cache
from survey_app.services.retention import purge_expired

retention_cli = AppGroup("retention", help="Data retention.")


@retention_cli.command("run")
@click.option("--dry-run", is_flag=True, help="Only report what would be deleted.")
@click.option("--today", help="Act as if today were this date (YYYY-MM-DD), for checks.")
def run(dry_run: bool, today: str | None) -> None:
    """Delete responses, answers and moderation decisions of rounds past their retention."""
    day = datetime.strptime(today, "%Y-%m-%d").date() if today else date.today()
    purged = purge_expired(db_session(), day, dry_run=dry_run)
    if dry_run:
        db_session().rollback()
    else:
        db_session().commit()
        cache = report_cache()  # A stored report holds the deleted rounds' quotes too.
        for entry in purged:
            cache.discard_round(entry.round_id)
    verb = "Would delete" if dry_run else "Deleted"
    for entry in purged:
        click.echo(f"{verb} {entry.responses} responses of round {entry.round_id} ({entry.name}).")
    click.echo(f"{verb} response-level data of {len(purged)} rounds.")

"""``flask admin create``: make the first programme admin (there is no sign-up page)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session
from survey_app.services.users import create_admin

admin_cli = AppGroup("admin", help="Staff accounts.")


@admin_cli.command("create")
@click.option("--email", required=True, help="The admin's email address, used to sign in.")
@click.option("--name", required=True, help="The admin's full name.")
@click.password_option(help="At least 12 characters; asked for twice when not given.")
def create(email: str, name: str, password: str) -> None:
    """Create a programme admin; refuses a common or short password or a used email."""
    with unit_of_work(db_session()) as work:
        user = create_admin(db_session(), email, name, password)
    if work.refusal is not None:
        raise click.ClickException(str(work.refusal))  # The English, for the terminal.
    click.echo(f"Created programme admin {user.email}.")

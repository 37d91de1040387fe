"""``flask admin create``: make the first programme admin (there is no sign-up page)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from survey_app.extensions import db_session
from survey_app.services.users import AccountError, create_admin

admin_cli = AppGroup("admin", help="Staff accounts.")


@admin_cli.command("create")
@click.option("--email", required=True, help="The admin's email address, used to sign in.")
@click.option("--name", required=True, help="The admin's full name.")
@click.password_option(help="At least 12 characters; asked for twice when not given.")
def create(email: str, name: str, password: str) -> None:
    """Create a programme admin; refuses a common or short password or a used email."""
    # Messages are translated lazily, and Babel picks a language from a request.
    with current_app.test_request_context():
        try:
            user = create_admin(db_session(), email, name, password)
        except AccountError as error:
            db_session().rollback()
            raise click.ClickException(str(error)) from None
        db_session().commit()
        click.echo(f"Created programme admin {user.email}.")

"""``flask backup create|restore``: whole-database backups with the database's own tools."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from survey_app.extensions import db
from survey_app.services.backup import BackupError, create_backup, restore_backup

backup_cli = AppGroup("backup", help="Back up and restore the whole database.")


@backup_cli.command("create")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
def create(target: Path) -> None:
    """Write a backup of the configured database to TARGET."""
    try:
        create_backup(current_app.config["SQLALCHEMY_DATABASE_URI"], target)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written to {target}")


@backup_cli.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.confirmation_option(prompt="This replaces everything in the configured database. Go on?")
def restore(source: Path) -> None:
    """Replace the configured database's contents with the backup in SOURCE."""
    db.engine.dispose()
    try:
        restore_backup(current_app.config["SQLALCHEMY_DATABASE_URI"], source)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Database restored from {source}")

"""Command-line groups registered on the app: ``flask --app wsgi <group> <command>``."""

from __future__ import annotations

from flask import Flask


def register_cli(app: Flask) -> None:
    """Attach every command group to ``app.cli``."""
    from questionnaires.cli import questionnaires_cli
    from survey_app.cli.admin import admin_cli
    from survey_app.cli.backup import backup_cli
    from survey_app.cli.demo import demo_cli
    from survey_app.cli.report import report_cli
    from survey_app.cli.retention import retention_cli
    from survey_app.cli.safeguarding import safeguarding_cli

    app.cli.add_command(demo_cli)
    app.cli.add_command(admin_cli)
    app.cli.add_command(retention_cli)
    app.cli.add_command(backup_cli)
    app.cli.add_command(questionnaires_cli)
    app.cli.add_command(report_cli)
    app.cli.add_command(safeguarding_cli)

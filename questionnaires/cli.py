"""``flask --app wsgi questionnaires ...`` and ``python -m questionnaires ...``.

Plain click, no Flask, so the commands work before the app exists and in pre-commit hooks.
"""

from __future__ import annotations

from pathlib import Path

import click

from questionnaires.catalogue import Catalogue
from questionnaires.loader import DEFAULT_ROOT, load_catalogue
from questionnaires.model import InstrumentVersion
from questionnaires.outline import difference, outline, summary_line
from questionnaires.problems import QuestionnaireError
from questionnaires.validation import completeness_line, validate_path
from questionnaires.versioning import new_version, publish

# Kept in ``meta`` (shared by the whole context chain), not ``obj``, which Flask's CLI owns.
_ROOT_KEY = "questionnaires.root"


def _root(context: click.Context) -> Path:
    return context.meta.get(_ROOT_KEY) or DEFAULT_ROOT


def _catalogue(context: click.Context) -> Catalogue:
    try:
        return load_catalogue(context.meta.get(_ROOT_KEY))
    except QuestionnaireError as error:
        raise click.ClickException(f"{error}\nRun `validate` for details.") from error


def _version(catalogue: Catalogue, key: str) -> InstrumentVersion:
    try:
        return catalogue.get(key)
    except KeyError as error:
        raise click.BadParameter(str(error.args[0]), param_hint="INSTRUMENT@VERSION") from error


@click.group("questionnaires")
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Catalogue folder to use instead of the shipped one.",
)
@click.pass_context
def questionnaires_cli(context: click.Context, root: Path | None) -> None:
    """Check, list, show, compare and version the survey questionnaires."""
    context.meta[_ROOT_KEY] = root


@questionnaires_cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.pass_context
def validate(context: click.Context, paths: tuple[Path, ...]) -> None:
    """Check files (default: the whole catalogue); exit 1 listing file:line: message."""
    reports = [validate_path(path) for path in paths or (_root(context),)]
    problems = [problem for report in reports for problem in report.problems]
    for problem in problems:
        click.echo(str(problem))
    click.echo("Translation completeness:")
    for version in (v for report in reports for v in report.versions):
        click.echo(f"  {completeness_line(version)}")
    if problems:
        click.echo(f"{len(problems)} problem(s) found.")
        context.exit(1)
    click.echo("No problems found.")


@questionnaires_cli.command("list")
@click.pass_context
def list_versions(context: click.Context) -> None:
    """Every instrument version with its status, ages, item count and languages."""
    for version in _catalogue(context).versions.values():
        click.echo(summary_line(version))


@questionnaires_cli.command()
@click.argument("key", metavar="INSTRUMENT@VERSION")
@click.pass_context
def show(context: click.Context, key: str) -> None:
    """A readable outline of one version, for example cic-8-10@v1."""
    catalogue = _catalogue(context)
    for line in outline(_version(catalogue, key), catalogue.indicators):
        click.echo(line)


@questionnaires_cli.command()
@click.argument("key_a", metavar="A")
@click.argument("key_b", metavar="B")
@click.pass_context
def diff(context: click.Context, key_a: str, key_b: str) -> None:
    """Items changed between two versions, and the indicators that lose comparability."""
    catalogue = _catalogue(context)
    for line in difference(catalogue, _version(catalogue, key_a), _version(catalogue, key_b)):
        click.echo(line)


@questionnaires_cli.command("new-version")
@click.argument("instrument")
@click.pass_context
def new_version_command(context: click.Context, instrument: str) -> None:
    """Copy the latest version of INSTRUMENT to a new draft version, ready to edit."""
    try:
        path = new_version(_root(context), instrument)
    except KeyError as error:
        raise click.BadParameter(str(error.args[0]), param_hint="INSTRUMENT") from error
    click.echo(f"Created draft {path}. Edit it, run `validate`, then `publish`.")


@questionnaires_cli.command("publish")
@click.argument("key", metavar="INSTRUMENT@VERSION")
@click.pass_context
def publish_command(context: click.Context, key: str) -> None:
    """Mark a draft published and record its hash in published.toml (it is then frozen)."""
    try:
        content_hash = publish(_root(context), key)
    except QuestionnaireError as error:
        raise click.ClickException(str(error)) from error
    except (OSError, ValueError) as error:
        raise click.BadParameter(str(error), param_hint="INSTRUMENT@VERSION") from error
    click.echo(f"Published {key} ({content_hash}).")

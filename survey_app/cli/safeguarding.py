"""``flask safeguarding send``: send the queued safeguarding emails (docs/safeguarding.md).

One run is one cycle: run it every minute from cron or a systemd timer, or keep it running with
``--loop`` (a cycle every ``--interval`` seconds; SIGTERM or Ctrl+C stops it between emails).

Without ``SMTP_URL``, development and test runs only log what they would send and leave every
email queued, so ``make run`` needs no mail server; production then fails (exit status 1) while
emails are waiting, so a scheduler or monitoring notices.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType
from urllib.parse import urlsplit

import click
from flask import current_app
from flask.cli import AppGroup

from survey_app.extensions import db_session
from survey_app.models import SafeguardingAlert
from survey_app.services.audit import now_utc
from survey_app.services.safeguarding_outbox import (
    SenderSettings,
    due_emails,
    logger,
    run_cycle,
)
from survey_app.services.smtp_mailer import SmtpMailer, SmtpUrlError, parse_smtp_url

safeguarding_cli = AppGroup("safeguarding", help="Safeguarding alert emails.")


@safeguarding_cli.command("send")
@click.option("--loop", is_flag=True, help="Keep running, one cycle every --interval seconds.")
@click.option(
    "--interval",
    default=60,
    show_default=True,
    type=click.IntRange(1, 3600),
    help="Seconds between cycles with --loop.",
)
def send(loop: bool, interval: int) -> None:
    """Send every due alert and escalation email once, retrying failures later."""
    mailer = _mailer()
    settings = _sender_settings() if mailer else None
    stop = threading.Event()
    if not loop:
        _cycle(mailer, settings, stop)
        return
    _stop_on_signals(stop)
    while not stop.is_set():
        try:
            _cycle(mailer, settings, stop)
        except Exception as error:  # a worker outlives a database that is briefly away
            db_session().rollback()
            logger.error("safeguarding send cycle failed: %s", type(error).__name__)
        stop.wait(interval)


def _cycle(
    mailer: SmtpMailer | None, settings: SenderSettings | None, stop: threading.Event
) -> None:
    if mailer is None or settings is None:
        _without_mail_server()
        return
    report = run_cycle(db_session(), mailer, settings, keep_going=lambda: not stop.is_set())
    if report.total:
        summary = ", ".join(
            f"{count} {outcome}" for outcome, count in sorted(report.counts.items())
        )
        click.echo(f"Safeguarding emails: {summary}.")


def _without_mail_server() -> None:
    """Log each due email (ids and recipients' count only) and leave it queued."""
    waiting = due_emails(db_session(), now_utc())
    db_session().rollback()
    if waiting and current_app.config["CARE_VOICES_ENV"] == "production":
        raise click.ClickException(
            f"{len(waiting)} safeguarding emails are waiting and SMTP_URL is not set."
        )
    for email in waiting:
        logger.info(
            "would send the %s email of safeguarding alert %s (round %s); SMTP_URL is not set,"
            " so it stays queued",
            email.kind,
            email.alert_id,
            email.alert.round_id,
        )


def _mailer() -> SmtpMailer | None:
    url = current_app.config.get("SMTP_URL")
    if not url:
        return None
    try:
        return SmtpMailer(parse_smtp_url(url))
    except SmtpUrlError as error:
        raise click.ClickException(str(error)) from error


def _sender_settings() -> SenderSettings:
    base_url = current_app.config.get("PUBLIC_BASE_URL") or ""
    parts = urlsplit(base_url)
    production = current_app.config["CARE_VOICES_ENV"] == "production"
    if parts.scheme not in ({"https"} if production else {"http", "https"}) or not parts.netloc:
        raise click.ClickException(
            "PUBLIC_BASE_URL must be the address staff use, such as https://voices.example.org,"
            " so each email can link to its alert."
        )
    return SenderSettings(sender=current_app.config["MAIL_FROM"], link=_link_builder(base_url))


def _link_builder(base_url: str) -> Callable[[SafeguardingAlert], str]:
    """Absolute links to an alert's page under ``base_url`` (which may have a path)."""
    parts = urlsplit(base_url)
    adapter = current_app.url_map.bind(
        parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme
    )

    def link(alert: SafeguardingAlert) -> str:
        values = {"round_id": alert.round_id, "alert_id": alert.id}
        return adapter.build("admin.alert", values, force_external=True)

    return link


def _stop_on_signals(stop: threading.Event) -> None:
    def handle(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)

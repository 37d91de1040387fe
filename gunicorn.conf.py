"""gunicorn settings for Care Voices: no client address reaches any log line.

gunicorn's error log quotes the client's address when it refuses a malformed request
("Invalid request from ip=203.0.113.7: ..."), and its access log starts every line with it.
Addresses are personal data that Care Voices never keeps (docs/security.md), so here:

- the access log is off, whatever the command line asks for (the app writes its own request
  line, without address or path: ``survey_app/common/logs.py``): ``QuietLogger`` writes no
  access line at all, so gunicorn no longer builds every request's log fields (the address
  among them) only for a handler that drops them, which cost about 3% of a worker's CPU
  under load (``docs/scaling.md``);
- every other log line goes to standard error through ``AddressScrubber``, which replaces each
  IPv4 or IPv6 address in the message or traceback with ``[address]``.

gunicorn reads ``./gunicorn.conf.py`` when started in this folder; start it with
``gunicorn -c /path/to/gunicorn.conf.py wsgi:app`` anywhere else.
"""

from __future__ import annotations

import ipaddress
import logging
import re
from typing import Any

from gunicorn.glogging import Logger

_ADDRESS_LIKE = (
    re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)"),
    re.compile(r"(?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?!\w)"),
)
"""What IPv4 and then IPv6 addresses look like; a look-alike that is not an address (a time
such as 12:30:45) is left alone by ``_scrub``."""


def _scrub(text: str) -> str:
    """``text`` with every IP address in it replaced by ``[address]``."""
    for pattern in _ADDRESS_LIKE:
        text = pattern.sub(_replace_address, text)
    return text


def _replace_address(match: re.Match[str]) -> str:
    """``[address]`` for an address (keeping a colon that ends a sentence), else the match."""
    found = match.group()
    for candidate, rest in ((found, ""), (found.removesuffix(":"), ":")):
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            continue
        return "[address]" + rest
    return found


class AddressScrubber(logging.Filter):
    """Rewrite each record's message (and traceback) without any IP address in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = _scrub(record.getMessage()), ()
        if record.exc_info:
            record.exc_text = _scrub(logging.Formatter().formatException(record.exc_info))
        return True


class QuietLogger(Logger):
    """gunicorn's logger without the access log: no request is ever logged by address."""

    def access(self, resp: object, req: object, environ: object, request_time: object) -> None:
        """Write nothing (gunicorn's own version builds the line before any handler sees it)."""


def post_worker_init(worker: Any) -> None:
    """Build a new worker's respondent page skeletons before it takes its first request.

    Only an app that offers a warm-up (Care Voices' ``survey_app/respond/warm_pages.py``) is
    warmed. It is a saving, not a need: if it fails (the database not reachable yet, say), the
    worker starts anyway and builds each page's skeleton when a child first asks for it.
    """
    warm = getattr(worker.wsgi, "extensions", {}).get("warm_respondent_pages")
    if warm is None:
        return
    try:
        worker.log.info("Built %d respondent page skeletons", warm())
    except Exception:  # any failure leaves the pages to be built on demand
        worker.log.warning("Respondent pages not warmed; they are built on demand", exc_info=True)


accesslog = None
logger_class = QuietLogger
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_addresses": {"()": AddressScrubber}},
    "formatters": {
        "generic": {
            "format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s",
            "datefmt": "[%Y-%m-%d %H:%M:%S %z]",
        }
    },
    "handlers": {
        "error_console": {
            "class": "logging.StreamHandler",
            "formatter": "generic",
            "filters": ["no_addresses"],
            "stream": "ext://sys.stderr",
        },
        "nowhere": {"class": "logging.NullHandler"},
    },
    "root": {"level": "INFO", "handlers": ["error_console"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["nowhere"], "propagate": False},
    },
}

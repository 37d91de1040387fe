"""Structured logs on stdout that never carry answers, access codes or client addresses.

Each request is logged as one JSON line with the *endpoint name* (never the path, which can hold
an access code), the method, status and duration. Werkzeug's own access log, which prints the
client IP and full path, is silenced.
"""

from __future__ import annotations

import json
import logging
import sys
import time

from flask import Flask, Response, g, request

LOGGER_NAME = "care_voices"


class JsonFormatter(logging.Formatter):
    """Format a record as one JSON object: level, logger, message and any ``fields``."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        return json.dumps(entry, default=str)


def configure_logging() -> logging.Logger:
    """Send the app's logs to stdout as JSON, once per process."""
    logger = logging.getLogger(LOGGER_NAME)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    return logger


def register_request_logging(app: Flask) -> None:
    """Log one line per request with no path, query, body, address or user agent."""
    logger = configure_logging()

    @app.before_request
    def _start_timer() -> None:
        g.request_started = time.perf_counter()

    @app.after_request
    def _log_request(response: Response) -> Response:
        started = g.get("request_started", time.perf_counter())
        fields = {
            "endpoint": request.endpoint or "unmatched",
            "method": request.method,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        }
        logger.info("request", extra={"fields": fields})
        return response

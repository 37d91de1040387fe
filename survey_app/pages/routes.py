"""Routes for the shared public pages and the health check."""

from __future__ import annotations

from pathlib import Path

from flask import current_app, render_template, send_from_directory
from werkzeug.wrappers import Response

from survey_app.extensions import db_session
from survey_app.pages import bp
from survey_app.services.health import database_is_reachable


@bp.get("/")
def home() -> str:
    return render_template("pages/home.html")


@bp.get("/privacy")
def privacy() -> str:
    return render_template("pages/privacy.html")


@bp.get("/accessibility")
def accessibility() -> str:
    return render_template("pages/accessibility.html")


@bp.get("/healthz")
def healthz() -> tuple[dict[str, str], int]:
    """200 when the database answers, 503 otherwise, for load balancers and ``make run``."""
    if database_is_reachable(db_session()):
        return {"status": "ok", "database": "ok"}, 200
    return {"status": "unavailable", "database": "unreachable"}, 503


@bp.get("/assets/<path:filename>")
def govuk_assets(filename: str) -> Response:
    """GOV.UK Frontend's images and manifest, where its CSS and template expect them."""
    folder = Path(current_app.root_path, "static", "govuk")
    return send_from_directory(folder, filename, max_age=86400)

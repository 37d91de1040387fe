"""Care Voices web app: the app factory wires configuration, extensions and blueprints."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from questionnaires import load_catalogue
from survey_app import config as config_module
from survey_app import models  # noqa: F401 (registers every table on the metadata)
from survey_app.cli import register_cli
from survey_app.common.errors import register_error_handlers
from survey_app.common.i18n import register_i18n
from survey_app.common.logs import register_request_logging
from survey_app.common.same_origin import register_same_origin_check
from survey_app.common.security import register_security_headers
from survey_app.common.signed_cookies import register_signed_cookies
from survey_app.common.templating import TemplateEnvironment, register_templating
from survey_app.common.url_converters import register_url_converters
from survey_app.extensions import csrf, db, limiter, migrate
from survey_app.respond.warm_pages import register_warm_pages
from survey_app.services.child_phrases import check_child_phrases, shipped_child_phrases
from survey_app.services.helplines import shipped_helplines

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"


def create_app(config_overrides: dict[str, Any] | None = None) -> Flask:
    """Build the app from the environment, then apply ``config_overrides`` (used by tests)."""
    instance = os.environ.get("CARE_VOICES_INSTANCE_PATH") or str(PROJECT_ROOT / "instance")
    app = Flask(__name__, instance_path=instance)
    app.jinja_environment = TemplateEnvironment  # before anything creates app.jinja_env
    app.config.update(config_module.from_env(Path(app.instance_path)).flask_settings())
    app.config.update(config_overrides or {})
    # Loading checks every questionnaire file: the app refuses to start on a bad or edited one.
    # The result is cached: views, services and commands reach it through load_catalogue() too.
    catalogue = load_catalogue()
    # Likewise the helplines children are shown: a bad number must stop the start, not a page.
    shipped_helplines()
    # And every indicator an action may answer has children's words in English and Welsh.
    check_child_phrases(shipped_child_phrases(), (i.id for i in catalogue.indicators))
    _trust_proxies(app)
    _init_extensions(app)
    register_templating(app)
    register_i18n(app)
    register_security_headers(app)
    register_signed_cookies(app)
    register_same_origin_check(app)
    register_request_logging(app)
    register_error_handlers(app)
    register_url_converters(app)
    _register_blueprints(app)
    register_warm_pages(app)
    register_cli(app)
    return app


def _trust_proxies(app: Flask) -> None:
    """Read the client address and scheme from the proxies' headers, when proxies are declared.

    Behind a load balancer every request comes from the balancer's address; without this, all
    respondents would share one rate limit. Only as many hops as declared are trusted, so a
    client cannot forge its address past them.
    """
    count = app.config.get("CARE_VOICES_PROXIES", 0)
    if count:
        # Flask's documented way to wrap the app in WSGI middleware, which its types (a method)
        # do not allow for.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)  # type: ignore[method-assign]


def _init_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True, compare_type=True
    )
    csrf.init_app(app)
    limiter.init_app(app)


def _register_blueprints(app: Flask) -> None:
    from survey_app import admin, auth, pages, reports, respond

    for package in (pages, respond, auth, admin, reports):
        app.register_blueprint(package.bp)

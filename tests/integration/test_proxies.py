"""Behind declared proxies each respondent has their own rate limit; else the header is ignored."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from survey_app.extensions import db
from tests.conftest import make_test_app
from tests.integration.respond.conftest import BROWSER, token

BALANCER = {"REMOTE_ADDR": "10.0.0.5"}


def _enter_code(client: FlaskClient, forwarded_for: str) -> int:
    headers = {**BROWSER, "X-Forwarded-For": forwarded_for}
    data = {"csrf_token": token(client), "code": "wrong-code-10"}
    return client.post("/start", data=data, headers=headers, environ_base=BALANCER).status_code


def _limited_app(database_url: str, proxies: int) -> Flask:
    return make_test_app(database_url, CARE_VOICES_PROXIES=proxies)


def test_with_one_proxy_declared_each_forwarded_client_has_its_own_limit(
    database_url: str, session: Session
) -> None:
    app = _limited_app(database_url, proxies=1)
    first, second = app.test_client(), app.test_client()
    statuses = [_enter_code(first, "198.51.100.1") for _ in range(11)]
    other = _enter_code(second, "198.51.100.2")
    with app.app_context():
        db.engine.dispose()
    assert statuses[10] == 429
    assert other == 200


def test_without_declared_proxies_a_forged_header_does_not_escape_the_limit(
    database_url: str, session: Session
) -> None:
    app = _limited_app(database_url, proxies=0)
    client = app.test_client()
    statuses = [_enter_code(client, f"198.51.100.{n}") for n in range(11)]
    with app.app_context():
        db.engine.dispose()
    assert statuses[10] == 429

"""``/healthz`` tells a load balancer whether the app can reach its database."""

from pathlib import Path

from flask.testing import FlaskClient

from tests.conftest import make_test_app


def test_healthz_is_ok_when_the_database_answers(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_healthz_is_unavailable_when_the_database_cannot_be_reached(tmp_path: Path) -> None:
    unreachable = f"sqlite:///{tmp_path / 'no-such-folder' / 'db.sqlite3'}"
    response = make_test_app(unreachable).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "database": "unreachable"}

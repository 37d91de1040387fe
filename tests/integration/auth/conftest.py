"""Rate-limit counters are per process: start every staff test that uses the app with none."""

import pytest

from survey_app.extensions import limiter


@pytest.fixture(autouse=True)
def fresh_rate_limits(request: pytest.FixtureRequest) -> None:
    # Looked up lazily, so tests that need no app do not run once per database.
    if "app" not in request.fixturenames:
        return
    with request.getfixturevalue("app").app_context():
        limiter.reset()

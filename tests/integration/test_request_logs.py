"""Request logs are structured and never hold a path, an access code or a client address."""

import json
import logging

import pytest
from flask.testing import FlaskClient

from survey_app.common.logs import LOGGER_NAME, JsonFormatter


def test_request_log_is_one_json_line_without_path_or_address(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger=LOGGER_NAME):
        client.get("/privacy?code=otter-maple-42", environ_base={"REMOTE_ADDR": "203.0.113.9"})
    lines = [JsonFormatter().format(record) for record in caplog.records]
    entry = json.loads(lines[-1])
    assert entry["endpoint"] == "pages.privacy"
    assert entry["status"] == 200
    text = "\n".join(lines)
    assert "otter" not in text
    assert "203.0.113.9" not in text
    assert "/privacy" not in text

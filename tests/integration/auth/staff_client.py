"""Signing a test client in as a member of staff, through the real sign-in form."""

from __future__ import annotations

import itertools
import re

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from survey_app.models import StaffUser
from tests.factories import DEFAULT_PASSWORD

_TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
_addresses = itertools.count(1)


def csrf_token(client: FlaskClient, path: str) -> str:
    """The CSRF token of the first form on the page at ``path``."""
    html = client.get(path).get_data(as_text=True)
    match = _TOKEN.search(html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def post_form(
    client: FlaskClient, path: str, data: dict[str, object], **kwargs: object
) -> TestResponse:
    """POST ``data`` to ``path`` with the CSRF token of the page ``form_page`` (default: path)."""
    form_page = str(kwargs.pop("form_page", path))
    return client.post(path, data={"csrf_token": csrf_token(client, form_page), **data}, **kwargs)


def sign_in(client: FlaskClient, user: StaffUser, password: str = DEFAULT_PASSWORD) -> TestResponse:
    """Sign ``client`` in as ``user`` from its own client address (so rate limits stay apart)."""
    number = next(_addresses)
    client.environ_base["REMOTE_ADDR"] = (
        f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
    )
    return post_form(client, "/auth/sign-in", {"email": user.email, "password": password})

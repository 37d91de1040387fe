"""Signing a test client in as a member of staff, through the real sign-in forms.

Signing in takes the password and then a code from the authenticator app: the factories set
every member of staff up with ``DEFAULT_TOTP_SECRET``, and ``totp_code`` types what the app
would show, on a time-step the account has not used yet (a code works only once).
"""

from __future__ import annotations

import itertools
import time
from datetime import UTC, datetime
from urllib.parse import urlencode

import pyotp
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from survey_app.extensions import db
from survey_app.models import StaffUser
from tests.factories import DEFAULT_PASSWORD, DEFAULT_TOTP_SECRET
from tests.support.forms import csrf_token_in

_addresses = itertools.count(1)


def csrf_token(client: FlaskClient, path: str) -> str:
    """The CSRF token of the first form on the page at ``path``."""
    return csrf_token_in(client.get(path).get_data(as_text=True))


def post_form(
    client: FlaskClient, path: str, data: dict[str, object], **kwargs: object
) -> TestResponse:
    """POST ``data`` to ``path`` with the CSRF token of the page ``form_page`` (default: path)."""
    form_page = str(kwargs.pop("form_page", path))
    return client.post(path, data={"csrf_token": csrf_token(client, form_page), **data}, **kwargs)


def sign_in(
    client: FlaskClient,
    user: StaffUser,
    password: str = DEFAULT_PASSWORD,
    totp_secret: str = DEFAULT_TOTP_SECRET,
    address: str | None = None,
    next_url: str | None = None,
) -> TestResponse:
    """Sign ``client`` in as ``user`` from ``address``, by default one no other client has used
    (so rate limits and lockouts stay apart); ``next_url`` is the sign-in page's ``?next=``.

    After a right password the helper enters a code on the second-factor page and returns that
    answer (a redirect once signed in); any other answer to the password is returned as it is.
    """
    client.environ_base["REMOTE_ADDR"] = address or new_client_address()
    path = f"/auth/sign-in?{urlencode({'next': next_url})}" if next_url else "/auth/sign-in"
    reply = post_form(client, path, {"email": user.email, "password": password})
    location = reply.headers.get("Location", "")
    if location.partition("?")[0] != "/auth/second-factor":
        return reply
    code = totp_code(client.application, user.id, totp_secret)
    return post_form(client, location, {"code": code})


def new_client_address() -> str:
    """A client address no other test client has used."""
    number = next(_addresses)
    return f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"


def totp_code(app: Flask, user_id: int, secret: str = DEFAULT_TOTP_SECRET) -> str:
    """The code the app shows on the earliest time-step the account has not used yet.

    Three steps are accepted at any moment (one either side of now); after a fourth sign-in
    within the same half minute, this waits for the clock to reach a fresh step.
    """
    with app.app_context():
        last = db.session.get(StaffUser, user_id).totp_last_step
    totp = pyotp.TOTP(secret)
    now = totp.timecode(datetime.now(UTC))
    step = now - 1 if last is None else max(last + 1, now - 1)
    if step == now - 1 and _seconds_left_in_step(totp) < STEP_MARGIN_SECONDS:
        step = now  # The previous step stops being accepted when this one ends.
    while step > totp.timecode(datetime.now(UTC)) + 1:
        time.sleep(0.5)
    return totp.generate_otp(step)


STEP_MARGIN_SECONDS = 5
"""How long before a step ends a code for the step before it is no longer sent: the server
checks it a moment later, by when it may be two steps old and refused."""


def _seconds_left_in_step(totp: pyotp.TOTP) -> float:
    """Seconds until the authenticator's current time-step ends."""
    return totp.interval - datetime.now(UTC).timestamp() % totp.interval

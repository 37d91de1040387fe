"""``SMTP_URL`` names the mail server; STARTTLS is on unless the URL turns it off."""

from __future__ import annotations

import pytest

from survey_app.services.smtp_mailer import SmtpSettings, SmtpUrlError, parse_smtp_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://mail.example", SmtpSettings("mail.example", 587, "starttls")),
        (
            "smtp://alerts%40council.example:p%3Ass@mail.example:2525",
            SmtpSettings("mail.example", 2525, "starttls", "alerts@council.example", "p:ss"),
        ),
        ("smtps://u:p@mail.example", SmtpSettings("mail.example", 465, "tls", "u", "p")),
        ("smtp://127.0.0.1:25?starttls=false", SmtpSettings("127.0.0.1", 25, "none")),
    ],
)
def test_smtp_urls_name_host_port_security_and_sign_in(url: str, expected: SmtpSettings) -> None:
    assert parse_smtp_url(url) == expected


@pytest.mark.parametrize(
    "url",
    ["", "mail.example", "http://mail.example", "smtp://", "smtp://h:0x1", "smtp://h?starttls=1"],
)
def test_a_url_that_names_no_usable_server_is_refused(url: str) -> None:
    with pytest.raises(SmtpUrlError):
        parse_smtp_url(url)

"""Officers see whether a questionnaire's Welsh has been checked, and confirm before offering
Welsh that has not.

Respondents in a Welsh-speaking authority are offered any questionnaire whose Welsh is complete.
No Welsh speaker has checked the shipped Welsh yet (version 1 awaits review; version 2 was
machine translated), so opening such a round needs a tick on the confirmation page.
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import load_catalogue
from survey_app.models import AuditEvent, StaffUser, SurveyRound
from survey_app.services.welsh_review import welsh_unreviewed
from tests.factories import make_round
from tests.integration.auth.staff_client import post_form

V2 = (("cic-4-7", 2), ("cic-8-10", 2))
TICK = "I understand, and want to offer this Welsh now"


def _draft(session: Session, officer: StaffUser, languages: str = "en,cy") -> str:
    officer.local_authority.languages = languages
    survey_round = make_round(session, officer.local_authority, instruments=V2, status="draft")
    session.commit()
    return f"/admin/rounds/{survey_round.id}"


def _open(client: FlaskClient, path: str, **extra: str):
    data = {"from_status": "draft", **extra}
    return post_form(client, f"{path}/advance", data, form_page=f"{path}/open")


def _status(session: Session, path: str) -> str:
    session.expire_all()
    return session.get(SurveyRound, int(path.rsplit("/", 1)[1])).status


def test_the_open_page_lists_unchecked_welsh_and_asks_for_a_tick(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    path = _draft(session, officer)
    html = officer_client.get(f"{path}/open").get_data(as_text=True)
    soup = BeautifulSoup(html, "html.parser")
    assert "A Welsh speaker has not yet checked the Welsh in" in html
    assert "Children in care aged 4 to 7, version 2" in soup.get_text()
    tick = soup.find("input", attrs={"name": "welsh_confirmed", "type": "checkbox"})
    assert tick is not None
    assert tick.find_parent("form")["action"] == f"{path}/advance"


def test_a_round_offering_unchecked_welsh_stays_closed_without_the_tick(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    path = _draft(session, officer)
    page = _open(officer_client, path)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "There is a problem" in html
    assert "Confirm that you want to offer Welsh that a Welsh speaker has not checked" in html
    assert _status(session, path) == "draft"
    assert "round.open" not in list(session.scalars(select(AuditEvent.action)))


def test_with_the_tick_the_round_opens_and_the_audit_records_the_confirmation(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    path = _draft(session, officer)
    assert _open(officer_client, path, welsh_confirmed="y").status_code == 302
    assert _status(session, path) == "open"
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "round.open")).one()
    assert "unreviewed Welsh confirmed: cic-4-7@v2, cic-8-10@v2" in event.detail


def test_version_1_welsh_awaiting_review_needs_the_same_tick(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    survey_round = make_round(session, officer.local_authority, status="draft")
    session.commit()
    path = f"/admin/rounds/{survey_round.id}"
    assert _open(officer_client, path).status_code == 200
    assert _status(session, path) == "draft"


def test_an_english_only_authority_opens_without_the_tick(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    path = _draft(session, officer, languages="en")
    assert TICK not in officer_client.get(f"{path}/open").get_data(as_text=True)
    assert _open(officer_client, path).status_code == 302
    assert _status(session, path) == "open"


def test_officers_see_the_welsh_status_when_they_choose_questionnaires(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    path = _draft(session, officer)
    form = officer_client.get(f"{path}/edit").get_data(as_text=True)
    assert "Children in care aged 4 to 7, version 2 (Welsh not yet checked by a Welsh speaker)" in (
        form
    )
    detail = officer_client.get(path).get_data(as_text=True)
    assert "(Welsh not yet checked by a Welsh speaker)" in detail


def test_reviewed_welsh_needs_no_confirmation() -> None:
    version = load_catalogue().get("cic-8-10@v2")
    reviewed = dataclasses.replace(version, translation_review=MappingProxyType({"cy": "reviewed"}))
    assert welsh_unreviewed(version)
    assert not welsh_unreviewed(reviewed)

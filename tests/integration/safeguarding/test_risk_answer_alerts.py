"""An authority may choose to be alerted to closed answers that signal risk; it is off by default.

Either way the child sees the support page once; the page tells them honestly whether a trained
person is told. The alert is raised in the same transaction as the answer, and only once however
often the answer is sent again.
"""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.models import (
    AuditEvent,
    SafeguardingAlert,
    SafeguardingEmail,
    StaffUser,
    SurveyRound,
)
from survey_app.services.safeguarding_settings import (
    SafeguardingDetails,
    save_settings,
    settings_for,
)
from tests.factories import make_access_code, make_staff
from tests.integration.auth.staff_client import sign_in
from tests.integration.respond.conftest import BROWSER, open_round, post
from tests.integration.respond.test_signposting_and_helplines import calm_answer, risk_choices

CONTACTS = ("dsl@council.example",)
OFFICER = "officer@council.example"


def _enter(client: FlaskClient, session: Session, *, alerts: bool) -> SurveyRound:
    survey_round = open_round(session)
    officer = make_staff(session, local_authority=survey_round.local_authority, email=OFFICER)
    details = SafeguardingDetails(CONTACTS, (), 24, alert_on_risk_answers=alerts)
    save_settings(session, officer, survey_round.local_authority, details)
    _code, clear = make_access_code(session, survey_round, audience="cic-8-10")
    session.commit()
    client.get(f"/s/{clear}")
    post(client, "/welcome")
    return survey_round


def _alerts(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(SafeguardingAlert)) or 0


def test_a_risk_answer_raises_no_alert_by_default(client: FlaskClient, session: Session) -> None:
    _enter(client, session, alerts=False)
    item, code = risk_choices()[0]
    saved = post(client, f"/q/{item.id}", {"answer": code})
    page = client.get(saved.headers["Location"], headers=BROWSER).get_data(as_text=True)
    assert _alerts(session) == 0
    assert "nobody will contact you about it" in page


def test_an_authority_that_chose_alerts_is_told_once_and_the_child_is_told_so(
    client: FlaskClient, session: Session
) -> None:
    _enter(client, session, alerts=True)
    item, code = risk_choices()[0]
    saved = post(client, f"/q/{item.id}", {"answer": code})
    post(client, f"/q/{item.id}", {"answer": code})
    page = client.get(saved.headers["Location"], headers=BROWSER).get_data(as_text=True)
    assert _alerts(session) == 1
    emails = session.scalars(select(SafeguardingEmail)).all()
    assert [email.kind for email in emails].count("alert") == 1
    assert "A trained person is told about answers like this one" in page
    assert "nobody will contact you" not in page


def test_a_calm_answer_raises_no_alert_even_when_alerts_are_on(
    client: FlaskClient, session: Session
) -> None:
    _enter(client, session, alerts=True)
    item, _code = risk_choices()[0]
    post(client, f"/q/{item.id}", {"answer": calm_answer(item)})
    assert _alerts(session) == 0


def test_the_choice_is_saved_and_audited(session: Session) -> None:
    officer = make_staff(session)
    authority = officer.local_authority
    assert settings_for(session, authority.id).alert_on_risk_answers is False
    save_settings(session, officer, authority, SafeguardingDetails(CONTACTS, (), 24, True))
    session.commit()
    assert settings_for(session, authority.id).alert_on_risk_answers is True
    detail = session.scalars(select(AuditEvent.detail)).all()[-1]
    assert detail.endswith("risk answers alert")


def test_the_alert_page_names_the_question_and_the_answer_in_words(
    client: FlaskClient, session: Session
) -> None:
    survey_round = _enter(client, session, alerts=True)
    item, code = risk_choices()[0]
    post(client, f"/q/{item.id}", {"answer": code})
    alert = session.scalars(select(SafeguardingAlert)).one()
    officer = session.scalars(select(StaffUser).where(StaffUser.email == OFFICER)).one()
    staff = client.application.test_client()
    sign_in(staff, officer)
    page = staff.get(f"/admin/rounds/{survey_round.id}/alerts/{alert.id}").get_data(as_text=True)
    label = next(option.label.en for option in item.options if option.value == code)
    assert item.text.en in page
    assert f">{label}</blockquote>" in page

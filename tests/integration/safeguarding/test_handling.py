"""Round pages show a banner until an alert is handled; handling is recorded and audited.

Staff of another authority never see the banner, the alerts or the answer.
"""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AccessCode, AuditEvent, SafeguardingAlert, StaffUser, SurveyRound
from survey_app.services.audit import now_utc
from survey_app.services.responses import skip_answer, version_of
from tests.factories import make_staff
from tests.integration.auth.staff_client import post_form, sign_in
from tests.integration.safeguarding.conftest import WORRYING, answer_worries

BANNER = "Safeguarding alerts in this round that nobody has handled yet: 1."
REFERRED = "Referred under our safeguarding procedure"


def _alert(session: Session, survey_round: SurveyRound, code: AccessCode) -> SafeguardingAlert:
    alert = answer_worries(session, survey_round, code)
    assert alert is not None
    return alert


def test_round_pages_show_a_banner_until_the_alert_is_handled(
    officer_client: FlaskClient, session: Session, survey_round: SurveyRound, code: AccessCode
) -> None:
    alert = _alert(session, survey_round, code)
    for page in ("", "/monitoring", "/moderation"):
        html = officer_client.get(f"/admin/rounds/{survey_round.id}{page}").get_data(as_text=True)
        assert BANNER in html
        assert f"/admin/rounds/{survey_round.id}/alerts" in html

    path = f"/admin/rounds/{survey_round.id}/alerts/{alert.id}"
    answer = officer_client.post(
        path, data={"outcome": REFERRED, "note": "Told the duty team, ref 123"}
    )
    assert answer.status_code == 400  # no CSRF token: nothing recorded
    answer = post_form(officer_client, path, {"outcome": REFERRED, "note": "Duty team, ref 123"})

    assert answer.status_code == 302
    html = officer_client.get(f"/admin/rounds/{survey_round.id}").get_data(as_text=True)
    assert BANNER not in html


def test_handling_records_who_when_what_and_a_note_and_is_audited(
    officer_client: FlaskClient,
    officer: StaffUser,
    session: Session,
    survey_round: SurveyRound,
    code: AccessCode,
) -> None:
    alert = _alert(session, survey_round, code)
    path = f"/admin/rounds/{survey_round.id}/alerts/{alert.id}"
    page = officer_client.get(path).get_data(as_text=True)
    assert WORRYING in page  # staff who handle it read the answer here, not in the email
    assert "Oakfield House" in page
    assert "Waiting to be sent" in page
    assert "if nobody has recorded the alert as handled" in page

    post_form(officer_client, path, {"outcome": REFERRED, "note": "Duty team, ref 123"})

    session.expire_all()
    handled = session.get_one(SafeguardingAlert, alert.id)
    assert handled.handled_by_id == officer.id
    assert handled.handled_at is not None
    assert (handled.outcome, handled.note) == (REFERRED, "Duty team, ref 123")
    assert {e.kind: e.status for e in handled.emails}["escalation"] == "cancelled"
    event = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "safeguarding.alert_handled")
    ).one()
    assert event.actor_id == officer.id
    assert event.local_authority_id == survey_round.local_authority_id
    assert REFERRED in event.detail
    assert "ref 123" not in event.detail
    assert "Duty team" in officer_client.get(path).get_data(as_text=True)


def test_only_the_authoritys_own_outcomes_can_be_recorded(
    officer_client: FlaskClient, session: Session, survey_round: SurveyRound, code: AccessCode
) -> None:
    alert = _alert(session, survey_round, code)
    path = f"/admin/rounds/{survey_round.id}/alerts/{alert.id}"

    answer = post_form(officer_client, path, {"outcome": "Ignored it", "note": ""})

    assert answer.status_code == 200
    assert "Select what was done" in answer.get_data(as_text=True)
    session.expire_all()
    assert session.get_one(SafeguardingAlert, alert.id).handled_at is None


def test_another_authoritys_staff_never_see_or_handle_the_alert(
    client: FlaskClient, session: Session, survey_round: SurveyRound, code: AccessCode
) -> None:
    alert = _alert(session, survey_round, code)
    outsider = make_staff(session, email="outsider@elsewhere.example")
    session.commit()
    sign_in(client, outsider)
    path = f"/admin/rounds/{survey_round.id}/alerts/{alert.id}"

    assert client.get(path).status_code == 404
    assert client.get(f"/admin/rounds/{survey_round.id}/alerts").status_code == 404
    assert client.post(path, data={"outcome": REFERRED}).status_code in {400, 404}
    rounds = client.get("/admin/rounds").get_data(as_text=True)
    assert BANNER not in rounds
    assert WORRYING not in rounds
    session.expire_all()
    assert session.get_one(SafeguardingAlert, alert.id).handled_at is None


def test_service_leads_see_no_alerts_as_they_never_read_answers(
    client: FlaskClient,
    officer: StaffUser,
    session: Session,
    survey_round: SurveyRound,
    code: AccessCode,
) -> None:
    alert = _alert(session, survey_round, code)
    lead = make_staff(session, "service_lead", local_authority=officer.local_authority)
    session.commit()
    sign_in(client, lead)

    assert client.get(f"/admin/rounds/{survey_round.id}/alerts/{alert.id}").status_code == 403
    assert BANNER not in client.get(f"/admin/rounds/{survey_round.id}").get_data(as_text=True)


def test_an_alert_outlives_an_answer_the_child_removed(
    officer_client: FlaskClient, session: Session, survey_round: SurveyRound, code: AccessCode
) -> None:
    alert = _alert(session, survey_round, code)
    assert alert.answer is not None
    response = alert.answer.response
    skip_answer(session, response, version_of(response).item("worries"))
    session.commit()

    page = officer_client.get(f"/admin/rounds/{survey_round.id}/alerts/{alert.id}")

    assert page.status_code == 200
    assert "The answer is no longer stored" in page.get_data(as_text=True)
    assert BANNER in officer_client.get(f"/admin/rounds/{survey_round.id}").get_data(as_text=True)


def test_a_sent_email_counts_its_recipients_in_words_that_agree_with_the_number(
    officer_client: FlaskClient, session: Session, survey_round: SurveyRound, code: AccessCode
) -> None:
    alert = _alert(session, survey_round, code)
    email = next(e for e in alert.emails if e.kind == "alert")
    path = f"/admin/rounds/{survey_round.id}/alerts/{alert.id}"
    for count, words in ((1, "Sent to 1 person on"), (3, "Sent to 3 people on")):
        email.status, email.recipient_count, email.sent_at = "sent", count, now_utc()
        session.commit()
        assert words in officer_client.get(path).get_data(as_text=True)

"""Entry by code or poster link, routing to the right questionnaire, and the welcome page."""

from __future__ import annotations

from datetime import date, timedelta

from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.extensions import db
from survey_app.models import Response
from tests.conftest import make_test_app
from tests.factories import make_access_code
from tests.integration.respond.conftest import open_round, post, the_response


def test_a_typed_code_is_forgiven_its_case_and_spacing(
    client: FlaskClient, session: Session
) -> None:
    _code, clear = make_access_code(session, open_round(session))
    session.commit()
    messy = "  " + clear.upper().replace("-", " ") + " "
    entered = post(client, "/start", {"code": messy})
    assert entered.status_code == 303
    assert entered.headers["Location"] == "/start/next"


def test_an_unknown_typed_code_is_shown_kindly_on_the_same_page(
    client: FlaskClient, session: Session
) -> None:
    page = post(client, "/start", {"code": "no-such-code-11"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "We could not find that code" in html
    assert 'href="#code"' in html


def test_an_unknown_poster_link_gets_a_kind_page_not_a_stack_trace(client: FlaskClient) -> None:
    page = client.get("/s/no-such-code-11", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert "We could not find that survey" in page.get_data(as_text=True)


def test_a_revoked_code_says_what_to_do(client: FlaskClient, session: Session) -> None:
    _code, clear = make_access_code(session, open_round(session), is_revoked=True)
    session.commit()
    page = client.get(f"/s/{clear}", headers={"Accept": "text/html"})
    assert page.status_code == 403
    assert "This code no longer works" in page.get_data(as_text=True)


def test_a_code_for_a_closed_round_says_the_survey_is_closed(
    client: FlaskClient, session: Session
) -> None:
    yesterday = date.today() - timedelta(days=1)
    survey_round = open_round(session, closes_on=yesterday, opens_on=yesterday)
    _code, clear = make_access_code(session, survey_round)
    session.commit()
    page = client.get(f"/s/{clear}", headers={"Accept": "text/html"})
    assert page.status_code == 403
    assert "This survey is closed" in page.get_data(as_text=True)


def test_scripts_get_a_short_400_style_reply_for_a_refused_code(client: FlaskClient) -> None:
    page = client.get("/s/no-such-code-11", headers={"Accept": "application/json"})
    assert page.get_data(as_text=True) == "404\n"


def test_code_entry_is_rate_limited_without_storing_addresses(
    database_url: str, session: Session
) -> None:
    # An app of its own, so the limit is checked even if the shared limiter was switched off.
    limited_app = make_test_app(database_url, RATELIMIT_ENABLED=True)
    limited = limited_app.test_client()
    statuses = [post(limited, "/start", {"code": "wrong-code-10"}).status_code for _ in range(11)]
    with limited_app.app_context():
        db.engine.dispose()
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429


def test_a_child_in_care_is_asked_care_status_then_age_then_welcomed(
    client: FlaskClient, session: Session
) -> None:
    _code, clear = make_access_code(session, open_round(session))
    session.commit()
    client.get(f"/s/{clear}")
    assert client.get("/start/next").headers["Location"] == "/start/care"
    care = client.get("/start/care").get_data(as_text=True)
    assert "Are you in care now, or have you left care?" in care
    assert "checked" not in care
    assert post(client, "/start/care", {"choice": "in_care"}).headers["Location"] == "/start/next"
    assert client.get("/start/next").headers["Location"] == "/start/age"
    age = client.get("/start/age").get_data(as_text=True)
    assert "8 to 10 years old" in age
    assert "16 to 25" not in age
    post(client, "/start/age", {"choice": "cic-11-17"})
    welcome = client.get("/welcome").get_data(as_text=True)
    assert "ages 11 to 17" in welcome


def test_a_care_leaver_goes_straight_to_the_leavers_welcome(
    client: FlaskClient, session: Session
) -> None:
    _code, clear = make_access_code(session, open_round(session))
    session.commit()
    client.get(f"/s/{clear}")
    post(client, "/start/care", {"choice": "care_leaver"})
    assert client.get("/start/next").headers["Location"] == "/welcome"
    assert "ages 16 to 25" in client.get("/welcome").get_data(as_text=True)


def test_a_routing_question_needs_an_answer_to_choose_the_questionnaire(
    client: FlaskClient, session: Session
) -> None:
    _code, clear = make_access_code(session, open_round(session))
    session.commit()
    client.get(f"/s/{clear}")
    page = post(client, "/start/care", {"choice": "astronaut"})
    assert page.status_code == 200
    assert "Select one answer to continue" in page.get_data(as_text=True)


def test_a_code_issued_for_one_audience_skips_the_routing_questions(
    client: FlaskClient, session: Session
) -> None:
    _code, clear = make_access_code(session, open_round(session), audience="care_leaver")
    session.commit()
    client.get(f"/s/{clear}")
    assert client.get("/start/next").headers["Location"] == "/welcome"


def test_the_welcome_page_says_it_is_anonymous_skippable_and_how_long_it_takes(
    client: FlaskClient, session: Session
) -> None:
    _code, clear = make_access_code(session, open_round(session), audience="cic-8-10")
    session.commit()
    client.get(f"/s/{clear}")
    html = client.get("/welcome").get_data(as_text=True)
    assert "about 12 minutes" in html
    assert "We do not ask for your name" in html
    assert "skip any question" in html
    assert 'href="/help"' in html


def test_the_4_to_7_survey_starts_in_trusted_adult_mode(
    client: FlaskClient, session: Session
) -> None:
    _code, clear = make_access_code(session, open_round(session), audience="cic-4-7")
    session.commit()
    client.get(f"/s/{clear}")
    assert "A grown-up you trust helps" in client.get("/welcome").get_data(as_text=True)
    post(client, "/welcome")
    response = the_response(session)
    assert (response.mode, response.instrument, response.version) == ("trusted_adult", "cic-4-7", 1)


def test_pressing_start_twice_in_turn_makes_one_response(
    client: FlaskClient, session: Session
) -> None:
    _code, clear = make_access_code(session, open_round(session), audience="cic-8-10")
    session.commit()
    client.get(f"/s/{clear}")
    post(client, "/welcome")
    again = post(client, "/welcome")
    assert again.headers["Location"] == "/continue"
    assert session.scalar(select(func.count()).select_from(Response)) == 1


def test_entering_a_new_code_on_a_shared_device_starts_afresh(
    client: FlaskClient, session: Session
) -> None:
    survey_round = open_round(session)
    _code, clear = make_access_code(session, survey_round, audience="cic-8-10")
    session.commit()
    client.get(f"/s/{clear}")
    post(client, "/welcome")
    client.get(f"/s/{clear}")
    assert client.get("/welcome").status_code == 200
    post(client, "/welcome")
    assert session.scalar(select(func.count()).select_from(Response)) == 2


def test_the_first_question_links_back_to_the_welcome_page_which_carries_on(
    client: FlaskClient, session: Session
) -> None:
    _code, clear = make_access_code(session, open_round(session), audience="cic-8-10")
    session.commit()
    client.get(f"/s/{clear}")
    post(client, "/welcome")
    first = client.get("/continue").headers["Location"]
    assert 'href="/welcome" class="govuk-back-link"' in client.get(first).get_data(as_text=True)
    welcome = client.get("/welcome").get_data(as_text=True)
    assert 'href="/continue"' in welcome
    assert "Start now" not in welcome

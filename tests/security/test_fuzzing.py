"""Fuzzing every form: hostile posts never cause a server error or a partial write.

The test walks the URL map, so a new POST route is fuzzed the day it is added (or the test asks
to be taught its path). Respondent forms are fuzzed mid-journey; staff forms as a programme
admin, who may use every one of them. For each example:

- the answer is never a 5xx;
- a refused post (any 4xx) leaves every table as it was, except the audit log, which records
  refusals such as a wrong password by design;
- a post without a valid CSRF token is refused (400, or 413 when also too large) and leaves
  every table, the audit log included, exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.routing import Rule

from questionnaires import load_catalogue
from survey_app.extensions import db, limiter
from survey_app.models import Answer, SafeguardingAlert
from survey_app.services.paper_entry import paper_reference
from survey_app.services.users import invite_user
from tests.factories import (
    ALL_INSTRUMENTS,
    make_access_code,
    make_action,
    make_answered_response,
    make_round,
    make_staff,
)
from tests.integration.auth.staff_client import csrf_token, sign_in
from tests.security.fuzz_requests import (
    HOSTILE_IDS,
    HostilePost,
    fingerprint,
    form_fields,
    hostile_id_paths,
    hostile_posts,
    int_arguments,
)

RESPONDENT_EXAMPLES = 25
STAFF_EXAMPLES = 15
ENTRY_ENDPOINTS = {"respond.enter_code", "respond.care", "respond.age", "respond.begin_survey"}
ENTRY_ENDPOINTS |= {"respond.enter_resume_code"}
JOURNEY_ENDPOINTS = {"respond.answer", "respond.submit", "respond.issue_code"}
STAFF_BLUEPRINTS = ("admin.", "auth.", "reports.")
STAFF_ENDPOINTS = {
    *("admin.edit_authority", "admin.new_authority", "admin.advance", "admin.codes"),
    *("admin.revoke", "admin.forget_codes", "admin.edit_round", "admin.moderate"),
    *("admin.paper_check", "admin.paper_new", "admin.new_round", "admin.user_detail"),
    "admin.paper_correct",
    *("admin.toggle_active", "admin.unlock_user", "admin.invite_staff"),
    "admin.reset_user_second_factor",
    *("admin.group_session", "admin.end_group"),
    *("admin.safeguarding_settings", "admin.alert"),
    "admin.report_branding",
    *("auth.confirm", "auth.invite", "auth.login", "auth.logout"),
    "auth.choose_language",
    *("auth.second_factor", "auth.recovery", "auth.set_up_second_factor"),
    *("reports.new_action", "reports.edit_action", "reports.remove_plan_action"),
}
# No shrinking: a CI fuzzer should fail fast; the failing post is printed in full anyway.
FUZZ = settings(
    deadline=None,
    database=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def post_rules(app: Flask, prefixes: tuple[str, ...]) -> list[str]:
    """Endpoints of every POST route whose endpoint starts with one of ``prefixes``."""
    return sorted(
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if "POST" in rule.methods and rule.endpoint.startswith(prefixes)
    )


def _rule(app: Flask, endpoint: str) -> Rule:
    return next(
        r for r in app.url_map.iter_rules() if r.endpoint == endpoint and "POST" in r.methods
    )


@dataclass
class Target:
    """A signed-in (or mid-journey) client, its CSRF tokens and the values for path arguments."""

    client: FlaskClient
    token: str
    other_token: str
    arguments: dict[str, object]


def test_every_post_route_is_fuzzed(app: Flask) -> None:
    """The lists below cover the URL map, so a new form cannot slip past the fuzzer."""
    assert set(post_rules(app, ("respond.",))) == ENTRY_ENDPOINTS | JOURNEY_ENDPOINTS
    assert set(post_rules(app, STAFF_BLUEPRINTS)) == STAFF_ENDPOINTS
    assert post_rules(app, ("pages.",)) == []


def _other_token(app: Flask) -> str:
    """A valid token, but for somebody else's session."""
    return csrf_token(app.test_client(), "/start")


def _respondent_target(app: Flask, client: FlaskClient, session: Session, endpoint: str) -> Target:
    """A respondent at the step where ``endpoint`` makes sense: entering, or mid-survey."""
    if endpoint in ENTRY_ENDPOINTS:
        survey_round = make_round(session, instruments=ALL_INSTRUMENTS)
        _code, clear = make_access_code(session, survey_round)
    else:
        _code, clear = make_access_code(session, make_round(session), audience="cic-8-10")
    session.commit()
    client.get(f"/s/{clear}")
    if endpoint in JOURNEY_ENDPOINTS:
        assert client.post("/welcome", data={"csrf_token": csrf_token(client, "/welcome")})
    token = csrf_token(client, "/start")
    return Target(client, token, _other_token(app), {})


def _send_and_check(app: Flask, target: Target, path: str, post: HostilePost) -> int:
    """Send ``post``; assert no 5xx, and no write when refused. Return the status."""
    with app.app_context():
        limiter.reset()
        before = fingerprint(db.engine)
    response = post.send(target.client, path, target.token, target.other_token)
    status = response.status_code
    response.close()
    assert status < 500, f"{path} answered {status} to {post!r:.500}"
    with app.app_context():
        after = fingerprint(db.engine)
    if post.token != "valid":
        assert status in (400, 413), f"{path} accepted a post with a {post.token} token"
        assert after == before, f"{path} wrote data on a refused post"
    elif status >= 400:
        audit_free = {k: v for k, v in after.items() if k != "audit_event"}
        assert audit_free == {k: v for k, v in before.items() if k != "audit_event"}, path
    return status


@pytest.mark.slow
@pytest.mark.parametrize(
    "endpoint", sorted(ENTRY_ENDPOINTS | JOURNEY_ENDPOINTS), ids=lambda e: e.split(".")[1]
)
@settings(FUZZ, max_examples=RESPONDENT_EXAMPLES)
@given(data=st.data())
def test_respondent_forms_survive_hostile_posts(
    app: Flask, client: FlaskClient, session: Session, endpoint: str, data: st.DataObject
) -> None:
    """Mid-journey respondents: whatever they post, no 5xx and no partial write."""
    target = _respondent_target(app, client, session, endpoint)
    item_ids = [i.id for i in load_catalogue().get("cic-8-10@v1").items]
    rule = _rule(app, endpoint)
    # Any text but "/" (a slash is another route, which Werkzeug redirects before any view).
    tampered = st.text(st.characters(exclude_characters="/"), min_size=1, max_size=20)
    item_id = data.draw(st.one_of(st.sampled_from(item_ids), tampered))
    path = rule.build({"item_id": item_id} if "item_id" in rule.arguments else {})[1]
    fields = form_fields(client.get(path).get_data(as_text=True)) if "GET" in rule.methods else ()
    _send_and_check(app, target, path, data.draw(hostile_posts(fields)))


@pytest.fixture
def admin_target(app: Flask, client: FlaskClient, session: Session) -> Target:
    """A programme admin, signed in through the real form, and objects for every path argument."""
    admin = make_staff(session, role="programme_admin")
    officer = make_staff(session, role="participation_officer")
    survey_round = make_round(session, officer.local_authority)
    code, _clear = make_access_code(session, survey_round)
    make_answered_response(session, survey_round, answers={"worries": "Fuzzing is fun"})
    paper = make_answered_response(session, survey_round, mode="paper")
    answer = session.scalars(select(Answer).where(Answer.item_id == "worries")).one()
    make_answered_response(session, survey_round, answers={"make_care_better": "kill myself"})
    alert = session.scalars(select(SafeguardingAlert)).one()
    action = make_action(session, survey_round)
    _user, invite = invite_user(
        session, admin, email="new@example.test", name="New", role="programme_admin", authority=None
    )
    session.commit()
    sign_in(client, admin)
    arguments = {
        "round_id": survey_round.id,
        "code_id": code.id,
        "answer_id": answer.id,
        "alert_id": alert.id,
        "action_id": action.id,
        "authority_id": officer.local_authority_id,
        "user_id": officer.id,
        "instrument": "cic-8-10",
        "language": "en",
        "reference": paper_reference(paper),
        "token": invite,
        "kind": "csv",
        "table": "comparisons",
    }
    return Target(client, csrf_token(client, "/admin/"), _other_token(app), arguments)


def _staff_path(rule: Rule, arguments: dict[str, object]) -> str:
    unknown = set(rule.arguments) - set(arguments)
    assert not unknown, f"{rule.endpoint}: teach test_fuzzing about {unknown}"
    return rule.build({name: arguments[name] for name in rule.arguments})[1]


@pytest.mark.slow
@pytest.mark.parametrize(
    "endpoint",
    sorted(STAFF_ENDPOINTS),
)
@settings(FUZZ, max_examples=STAFF_EXAMPLES)
@given(data=st.data())
def test_staff_forms_survive_hostile_posts(
    app: Flask, admin_target: Target, endpoint: str, data: st.DataObject
) -> None:
    """A signed-in admin's forms: whatever is posted, no 5xx and no partial write."""
    rule = _rule(app, endpoint)
    path = _staff_path(rule, admin_target.arguments)
    page = admin_target.client.get(path) if "GET" in rule.methods else None
    fields = form_fields(page.get_data(as_text=True)) if page and page.status_code == 200 else ()
    _send_and_check(app, admin_target, path, data.draw(hostile_posts(fields)))


def _hostile_id_statuses(app: Flask, target: Target) -> tuple[int, list[tuple[str, str, int]]]:
    """GET and POST (with a valid CSRF token) every path of every route with a whole-number
    argument, that argument set to each hostile id; return the route count and every answer."""
    rules = [rule for rule in app.url_map.iter_rules() if int_arguments(rule)]
    answers = []
    for rule in rules:
        for path in hostile_id_paths(rule, target.arguments):
            for method in ("GET", "POST"):
                with app.app_context():
                    limiter.reset()
                data = {"csrf_token": target.token} if method == "POST" else None
                response = target.client.open(path, method=method, data=data)
                answers.append((method, path, response.status_code))
                response.close()
    return len(rules), answers


def test_hostile_ids_on_every_route_are_a_404_never_a_server_error(
    app: Flask, admin_target: Target, record_property: Callable[[str, object], None]
) -> None:
    """Ids past PostgreSQL's integer or 64 bits, zero or negative, in every ``<int:...>`` of
    the URL map, GET and POST, as a programme admin: not found (or 405), never a 5xx."""
    routes, answers = _hostile_id_statuses(app, admin_target)
    unexpected = [answer for answer in answers if answer[2] not in (404, 405)]
    assert routes >= 30, "the URL map should have its id routes"
    assert not unexpected, unexpected[:10]
    record_property("summary", f"{len(answers)} hostile-id requests to {routes} routes, no 5xx")


def test_a_hostile_audit_log_page_number_is_never_a_server_error(admin_target: Target) -> None:
    """Found with the id fuzzer: ``?page=`` past 2**63 / 50 was an offset the database refused."""
    statuses = {
        page: admin_target.client.get(f"/admin/audit?page={page}").status_code
        for page in HOSTILE_IDS
    }
    assert statuses == dict.fromkeys(HOSTILE_IDS, 200)


@pytest.mark.parametrize(
    "boxes", [None, ["3"], ["3", "3", "2027", "1"]], ids=["none", "one", "four"]
)
def test_a_new_round_without_its_three_date_boxes_is_refused_kindly(
    admin_target: Target, boxes: list[str] | None
) -> None:
    """Found by the fuzzer: missing or extra date boxes were a 500 in the date widget."""
    data = {"csrf_token": admin_target.token, "name": "Autumn", "opens_on": boxes or []}
    refused = admin_target.client.post("/admin/rounds/new", data=data)
    assert refused.status_code == 200
    body = refused.get_data(as_text=True)
    assert "There is a problem" in body
    assert body.count('name="opens_on"') == 3


@pytest.mark.parametrize("path", ["/start", "/auth/sign-in"])
def test_a_form_field_without_a_readable_name_is_a_bad_request(
    client: FlaskClient, path: str
) -> None:
    """Found by the fuzzer: a multipart name ending in a backslash was a 500 in the CSRF check."""
    body = b'--b\r\nContent-Disposition: form-data; name="x\\"\r\n\r\nvalue\r\n--b--\r\n'
    refused = client.post(path, data=body, content_type="multipart/form-data; boundary=b")
    assert refused.status_code == 400

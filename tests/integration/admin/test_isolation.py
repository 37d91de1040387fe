"""Every staff route needs a signed-in user and never shows another local authority's data.

The test walks the app's URL map, so a new staff route is covered the day it is added: with
every HTTP method it accepts (GET, HEAD, POST and OPTIONS) and the ones it does not (PUT, PATCH,
DELETE answer 405), it must send signed-out people to sign in, answer 403 or 404 for objects of
another local authority for every role that is tied to one, and 403 to a role it does not name.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.routing import Rule

from survey_app.models import Answer, SafeguardingAlert, StaffUser
from survey_app.services.paper_entry import paper_reference
from tests.factories import (
    make_access_code,
    make_action,
    make_answered_response,
    make_round,
    make_staff,
)
from tests.integration.auth.staff_client import csrf_token, sign_in

STAFF_BLUEPRINTS = ("admin.", "auth.", "reports.")
PUBLIC_ENDPOINTS = {"auth.login", "auth.invite", "auth.choose_language"}
ACCOUNT_ENDPOINTS = {"auth.logout", "auth.confirm"}
# After a right password and before a session: they serve only that account, else sign-in.
SIGN_IN_STEPS = {"auth.second_factor", "auth.recovery", "auth.set_up_second_factor"}
SECRET = "Zebra-Lighthouse-Round"


@dataclass(frozen=True)
class OtherAuthority:
    """Ids of objects that belong to a local authority the signed-in user does not."""

    values: dict[str, object]


ACCEPTED = ("GET", "HEAD", "POST", "OPTIONS")
REFUSED = ("PUT", "PATCH", "DELETE")


def _objects_of(session: Session, owner: StaffUser, secret: str) -> dict[str, object]:
    """Ids of one object of every kind a staff path names, in ``owner``'s local authority."""
    survey_round = make_round(session, owner.local_authority, name=secret)
    code, _clear = make_access_code(session, survey_round, label=secret)
    answered = make_answered_response(session, survey_round, answers={"worries": secret})
    paper = make_answered_response(session, survey_round, mode="paper")
    answer = session.scalars(select(Answer).where(Answer.response_id == answered.id)).one()
    make_answered_response(
        session, survey_round, answers={"make_care_better": f"I want to kill myself {secret}"}
    )
    alert = session.scalars(
        select(SafeguardingAlert).where(SafeguardingAlert.round_id == survey_round.id)
    ).one()
    action = make_action(session, survey_round, text=secret)
    session.commit()
    return {
        "round_id": survey_round.id,
        "action_id": action.id,
        "code_id": code.id,
        "answer_id": answer.id,
        "alert_id": alert.id,
        "authority_id": owner.local_authority_id,
        "user_id": owner.id,
        "instrument": "cic-8-10",
        "language": "en",
        "reference": paper_reference(paper),
        "kind": "csv",
        "table": "indicators",
    }


@pytest.fixture
def other(session: Session) -> OtherAuthority:
    theirs = make_staff(session, email="someone.else@example.test")
    return OtherAuthority(_objects_of(session, theirs, SECRET))


def staff_rules(app: Flask) -> list[Rule]:
    """Every route of the staff blueprints, except sign-in and invitations (public by design)."""
    return [
        rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith(STAFF_BLUEPRINTS) and rule.endpoint not in PUBLIC_ENDPOINTS
    ]


def _path(rule: Rule, other: OtherAuthority) -> str:
    unknown = set(rule.arguments) - set(other.values)
    assert not unknown, f"{rule.endpoint}: teach test_isolation about {unknown}"
    return rule.build({name: other.values[name] for name in rule.arguments})[1]


def _visit(client: FlaskClient, rule: Rule, path: str, token: str):
    if "GET" in rule.methods:
        return client.get(path)
    return client.post(path, data={"csrf_token": token})


def _visits(client: FlaskClient, rule: Rule, path: str, token: str):
    """(method, response) for every method the route accepts, with a valid CSRF token."""
    for method in ACCEPTED:
        if method not in rule.methods:
            continue
        if method in ("HEAD", "OPTIONS"):
            # No body, so no page for CheckedClient to check: open it as a plain client does.
            yield method, FlaskClient.open(client, path, method=method)
        else:
            data = {"csrf_token": token} if method == "POST" else None
            yield method, client.open(path, method=method, data=data)


def test_every_staff_route_sends_signed_out_people_to_sign_in(
    client: FlaskClient, app: Flask, other: OtherAuthority
) -> None:
    """Every method but OPTIONS (which only lists methods) goes to sign-in, token or not."""
    token = csrf_token(client, "/auth/sign-in")
    for rule in staff_rules(app):
        for method, page in _visits(client, rule, _path(rule, other), token):
            if method == "OPTIONS":
                assert page.get_data() == b"", rule.endpoint
                continue
            assert page.status_code == 302, (rule.endpoint, method)
            assert page.headers["Location"].startswith("/auth/sign-in"), (rule.endpoint, method)
        assert client.post(_path(rule, other)).status_code in (400, 405), rule.endpoint


def test_methods_a_staff_route_does_not_accept_are_refused(
    client: FlaskClient, app: Flask, session: Session, other: OtherAuthority
) -> None:
    """PUT, PATCH and DELETE reach no view: 405, whoever asks, and no data in the answer."""
    sign_in(client, make_staff(session, role="programme_admin"))
    for rule in staff_rules(app):
        for method in REFUSED:
            page = client.open(_path(rule, other), method=method)
            assert page.status_code == 405, (rule.endpoint, method)
            assert SECRET not in page.get_data(as_text=True), (rule.endpoint, method)


def test_every_staff_view_declares_who_may_use_it(app: Flask) -> None:
    bare = [
        rule.endpoint
        for rule in staff_rules(app)
        if rule.endpoint not in ACCOUNT_ENDPOINTS | SIGN_IN_STEPS
        and not hasattr(app.view_functions[rule.endpoint], "staff_roles")
    ]
    assert bare == []


@pytest.mark.parametrize("role", ["participation_officer", "service_lead"])
def test_no_staff_route_shows_another_authoritys_objects(
    client: FlaskClient, app: Flask, session: Session, other: OtherAuthority, role: str
) -> None:
    me = make_staff(session, role=role)
    session.commit()
    sign_in(client, me)
    token = csrf_token(client, "/admin/")
    leaks = []
    for rule in staff_rules(app):
        if rule.endpoint in ACCOUNT_ENDPOINTS:
            continue
        for method, page in _visits(client, rule, _path(rule, other), token):
            body = page.get_data(as_text=True)
            page.close()
            if rule.arguments and method != "OPTIONS" and page.status_code not in (403, 404):
                leaks.append(f"{method} {rule.endpoint} answered {page.status_code}")
            if SECRET in body:
                leaks.append(f"{method} {rule.endpoint} showed another authority's data")
    assert leaks == []


@pytest.mark.parametrize("role", ["participation_officer", "service_lead"])
def test_every_staff_route_refuses_a_role_it_does_not_name(
    client: FlaskClient, app: Flask, session: Session, role: str
) -> None:
    """Even for my own authority's objects, a route my role may not use is a 403, every method."""
    me = make_staff(session, role=role)
    mine = OtherAuthority(_objects_of(session, me, "Mine"))
    sign_in(client, me)
    token = csrf_token(client, "/admin/")
    wrong = []
    for rule in staff_rules(app):
        roles = getattr(app.view_functions[rule.endpoint], "staff_roles", None)
        if roles is None or role in roles:
            continue
        for method, page in _visits(client, rule, _path(rule, mine), token):
            if method != "OPTIONS" and page.status_code != 403:
                wrong.append(f"{method} {rule.endpoint} answered {page.status_code}")
            page.close()
    assert wrong == []

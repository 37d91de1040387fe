"""Every staff route needs a signed-in user and never shows another local authority's data.

The test walks the app's URL map, so a new staff route is covered the day it is added: it must
answer 403 or 404 for objects of another local authority, for every role that is tied to one.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.routing import Rule

from survey_app.models import Answer
from survey_app.services.paper_entry import paper_reference
from tests.factories import make_access_code, make_answered_response, make_round, make_staff
from tests.integration.auth.staff_client import csrf_token, sign_in

STAFF_BLUEPRINTS = ("admin.", "auth.", "reports.")
PUBLIC_ENDPOINTS = {"auth.login", "auth.invite"}
ACCOUNT_ENDPOINTS = {"auth.logout", "auth.confirm"}
SECRET = "Zebra-Lighthouse-Round"


@dataclass(frozen=True)
class OtherAuthority:
    """Ids of objects that belong to a local authority the signed-in user does not."""

    values: dict[str, object]


@pytest.fixture
def other(session: Session) -> OtherAuthority:
    theirs = make_staff(session, email="someone.else@example.test")
    survey_round = make_round(session, theirs.local_authority, name=SECRET)
    code, _clear = make_access_code(session, survey_round, label=SECRET)
    make_answered_response(session, survey_round, answers={"worries": SECRET})
    paper = make_answered_response(session, survey_round, mode="paper")
    answer = session.scalars(select(Answer).where(Answer.item_id == "worries")).one()
    session.commit()
    return OtherAuthority(
        {
            "round_id": survey_round.id,
            "code_id": code.id,
            "answer_id": answer.id,
            "authority_id": theirs.local_authority_id,
            "user_id": theirs.id,
            "instrument": "cic-8-10",
            "reference": paper_reference(paper),
            "kind": "csv",
            "table": "indicators",
        }
    )


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


def test_every_staff_route_sends_signed_out_people_to_sign_in(
    client: FlaskClient, app: Flask, other: OtherAuthority
) -> None:
    for rule in staff_rules(app):
        page = _visit(client, rule, _path(rule, other), token="")
        assert page.status_code in (302, 400), rule.endpoint
        if page.status_code == 302:
            assert page.headers["Location"].startswith("/auth/sign-in"), rule.endpoint


def test_every_staff_view_declares_who_may_use_it(app: Flask) -> None:
    bare = [
        rule.endpoint
        for rule in staff_rules(app)
        if rule.endpoint not in ACCOUNT_ENDPOINTS
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
        page = _visit(client, rule, _path(rule, other), token)
        body = page.get_data(as_text=True)
        page.close()
        if rule.arguments and page.status_code not in (403, 404):
            leaks.append(f"{rule.endpoint} answered {page.status_code}")
        if SECRET in body:
            leaks.append(f"{rule.endpoint} showed another authority's data")
    assert leaks == []

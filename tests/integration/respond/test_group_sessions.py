"""A room of children behind one school or children's-home address answers without a 429.

Survey posts are limited per respondent (60 a minute each), with a far higher flood guard per
address, so one address no longer shares a single allowance between a whole class.
"""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from survey_app.extensions import db
from tests.conftest import make_test_app
from tests.factories import make_access_code
from tests.integration.respond.conftest import BROWSER, open_round, post, token

CHILDREN = 30
QUESTIONS = (("feel_safe", "always"), ("like_bedroom", "yes"), ("trust_carers", "sometimes"))


def _one_child(app: Flask, code: str) -> list[int]:
    """Every POST status of one child entering the code and answering three questions."""
    child: FlaskClient = app.test_client()
    statuses = [post(child, "/start", {"code": code}).status_code]
    statuses.append(post(child, "/welcome").status_code)
    csrf = token(child, "/q/feel_safe")
    for item_id, answer in QUESTIONS:
        reply = child.post(
            f"/q/{item_id}", data={"csrf_token": csrf, "answer": answer}, headers=BROWSER
        )
        statuses.append(reply.status_code)
    return statuses


def test_thirty_children_behind_one_address_all_answer_without_being_held_up(
    database_url: str, session: Session
) -> None:
    _code, clear = make_access_code(session, open_round(session), audience="cic-8-10")
    session.commit()
    limited_app = make_test_app(database_url, RATELIMIT_ENABLED=True)

    statuses = [status for _ in range(CHILDREN) for status in _one_child(limited_app, clear)]

    with limited_app.app_context():
        db.engine.dispose()
    assert len(statuses) == CHILDREN * (2 + len(QUESTIONS))  # 150 posts in well under a minute
    assert 429 not in statuses
    assert set(statuses) == {303}


def test_one_respondent_is_still_limited_to_sixty_posts_a_minute(
    database_url: str, session: Session
) -> None:
    _code, clear = make_access_code(session, open_round(session), audience="cic-8-10")
    session.commit()
    limited_app = make_test_app(database_url, RATELIMIT_ENABLED=True)
    child = limited_app.test_client()
    post(child, "/start", {"code": clear})
    post(child, "/welcome")
    csrf = token(child, "/q/feel_safe")

    def answer() -> int:
        data = {"csrf_token": csrf, "answer": "yes"}
        return child.post("/q/like_bedroom", data=data, headers=BROWSER).status_code

    statuses = [answer() for _ in range(60)]

    with limited_app.app_context():
        db.engine.dispose()
    assert 429 not in statuses
    assert answer() == 429

"""A view's unit of work commits everything its services did or nothing, and a service's refusal
reaches the person in their language, never as a 500."""

from __future__ import annotations

import pytest
from flask import Flask
from flask_babel import refresh
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.common.units_of_work import unit_of_work, user_message
from survey_app.models import LocalAuthority
from survey_app.services.user_errors import N_, UserError, Words
from tests.conftest import make_test_app
from tests.factories import make_authority
from tests.integration.respond.conftest import BROWSER


def _authority_codes(session: Session) -> list[str]:
    return list(session.scalars(select(LocalAuthority.code)))


def test_a_unit_of_work_commits_what_its_block_did(session: Session) -> None:
    with unit_of_work(session) as work:
        authority = make_authority(session)
    session.rollback()  # Only what was committed survives this.
    assert not work.refused
    assert _authority_codes(session) == [authority.code]


def test_a_refusal_rolls_back_the_block_and_is_kept_for_the_view(session: Session) -> None:
    with unit_of_work(session) as work:
        make_authority(session)
        raise UserError(N_("Select a role"), "role")
    assert work.refused
    assert work.refusal is not None
    assert work.refusal.field == "role"
    assert _authority_codes(session) == []


def _fail_after_adding_an_authority(session: Session) -> None:
    with unit_of_work(session):
        make_authority(session)
        raise RuntimeError("a bug")


def test_any_other_error_rolls_back_the_block_and_goes_on(session: Session) -> None:
    with pytest.raises(RuntimeError):
        _fail_after_adding_an_authority(session)
    assert _authority_codes(session) == []


def test_a_refusal_is_said_in_the_readers_language_with_its_words_translated(app: Flask) -> None:
    refusal = UserError(
        N_("This cannot change while the round is %(status)s"), status=Words(N_("open"))
    )
    with app.test_request_context("/?lang=cy"):
        refresh()
        assert user_message(refusal) == "Ni all hyn newid tra bo'r cylch ar agor"
    assert str(refusal) == "This cannot change while the round is open"


def test_a_refusal_no_view_showed_is_a_kind_400_page_not_a_500(database_url: str) -> None:
    app = make_test_app(database_url)

    def refuse() -> str:
        raise UserError(N_("Select a role"))

    app.add_url_rule("/refuse", view_func=refuse)
    page = app.test_client().get("/refuse", headers=BROWSER)
    assert page.status_code == 400
    assert "Select a role" in page.get_data(as_text=True)

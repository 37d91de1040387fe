"""Closed answers that signal risk bring up a kind page once per survey, storing nothing more;
help pages list the helplines that fit the respondent's age band, nation and language."""

from __future__ import annotations

from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from bench._client import Page
from bench._respondent import carry_on_link
from questionnaires import Item, load_catalogue
from survey_app.extensions import db
from tests.factories import make_access_code, make_authority
from tests.integration.respond.conftest import (
    BROWSER,
    enter,
    item_of_type,
    open_round,
    post,
    version,
)


def risk_choices(instrument: str = "cic-8-10") -> list[tuple[Item, str]]:
    """Questions shown to everyone, each with an answer that signals risk, in survey order."""
    signals = load_catalogue().risk_signals
    found = []
    for item in version(instrument).items:
        codes = sorted(signals.risk_answers(f"{instrument}@v1", item.id))
        if codes and not item.show_if:
            found.append((item, codes[0]))
    return found


def calm_answer(item: Item, instrument: str = "cic-8-10") -> str:
    risky = load_catalogue().risk_signals.risk_answers(f"{instrument}@v1", item.id)
    return next(code for code in item.option_values if code not in risky)


def session_contents(client: FlaskClient) -> dict:
    """What the respondent's session cookie holds, read through its signature.

    Compared by contents, not by the signed value: the signature carries a timestamp, so a cookie
    re-signed a second later differs although it stores nothing new.
    """
    serializer = client.application.session_interface.get_signing_serializer(client.application)
    return dict(serializer.loads(client.get_cookie("session").value))


def every_row(session: Session) -> dict[str, set[tuple]]:
    """Every row of every table, for checking what a request stored."""
    session.expire_all()
    return {
        table.name: {tuple(row) for row in session.execute(select(table))}
        for table in db.metadata.sorted_tables
    }


def enter_for(client: FlaskClient, session: Session, instrument: str, **authority: str) -> None:
    survey_round = open_round(session, authority=make_authority(session, **authority))
    _code, clear = make_access_code(session, survey_round, audience=instrument)
    session.commit()
    client.get(f"/s/{clear}")
    post(client, "/welcome")


def test_a_risk_answer_shows_the_support_page_before_the_next_question(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    item, code = risk_choices()[0]
    following = version().items[version().items.index(item) + 1]
    saved = post(client, f"/q/{item.id}", {"answer": code})
    assert saved.headers["Location"] == f"/support/answer?next={following.id}"
    page = client.get(saved.headers["Location"], headers=BROWSER).get_data(as_text=True)
    assert "You do not have to cope on your own" in page
    assert "nobody will contact you about it" in page
    assert f'href="/q/{following.id}"' in page
    # The load bench's respondents press the same button, rather than going back to a skip.
    assert carry_on_link(Page("/support/answer", 200, None, page)) == f"/q/{following.id}"


def test_the_support_page_shows_once_per_survey(client: FlaskClient, session: Session) -> None:
    enter(client, session)
    (first, first_code), (second, second_code) = risk_choices()[:2]
    assert (
        post(client, f"/q/{first.id}", {"answer": first_code})
        .headers["Location"]
        .startswith("/support/answer")
    )
    again = post(client, f"/q/{first.id}", {"answer": first_code})
    later = post(client, f"/q/{second.id}", {"answer": second_code})
    assert not again.headers["Location"].startswith("/support")
    assert not later.headers["Location"].startswith("/support")


def test_an_answer_that_does_not_signal_risk_goes_straight_on(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    item, _code = risk_choices()[0]
    saved = post(client, f"/q/{item.id}", {"answer": calm_answer(item)})
    assert saved.headers["Location"].startswith("/q/")


def test_worrying_free_text_counts_as_the_surveys_one_closed_answer_page(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    text = item_of_type("free_text")
    post(client, f"/q/{text.id}", {"answer": "Sometimes he hits me when I am late"})
    item, code = risk_choices()[0]
    assert (
        not post(client, f"/q/{item.id}", {"answer": code})
        .headers["Location"]
        .startswith("/support")
    )


def test_the_support_page_stores_nothing_but_the_answer(
    client: FlaskClient, session: Session
) -> None:
    enter(client, session)
    item, code = risk_choices()[0]
    before = every_row(session)
    session_before = session_contents(client)
    saved = post(client, f"/q/{item.id}", {"answer": code})
    client.get(saved.headers["Location"], headers=BROWSER)
    after = every_row(session)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"answer"}
    added = after["answer"] - before["answer"]
    assert len(added) == 1
    assert code in next(iter(added))
    assert session_contents(client) == session_before


def test_an_english_authoritys_help_lists_its_own_contacts_first_then_english_services(
    client: FlaskClient, session: Session
) -> None:
    enter_for(client, session, "leavers-16-25", nation="england", help_contact="Duty team 0300")
    page = client.get("/help", headers=BROWSER).get_data(as_text=True)
    assert page.index("Duty team 0300") < page.index('id="helpline-')
    for service in ("become", "the_mix", "samaritans", "shout"):
        assert f'id="helpline-{service}"' in page
    assert 'id="helpline-meic"' not in page
    assert 'id="helpline-nspcc"' not in page
    assert 'href="tel:116123"' in page
    assert 'href="sms:85258"' in page


def test_a_welsh_authoritys_welsh_help_page_lists_meic_in_welsh(
    client: FlaskClient, session: Session
) -> None:
    enter_for(client, session, "cic-8-10", nation="wales")
    page = client.get("/help?lang=cy", headers=BROWSER).get_data(as_text=True)
    assert 'id="helpline-meic"' in page
    assert 'href="tel:08088023456"' in page
    assert "Plant a phobl ifanc yng Nghymru" in page
    assert 'id="helpline-become"' not in page


def test_services_for_older_young_people_are_not_shown_to_young_children(
    client: FlaskClient, session: Session
) -> None:
    enter_for(client, session, "cic-4-7", nation="england")
    page = client.get("/help", headers=BROWSER).get_data(as_text=True)
    assert 'href="tel:08001111"' in page
    assert 'id="helpline-nspcc"' in page
    assert 'id="helpline-samaritans"' not in page
    assert 'id="helpline-the_mix"' not in page


def test_the_thank_you_page_lists_the_services_too(client: FlaskClient, session: Session) -> None:
    enter_for(client, session, "cic-11-17", nation="wales")
    post(client, "/check")
    page = client.get("/done", headers=BROWSER).get_data(as_text=True)
    assert 'id="helpline-meic"' in page
    assert 'id="helpline-childline"' in page


def _support_page_after_a_risk_answer(client: FlaskClient, instrument: str) -> BeautifulSoup:
    item, code = risk_choices(instrument)[0]
    saved = post(client, f"/q/{item.id}", {"answer": code})
    assert saved.headers["Location"].startswith("/support/answer")
    page = client.get(saved.headers["Location"], headers=BROWSER)
    return BeautifulSoup(page.get_data(as_text=True), "html.parser")


def test_a_young_childs_support_page_speaks_in_very_simple_words_first(
    client: FlaskClient, session: Session
) -> None:
    enter_for(client, session, "cic-4-7", nation="england")

    page = _support_page_after_a_risk_answer(client, "cic-4-7")

    assert page.h1.get_text(strip=True) == "Thank you for telling us"
    assert page.select_one("#simple-words").get_text(" ", strip=True) == (
        "Your answer is saved. If you feel sad or scared, tell a grown-up you trust."
        " You can also call Childline on 0800 1111 . It is free."
        " If you are not safe right now, call 999."
    )
    assert page.select_one("#simple-words a")["href"] == "tel:08001111"
    assert "For the grown-up helping" in page.get_text()


def test_an_older_childs_support_page_keeps_its_own_words(
    client: FlaskClient, session: Session
) -> None:
    enter_for(client, session, "cic-8-10", nation="england")

    page = _support_page_after_a_risk_answer(client, "cic-8-10")

    assert page.h1.get_text(strip=True) == "You do not have to cope on your own"
    assert page.select_one("#simple-words") is None

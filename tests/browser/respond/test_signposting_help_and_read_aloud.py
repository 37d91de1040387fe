"""In Chromium: the support page after a risk answer (once), helplines that fit the respondent
with tap-to-call links, and read-aloud offered only when a voice for the page's language exists.

Headless Chromium has no speech voices, so the read-aloud tests stub ``speechSynthesis`` with an
init script: no voices, or voices that arrive late (as real ones do) with a ``voiceschanged``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from flask import Flask
from playwright.sync_api import Page, expect

from questionnaires import load_catalogue
from survey_app.extensions import db
from tests.browser.respond.conftest import item_on
from tests.factories import make_access_code, make_authority, make_round
from tests.support.browser import assert_accessible

READ_ALOUD = "[data-cv-read-aloud]"
SPEECH_STUB = """(() => {
    const arriving = %s;
    let voices = [];
    window.spoken = [];
    const synth = window.speechSynthesis;
    synth.getVoices = () => voices;
    synth.speak = (utterance) => window.spoken.push(utterance.lang);
    synth.cancel = () => {};
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    setTimeout(() => {
        voices = arriving.map((lang) => ({lang, name: lang, default: false, localService: true}));
        synth.dispatchEvent(new Event("voiceschanged"));
    }, 300);
})();"""


def stub_voices(page: Page, languages: list[str]) -> None:
    """Give the page's speech synthesis these voices, 300 ms after it loads."""
    page.add_init_script(SPEECH_STUB % json.dumps(languages))


def code_for(live_app: Flask, instrument: str, nation: str) -> str:
    with live_app.app_context():
        authority = make_authority(db.session, nation=nation)
        survey_round = make_round(
            db.session, authority, instruments=((instrument, 1),), status="open"
        )
        _code, clear = make_access_code(db.session, survey_round, audience=instrument)
        db.session.commit()
    return clear


def start(page: Page, live_url: str, code: str) -> None:
    page.goto(f"{live_url}/s/{code}")
    page.get_by_role("button", name="Start now").click()
    page.wait_for_url("**/q/*")


def test_choosing_a_risk_option_shows_the_support_page_once(
    page: Page, live_url: str, live_session: None, live_app: Flask
) -> None:
    start(page, live_url, code_for(live_app, "cic-8-10", "wales"))
    signals = load_catalogue().risk_signals
    support_pages = 0
    while "/q/" in page.url:
        item = item_on(page, "cic-8-10")
        risky = sorted(signals.risk_answers("cic-8-10@v1", item.id))
        if item.type == "free_text":
            page.fill("#answer", "More days out")
        else:
            page.check(
                f"input[name=answer][value='{risky[0] if risky else item.option_values[0]}']"
            )
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
        if "/support/answer" in page.url:
            support_pages += 1
            expect(page.locator("h1")).to_have_text("You do not have to cope on your own")
            assert_accessible(page)
            here = page.url + ("&" if "?" in page.url else "?")
            page.goto(here + "lang=cy")
            assert page.get_attribute("html", "lang") == "cy"
            assert_accessible(page)
            page.goto(here + "lang=en")
            page.get_by_role("button", name="Carry on with the survey").click()
            page.wait_for_url("**/q/*")
    assert support_pages == 1
    expect(page.locator("h1")).to_have_text("Check your answers")


def test_the_help_page_lists_services_for_the_age_band_and_nation_with_tel_links(
    page: Page, live_url: str, live_session: None, live_app: Flask
) -> None:
    start(page, live_url, code_for(live_app, "cic-8-10", "wales"))
    for lang, meic_for in (("en", "Children and young people in Wales"), ("cy", "Plant a phobl")):
        page.goto(f"{live_url}/help?lang={lang}")
        expect(page.locator("#helpline-meic")).to_contain_text(meic_for)
        expect(page.locator("#helpline-childline")).to_be_visible()
        expect(page.locator("#helpline-samaritans")).to_have_count(0)
        expect(page.locator("#helpline-become")).to_have_count(0)
        assert_accessible(page)
    calls = page.locator("a[href^='tel:']")
    assert calls.count() >= 2
    for link in calls.all():
        digits = link.get_attribute("href").removeprefix("tel:")
        assert re.fullmatch(r"[0-9]{3,15}", digits)
        assert link.inner_text().replace(" ", "") == digits


def test_read_aloud_stays_hidden_when_no_voice_exists(
    page: Page, live_url: str, survey_code: Callable[[str | None], str]
) -> None:
    stub_voices(page, [])
    start(page, live_url, survey_code("cic-4-7"))
    page.wait_for_timeout(600)
    expect(page.locator(READ_ALOUD)).to_be_hidden()


def test_read_aloud_stays_hidden_on_welsh_pages_with_only_an_english_voice(
    page: Page, live_url: str, survey_code: Callable[[str | None], str]
) -> None:
    stub_voices(page, ["en-GB"])
    start(page, live_url, survey_code("cic-4-7"))
    expect(page.locator(READ_ALOUD)).to_be_visible()
    page.goto(page.url + "?lang=cy")
    page.wait_for_timeout(600)
    expect(page.locator(READ_ALOUD)).to_be_hidden()


def test_read_aloud_appears_when_a_voice_arrives_and_works_from_the_keyboard(
    page: Page, live_url: str, survey_code: Callable[[str | None], str]
) -> None:
    stub_voices(page, ["de-DE", "cy-GB", "en-US", "en-GB"])
    start(page, live_url, survey_code("cic-4-7"))
    button = page.get_by_role("button", name="Read the question out loud")
    expect(button).to_be_visible()
    assert_accessible(page)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-cv-read-aloud]')"):
            break
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("window.spoken") == ["en-GB"]

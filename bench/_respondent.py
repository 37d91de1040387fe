"""What one simulated respondent does: enter a code, answer every page realistically, submit.

Answers come from the catalogue: an option code for choice questions (now and then "prefer not
to say"), one or two codes for multi-choice, some free text, and a few skipped questions. The
respondent follows the app's redirects as a browser does, so the app's routing (care and age
questions, ``show_if``) decides which pages are seen. ``baseline_journey`` does the same
question-and-answer loop against ``bench.baseline_app``.
"""

from __future__ import annotations

import html
import random
import re
import time
from collections.abc import Mapping

from bench._client import Browser, JourneyFailedError, Page
from bench.baseline_app import OPTIONS, QUESTIONS
from questionnaires import PREFER_NOT_TO_SAY, Catalogue, Item
from survey_app.services.demo import DEMO_INSTRUMENTS

SKIP_SHARE = 0.06
FREE_TEXT_SHARE = 0.5
MAX_PAGES = 120
FREE_TEXTS = (
    "More trips out at the weekend with my carers.",
    "I would like to see my brother more often.",
    "My school is good and I like football club on Tuesdays.",
    "Being asked what I think before things change.",
)
_BRIEFING_LINK = 'href="/before-you-start"'
"""The welcome page's link to the adult helper's briefing, whose form starts the survey."""
_CHOICE = re.compile(r'<input[^>]*name="choice"[^>]*value="([^"]+)"')
_BUTTON_LINK = re.compile(r'<a href="([^"]+)" role="button"')
"""A support page's "Carry on with the survey" button (a link styled as a button)."""


def demo_items(catalogue: Catalogue) -> dict[str, Item]:
    """Every item of the demo round's versions by id (a shared id is the same question)."""
    versions = (catalogue.get(f"{key}@v{version}") for key, version in DEMO_INSTRUMENTS)
    return {item.id: item for version in versions for item in version.items}


def answer_form(item: Item, rng: random.Random) -> dict[str, str | list[str]]:
    """The form fields a respondent sends for ``item`` (without the CSRF token)."""
    if rng.random() < SKIP_SHARE:
        return {"action": "skip"}
    if item.type == "free_text":
        text = rng.choice(FREE_TEXTS) if rng.random() < FREE_TEXT_SHARE else ""
        return {"action": "continue", "answer": text}
    codes = [value for value in item.option_values if value != PREFER_NOT_TO_SAY]
    if item.type == "multi_choice":
        return {"action": "continue", "answer": rng.sample(codes, k=min(len(codes), 2))}
    chosen = rng.choice(item.option_values if rng.random() < 0.1 else codes)
    return {"action": "continue", "answer": chosen}


def think(rng: random.Random, mean_s: float, deadline: float) -> None:
    """Pause as a reader would (uniform around ``mean_s``), never past the deadline."""
    if mean_s > 0:
        time.sleep(max(0.0, min(rng.uniform(0.5, 1.5) * mean_s, deadline - time.monotonic())))


def survey_journey(
    browser: Browser, code: str, items: Mapping[str, Item], rng: random.Random, think_s: float
) -> None:
    """Enter ``code`` from a poster link, answer every question shown, and submit."""
    page = enter_survey(browser, code, rng)
    for _ in range(MAX_PAGES):
        if page.path.startswith("/support"):
            # The kind page after an answer that signals risk: press "Carry on".
            page = browser.follow(browser.get(carry_on_link(page)))
        if not page.path.startswith("/q/"):
            break
        think(rng, think_s, browser.deadline)
        form = answer_form(items[page.path.removeprefix("/q/")], rng)
        page = browser.follow(browser.post(page.path, {"csrf_token": page.token, **form}))
    if page.path != "/check":
        raise JourneyFailedError(f"expected check your answers, got {page.path}")
    done = browser.follow(browser.post("/check", {"csrf_token": page.token}))
    if done.path != "/done":
        raise JourneyFailedError(f"expected the thank-you page, got {done.path}")


def carry_on_link(page: Page) -> str:
    """Where a support page's "Carry on" button leads: the next question, or check answers.

    Not ``/continue``: that goes to the first question still unanswered, a skipped one, and
    would walk the respondent through pages they have answered again.
    """
    found = _BUTTON_LINK.search(page.text)
    if not found:
        raise JourneyFailedError(f"no Carry on button on {page.path}")
    return html.unescape(found.group(1))


def enter_survey(browser: Browser, code: str, rng: random.Random) -> Page:
    """Follow a poster link, answer the care and age questions if asked, press "Start now"
    (on the helper's briefing page, for versions that have one).

    Returns the first question page.
    """
    page = browser.follow(browser.get(f"/s/{code}"))
    while page.path in ("/start/care", "/start/age"):
        choice = rng.choice(_CHOICE.findall(page.text))
        page = browser.follow(browser.post(page.path, {"csrf_token": page.token, "choice": choice}))
    if page.path != "/welcome":
        raise JourneyFailedError(f"expected the welcome page, got {page.path}")
    if _BRIEFING_LINK in page.text:
        page = browser.get("/before-you-start")
    return browser.follow(browser.post("/welcome", {"csrf_token": page.token}))


def baseline_journey(browser: Browser, rng: random.Random, think_s: float) -> None:
    """The same question loop against the baseline app: show, answer, redirect, next."""
    page = browser.get("/q/1")
    for _ in range(QUESTIONS):
        think(rng, think_s, browser.deadline)
        skip = rng.random() < SKIP_SHARE
        form = {"csrf_token": page.token, "action": "skip" if skip else "continue"}
        form["answer"] = rng.choice(OPTIONS)
        page = browser.follow(browser.post(page.path, form))

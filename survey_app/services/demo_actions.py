"""Demo "you said, we did": one done action per age group of the demo's previous round.

So a newcomer's first look at the demo's open round shows what was done after the last one,
in English and Welsh, on the children's page, the postcards and the plan.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import Catalogue
from survey_app.models import StaffUser, SurveyRound, YouSaidAction
from survey_app.services.action_plans import ActionDraft, add_action
from survey_app.services.actions import round_bands, round_before
from survey_app.services.demo import DEMO_STAFF

DEMO_ACTIONS = {
    "cic-4-7": (
        "likes_bedroom",
        "Participation team",
        (
            "We will help you make your bedroom feel like yours.",
            "Byddwn ni'n eich helpu chi i wneud i'ch ystafell wely deimlo fel eich un chi.",
        ),
        (
            "Every child got money to choose new things for their bedroom.",
            "Cafodd pob plentyn arian i ddewis pethau newydd ar gyfer eu hystafell wely.",
        ),
    ),
    "cic-8-10": (
        "knows_social_worker",
        "Social work team managers",
        (
            "We will make sure you know who your social worker is.",
            "Byddwn ni'n gwneud yn siŵr eich bod chi'n gwybod pwy yw eich gweithiwr cymdeithasol.",
        ),
        (
            "Your social worker now gives you a card with their name and photo.",
            "Mae eich gweithiwr cymdeithasol nawr yn rhoi cerdyn i chi gyda'i enw a'i lun.",
        ),
    ),
    "cic-11-17": (
        "afraid_of_school_bullying",
        "Virtual School",
        (
            "We will work with schools to stop bullying.",
            "Byddwn ni'n gweithio gydag ysgolion i atal bwlio.",
        ),
        (
            "We trained teachers in 12 schools about bullying and being in care.",
            "Fe wnaethon ni hyfforddi athrawon mewn 12 ysgol am fwlio a bod mewn gofal.",
        ),
    ),
    "leavers-16-25": (
        "finding_money_hard",
        "Leaving care team",
        (
            "We will help you learn to manage money.",
            "Byddwn ni'n eich helpu chi i ddysgu rheoli arian.",
        ),
        (
            "We started monthly money sessions at the care leavers' hub.",
            "Dechreuon ni sesiynau arian bob mis yn hyb y rhai sy'n gadael gofal.",
        ),
    ),
}
"""Age group -> indicator, owner, (we will: en, cy) and (we did: en, cy)."""


def seed_demo_actions(
    session: Session, catalogue: Catalogue, current: SurveyRound
) -> list[YouSaidAction]:
    """Add a done action for each age group of the round before ``current``; flush. Written
    by the demo participation officer; nothing when there is no earlier round."""
    previous = round_before(session, current)
    if previous is None:
        return []
    officer = session.scalars(select(StaffUser).where(StaffUser.email == DEMO_STAFF[1][0])).one()
    return [
        add_action(
            session,
            officer,
            previous,
            band,
            _draft(previous, band),
            catalogue,
        )
        for band in round_bands(previous)
        if band in DEMO_ACTIONS
    ]


def _draft(previous: SurveyRound, band: str) -> ActionDraft:
    indicator, owner, (text, text_cy), (did, did_cy) = DEMO_ACTIONS[band]
    return ActionDraft(
        indicator_id=indicator,
        text=text,
        text_cy=text_cy,
        english_only=False,
        owner=owner,
        due_on=previous.closes_on + timedelta(days=90),
        status="done",
        done_text=did,
        done_text_cy=did_cy,
    )

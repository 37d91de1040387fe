""" "You said, we will" as a plan: officers add, change and remove one action at a time.

Each action answers one indicator the age group was asked about (or is "general"), names an
owner (a role or team: the form says never to name a child), a due date and a status; a done
action says what was done. It is written in English and Welsh, or marked English-only, in
which case Welsh pages show the English with a note. Problems come back as field and problem
codes (``PlanError``) for the view to put into words, so this module needs no translations.
Every change is audited with the action's id, never its text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from questionnaires import Catalogue
from survey_app.models import StaffUser, SurveyRound, YouSaidAction
from survey_app.services.actions import round_bands
from survey_app.services.audit import record_event
from survey_app.services.user_errors import N_, UserError

MAX_ACTIONS = 6
"""A few actions per age group: enough to matter, few enough to fit a postcard."""
MAX_LENGTH = 300
"""Short enough to read aloud to a child."""
MAX_DONE_LENGTH = 200
"""What was done fits one line of a postcard's back."""
MAX_OWNER_LENGTH = 120
STATUSES = ("planned", "in_progress", "done")
GENERAL = "general"
"""The indicator choice for an action that answers no single indicator."""


class PlanError(UserError):
    """An action that cannot be saved as written: ``problems`` maps each field to a problem
    code ("missing", "too_long", "unknown", "not_asked", "too_many"), which the form words
    field by field; the error's own message is the summary's title."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(N_("There is a problem"))
        self.problems = problems

    def __str__(self) -> str:
        return ", ".join(f"{field}: {code}" for field, code in self.problems.items())


@dataclass(frozen=True)
class ActionDraft:
    """An action as the officer wrote it, before it is checked."""

    indicator_id: str
    text: str
    text_cy: str
    english_only: bool
    owner: str
    due_on: date | None
    status: str
    done_text: str = ""
    done_text_cy: str = ""

    @classmethod
    def of(cls, action: YouSaidAction) -> ActionDraft:
        """The draft that saves ``action`` unchanged (to fill the form)."""
        return cls(
            indicator_id=action.indicator_id or GENERAL,
            text=action.text,
            text_cy=action.text_cy or "",
            english_only=action.english_only,
            owner=action.owner or "",
            due_on=action.due_on,
            status=action.status,
            done_text=action.done_text or "",
            done_text_cy=action.done_text_cy or "",
        )


def band_indicators(catalogue: Catalogue, survey_round: SurveyRound, band: str) -> tuple[str, ...]:
    """The indicator ids the age group ``band`` (an instrument id) was asked about in
    ``survey_round``: those whose item is in the questionnaire version the round pinned for
    the band. An indicator's sources name an item per instrument, but not every version of
    that instrument holds it, so an action must not claim a question the children never saw."""
    versions = [
        catalogue.get(f"{pinned.instrument}@v{pinned.version}")
        for pinned in survey_round.instruments
        if pinned.instrument == band
    ]
    return tuple(
        i.id
        for i in catalogue.indicators
        if any(i.source_item(version) is not None for version in versions)
    )


def _checked_for_round(
    draft: ActionDraft, catalogue: Catalogue, survey_round: SurveyRound, band: str
) -> ActionDraft:
    """``checked_draft`` against what the band was asked in the round; an indicator of the
    catalogue that the band's questionnaire did not hold is "not_asked", so the officer is
    told why rather than that the choice is unknown."""
    try:
        return checked_draft(draft, band_indicators(catalogue, survey_round, band))
    except PlanError as error:
        known = {indicator.id for indicator in catalogue.indicators}
        if error.problems.get("indicator_id") == "unknown" and draft.indicator_id in known:
            error.problems["indicator_id"] = "not_asked"
        raise


def checked_draft(draft: ActionDraft, indicator_ids: tuple[str, ...]) -> ActionDraft:
    """``draft`` with spaces tidied; ``PlanError`` naming every problem at once."""
    tidy = _tidied(draft)
    problems = {**_text_problems(tidy), **_plan_problems(tidy, indicator_ids)}
    if problems:
        raise PlanError(problems)
    return tidy


def _tidied(draft: ActionDraft) -> ActionDraft:
    def one_line(text: str) -> str:
        return " ".join(text.split())

    return replace(
        draft,
        text=one_line(draft.text),
        text_cy="" if draft.english_only else one_line(draft.text_cy),
        owner=one_line(draft.owner),
        done_text=one_line(draft.done_text) if draft.status == "done" else "",
        done_text_cy=one_line(draft.done_text_cy)
        if draft.status == "done" and not draft.english_only
        else "",
    )


def _text_problems(draft: ActionDraft) -> dict[str, str]:
    """Missing or too long texts; Welsh is needed unless the action is English-only, and
    "what we did" only once the action is done."""
    limits = {"text": MAX_LENGTH, "text_cy": MAX_LENGTH}
    if draft.status == "done":
        limits |= {"done_text": MAX_DONE_LENGTH, "done_text_cy": MAX_DONE_LENGTH}
    if draft.english_only:
        limits = {name: limit for name, limit in limits.items() if not name.endswith("_cy")}
    problems = {}
    for name, limit in limits.items():
        value = getattr(draft, name)
        if not value:
            problems[name] = "missing"
        elif len(value) > limit:
            problems[name] = "too_long"
    return problems


def _plan_problems(draft: ActionDraft, indicator_ids: tuple[str, ...]) -> dict[str, str]:
    problems = {}
    if draft.indicator_id != GENERAL and draft.indicator_id not in indicator_ids:
        problems["indicator_id"] = "unknown"
    if not draft.owner:
        problems["owner"] = "missing"
    elif len(draft.owner) > MAX_OWNER_LENGTH:
        problems["owner"] = "too_long"
    if draft.due_on is None:
        problems["due_on"] = "missing"
    if draft.status not in STATUSES:
        problems["status"] = "unknown"
    return problems


def add_action(
    session: Session,
    user: StaffUser,
    survey_round: SurveyRound,
    band: str,
    draft: ActionDraft,
    catalogue: Catalogue,
) -> YouSaidAction:
    """Add ``draft`` as the age group's last action and audit it; flush.

    Raises ``PlanError`` for a draft with problems (including an indicator the group's
    questionnaire in this round did not ask) or a group that has ``MAX_ACTIONS`` already,
    ``ValueError`` for a group the round did not ask.
    """
    if band not in round_bands(survey_round):
        raise ValueError(f"round {survey_round.id} has no age group {band!r}")
    checked = _checked_for_round(draft, catalogue, survey_round, band)
    last = session.scalar(
        select(func.max(YouSaidAction.position)).where(
            YouSaidAction.round_id == survey_round.id, YouSaidAction.age_band == band
        )
    )
    if _count(session, survey_round, band) >= MAX_ACTIONS:
        raise PlanError({"text": "too_many"})
    action = YouSaidAction(
        round_id=survey_round.id, age_band=band, position=(last or 0) + 1, written_by_id=user.id
    )
    _apply(action, checked, user)
    session.add(action)
    session.flush()
    _audit(session, user, survey_round, action, "you_said.added")
    return action


def update_action(
    session: Session,
    user: StaffUser,
    action: YouSaidAction,
    draft: ActionDraft,
    catalogue: Catalogue,
) -> YouSaidAction:
    """Replace ``action``'s plan with ``draft`` and audit it (with its status); flush.
    Raises ``PlanError`` as ``add_action`` does."""
    checked = _checked_for_round(draft, catalogue, action.round, action.age_band)
    _apply(action, checked, user)
    session.flush()
    _audit(session, user, action.round, action, "you_said.changed")
    return action


def remove_action(session: Session, user: StaffUser, action: YouSaidAction) -> None:
    """Delete ``action`` and audit it; flush."""
    survey_round = action.round
    _audit(session, user, survey_round, action, "you_said.removed")
    session.delete(action)
    session.flush()


def find_action(
    session: Session, survey_round: SurveyRound, band: str, action_id: int
) -> YouSaidAction | None:
    """The action ``action_id`` when it belongs to this round and age group; else None, so
    an id from another round or authority finds nothing."""
    return session.scalar(
        select(YouSaidAction).where(
            YouSaidAction.id == action_id,
            YouSaidAction.round_id == survey_round.id,
            YouSaidAction.age_band == band,
        )
    )


def _count(session: Session, survey_round: SurveyRound, band: str) -> int:
    return (
        session.scalar(
            select(func.count()).where(
                YouSaidAction.round_id == survey_round.id, YouSaidAction.age_band == band
            )
        )
        or 0
    )


def _apply(action: YouSaidAction, draft: ActionDraft, user: StaffUser) -> None:
    action.indicator_id = None if draft.indicator_id == GENERAL else draft.indicator_id
    action.text = draft.text
    action.text_cy = draft.text_cy or None
    action.english_only = draft.english_only
    action.owner = draft.owner
    action.due_on = draft.due_on
    action.status = draft.status
    action.done_text = draft.done_text or None
    action.done_text_cy = draft.done_text_cy or None
    action.written_by_id = user.id
    action.written_on = date.today()


def _audit(
    session: Session, user: StaffUser, survey_round: SurveyRound, action: YouSaidAction, event: str
) -> None:
    record_event(
        session,
        user,
        event,
        subject=f"round {survey_round.id}: {action.age_band}",
        authority_id=survey_round.local_authority_id,
        detail=f"action {action.id}, {action.status}",
    )

"""The child-facing "you said, we will" page for one age group, in plain words.

Findings come from the report model, so nothing hidden in the report can appear here: only
shown results that the report calls a bright spot or an area for improvement (the clear tier
only), each once, said as "about 8 in 10 of you". When nothing is called out, the page shows
the group's main results instead, in the second person ("Most of you (8 in 10) said you
always feel safe where you live"); "we did not hear from enough of you" is said only when the
group has no result the report may show. Findings use children's words for each indicator
(``survey_app/data/child_phrases.yaml``), never the report's labels, which are written about
children for adults. Each action says what "you told us" (the indicator it answers) and "so we
will"; at the next round, the previous round's done actions say "so we did". Pages for the
under-11s have a shorter, simpler opening. On a Welsh page, an action written in English only
is shown in English, marked as English. An open round's page and printout say the figures are
provisional (R-STAT-7).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flask_babel import gettext as _

from questionnaires import LocalisedText
from report_builder.report.model import Highlight, IndicatorResult, Report
from survey_app.models import YouSaidAction

MAX_FINDINGS = 5
"""A few findings per list: enough to recognise, few enough to read to a young child."""

MAIN_RESULTS = (
    "always_feels_safe",
    "has_trusted_adult",
    "trusts_carers",
    "happy_most_days",
    "knows_social_worker",
    "feels_settled",
    "trusts_personal_adviser",
    "life_getting_better",
    "feels_safe_faces",
    "has_grown_up_to_go_to_faces",
    "carers_help_faces",
    "happy_with_life_faces",
    "likes_bedroom_faces",
)
"""The results a group hears about when nothing is called out, in this order, as what "you"
said. Only indicators with a direction of good; each group and version has at least five of
them (the 4-7s' version 2 asks with faces, hence the ``_faces`` ones)."""

Phrases = Mapping[str, LocalisedText]


@dataclass(frozen=True)
class ChildAction:
    """One action as children read it: what you told us, and what we will do (or did).

    ``lang`` is "en" when ``text`` is English on a Welsh page (an English-only action)."""

    told: str
    text: str
    lang: str | None = None


@dataclass(frozen=True)
class YouSaidPage:
    """Everything the page and its postcards show."""

    authority: str
    band: str
    band_label: str
    round_label: str
    language: str
    going_well: tuple[str, ...]
    to_improve: tuple[str, ...]
    actions: tuple[ChildAction, ...]
    main_results: tuple[str, ...] = ()
    has_results: bool = True
    provisional: str = ""
    young: bool = False
    done: tuple[ChildAction, ...] = ()

    @property
    def empty_list_text(self) -> str:
        """What an empty list says: nothing stood out, or (only when no result of the group
        may be shown) that too few answered."""
        if self.has_results:
            return _("Nothing stood out clearly this time.")
        return _("We did not hear from enough of you to share this safely.")

    @property
    def intro(self) -> str:
        """The opening: short sentences for the under-11s."""
        if self.young:
            return _("Thank you for telling us about your life. Here is what you said.")
        return _(
            "Thank you for telling us what life is like for you. Here is what you said, "
            "and what we will do about it."
        )

    @property
    def has_english_only(self) -> bool:
        """True when a Welsh page shows an action in English."""
        return any(action.lang for action in (*self.actions, *self.done))


def you_said_page(
    report: Report,
    band: str,
    actions: Sequence[YouSaidAction],
    phrases: Phrases,
    *,
    young: bool = False,
    done: Sequence[YouSaidAction] = (),
) -> YouSaidPage:
    """The page for ``band`` (an instrument id) of ``report``: its findings in children's
    words, the authority's actions, and the previous round's ``done`` actions."""
    labels = {rate.age_band: rate.age_band_label for rate in report.response_rates}
    shown = {r.indicator_id: r for r in report.results() if r.age_band == band and r.is_shown}
    language = report.language
    going_well = _findings(report.bright_spots, band, shown, phrases, language)
    to_improve = _findings(report.areas_for_improvement, band, shown, phrases, language)
    return YouSaidPage(
        authority=report.la_name,
        band=band,
        band_label=labels.get(band, band),
        round_label=report.round_label,
        language=language,
        going_well=going_well,
        to_improve=to_improve,
        actions=tuple(_will(a, shown, phrases, language) for a in actions),
        main_results=()
        if going_well or to_improve
        else main_results(shown, phrases, language, young=young),
        has_results=bool(shown),
        provisional=report.provisional_text if report.is_provisional else "",
        young=young,
        done=tuple(_did(action, phrases, language) for action in done),
    )


def _findings(
    highlights: Sequence[Highlight],
    band: str,
    shown: Mapping[str, IndicatorResult],
    phrases: Phrases,
    language: str,
) -> tuple[str, ...]:
    """Each highlighted indicator of the band once, in children's words."""
    ids = dict.fromkeys(h.indicator_id for h in highlights if h.age_band == band)
    found = [shown[i] for i in ids if i in shown]
    return tuple(
        plain_finding(r, phrases[r.indicator_id].get(language)) for r in found[:MAX_FINDINGS]
    )


def tenths_of(result: IndicatorResult) -> int:
    """The result in whole tenths, rounded half up ("about 8 in 10")."""
    return int((result.percent or 0) / 10 + 0.5)


def plain_finding(result: IndicatorResult, phrase: str) -> str:
    """ "About 8 in 10 of you said you like school." (whole tenths, rounded half up)."""
    tenths = tenths_of(result)
    if tenths == 0:
        return _("Fewer than 1 in 10 of you said %(phrase)s.", phrase=phrase)
    if tenths == 10:
        return _("Nearly all of you said %(phrase)s.", phrase=phrase)
    return _("About %(tenths)s in 10 of you said %(phrase)s.", tenths=tenths, phrase=phrase)


def main_results(
    shown: Mapping[str, IndicatorResult], phrases: Phrases, language: str, *, young: bool
) -> tuple[str, ...]:
    """The group's main shown results as what "you" said, in ``MAIN_RESULTS`` order: the
    shortest sentences for the under-11s ("About 8 in 10 of you said ...")."""
    found = [shown[i] for i in MAIN_RESULTS if i in shown]
    sentence = plain_finding if young else you_said_sentence
    return tuple(sentence(r, phrases[r.indicator_id].get(language)) for r in found[:MAX_FINDINGS])


def you_said_sentence(result: IndicatorResult, clause: str) -> str:
    """ "Most of you (8 in 10) said you always feel safe where you live" (whole tenths)."""
    tenths = tenths_of(result)
    if tenths >= 10:
        return _("Nearly all of you said %(clause)s", clause=clause)
    if tenths >= 6:
        return _("Most of you (%(tenths)s in 10) said %(clause)s", tenths=tenths, clause=clause)
    if tenths == 5:
        return _("About half of you (5 in 10) said %(clause)s", clause=clause)
    if tenths >= 2:
        return _("Some of you (%(tenths)s in 10) said %(clause)s", tenths=tenths, clause=clause)
    if tenths == 1:
        return _("A few of you (1 in 10) said %(clause)s", clause=clause)
    return _("Very few of you (fewer than 1 in 10) said %(clause)s", clause=clause)


def _will(
    action: YouSaidAction, shown: Mapping[str, IndicatorResult], phrases: Phrases, language: str
) -> ChildAction:
    """An action of this round: "You told us ..." with this round's figure where shown."""
    indicator = action.indicator_id or ""
    if indicator in shown and indicator in phrases:
        told = plain_finding(shown[indicator], phrases[indicator].get(language))
    elif indicator in phrases:
        told = _("Some of you said %(phrase)s.", phrase=phrases[indicator].get(language))
    else:
        told = _("You told us what matters to you.")
    text, lang = _in_language(action.text, action.text_cy, language)
    return ChildAction(told, text, lang)


def _did(action: YouSaidAction, phrases: Phrases, language: str) -> ChildAction:
    """A done action of the previous round: "Last time, some of you said ..." and what was
    done."""
    indicator = action.indicator_id or ""
    if indicator in phrases:
        told = _("Last time, some of you said %(phrase)s.", phrase=phrases[indicator].get(language))
    else:
        told = _("Last time, you told us what matters to you.")
    text, lang = _in_language(action.done_text or "", action.done_text_cy, language)
    return ChildAction(told, text, lang)


def _in_language(english: str, welsh: str | None, language: str) -> tuple[str, str | None]:
    """The text for a page in ``language``, and "en" when a Welsh page must show English."""
    if language == "cy" and welsh:
        return welsh, None
    return english, "en" if language == "cy" else None

"""Report wording for comparisons, classifications and table notes, in English and Welsh.

R-STAT-6 gives three tiers of wording for every comparison, and never "similar" (no
equivalence test is run, so an unflagged gap is not evidence of similarity):

- clear: "higher than" / "lower than" the group; "up since" / "down since" the round;
- possible: "possibly higher than ... (not confirmed once the number of comparisons is allowed
  for)", "possibly up since ...";
- none: "no clear difference from" the group; "no clear change since" the round.

The group is named by ``populations.Population`` (e.g. "young people aged 16 to 24
nationally"). Clear and possible differences on bases of 10-29 are prefixed "indicative"
(R-STAT-4). The Welsh text is a first draft and needs review by a Welsh-language editor before
publication.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from report_builder.comparison.values import (
    Classification,
    Comparison,
    ComparisonKind,
    ComparisonStatus,
    Flag,
    Tier,
)
from report_builder.disclosure.values import SuppressionReason

if TYPE_CHECKING:
    from report_builder.report.populations import Population

Language = Literal["en", "cy"]
LANGUAGES: tuple[Language, ...] = ("en", "cy")

_GROUP_PHRASES: dict[Language, dict[tuple[Tier, Flag], str]] = {
    "en": {
        (Tier.CLEAR, Flag.HIGHER): "higher than {than}",
        (Tier.CLEAR, Flag.LOWER): "lower than {than}",
        (Tier.POSSIBLE, Flag.HIGHER): "possibly higher than {than} {unconfirmed}",
        (Tier.POSSIBLE, Flag.LOWER): "possibly lower than {than} {unconfirmed}",
        (Tier.NONE, Flag.NONE): "no clear difference from {with_}",
    },
    "cy": {
        (Tier.CLEAR, Flag.HIGHER): "uwch {than}",
        (Tier.CLEAR, Flag.LOWER): "is {than}",
        (Tier.POSSIBLE, Flag.HIGHER): "o bosibl yn uwch {than} {unconfirmed}",
        (Tier.POSSIBLE, Flag.LOWER): "o bosibl yn is {than} {unconfirmed}",
        (Tier.NONE, Flag.NONE): "dim gwahaniaeth clir o'i gymharu {with_}",
    },
}

_ROUND_PHRASES: dict[Language, dict[tuple[Tier, Flag], str]] = {
    "en": {
        (Tier.CLEAR, Flag.HIGHER): "up since {round}",
        (Tier.CLEAR, Flag.LOWER): "down since {round}",
        (Tier.POSSIBLE, Flag.HIGHER): "possibly up since {round} {unconfirmed}",
        (Tier.POSSIBLE, Flag.LOWER): "possibly down since {round} {unconfirmed}",
        (Tier.NONE, Flag.NONE): "no clear change since {round}",
    },
    "cy": {
        (Tier.CLEAR, Flag.HIGHER): "i fyny ers {round}",
        (Tier.CLEAR, Flag.LOWER): "i lawr ers {round}",
        (Tier.POSSIBLE, Flag.HIGHER): "o bosibl i fyny ers {round} {unconfirmed}",
        (Tier.POSSIBLE, Flag.LOWER): "o bosibl i lawr ers {round} {unconfirmed}",
        (Tier.NONE, Flag.NONE): "dim newid clir ers {round}",
    },
}

_UNCONFIRMED: dict[Language, dict[bool, str]] = {
    "en": {
        True: "(not confirmed once the number of comparisons is allowed for)",
        False: "(not confirmed by the significance test)",
    },
    "cy": {
        True: "(heb ei gadarnhau o ystyried nifer y cymariaethau)",
        False: "(heb ei gadarnhau gan y prawf arwyddocâd)",
    },
}
"""Why a possible difference is not clear: the adjustment for the number of comparisons took
its flag away (its own p-value is below 0.05), or its own test did not confirm the interval."""

_STATUS_PHRASES: dict[Language, dict[ComparisonStatus, str]] = {
    "en": {
        ComparisonStatus.NO_BENCHMARK: "no national comparison available",
        ComparisonStatus.NOT_COMPARABLE: "not comparable: definition changed",
        ComparisonStatus.BASE_TOO_SMALL: "not compared: fewer than 10 answered",
        ComparisonStatus.SUPPRESSED: "not compared: hidden to protect confidentiality",
        ComparisonStatus.NO_COMPARABLE_OTHERS: "no comparable figures from other areas",
    },
    "cy": {
        ComparisonStatus.NO_BENCHMARK: "dim cymhariaeth genedlaethol ar gael",
        ComparisonStatus.NOT_COMPARABLE: "dim modd cymharu: newidiodd y diffiniad",
        ComparisonStatus.BASE_TOO_SMALL: "heb ei gymharu: llai na 10 wedi ateb",
        ComparisonStatus.SUPPRESSED: "heb ei gymharu: wedi'i guddio i ddiogelu cyfrinachedd",
        ComparisonStatus.NO_COMPARABLE_OTHERS: (
            "dim ffigurau y gellir eu cymharu o ardaloedd eraill"
        ),
    },
}

_INDICATIVE: dict[Language, str] = {"en": "indicative: {phrase}", "cy": "arwyddol: {phrase}"}

_CLASSIFICATIONS: dict[Language, dict[Classification, str]] = {
    "en": {
        Classification.BRIGHT_SPOT: "bright spot",
        Classification.AREA_FOR_IMPROVEMENT: "area for improvement",
        Classification.WORTH_LOOKING_INTO: "worth looking into",
        Classification.NO_CLEAR_DIFFERENCE: "no clear difference",
        Classification.NO_AGREED_DIRECTION: "figure only: no agreed direction of good",
        Classification.NOT_ASSESSED: "not assessed",
    },
    "cy": {
        Classification.BRIGHT_SPOT: "man disglair",
        Classification.AREA_FOR_IMPROVEMENT: "maes i'w wella",
        Classification.WORTH_LOOKING_INTO: "gwerth edrych arno",
        Classification.NO_CLEAR_DIFFERENCE: "dim gwahaniaeth clir",
        Classification.NO_AGREED_DIRECTION: "ffigur yn unig: dim cytundeb ar ba ffordd sy'n dda",
        Classification.NOT_ASSESSED: "heb ei asesu",
    },
}

_SIGNIFICANCE_NOTES: dict[Language, dict[bool, str]] = {
    "en": {
        True: "How to read the comparisons: “higher”, “lower”, “up” or “down” means a clear "
        "difference, unlikely to be due to chance even allowing for the number of comparisons "
        "in this report (95% level). “Possibly higher” (or lower, up or down) means the "
        "difference would count on its own but is not confirmed once the number of comparisons "
        "is allowed for; these are listed as worth looking into. “No clear difference” or “no "
        "clear change” means the figures could be the same or different: it does not mean "
        "they are the same.",
        False: "How to read the comparisons: “higher”, “lower”, “up” or “down” means a clear "
        "difference, unlikely to be due to chance (95% level, each comparison on its own). "
        "“Possibly higher” (or lower, up or down) means the 95% interval leaves out no "
        "difference but the significance test does not confirm it; these are listed as worth "
        "looking into. “No clear difference” or “no clear change” means the figures could be "
        "the same or different: it does not mean they are the same.",
    },
    "cy": {
        True: "Sut i ddarllen y cymariaethau: mae “uwch”, “is”, “i fyny” neu “i lawr” yn "
        "golygu gwahaniaeth clir, sy'n annhebygol o fod oherwydd siawns hyd yn oed o ystyried "
        "nifer y cymariaethau yn yr adroddiad hwn (lefel 95%). Mae “o bosibl yn uwch” (neu'n "
        "is, i fyny neu i lawr) yn golygu y byddai'r gwahaniaeth yn cyfrif ar ei ben ei hun, "
        "ond nad yw wedi'i gadarnhau o ystyried nifer y cymariaethau; mae'r rhain wedi'u "
        "rhestru fel rhai sy'n werth edrych arnynt. Mae “dim gwahaniaeth clir” neu “dim newid "
        "clir” yn golygu y gallai'r ffigurau fod yr un fath neu'n wahanol: nid yw'n golygu eu "
        "bod yr un fath.",
        False: "Sut i ddarllen y cymariaethau: mae “uwch”, “is”, “i fyny” neu “i lawr” yn "
        "golygu gwahaniaeth clir, sy'n annhebygol o fod oherwydd siawns (lefel 95%, pob "
        "cymhariaeth ar ei phen ei hun). Mae “o bosibl yn uwch” (neu'n is, i fyny neu i lawr) "
        "yn golygu bod y cyfwng 95% yn gadael dim gwahaniaeth allan, ond nad yw'r prawf "
        "arwyddocâd yn cadarnhau hynny; mae'r rhain wedi'u rhestru fel rhai sy'n werth edrych "
        "arnynt. Mae “dim gwahaniaeth clir” neu “dim newid clir” yn golygu y gallai'r ffigurau "
        "fod yr un fath neu'n wahanol: nid yw'n golygu eu bod yr un fath.",
    },
}

_MARKER_NOTES: dict[Language, dict[SuppressionReason, str]] = {
    "en": {
        SuppressionReason.BASE_BELOW_10: "[c] fewer than 10 answered",
        SuppressionReason.LOW_RELIABILITY: "[u] low reliability: fewer than 30 answered",
        SuppressionReason.CONFIDENTIAL: "[c] hidden to protect confidentiality",
        SuppressionReason.TABLE_WITHHELD: "[c] table withheld: the groups are too small to "
        "show without risk of identifying someone",
    },
    "cy": {
        SuppressionReason.BASE_BELOW_10: "[c] llai na 10 wedi ateb",
        SuppressionReason.LOW_RELIABILITY: "[u] dibynadwyedd isel: llai na 30 wedi ateb",
        SuppressionReason.CONFIDENTIAL: "[c] wedi'i guddio i ddiogelu cyfrinachedd",
        SuppressionReason.TABLE_WITHHELD: "[c] tabl wedi'i atal: mae'r grwpiau'n rhy fach i'w "
        "dangos heb risg o adnabod rhywun",
    },
}


_METHOD_NOTES: dict[Language, str] = {
    "en": "The exact test and the score test disagree on this result, so treat it with care.",
    "cy": "Mae'r prawf union a'r prawf sgôr yn anghytuno ar y canlyniad hwn, felly byddwch yn "
    "ofalus wrth ei ddefnyddio.",
}


def report_language(code: str) -> Language:
    """``code`` ("en" or "cy", as the app's language choice gives it) as a report language.

    Reports are written in English and Welsh only; any other code is a ValueError.
    """
    for language in LANGUAGES:
        if code == language:
            return language
    raise ValueError(f"reports are written in English or Welsh, not {code!r}")


def describe_comparison(
    comparison: Comparison,
    language: Language = "en",
    round_label: str = "",
    *,
    population: Population | None = None,
) -> str:
    """The phrase for one comparison in its tier (R-STAT-6).

    ``population`` names the group for the national and other-area axes and is required when
    such a comparison was tested; ``round_label`` names the previous round, e.g. "2024".
    Untested comparisons say why (no benchmark, definition changed, base too small).
    """
    if comparison.status is not ComparisonStatus.TESTED or comparison.tier is None:
        return _STATUS_PHRASES[language][comparison.status]
    key = (comparison.tier, comparison.observed_direction)
    unconfirmed = _UNCONFIRMED[language][comparison.is_confirmed_by_test]
    if comparison.kind is ComparisonKind.PREVIOUS_ROUND:
        phrase = _ROUND_PHRASES[language][key].format(round=round_label, unconfirmed=unconfirmed)
    else:
        phrase = _group_phrase(key, language, population, unconfirmed)
    if comparison.is_indicative and comparison.tier is not Tier.NONE:
        return _INDICATIVE[language].format(phrase=phrase)
    return phrase


def _group_phrase(
    key: tuple[Tier, Flag], language: Language, population: Population | None, unconfirmed: str
) -> str:
    """A national or other-area phrase naming ``population``."""
    if population is None:
        raise ValueError("a tested national or other-area comparison needs its population")
    english = language == "en"
    return _GROUP_PHRASES[language][key].format(
        than=population.en if english else population.cy_than,
        with_=population.en if english else population.cy_with,
        unconfirmed=unconfirmed,
    )


def describe_classification(classification: Classification, language: Language = "en") -> str:
    """The label for a comparison's classification (bright spot, worth looking into, ...)."""
    return _CLASSIFICATIONS[language][classification]


def significance_note(*, is_adjusted: bool, language: Language = "en") -> str:
    """The standard methods note (R-STAT-6); mentions adjustment only when it was applied."""
    return _SIGNIFICANCE_NOTES[language][is_adjusted]


def marker_note(reason: SuppressionReason, language: Language = "en") -> str:
    """The note that explains a table marker (R-SDC-7: every marker used is explained)."""
    return _MARKER_NOTES[language][reason]


def method_note(language: Language = "en") -> str:
    """The note shown when ``SignificanceTest.methods_disagree`` (R-STAT-2)."""
    return _METHOD_NOTES[language]


_PROVISIONAL: dict[Language, str] = {
    "en": "Provisional figures: this round is still open, so the figures will change until it "
    "closes.",
    "cy": "Ffigurau dros dro: mae'r rownd hon yn dal ar agor, felly bydd y ffigurau'n newid nes "
    "iddi gau.",
}


def provisional_text(language: Language = "en") -> str:
    """The warning every rendering of an open round's report carries (R-STAT-7)."""
    return _PROVISIONAL[language]


_SHORT_GROUP: dict[Language, dict[tuple[Tier, Flag], str]] = {
    "en": {
        (Tier.CLEAR, Flag.HIGHER): "Higher",
        (Tier.CLEAR, Flag.LOWER): "Lower",
        (Tier.POSSIBLE, Flag.HIGHER): "Possibly higher",
        (Tier.POSSIBLE, Flag.LOWER): "Possibly lower",
        (Tier.NONE, Flag.NONE): "No clear difference",
    },
    "cy": {
        (Tier.CLEAR, Flag.HIGHER): "Uwch",
        (Tier.CLEAR, Flag.LOWER): "Is",
        (Tier.POSSIBLE, Flag.HIGHER): "O bosibl yn uwch",
        (Tier.POSSIBLE, Flag.LOWER): "O bosibl yn is",
        (Tier.NONE, Flag.NONE): "Dim gwahaniaeth clir",
    },
}

_SHORT_ROUND: dict[Language, dict[tuple[Tier, Flag], str]] = {
    "en": {
        (Tier.CLEAR, Flag.HIGHER): "Up",
        (Tier.CLEAR, Flag.LOWER): "Down",
        (Tier.POSSIBLE, Flag.HIGHER): "Possibly up",
        (Tier.POSSIBLE, Flag.LOWER): "Possibly down",
        (Tier.NONE, Flag.NONE): "No clear change",
    },
    "cy": {
        (Tier.CLEAR, Flag.HIGHER): "I fyny",
        (Tier.CLEAR, Flag.LOWER): "I lawr",
        (Tier.POSSIBLE, Flag.HIGHER): "O bosibl i fyny",
        (Tier.POSSIBLE, Flag.LOWER): "O bosibl i lawr",
        (Tier.NONE, Flag.NONE): "Dim newid clir",
    },
}

_SHORT_UNTESTED: dict[Language, dict[ComparisonStatus, str]] = {
    "en": {
        ComparisonStatus.TESTED: "Not compared",
        ComparisonStatus.NO_BENCHMARK: "No national figure",
        ComparisonStatus.NOT_COMPARABLE: "Not comparable",
        ComparisonStatus.BASE_TOO_SMALL: "Too few answered",
        ComparisonStatus.SUPPRESSED: "Not compared",
        ComparisonStatus.NO_COMPARABLE_OTHERS: "No comparable figures",
    },
    "cy": {
        ComparisonStatus.TESTED: "Heb ei gymharu",
        ComparisonStatus.NO_BENCHMARK: "Dim ffigur cenedlaethol",
        ComparisonStatus.NOT_COMPARABLE: "Dim modd cymharu",
        ComparisonStatus.BASE_TOO_SMALL: "Rhy ychydig wedi ateb",
        ComparisonStatus.SUPPRESSED: "Heb ei gymharu",
        ComparisonStatus.NO_COMPARABLE_OTHERS: "Dim ffigurau i'w cymharu",
    },
}


def short_phrase(
    kind: ComparisonKind,
    status: ComparisonStatus,
    tier: Tier | None,
    direction: Flag,
    language: Language = "en",
) -> str:
    """The one- to three-word mark of a comparison on the headline page (R-STAT-6 tiers).

    "Higher", "Possibly higher", "No clear difference" against a group; "Up", "Possibly up",
    "No clear change" against the last round; why not, for a comparison that was not made.
    """
    if status is not ComparisonStatus.TESTED or tier is None:
        return _SHORT_UNTESTED[language][status]
    table = _SHORT_ROUND if kind is ComparisonKind.PREVIOUS_ROUND else _SHORT_GROUP
    return table[language][(tier, direction if tier is not Tier.NONE else Flag.NONE)]

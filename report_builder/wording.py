"""Report wording for comparisons, classifications and table notes, in English and Welsh.

R-STAT-6 fixes the phrases: "higher than / lower than / similar to children nationally" and
"up / down / no clear change since [round]"; an unflagged gap is never called better or worse.
Flags on bases of 10-29 are prefixed "indicative" (R-STAT-4). The Welsh text is a first draft
and needs review by a Welsh-language editor before publication.
"""

from __future__ import annotations

from typing import Literal

from report_builder.model import (
    Classification,
    Comparison,
    ComparisonKind,
    ComparisonStatus,
    Flag,
    SuppressionReason,
)

Language = Literal["en", "cy"]
LANGUAGES: tuple[Language, ...] = ("en", "cy")

_FLAG_PHRASES: dict[Language, dict[tuple[ComparisonKind, Flag], str]] = {
    "en": {
        (ComparisonKind.NATIONAL, Flag.HIGHER): "higher than children nationally",
        (ComparisonKind.NATIONAL, Flag.LOWER): "lower than children nationally",
        (ComparisonKind.NATIONAL, Flag.NONE): "similar to children nationally",
        (ComparisonKind.OTHER_LAS, Flag.HIGHER): "higher than children in care in other areas",
        (ComparisonKind.OTHER_LAS, Flag.LOWER): "lower than children in care in other areas",
        (ComparisonKind.OTHER_LAS, Flag.NONE): "similar to children in care in other areas",
        (ComparisonKind.PREVIOUS_ROUND, Flag.HIGHER): "up since {round}",
        (ComparisonKind.PREVIOUS_ROUND, Flag.LOWER): "down since {round}",
        (ComparisonKind.PREVIOUS_ROUND, Flag.NONE): "no clear change since {round}",
    },
    "cy": {
        (ComparisonKind.NATIONAL, Flag.HIGHER): "uwch na phlant yn genedlaethol",
        (ComparisonKind.NATIONAL, Flag.LOWER): "is na phlant yn genedlaethol",
        (ComparisonKind.NATIONAL, Flag.NONE): "yn debyg i blant yn genedlaethol",
        (ComparisonKind.OTHER_LAS, Flag.HIGHER): "uwch na phlant mewn gofal mewn ardaloedd eraill",
        (ComparisonKind.OTHER_LAS, Flag.LOWER): "is na phlant mewn gofal mewn ardaloedd eraill",
        (ComparisonKind.OTHER_LAS, Flag.NONE): "yn debyg i blant mewn gofal mewn ardaloedd eraill",
        (ComparisonKind.PREVIOUS_ROUND, Flag.HIGHER): "i fyny ers {round}",
        (ComparisonKind.PREVIOUS_ROUND, Flag.LOWER): "i lawr ers {round}",
        (ComparisonKind.PREVIOUS_ROUND, Flag.NONE): "dim newid clir ers {round}",
    },
}

_STATUS_PHRASES: dict[Language, dict[ComparisonStatus, str]] = {
    "en": {
        ComparisonStatus.NO_BENCHMARK: "no national comparison available",
        ComparisonStatus.NOT_COMPARABLE: "not comparable: definition changed",
        ComparisonStatus.BASE_TOO_SMALL: "not compared: fewer than 10 answered",
        ComparisonStatus.SUPPRESSED: "not compared: hidden to protect confidentiality",
    },
    "cy": {
        ComparisonStatus.NO_BENCHMARK: "dim cymhariaeth genedlaethol ar gael",
        ComparisonStatus.NOT_COMPARABLE: "dim modd cymharu: newidiodd y diffiniad",
        ComparisonStatus.BASE_TOO_SMALL: "heb ei gymharu: llai na 10 wedi ateb",
        ComparisonStatus.SUPPRESSED: "heb ei gymharu: wedi'i guddio i ddiogelu cyfrinachedd",
    },
}

_INDICATIVE: dict[Language, str] = {"en": "indicative: {phrase}", "cy": "arwyddol: {phrase}"}

_CLASSIFICATIONS: dict[Language, dict[Classification, str]] = {
    "en": {
        Classification.BRIGHT_SPOT: "bright spot",
        Classification.AREA_FOR_IMPROVEMENT: "area for improvement",
        Classification.NO_CLEAR_DIFFERENCE: "no clear difference",
        Classification.NOT_ASSESSED: "not assessed",
    },
    "cy": {
        Classification.BRIGHT_SPOT: "man disglair",
        Classification.AREA_FOR_IMPROVEMENT: "maes i'w wella",
        Classification.NO_CLEAR_DIFFERENCE: "dim gwahaniaeth clir",
        Classification.NOT_ASSESSED: "heb ei asesu",
    },
}

_SIGNIFICANCE_NOTES: dict[Language, dict[bool, str]] = {
    "en": {
        True: "A difference is called out only where it is unlikely to be due to chance "
        "(95% level, adjusted for the number of comparisons).",
        False: "A difference is called out only where it is unlikely to be due to chance "
        "(95% level).",
    },
    "cy": {
        True: "Dim ond lle mae'n annhebygol o fod oherwydd siawns y tynnir sylw at wahaniaeth "
        "(lefel 95%, wedi'i addasu ar gyfer nifer y cymariaethau).",
        False: "Dim ond lle mae'n annhebygol o fod oherwydd siawns y tynnir sylw at wahaniaeth "
        "(lefel 95%).",
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


def describe_comparison(
    comparison: Comparison, language: Language = "en", round_label: str = ""
) -> str:
    """The phrase for one comparison (R-STAT-6).

    ``round_label`` names the previous round, e.g. "2024", and is used only for that axis.
    Untested comparisons say why (no benchmark, definition changed, base too small).
    """
    if comparison.status is not ComparisonStatus.TESTED:
        return _STATUS_PHRASES[language][comparison.status]
    phrase = _FLAG_PHRASES[language][(comparison.kind, comparison.flag)]
    phrase = phrase.format(round=round_label)
    if comparison.is_indicative and comparison.flag is not Flag.NONE:
        return _INDICATIVE[language].format(phrase=phrase)
    return phrase


def describe_classification(classification: Classification, language: Language = "en") -> str:
    """The label for a bright spot, area for improvement, no clear difference or not assessed."""
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

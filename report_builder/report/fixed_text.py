"""Fixed report text in English and Welsh: titles, section names, table headings, methods.

Indicator and answer labels come from the catalogue's ``LocalisedText``; comparison phrases
come from ``wording.py``. The Welsh here is a first draft for review by a Welsh-language
editor before publication, like the rest of the report wording.
"""

from __future__ import annotations

from babel import Locale

from report_builder.report.numbers_and_dates import LOCALES
from report_builder.report.wording import Language

DOMAINS = ("relationships", "rights", "resilience", "recovery", "wellbeing")
"""Report sections in order: the four Bright Spots domains, then overall wellbeing."""

DEMOGRAPHICS = (
    "gender",
    "ethnicity",
    "placement_type",
    "living_situation",
    "where_living",
    "time_in_care",
    "placement_moves",
    "main_activity",
    "health_condition",
)
"""Demographic tables (docs/sources.md B8: gender, ethnicity, placement, time in care), and from
questionnaire version 2 placement moves, and care leavers' housing, main activity and
disability (docs/questionnaires.md, "Version 2")."""

_TEXT: dict[str, dict[Language, str]] = {
    "relationships": {"en": "Relationships", "cy": "Perthnasoedd"},
    "rights": {"en": "Rights", "cy": "Hawliau"},
    "resilience": {"en": "Resilience", "cy": "Gwydnwch"},
    "recovery": {"en": "Recovery", "cy": "Adferiad"},
    "wellbeing": {"en": "Wellbeing", "cy": "Llesiant"},
    "gender": {"en": "Gender", "cy": "Rhywedd"},
    "ethnicity": {"en": "Ethnicity", "cy": "Ethnigrwydd"},
    "placement_type": {
        "en": "Where children in care live",
        "cy": "Ble mae plant mewn gofal yn byw",
    },
    "living_situation": {"en": "Where care leavers live", "cy": "Ble mae ymadawyr gofal yn byw"},
    "where_living": {"en": "Where care leavers live", "cy": "Ble mae ymadawyr gofal yn byw"},
    "placement_moves": {
        "en": "Moves to a new home in the last year",
        "cy": "Symud i gartref newydd yn y flwyddyn ddiwethaf",
    },
    "main_activity": {
        "en": "What care leavers mostly do",
        "cy": "Beth mae ymadawyr gofal yn ei wneud gan amlaf",
    },
    "health_condition": {
        "en": "Disability or long-term health condition",
        "cy": "Anabledd neu gyflwr iechyd hirdymor",
    },
    "time_in_care": {"en": "Time in care", "cy": "Amser mewn gofal"},
    "not_stated": {"en": "Not stated", "cy": "Heb ei nodi"},
    "minority_ethnic": {"en": "Minority ethnic groups", "cy": "Grwpiau ethnig lleiafrifol"},
    "other_answers": {"en": "Other answers", "cy": "Atebion eraill"},
    "title": {
        "en": "Care Voices report for {la}: {round}",
        "cy": "Adroddiad Lleisiau Gofal ar gyfer {la}: {round}",
    },
    "in_care_band": {"en": "Ages {low} to {high}", "cy": "Oed {low} i {high}"},
    "leavers_band": {
        "en": "Care leavers aged {low} to {high}",
        "cy": "Ymadawyr gofal {low} i {high} oed",
    },
    "previous_round": {"en": "{round} round", "cy": "Rownd {round}"},
    "interval": {"en": "{lower} to {upper}", "cy": "{lower} i {upper}"},
    "base": {"en": "n = {n}", "cy": "n = {n}"},
    "primary": {"en": "primary source", "cy": "ffynhonnell gynradd"},
    "secondary": {
        "en": "secondary source, to be checked against the original release",
        "cy": "ffynhonnell eilaidd, i'w gwirio yn erbyn y datganiad gwreiddiol",
    },
    "source": {"en": "{title} ({year}); {confidence}", "cy": "{title} ({year}); {confidence}"},
    "chart_title": {
        "en": "{section}, {band}: {bright} and {areas}",
        "cy": "{section}, {band}: {bright} a {areas}",
    },
    "chart_legend_this_area": {
        "en": "This area, with its 95% interval",
        "cy": "Yr ardal hon, gyda'i chyfwng 95%",
    },
    "chart_legend_other_areas": {"en": "Other areas", "cy": "Ardaloedd eraill"},
    "trend_title": {
        "en": "{label}, {band}: {first} to {last}",
        "cy": "{label}, {band}: {first} i {last}",
    },
    "chart_legend_national": {
        "en": "Young people nationally",
        "cy": "Pobl ifanc yn genedlaethol",
    },
    "adjust_bh": {"en": "Benjamini-Hochberg", "cy": "Benjamini-Hochberg"},
    "adjust_none": {"en": "none", "cy": "dim"},
}

_METHODS: dict[Language, tuple[str, ...]] = {
    "en": (
        "Each percentage is the share of those who answered the question (the base, n), with a "
        "95% confidence interval by the Wilson score method. Skipped questions and "
        '"prefer not to say" are left out of the base. Only completed surveys are counted.',
        "Against a national figure the one-sample score test is used, with the exact binomial "
        "test stored as a check; a national figure is matched only where its definition and "
        "ages fit. Other areas are all other local authorities whose rounds for the same "
        "period have closed, added together without this one, so the comparison does not change "
        "while another area is still collecting answers; when they are at least ten times this "
        "area's base their percentage is treated as fixed in the same way. Against the previous "
        "round the "
        "difference is shown with a Newcombe interval and tested with the score test, or "
        "Boschloo's exact test when any expected count is below 5. Rounds are treated as "
        "independent samples because answers are anonymous.",
        "Fewer than {min_base} answers: nothing is shown or tested ([c]). {min_base} to "
        "{reliable_max} answers: shown with [u] for low reliability, tested with exact methods, "
        "and any difference is called indicative. On sensitive questions, 0% or 100% in a group "
        "of fewer than {reliable_base} is hidden. Demographic groups are combined until every "
        "group has at least {k} people, and small counts in breakdowns are hidden. Quotes "
        "appear only where at least {quote_base} took part, after a reviewer has removed "
        "identifying details and approved them; at most {quote_limit} are shown, with no "
        "demographic tags.",
        "P-values are adjusted for multiple comparisons within each age group and kind of "
        "comparison ({adjustment}); intervals are not adjusted.",
    ),
    "cy": (
        "Mae pob canran yn gyfran o'r rhai a atebodd y cwestiwn (y sylfaen, n), gyda chyfwng "
        "hyder 95% yn ôl dull sgôr Wilson. Nid yw cwestiynau a hepgorwyd na \"mae'n well gen i "
        "beidio â dweud\" yn y sylfaen. Dim ond arolygon cyflawn sy'n cael eu cyfrif.",
        "Yn erbyn ffigur cenedlaethol defnyddir y prawf sgôr un sampl, gyda'r prawf binomaidd "
        "union yn cael ei gadw fel gwiriad; dim ond lle mae'r diffiniad a'r oedrannau'n cyfateb "
        "y defnyddir ffigur cenedlaethol. Ardaloedd eraill yw pob awdurdod lleol arall y mae ei "
        "rownd ar gyfer yr un cyfnod wedi cau, wedi'u hadio heb yr un hwn, fel nad yw'r "
        "gymhariaeth yn newid tra bo ardal arall yn dal i gasglu atebion; pan fyddant o leiaf "
        "deg gwaith sylfaen yr ardal hon, caiff eu canran ei thrin fel un sefydlog yn yr un "
        "ffordd. Yn erbyn y rownd "
        "flaenorol dangosir y gwahaniaeth gyda chyfwng Newcombe a'i brofi gyda'r prawf sgôr, "
        "neu brawf union Boschloo pan fo unrhyw gyfrif disgwyliedig yn llai na 5. Caiff rowndiau "
        "eu trin fel samplau annibynnol gan fod atebion yn ddienw.",
        "Llai na {min_base} ateb: ni ddangosir na phrofir dim ([c]). {min_base} i "
        "{reliable_max} ateb: dangosir gyda [u] am ddibynadwyedd isel, profir gyda dulliau "
        "union, a gelwir unrhyw wahaniaeth yn arwyddol. Ar gwestiynau sensitif, cuddir 0% neu "
        "100% mewn grŵp o lai na {reliable_base}. Cyfunir grwpiau demograffig nes bod o leiaf "
        "{k} o bobl ym mhob grŵp, a chuddir cyfrifon bach mewn dadansoddiadau. Dim ond lle "
        "cymerodd o leiaf {quote_base} ran y mae dyfyniadau'n ymddangos, ar ôl i adolygydd "
        "ddileu manylion adnabod a'u cymeradwyo; dangosir {quote_limit} ar y mwyaf, heb "
        "dagiau demograffig.",
        "Caiff gwerthoedd-p eu haddasu ar gyfer cymariaethau lluosog o fewn pob grŵp oedran a "
        "math o gymhariaeth ({adjustment}); nid yw'r cyfyngau wedi'u haddasu.",
    ),
}


_COUNTED: dict[str, dict[Language, dict[str, str]]] = {
    "bright_spots": {
        "en": {"zero": "no bright spots", "one": "1 bright spot", "other": "{n} bright spots"},
        "cy": {
            "zero": "dim mannau disglair",
            "one": "un man disglair",
            "other": "{n} o fannau disglair",
        },
    },
    "areas_for_improvement": {
        "en": {
            "zero": "no areas for improvement",
            "one": "1 area for improvement",
            "other": "{n} areas for improvement",
        },
        "cy": {
            "zero": "dim meysydd i'w gwella",
            "one": "un maes i'w wella",
            "other": "{n} o feysydd i'w gwella",
        },
    },
}
"""Counted phrases: "no", one and many forms. Welsh uses "o" with the plural for every number
above one, which needs no mutation by number; the Welsh is a first draft for review."""


def counted_text(key: str, count: int, language: Language) -> str:
    """``count`` of ``key`` in words with the right plural ("1 bright spot", "3 bright spots").

    The form comes from the language's plural rule (Babel's CLDR data), with zero always
    worded as "no"; forms a language's table does not list fall back to "other".
    """
    forms = _COUNTED[key][language]
    category = "zero" if count == 0 else Locale.parse(LOCALES[language]).plural_form(count)
    return forms.get(category, forms["other"]).format(n=count)


def text(key: str, language: Language, **values: object) -> str:
    """The fixed text ``key`` in ``language``, with ``values`` filled in."""
    return _TEXT[key][language].format(**values)


def has_text(key: str) -> bool:
    """True when ``key`` has fixed text (used for collapsed demographic groups)."""
    return key in _TEXT


def methods_paragraphs(
    language: Language, *, is_adjusted: bool, **values: object
) -> tuple[str, ...]:
    """The methods note paragraphs, with thresholds filled in from the code's constants.

    The last paragraph, on adjustment for multiple comparisons, appears only when p-values
    were adjusted (R-STAT-5); ``wording.significance_note`` covers both cases.
    """
    paragraphs = _METHODS[language] if is_adjusted else _METHODS[language][:-1]
    return tuple(paragraph.format(**values) for paragraph in paragraphs)

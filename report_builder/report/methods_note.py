"""The methods note: tests, tiers, cautions, suppression rules and benchmark sources.

Thresholds are filled in from the constants the code applies, so the note cannot drift from
what was done. Every marker that appears anywhere in the report is explained here (R-SDC-7).
The plain-words note on reading comparisons is ``significance_note``; the technical detail
of the three tiers (R-STAT-6), the cohort cautions (R-STAT-7) and the direction of good
(R-STAT-8) is in the annex paragraphs. Each national source is named once, with the indicators
it was actually compared with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from report_builder.comparison.values import Benchmark
from report_builder.disclosure.breakdowns import K_ANONYMITY
from report_builder.disclosure.control import MIN_BASE, RELIABLE_BASE
from report_builder.disclosure.quotes import QUOTE_LIMIT, QUOTE_MIN_BASE
from report_builder.disclosure.values import SuppressionReason
from report_builder.report.cohort_caveats import RATE_FALL_POINTS
from report_builder.report.fixed_text import methods_paragraphs, text
from report_builder.report.model import BenchmarkSource, MethodsNote
from report_builder.report.populations import national_population
from report_builder.report.wording import Language, marker_note, significance_note
from report_builder.statistics.multiple_testing import Adjustment

_ANNEX: dict[Language, tuple[str, ...]] = {
    "en": (
        "Each comparison is put in one of three tiers. Clear: the p-value, adjusted for the "
        "number of comparisons when adjustment is applied, is below 0.05 and the 95% interval "
        "leaves out no difference; worded “higher than”, “lower than”, “up since” or “down "
        "since”. Possible: the unadjusted 95% interval (the Wilson interval of this area "
        "against a fixed figure, or the Newcombe interval of a difference) leaves out no "
        "difference, but the adjusted p-value is 0.05 or more; worded “possibly higher” and so "
        "on, and listed as worth looking into. None: the unadjusted interval includes no "
        "difference; worded “no clear difference” or “no clear change”. No equivalence test is "
        "run, so no result is called similar. Bright spots and areas for improvement come from "
        "the clear tier only.",
        "Each measure records whether a higher figure is better or worse for children. Where "
        "nobody has agreed which way is good (for example wanting to see parents more), the "
        "figure is shown with its comparisons but is never a bright spot, an area for "
        "improvement or worth looking into.",
        "Each round is a different group of children answering anonymously. Changes since the "
        "last round carry a caution for an age group when its response rate fell by more than "
        "{points} percentage points, the number taking part fell by more than a third, or "
        "either round's response rate is below the authority's minimum; this round's figures "
        "carry one when its response rate is below the minimum.",
    ),
    "cy": (
        "Rhoddir pob cymhariaeth mewn un o dair haen. Clir: mae'r gwerth-p, wedi'i addasu ar "
        "gyfer nifer y cymariaethau pan gaiff addasiad ei ddefnyddio, yn llai na 0.05 ac mae'r "
        "cyfwng 95% yn gadael dim gwahaniaeth allan; geiriad “uwch na”, “is na”, “i fyny ers” "
        "neu “i lawr ers”. Posibl: mae'r cyfwng 95% heb ei addasu (cyfwng Wilson yr ardal hon "
        "yn erbyn ffigur sefydlog, neu gyfwng Newcombe gwahaniaeth) yn gadael dim gwahaniaeth "
        "allan, ond mae'r gwerth-p wedi'i addasu yn 0.05 neu fwy; geiriad “o bosibl yn uwch” "
        "ac ati, a'u rhestru fel rhai sy'n werth edrych arnynt. Dim: mae'r cyfwng heb ei "
        "addasu yn cynnwys dim gwahaniaeth; geiriad “dim gwahaniaeth clir” neu “dim newid "
        "clir”. Ni chynhelir prawf cywerthedd, felly ni ddywedir bod unrhyw ganlyniad yn "
        "debyg. Daw mannau disglair a meysydd i'w gwella o'r haen glir yn unig.",
        "Mae pob mesur yn nodi a yw ffigur uwch yn well neu'n waeth i blant. Lle nad oes neb "
        "wedi cytuno pa ffordd sy'n dda (er enghraifft eisiau gweld rhieni'n fwy), dangosir y "
        "ffigur gyda'i gymariaethau ond nid yw byth yn fan disglair, yn faes i'w wella nac yn "
        "werth edrych arno.",
        "Mae pob rownd yn grŵp gwahanol o blant yn ateb yn ddienw. Mae rhybudd ar newidiadau "
        "ers y rownd ddiwethaf i grŵp oedran pan ostyngodd ei gyfradd ymateb fwy na {points} "
        "pwynt canran, pan ostyngodd nifer y rhai a gymerodd ran fwy na thraean, neu pan fo "
        "cyfradd ymateb y naill rownd neu'r llall yn is na lleiafswm yr awdurdod; mae rhybudd "
        "ar ffigurau'r rownd hon pan fo'i chyfradd ymateb yn is na'r lleiafswm.",
    ),
}

_SOURCE: dict[Language, str] = {
    "en": "{title} ({confidence}). Compared with: {uses}.",
    "cy": "{title} ({confidence}). Cymharwyd â: {uses}.",
}


def methods_note(
    reasons: Iterable[str],
    compared: Sequence[tuple[Benchmark, str]],
    *,
    adjust: Adjustment,
    language: Language,
) -> MethodsNote:
    """The note for a report whose markers carry ``reasons``.

    ``compared`` lists each national figure the report actually compared, with the label of
    the indicator it was compared with.
    """
    is_adjusted = adjust == "bh"
    paragraphs = methods_paragraphs(
        language,
        is_adjusted=is_adjusted,
        min_base=MIN_BASE,
        reliable_max=RELIABLE_BASE - 1,
        reliable_base=RELIABLE_BASE,
        k=K_ANONYMITY,
        quote_base=QUOTE_MIN_BASE,
        quote_limit=QUOTE_LIMIT,
        adjustment=text(f"adjust_{adjust}", language),
    )
    annex = tuple(paragraph.format(points=RATE_FALL_POINTS) for paragraph in _ANNEX[language])
    used = [reason for reason in SuppressionReason if reason.value in set(reasons)]
    return MethodsNote(
        summary=_SUMMARY[language],
        paragraphs=paragraphs + annex,
        significance_note=significance_note(is_adjusted=is_adjusted, language=language),
        marker_notes=tuple(marker_note(reason, language) for reason in used),
        benchmark_sources=benchmark_sources(compared, language),
        adjustment=adjust,
    )


_SUMMARY: dict[Language, tuple[str, ...]] = {
    "en": (
        "Every child and young person in care, and every care leaver, was invited to answer. "
        "Each figure is the share of those who answered a question, with a range (the 95% "
        "interval) that the true figure very probably lies in: the fewer who answered, the "
        "wider the range.",
        "Each result is compared with young people of the same age nationally where a "
        "national figure exists, with children in care in other areas, and with this area's "
        "last round. We call a difference \u201chigher\u201d or \u201clower\u201d only when "
        "it is very unlikely to be chance, even allowing for the many comparisons in this "
        "report. \u201cPossibly higher\u201d means it may be real but needs watching. \u201cNo "
        "clear difference\u201d does not mean the figures are the same.",
        "To protect children's privacy, a figure is hidden ([c]) when fewer than 10 answered, "
        "and marked [u] when fewer than 30 did, because it is then less reliable. Each round "
        "is a different group of children, so a change between rounds may be a change in who "
        "took part.",
    ),
    "cy": (
        "Cafodd pob plentyn a pherson ifanc mewn gofal, a phob ymadawr gofal, wahoddiad i "
        "ateb. Mae pob ffigur yn gyfran o'r rhai a atebodd gwestiwn, gydag ystod (y cyfwng "
        "95%) y mae'r gwir ffigur yn debygol iawn o fod ynddi: po leiaf a atebodd, ehangaf "
        "yw'r ystod.",
        "Caiff pob canlyniad ei gymharu â phobl ifanc o'r un oed yn genedlaethol lle mae "
        "ffigur cenedlaethol, â phlant mewn gofal mewn ardaloedd eraill, ac â rownd "
        "ddiwethaf yr ardal hon. Rydym yn galw gwahaniaeth yn \u201cuwch\u201d neu'n "
        "\u201cis\u201d dim ond pan fo'n annhebygol iawn o fod yn siawns, hyd yn oed o "
        "ystyried y cymariaethau niferus yn yr adroddiad hwn. Mae \u201co bosibl yn "
        "uwch\u201d yn golygu y gallai fod yn real ond bod angen cadw llygad arno. Nid yw "
        "\u201cdim gwahaniaeth clir\u201d yn golygu bod y ffigurau yr un fath.",
        "I ddiogelu preifatrwydd plant, caiff ffigur ei guddio ([c]) pan fo llai na 10 wedi "
        "ateb, a'i nodi ag [u] pan fo llai na 30 wedi ateb, am ei fod yn llai dibynadwy. Mae "
        "pob rownd yn grŵp gwahanol o blant, felly gall newid rhwng rowndiau fod yn newid yn "
        "y rhai a gymerodd ran.",
    ),
}
"""The methods in plain words for a board member, before the technical annex; first draft
Welsh for review like the rest of the report wording."""


def benchmark_sources(
    compared: Sequence[tuple[Benchmark, str]], language: Language
) -> tuple[BenchmarkSource, ...]:
    """Each source once, ordered by title, with every use of it (indicator, population,
    year) once, in report order."""
    by_source: dict[tuple[str, str, str], dict[str, tuple[Benchmark, str]]] = {}
    for benchmark, label in compared:
        key = (benchmark.source_title, benchmark.source_url, benchmark.confidence)
        uses = by_source.setdefault(key, {})
        uses[_use(benchmark, label, language)] = (benchmark, label)
    return tuple(_source(key, uses, language) for key, uses in sorted(by_source.items()))


def _use(benchmark: Benchmark, label: str, language: Language) -> str:
    """ "Label (young people aged 16 to 24 nationally, 2017-2019)"."""
    who = national_population(benchmark).name(language)
    return f"{label} ({who}, {benchmark.year})"


def _source(
    key: tuple[str, str, str], uses: dict[str, tuple[Benchmark, str]], language: Language
) -> BenchmarkSource:
    """A source's line, stating its confidence (primary or secondary) and its uses."""
    title, url, confidence = key
    benchmarks = [benchmark for benchmark, _ in uses.values()]
    return BenchmarkSource(
        title=title,
        url=url,
        confidence=confidence,
        measure_ids=tuple(dict.fromkeys(b.measure_id for b in benchmarks)),
        indicator_ids=tuple(dict.fromkeys(b.indicator_id for b in benchmarks)),
        text=_SOURCE[language].format(
            title=title, confidence=text(confidence, language), uses="; ".join(uses)
        ),
    )

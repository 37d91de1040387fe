"""Immutable objects built from questionnaire files.

Everything here is a frozen, slotted dataclass holding tuples, frozensets or read-only mappings,
so one loaded catalogue can be shared by every request without anyone changing it by accident.

Answer conventions (what the survey app stores for an item):
- single-answer items (yes_no, frequency, count_band, scale_0_10, faces, single_choice): the
  option value string, e.g. ``"yes"``, ``"sometimes"``, ``"7"``;
- multi_choice: a tuple of option value strings;
- free_text: the text as a ``str``;
- ``"prefer_not_to_say"`` is the value of the prefer-not-to-say option (a multi_choice answer
  holds it alone);
- a skipped item has no answer at all (its id is absent from the answers mapping).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from questionnaires.fingerprint import indicator_fingerprint

PREFER_NOT_TO_SAY = "prefer_not_to_say"
ITEM_TYPES = (
    "yes_no",
    "frequency",
    "count_band",
    "scale_0_10",
    "faces",
    "single_choice",
    "multi_choice",
    "free_text",
)


@dataclass(frozen=True, slots=True)
class LocalisedText:
    """Text in English and (when translated) Welsh. ``get`` never falls back to English."""

    en: str
    cy: str | None = None

    def has(self, lang: str) -> bool:
        """True when this text exists in ``lang``."""
        return bool(getattr(self, lang, None))

    def get(self, lang: str) -> str:
        """The text in ``lang``; raises ``LookupError`` rather than show the wrong language."""
        if not self.has(lang):
            raise LookupError(f"no {lang!r} text for {self.en!r}")
        return str(getattr(self, lang))


PREFER_NOT_TO_SAY_LABEL = LocalisedText("Prefer not to say", "Mae'n well gen i beidio â dweud")


@dataclass(frozen=True, slots=True)
class Option:
    """One answer choice. ``label`` is None only for the unlabelled middle points 1-9 of a
    0-10 scale; ``image`` names an SVG under ``questionnaires/faces/`` for faces items."""

    value: str
    label: LocalisedText | None = None
    image: str | None = None


@dataclass(frozen=True, slots=True)
class Condition:
    """Holds when the answer to ``item`` is one of ``values`` (for multi_choice: any of them)."""

    item: str
    values: frozenset[str]

    def holds(self, answers: Mapping[str, object]) -> bool:
        """Evaluate against stored answers; an absent answer never satisfies a condition."""
        answer = answers.get(self.item)
        if isinstance(answer, tuple | list | frozenset | set):
            return bool(self.values.intersection(answer))
        return answer in self.values


@dataclass(frozen=True, slots=True)
class Item:
    """One question. ``options`` already ends with the prefer-not-to-say option when offered."""

    id: str
    type: str
    text: LocalisedText
    hint: LocalisedText | None = None
    read_aloud: LocalisedText | None = None
    sensitive: bool = False
    prefer_not_to_say: bool = False
    answered_by: str = "child"
    options: tuple[Option, ...] = ()
    max_length: int | None = None
    show_if: tuple[Condition, ...] = ()
    section: str | None = None
    domain: str | None = None

    @property
    def option_values(self) -> tuple[str, ...]:
        """The stored codes of every option, in order."""
        return tuple(option.value for option in self.options)

    def texts(self) -> Iterator[LocalisedText]:
        """Every piece of respondent-facing text in this item."""
        yield self.text
        yield from (text for text in (self.hint, self.read_aloud) if text is not None)
        yield from (option.label for option in self.options if option.label is not None)


@dataclass(frozen=True, slots=True)
class Page:
    """A page shown to a respondent. Care Voices shows one question per page."""

    id: str
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class InstrumentVersion:
    """One published or draft version of one instrument (one YAML file)."""

    instrument: str
    version: int
    status: str
    content_hash: str
    audience: str
    age_min: int
    age_max: int
    title: LocalisedText
    intro: LocalisedText
    minutes: int
    items: tuple[Item, ...]
    languages: tuple[str, ...]
    trusted_adult: bool
    translation_review: Mapping[str, str] = field(default_factory=dict, hash=False)
    helper_briefing: bool = False

    @property
    def key(self) -> str:
        """The public key, ``"<instrument>@v<N>"``, that rounds and answers record."""
        return f"{self.instrument}@v{self.version}"

    @property
    def pages(self) -> tuple[Page, ...]:
        """One page per item, in order."""
        return tuple(Page(item.id, (item,)) for item in self.items)

    def item(self, item_id: str) -> Item:
        """The item with this id; raises ``KeyError`` when the version has none."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"{self.key} has no item {item_id!r}")

    def has_item(self, item_id: str) -> bool:
        """True when this version asks the item."""
        return any(item.id == item_id for item in self.items)

    def texts(self) -> Iterator[LocalisedText]:
        """Every piece of respondent-facing text in this version."""
        yield self.title
        yield self.intro
        for item in self.items:
            yield from item.texts()

    def translation_completeness(self) -> dict[str, float]:
        """Percentage of texts present in each declared language (100.0 = complete)."""
        texts = tuple(self.texts())
        return {
            lang: round(100 * sum(text.has(lang) for text in texts) / len(texts), 1)
            for lang in self.languages
        }

    def translation_reviewed(self, lang: str) -> bool:
        """True when a speaker of ``lang`` has reviewed its text (English is the source).

        Anything else (machine translated, or awaiting review) counts as unreviewed, so officers
        are told before they open a round in that language.
        """
        return lang == "en" or self.translation_review.get(lang) == "reviewed"

    def complete_languages(self) -> tuple[str, ...]:
        """Languages respondents may be offered: only those translated in full."""
        done = self.translation_completeness()
        return tuple(lang for lang in self.languages if done[lang] == 100.0)


@dataclass(frozen=True, slots=True)
class BaseRule:
    """Who counts in an indicator's denominator.

    A respondent counts when the source item has an answer (skipped items never count), that
    answer is not in ``excluded`` (which always holds ``"prefer_not_to_say"``), and every
    condition in ``when`` holds, e.g. ``knows_social_worker`` in ``{"yes"}``.
    """

    excluded: frozenset[str]
    when: tuple[Condition, ...] = ()


@dataclass(frozen=True, slots=True)
class Indicator:
    """A reported percentage: the share of the base whose answer is in ``positive``."""

    id: str
    domain: str
    label: LocalisedText
    sources: Mapping[str, str] = field(hash=False)
    positive: frozenset[str]
    base: BaseRule
    direction: str
    benchmark: str | None = None

    @property
    def excluded(self) -> frozenset[str]:
        """Answers left out of the denominator."""
        return self.base.excluded

    @property
    def age_bands(self) -> tuple[str, ...]:
        """The instrument ids (one per age band and audience) this indicator is reported for."""
        return tuple(self.sources)

    def source_item(self, version: InstrumentVersion) -> Item | None:
        """The item this indicator reads in ``version``, or None when it reads none there."""
        item_id = self.sources.get(version.instrument)
        return version.item(item_id) if item_id and version.has_item(item_id) else None

    def outcome(self, instrument: str, answers: Mapping[str, object]) -> bool | None:
        """True or False for a respondent in the base, None for one outside it."""
        answer = answers.get(self.sources.get(instrument, ""))
        if not isinstance(answer, str) or answer in self.base.excluded:
            return None
        if not all(condition.holds(answers) for condition in self.base.when):
            return None
        return answer in self.positive

    def fingerprint(self, version: InstrumentVersion) -> str:
        """Hash of exactly what this indicator uses in ``version`` (see ``fingerprint.py``)."""
        return indicator_fingerprint(self, version)

"""Names staff can read for questionnaire versions: "Children in care aged 11 to 17, version 1".

Keys such as ``cic-11-17@v1`` and content hashes identify a version for the record; they are
not for reading. Pages show the name built here and keep the key, the title children see and
the pinned hash together for those who need them (in a details component).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _

from questionnaires import InstrumentVersion, load_catalogue
from survey_app.models import SurveyRound
from survey_app.services.welsh_review import welsh_unreviewed


@dataclass(frozen=True)
class NamedVersion:
    """One questionnaire version of a round, as staff see it."""

    name: str
    band: str
    instrument: str
    title: str
    key: str
    content_hash: str | None
    welsh_unreviewed: bool = False


def band_name(version: InstrumentVersion) -> str:
    """Who the version is for: "Children in care aged 8 to 10", in the interface language."""
    ages = {"low": version.age_min, "high": version.age_max}
    if version.audience == "care_leaver":
        return _("Care leavers aged %(low)d to %(high)d", **ages)
    return _("Children in care aged %(low)d to %(high)d", **ages)


def version_name(version: InstrumentVersion) -> str:
    """Who the version is for and its number: "Children in care aged 8 to 10, version 1"."""
    return _("%(band)s, version %(version)d", band=band_name(version), version=version.version)


def pin_label(version: InstrumentVersion) -> str:
    """The version's name for the round form, saying when its Welsh is not yet checked, so an
    officer knows before choosing it."""
    if welsh_unreviewed(version):
        return _("%(name)s (Welsh not yet checked by a Welsh speaker)", name=version_name(version))
    return version_name(version)


def round_versions(survey_round: SurveyRound, language: str) -> list[NamedVersion]:
    """The round's questionnaire versions with their names, titles in ``language`` and hashes."""
    catalogue = load_catalogue()
    named = []
    for pinned in survey_round.instruments:
        version = catalogue.get(f"{pinned.instrument}@v{pinned.version}")
        named.append(
            NamedVersion(
                name=version_name(version),
                band=band_name(version),
                instrument=version.instrument,
                title=version.title.get(language if version.title.has(language) else "en"),
                key=version.key,
                content_hash=pinned.content_hash,
                welsh_unreviewed=welsh_unreviewed(version),
            )
        )
    return named

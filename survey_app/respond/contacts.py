"""Who to talk to, for the help, support and thank-you pages (``respond/_contacts.html``).

The local authority's own contacts come first, then the helplines that fit the respondent: their
questionnaire's age band and the authority's nation, in the page's language.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any

from questionnaires import InstrumentVersion
from survey_app.common.i18n import current_language
from survey_app.models import LocalAuthority
from survey_app.respond.skeletons import render_from_skeleton
from survey_app.services.helplines import helplines_for, shipped_helplines

OWN_CONTACTS = ("help_contact", "advocacy_contact")
"""The authority's own contacts that ``_contacts.html`` prints, in the words its officers typed."""

PageParts = tuple[Hashable, Mapping[str, Any], Mapping[str, Any]]
"""A page's own shape, template variables and slots, for ``render_with_contacts``."""


@dataclass(frozen=True)
class OwnContacts:
    """An authority as ``_contacts.html`` and ``contacts`` read it: its own contacts and nation."""

    help_contact: str
    advocacy_contact: str
    nation: str


def contacts(
    authority: LocalAuthority | OwnContacts | None, version: InstrumentVersion | None
) -> dict[str, Any]:
    """Template variables for ``_contacts.html``; either argument may be unknown (None), and
    then every age or every nation is covered."""
    services = helplines_for(
        shipped_helplines(),
        ages=(version.age_min, version.age_max) if version else None,
        nation=authority.nation if authority else None,
        trusted_adult=bool(version and version.trusted_adult),
    )
    return {"authority": authority, "helplines": services, "contacts_lang": current_language()}


def render_with_contacts(
    template: str,
    authority: LocalAuthority,
    version: InstrumentVersion,
    page: PageParts = ((), {}, {}),
) -> str:
    """``template`` with ``contacts(authority, version)``, joined from a skeleton.

    ``page`` is the template's own (shape, variables, slots): its shape names what its
    ``variables`` decide, and its slots are printed values that vary. The authority's own
    contacts are slots too, and which of them it has is part of the shape, with its nation and
    the version (which choose the helplines).
    """
    own_shape, variables, slots = page
    own = {name: getattr(authority, name) for name in OWN_CONTACTS}
    has = tuple(bool(value) for value in own.values())
    shape = (own_shape, version.key, version.content_hash, authority.nation, has)

    def context(filled: Mapping[str, Any]) -> dict[str, Any]:
        typed = {name: filled[name] if own[name] else "" for name in OWN_CONTACTS}
        shown = OwnContacts(**typed, nation=authority.nation)
        page_slots = {name: filled[name] for name in slots}
        return {**variables, **page_slots, **contacts(shown, version)}

    present = {name: value for name, value in own.items() if value}
    return render_from_skeleton(template, shape, context, {**present, **slots})

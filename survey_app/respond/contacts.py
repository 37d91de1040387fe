"""Who to talk to, for the help, support and thank-you pages (``respond/_contacts.html``).

The local authority's own contacts come first, then the helplines that fit the respondent: their
questionnaire's age band and the authority's nation, in the page's language.
"""

from __future__ import annotations

from typing import Any

from questionnaires import InstrumentVersion
from survey_app.common.i18n import current_language
from survey_app.models import LocalAuthority
from survey_app.services.helplines import helplines_for, shipped_helplines


def contacts(authority: LocalAuthority | None, version: InstrumentVersion | None) -> dict[str, Any]:
    """Template variables for ``_contacts.html``; either argument may be unknown (None), and
    then every age or every nation is covered."""
    services = helplines_for(
        shipped_helplines(),
        ages=(version.age_min, version.age_max) if version else None,
        nation=authority.nation if authority else None,
        trusted_adult=bool(version and version.trusted_adult),
    )
    return {"authority": authority, "helplines": services, "contacts_lang": current_language()}

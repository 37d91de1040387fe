"""The pages that show who to talk to, joined from skeletons, are byte-for-byte their full renders.

Thank you, the support page after worrying free text, and the page after a worrying answer
(with and without alerts, for young children and older ones), for every version in English and
Welsh, for authorities in England and Wales with and without their own contacts. Contacts hold
text an officer typed, so they include characters that must be escaped.
"""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask, g, render_template

from questionnaires import InstrumentVersion
from survey_app.models import LocalAuthority
from survey_app.respond.contacts import contacts, render_with_contacts
from survey_app.respond.skeletons import EXTENSION
from tests.integration.respond.conftest import EVERY_VERSION, in_every_version_and_language

TYPED = 'Call <Sam> on 0123 & ask for "Jo"\n(weekdays)'
ONWARD = "/respond/q/feelings?lang=cy&x=<1>"


def authorities() -> Iterator[LocalAuthority]:
    """Each nation with both contacts, one, the other and neither."""
    for nation in ("england", "wales"):
        for help_contact, advocacy_contact in ((TYPED, "Advocacy & more"), (TYPED, ""), ("", "x")):
            yield LocalAuthority(
                name="Anytown",
                nation=nation,
                help_contact=help_contact,
                advocacy_contact=advocacy_contact,
            )
        yield LocalAuthority(name="Anytown", nation=nation, help_contact="", advocacy_contact="")


def pages(version: InstrumentVersion) -> Iterator[tuple[str, tuple, dict, dict]]:
    """Each page's template with its own (shape, variables, slots)."""
    yield "respond/done.html", (), {}, {}
    yield "respond/support.html", (), {}, {"onward": ONWARD}
    for alerted in (True, False):
        variables = {"alerted": alerted, "simple_words": version.trusted_adult}
        yield "respond/signpost.html", tuple(variables.values()), variables, {"onward": ONWARD}


@in_every_version_and_language
def test_pages_with_contacts_are_their_full_render(
    page_app: Flask, version: InstrumentVersion, lang: str
) -> None:
    page_app.extensions.pop(EXTENSION, None)
    for authority in authorities():
        for template, shape, variables, slots in pages(version):
            with page_app.test_request_context(f"/done?lang={lang}"):
                g.offered_languages = ("en", "cy")
                full = render_template(
                    template, **variables, **slots, **contacts(authority, version)
                )
                page = (shape, variables, slots)
                for attempt in ("new skeleton", "cached skeleton"):
                    shown = render_with_contacts(template, authority, version, page)
                    assert shown == full, f"{template} {authority.nation} {attempt}"


def test_each_authority_s_own_contacts_are_shown_from_a_shared_skeleton(page_app: Flask) -> None:
    version = EVERY_VERSION[0]
    page_app.extensions.pop(EXTENSION, None)
    shown = []
    for help_contact in ("Ring Anytown on 0100", "Ring Otherton on 0200"):
        authority = LocalAuthority(nation="england", help_contact=help_contact, advocacy_contact="")
        with page_app.test_request_context("/done"):
            g.offered_languages = ("en",)
            shown.append(render_with_contacts("respond/done.html", authority, version))
    assert len(page_app.extensions[EXTENSION]) == 1
    assert "Ring Anytown on 0100" in shown[0]
    assert "Otherton" not in shown[0]
    assert "Ring Otherton on 0200" in shown[1]
    assert "Anytown" not in shown[1]

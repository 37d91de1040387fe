"""The entry pages' plain facts about an access code say what the ORM's objects say.

Every entry page re-reads the code the session remembers, and a typed or followed code is read
by its hash, with one Core statement each (``survey_app/services/code_facts.py``). The facts
must agree with the ORM's code, round, authority and pinned questionnaires on both databases.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from survey_app.services.code_facts import code_facts_by_id, code_facts_by_text
from survey_app.services.response_facts import RoundFacts
from tests.factories import make_access_code, make_authority, make_round


def test_the_facts_are_the_orm_codes_round_authority_and_pinned_versions(
    session: Session,
) -> None:
    authority = make_authority(session, languages="cy,en")
    survey_round = make_round(session, authority, instruments=(("cic-8-10", 1), ("cic-4-7", 2)))
    survey_round.instruments[0].content_hash = "sha256:pinned-when-the-round-opened"
    code, clear = make_access_code(session, survey_round, audience="in_care")
    session.commit()

    facts = code_facts_by_id(session, code.id)

    assert facts is not None
    assert (facts.id, facts.round_id) == (code.id, survey_round.id)
    assert facts.authority_id == authority.id
    assert (facts.audience, facts.is_revoked) == ("in_care", False)
    assert facts.round == RoundFacts("open", survey_round.opens_on, survey_round.closes_on)
    assert facts.language_codes == authority.language_codes == ("cy", "en")
    assert dict(facts.pinned) == {
        "cic-8-10@v1": "sha256:pinned-when-the-round-opened",
        "cic-4-7@v2": None,
    }
    assert code_facts_by_text(session, f"  {clear.upper().replace('-', ' ')} ") == facts


def test_a_revoked_code_in_a_closed_round_reads_as_such(session: Session) -> None:
    code, clear = make_access_code(session, make_round(session, status="closed"))
    code.is_revoked = True
    session.commit()
    facts = code_facts_by_text(session, clear)
    assert facts is not None
    assert (facts.is_revoked, facts.round.status) == (True, "closed")


def test_there_are_no_facts_for_an_unknown_code(session: Session) -> None:
    assert code_facts_by_id(session, 987654) is None
    assert code_facts_by_text(session, "otter-maple-42") is None

"""Each authority's safeguarding settings: who is told, what outcomes it records, when to escalate.

Contacts are the addresses that receive an alert as soon as a worrying answer is flagged, usually
the designated safeguarding lead and a shared duty mailbox. Outcomes are the authority's own
words for what was done; an authority that has not written its own uses the defaults, which the
views translate (so this module keeps no interface text but its refusals, which views translate).
"""

from __future__ import annotations

from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import LocalAuthority, SafeguardingSettings, StaffUser
from survey_app.services.audit import record_event
from survey_app.services.user_errors import N_, UserError

MAX_CONTACTS = 10
MAX_OUTCOMES = 12
MAX_OUTCOME_LENGTH = 200
DEFAULT_ESCALATION_HOURS = 24
ESCALATION_HOURS_RANGE = (1, 168)


class SettingsError(UserError):
    """Settings that cannot be saved: ``field`` names the form field; ``value``, when the
    message names one, is the entry at fault."""


@dataclass(frozen=True)
class SafeguardingDetails:
    """What an admin enters: contact addresses, outcome labels (empty for the defaults), delay."""

    contacts: tuple[str, ...]
    outcomes: tuple[str, ...]
    escalation_hours: int
    alert_on_risk_answers: bool = False


def settings_for(session: Session, authority_id: int) -> SafeguardingDetails:
    """The authority's settings, or none named and the default delay when it has saved none."""
    row = _row(session, authority_id)
    if row is None:
        return SafeguardingDetails((), (), DEFAULT_ESCALATION_HOURS)
    return SafeguardingDetails(
        _lines(row.contacts), _lines(row.outcomes), row.escalation_hours, row.alert_on_risk_answers
    )


def save_settings(
    session: Session,
    actor: StaffUser,
    authority: LocalAuthority,
    details: SafeguardingDetails,
    *,
    test_domains: bool = False,
) -> SafeguardingDetails:
    """Check and store ``details`` for ``authority``, audited; returns them as stored.

    Addresses are normalised (the domain lower-cased) and must be unique, as must outcomes.
    Raises ``SettingsError`` for an invalid or repeated entry, too many, or a delay out of range.
    ``test_domains`` also accepts addresses under the reserved ``.test`` domain, as the demo's
    staff have, so a newcomer can try alerts on the demo; production never sets it, because
    mail to such an address can never arrive.
    """
    checked = SafeguardingDetails(
        contacts=_checked_contacts(details.contacts, test_domains),
        outcomes=_checked_outcomes(details.outcomes),
        escalation_hours=_checked_hours(details.escalation_hours),
        alert_on_risk_answers=details.alert_on_risk_answers,
    )
    row = _row(session, authority.id) or SafeguardingSettings(local_authority_id=authority.id)
    row.contacts = "\n".join(checked.contacts)
    row.outcomes = "\n".join(checked.outcomes)
    row.escalation_hours = checked.escalation_hours
    row.alert_on_risk_answers = checked.alert_on_risk_answers
    session.add(row)
    session.flush()
    record_event(
        session,
        actor,
        "safeguarding.settings_saved",
        subject=authority.name,
        authority_id=authority.id,
        detail=(
            f"{len(checked.contacts)} contacts, {len(checked.outcomes)} own outcomes,"
            f" escalation after {checked.escalation_hours} hours,"
            f" risk answers {'alert' if checked.alert_on_risk_answers else 'do not alert'}"
        ),
    )
    return checked


def _row(session: Session, authority_id: int) -> SafeguardingSettings | None:
    return session.scalar(
        select(SafeguardingSettings).where(SafeguardingSettings.local_authority_id == authority_id)
    )


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _checked_contacts(contacts: tuple[str, ...], test_domains: bool) -> tuple[str, ...]:
    found: list[str] = []
    for entry in (c.strip() for c in contacts if c.strip()):
        try:
            checked = validate_email(
                entry, check_deliverability=False, test_environment=test_domains
            )
            address = checked.normalized
        except EmailNotValidError as error:
            raise SettingsError(
                N_("Enter email addresses like name@example.org: ‘%(value)s’ is not one"),
                "contacts",
                value=entry,
            ) from error
        if address.casefold() in {f.casefold() for f in found}:
            raise SettingsError(N_("‘%(value)s’ is in the list twice"), "contacts", value=entry)
        found.append(address)
    if len(found) > MAX_CONTACTS:
        raise SettingsError(N_("Enter 10 contacts or fewer"), "contacts")
    return tuple(found)


def _checked_outcomes(outcomes: tuple[str, ...]) -> tuple[str, ...]:
    found: list[str] = []
    for entry in (" ".join(o.split()) for o in outcomes if o.strip()):
        if len(entry) > MAX_OUTCOME_LENGTH:
            raise SettingsError(
                N_("Write each outcome in 200 characters or fewer (‘%(value)s...’ is longer)"),
                "outcomes",
                value=entry[:40],
            )
        if entry.casefold() in {f.casefold() for f in found}:
            raise SettingsError(N_("‘%(value)s’ is in the list twice"), "outcomes", value=entry)
        found.append(entry)
    if len(found) > MAX_OUTCOMES:
        raise SettingsError(N_("Enter 12 outcomes or fewer"), "outcomes")
    return tuple(found)


def _checked_hours(hours: int) -> int:
    low, high = ESCALATION_HOURS_RANGE
    if not low <= hours <= high:
        raise SettingsError(N_("Enter a number of hours from 1 to 168"), "escalation_hours")
    return hours

"""The words of alert and escalation emails, in English, or Welsh then English for Wales.

An email says that an answer needs reading, in which round, from which code batch, and where to
read it once signed in. It never holds the answer or anything else about who wrote it: an email
can be forwarded, printed or read on a shared screen, and the survey promised anonymity.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from email.message import EmailMessage
from email.utils import formatdate
from typing import Literal

from survey_app.models import SafeguardingAlert

Language = Literal["en", "cy"]

_SUBJECTS: dict[Language, dict[str, str]] = {
    "en": {
        "alert": "Safeguarding alert from Care Voices: {round}",
        "escalation": "Not handled yet: safeguarding alert from Care Voices: {round}",
    },
    "cy": {
        "alert": "Rhybudd diogelu gan Care Voices: {round}",
        "escalation": "Heb ei drin eto: rhybudd diogelu gan Care Voices: {round}",
    },
}

_OPENINGS: dict[Language, dict[str, str]] = {
    "en": {
        "alert": (
            "An answer in the Care Voices survey round “{round}” ({authority}) matched the"
            " safeguarding phrase list. A person needs to read it today."
        ),
        "escalation": (
            "Nobody has recorded handling a safeguarding alert in the Care Voices survey round"
            " “{round}” ({authority}) within {hours} hours. It went to your authority's"
            " safeguarding contacts when it was raised."
        ),
    },
    "cy": {
        "alert": (
            "Roedd ateb yn rownd arolwg Care Voices “{round}” ({authority}) yn cyfateb i’r"
            " rhestr o ymadroddion diogelu. Mae angen i rywun ei ddarllen heddiw."
        ),
        "escalation": (
            "Nid oes neb wedi cofnodi eu bod wedi trin rhybudd diogelu yn rownd arolwg Care"
            " Voices “{round}” ({authority}) o fewn {hours} awr. Aeth at gysylltiadau diogelu"
            " eich awdurdod pan gafodd ei godi."
        ),
    },
}

_BODY: dict[Language, str] = {
    "en": (
        "{opening}\n\n"
        "Code batch: {batch}\n\n"
        "Read the answer and record what was done:\n{link}\n\n"
        "You will need to sign in. On purpose, this email does not contain the answer or anything"
        " else about who wrote it: the survey is anonymous. Follow {authority}'s safeguarding"
        " procedure.\n"
    ),
    "cy": (
        "{opening}\n\n"
        "Swp codau: {batch}\n\n"
        "Darllenwch yr ateb a chofnodwch beth a wnaed:\n{link}\n\n"
        "Bydd angen i chi fewngofnodi. Yn fwriadol, nid yw’r e-bost hwn yn cynnwys yr ateb nac"
        " unrhyw beth arall am bwy a’i hysgrifennodd: mae’r arolwg yn ddienw. Dilynwch"
        " weithdrefn ddiogelu {authority}.\n"
    ),
}

_NO_BATCH: dict[Language, str] = {
    "en": "none (a paper questionnaire, or one started without a code)",
    "cy": "dim (holiadur papur, neu un a ddechreuwyd heb god)",
}


def languages_for(alert: SafeguardingAlert) -> tuple[Language, ...]:
    """Welsh then English for an authority in Wales; English alone in England."""
    return ("cy", "en") if alert.round.local_authority.nation == "wales" else ("en",)


def compose(
    alert: SafeguardingAlert,
    kind: str,
    recipients: Sequence[str],
    *,
    sender: str,
    message_id: str,
    link: Callable[[SafeguardingAlert], str],
    escalation_hours: int,
) -> EmailMessage:
    """The plain-text email of ``kind`` (``alert`` or ``escalation``) for ``alert``.

    ``message_id`` is the one recorded before sending, so a resend after a crash carries the same
    id and a mail client shows it once. ``link`` gives the absolute address of the alert's page.
    """
    languages = languages_for(alert)
    message = EmailMessage()
    message["Subject"] = " / ".join(
        _SUBJECTS[language][kind].format(round=alert.round.name) for language in languages
    )
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(
        "\n\n".join(
            _body(alert, kind, language, link(alert), escalation_hours) for language in languages
        )
    )
    return message


def _body(alert: SafeguardingAlert, kind: str, language: Language, link: str, hours: int) -> str:
    names = {"round": alert.round.name, "authority": alert.round.local_authority.name}
    opening = _OPENINGS[language][kind].format(hours=hours, **names)
    batch = alert.batch_label or _NO_BATCH[language]
    return _BODY[language].format(opening=opening, batch=batch, link=link, **names)

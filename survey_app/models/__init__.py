"""The database models, one module per aggregate."""

from survey_app.models.access_code import AccessCode
from survey_app.models.actions import YouSaidAction
from survey_app.models.audit import AuditEvent
from survey_app.models.authority import LocalAuthority
from survey_app.models.branding import AuthorityBranding
from survey_app.models.group_session import GroupSession
from survey_app.models.moderation import ModerationDecision
from survey_app.models.response import Answer, Response
from survey_app.models.round import RoundDenominator, RoundInstrument, SurveyRound
from survey_app.models.safeguarding import (
    SafeguardingAlert,
    SafeguardingEmail,
    SafeguardingSettings,
)
from survey_app.models.staff import StaffUser
from survey_app.models.staff_security import RecoveryCode, SignInFailure

__all__ = [
    "AccessCode",
    "Answer",
    "AuditEvent",
    "AuthorityBranding",
    "GroupSession",
    "LocalAuthority",
    "ModerationDecision",
    "RecoveryCode",
    "Response",
    "RoundDenominator",
    "RoundInstrument",
    "SafeguardingAlert",
    "SafeguardingEmail",
    "SafeguardingSettings",
    "SignInFailure",
    "StaffUser",
    "SurveyRound",
    "YouSaidAction",
]

"""Rooms in a group session: addresses that get the higher per-address rate-limit ceilings.

When a respondent gets in with a code of a round whose group session is running, the address
they came from (as the daily-salted hash every rate limit keys on, never the address) is marked
in the rate limiter's own store for the rest of the session, holding the session's id. From
then on the per-address limits cost less from that address, as long as that session still runs
(an officer may end it early). The mark lives beside the limiter's counters, in memory or in
the Redis every instance shares, and expires with the session; nothing reaches the database.
"""

from __future__ import annotations

import math

from flask import g

from survey_app.common.rate_keys import anonymous_rate_key
from survey_app.extensions import db_session, limiter
from survey_app.models.group_session import GroupSession
from survey_app.services.audit import now_utc
from survey_app.services.group_sessions import is_running, running_session

MARK_PREFIX = "care-voices/group-room/"


def join_running_session(round_id: int) -> None:
    """Mark this address as a room of the round's running group session, if one runs."""
    if not limiter.enabled:
        return
    now = now_utc()
    group = running_session(db_session(), round_id, now)
    if group is not None:
        _mark(group, math.ceil((group.ends_at - now).total_seconds()))


def _mark(group: GroupSession, seconds: int) -> None:
    """Whole seconds: Redis's EXPIRE takes no fractions."""
    key = MARK_PREFIX + anonymous_rate_key()
    limiter.storage.clear(key)
    limiter.storage.incr(key, expiry=max(seconds, 1), amount=group.id)


def in_group_room() -> bool:
    """True when this request's address is marked and its group session still runs.

    Worked out once per request, so a limit's check before the view and its deduction after it
    use the same answer.
    """
    if "group_room" not in g:
        marked = limiter.storage.get(MARK_PREFIX + anonymous_rate_key())
        g.group_room = bool(marked) and is_running(db_session(), marked, now_utc())
    return bool(g.group_room)

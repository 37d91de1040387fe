"""Drive N concurrent simulated respondents for a bounded time and a bounded number of journeys.

One thread per respondent (the work is waiting on sockets, so threads are enough). Every loop
stops by itself: a respondent starts a new journey only before the deadline and while journey
tickets remain, every request checks the deadline first and times out after ``TIMEOUT_S``.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

from bench._client import Browser, JourneyFailedError, OutOfTimeError, Sample
from bench._stats import Phase

Journey = Callable[[Browser, random.Random], None]


def drive(
    base_url: str,
    journey: Journey,
    *,
    respondents: int,
    seconds: float,
    max_journeys: int,
    ramp_s: float = 0.0,
) -> Phase:
    """Run ``respondents`` concurrent respondents against ``base_url``; return what they saw.

    Each respondent first waits a random part of ``ramp_s``, so paced respondents arrive over
    time as children do, rather than all pressing the poster link in the same millisecond.
    """
    samples: list[Sample] = []
    tickets = itertools.count()
    started = time.monotonic()
    deadline = started + seconds
    with ThreadPoolExecutor(max_workers=respondents, thread_name_prefix="respondent") as pool:
        futures = [
            pool.submit(
                _respondent,
                base_url,
                journey,
                samples,
                min(deadline, time.monotonic() + random.uniform(0, ramp_s)),
                deadline,
                _limited(tickets, max_journeys),
            )
            for _ in range(respondents)
        ]
        journeys = sum(future.result() for future in futures)
    return Phase(samples, time.monotonic() - started, journeys)


def _limited(tickets: Iterator[int], limit: int) -> Callable[[], bool]:
    """True while fewer than ``limit`` journeys have started across every respondent."""
    return lambda: next(tickets) < limit


def _respondent(
    base_url: str,
    journey: Journey,
    samples: list[Sample],
    arrives: float,
    deadline: float,
    may_start: Callable[[], bool],
) -> int:
    """Arrive, then start journeys one after another until time or tickets run out; count
    the completed ones."""
    time.sleep(max(0.0, arrives - time.monotonic()))
    rng, completed = random.Random(), 0
    while time.monotonic() < deadline and may_start():
        try:
            journey(Browser(base_url, samples, deadline), rng)
        except OutOfTimeError:
            break
        except JourneyFailedError:
            continue
        completed += 1
    return completed

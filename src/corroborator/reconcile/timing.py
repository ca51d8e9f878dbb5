"""An incident's time: the reading most sources can share, as narrow as they allow.

Reports give an event's time at different precisions ("last night", "overnight", "on
Wednesday", "May 2-3"). The incident time is the intersection of the largest,
best-supported set of readings that overlap one another (a sweep over interval ends);
readings outside that set are the ones contradiction finding reports. Clock times with no
day of their own are left to contradiction finding: they cannot say which day.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from corroborator import model
from corroborator.extract.times import in_local_time, local_interval
from corroborator.reconcile.values import clock_only

_WEIGHT = {model.Stance.ASSERTS: 1.0, model.Stance.REPORTS: 1.0, model.Stance.SPECULATES: 0.5}


def consensus(claims: Sequence[model.Claim]) -> model.TimeValue | None:
    dated = [
        c
        for c in claims
        if isinstance(c.value, model.TimeValue) and c.stance in _WEIGHT and not clock_only(c)
    ]
    if any(c.value.interval.year_known for c in dated if isinstance(c.value, model.TimeValue)):
        dated = [
            c for c in dated if isinstance(c.value, model.TimeValue) and c.value.interval.year_known
        ]
    if not dated:
        return None
    # Sweep: the moment covered by the greatest weight of readings (ties: the earliest).
    events: list[tuple[datetime, int, float]] = []
    for claim in dated:
        assert isinstance(claim.value, model.TimeValue)
        weight = _WEIGHT[claim.stance]
        events.append((claim.value.interval.start, 1, weight))
        events.append((claim.value.interval.end, 0, -weight))
    events.sort(key=lambda e: (e[0], e[1]))
    best_weight, current = 0.0, 0.0
    best_moment = events[0][0]
    for moment, _, delta in events:
        current += delta
        if current > best_weight + 1e-9:
            best_weight, best_moment = current, moment
    members = [
        c
        for c in dated
        if isinstance(c.value, model.TimeValue)
        and c.value.interval.start <= best_moment < c.value.interval.end
    ]
    intervals = [c.value.interval for c in members if isinstance(c.value, model.TimeValue)]
    start, end = max(i.start for i in intervals), min(i.end for i in intervals)
    narrowest = min(
        members,
        key=lambda c: c.value.interval.duration if isinstance(c.value, model.TimeValue) else 0,
    )
    assert isinstance(narrowest.value, model.TimeValue)
    interval = model.TimeInterval(
        start=start,
        end=end,
        precision=narrowest.value.interval.precision,
        year_known=narrowest.value.interval.year_known,
    )
    return model.TimeValue(interval=interval, value=narrowest.value.value, clock=None)


def local_zone(place: model.Place | None, claims: Sequence[model.Claim]) -> str | None:
    """The IANA zone an incident's times are told in: its place's. A place with none (a sea)
    takes the one zone the other places claimed for the incident share ("in the Red Sea, off
    Hodeidah"), else the one civil time its sources give clocks in ("2:20 p.m. Sanaa time"):
    sources tell such an event in the time of the shore it happened off."""
    if place is not None and place.timezone:
        return place.timezone
    places = {
        c.value.place.timezone for c in claims if isinstance(c.value, model.PlaceValue) and c.value.place.timezone
    }
    if places:
        return places.pop() if len(places) == 1 else None
    civil = {
        c.value.timezone
        for c in claims
        if isinstance(c.value, model.TimeValue) and c.value.timezone and "/" in c.value.timezone
    }
    return civil.pop() if len(civil) == 1 else None


def localise(claims: Sequence[model.Claim], place: model.Place | None) -> list[model.Claim]:
    """Times stated in another zone ("0440 GMT", "3 a.m. Moscow time") in the place's local time.

    An incident's time is local to where it happened, so "2220 GMT on Tuesday" and "1:20
    a.m." on Wednesday in Ukraine meet. Without a known local zone (`local_zone`), values stay
    as stated (and keep their `timezone`, so a reader sees they are not local).
    """
    local = local_zone(place, claims)
    out = []
    for claim in claims:
        value = claim.value
        if not isinstance(value, model.TimeValue) or in_local_time(value.interval.start, value.timezone, local) is None:
            out.append(claim)
            continue
        interval = local_interval(value.interval, value.timezone, local)
        clock, timex = value.clock, value.value
        if clock is not None:
            hours, minutes = (int(x) for x in clock.split(":")[:2])
            moved = in_local_time(value.interval.start.replace(hour=hours, minute=minutes), value.timezone, local)
            assert moved is not None  # the zones converted the interval's start just above
            clock = f"{moved.hour:02d}:{moved.minute:02d}"
            timex = _local_timex(timex, moved)
        note = f"stated as {value.clock or value.value} {value.timezone}; converted to {local} local time"
        out.append(
            claim.model_copy(
                update={
                    "value": value.model_copy(
                        update={"interval": interval, "clock": clock, "timezone": None, "value": timex}
                    ),
                    "note": f"{claim.note}; {note}" if claim.note else note,
                }
            )
        )
    return out


#: A TIMEX3 value naming a day and a clock ("2026-10-15T13:30", "XXXX-10-15T13:30").
_DAY_AND_CLOCK = re.compile(r"(?P<year>\d{4}|XXXX)-\d{2}-\d{2}T\d{2}:\d{2}")


def _local_timex(value: str, moved: datetime) -> str:
    """The TIMEX3 value of a day and clock, rewritten for the local time it was converted to
    ("1330 GMT" in Mexico: 2026-10-15T13:30 -> 2026-10-15T07:30), so the incident's value says
    what its interval does; other values (a part of a day, a weekday) stay as stated."""
    found = _DAY_AND_CLOCK.fullmatch(value)
    if found is None:
        return value
    year = found["year"] if found["year"] == "XXXX" else f"{moved.year:04d}"
    return f"{year}-{moved:%m-%dT%H:%M}"

"""The second step, `resolve_times`: each parsed expression pinned to the calendar.

Separate from the parse so one parse can be resolved against any `Reference`, and from
`anchoring` because this is the pass over the whole text: once per possible reference day,
remembering what the text talked about, then merging the readings of all days into one
value, precision and interval per expression.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from corroborator import model
from corroborator.normalise.timex.anchoring import (
    _base_period,
    _before_evening,
    _clock_hour,
    _Context,
    _Reading,
    _unanchored_value,
)
from corroborator.normalise.timex.lexicon import TimeLexicon, default_time_lexicon
from corroborator.normalise.timex.parts import ParsedTime, Tense, _Parts
from corroborator.normalise.timex.periods import _G, _PRECISION, _Period, _precision_for

# Reference ranges longer than this are not resolved day by day: relative expressions then
# stay unanchored, since a hull over more than a year says nothing.
_MAX_REFERENCE_DAYS = 400


@dataclass(frozen=True, kw_only=True)
class Reference:
    """What relative expressions are resolved against: the publication date, possibly uncertain."""

    earliest: dt.date | None  # None: nothing known, relative expressions stay unanchored
    latest: dt.date | None = None  # None means the same as earliest
    year_known: bool = True  # False: the year is model.PLACEHOLDER_YEAR and means nothing
    time: dt.time | None = None  # publication clock time, when known

    def days(self) -> list[dt.date]:
        """Every day the reference may be, earliest first (empty when nothing is known)."""
        if self.earliest is None:
            return []
        last = self.latest or self.earliest
        if last < self.earliest:
            raise ValueError(f"reference latest {last} is before earliest {self.earliest}")
        count = (last - self.earliest).days + 1
        if count > _MAX_REFERENCE_DAYS:
            return []
        days = [self.earliest + dt.timedelta(days=i) for i in range(count)]
        if not self.year_known:
            days = [d.replace(year=model.PLACEHOLDER_YEAR) for d in days]
        return days


def _time_of_day(parts: _Parts, period: _Period) -> _Period:
    """Narrow a day to its part of day or clock time."""
    if parts.hour is not None:
        pod = parts.pod or (period.pod if period.gran is _G.POD else None)
        hour = _clock_hour(parts, pod)
        day = period.first
        if pod == "NI" and hour < 12:
            day += dt.timedelta(days=1)  # 2:30 am in the night of 2 May is on 3 May
        return _Period(_G.MINUTE, day, period.year_known, hour=hour, minute=parts.minute or 0)
    if parts.pod is not None:
        return _Period(_G.POD, period.first, period.year_known, pod=parts.pod)
    return period


def _night_not_yet_begun(parts: _Parts, period: _Period, ctx: _Context, tense: Tense | None) -> bool:
    """ "Struck the port on the night of 11 November" in a report of 11 November's afternoon:
    the night starting that day had not begun, so the date names the night into it, as
    reports translated from Ukrainian or Russian mean it ("в ніч на 11 листопада"). Only for
    a date the words give, told in the past tense (a weekday's night has its own rule)."""
    return (
        parts.pod == "NI"
        and parts.hour is None
        and parts.day is not None
        and parts.weekday is None
        and period.gran is _G.DAY
        and period.first == ctx.ref
        and tense == "past"
        and _before_evening(ctx)
    )


def _before_the_small_hours(start: dt.datetime, end: dt.datetime, lex: TimeLexicon) -> dt.datetime:
    """ "Late on Saturday night" is late in the evening's night, before midnight or about it:
    the hours after it have a name of their own ("the early hours of Sunday"), so "early",
    "mid" and "late" divide the night up to them."""
    small_hours = lex.part_of_day_hours.get("EH", (0, 6))[0]
    next_day = dt.datetime.combine(start.date() + dt.timedelta(days=1), dt.time())
    return min(end, next_day + dt.timedelta(hours=small_hours))


def _narrow(start: dt.datetime, end: dt.datetime, mod: str | None) -> tuple[dt.datetime, dt.datetime]:
    third = (end - start) / 3
    if mod == "START":
        return start, start + third
    if mod == "MID":
        return start + third, end - third
    if mod == "END":
        return end - third, end
    return start, end


def _resolve_one(parsed: ParsedTime, ctx: _Context) -> _Reading:
    parts = parsed.parts
    if parts.kind == "set" and parts.literal is None:  # "on Tuesdays", "mornings"
        weekday = f"XXXX-WXX-{parts.weekday}" if parts.weekday is not None else "XXXX-XX-XX"
        return _Reading(value=weekday + (f"T{parts.pod}" if parts.pod else ""))
    if parts.year_to_date and ctx.ref is not None:
        # Not a date, but what the text now talks about: year-on-year comparisons that
        # follow are with the year before, not with the quarter named earlier.
        year = _Period(_G.YEAR, dt.date(ctx.ref.year, 1, 1), ctx.year_known)
        return _Reading(value=parts.literal or "", period=year)
    if parts.kind in {"duration", "set", "vague"}:
        return _Reading(value=parts.literal or "")
    ctx.paragraph = parsed.paragraph
    entry = ctx.entry_days.get(parsed.paragraph)
    if entry is not None and parsed.category in _ENTRY_RELATIVE:
        # "12 Nov: ... this morning": said on the day the entry was written, not the day the
        # page holding the entries was published
        ctx = replace(ctx, ref=entry.first, year_known=entry.year_known, ref_time=None)
    base = _base_period(parts, ctx, parsed.tense, ahead=parsed.relation == "before")
    if base is None:
        return _Reading(value=_unanchored_value(parts))
    if isinstance(base, _Reading):
        return base
    period, anchor = base
    if entry is not None and anchor is model.TimeAnchor.PUBLICATION:
        anchor = model.TimeAnchor.NARRATIVE
    if _night_not_yet_begun(parts, period, ctx, parsed.tense):
        period = replace(period, first=period.first - dt.timedelta(days=1))
    if period.gran <= _G.DAY:
        period = _time_of_day(parts, period)
    start, end = period.bounds(ctx.lex)
    precision = _PRECISION[period.gran]
    if parts.day_end is not None and parts.day is not None and period.gran is _G.DAY:
        end += dt.timedelta(days=parts.day_end - parts.day)  # "May 3-4"
        precision = _precision_for(end - start)
    if parts.hour is not None and not parts.minutes_given and period.gran is _G.MINUTE:
        end, precision = start + dt.timedelta(hours=1), model.TimePrecision.HOUR  # "3 a.m."
    if period.gran is _G.POD and period.pod == "NI" and parts.mod in {"START", "MID", "END"}:
        end = _before_the_small_hours(start, end, ctx.lex)
    start, end = _narrow(start, end, parts.mod)
    if parts.mod == "APPROX" and period.gran is _G.MINUTE:
        start, end = start - dt.timedelta(minutes=30), end + dt.timedelta(minutes=30)
        precision = model.TimePrecision.HOUR
    return _Reading(
        value=period.value(),
        start=start,
        end=end,
        precision=precision,
        anchor=anchor,
        year_known=period.year_known,
        period=period,
        anchors_narrative=not parts.offset_dir or parts.offset_base == "explicit",
    )


def _merge_values(values: Sequence[str]) -> str:
    """What every reading agrees on: differing components become X (2023-05-XX)."""
    first = values[0]
    if all(v == first for v in values):
        return first
    split = [re.split(r"([-T:])", v) for v in values]
    if any(len(s) != len(split[0]) for s in split):
        return first
    agreed = [p[0] if all(x == p[0] for x in p) else re.sub(r"\d", "X", p[0]) for p in zip(*split, strict=True)]
    return "".join(agreed)


def resolve_times(
    parsed: Sequence[ParsedTime],
    *,
    reference: Reference,
    report_id: str = "",
    lexicon: TimeLexicon | None = None,
) -> list[model.TimeExpression]:
    """Give each parsed expression its value, precision and interval against `reference`.

    Words inside quotation marks are the speaker's: "last night" in a quoted statement is
    the night before the statement, which may be a day before publication. Such words are
    also resolved against the day before the reference, and cover both readings.
    """
    lex = lexicon or default_time_lexicon()
    days: list[dt.date | None] = list(reference.days()) or [None]
    spoken = any(p.quoted and p.category in _SPEAKER_RELATIVE for p in parsed)
    if spoken and days[0] is not None:
        days.insert(0, days[0] - dt.timedelta(days=_QUOTE_LAG_DAYS))
    per_day: list[list[_Reading]] = []
    for day in days:
        ctx = _Context(
            lex=lex,
            ref=day,
            year_known=reference.year_known and day is not None,
            ref_time=reference.time,
        )
        readings: list[_Reading] = []
        for p in parsed:
            reading = _resolve_one(p, ctx)
            readings.append(reading)
            # A deadline or target ("by 1992", "until Friday") is not when the story's events
            # happen, so it does not become the time the text talks about.
            if reading.period is not None and reading.anchors_narrative and not p.deadline:
                ctx.remember(reading.period, p.paragraph, future=p.tense == "future")
            if p.label and reading.period is not None and reading.period.gran is _G.DAY:
                ctx.entry_days[p.paragraph] = reading.period
        per_day.append(readings)
    own = per_day[1:] if spoken and len(per_day) > 1 else per_day
    return [
        _expression(
            p,
            [r[i] for r in (per_day if p.quoted else own)],
            report_id=report_id,
        )
        for i, p in enumerate(parsed)
    ]


_RANKS = list(model.TimePrecision)
#: Categories a dated entry's own day anchors ("12 Nov: ... this morning", "... on Monday").
_ENTRY_RELATIVE = frozenset({"deictic", "weekday"})
#: Categories whose meaning depends on when they were said.
_SPEAKER_RELATIVE = frozenset({"deictic", "weekday", "clock"})
#: How long before publication a quoted statement may have been made.
_QUOTE_LAG_DAYS = 1


def _expression(p: ParsedTime, readings: Sequence[_Reading], *, report_id: str) -> model.TimeExpression:
    first = readings[0]
    value = _merge_values([r.value for r in readings])
    interval: model.TimeInterval | None = None
    starts = [r.start for r in readings if r.start is not None]
    ends = [r.end for r in readings if r.end is not None]
    if first.precision is not None and len(starts) == len(ends) == len(readings):
        lo, hi = min(starts), max(ends)
        precision = first.precision
        if any((r.start, r.end) != (first.start, first.end) for r in readings):
            # every possible reading is in the hull: it is only as precise as its length
            hull = _precision_for(hi - lo)
            precision = max(precision, hull, key=_RANKS.index)
        year_known = all(r.year_known for r in readings) and not value.startswith("XXXX")
        interval = model.TimeInterval(start=lo, end=hi, precision=precision, year_known=year_known)
    parts = p.parts
    clock = None
    if parts.hour is not None:
        clock = f"{_clock_hour(parts, parts.pod):02d}:{parts.minute or 0:02d}"
    return model.TimeExpression(
        span=model.Span(report_id=report_id, start=p.start, end=p.end, text=p.text),
        timex_type=p.timex_type,
        value=value,
        precision=interval.precision if interval else None,
        interval=interval,
        anchor=first.anchor,
        clock=clock,
        timezone=parts.tz,
        mod=parts.mod,
        bound="start" if p.since else "end" if p.deadline else None,
    )

"""The calendar period an expression's words name, against one reference day.

Separate from `resolve` because this is where the reading is chosen: the year of a yearless
date by tense, the day of a weekday, what "last", "next" or "the following" count from, and
what an offset counts from (the publication, the time the text last talked about, or a date
given). `resolve` then narrows the period to a part of day or clock time and writes it out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from corroborator import model
from corroborator.normalise.timex.lexicon import TimeLexicon
from corroborator.normalise.timex.parts import _NARRATIVE_SHIFTS, Tense, _Parts
from corroborator.normalise.timex.periods import (
    _G,
    _SUB_YEAR,
    _UNIT_GRAN,
    _add,
    _containing_value,
    _holiday_day,
    _Period,
    _period_of,
    _precision_for,
    _shift_day,
    _step,
)


@dataclass(frozen=True)
class _Reading:
    """One resolution of one expression against one reference day."""

    value: str
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    precision: model.TimePrecision | None = None
    anchor: model.TimeAnchor = model.TimeAnchor.NONE
    year_known: bool = True
    period: _Period | None = None  # what later narrative expressions may be relative to
    anchors_narrative: bool = True  # False for offsets: "a year earlier" is not the story's time


@dataclass
class _Context:
    """One pass over a text against one reference day, remembering what it talked about."""

    lex: TimeLexicon
    ref: dt.date | None
    year_known: bool
    ref_time: dt.time | None
    history: list[tuple[_Period, int]] = field(default_factory=list)  # (period, paragraph)
    #: The periods of `history` neither named in a future clause nor still to come: a forecast
    #: ("losses through the third quarter of 1990") has no results "a year earlier" could compare.
    reported: list[_Period] = field(default_factory=list)
    paragraph: int = 0
    #: The day each dated entry was written, by paragraph ("12 Nov: ... this morning").
    entry_days: dict[int, _Period] = field(default_factory=dict)

    def remember(self, period: _Period, paragraph: int, *, future: bool) -> None:
        """Note a time the text talked about; `future`: named in a future clause."""
        self.history.append((period, paragraph))
        ahead = self.ref is not None and period.year_known and period.first > self.ref
        if not future and not ahead:
            self.reported.append(period)

    @property
    def anchor(self) -> _Period | None:
        """The time the text last talked about."""
        return self.history[-1][0] if self.history else None

    def anchor_within(self, gran: _G) -> _Period | None:
        """The last time talked about that lies within one period of granularity `gran`."""
        return next((p for p, _ in reversed(self.history) if p.gran <= gran), None)

    def period_compared(self) -> _Period | None:
        """The part of a year (month, quarter, half, season) the text last talked about, past
        any days named since ("the third quarter ended Sept. 30 ... a year earlier"), unless
        a whole year or more was talked about after it. Forecasts are passed over when a
        period was reported ("losses through the third quarter of 1990" after the third
        quarter's results), not when they are all the text talks about ("fourth-quarter
        profit will trail the year-earlier one")."""

        def last_part(periods: Sequence[_Period]) -> _Period | None:
            for period in reversed(periods):
                if period.gran in _SUB_YEAR:
                    return period
                if period.gran >= _G.YEAR:
                    return None
            return None

        return last_part(self.reported) or last_part([p for p, _ in self.history])

    def quarter_compared(self) -> _Period | None:
        """The quarter the text last talked about, past whole years named since: "the 1988
        quarter" gives its year itself, so "third-quarter profit ... reported last year"
        still says which quarter. Forecasts as in `period_compared`."""
        reported = next((p for p in reversed(self.reported) if p.gran is _G.QUARTER), None)
        return reported or next((p for p, _ in reversed(self.history) if p.gran is _G.QUARTER), None)

    def day_in_paragraph(self, *, reach: int = 0) -> _Period | None:
        """The last day (or finer) the current paragraph mentioned: a clock time's day.
        `reach`: how many paragraphs before the current one may also give it."""
        for period, paragraph in reversed(self.history):
            if paragraph < self.paragraph - reach:
                return None
            if period.gran <= _G.DAY:
                return period
        return None


#: Without a tense, a future reading must be this many days nearer than a past one: news
#: mostly reports what happened.
_UNKNOWN_TENSE_PENALTY_DAYS = 90
#: A past-tense date may lie this many days after the reference (time zones, late-night
#: filing) and still be this year's.
_PAST_SLACK_DAYS = 1


#: Parts of day that "the" ties to a day already named; "the night" keeps its own conventions.
_DAYTIME_PARTS = frozenset({"MO", "MI", "AF", "EV", "DT"})


def _published_before_noon(ctx: _Context) -> bool:
    """A report published in the morning tells of the night just past: the coming night has
    not begun, and a night the clause gives no tense to ("Tonight from 03:20 to 05:10 the city
    was attacked" with the parse lost, "another night attack") is the one that ended."""
    return ctx.ref_time is not None and ctx.ref_time < _NOON


_NOON = dt.time(12)


def _before_evening(ctx: _Context) -> bool:
    """Whether the report was published before the evening of its day, when that day's night
    had not begun."""
    return ctx.ref_time is not None and ctx.ref_time < _EVENING


_EVENING = dt.time(18)


def _choose_by_tense(
    candidates: Sequence[_Period],
    ref: dt.date,
    tense: Tense | None,
    lex: TimeLexicon,
    *,
    ahead: bool = False,
) -> _Period:
    """The reading of a yearless date: past tense → the last one on or before the reference,
    future → the first one not over, otherwise the nearest; a future reading must then be
    clearly nearer, unless `ahead` (a deadline: "by March 12") makes a past one the exception.
    A period containing the reference fits every tense.
    """

    def span(period: _Period) -> tuple[dt.date, dt.date]:
        start, end = period.bounds(lex)
        return start.date(), (end - dt.timedelta(microseconds=1)).date()

    if tense == "past":
        fitting = [c for c in candidates if span(c)[0] <= ref + dt.timedelta(days=_PAST_SLACK_DAYS)]
        if fitting:
            return max(fitting, key=lambda c: c.first)
    if tense == "future":
        fitting = [c for c in candidates if span(c)[1] >= ref]
        if fitting:
            return min(fitting, key=lambda c: c.first)

    def cost(period: _Period) -> int:
        first, last = span(period)
        if first <= ref <= last:
            return 0
        if first > ref:
            later = (first - ref).days
            return later + (_UNKNOWN_TENSE_PENALTY_DAYS if later > 1 and not ahead else 0)
        return (ref - last).days + (_UNKNOWN_TENSE_PENALTY_DAYS if ahead else 0)

    return min(candidates, key=cost)


def _within_anchor(unanchored: str, anchor: _Period | None) -> str:
    """ "That same day" after "last October": a day the text does not give, within the month
    it talks about (1998-10-XX); the year and month the anchor knows replace the X's."""
    if anchor is None or not anchor.year_known or not unanchored.startswith("XXXX"):
        return unanchored
    value = f"{anchor.first.year:04d}" + unanchored[4:]
    if anchor.gran is _G.MONTH and value[4:8] == "-XX-":
        value = f"{value[:5]}{anchor.first.month:02d}{value[7:]}"
    return value


def _unanchored_value(parts: _Parts) -> str:
    """A value with X for everything the reference would have given."""
    # "Saturday evening" with no week known keeps its weekday (XXXX-WXX-6TEV): it still
    # tells a Saturday from a Sunday.
    day = f"XXXX-WXX-{parts.weekday}" if parts.weekday is not None else "XXXX-XX-XX"
    if parts.hour is not None:
        return f"{day}T{parts.hour % 24:02d}:{parts.minute or 0:02d}"
    if parts.pod is not None:
        return f"{day}T{'NI' if parts.pod == 'EH' else parts.pod}"
    if parts.weekday is not None:
        return day
    return {
        "W": "XXXX-WXX",
        "WE": "XXXX-WXX-WE",
        "M": "XXXX-XX",
        "Q": "XXXX-QX",
        "Y": "XXXX",
        "DE": "XXX",
        "CE": "XX",
    }.get(parts.unit or "D", "XXXX-XX-XX")


_Base = tuple[_Period, model.TimeAnchor] | _Reading | None


def _base_period(parts: _Parts, ctx: _Context, tense: Tense | None, *, ahead: bool = False) -> _Base:
    """The calendar period the words name, before any part of day or clock time.

    A `_Reading` comes back directly when the expression can only be partly resolved.
    `ahead`: a word like "by" or "ahead of" makes the time a deadline or a coming event.
    """
    lex, ref, known = ctx.lex, ctx.ref, ctx.year_known
    publication = model.TimeAnchor.PUBLICATION
    if parts.event_relative:
        return _Reading(value=_unanchored_value(parts))
    if parts.offset_base == "explicit":
        return _offset(parts, ctx)  # "two days before May 3"
    if parts.century is not None:
        return _Period(_G.CENTURY, dt.date(max(1, parts.century * 100), 1, 1)), model.TimeAnchor.ABSOLUTE
    if parts.decade is not None:
        return _Period(_G.DECADE, dt.date(parts.decade * 10, 1, 1)), model.TimeAnchor.ABSOLUTE
    in_a_year = parts.slots() & {"monthday", "period"}
    compared = ctx.quarter_compared() if parts.same_period and parts.unit == "Q" else ctx.period_compared()
    if parts.same_period and parts.year is not None and compared is not None:
        # "up from $3 million in the 1988 period" after "the third quarter": 1988's third quarter
        first = compared.first.replace(year=parts.year)  # sub-year periods start on the 1st
        return replace(compared, first=first, year_known=True), model.TimeAnchor.ABSOLUTE
    if parts.same_period and parts.year is None:
        # "the latest period": the part of a year the text compares, if it named one
        return (compared, model.TimeAnchor.NARRATIVE) if compared is not None else _Reading(value="XXXX-XX")
    if parts.year is not None and parts.either_way_round:
        return _either_way(parts, parts.year, ctx), model.TimeAnchor.ABSOLUTE
    if parts.year is not None:
        return _in_year(parts, parts.year, True, lex), model.TimeAnchor.ABSOLUTE
    if parts.shift is not None and parts.unit == "Y" and in_a_year:
        # "June last year", "the third quarter of this year"
        if ref is None:
            return _Reading(value=_unanchored_value(parts))
        step = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(parts.shift, 0)
        return _in_year(parts, ref.year + step, known, lex), publication
    if parts.shift is None and in_a_year:
        # "by Jan. 14", "ahead of the May 9 parade" are usually still to come, whatever the
        # tense of the clause ("ordered him back by Jan. 14"): the tense does not decide.
        found = _yearless(parts, ctx, None if ahead else tense, ahead=ahead)
        if parts.definite and parts.unit in {"W", "WE"} and isinstance(found, tuple):
            # "the week of March 6": the week (or weekend) holding that day
            named, kind = found
            week = _period_of(named.first, _UNIT_GRAN[parts.unit], year_known=named.year_known, lex=lex)
            return week, kind
        return found
    if parts.shift is not None:
        return _shifted(parts, ctx, tense)
    if parts.weekday is not None:
        if ref is None:
            return _Reading(value=_unanchored_value(parts), anchor=publication)
        if not known:
            return _weekday_hull(parts.weekday, ref, tense)
        named_day = _weekday_near(ref, parts.weekday, tense, ahead=ahead)
        if named_day == ref and parts.pod == "NI" and parts.hour is None and tense == "past" and _before_evening(ctx):
            # "woke up to explosions on Thursday night" in a report of Thursday afternoon: that
            # night has not begun, so it is the night into Thursday
            named_day -= dt.timedelta(days=1)
        return _Period(_G.DAY, named_day, known), publication
    if parts.day_offset is not None:  # today, yesterday, tonight, overnight
        if ref is None:
            return _Reading(value=_unanchored_value(parts), anchor=publication)
        offset = parts.day_offset
        if parts.night_deictic:
            past = tense == "past" or (parts.night_default_past and tense != "future")
            offset = -1 if past or (tense is None and _published_before_noon(ctx)) else 0
        return _Period(_G.DAY, ref + dt.timedelta(days=offset), known), publication
    if parts.offset_dir:
        return _offset(parts, ctx)
    if parts.definite and parts.unit is not None:
        return _definite(parts, ctx, tense)
    if parts.pod is not None or parts.hour is not None:
        # a part of day or clock time alone: the day its paragraph is on, else the reference day.
        # "In the morning" (unlike "this morning") is the morning of a day already named, which
        # may close the paragraph before: wire copy runs one sentence to a paragraph.
        anaphoric = parts.definite and parts.pod in _DAYTIME_PARTS and parts.hour is None
        day = ctx.day_in_paragraph(reach=1 if anaphoric else 0)
        if day is not None:
            base = day if day.gran in {_G.DAY, _G.POD} else _Period(_G.DAY, day.first, day.year_known)
            return base, model.TimeAnchor.NARRATIVE
        if ref is None:
            return _Reading(value=_unanchored_value(parts))
        if (
            parts.pod == "NI"
            and (parts.definite or _published_before_noon(ctx))
            and parts.hour is None
            and tense != "future"
        ):
            # "during the night", "through the night" in a report: the night just past,
            # as with "overnight", unless the verb looks ahead; so is "a night attack" in a
            # report published in the morning, when the coming night has not begun
            return _Period(_G.DAY, ref - dt.timedelta(days=1), known), publication
        if parts.hour is not None and tense == "past" and _clock_not_yet(parts, ctx):
            # "residents heard explosions at around 9:40 pm" in a report of 08:15: that clock
            # had not come on the day of publication, so it is the evening before
            return _Period(_G.DAY, ref - dt.timedelta(days=1), known), publication
        return _Period(_G.DAY, ref, known), publication
    return None


#: How far a clock may lie after the publication time and still be on its day: the report's
#: zone and the clock's may differ ("0735 GMT" in a report filed at 10:00 local time).
_CLOCK_SLACK = dt.timedelta(hours=3)


def _clock_not_yet(parts: _Parts, ctx: _Context) -> bool:
    """Whether a clock time lies well after the publication time of day."""
    if ctx.ref_time is None or parts.hour is None:
        return False
    published = dt.datetime.combine(dt.date(2000, 1, 1), ctx.ref_time)
    clock = dt.time(_clock_hour(parts, parts.pod) % 24, min(parts.minute or 0, 59))
    return dt.datetime.combine(dt.date(2000, 1, 1), clock) > published + _CLOCK_SLACK


def _clock_hour(parts: _Parts, pod: str | None) -> int:
    """The 24-hour hour of a clock time, read with its am/pm or part of day."""
    hour = parts.hour or 0
    if parts.meridiem == "pm" and hour < 12:
        return hour + 12
    if parts.meridiem == "am" and hour == 12:
        return 0
    if parts.meridiem is None and hour < 12 and (pod in {"AF", "EV"} or (pod == "NI" and hour >= 6)):
        return hour + 12
    return hour


def _in_year(parts: _Parts, year: int, year_known: bool, lex: TimeLexicon) -> _Period:
    """The period the parts name in one year; ValueError when that day does not exist."""
    if parts.holiday is not None:
        day = _holiday_day(parts.holiday, year)
        if day is None:
            raise ValueError(f"holiday rule {parts.holiday!r} gives no day in {year}")
        return _Period(_G.DAY, day, year_known)
    if parts.month is not None and parts.day is not None:
        return _Period(_G.DAY, dt.date(year, parts.month, parts.day), year_known)
    if parts.month is not None:
        return _Period(_G.MONTH, dt.date(year, parts.month, 1), year_known)
    if parts.quarter:
        return _Period(_G.QUARTER, dt.date(year, 3 * parts.quarter - 2, 1), year_known)
    if parts.half:
        return _Period(_G.HALF, dt.date(year, 6 * parts.half - 5, 1), year_known)
    if parts.season:
        first_month = lex.season_months[parts.season][0]
        return _Period(_G.SEASON, dt.date(year, first_month, 1), year_known, season=parts.season)
    return _Period(_G.YEAR, dt.date(year, 1, 1), year_known)


def _either_way(parts: _Parts, year: int, ctx: _Context) -> _Period:
    """ "3/11/2026" is 11 March in the United States and 3 November in most of the world.

    A weekday written with it decides ("Tuesday 3/11/2026" is 3 November 2026). Otherwise
    the reading nearer the publication wins, a day not after it before one after it: a
    report dated 3 November 2026 tells of its own day, not of a March eight months back.
    With no publication date, month first.
    """
    month_first = _in_year(parts, year, True, ctx.lex)
    assert parts.month is not None and parts.day is not None  # set by the numeric handler
    day_first = _in_year(replace(parts, month=parts.day, day=parts.month), year, True, ctx.lex)
    readings = [month_first, day_first]
    if parts.weekday is not None:
        matching = [r for r in readings if r.first.isoweekday() == parts.weekday]
        if len(matching) == 1:
            return matching[0]
    ref = ctx.ref
    if ref is None or not ctx.year_known:
        return month_first

    def distance(reading: _Period) -> tuple[bool, int]:
        days = (reading.first - ref).days
        return days > 1, abs(days)

    return min(readings, key=distance)


def _yearless(parts: _Parts, ctx: _Context, tense: Tense | None, *, ahead: bool = False) -> _Base:
    """ "April 24", "in February", "the third quarter", "Victory Day": the year comes from
    the reference, the tense and, for a date with its weekday, the calendar."""
    ref, lex = ctx.ref, ctx.lex
    if ref is None:
        fixed_day = parts.holiday is None or bool(re.fullmatch(r"\d{2}-\d{2}", parts.holiday))
        try:
            if fixed_day:
                return _in_year(parts, model.PLACEHOLDER_YEAR, False, lex), model.TimeAnchor.PUBLICATION
        except ValueError:
            pass
        return _Reading(value="XXXX-XX-XX")  # a movable feast without a year
    candidates: list[_Period] = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(_in_year(parts, year, ctx.year_known, lex))
        except ValueError:
            continue
    if not candidates:
        return None
    if not ctx.year_known:
        # Only the placeholder year exists: month and day are all we can say.
        own = [c for c in candidates if c.first.year == ref.year]
        return (own or candidates)[0], model.TimeAnchor.PUBLICATION
    if parts.fiscal:
        # A fiscal quarter's calendar months depend on the company's fiscal year, so neither
        # tense nor distance can place it: it is labelled with the reference's year.
        return next((c for c in candidates if c.first.year == ref.year), candidates[0]), model.TimeAnchor.PUBLICATION
    if parts.weekday is not None:
        # "Friday, Oct. 23": the year in which Oct. 23 is a Friday, if one is near
        matching = [c for c in candidates if c.gran is _G.DAY and c.first.isoweekday() == parts.weekday]
        candidates = matching or candidates
    return _choose_by_tense(candidates, ref, tense, lex, ahead=ahead), model.TimeAnchor.PUBLICATION


def _weekday_near(ref: dt.date, weekday: int, tense: Tense | None, *, ahead: bool = False) -> dt.date:
    """The day a weekday name means: the coming one in the future tense, else the last one.

    Without a tense news mostly reports what happened, so a weekday is read as past unless
    the coming one is the very next day. A deadline ("until Tuesday", "by Friday") is the
    nearest such day whatever the tense ("has given them until Tuesday"), the coming one on
    a tie.
    """
    back = (ref.isoweekday() - weekday) % 7
    forward = (weekday - ref.isoweekday()) % 7
    if ahead and tense != "future":
        return ref + dt.timedelta(days=forward) if forward <= back else ref - dt.timedelta(days=back)
    if tense == "future" or (tense != "past" and forward == 1 and back > 1):
        return ref + dt.timedelta(days=forward)
    if tense == "present" and 0 < forward < back:
        return ref + dt.timedelta(days=forward)
    return ref - dt.timedelta(days=back)


def _weekday_hull(weekday: int, ref: dt.date, tense: Tense | None) -> _Reading:
    """A weekday against a reference without a year: any of the days it could be."""
    if tense == "future":
        lo, hi = ref, ref + dt.timedelta(days=7)
    elif tense == "past":
        lo, hi = ref - dt.timedelta(days=6), ref + dt.timedelta(days=1)
    else:
        lo, hi = ref - dt.timedelta(days=3), ref + dt.timedelta(days=4)
    return _Reading(
        value=f"XXXX-WXX-{weekday}",
        start=dt.datetime.combine(lo, dt.time()),
        end=dt.datetime.combine(hi, dt.time()),
        precision=model.TimePrecision.WEEK,
        anchor=model.TimeAnchor.PUBLICATION,
        year_known=False,
    )


def _shifted(parts: _Parts, ctx: _Context, tense: Tense | None) -> _Base:
    """ "last week", "this morning", "next Friday", "last May", "the following day"."""
    lex = ctx.lex
    shift = parts.shift or "this"
    narrative = shift in _NARRATIVE_SHIFTS
    if narrative and ctx.anchor is not None:
        base_day, known, kind = ctx.anchor.first, ctx.anchor.year_known, model.TimeAnchor.NARRATIVE
        base_gran = ctx.anchor.gran
    elif ctx.ref is not None:
        base_day, known, kind = ctx.ref, ctx.year_known, model.TimeAnchor.PUBLICATION
        base_gran = _G.DAY
        shift = {"previous": "last", "following": "next"}.get(shift, shift)
    else:
        return _Reading(value=_unanchored_value(parts), anchor=model.TimeAnchor.PUBLICATION)
    step = {"last": -1, "previous": -1, "latest": -1, "next": 1, "following": 1}.get(shift, 0)

    if parts.weekday is not None:
        if not known:
            return _weekday_hull(parts.weekday, base_day, "past" if step < 0 else "future" if step > 0 else tense)
        if step < 0:  # "last Friday": the one before this one
            back = (base_day.isoweekday() - parts.weekday) % 7 or 7
            return _Period(_G.DAY, base_day - dt.timedelta(days=back), known), kind
        if step > 0:
            forward = (parts.weekday - base_day.isoweekday()) % 7 or 7
            return _Period(_G.DAY, base_day + dt.timedelta(days=forward), known), kind
        return _Period(_G.DAY, _weekday_near(base_day, parts.weekday, tense), known), kind

    if parts.month is not None:
        # "last May": the most recent May before this month, but not the month just gone,
        # which English calls "last month" ("last February" said in March is a year back);
        # "next May": the first after this month
        year = base_day.year
        just_gone = (base_day.month - 2) % 12 + 1
        if step < 0:
            year -= (parts.month >= base_day.month) + (parts.month == just_gone)
        elif step > 0 and parts.month <= base_day.month:
            year += 1
        return _Period(_G.MONTH, dt.date(year, parts.month, 1), known), kind

    if parts.season is not None:
        current = _period_of(base_day, _G.SEASON, year_known=known, lex=lex)
        first_month = lex.season_months[parts.season][0]
        year = base_day.year - 1 if first_month == 12 and base_day.month < 12 else base_day.year
        named = _Period(_G.SEASON, dt.date(year, first_month, 1), known, season=parts.season)
        if step < 0 and named.first >= current.first:
            named = _step(named, -1)  # "last summer" said in summer or spring: the year before
        elif step > 0 and named.first <= current.first:
            named = _step(named, 1)
        return named, kind

    if parts.pod is not None:  # "last night", "this morning", "that evening", "the next morning"
        if kind is model.TimeAnchor.NARRATIVE and base_gran > _G.DAY:
            return _Reading(value=_within_anchor(_unanchored_value(parts), ctx.anchor))
        day = base_day + dt.timedelta(days=step)
        if shift == "this" and parts.pod == "NI" and tense == "past":
            day = base_day - dt.timedelta(days=1)  # "this night" told in the past: the one gone
        return _Period(_G.DAY, day, known), kind

    if parts.unit is not None:
        gran = _UNIT_GRAN[parts.unit]
        if kind is model.TimeAnchor.NARRATIVE and base_gran > gran:
            return _Reading(value=_within_anchor(_unanchored_value(parts), ctx.anchor))
        period = _period_of(base_day, gran, year_known=known, lex=lex)
        if parts.stretch:
            return _stretch(parts.unit, step, _step(period, step), base_day, kind)
        if gran is _G.WEEKEND and step == 0 and tense == "past" and base_day.isoweekday() < 6:
            step = -1  # "this weekend" told in the past: the one just gone
        if parts.year_end and tense == "past":
            step = -1  # "since year-end": the end of last year
        return _step(period, step), kind
    return None


def _stretch(unit: str, step: int, named: _Period, base_day: dt.date, kind: model.TimeAnchor) -> _Reading:
    """ "the past year", "the coming week": TimeML writes the calendar unit before (after) the
    reference's, but the words mean the stretch of one unit that ends (starts) with the
    reference day, so that is the interval."""
    day_start = dt.datetime.combine(base_day, dt.time())
    if step < 0:
        end = day_start + dt.timedelta(days=1)
        start = _add(end, unit, -1)
    else:
        start = day_start
        end = _add(start, unit, 1)
    return _Reading(
        value=named.value(),
        start=start,
        end=end,
        precision=_precision_for(end - start),
        anchor=kind,
        year_known=named.year_known,
        anchors_narrative=False,
    )


def _definite(parts: _Parts, ctx: _Context, tense: Tense | None) -> _Base:
    """ "the quarter", "the year": the one the text is about, else the reference's."""
    gran = _UNIT_GRAN[parts.unit or "Y"]
    within = ctx.anchor_within(gran)
    if within is not None:
        return _period_of(within.first, gran, year_known=within.year_known, lex=ctx.lex), model.TimeAnchor.NARRATIVE
    ref = ctx.ref
    if ref is None:
        return _Reading(value=_unanchored_value(parts))
    if gran is _G.WEEKEND:
        # "the weekend": the one just gone, unless the clause looks ahead
        saturday = ref - dt.timedelta(days=(ref.isoweekday() - 6) % 7)
        if tense == "future" and saturday + dt.timedelta(days=1) < ref:
            saturday += dt.timedelta(days=7)
        return _Period(_G.WEEKEND, saturday, ctx.year_known), model.TimeAnchor.PUBLICATION
    return _period_of(ref, gran, year_known=ctx.year_known, lex=ctx.lex), model.TimeAnchor.PUBLICATION


def _offset(parts: _Parts, ctx: _Context) -> _Base:
    """ "two days ago", "a year earlier", "a few minutes later", "two days before May 3"."""
    lex = ctx.lex
    unit = parts.unit or "D"
    unit_gran = _UNIT_GRAN[unit]
    base: _Period | None = None
    kind = model.TimeAnchor.PUBLICATION
    if parts.offset_base == "explicit":
        counted_from = replace(
            parts,
            offset_dir=0,
            offset_n=None,
            offset_range=None,
            offset_base=None,
            unit=None,
            signal_len=0,
        )
        found = _base_period(counted_from, ctx, None)
        if found is None or isinstance(found, _Reading):
            return found
        base, kind = found
    elif parts.offset_base == "narrative":
        base, kind = ctx.anchor, model.TimeAnchor.NARRATIVE
    compared = ctx.period_compared()
    if parts.compares_quarter:
        # "the comparable year-ago quarter" after "changed its fiscal year in December": the
        # quarter the text compares, not the month named last
        compared = ctx.quarter_compared() or (
            _period_of(compared.first, _G.QUARTER, year_known=compared.year_known, lex=lex) if compared else None
        )
    if parts.offset_base != "explicit" and unit == "Y" and parts.offset_n == 1 and compared is not None:
        # A year-on-year comparison: "up from $3 million a year ago" after "in the third
        # quarter" compares with the third quarter of the year before, even when a day
        # ("the quarter ended Sept. 30") was named in between.
        base, kind = compared, model.TimeAnchor.NARRATIVE
    if base is None:
        if ctx.ref is None:
            vague = "PAST_REF" if parts.offset_dir < 0 else "FUTURE_REF"
            return _Reading(value=vague if parts.offset_range else _unanchored_value(parts))
        base = _Period(_G.DAY, ctx.ref, ctx.year_known)
        if ctx.ref_time is not None and unit_gran <= _G.HOUR:
            base = _Period(
                _G.MINUTE,
                ctx.ref,
                ctx.year_known,
                hour=ctx.ref_time.hour,
                minute=ctx.ref_time.minute,
            )
        kind = model.TimeAnchor.PUBLICATION

    fractional = parts.offset_n is not None and parts.offset_n != int(parts.offset_n)
    if unit_gran <= _G.HOUR and base.gran > _G.HOUR and kind is not model.TimeAnchor.PUBLICATION:
        return base, kind  # "(some) hours later" than a day known only as a day: that day, as below
    if parts.offset_range is not None or fractional:
        # A vague count: the hull of every count it allows.
        whole = int(parts.offset_n or 1)
        lo_n, hi_n = parts.offset_range or (whole, whole + 1)
        start, end = base.bounds(lex)
        if parts.offset_dir < 0:
            lo, hi = _add(start, unit, -hi_n), _add(end, unit, -lo_n)
        else:
            lo, hi = _add(start, unit, lo_n), _add(end, unit, hi_n)
        value = "PAST_REF" if parts.offset_dir < 0 else "FUTURE_REF"
        if kind is not model.TimeAnchor.PUBLICATION:
            value = _containing_value(lo, hi, base.year_known)
        return _Reading(
            value=value,
            start=lo,
            end=hi,
            precision=_precision_for(hi - lo),
            anchor=kind,
            year_known=base.year_known,
            anchors_narrative=False,
        )

    n = int(parts.offset_n or 1) * parts.offset_dir
    if unit_gran <= _G.HOUR:
        if base.gran > _G.HOUR:
            return base, kind  # "three hours later" on a day known only as a day
        moved = _add(base.bounds(lex)[0], unit, n)
        gran = _G.MINUTE if _G.MINUTE in {base.gran, unit_gran} else _G.HOUR
        minute = moved.minute if gran is _G.MINUTE else 0
        return _Period(gran, moved.date(), base.year_known, hour=moved.hour, minute=minute), kind
    if base.gran in _SUB_YEAR and unit in {"Y", "M", "Q"}:
        gran = base.gran  # "a year earlier" than a quarter is that quarter a year before
    elif kind is model.TimeAnchor.PUBLICATION:
        gran = unit_gran
    else:
        gran = max(base.gran, unit_gran, _G.DAY)
    day = _shift_day(base.first, unit, n)
    if gran is _G.SEASON:
        return replace(base, first=day), kind
    return _period_of(day, gran, year_known=base.year_known, lex=lex), kind

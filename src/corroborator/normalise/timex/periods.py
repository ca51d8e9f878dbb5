"""Calendar arithmetic: periods (a day, a week, a quarter...), their bounds and TIMEX3 values.

Separate because it knows nothing of words or of the text: given a day and a granularity it
says which period holds it, what lies n periods away, what interval it covers and how
TIMEX3 writes it; holidays are rules turned into days here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Literal

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from dateutil.relativedelta import relativedelta

from corroborator import model
from corroborator.normalise.timex.lexicon import TimeLexicon
from corroborator.normalise.timex.patterns import _valid_day


class _G(IntEnum):
    """Granularity of a resolved period, finest first."""

    MINUTE = 0
    HOUR = 1
    POD = 2
    DAY = 3
    WEEKEND = 4
    WEEK = 5
    MONTH = 6
    SEASON = 7
    QUARTER = 8
    HALF = 9
    YEAR = 10
    DECADE = 11
    CENTURY = 12


_PRECISION = {
    _G.MINUTE: model.TimePrecision.MINUTE,
    _G.HOUR: model.TimePrecision.HOUR,
    _G.POD: model.TimePrecision.PART_OF_DAY,
    _G.DAY: model.TimePrecision.DAY,
    _G.WEEKEND: model.TimePrecision.WEEK,
    _G.WEEK: model.TimePrecision.WEEK,
    _G.MONTH: model.TimePrecision.MONTH,
    _G.SEASON: model.TimePrecision.MONTH,
    _G.QUARTER: model.TimePrecision.MONTH,
    _G.HALF: model.TimePrecision.YEAR,
    _G.YEAR: model.TimePrecision.YEAR,
    _G.DECADE: model.TimePrecision.YEAR,
    _G.CENTURY: model.TimePrecision.YEAR,
}
_UNIT_GRAN = {
    "S": _G.MINUTE,
    "MIN": _G.MINUTE,
    "H": _G.HOUR,
    "D": _G.DAY,
    "WE": _G.WEEKEND,
    "W": _G.WEEK,
    "2W": _G.WEEK,
    "M": _G.MONTH,
    "Q": _G.QUARTER,
    "Y": _G.YEAR,
    "DE": _G.DECADE,
    "CE": _G.CENTURY,
}
_MONTHS_IN = {
    _G.MONTH: 1,
    _G.SEASON: 3,
    _G.QUARTER: 3,
    _G.HALF: 6,
    _G.YEAR: 12,
    _G.DECADE: 120,
    _G.CENTURY: 1200,
}
_SUB_YEAR = frozenset({_G.MONTH, _G.QUARTER, _G.HALF, _G.SEASON})


@dataclass(frozen=True)
class _Period:
    """A calendar period: its granularity, its first day and, below a day, the part or clock."""

    gran: _G
    first: dt.date
    year_known: bool = True
    pod: str | None = None
    hour: int = 0
    minute: int = 0
    season: str | None = None

    def bounds(self, lex: TimeLexicon) -> tuple[dt.datetime, dt.datetime]:
        start = dt.datetime.combine(self.first, dt.time())
        g = self.gran
        if g is _G.MINUTE:
            moment = start + dt.timedelta(hours=self.hour, minutes=self.minute)
            return moment, moment + dt.timedelta(minutes=1)
        if g is _G.HOUR:
            moment = start + dt.timedelta(hours=self.hour)
            return moment, moment + dt.timedelta(hours=1)
        if g is _G.POD:
            h0, h1 = lex.part_of_day_hours.get(self.pod or "", (0, 24))
            return start + dt.timedelta(hours=h0), start + dt.timedelta(hours=h1)
        days = {_G.DAY: 1, _G.WEEKEND: 2, _G.WEEK: 7}.get(g)
        if days is not None:
            return start, start + dt.timedelta(days=days)
        return start, start + relativedelta(months=_MONTHS_IN[g])

    def value(self) -> str:
        """The TIMEX3 value; XXXX for a year nobody gave."""
        first, g = self.first, self.gran
        year = f"{first.year:04d}" if self.year_known else "XXXX"
        day = f"{year}-{first.month:02d}-{first.day:02d}"
        if g is _G.MINUTE:
            return f"{day}T{self.hour:02d}:{self.minute:02d}"
        if g is _G.HOUR:
            return f"{day}T{self.hour:02d}"
        if g is _G.POD and self.pod == "EH":
            # "the early hours of May 3" belong to the night of May 2
            return replace(self, first=first - dt.timedelta(days=1), pod="NI").value()
        if g is _G.POD:
            return f"{day}T{self.pod}"
        if g is _G.DAY:
            return day
        if g in {_G.WEEK, _G.WEEKEND}:
            iso_year, week, _ = first.isocalendar()
            weekend = "-WE" if g is _G.WEEKEND else ""
            return f"{iso_year:04d}-W{week:02d}{weekend}" if self.year_known else f"XXXX-WXX{weekend}"
        if g is _G.MONTH:
            return f"{year}-{first.month:02d}"
        if g is _G.SEASON:
            return f"{year}-{self.season}"
        if g is _G.QUARTER:
            return f"{year}-Q{(first.month - 1) // 3 + 1}"
        if g is _G.HALF:
            return f"{year}-H{(first.month - 1) // 6 + 1}"
        return {_G.YEAR: year, _G.DECADE: year[:3]}.get(g, year[:2])


def _period_of(day: dt.date, gran: _G, *, year_known: bool, lex: TimeLexicon, season: str | None = None) -> _Period:
    """The period of granularity `gran` that contains `day`."""
    if gran <= _G.DAY:
        return _Period(_G.DAY, day, year_known)
    if gran is _G.WEEK:
        return _Period(gran, day - dt.timedelta(days=day.isoweekday() - 1), year_known)
    if gran is _G.WEEKEND:
        saturday = day + dt.timedelta(days=6 - day.isoweekday())
        if day.isoweekday() == 7:
            saturday = day - dt.timedelta(days=1)
        return _Period(gran, saturday, year_known)
    if gran is _G.SEASON:
        code = season or _season_of(day.month, lex)
        first_month = lex.season_months[code][0]
        year = day.year - 1 if first_month == 12 and day.month < 12 else day.year
        return _Period(gran, dt.date(year, first_month, 1), year_known, season=code)
    months = _MONTHS_IN[gran]
    year, month = day.year, day.month
    if gran is _G.DECADE:
        year -= year % 10
    if gran is _G.CENTURY:
        year = max(1, year - year % 100)
    first_month = 1 if gran >= _G.YEAR else months * ((month - 1) // months) + 1
    return _Period(gran, dt.date(year, first_month, 1), year_known)


def _season_of(month: int, lex: TimeLexicon) -> str:
    for code, (first, last) in lex.season_months.items():
        if (first <= month <= last) if first <= last else (month >= first or month <= last):
            return code
    return "SU"


def _step(period: _Period, n: int) -> _Period:
    """The period n steps later (earlier when n < 0) at the same granularity."""
    if period.gran <= _G.DAY:
        return replace(period, first=period.first + dt.timedelta(days=n))
    if period.gran in {_G.WEEK, _G.WEEKEND}:
        return replace(period, first=period.first + dt.timedelta(weeks=n))
    months = 12 if period.gran is _G.SEASON else _MONTHS_IN[period.gran]
    return replace(period, first=period.first + relativedelta(months=months * n))


def _shift_day(day: dt.date, unit: str, n: int) -> dt.date:
    if unit == "D":
        return day + dt.timedelta(days=n)
    if unit in {"W", "WE", "2W"}:
        return day + dt.timedelta(weeks=n * (2 if unit == "2W" else 1))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit, 0)
    return day + relativedelta(months=months * n)


def _add(moment: dt.datetime, unit: str, n: int) -> dt.datetime:
    seconds = {"S": 1, "MIN": 60, "H": 3600}.get(unit)
    if seconds is not None:
        return moment + dt.timedelta(seconds=seconds * n)
    return dt.datetime.combine(_shift_day(moment.date(), unit, n), moment.time())


_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _holiday_day(rule: str, year: int) -> dt.date | None:
    """The day a [holidays] rule names in `year` (None when the rule gives none)."""
    fixed = re.fullmatch(r"(\d{2})-(\d{2})", rule)
    if fixed:
        month, day = int(fixed.group(1)), int(fixed.group(2))
        return dt.date(year, month, day) if _valid_day(year, month, day) else None
    nth = re.fullmatch(r"(\d{2})-([A-Z]{2})-(-?\d)", rule)
    if nth and nth.group(2) in _WEEKDAY_CODES:
        month, wd, n = int(nth.group(1)), _WEEKDAY_CODES.index(nth.group(2)), int(nth.group(3))
        days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if dt.date(year, month, d).weekday() == wd]
        if n == 0 or abs(n) > len(days):
            return None
        return dt.date(year, month, days[n - 1 if n > 0 else n])
    on_after = re.fullmatch(r"(\d{2})-([A-Z]{2})>=(\d{2})", rule)
    if on_after and on_after.group(2) in _WEEKDAY_CODES:
        first = dt.date(year, int(on_after.group(1)), int(on_after.group(3)))
        wd = _WEEKDAY_CODES.index(on_after.group(2))
        return first + dt.timedelta(days=(wd - first.weekday()) % 7)
    movable = re.fullmatch(r"(easter|orthodox)([+-]\d+)", rule)
    if movable:
        method: Literal[1, 2, 3] = EASTER_WESTERN
        if movable.group(1) == "orthodox":
            method = EASTER_ORTHODOX
        return easter(year, method) + dt.timedelta(days=int(movable.group(2)))
    return None


def _precision_for(span: dt.timedelta) -> model.TimePrecision:
    """The finest precision an interval of this length can still claim."""
    limits = (
        (dt.timedelta(minutes=1), model.TimePrecision.MINUTE),
        (dt.timedelta(hours=1), model.TimePrecision.HOUR),
        (dt.timedelta(hours=12), model.TimePrecision.PART_OF_DAY),
        (dt.timedelta(days=1), model.TimePrecision.DAY),
        (dt.timedelta(days=7), model.TimePrecision.WEEK),
        (dt.timedelta(days=31), model.TimePrecision.MONTH),
    )
    return next((p for limit, p in limits if span <= limit), model.TimePrecision.YEAR)


def _containing_value(lo: dt.datetime, hi: dt.datetime, year_known: bool) -> str:
    """The value of the finest calendar unit (hour, day, month, year) holding all of [lo, hi)."""
    last = hi - dt.timedelta(microseconds=1)
    year = f"{lo.year:04d}" if year_known else "XXXX"
    if lo.date() == last.date():
        day = f"{year}-{lo.month:02d}-{lo.day:02d}"
        return f"{day}T{lo.hour:02d}" if lo.hour == last.hour else day
    if (lo.year, lo.month) == (last.year, last.month):
        return f"{year}-{lo.month:02d}"
    return year if lo.year == last.year else "PAST_REF"

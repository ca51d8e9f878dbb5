"""Time expressions in a report: the documented entry point of the temporal tagger.

The tagger itself lives in `corroborator.normalise.timex`, because the normalise stage
already needs it to infer when a report was published; the extract stage reads the same
expressions again with the spaCy parse (tense from the parse decides whether "on Friday" is
the last Friday or the next one). This module is the public face: `find_times` and the
`Reference` it resolves against.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from spacy.tokens import Doc

from corroborator import model
from corroborator.extract import syntax
from corroborator.normalise.timex import Reference, TimeLexicon, default_time_lexicon, find_time_expressions

__all__ = [
    "Reference",
    "WeekdayReading",
    "clock_only",
    "clocks_on_the_day",
    "find_times",
    "in_dateline",
    "in_local_time",
    "local_interval",
    "most_precise",
    "names_no_day",
    "possible_nights",
    "weekday_reading",
    "weekdays_agree",
]


def find_times(
    text: str,
    reference: Reference,
    *,
    doc: Doc | None = None,
    report_id: str = "",
    lexicon: TimeLexicon | None = None,
) -> list[model.TimeExpression]:
    """Find the time expressions in `text` and pin each to the calendar.

    `reference` is the publication date the relative expressions hang on: a day, a range of
    possible days (`latest`), or a day whose year is unknown (`year_known=False`, the day
    then carries `model.PLACEHOLDER_YEAR`). `doc`, a spaCy parse of exactly `text`, adds
    recall (its DATE/TIME entities) and reads tense from the parse; without it, nearby cue
    words decide. `lexicon` defaults to `resources/lexicon/time.toml` plus the user's
    same-named files.

    Each expression carries its `Span`, TIMEX3 type and value, our precision, the half-open
    interval of naive local time it covers (when it can be anchored), what it was anchored
    to, the clock time and time zone when stated, and the TIMEX3 `mod`.

    Examples (publication on Wednesday 3 May 2023):

    >>> import datetime as dt
    >>> wednesday = Reference(earliest=dt.date(2023, 5, 3))
    >>> [(t.span.text, t.value) for t in find_times("Drones hit the city overnight.", wednesday)]
    [('overnight', '2023-05-02TNI')]
    >>> night = find_times("Last night, drones attacked.", wednesday)[0]
    >>> night.interval.start, night.interval.end
    (datetime.datetime(2023, 5, 2, 18, 0), datetime.datetime(2023, 5, 3, 6, 0))
    >>> blast = find_times("A blast was heard around 2:30 am local time.", wednesday)[0]
    >>> blast.value, blast.clock, blast.timezone, blast.mod
    ('2023-05-03T02:30', '02:30', 'local', 'APPROX')
    >>> found = find_times("It happened on April 24. It lasted for three hours.", wednesday)
    >>> [(t.span.text, t.timex_type.value, t.value) for t in found]
    [('April 24', 'DATE', '2023-04-24'), ('three hours', 'DURATION', 'PT3H')]

    Without a known year the values say XXXX and the intervals carry the placeholder year:

    >>> yearless = Reference(earliest=dt.date(2000, 5, 4), year_known=False)
    >>> found = find_times("On the evening of May 3, five drones attacked.", yearless)[0]
    >>> found.value, found.interval.year_known
    ('XXXX-05-03TEV', False)

    With a range of possible publication days, a relative expression covers every reading:

    >>> either = Reference(earliest=dt.date(2023, 5, 3), latest=dt.date(2023, 5, 4))
    >>> yesterday = find_times("The statement came yesterday.", either)[0]
    >>> yesterday.value, yesterday.interval.first_day(), yesterday.interval.last_day()
    ('2023-05-XX', datetime.date(2023, 5, 2), datetime.date(2023, 5, 3))
    """
    return find_time_expressions(
        text, reference=reference, report_id=report_id, doc=doc, lexicon=lexicon
    )


def in_local_time(moment: datetime, stated: str | None, local: str | None) -> datetime | None:
    """`moment`, read in the zone a report stated ("0440 GMT", "3 a.m. Moscow time"), as the
    wall-clock time at a place whose IANA zone is `local`. A stated zone is an IANA name, UTC
    or a fixed offset ("UTC+03:00", from "1430 GMT+3"). None when either zone is unknown or
    there is nothing to convert ("local time", no zone stated, the same zone).

    >>> in_local_time(datetime(2026, 10, 15, 14, 30), "UTC+03:00", "Europe/Kyiv")
    datetime.datetime(2026, 10, 15, 14, 30)
    >>> in_local_time(datetime(2026, 10, 15, 21, 0), "UTC-04:00", "America/Mexico_City")
    datetime.datetime(2026, 10, 15, 19, 0)
    """
    if stated in (None, "local") or local is None or stated == local:
        return None
    source = _zone(stated)
    target = _zone(local)
    if source is None or target is None:
        return None
    return moment.replace(tzinfo=source).astimezone(target).replace(tzinfo=None)


#: A fixed offset as the tagger records it ("UTC+03:00", "UTC-04:30").
_FIXED_OFFSET = re.compile(r"UTC([+-])(\d{2}):(\d{2})")


def _zone(name: str) -> tzinfo | None:
    """The zone a recorded name means: an IANA name, UTC, or a fixed offset from UTC."""
    if name.upper() in {"UTC", "GMT", "Z"}:
        return UTC
    offset = _FIXED_OFFSET.fullmatch(name)
    if offset is not None:
        sign = 1 if offset.group(1) == "+" else -1
        return timezone(sign * timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3))))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def local_interval(interval: model.TimeInterval, stated: str | None, local: str | None) -> model.TimeInterval:
    """`interval` moved from the stated zone to the place's local time (unchanged when it cannot be)."""
    start, end = in_local_time(interval.start, stated, local), in_local_time(interval.end, stated, local)
    if start is None or end is None:
        return interval
    return interval.model_copy(update={"start": start, "end": end})


_NIGHT_OF_A_DATE = re.compile(r"\bnight\s+(?:of|on)\b", re.IGNORECASE)
_DAY_RANGE = re.compile(r"\d\s*(?:-|–|to|into|and)\s*\d|\d\s*(?:-|–|to|into)\s+\w+\s+\d", re.IGNORECASE)


def possible_nights(interval: model.TimeInterval, value: str | None, text: str) -> list[model.TimeInterval]:
    """The nights "the night of 8 November" may mean.

    In English it is the night starting on the 8th; in reports translated from Ukrainian or
    Russian ("в ніч на 8 листопада") the night into the 8th. Comparing reports keeps both;
    "the night of 7 to 8 November" says which, and any other expression has one reading.
    """
    if value and value.endswith("TNI") and _NIGHT_OF_A_DATE.search(text) and not _DAY_RANGE.search(text):
        day = timedelta(days=1)
        return [interval, interval.model_copy(update={"start": interval.start - day, "end": interval.end - day})]
    return [interval]


_DAY_WORDS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"yesterday|today|tonight|night|morning|evening|afternoon|week|month|year|\d{4}|\d{1,2}/\d{1,2})",
    re.IGNORECASE,
)


def clock_only(clock: str | None, words: str) -> bool:
    """A clock time whose words name no day ("at 2:27 pm"): only its time of day means
    anything, so it cannot tell two days apart."""
    return clock is not None and not _DAY_WORDS.search(words)


def most_precise(intervals: Sequence[model.TimeInterval]) -> tuple[model.TimeInterval, ...]:
    """The readings no more than twice as long as the shortest (at least a night long).

    A frame saying "on Sunday at 1:40" and, vaguely, "this week" happened on Sunday: the
    week would let it meet any event of those seven days; a night and an hour both stay.
    """
    if not intervals:
        return ()
    shortest = min(i.duration for i in intervals)
    limit = max(shortest * 2, timedelta(hours=13))
    return tuple(i for i in intervals if i.duration <= limit)


def in_dateline(text: str, offset: int) -> bool:
    """Whether `offset` falls on the filing date of a dateline opening its line, whether or
    not its place was resolved ("NAIROBI, Nov 5 (Horn Dispatch) -")."""
    line = text.rfind("\n", 0, offset) + 1
    match = _DATELINE.match(text, line)
    if match is None:
        match = _COLON_DATELINE.match(text, line)
        if match is not None and _opens_with_a_time(match["place"]):
            return False  # "On Monday, 3 November: ..." opens with a time, not a place
    return match is not None and match.start("date") <= offset < match.end("date")


#: A dateline: a place in capitals, a comma, the filing date, an optional agency in brackets
#: and a dash ("NAIROBI, Nov 5 (Horn Dispatch) - ").
_DATELINE = re.compile(r"[A-Z][A-Z'’. ]{2,40},\s*(?P<date>[^()\n–—-]{3,30}?)\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]")
#: A dateline as press offices and South Asian papers write it: a place, a comma, the date
#: and a colon ("Rawalpindi, 23 November 2025:", "Mir Ali, 23 Nov:").
_COLON_DATELINE = re.compile(
    r"(?P<place>[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){0,3}),[ \t]*(?P<date>[^:\n()]{0,30}?\d[^:\n()]{0,30}?)[ \t]*:(?=\s)"
)
#: Words that open a sentence with a time, not a place, before such a comma and colon.
_TIME_OPENERS = frozenset(
    {"on", "at", "in", "by", "since", "until", "from", "updated", "posted", "published"}
    | {"today", "yesterday", "tonight", "this", "last", "early", "late", "overnight"}
    | {day.lower() for day in (*calendar.day_name, *calendar.day_abbr, "Tues", "Thur", "Thurs")}
)


def _opens_with_a_time(words: str) -> bool:
    """ "On Monday", "Yesterday", "Nov": words before a comma that tell a time, not a place."""
    return any(w.lower().rstrip(".") in _TIME_OPENERS or syntax.is_month_name(w.title()) for w in words.split())


_DAY_LEVEL = frozenset({model.TimePrecision.DAY, model.TimePrecision.PART_OF_DAY})

#: A clock before this hour, told of a night ("on Saturday night ... at 1:30"), is the next day's.
_NIGHT_ENDS_HOUR = 6


def _named_day(value: str | None, interval: model.TimeInterval) -> date:
    """The day an expression names: its value's date ("late on Friday night" is Friday's night,
    though its late hours fall after midnight), else where its interval starts."""
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return interval.start.date()


def clocks_on_the_day(times: Sequence[model.TimeExpression], text: str) -> list[model.TimeExpression]:
    """ "A drone struck the minibus on Tuesday ... it was hit at about 0630 GMT", in a report
    published on Wednesday: a clock time that names no day is on the day the frame's own
    words name, not on the day it was read against (publication). Told of an afternoon,
    evening or night, a clock written in the twelve-hour way without a.m. or p.m. ("at around
    four o'clock" on "Sunday afternoon") is after noon. Only when the frame's words name one
    day (a dateline's filing date aside); otherwise every expression stays as read."""
    days = {
        (_named_day(e.value, e.interval), (e.value or "")[-3:])
        for e in times
        if e.interval is not None
        and not in_dateline(text, e.span.start)
        and e.precision in _DAY_LEVEL
        and e.timex_type in {model.TimexType.DATE, model.TimexType.TIME}
        and not names_no_day(e)
    }
    dates = {day for day, _ in days}
    if len(dates) != 1:
        return list(times)
    day, parts = dates.pop(), {part for _, part in days}
    night, later = "TNI" in parts, bool(parts & _LATER_PARTS)
    placed: list[model.TimeExpression] = []
    for e in times:
        words = _words_but_clock(e)
        if e.interval is None or not clock_only(e.clock, words):
            placed.append(e)
            continue
        start = e.interval.start
        hour, minute = (int(part) for part in str(e.clock).split(":")[:2])
        after_midnight = night and hour < _NIGHT_ENDS_HOUR
        afternoon = later and not after_midnight and 1 <= hour < 12 and not _TWENTY_FOUR_HOUR.search(words)
        target = day + timedelta(days=1) if after_midnight else day
        shift = timedelta(days=(target - start.date()).days, hours=12 if afternoon else 0)
        if not shift:
            placed.append(e)
            continue
        clock = f"{hour + 12 if afternoon else hour:02d}:{minute:02d}"
        value = f"{target.isoformat()}T{clock}" if re.match(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", e.value) else e.value
        interval = e.interval.model_copy(update={"start": start + shift, "end": e.interval.end + shift})
        placed.append(e.model_copy(update={"interval": interval, "value": value, "clock": clock}))
    return placed


#: Parts of a day whose twelve-hour clocks are after noon.
_LATER_PARTS = frozenset({"TAF", "TEV", "TNI"})

#: A clock written the 24-hour way or with its half of the day: "0630", "06:30", "7 a.m.", "1600 hours".
_TWENTY_FOUR_HOUR = re.compile(r"\b(?:0\d[:.]?\d\d|\d{4}|[ap]\.?m\b\.?|hours|hrs)|\b(?:morning|dawn)\b", re.IGNORECASE)


def names_no_day(expression: model.TimeExpression) -> bool:
    """A clock that names no day ("at 2:27 pm"); "0630 GMT" too, whose four digits are the
    clock, not a year, as `clock_only` on the bare words would take them."""
    return clock_only(expression.clock, _words_but_clock(expression))


def _words_but_clock(expression: model.TimeExpression) -> str:
    """The expression's words without its clock's digits ("about 0630 GMT" -> "about  GMT")."""
    return expression.span.text.replace((expression.clock or "").replace(":", ""), "")


@dataclass(frozen=True)
class WeekdayReading:
    """A weekday whose week the report does not give ("on Saturday evening" in a statement
    with no date): the ISO weekday (Monday 1) and the hours of that day it covers (an end past
    24 runs into the next day)."""

    weekday: int
    hours: tuple[int, int] = (0, 24)

    @property
    def whole_day(self) -> bool:
        return self.hours == (0, 24)

    def meets(self, interval: model.TimeInterval) -> bool:
        """Whether the interval holds a moment of this weekday's hours in some week, within the
        half day of slack two dated readings get when either is a part of a day or a clock (a
        night runs over midnight; a clock with no date has no known zone, and may count its
        hours another way). A whole weekday against a calendar day has none: Tuesday is not
        Wednesday. Each day the slack lets the interval reach is tried."""
        slack = timedelta(0) if self.whole_day and interval.precision in _CALENDAR else _HALF_DAY
        first = (interval.start - slack).date() - timedelta(days=1)
        days = ((interval.end + slack).date() - first).days + 1
        for offset in range(days):
            day = first + timedelta(days=offset)
            if day.isoweekday() != self.weekday:
                continue
            start = datetime.combine(day, datetime.min.time()) + timedelta(hours=self.hours[0])
            end = datetime.combine(day, datetime.min.time()) + timedelta(hours=self.hours[1])
            if start - slack < interval.end and interval.start < end + slack:
                return True
        return False


def weekdays_agree(
    days_a: Sequence[WeekdayReading],
    dated_a: Sequence[model.TimeInterval],
    days_b: Sequence[WeekdayReading],
    dated_b: Sequence[model.TimeInterval],
) -> bool | None:
    """Whether two sides' times can be one day when a weekday with no week is involved: two
    weekdays agree when they are the same day, a weekday and dates when a date falls on it.
    None when neither side has a weekday, or the other side has no weekday or date to meet."""
    if days_a and days_b:
        return bool({x.weekday for x in days_a} & {y.weekday for y in days_b})
    days, dated = (days_a, dated_b) if days_a else (days_b, dated_a)
    if not days or not dated:
        return None
    return any(day.meets(x) for day in days for x in dated)


_HALF_DAY = timedelta(hours=12)
_CALENDAR = frozenset(
    {model.TimePrecision.DAY, model.TimePrecision.WEEK, model.TimePrecision.MONTH, model.TimePrecision.YEAR}
)


_WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-(?P<day>[1-7])(?:T(?P<part>[A-Z]{2})|T(?P<hour>\d\d):\d\d)?$")


def weekday_reading(expression: model.TimeExpression, lexicon: TimeLexicon | None = None) -> WeekdayReading | None:
    """The weekday a time names when nothing dates it (TIMEX3 XXXX-WXX-6TEV); None for a dated
    time, a set ("every Saturday") or a bound ("until Friday").

    >>> import datetime as dt
    >>> unknown = Reference(earliest=None)
    >>> saturday = find_times("On Saturday evening a drone struck the village.", unknown)[0]
    >>> saturday.value, weekday_reading(saturday)
    ('XXXX-WXX-6TEV', WeekdayReading(weekday=6, hours=(18, 24)))
    """
    if expression.interval is not None or expression.bound is not None:
        return None
    if expression.timex_type not in {model.TimexType.DATE, model.TimexType.TIME}:
        return None
    match = _WEEKDAY_VALUE.match(expression.value)
    if match is None:
        return None
    weekday = int(match["day"])
    if match["hour"] is not None:
        hour = int(match["hour"])
        return WeekdayReading(weekday, (hour, hour + 1))
    if match["part"] is not None:
        hours = (lexicon or default_time_lexicon()).part_of_day_hours.get(match["part"])
        if hours is not None:
            return WeekdayReading(weekday, (hours[0], hours[1]))
    return WeekdayReading(weekday)

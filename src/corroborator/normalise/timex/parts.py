"""What an expression means as read from its words, before any reference is known.

`_Parts` is the record every grammar rule fills and the merging of atoms combines;
`ParsedTime` carries it, with its place in the text, from `parse_times` to `resolve_times`.
Separate because both steps speak this vocabulary and neither should import the other to
get it. The TIMEX3 duration writer lives here too: a duration's value is fixed as soon as
its words are read (by the rules, and when an offset turns out to be a length of time).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from corroborator import model

Tense = Literal["past", "present", "future"]
Relation = Literal["on", "before", "after"]

#: How a parsed expression relates to the reference it is resolved against.
Category = Literal[
    "absolute",  # the text gives the year ("May 3, 2023", "1990", "the 1990s")
    "yearless",  # a calendar date or period without a year ("April 24", "in February")
    "weekday",  # a bare day name ("on Wednesday", "Wednesday morning")
    "deictic",  # relative to the time of writing ("last night", "two days ago")
    "narrative",  # relative to the time the text last mentioned ("two days later")
    "clock",  # a clock time or part of day with no day ("at 2:30 am", "in the morning")
    "vague",  # PAST_REF, PRESENT_REF, FUTURE_REF
    "duration",
    "set",
]

#: Shifts counted from the time the text last talked about ("the following day", "that night").
_NARRATIVE_SHIFTS = frozenset({"previous", "following", "same", "that"})


@dataclass
class _Parts:
    """The meaning of one expression as read from its words, before any reference."""

    kind: str = "date"  # date | duration | set | vague | mod | tz
    literal: str | None = None  # the value of durations, sets and vague expressions
    year: int | None = None
    decade: int | None = None  # 199 for "the 1990s"
    century: int | None = None  # 19 for "the 20th century"
    month: int | None = None
    day: int | None = None
    day_end: int | None = None  # "August 29-30"
    either_way_round: bool = False  # "3/11/2026": month/day or day/month (anchoring decides)
    weekday: int | None = None  # ISO, Monday = 1
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    holiday: str | None = None  # a rule from [holidays]
    same_period: bool = False  # "the 1988 period": the part of a year the text compares, in 1988
    compares_quarter: bool = False  # "the year-ago quarter": the period compared is a quarter
    fiscal: bool = False  # "the fiscal first quarter": its calendar months are the company's
    closed: bool = False  # "the quarter ended Sept. 30": over by the time of writing
    pod: str | None = None  # part of day
    hour: int | None = None
    minute: int | None = None
    minutes_given: bool = False
    meridiem: str | None = None  # "am" / "pm"
    tz: str | None = None
    mod: str | None = None
    # relative meanings
    shift: str | None = None  # last this next previous following same that latest
    unit: str | None = None  # the unit a shift, offset or definite article applies to
    day_offset: int | None = None  # today 0, yesterday -1, tomorrow +1
    night_deictic: bool = False  # "tonight" / "overnight": which night depends on tense
    night_default_past: bool = False  # "overnight": the night just past unless future
    offset_n: float | None = None
    offset_range: tuple[int, int] | None = None  # vague counts ("a few days ago")
    offset_dir: int = 0
    offset_base: str | None = None  # publication | narrative | explicit (a date follows)
    definite: bool = False  # "the year", "the quarter": the one the text is talking about
    stretch: bool = False  # "the past year": the unit of time ending (or starting) now
    year_end: bool = False  # "year-end": this year's end, last year's when it is past
    signal_len: int = 0  # length of a trailing "before"/"after" relating to what follows
    year_to_date: bool = False  # "the nine months": a report's months so far of its year
    weak: bool = False  # needs a cue word or a spaCy DATE/TIME entity to count
    #: "the morning after fighters detonated a device": counted from an event, not a day we know
    event_relative: bool = False

    def slots(self) -> set[str]:
        """The kinds of information this meaning already holds (two atoms merge only when
        they hold different kinds)."""
        used: set[str] = set()
        if self.year is not None or self.decade is not None or self.century is not None:
            used.add("year")
        if self.month is not None or self.day is not None or self.holiday is not None:
            used.add("monthday")
        if self.quarter is not None or self.half is not None or self.season is not None:
            used.add("period")
        if self.weekday is not None:
            used.add("weekday")
        if self.pod is not None:
            used.add("pod")
        if self.hour is not None:
            used.add("clock")
        if self.tz is not None:
            used.add("tz")
        if self.mod is not None:
            used.add("mod")
        relative = (self.shift, self.day_offset) != (None, None)
        if relative or self.night_deictic or self.offset_dir or self.definite:
            used.add("rel")
        return used

    @property
    def names_a_day(self) -> bool:
        """A full date, a weekday, "yesterday", "the next day", "two days later"."""
        return (
            (self.month is not None and self.day is not None)
            or self.weekday is not None
            or self.holiday is not None
            or self.day_offset is not None
            or (self.shift is not None and self.unit == "D")
            or (self.offset_dir != 0 and self.unit == "D")
        )

    @property
    def names_only_a_year(self) -> bool:
        """ "2023", "last year"."""
        return self.slots() <= {"year", "rel"} and (
            self.year is not None or (self.shift is not None and self.unit == "Y")
        )


@dataclass(frozen=True, kw_only=True)
class ParsedTime:
    """A time expression as found in the text, with its meaning but no reference yet."""

    start: int
    end: int
    text: str
    timex_type: model.TimexType
    category: Category
    tense: Tense | None = None
    quoted: bool = False  # inside quotation marks: deictic words are the speaker's
    relation: Relation = "on"  # "before": the event lies before this time ("ahead of May 9")
    deadline: bool = False  # "by 1992", "until Friday": a limit, not when the story happens
    since: bool = False  # "since March": the start of a period that runs on
    paragraph: int = 0
    sentence: int = 0
    #: The expression labels its line, as a dated post or diary entry does ("12 Nov: our
    #: forces destroyed ..."): the day the entry was written, which its "this morning" is on.
    label: bool = False
    parts: _Parts = field(repr=False, compare=False, default_factory=_Parts)


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    parts: _Parts
    rule: str


# TIMEX3 duration letters: (time designator, letter) per unit, and how many of the letter
# one unit is (a weekend is two days, a decade ten years).
_UNIT_LETTER = {
    "S": ("T", "S"),
    "MIN": ("T", "M"),
    "H": ("T", "H"),
    "D": ("", "D"),
    "W": ("", "W"),
    "WE": ("", "D"),
    "M": ("", "M"),
    "Q": ("", "Q"),
    "Y": ("", "Y"),
    "DE": ("", "Y"),
    "CE": ("", "Y"),
    "2W": ("", "W"),
}
_UNIT_FACTOR = {"WE": 2, "DE": 10, "CE": 100, "2W": 2}
_SMALLER = {
    "H": ("MIN", 60),
    "D": ("H", 24),
    "W": ("D", 7),
    "M": ("D", 30),
    "Y": ("M", 12),
    "MIN": ("S", 60),
}


def _duration_value(count: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, PT3H, PXY; half units go down a unit (PT30M, P18M)."""
    if count is not None and count != int(count) and unit in _SMALLER:
        smaller, factor = _SMALLER[unit]
        if count * factor == int(count * factor):
            count, unit = count * factor, smaller
    time_mark, letter = _UNIT_LETTER[unit]
    if count is None:
        return f"P{time_mark}X{unit if unit in {'DE', 'CE'} else letter}"
    count *= _UNIT_FACTOR.get(unit, 1)
    number = str(int(count)) if count == int(count) else f"{count:g}"
    return f"P{time_mark}{number}{letter}"

"""The temporal tagger: find time expressions and pin them to the calendar.

Why a rule grammar: relative expressions ("last night", "on Wednesday", "two days later")
only mean something against a reference (the publication date, or the time the text last
talked about), and here that reference is itself uncertain: a report may lack a year, or its
date line may be wrong. A grammar lets us resolve one parse against any reference
(publication inference tries many), say exactly why a value came out, and keep every word it
knows in a resource file (`resources/lexicon/time.toml`) that users can extend.

Two steps, usable separately:

- `parse_times(text, doc=...)` finds the expressions and reads their *meaning* (year, month,
  day, weekday, part of day, clock, shift, offset, modifier...) without a reference, with the
  tense of the clause each sits in, whether it is inside a quotation, and whether a word
  like "ahead of" or "since" relates it to the event.
- `resolve_times(parsed, reference=...)` turns each meaning into a TIMEX3 value, a precision
  and a half-open interval of naive local time. It works through the text in order, so an
  expression anchored to the narrative ("a few minutes later", "that night", "the quarter")
  sees the times the text mentioned before it.

`find_time_expressions` does both. With a spaCy `doc`, its DATE/TIME entities add recall (a
bare year or an ambiguous month name like "May" counts when the entity recogniser agrees)
and tense comes from the dependency parse instead of nearby cue words.

Conventions
- Parts of the day (TIMEX3 codes) cover MO 06-12, MI 11-13, AF 12-18, EV 18-24, NI 18-06 of
  the next day, DT 06-18 (the hours live in the resource file). "The early hours of 3 May"
  are 00-06 on 3 May; their TIMEX3 value is the night before, 2023-05-02TNI.
- Intervals are [start, end) of naive local time. A clock time with minutes covers one
  minute, a bare hour ("3 a.m.") one hour, "around" widens a clock time by half an hour on
  either side, and "early"/"mid"/"late" keep the first, middle or last third of a period.
- Weekdays, month names and yearless dates are placed by the tense of their clause: past →
  the last such day on or before the reference; future → the first on or after; otherwise
  the nearest, a coming one only when clearly nearer (news mostly reports the past; a
  weekday without tense is the last one unless the coming one is tomorrow). After "by",
  "until" or "ahead of" a date is a deadline or a coming event whatever the tense of the
  clause ("ordered him back by Jan. 14"): the nearest, a past one only when clearly nearer.
- "tonight" is the night starting on the reference day, except in a past-tense clause where
  it is the night just past; "overnight" is the night just past unless the clause is future.
- A clock time without a day takes the last day its paragraph mentioned, else the reference
  day; the `clock` field always keeps the stated time. A stated time zone is recorded in
  `timezone`; the clock is not converted (the place, known later, decides local time).
- Words inside quotation marks are the speaker's, who may have spoken the day before
  publication: quoted relative words also take that reading ("last night" in a quoted
  statement covers two nights).
- A reference range (earliest..latest) resolves every expression once per possible
  reference day; the interval is the hull of the readings, the value keeps only what all
  readings agree on (2023-05-XX), and the precision drops to what the hull spans.
- A reference without a year resolves into `model.PLACEHOLDER_YEAR` with `year_known=False`
  and values say XXXX; a weekday then cannot be placed on a day and gets the week-long hull
  of its possible readings.
- Durations follow TIMEX3 (P3D, PT3H, P2W, PXY for "years"); decades and centuries are
  written in years (P20Y). Values of sets: P1D for "daily", XXXX-WXX-3 for "every Wednesday".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import IntEnum
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Token

from corroborator import model
from corroborator.config import Settings, load_settings, packaged_resource, resource_paths
from corroborator.errors import PipelineError, ResourceError

TIME_LEXICON = "lexicon/time.toml"

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

# Reference ranges longer than this are not resolved day by day: relative expressions then
# stay unanchored, since a hull over more than a year says nothing.
_MAX_REFERENCE_DAYS = 400


# --------------------------------------------------------------------------- reference


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


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, kw_only=True)
class TimeLexicon:
    """The words of `resources/lexicon/time.toml` (its header says what each table means)."""

    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    ambiguous_months: frozenset[str]
    weekdays: Mapping[str, int]
    parts_of_day: Mapping[str, str]
    part_of_day_hours: Mapping[str, tuple[int, int]]
    clock_words: Mapping[str, tuple[int, int]]
    seasons: Mapping[str, str]
    season_months: Mapping[str, tuple[int, int]]
    numbers: Mapping[str, float]
    vague_numbers: Mapping[str, tuple[int, int]]
    ordinals: Mapping[str, int]
    units: Mapping[str, str]
    set_words: Mapping[str, str]
    vague: Mapping[str, str]
    modifiers: Mapping[str, str]
    positions: Mapping[str, str]
    timezones: Mapping[str, str]
    holidays: Mapping[str, str]
    cues: Mapping[str, tuple[str, ...]]

    @cached_property
    def grammar(self) -> _Grammar:
        """The compiled rules; built once per lexicon."""
        return _Grammar(self)

    def cue(self, name: str) -> tuple[str, ...]:
        return self.cues.get(name, ())


def load_time_lexicon(settings: Settings | None = None) -> TimeLexicon:
    """The packaged time lexicon, extended by same-named files in the user's resource dirs."""
    if settings is None:
        return _load_lexicon((packaged_resource(TIME_LEXICON),))
    return _load_lexicon(tuple(resource_paths(TIME_LEXICON, settings)))


@lru_cache(maxsize=1)
def default_time_lexicon() -> TimeLexicon:
    """The lexicon for the current settings (packaged defaults, user file, environment)."""
    return load_time_lexicon(load_settings())


def _merge_tables(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        if isinstance(base.get(key), dict) and isinstance(value, Mapping):
            base[key] = _merge_tables(dict(base[key]), value)
        elif isinstance(base.get(key), list) and isinstance(value, list):
            base[key] = base[key] + value
        else:
            base[key] = value
    return base


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{path}: cannot read the time lexicon ({exc}); fix the file") from exc


@lru_cache(maxsize=8)
def _load_lexicon(paths: tuple[Path, ...]) -> TimeLexicon:
    raw: dict[str, Any] = {}
    for path in paths:
        raw = _merge_tables(raw, _read_toml(path))
    try:
        return _build_lexicon(raw)
    except (KeyError, TypeError, ValueError) as exc:
        where = ", ".join(str(p) for p in paths)
        raise ResourceError(
            f"{where}: malformed time lexicon ({exc}); see the file header"
        ) from exc


def _pair(value: Any) -> tuple[int, int]:
    first, second = value
    return int(first), int(second)


def _hours_minutes(value: Any) -> tuple[int, int]:
    hour, minute = str(value).split(":")
    return int(hour), int(minute)


def _build_lexicon(raw: Mapping[str, Any]) -> TimeLexicon:
    def table(name: str, convert: Callable[[Any], Any]) -> dict[str, Any]:
        found = raw.get(name, {})
        if not isinstance(found, Mapping):
            raise TypeError(f"[{name}] must be a table")
        return {str(k).lower(): convert(v) for k, v in found.items()}

    cues = table("cues", lambda v: tuple(str(w).lower() for w in v))
    return TimeLexicon(
        months=table("months", int),
        month_abbreviations=table("month_abbreviations", int),
        ambiguous_months=frozenset(cues.get("ambiguous_months", ())),
        weekdays=table("weekdays", int),
        parts_of_day=table("parts_of_day", str),
        part_of_day_hours={k.upper(): v for k, v in table("part_of_day_hours", _pair).items()},
        clock_words=table("clock_words", _hours_minutes),
        seasons=table("seasons", str),
        season_months={k.upper(): v for k, v in table("season_months", _pair).items()},
        numbers=table("numbers", float),
        vague_numbers=table("vague_numbers", _pair),
        ordinals=table("ordinals", int),
        units=table("units", str),
        set_words=table("set_words", str),
        vague=table("vague", str),
        modifiers=table("modifiers", str),
        positions=table("positions", str),
        timezones=table("timezones", str),
        holidays=table("holidays", str),
        cues=cues,
    )


# --------------------------------------------------------------------------- meaning


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
    weekday: int | None = None  # ISO, Monday = 1
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    holiday: str | None = None  # a rule from [holidays]
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
    year_end: bool = False  # "year-end": this year's end, last year's when it is past
    signal_len: int = 0  # length of a trailing "before"/"after" relating to what follows
    weak: bool = False  # needs a cue word or a spaCy DATE/TIME entity to count

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
    paragraph: int = 0
    sentence: int = 0
    parts: _Parts = field(repr=False, compare=False, default_factory=_Parts)


# --------------------------------------------------------------------------- the grammar


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first, spaces matching any run of spaces."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in unique)


def _capitalised(words: Iterable[str]) -> str:
    """Names must start with a capital: "May" is a month, "may" a verb."""
    forms: set[str] = set()
    for w in words:
        forms.update({w.capitalize(), w.upper()})
    return _alternation(forms)


def _squash(words: str) -> str:
    return re.sub(r"\s+", " ", words.strip().lower())


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


_AMPM = r"(?:[aApP]\.\s?[mM]\.?|[aApP][mM](?![a-zA-Z]))"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_DASH = r"\s*(?:-|–|—|to|and|or|through)\s*"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_SUFFIX = r"(?i:st|nd|rd|th)?"
_END = r"(?!\w)"
_YEAR = r"(?:1\d{3}|20\d{2}|21\d{2})"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"

# Words before a season, part of day, bare unit or definite period that make it a time
# ("in the summer", "during the night", "for years", "in the quarter").
_SEASON_CUES = (
    "in",
    "during",
    "over",
    "since",
    "until",
    "by",
    "through",
    "throughout",
    "before",
    "after",
    "this",
    "last",
    "next",
    "that",
    "early",
    "late",
    "mid",
    "in the",
    "during the",
    "over the",
    "since the",
    "until the",
    "by the",
    "through the",
    "throughout the",
)
_POD_CUES = (
    "in",
    "during",
    "on",
    "by",
    "through",
    "throughout",
    "until",
    "since",
    "at",
    "before",
    "after",
    "overnight",
    "all",
    "early in",
    "late in",
)
_LENGTH_CUES = (
    "for",
    "over",
    "within",
    "in",
    "after",
    "lasting",
    "spanning",
    "took",
    "take",
    "takes",
    "taking",
    "last",
    "lasted",
    "for several",
    "for many",
    "of",
)
_PERIOD_CUES = (
    "in",
    "during",
    "for",
    "over",
    "of",
    "throughout",
    "within",
    "since",
    "until",
    "by",
    "through",
    "at",
    "earlier in",
    "later in",
    "early in",
    "late in",
    "all",
)

Handler = Callable[[re.Match[str], str], "_Parts | None"]


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    parts: _Parts
    rule: str


class _Grammar:
    """Regex rules built from the lexicon; each rule reads its match into `_Parts`.

    Rules find *atoms* ("Wednesday", "morning", "2:30 am", "around"); `_merge_atoms` then
    joins neighbours into expressions ("around 2:30 am", "Wednesday morning").
    """

    def __init__(self, lex: TimeLexicon) -> None:
        self.lex = lex
        tens = [w for w, n in lex.numbers.items() if n in {20, 30, 40, 50, 60, 70, 80, 90}]
        units = [w for w, n in lex.numbers.items() if 1 <= n <= 9 and w not in {"a", "an"}]
        self.tens, self.units = _alternation(tens), _alternation(units)
        self.number = (
            rf"(?:{_DIGITS}|(?i:(?:{self.tens})[\s-](?:{self.units})|{_alternation(lex.numbers)}))"
        )
        self.vague_number = rf"(?i:{_alternation(lex.vague_numbers)})"
        ord_units = _alternation(w for w, n in lex.ordinals.items() if 1 <= n <= 9)
        self.ordinal = (
            rf"(?:\d{{1,2}}(?i:st|nd|rd|th)"
            rf"|(?i:(?:{self.tens})-(?:{ord_units})|{_alternation(lex.ordinals)}))"
        )
        self.month_numbers = {**lex.months, **lex.month_abbreviations}
        self.month_full = _capitalised(lex.months)
        abbreviations = _capitalised(lex.month_abbreviations)
        self.month_any = rf"(?:(?:{abbreviations})\.?(?![a-zA-Z])|(?:{self.month_full}))"
        self.weekday = _capitalised(lex.weekdays)
        self.unit = rf"(?i:{_alternation(lex.units)})"
        singular = [w for w in lex.units if not w.endswith("s")]
        self.unit_singular = rf"(?i:{_alternation(singular)})"
        self.pod = rf"(?i:{_alternation(lex.parts_of_day)})"
        self.season = rf"(?i:{_alternation(lex.seasons)})"
        zones = _alternation(k for k in lex.timezones if len(k) > 1)
        self.tz = rf"(?:(?i:{zones})|Z|(?:GMT|UTC)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?)"
        self.modifiers = {**lex.modifiers, **lex.positions}
        self.rules: list[tuple[str, re.Pattern[str], Handler]] = []
        self._build()

    # ----------------------------------------------------------------- helpers

    def parse_number(self, words: str) -> float | None:
        w = _squash(words)
        if re.fullmatch(r"[\d,]+(?:\.\d+)?", w):
            return float(w.replace(",", ""))
        if w in self.lex.numbers:
            return self.lex.numbers[w]
        pieces = re.split(r"[\s-]", w)
        if len(pieces) == 2 and all(p in self.lex.numbers for p in pieces):
            return self.lex.numbers[pieces[0]] + self.lex.numbers[pieces[1]]
        return None

    def parse_ordinal(self, words: str) -> int | None:
        w = _squash(words)
        digits = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)", w)
        if digits:
            return int(digits.group(1))
        if w in self.lex.ordinals:
            return self.lex.ordinals[w]
        pieces = w.split("-")
        if len(pieces) == 2 and pieces[0] in self.lex.numbers and pieces[1] in self.lex.ordinals:
            return int(self.lex.numbers[pieces[0]]) + self.lex.ordinals[pieces[1]]
        return None

    def month_of(self, word: str) -> int:
        return self.month_numbers[word.rstrip(".").lower()]

    def unit_of(self, word: str) -> str:
        return self.lex.units[_squash(word)]

    @staticmethod
    def preceded_by(text: str, start: int, cues: Iterable[str]) -> bool:
        """True when one of the cue phrases ends right before `start`."""
        before = re.sub(r"\s+", " ", text[max(0, start - 40) : start].lower()).rstrip(" -")
        return any(before == c or before.endswith((" " + c, "(" + c)) for c in cues)

    @staticmethod
    def in_a_name(text: str, m: re.Match[str]) -> bool:
        """A capitalised time word inside a name: "Russia Today", "USA Today", "Good Morning".

        Mid-sentence, a capital after another capitalised word marks a proper name.
        """
        word = m.group(0)
        if not word[:1].isupper() or word.isupper():
            return False
        before = text[max(0, m.start() - 30) : m.start()]
        return re.search(r"(?<![.!?:;\"“”])\s[A-Z][\w.'’-]*\s+$", " " + before) is not None

    @staticmethod
    def followed_by_of(text: str, end: int) -> bool:
        """ "the fall of the city", "the day of the attack": the thing named is not a time."""
        return re.match(r"\s+of\b", text[end : end + 5]) is not None

    @staticmethod
    def hyphen_ok(text: str, start: int) -> bool:
        """A date glued on by a hyphen only after a position word ("mid-1996", "late-May")."""
        if start == 0 or text[start - 1] != "-":
            return True
        before = text[max(0, start - 6) : start]
        return re.search(r"(?i:\b(?:mid|early|late|pre|post))-$", before) is not None

    def _add(self, name: str, pattern: str, handler: Handler) -> None:
        self.rules.append((name, re.compile(pattern, re.VERBOSE), handler))

    # ----------------------------------------------------------------- rules

    def _build(self) -> None:
        lex = self.lex
        Y, MON, NUM, ORD, D = _YEAR, self.month_any, self.number, self.ordinal, _DAY
        spoken_rest = rf"(?:{self.tens})(?:[\s-](?:{self.units}))?|{_TEENS}"
        self._add(
            "iso",
            rf"""
            (?<![\w.\-/])(?P<y>{Y})(?P<sep>[-/])(?P<m>0?[1-9]|1[0-2])(?P=sep)(?P<d>{D})
            (?:[T\ ](?P<H>[01]\d|2[0-4]):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?
               (?P<tz>Z|[+-]\d{{2}}:?\d{{2}})?)?
            (?![\w\-/])""",
            self._iso,
        )
        self._add(
            "numeric",
            rf"""
            (?<![\w./\-])(?P<a>\d{{1,2}})(?P<sep>[./])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{Y})
            (?![\w/\-]|\.\d)""",
            self._numeric,
        )
        self._add(
            "month_day",
            rf"""
            (?P<mon>{MON})\s+(?:the\s+)?(?:(?P<d>{D}){_SUFFIX}|(?P<dw>{ORD}))(?!\d|:\d)
            (?:{_DASH}(?P<d2>{D}){_SUFFIX}(?!\d|:\d))?
            (?:,?\s*(?P<y>{Y})(?!\d))?{_END}""",
            self._day_in_month,
        )
        self._add(
            "day_month",
            rf"""
            (?<![\w.,])(?:the\s+)?(?P<d>{D}){_SUFFIX}(?:{_DASH}(?P<d2>{D}){_SUFFIX})?
            \s+(?:of\s+)?(?P<mon>{MON})(?:,?\s+(?P<y>{Y})(?!\d))?{_END}""",
            self._day_in_month,
        )
        self._add(
            "day_month_words",
            rf"""
            (?i:the)\s+(?P<dw>{ORD})\s+(?i:of)\s+(?P<mon>{MON})
            (?:,?\s+(?P<y>{Y})(?!\d))?{_END}""",
            self._day_in_month,
        )
        self._add(
            "month_year",
            rf"""(?P<mon>{MON}),?\s+(?:of\s+)?(?P<y>{Y})(?![\d\w])""",
            self._month_year,
        )
        self._add("month", rf"""(?<!\w)(?P<mon>{self.month_full}){_END}""", self._month)
        self._add(
            "year",
            rf"""
            (?<![\w$£€#.,:/])(?P<y>{Y})
            (?![\w%]|[.,:/\-]\d|\s*(?i:percent|per\s+cent))""",
            self._year,
        )
        self._add(
            "spoken_year",
            rf"""
            (?<![\w-])(?P<c>(?i:eighteen|nineteen|twenty))\s+
            (?P<rest>(?i:{spoken_rest}|hundred)){_END}""",
            self._spoken_year,
        )
        self._add(
            "spoken_2000s",
            rf"""
            (?<![\w-])(?i:two\s+thousand
            (?:\s+(?:and\s+)?(?P<rest>{spoken_rest}|{self.units}))?){_END}""",
            self._spoken_2000s,
        )
        self._add("the_year", rf"""(?i:the\s+year)\s+(?P<y>{Y}){_END}""", self._the_year)
        self._add("year_end", r"""(?i:year[\s-]end|year['’]s\s+end)(?!\w)""", self._year_end)
        self._add("year_fiscal", rf"""(?i:fiscal|FY)\s*(?P<y>{Y})(?!\w)""", self._year_fiscal)
        self._add(
            "decade",
            rf"""
            (?:(?i:the)\s+)?(?:(?P<dec>1\d{{2}}|20\d)0['’]?s|['’](?P<dd>\d)0s){_END}""",
            self._decade,
        )
        self._add(
            "century",
            rf"""
            (?:(?i:the)\s+)?(?P<ord>{ORD})[\s-]+(?i:century|centuries){_END}""",
            self._century,
        )
        self._add(
            "quarter",
            rf"""
            (?:(?i:the)\s+)?(?:(?i:fiscal|calendar)[\s-]+)?
            (?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+
            (?:(?i:fiscal|calendar)[\s-]+)?(?P<unit>(?i:quarter|half))
            (?:\s+(?i:of\s+)?(?:(?i:fiscal)\s+)?(?P<y>{Y})(?!\d))?{_END}""",
            self._quarter,
        )
        self._add(
            "quarter_code",
            rf"""(?<!\w)(?P<code>Q[1-4]|H[12])(?:\s+(?P<y>{Y}))?{_END}""",
            self._quarter_code,
        )
        self._add(
            "season",
            rf"""
            (?:(?i:the)\s+)?(?P<season>{self.season})
            (?:\s+(?i:of\s+)?(?P<y>{Y})(?!\d))?{_END}""",
            self._season,
        )
        self._add(
            "night_between_weekdays",
            rf"""
            (?:(?i:the)\s+)?(?i:night)\s+(?i:from|of|between)\s+(?P<wd>{self.weekday})\s+
            (?i:to|into|and|until)\s+(?P<wd2>{self.weekday}){_END}""",
            self._night_between_weekdays,
        )
        self._add(
            "overnight_into_weekday",
            rf"""(?i:overnight)\s+(?i:into|to)\s+(?P<wd2>{self.weekday}){_END}""",
            self._night_between_weekdays,
        )
        self._add("weekday", rf"""(?P<wd>{self.weekday})(?P<plural>s)?{_END}""", self._weekday)
        self._add(
            "holiday",
            rf"""
            (?P<h>(?i:{_alternation(lex.holidays)}))(?:\s+(?P<y>{Y})(?!\d))?{_END}""",
            self._holiday,
        )
        self._add("pod", rf"""(?:(?P<the>(?i:the))\s+)?(?P<pod>{self.pod}){_END}""", self._pod)
        self._add(
            "clock",
            rf"""
            (?<![\w:.,])(?P<H>[01]?\d|2[0-4])(?P<sep>[:.])(?P<M>[0-5]\d)(?::[0-5]\d)?
            (?:\s*(?P<ap>{_AMPM}))?(?![\w:]|\.\d)""",
            self._clock,
        )
        self._add(
            "clock_ampm", rf"""(?<![\w:.,])(?P<H>1[0-2]|0?[1-9])\s*(?P<ap>{_AMPM})""", self._clock
        )
        self._add(
            "clock_military",
            rf"""
            (?<![\w:.,])(?P<H>[01]\d|2[0-3])(?P<M>[0-5]\d)
            \s*(?:(?i:h|hrs|hours)(?!\w)|(?=\s*(?:{self.tz})(?!\w)))""",
            self._clock,
        )
        hour_words = _alternation(
            w for w, n in lex.numbers.items() if 1 <= n <= 12 and w not in {"a", "an"}
        )
        self._add(
            "clock_oclock",
            rf"""
            (?<![\w:.,])(?P<H>1[0-2]|0?[1-9]|(?i:{hour_words}))
            (?:\s+(?i:o['’]clock))?
            (?:\s+(?i:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<night>night)))?
            (?<=[a-z])(?!\w)""",
            self._clock_from_words,
        )
        self._add(
            "clock_word",
            rf"""(?P<w>(?i:{_alternation(lex.clock_words)})){_END}""",
            self._clock_word,
        )
        self._add("tz", rf"""(?<!\w)(?P<tz>{self.tz}){_END}""", self._tz)
        self._add(
            "deictic",
            r"""
            (?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow
                 |today|tonight|yesterday|tomorrow|overnight))(?:['’]s)?(?!\w)""",
            self._deictic,
        )
        shifts = r"""this\s+past|this\s+coming|the\s+previous|the\s+preceding|the\s+following
            |the\s+next|the\s+past|the\s+last|the\s+coming|the\s+current|the\s+latest|the\s+same
            |last|this|next|past|coming|previous|following|current|latest|same|that|these|those"""
        self._add(
            "shift",
            rf"""
            (?:(?P<adv>(?i:earlier|later))\s+(?:(?i:in|on)\s+)?)?
            (?P<shift>(?i:{shifts}))\s+(?:(?i:fiscal|calendar)\s+)?
            (?:(?P<wd>{self.weekday})|(?P<mon>{self.month_full})|(?P<season>{self.season})
              |(?P<pod>{self.pod})|(?P<unit>{self.unit_singular}))(?:['’]s)?{_END}""",
            self._shift,
        )
        self._add(
            "definite",
            rf"""
            (?i:the)\s+(?:(?i:fiscal|calendar|full)\s+)?
            (?P<unit>(?i:week|weekend|month|quarter|year|day|decade|century))(?:['’]s)?{_END}""",
            self._definite,
        )
        self._add(
            "year_ago_adjective",
            r"""
            (?:(?i:the)\s+)?(?:(?i:comparable|corresponding|same)\s+)?(?i:year)[\s-](?i:earlier|ago)
            (?:\s+(?:(?i:fiscal)\s+)?(?:(?i:first|second|third|fourth)\s+)?
               (?i:quarter|period|half|month|week|nine\s+months|six\s+months)\b)?""",
            self._year_ago_adjective,
        )
        self._add(
            "offset",
            rf"""
            (?:(?P<num>{NUM}|{self.vague_number})[\s-]+)?(?:(?i:more|additional|full|straight)\s+)?
            (?P<unit>{self.unit})\s+
            (?P<dir>(?i:ago|earlier|later|before|after|afterwards?|previously|from\s+now|hence|back))
            (?!\w)""",
            self._offset,
        )
        self._add(
            "offset_the",
            r"""
            (?i:the)\s+(?P<unit>(?i:day|night|morning|evening|week|month|year))\s+
            (?P<dir>(?i:before|after|earlier|later))(?!\w)""",
            self._offset_the,
        )
        lead = r"""the\s+(?:past|last|next|first|final|coming|previous|following|latest|entire
            |whole|same|remaining)|(?:this\s+)?past|last|next|first|coming"""
        self._add(
            "duration",
            rf"""
            (?:(?P<lead>(?i:{lead}))\s+)?(?P<num>{NUM}|{self.vague_number})(?P<frac>\s*(?:1/2|½))?
            (?:\s+(?i:more|additional|straight|consecutive|full|long))?
            [\s-]+(?P<unit>{self.unit})(?P<half>\s+(?i:and\s+a\s+half))?(?![\w-])""",
            self._duration,
        )
        self._add(
            "duration_bare",
            rf"""
            (?<![\w-])(?P<unit>(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries))
            (?:[\s-]+(?i:long))?{_END}""",
            self._duration_bare,
        )
        self._add(
            "duration_half",
            rf"""(?i:half\s+an?\s+)(?P<unit>{self.unit_singular}){_END}""",
            self._duration_half,
        )
        self._add(
            "set_every",
            rf"""
            (?i:every|each|per)\s+(?:(?P<other>(?i:other|second))\s+)?(?:(?P<num>{NUM})\s+)?
            (?:(?P<wd>{self.weekday})|(?P<mon>{self.month_full})|(?P<pod>{self.pod})
              |(?P<unit>{self.unit}))(?!\w)""",
            self._set_every,
        )
        self._add(
            "set_word",
            rf"""(?<![\w-])(?P<w>(?i:{_alternation(lex.set_words)})){_END}""",
            self._set_word,
        )
        self._add(
            "set_times",
            rf"""
            (?:(?i:once|twice|thrice)|{NUM}\s+(?i:times))\s+(?i:a|an|per|each|every)\s+
            (?P<unit>{self.unit_singular}){_END}""",
            self._set_per_unit,
        )
        self._add(
            "set_rate",
            r"""
            (?<=[\d%]\ )(?i:a|an|per)\s+(?P<unit>(?i:hour|day|week|month|year))(?!\w)""",
            self._set_per_unit,
        )
        self._add(
            "vague", rf"""(?<![\w-])(?P<w>(?i:{_alternation(lex.vague)})){_END}""", self._vague
        )
        self._add(
            "mod",
            rf"""
            (?<![\w-])(?P<w>(?i:{_alternation(self.modifiers)}))(?:\s+|-)(?=\S)""",
            self._mod,
        )

    # ----------------------------------------------------------------- handlers: dates

    def _iso(self, m: re.Match[str], text: str) -> _Parts | None:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if not _valid_day(y, mo, d):
            return None
        parts = _Parts(year=y, month=mo, day=d)
        if m["H"]:
            parts.hour, parts.minute, parts.minutes_given = int(m["H"]), int(m["M"]), True
            if m["tz"]:
                zone = m["tz"]
                parts.tz = "UTC" if zone == "Z" else f"UTC{zone[:3]}:{zone[-2:]}"
        return parts

    def _numeric(self, m: re.Match[str], text: str) -> _Parts | None:
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        # Dots are European (day first); slashes are read month first unless that is impossible.
        day, month = (a, b) if m["sep"] == "." or a > 12 else (b, a)
        return _Parts(year=y, month=month, day=day) if _valid_day(y, month, day) else None

    def _day_in_month(self, m: re.Match[str], text: str) -> _Parts | None:
        groups = m.groupdict()
        day = int(groups["d"]) if groups.get("d") else self.parse_ordinal(groups.get("dw") or "")
        month = self.month_of(m["mon"])
        year = int(m["y"]) if m["y"] else None
        if day is None or not _valid_day(year or model.PLACEHOLDER_YEAR, month, day):
            return None
        parts = _Parts(year=year, month=month, day=day)
        if groups.get("d2"):
            last = int(groups["d2"])
            if last <= day or not _valid_day(year or model.PLACEHOLDER_YEAR, month, last):
                return None
            parts.day_end = last
        return parts

    def _month_year(self, m: re.Match[str], text: str) -> _Parts | None:
        return _Parts(year=int(m["y"]), month=self.month_of(m["mon"]))

    def _month(self, m: re.Match[str], text: str) -> _Parts | None:
        if not self.hyphen_ok(text, m.start()):
            return None
        word = m["mon"].lower()
        if word == "may" and re.match(
            r"\s+(?:be|have|not|also|still|well|never)\b", text[m.end() : m.end() + 12]
        ):
            return None  # the modal verb
        parts = _Parts(month=self.month_of(word))
        if word in self.lex.ambiguous_months:
            parts.weak = not self.preceded_by(text, m.start(), self.lex.cue("before_month"))
        return parts

    def _year(self, m: re.Match[str], text: str) -> _Parts | None:
        if not self.hyphen_ok(text, m.start()):
            return None
        year = int(m["y"])
        cued = self.preceded_by(text, m.start(), self.lex.cue("before_year"))
        # A lone four-digit number is a year after a cue word ("in 1990"), or when the entity
        # recogniser says so; otherwise it is as likely a count.
        return _Parts(year=year, weak=not (cued and 1900 <= year <= 2099))

    def _spoken_year(self, m: re.Match[str], text: str) -> _Parts | None:
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m["c"].lower()]
        rest = 0 if m["rest"].lower() == "hundred" else self.parse_number(m["rest"])
        if rest is None or not 0 <= rest < 100:
            return None
        cued = self.preceded_by(text, m.start(), self.lex.cue("before_year"))
        return _Parts(year=century * 100 + int(rest), weak=not cued)

    def _spoken_2000s(self, m: re.Match[str], text: str) -> _Parts | None:
        rest = self.parse_number(m["rest"]) if m["rest"] else 0
        if rest is None:
            return None
        cued = self.preceded_by(text, m.start(), self.lex.cue("before_year"))
        return _Parts(year=2000 + int(rest), weak=not cued)

    def _the_year(self, m: re.Match[str], text: str) -> _Parts | None:
        return _Parts(year=int(m["y"]))

    def _year_end(self, m: re.Match[str], text: str) -> _Parts | None:
        # This year's end: "by year-end" is the coming one, "since year-end" (past) the last.
        return _Parts(unit="Y", shift="this", mod="END", year_end=True)

    def _year_fiscal(self, m: re.Match[str], text: str) -> _Parts | None:
        return _Parts(year=int(m["y"]))

    def _decade(self, m: re.Match[str], text: str) -> _Parts | None:
        if m["dec"]:
            return _Parts(decade=int(m["dec"]))
        return _Parts(decade=190 + int(m["dd"]))  # "the '80s": the last century

    def _century(self, m: re.Match[str], text: str) -> _Parts | None:
        n = self.parse_ordinal(m["ord"])
        return _Parts(century=n - 1) if n is not None and 1 <= n <= 22 else None

    def _quarter(self, m: re.Match[str], text: str) -> _Parts | None:
        n = self.parse_ordinal(m["ord"])
        year = int(m["y"]) if m["y"] else None
        if n is None:
            return None
        if m["unit"].lower() == "half":
            return _Parts(half=n, year=year) if n <= 2 else None
        return _Parts(quarter=n, year=year)

    def _quarter_code(self, m: re.Match[str], text: str) -> _Parts | None:
        code, year = m["code"], int(m["y"]) if m["y"] else None
        if code[0] == "Q":
            return _Parts(quarter=int(code[1]), year=year)
        return _Parts(half=int(code[1]), year=year) if year else None

    def _season(self, m: re.Match[str], text: str) -> _Parts | None:
        parts = _Parts(season=self.lex.seasons[m["season"].lower()])
        if m["y"]:
            parts.year = int(m["y"])
            return parts
        if self.followed_by_of(text, m.end()):
            return None  # "the fall of the city", "the winter of discontent"
        parts.weak = not self.preceded_by(text, m.start(), _SEASON_CUES)
        return parts

    def _weekday(self, m: re.Match[str], text: str) -> _Parts | None:
        parts = _Parts(weekday=self.lex.weekdays[m["wd"].lower()])
        if m["plural"]:
            parts.kind = "set"  # "on Tuesdays"
        return parts

    def _night_between_weekdays(self, m: re.Match[str], text: str) -> _Parts | None:
        """"the night from Tuesday to Wednesday", "overnight into Wednesday": the night that
        begins on the first day (the day before the second when only it is named)."""
        second = self.lex.weekdays[m["wd2"].lower()]
        first = self.lex.weekdays[m["wd"].lower()] if m.groupdict().get("wd") else (second - 1) % 7
        if (first + 1) % 7 != second:
            return None  # "the night from Monday to Friday" is no single night
        return _Parts(weekday=first, pod="NI")

    def _holiday(self, m: re.Match[str], text: str) -> _Parts | None:
        if not m["h"][0].isupper():
            return None  # holiday names are capitalised in running text
        rule = self.lex.holidays[_squash(m["h"])]
        return _Parts(holiday=rule, year=int(m["y"]) if m["y"] else None)

    # ----------------------------------------------------------------- handlers: times of day

    def _pod(self, m: re.Match[str], text: str) -> _Parts | None:
        code = self.lex.parts_of_day[_squash(m["pod"])]
        parts = _Parts(pod=code, definite=bool(m["the"]))
        parts.weak = not self.preceded_by(text, m.start(), _POD_CUES)
        if m["pod"].lower().endswith("s") and code != "EH":
            parts.kind, parts.weak = "set", True  # "mornings", "nights": habitual
        return parts

    def _clock(self, m: re.Match[str], text: str) -> _Parts | None:
        groups = m.groupdict()
        hour, minute = int(m["H"]), int(groups.get("M") or 0)
        ap = groups.get("ap")
        if groups.get("sep") == "." and not ap:
            return None  # "3.45" is a number unless am/pm follows
        if (ap and not 1 <= hour <= 12) or (hour == 24 and minute):
            return None
        meridiem = None if not ap else "am" if ap.lower().startswith("a") else "pm"
        return _Parts(
            hour=hour, minute=minute, minutes_given=groups.get("M") is not None, meridiem=meridiem
        )

    def _clock_from_words(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "3 o'clock", "4 in the morning", "eleven at night"."""
        n = self.parse_number(m["H"])
        if n is None or not 1 <= n <= 12:
            return None
        parts = _Parts(hour=int(n), minute=0)
        if m["pod"]:
            parts.pod = self.lex.parts_of_day[m["pod"].lower()]
        elif m["night"]:
            parts.pod = "NI"
        elif "clock" not in m.group(0).lower():
            return None
        return parts

    def _clock_word(self, m: re.Match[str], text: str) -> _Parts | None:
        hour, minute = self.lex.clock_words[m["w"].lower()]
        return _Parts(hour=hour, minute=minute, minutes_given=True)

    def _tz(self, m: re.Match[str], text: str) -> _Parts | None:
        word = _squash(m["tz"])
        zone = self.lex.timezones.get(word)
        if zone is None:
            offset = re.search(r"([+-])\s*(\d{1,2})(?::?(\d{2}))?", word)
            if offset is None:
                return None
            zone = f"UTC{offset.group(1)}{int(offset.group(2)):02d}:{offset.group(3) or '00'}"
        return _Parts(kind="tz", tz=zone)

    # ----------------------------------------------------------------- handlers: relative

    def _deictic(self, m: re.Match[str], text: str) -> _Parts | None:
        if self.in_a_name(text, m):
            return None
        word = _squash(m["w"])
        if word == "tonight":
            return _Parts(day_offset=0, pod="NI", night_deictic=True)
        if word == "overnight":
            return _Parts(day_offset=0, pod="NI", night_deictic=True, night_default_past=True)
        offsets = {
            "today": 0,
            "yesterday": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }
        return _Parts(day_offset=offsets[word])

    def _shift(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "last week", "this morning", "next Friday", "the following day", "that night"."""
        said = _squash(m["shift"])
        with_the, bare = said.startswith("the "), said.removeprefix("the ")
        shift = {
            "this past": "last",
            "this coming": "next",
            "preceding": "previous",
            "current": "this",
            "those": "that",
            "these": "this",
        }.get(bare, bare)
        parts = _Parts(shift=shift)
        if m["unit"]:
            unit = self.unit_of(m["unit"])
            if unit in {"S", "MIN", "H", "2W"}:
                return None
            parts.unit = unit
            if with_the and shift in {"next", "following"}:
                parts.shift = (
                    "following"  # "the next day", "the following week": the story moves on
                )
                return parts
            if shift == "past" or (with_the and shift in {"last", "coming"} and unit != "D"):
                # "the past week", "the coming year": a stretch of time ending or starting now
                return _Parts(kind="duration", literal=_duration_value(1, unit))
        elif m["wd"]:
            parts.weekday = self.lex.weekdays[m["wd"].lower()]
        elif m["mon"]:
            parts.month = self.month_of(m["mon"])
        elif m["season"]:
            parts.season = self.lex.seasons[m["season"].lower()]
        else:
            if shift == "past":
                return None
            parts.pod = self.lex.parts_of_day[_squash(m["pod"])]
        parts.shift = {"coming": "next", "past": "last"}.get(shift, shift)
        return parts

    def _definite(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "the year", "the quarter": the one the text is talking about."""
        if self.followed_by_of(text, m.end()):
            return None  # "the day of the attack": the event names the day, we cannot
        unit = self.unit_of(m["unit"])
        parts = _Parts(unit=unit, definite=True)
        # "the day" is mostly idiom ("during the day", "the day before the attack")
        parts.weak = unit == "D" or not self.preceded_by(text, m.start(), _PERIOD_CUES)
        return parts

    def _year_ago_adjective(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "the year-earlier period", "year-ago": a year before the period talked about."""
        return _Parts(offset_n=1, offset_dir=-1, unit="Y", offset_base="narrative")

    def _offset(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "two days ago", "a year earlier", "hours later", "two days before (May 3)"."""
        unit = self.unit_of(m["unit"])
        direction = _squash(m["dir"])
        parts = _Parts(unit=unit)
        if m["num"]:
            count = self.parse_number(m["num"])
            if count is None:
                parts.offset_range = self.lex.vague_numbers[_squash(m["num"])]
            else:
                parts.offset_n = count
        elif m["unit"].lower().endswith("s"):
            parts.offset_range = (2, 9)  # "days later"
        else:
            return None  # "day after day"
        if direction in {"before", "after"}:
            # "two days after the attack" counts from an event we cannot date; unless a date
            # follows ("two days after May 3"), it is a length of time (see _finish).
            parts.signal_len = m.end() - m.start("dir")
        if direction in {"ago", "back"}:
            parts.offset_dir, parts.offset_base = -1, "publication"
        elif direction in {"from now", "hence"}:
            parts.offset_dir, parts.offset_base = 1, "publication"
        elif direction in {"earlier", "before", "previously"}:
            parts.offset_dir, parts.offset_base = -1, "narrative"
        else:
            parts.offset_dir, parts.offset_base = 1, "narrative"
        if unit == "2W":
            parts.unit, parts.offset_n = "W", (parts.offset_n or 1) * 2
        return parts

    def _offset_the(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "the day before", "the night after", "the year before"."""
        word = m["unit"].lower()
        direction = -1 if m["dir"].lower() in {"before", "earlier"} else 1
        parts = _Parts(offset_n=1, offset_dir=direction, offset_base="narrative")
        if word in {"night", "morning", "evening"}:
            parts.unit, parts.pod = "D", self.lex.parts_of_day[word]
        else:
            parts.unit = self.unit_of(word)
        return parts

    # ----------------------------------------------------------------- handlers: lengths, sets

    def _duration(self, m: re.Match[str], text: str) -> _Parts | None:
        unit = self.unit_of(m["unit"])
        count = self.parse_number(m["num"])
        if re.match(r"(?:\s+|-)old\b", text[m.end() : m.end() + 6]):
            return None  # "52 years old", "a 40-year-old man": an age
        if count is None:
            literal = _duration_value(None, unit)
        else:
            if count >= 1000 and not m["unit"].lower().endswith("s"):
                return None  # "the 1988 quarter" names a period of a year
            if m["half"] or m["frac"]:
                count += 0.5
            literal = _duration_value(count, unit)
        parts = _Parts(kind="duration", literal=literal)
        # "one day" is as often "some day" as a length, "a second" as often an ordinal.
        parts.weak = m["num"].lower() in {"a", "an", "one"} and not m["lead"] and unit in {"D", "S"}
        return parts

    def _duration_bare(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "for years", "within hours"."""
        literal = _duration_value(None, self.unit_of(m["unit"]))
        return _Parts(
            kind="duration",
            literal=literal,
            weak=not self.preceded_by(text, m.start(), _LENGTH_CUES),
        )

    def _duration_half(self, m: re.Match[str], text: str) -> _Parts | None:
        return _Parts(kind="duration", literal=_duration_value(0.5, self.unit_of(m["unit"])))

    def _set_every(self, m: re.Match[str], text: str) -> _Parts | None:
        step = 2 if m["other"] else 1
        if m["num"]:
            n = self.parse_number(m["num"])
            if n is None:
                return None
            step *= int(n)
        if m["wd"]:
            literal = f"XXXX-WXX-{self.lex.weekdays[m['wd'].lower()]}"
        elif m["mon"]:
            literal = f"XXXX-{self.month_of(m['mon']):02d}"
        elif m["pod"]:
            literal = f"XXXX-XX-XXT{self.lex.parts_of_day[_squash(m['pod'])]}"
        else:
            literal = _duration_value(step, self.unit_of(m["unit"]))
        return _Parts(kind="set", literal=literal)

    def _set_word(self, m: re.Match[str], text: str) -> _Parts | None:
        return _Parts(kind="set", literal=self.lex.set_words[m["w"].lower()])

    def _set_per_unit(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "twice a week", "$5 a year"."""
        return _Parts(kind="set", literal=_duration_value(1, self.unit_of(m["unit"])))

    def _vague(self, m: re.Match[str], text: str) -> _Parts | None:
        if self.in_a_name(text, m):
            return None
        word = _squash(m["w"])
        if word.startswith("the ") and self.followed_by_of(text, m.end()):
            return None  # "the future of the city" is not a time
        return _Parts(kind="vague", literal=self.lex.vague[word])

    def _mod(self, m: re.Match[str], text: str) -> _Parts | None:
        return _Parts(kind="mod", mod=self.modifiers[_squash(m["w"])])

    # ----------------------------------------------------------------- atoms

    def atoms(self, text: str) -> list[_Atom]:
        """Every rule's matches, overlaps resolved: the longest wins, then the earlier rule."""
        found: list[_Atom] = []
        for name, pattern, handler in self.rules:
            for m in pattern.finditer(text):
                parts = handler(m, text) if m.end() > m.start() else None
                if parts is not None:
                    found.append(_Atom(m.start(), m.end(), parts, name))
        order = {name: i for i, (name, _, _) in enumerate(self.rules)}
        found.sort(key=lambda a: (a.start - a.end, order[a.rule], a.start))
        taken: list[_Atom] = []
        for atom in found:
            if all(atom.end <= t.start or atom.start >= t.end for t in taken):
                taken.append(atom)
        return sorted(taken, key=lambda a: a.start)


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


# --------------------------------------------------------------------------- merging atoms


_CONNECTOR = re.compile(
    r"^(?:\s*,)?\s*(?:(?P<word>on|at|of|in\s+the|at\s+around|at\s+about)\s+)?$", re.IGNORECASE
)
_POSITION_MODS = frozenset({"START", "MID", "END"})
_COUNT_MODS = frozenset({"LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"})


def _has_day(p: _Parts) -> bool:
    return p.names_a_day or (p.month is not None and p.day is not None)


def _only_time_of_day(p: _Parts) -> bool:
    """ "morning", "the evening", "early in the night": a part of day and nothing else."""
    slots = p.slots()
    return not (slots - {"pod", "rel", "mod"}) and (p.definite or "rel" not in slots)


def _can_merge(left: _Parts, right: _Parts, connector: str) -> bool:
    """Whether two neighbouring atoms are one expression ("Wednesday" + "morning")."""
    if left.kind != "date" or right.kind not in {"date", "tz"} or "\n" in connector:
        return False
    found = _CONNECTOR.match(connector)
    if found is None:
        return False
    word, comma = _squash(found["word"] or ""), "," in connector
    ls, rs = left.slots(), right.slots()
    if ls & rs:
        return False
    if right.kind == "tz":  # "2:30 am local time", "0230 GMT"
        return "clock" in ls and word == "" and not comma
    if "clock" in ls:  # "10 p.m. Wednesday", "2 pm on May 3", "5 p.m. EST, Nov. 6"
        return word in {"", "on"} and _has_day(right) and "pod" not in rs
    if "clock" in rs:  # "May 3 at 2:30 pm", "yesterday at 3 pm", "that night at 11"
        return word in {"", "at", "at around", "at about"} and (_has_day(left) or "pod" in ls)
    if "pod" in ls and _only_time_of_day(
        left
    ):  # "the evening of May 3", "the early hours of Wednesday"
        return word in {"", "of", "on"} and not comma and _has_day(right)
    if "pod" in rs and _only_time_of_day(right):  # "Wednesday morning", "yesterday afternoon"
        return word in {"", "in the"} and not comma and _has_day(left)
    if (
        "weekday" in ls
        and "monthday" not in ls
        and right.month is not None
        and right.day is not None
    ):
        return word == ""  # "Friday, Oct. 23", "the night of Friday, Oct. 23"
    if right.names_only_a_year and ls & {"monthday", "period"} and not ls & {"weekday", "clock"}:
        # "June last year", "the third quarter of 1990", "Christmas 2022"
        return word in {"", "of"} and not comma and not ("rel" in rs and left.day is not None)
    if left.names_only_a_year and "rel" not in ls and rs & {"period", "monthday"}:
        return word == "" and not comma and not rs & {"year", "rel"}  # "the 1988 second quarter"
    if left.offset_dir and left.offset_base == "narrative" and left.offset_n is not None:
        # "two days before May 3": an offset counted from the date that follows
        return (
            word == ""
            and not comma
            and (_has_day(right) or right.month is not None)
            and "rel" not in rs
        )
    return False


def _merge_parts(left: _Parts, right: _Parts) -> _Parts:
    merged = replace(left)
    for name, spec in _Parts.__dataclass_fields__.items():
        value = getattr(right, name)
        if value != spec.default and getattr(merged, name) == spec.default:
            setattr(merged, name, value)
    merged.kind = "date"
    merged.weak = left.weak and right.weak
    if left.offset_dir and left.offset_base == "narrative":
        merged.offset_base = "explicit"
    return merged


def _mod_fits(mod: str, parts: _Parts) -> bool:
    if parts.kind in {"set", "vague", "mod", "tz"} or parts.mod is not None:
        return False
    if parts.kind == "duration":
        return mod not in _POSITION_MODS and mod not in {"BEFORE", "AFTER"}
    if mod in _POSITION_MODS:
        return parts.hour is None
    if mod in _COUNT_MODS:
        return parts.offset_dir != 0
    return True


def _merge_atoms(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join atoms into expressions: modifiers onto what follows them, then neighbours."""
    attached: list[_Atom] = []
    i = 0
    while i < len(atoms):
        atom, after = atoms[i], atoms[i + 1] if i + 1 < len(atoms) else None
        if (
            atom.parts.kind == "mod"
            and after is not None
            and _mod_fits(atom.parts.mod or "", after.parts)
        ):
            gap = text[atom.end : after.start]
            if re.fullmatch(r"\s*(?:on\s+|in\s+|of\s+)?", gap, re.IGNORECASE):
                # A modifier also confirms a word that alone could be no date ("early May").
                weak = after.parts.weak and after.parts.kind != "date"
                parts = replace(after.parts, mod=atom.parts.mod, weak=weak)
                attached.append(_Atom(atom.start, after.end, parts, after.rule))
                i += 2
                continue
        attached.append(atom)
        i += 1
    merged: list[_Atom] = []
    for atom in attached:
        last = merged[-1] if merged else None
        if last is not None and _can_merge(last.parts, atom.parts, text[last.end : atom.start]):
            merged[-1] = _Atom(
                last.start, atom.end, _merge_parts(last.parts, atom.parts), last.rule
            )
        else:
            merged.append(atom)
    return [_finish(text, a) for a in merged if a.parts.kind not in {"mod", "tz"}]


def _finish(text: str, atom: _Atom) -> _Atom:
    """An offset left without the date it counts from is a length of time."""
    parts = atom.parts
    if not (parts.signal_len and parts.offset_base == "narrative"):
        return atom
    end = atom.end - parts.signal_len
    while end > atom.start and text[end - 1].isspace():
        end -= 1
    count = parts.offset_n if parts.offset_range is None else None
    literal = _duration_value(count, parts.unit or "D")
    return _Atom(
        atom.start, end, _Parts(kind="duration", literal=literal, mod=parts.mod), atom.rule
    )


# --------------------------------------------------------------------------- context of a match


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks. Straight quotes pair up; a quote left open ends with its
    paragraph (journalists reopen quotes on each paragraph of a long quotation)."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n" and opened is not None:
            regions.append((opened, i))
            opened = None
        elif ch == "“" or (ch == '"' and opened is None):
            opened = i
        elif ch in {"”", '"'} and opened is not None:
            regions.append((opened, i + 1))
            opened = None
    if opened is not None:
        regions.append((opened, len(text)))
    return regions


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|\n+")


def _sentence_starts(text: str, doc: Doc | None) -> list[int]:
    if doc is not None:
        return sorted({s.start_char for s in doc.sents} | set(_line_starts(text)))
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _index_of(starts: Sequence[int], offset: int) -> int:
    """Index of the last start at or before `offset` (starts sorted, starting at 0)."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


_FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo", "would"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re"})
_FUTURE_HEADS = frozenset({"going", "due", "set", "scheduled", "expected", "planned"})


def _tense_from_doc(doc: Doc, start: int, end: int, lex: TimeLexicon) -> Tense | None:
    """The tense of the clause the expression modifies, read from the dependency parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Token = span.root
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "compound"}:
            return _verb_tense(token, frozenset(lex.cue("future_verbs")))
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token, future_verbs: frozenset[str]) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_MODALS:
        return "past" if {"have", "would"} <= words else "future"
    if verb.lemma_.lower() in future_verbs and verb.tag_ in {"VBZ", "VBP", "VBG"}:
        return "future"  # "expects results in the third quarter", "is planning a rally Friday"
    if any(a.tag_ == "MD" for a in auxes):
        return None  # "must be returned by", "could come on": no tense of their own
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN":
        present_passive = any(a.lower_ in _PRESENT_AUX for a in auxes)
        return (
            "present" if present_passive and not any(a.lemma_ == "have" for a in auxes) else "past"
        )
    if verb.tag_ in {"VB", "VBG"} and "to" in words:
        head = verb.head
        if head.lemma_.lower() in future_verbs | {"be"} or head.lower_ in _FUTURE_HEADS:
            return "future"  # "plans to meet on Friday", "is to resume trading Tuesday"
        if head.i != verb.i and head.pos_ in {"VERB", "AUX"}:
            return _verb_tense(head, future_verbs)
        return None
    if verb.tag_ == "VBG":
        return "present" if words & _PRESENT_AUX else None
    if verb.tag_ in {"VBZ", "VBP"}:
        return "present"
    return None


def _tense_from_words(
    text: str, start: int, end: int, sentence: tuple[int, int], lex: TimeLexicon
) -> Tense | None:
    """Without a parse: the nearest tense cue word before the expression in its sentence
    decides (English puts the verb before its time adverbial), else the nearest after it."""
    future, past = set(lex.cue("future")), set(lex.cue("past"))
    before: Tense | None = None
    for m in re.finditer(r"[A-Za-z']+(?:\s+to\b)?", text[sentence[0] : sentence[1]]):
        pos = sentence[0] + m.start()
        if start <= pos < end:
            continue
        word = _squash(m.group(0))
        first = word.split()[0]
        tense: Tense | None = None
        if word in future or first in future:
            tense = "future"
        elif first in past or (first.endswith("ed") and len(first) > 4):
            tense = "past"
        if tense is None:
            continue
        if pos < start:
            before = tense  # the last one before the expression is the nearest
        else:
            return before or tense
    return before


def _relation(text: str, start: int, lex: TimeLexicon, previous: ParsedTime | None) -> Relation:
    """Does a word like "ahead of" or "since" relate the event to this time?"""
    article = re.search(r"(?i:\bthe)\s+$", text[max(0, start - 5) : start])
    cue_end = start - len(article.group(0)) if article else start  # "before the Victory Day"
    if _Grammar.preceded_by(text, cue_end, lex.cue("before_relation")):
        return "before"
    if _Grammar.preceded_by(text, cue_end, lex.cue("after_relation")):
        return "after"
    # "ahead of Victory Day, the May 9 parade", "before Victory Day and the parade on May 9":
    # an apposition or a coordinated time shares the relation.
    if previous is not None and previous.relation != "on":
        gap = text[previous.end : start]
        if re.fullmatch(r"\s*(?:,|and|or|on)?\s*(?:the\s+)?", gap, re.IGNORECASE):
            return previous.relation
    return "on"


# --------------------------------------------------------------------------- parse


def parse_times(
    text: str, *, doc: Doc | None = None, lexicon: TimeLexicon | None = None
) -> tuple[ParsedTime, ...]:
    """Find the time expressions in `text` and read their meaning, without a reference.

    `doc`, a spaCy parse of exactly `text`, adds recall through its DATE/TIME entities and
    gives each expression the tense of its clause (otherwise nearby cue words decide).
    """
    lex = lexicon or default_time_lexicon()
    if doc is not None and doc.text != text:
        raise PipelineError("parse_times got a spaCy Doc of another text; parse the same text")
    entities = (
        [(e.start_char, e.end_char) for e in doc.ents if e.label_ in {"DATE", "TIME"}]
        if doc
        else []
    )
    quotes = _quote_regions(text)
    lines = _line_starts(text)
    sentences = _sentence_starts(text, doc)
    found: list[ParsedTime] = []
    for atom in _merge_atoms(text, lex.grammar.atoms(text)):
        start, end, parts = atom.start, atom.end, atom.parts
        if parts.weak and not any(s <= start and end <= e for s, e in entities):
            continue
        s_index = _index_of(sentences, start)
        if doc is not None:
            tense = _tense_from_doc(doc, start, end, lex)
        else:
            s_end = sentences[s_index + 1] if s_index + 1 < len(sentences) else len(text)
            tense = _tense_from_words(text, start, end, (sentences[s_index], s_end), lex)
        found.append(
            ParsedTime(
                start=start,
                end=end,
                text=text[start:end],
                timex_type=_timex_type(parts),
                category=_category(parts),
                tense=tense,
                quoted=any(q0 <= start and end <= q1 for q0, q1 in quotes),
                relation=_relation(text, start, lex, found[-1] if found else None),
                paragraph=_index_of(lines, start),
                sentence=s_index,
                parts=parts,
            )
        )
    return tuple(found)


def _timex_type(parts: _Parts) -> model.TimexType:
    if parts.kind == "duration":
        return model.TimexType.DURATION
    if parts.kind == "set":
        return model.TimexType.SET
    if parts.kind == "date" and (parts.hour is not None or parts.pod is not None):
        return model.TimexType.TIME
    return model.TimexType.DATE


def _category(parts: _Parts) -> Category:
    if parts.kind == "duration":
        return "duration"
    if parts.kind == "set":
        return "set"
    if parts.kind == "vague":
        return "vague"
    if parts.offset_base == "publication" or parts.day_offset is not None or parts.night_deictic:
        return "deictic"
    if parts.offset_base in {"narrative", "explicit"} or parts.shift in _NARRATIVE_SHIFTS:
        return "narrative"
    if parts.shift is not None:
        return "deictic"
    if parts.year is not None or parts.decade is not None or parts.century is not None:
        return "absolute"
    if parts.slots() & {"monthday", "period"}:
        return "yearless"  # "the evening of May 3" too: the article belongs to the evening
    if parts.weekday is not None:
        return "weekday"
    return "narrative" if parts.definite and parts.unit else "clock"


_NARRATIVE_SHIFTS = frozenset({"previous", "following", "same", "that"})


# --------------------------------------------------------------------------- calendar periods


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
            return (
                f"{iso_year:04d}-W{week:02d}{weekend}" if self.year_known else f"XXXX-WXX{weekend}"
            )
        if g is _G.MONTH:
            return f"{year}-{first.month:02d}"
        if g is _G.SEASON:
            return f"{year}-{self.season}"
        if g is _G.QUARTER:
            return f"{year}-Q{(first.month - 1) // 3 + 1}"
        if g is _G.HALF:
            return f"{year}-H{(first.month - 1) // 6 + 1}"
        return {_G.YEAR: year, _G.DECADE: year[:3]}.get(g, year[:2])


def _period_of(
    day: dt.date, gran: _G, *, year_known: bool, lex: TimeLexicon, season: str | None = None
) -> _Period:
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
        days = [
            d
            for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).weekday() == wd
        ]
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


# --------------------------------------------------------------------------- resolution


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
    paragraph: int = 0

    @property
    def anchor(self) -> _Period | None:
        """The time the text last talked about."""
        return self.history[-1][0] if self.history else None

    def anchor_within(self, gran: _G) -> _Period | None:
        """The last time talked about that lies within one period of granularity `gran`."""
        return next((p for p, _ in reversed(self.history) if p.gran <= gran), None)

    def day_in_paragraph(self) -> _Period | None:
        """The last day (or finer) the current paragraph mentioned: a clock time's day."""
        for period, paragraph in reversed(self.history):
            if paragraph != self.paragraph:
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


def _unanchored_value(parts: _Parts) -> str:
    """A value with X for everything the reference would have given."""
    if parts.hour is not None:
        return f"XXXX-XX-XXT{parts.hour % 24:02d}:{parts.minute or 0:02d}"
    if parts.pod is not None:
        return f"XXXX-XX-XXT{'NI' if parts.pod == 'EH' else parts.pod}"
    if parts.weekday is not None:
        return f"XXXX-WXX-{parts.weekday}"
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


def _base_period(
    parts: _Parts, ctx: _Context, tense: Tense | None, *, ahead: bool = False
) -> _Base:
    """The calendar period the words name, before any part of day or clock time.

    A `_Reading` comes back directly when the expression can only be partly resolved.
    `ahead`: a word like "by" or "ahead of" makes the time a deadline or a coming event.
    """
    lex, ref, known = ctx.lex, ctx.ref, ctx.year_known
    publication = model.TimeAnchor.PUBLICATION
    if parts.offset_base == "explicit":
        return _offset(parts, ctx)  # "two days before May 3"
    if parts.century is not None:
        return _Period(
            _G.CENTURY, dt.date(max(1, parts.century * 100), 1, 1)
        ), model.TimeAnchor.ABSOLUTE
    if parts.decade is not None:
        return _Period(_G.DECADE, dt.date(parts.decade * 10, 1, 1)), model.TimeAnchor.ABSOLUTE
    in_a_year = parts.slots() & {"monthday", "period"}
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
        return _yearless(parts, ctx, None if ahead else tense, ahead=ahead)
    if parts.shift is not None:
        return _shifted(parts, ctx, tense)
    if parts.weekday is not None:
        if ref is None:
            return _Reading(value=_unanchored_value(parts), anchor=publication)
        if not known:
            return _weekday_hull(parts.weekday, ref, tense)
        return _Period(_G.DAY, _weekday_near(ref, parts.weekday, tense), known), publication
    if parts.day_offset is not None:  # today, yesterday, tonight, overnight
        if ref is None:
            return _Reading(value=_unanchored_value(parts), anchor=publication)
        offset = parts.day_offset
        if parts.night_deictic:
            past = tense == "past" or (parts.night_default_past and tense != "future")
            offset = -1 if past else 0
        return _Period(_G.DAY, ref + dt.timedelta(days=offset), known), publication
    if parts.offset_dir:
        return _offset(parts, ctx)
    if parts.definite and parts.unit is not None:
        return _definite(parts, ctx, tense)
    if parts.pod is not None or parts.hour is not None:
        # a part of day or clock time alone: the day its paragraph is on, else the reference day
        day = ctx.day_in_paragraph()
        if day is not None:
            base = (
                day if day.gran in {_G.DAY, _G.POD} else _Period(_G.DAY, day.first, day.year_known)
            )
            return base, model.TimeAnchor.NARRATIVE
        if ref is None:
            return _Reading(value=_unanchored_value(parts))
        if parts.pod == "NI" and parts.definite and parts.hour is None and tense != "future":
            # "during the night", "through the night" in a report: the night just past,
            # as with "overnight", unless the verb looks ahead
            return _Period(_G.DAY, ref - dt.timedelta(days=1), known), publication
        return _Period(_G.DAY, ref, known), publication
    return None


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


def _yearless(parts: _Parts, ctx: _Context, tense: Tense | None, *, ahead: bool = False) -> _Base:
    """ "April 24", "in February", "the third quarter", "Victory Day": the year comes from
    the reference, the tense and, for a date with its weekday, the calendar."""
    ref, lex = ctx.ref, ctx.lex
    if ref is None:
        fixed_day = parts.holiday is None or bool(re.fullmatch(r"\d{2}-\d{2}", parts.holiday))
        try:
            if fixed_day:
                return _in_year(
                    parts, model.PLACEHOLDER_YEAR, False, lex
                ), model.TimeAnchor.PUBLICATION
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
    if parts.weekday is not None:
        # "Friday, Oct. 23": the year in which Oct. 23 is a Friday, if one is near
        matching = [
            c for c in candidates if c.gran is _G.DAY and c.first.isoweekday() == parts.weekday
        ]
        candidates = matching or candidates
    return _choose_by_tense(candidates, ref, tense, lex, ahead=ahead), model.TimeAnchor.PUBLICATION


def _weekday_near(ref: dt.date, weekday: int, tense: Tense | None) -> dt.date:
    """The day a weekday name means: the coming one in the future tense, else the last one.

    Without a tense news mostly reports what happened, so a weekday is read as past unless
    the coming one is the very next day.
    """
    back = (ref.isoweekday() - weekday) % 7
    forward = (weekday - ref.isoweekday()) % 7
    if tense == "future" or (tense != "past" and forward == 1 and back > 1):
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
            return _weekday_hull(
                parts.weekday, base_day, "past" if step < 0 else "future" if step > 0 else tense
            )
        if step < 0:  # "last Friday": the one before this one
            back = (base_day.isoweekday() - parts.weekday) % 7 or 7
            return _Period(_G.DAY, base_day - dt.timedelta(days=back), known), kind
        if step > 0:
            forward = (parts.weekday - base_day.isoweekday()) % 7 or 7
            return _Period(_G.DAY, base_day + dt.timedelta(days=forward), known), kind
        return _Period(_G.DAY, _weekday_near(base_day, parts.weekday, tense), known), kind

    if parts.month is not None:
        # "last May": the most recent May before this month; "next May": the first after it
        year = base_day.year
        if step < 0 and parts.month >= base_day.month:
            year -= 1
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
            return _Reading(value=_unanchored_value(parts))
        day = base_day + dt.timedelta(days=step)
        if shift == "this" and parts.pod == "NI" and tense == "past":
            day = base_day - dt.timedelta(days=1)  # "this night" told in the past: the one gone
        return _Period(_G.DAY, day, known), kind

    if parts.unit is not None:
        gran = _UNIT_GRAN[parts.unit]
        if kind is model.TimeAnchor.NARRATIVE and base_gran > gran:
            return _Reading(value=_unanchored_value(parts))
        period = _period_of(base_day, gran, year_known=known, lex=lex)
        if gran is _G.WEEKEND and step == 0 and tense == "past" and base_day.isoweekday() < 6:
            step = -1  # "this weekend" told in the past: the one just gone
        if parts.year_end and tense == "past":
            step = -1  # "since year-end": the end of last year
        return _step(period, step), kind
    return None


def _definite(parts: _Parts, ctx: _Context, tense: Tense | None) -> _Base:
    """ "the quarter", "the year": the one the text is about, else the reference's."""
    gran = _UNIT_GRAN[parts.unit or "Y"]
    within = ctx.anchor_within(gran)
    if within is not None:
        return _period_of(
            within.first, gran, year_known=within.year_known, lex=ctx.lex
        ), model.TimeAnchor.NARRATIVE
    ref = ctx.ref
    if ref is None:
        return _Reading(value=_unanchored_value(parts))
    if gran is _G.WEEKEND:
        # "the weekend": the one just gone, unless the clause looks ahead
        saturday = ref - dt.timedelta(days=(ref.isoweekday() - 6) % 7)
        if tense == "future" and saturday + dt.timedelta(days=1) < ref:
            saturday += dt.timedelta(days=7)
        return _Period(_G.WEEKEND, saturday, ctx.year_known), model.TimeAnchor.PUBLICATION
    return _period_of(
        ref, gran, year_known=ctx.year_known, lex=ctx.lex
    ), model.TimeAnchor.PUBLICATION


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
    last = ctx.anchor
    if (
        base is None
        and unit == "Y"
        and parts.offset_n == 1
        and last is not None
        and last.gran in _SUB_YEAR
    ):
        # A year-on-year comparison: "up from $3 million a year ago" after "in the third
        # quarter" compares with the third quarter of the year before.
        base, kind = last, model.TimeAnchor.NARRATIVE
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


def _clock_hour(parts: _Parts, pod: str | None) -> int:
    """The 24-hour hour of a clock time, read with its am/pm or part of day."""
    hour = parts.hour or 0
    if parts.meridiem == "pm" and hour < 12:
        return hour + 12
    if parts.meridiem == "am" and hour == 12:
        return 0
    if (
        parts.meridiem is None
        and hour < 12
        and (pod in {"AF", "EV"} or (pod == "NI" and hour >= 6))
    ):
        return hour + 12
    return hour


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


def _narrow(
    start: dt.datetime, end: dt.datetime, mod: str | None
) -> tuple[dt.datetime, dt.datetime]:
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
    if parts.kind in {"duration", "set", "vague"}:
        return _Reading(value=parts.literal or "")
    ctx.paragraph = parsed.paragraph
    base = _base_period(parts, ctx, parsed.tense, ahead=parsed.relation == "before")
    if base is None:
        return _Reading(value=_unanchored_value(parts))
    if isinstance(base, _Reading):
        return base
    period, anchor = base
    if period.gran <= _G.DAY:
        period = _time_of_day(parts, period)
    start, end = period.bounds(ctx.lex)
    precision = _PRECISION[period.gran]
    if parts.day_end is not None and parts.day is not None and period.gran is _G.DAY:
        end += dt.timedelta(days=parts.day_end - parts.day)  # "May 3-4"
        precision = _precision_for(end - start)
    if parts.hour is not None and not parts.minutes_given and period.gran is _G.MINUTE:
        end, precision = start + dt.timedelta(hours=1), model.TimePrecision.HOUR  # "3 a.m."
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
        anchors_narrative=not parts.offset_dir,
    )


def _merge_values(values: Sequence[str]) -> str:
    """What every reading agrees on: differing components become X (2023-05-XX)."""
    first = values[0]
    if all(v == first for v in values):
        return first
    split = [re.split(r"([-T:])", v) for v in values]
    if any(len(s) != len(split[0]) for s in split):
        return first
    agreed = [
        p[0] if all(x == p[0] for x in p) else re.sub(r"\d", "X", p[0])
        for p in zip(*split, strict=True)
    ]
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
            if reading.period is not None and reading.anchors_narrative:
                ctx.history.append((reading.period, p.paragraph))
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
#: Categories whose meaning depends on when they were said.
_SPEAKER_RELATIVE = frozenset({"deictic", "weekday", "clock"})
#: How long before publication a quoted statement may have been made.
_QUOTE_LAG_DAYS = 1


def _expression(
    p: ParsedTime, readings: Sequence[_Reading], *, report_id: str
) -> model.TimeExpression:
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
    )


def find_time_expressions(
    text: str,
    *,
    reference: Reference,
    report_id: str = "",
    doc: Doc | None = None,
    lexicon: TimeLexicon | None = None,
) -> list[model.TimeExpression]:
    """Every time expression in `text`, typed and normalised TIMEX3-style against `reference`.

    `doc` is an optional spaCy parse of exactly `text` (recall from its entities, tense from
    its parse); `lexicon` defaults to the packaged words plus the user's resource dirs.
    """
    lex = lexicon or default_time_lexicon()
    parsed = parse_times(text, doc=doc, lexicon=lex)
    return resolve_times(parsed, reference=reference, report_id=report_id, lexicon=lex)


__all__ = [
    "Category",
    "ParsedTime",
    "Reference",
    "Relation",
    "Tense",
    "TimeLexicon",
    "default_time_lexicon",
    "find_time_expressions",
    "load_time_lexicon",
    "parse_times",
    "resolve_times",
]

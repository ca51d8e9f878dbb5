"""Recognising a *date line*: a line that holds one calendar date and nothing else.

Reports often open with their publication date on a line of its own ("January 21, 2025",
"21 Jan 2025", "2025-01-21", "Tuesday, 3 May 2023", "Updated: 3 May 2023, 14:05 GMT").
That line is evidence a later stage weighs against the content, so ingest records it, and
the clean-up step gives it the DATELINE role.

The test is lexical and strict on purpose: every token must be a month or day name, a
number, a clock time, a known connective ("on", "updated") or punctuation, and the numbers
must make exactly one valid day. A headline that merely starts with a date ("May 3: drones
over Moscow") has other words and is not a date line. The words live in
resources/lexicon/datelines.toml.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from corroborator.config import Settings, packaged_resource, read_resource_toml, resource_paths
from corroborator.errors import ResourceError

DATELINES_RESOURCE = "lexicon/datelines.toml"

#: A date line longer than this is prose, whatever it contains; checking it would only cost.
MAX_DATE_LINE_CHARS = 100

# Years a publication date can plausibly carry; outside, a four-digit number is a count.
_MIN_YEAR, _MAX_YEAR = 1900, 2100

_TOKEN = re.compile(
    r"""
    (?P<iso>\d{4}-\d{1,2}-\d{1,2}(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?)
    | (?P<ymd>\d{4}[./]\d{1,2}[./]\d{1,2})
    | (?P<dmy>\d{1,2}[./-]\d{1,2}[./-]\d{2,4})
    | (?P<clock>\d{1,2}[:.]\d{2}(?::\d{2})?(?![./-]\d)(?:\s*(?i:[ap]\.?m\b\.?))?
               | \d{1,2}\s*(?i:[ap]\.?m\b\.?))
    | (?P<offset>[+-]\d{1,2}(?::?\d{2})?(?!\d))
    | (?P<number>\d{1,4})(?:st|nd|rd|th)?\b
    | (?P<word>[^\W\d_]+(?:\.[^\W\d_]+)*\.?)
    | (?P<punct>[,./|:()\-–—])
    | (?P<space>\s+)
    | (?P<other>.)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, kw_only=True)
class DateParts:
    """The day a date line names; `year` is None when the line gives none ("May 3")."""

    year: int | None
    month: int
    day: int


class NotADateLine(ValueError):
    """Raised by `parse_date_line` for a line that is not only a date."""


@dataclass(frozen=True, kw_only=True)
class DateLexicon:
    months: dict[str, int]
    weekdays: frozenset[str]
    prefixes: frozenset[str]
    clock: frozenset[str]
    timezones: frozenset[str]

    def is_calendar_word(self, word: str) -> bool:
        """Month or day name: words that look like a name but never are one in a byline."""
        w = word.casefold().rstrip(".")
        return w in self.months or w in self.weekdays


def date_lexicon(settings: Settings | None = None) -> DateLexicon:
    """The date-line words: packaged, plus the user's same-named files when settings are given."""
    if settings is None:
        return _load((packaged_resource(DATELINES_RESOURCE),))
    return _load(tuple(resource_paths(DATELINES_RESOURCE, settings)))


@lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> DateLexicon:
    months: dict[str, int] = {}
    words: dict[str, set[str]] = {
        "weekdays": set(),
        "prefixes": set(),
        "clock": set(),
        "timezones": set(),
    }
    for path in paths:
        doc = _read(path)
        for number, names in doc.get("months", {}).items():
            try:
                month = int(number)
            except ValueError as exc:
                raise ResourceError(
                    f"{path}: [months] keys are month numbers, not {number!r}"
                ) from exc
            if not 1 <= month <= 12 or not isinstance(names, list):
                raise ResourceError(f"{path}: [months].{number} must be 1-12 = [names]")
            for name in names:
                months[str(name).casefold().rstrip(".")] = month
        for kind, entries in doc.get("words", {}).items():
            if kind not in words or not isinstance(entries, list):
                raise ResourceError(f"{path}: [words].{kind} is not one of {', '.join(words)}")
            words[kind].update(str(e).casefold().rstrip(".") for e in entries)
    return DateLexicon(
        months=months,
        weekdays=frozenset(words["weekdays"]),
        prefixes=frozenset(words["prefixes"]),
        clock=frozenset(words["clock"]),
        timezones=frozenset(words["timezones"]),
    )


def _read(path: Path) -> dict[str, Any]:
    return read_resource_toml(path, what="the date-line words")


def is_date_line(line: str, *, lexicon: DateLexicon) -> bool:
    """True when `line` holds one calendar day and nothing but date and time words."""
    try:
        parse_date_line(line, lexicon=lexicon)
    except NotADateLine:
        return False
    return True


def parse_date_line(line: str, *, lexicon: DateLexicon) -> DateParts:
    """The day a date line names; raises `NotADateLine` when the line is anything else."""
    text = line.strip()
    if not text or len(text) > MAX_DATE_LINE_CHARS:
        raise NotADateLine(line)
    found = _Found()
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group(kind or "other")
        if kind == "iso":
            found.add_full(_iso_parts(value))
        elif kind == "ymd":
            y, m, d = (int(p) for p in re.split(r"[./]", value))
            found.add_full([(y, m, d)])
        elif kind == "dmy":
            found.add_full(_numeric_parts(value))
        elif kind == "clock":
            found.clocks += 1
        elif kind == "offset":
            found.zones += 1
        elif kind == "number":
            found.add_number(int(match.group("number")))
        elif kind == "word":
            found.add_word(value, lexicon)
        elif kind == "other":
            raise NotADateLine(line)
    return found.result(line)


class _Found:
    """What the tokens of a candidate date line add up to."""

    def __init__(self) -> None:
        self.full: list[list[tuple[int, int, int]]] = []  # candidate readings of numeric dates
        self.months: list[int] = []
        self.days: list[int] = []
        self.years: list[int] = []
        self.weekdays = 0
        self.clocks = 0
        self.clock_marks = 0
        self.zones = 0

    def add_full(self, readings: list[tuple[int, int, int]]) -> None:
        self.full.append(readings)

    def add_number(self, n: int) -> None:
        if _MIN_YEAR <= n <= _MAX_YEAR:
            self.years.append(n)
        elif 1 <= n <= 31:
            self.days.append(n)
        else:
            raise NotADateLine(str(n))

    def add_word(self, word: str, lexicon: DateLexicon) -> None:
        w = word.casefold()
        bare = w.rstrip(".")
        if bare in lexicon.months:
            self.months.append(lexicon.months[bare])
        elif bare in lexicon.weekdays:
            self.weekdays += 1
        elif w in lexicon.clock or bare in lexicon.clock:
            self.clock_marks += 1
        elif bare in lexicon.timezones:
            self.zones += 1
        elif bare not in lexicon.prefixes:
            raise NotADateLine(word)

    def result(self, line: str) -> DateParts:
        if self.weekdays > 1 or self.clocks > 1 or len(self.full) + len(self.months) != 1:
            raise NotADateLine(line)
        # Zone and clock words only count after a clock time: "KYIV, 3 May" names the place a
        # story was filed from (a different kind of dateline), while "3 May, 14:05 Kyiv time"
        # is a date with its clock.
        if (self.zones or self.clock_marks) and not self.clocks:
            raise NotADateLine(line)
        if self.full:
            if self.months or self.days or self.years:
                raise NotADateLine(line)
            readings = [r for r in self.full[0] if _valid(*r)]
            if not readings:
                raise NotADateLine(line)
            y, m, d = readings[0]
            return DateParts(year=y, month=m, day=d)
        if len(self.days) != 1 or len(self.years) > 1:
            raise NotADateLine(line)
        year = self.years[0] if self.years else None
        month, day = self.months[0], self.days[0]
        if not _valid(year if year is not None else 2000, month, day):  # 2000: 29 Feb exists
            raise NotADateLine(line)
        return DateParts(year=year, month=month, day=day)


def _valid(year: int, month: int, day: int) -> bool:
    return (
        _MIN_YEAR <= year <= _MAX_YEAR
        and 1 <= month <= 12
        and 1 <= day <= calendar.monthrange(year, month)[1]
    )


def _iso_parts(value: str) -> list[tuple[int, int, int]]:
    y, m, d = (int(p) for p in value[:10].split("T")[0].split(" ")[0].split("-"))
    return [(y, m, d)]


def _numeric_parts(value: str) -> list[tuple[int, int, int]]:
    """Both readings of 03/05/2023 (day first, then month first); the valid ones survive."""
    a, b, c = (int(p) for p in re.split(r"[./-]", value))
    year = c + 2000 if c < 100 else c
    return [(year, b, a), (year, a, b)]

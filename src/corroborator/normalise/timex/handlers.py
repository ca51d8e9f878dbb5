"""What each grammar rule's match means: handlers that read a regex match into `_Parts`.

Separate from `grammar` because the patterns (which words count) and their readings (what
the words mean, when a match is no time after all) are long and change for different
reasons. `_Grammar` inherits these methods, so a rule and its handler still meet in one
object, and the word helpers (`preceded_by`, `in_a_name`, ...) stay reachable as
`_Grammar.preceded_by`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from corroborator import model
from corroborator.normalise.timex.parts import _duration_value, _Parts
from corroborator.normalise.timex.patterns import (
    _LENGTH_CUES,
    _PERIOD_CUES,
    _POD_CUES,
    _SEASON_CUES,
    _squash,
    _valid_day,
)

if TYPE_CHECKING:
    # Only the type: the lexicon imports the grammar (to cache it), not the other way round.
    from corroborator.normalise.timex.lexicon import TimeLexicon


#: Words that end a noun phrase: a generic noun before one of them is its head.
_FUNCTION_WORDS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "and",
        "or",
        "but",
        "of",
        "in",
        "to",
        "for",
        "with",
        "that",
        "who",
        "what",
        "have",
        "has",
        "can",
        "will",
        "would",
    ]
)


#: Modal verbs before "one day" that make it an indefinite time to come ("will one day be").
_MODALS = ("will", "would", "could", "may", "might", "can", "shall", "should", "must")


#: The minutes a clock face names by its parts: "half past", "a quarter to".
_FACE_MINUTES = {"half": 30.0, "quarter": 15.0}


class _Handlers:
    """The readings of the rules' matches, and the word helpers they use.

    Mixed into `_Grammar`, which sets the attributes below in its constructor.
    """

    lex: TimeLexicon
    month_numbers: dict[str, int]
    modifiers: dict[str, str]
    month_any: str  # regex of month names and abbreviations
    decade_words: dict[str, int]  # "nineties": 9
    weekday: str  # regex of weekday names

    # ----------------------------------------------------------------- helpers

    def parse_number(self, words: str) -> float | None:
        w = _squash(words)
        if re.fullmatch(r"[\d,]+(?:\.\d+)?", w):
            return float(w.replace(",", ""))
        if w in self.lex.numbers:
            return self.lex.numbers[w]
        scale = re.fullmatch(r"(.+)\s+(hundred|thousand)", w)
        if scale:  # "two thousand", "twenty-five hundred"
            count = self.parse_number(scale.group(1))
            return None if count is None else count * (100 if scale.group(2) == "hundred" else 1000)
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

        Mid-sentence, a capital after another capitalised word marks a proper name; after a
        word that ends a sentence ("on Wednesday. Yesterday, ...") it starts one.
        """
        word = m.group(0)
        if not word[:1].isupper() or word.isupper():
            return False
        before = text[max(0, m.start() - 30) : m.start()]
        return re.search(r"(?<![.!?:;\"“”])\s[A-Z][\w.'’-]*(?<![.!?])\s+$", " " + before) is not None

    @staticmethod
    def followed_by_of(text: str, end: int) -> bool:
        """ "the fall of the city", "the day of the attack": the thing named is not a time. An
        amount after "of" ("a high for the year of $42.875") names no event."""
        return re.match(r"\s+of\b(?!\s*(?:[$£€#]|\d))", text[end : end + 8]) is not None

    def generic_today(self, text: str, end: int) -> bool:
        """ "today's youth", "today's fast-changing world": the present age, not a day. The
        noun phrase after "today's" (up to three words, cut at a function word) decides."""
        after = re.match(r"['’]s((?:\s+[a-z][\w-]*){1,3})", text[end : end + 60])
        if after is None:
            return False
        phrase: list[str] = []
        for word in after.group(1).split():
            if word in _FUNCTION_WORDS:
                break
            phrase.append(word)
        return bool(set(phrase) & set(self.lex.cue("generic_after_today")))

    def generic_pod(self, text: str, start: int, end: int) -> bool:
        """ "state TV's morning talk show", "the night shift": a part of the day before a noun
        it classifies names a kind of show or shift, not a time. After a day ("Sunday
        morning show") it is still that day's morning."""
        after = re.match(r"\s+([a-z][\w-]*)", text[end : end + 30])
        if after is None or after.group(1) not in self.lex.cue("generic_after_part_of_day"):
            return False
        day_before = rf"(?:{self.weekday}|(?i:today|yesterday|tomorrow))\s+$"
        return re.search(day_before, text[max(0, start - 20) : start]) is None

    @staticmethod
    def hyphen_ok(text: str, start: int) -> bool:
        """A date glued on by a hyphen only after a position word ("mid-1996", "late-May")."""
        if start == 0 or text[start - 1] != "-":
            return True
        before = text[max(0, start - 6) : start]
        return re.search(r"(?i:\b(?:mid|early|late|pre|post))-$", before) is not None

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
        # Dots are European (day first). Slashes and hyphens ("21-02-2024") are written both ways
        # round: read month first here, and when day first is possible too, anchoring picks the
        # reading (_either_way).
        day, month = (a, b) if m["sep"] == "." or a > 12 else (b, a)
        if not _valid_day(y, month, day):
            return None
        either = m["sep"] in "/-" and a != b and a <= 12 and b <= 12
        return _Parts(year=y, month=month, day=day, either_way_round=either)

    def _numeric_stamp(self, m: re.Match[str], text: str) -> _Parts | None:
        """A channel's post stamp with a two-digit year before its clock: "21.10.25 15:12" (day
        first, as the dots say; the century is this one)."""
        day, month, year = int(m["a"]), int(m["b"]), 2000 + int(m["yy"])
        if not _valid_day(year, month, day):
            return None
        return _Parts(year=year, month=month, day=day)

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
        if word == "may" and re.match(r"\s+(?:be|have|not|also|still|well|never)\b", text[m.end() : m.end() + 12]):
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

    def _year_period(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "the 1988 period", "the 1988 quarter": the part of the year under comparison."""
        # "quarter" says which part of a year; "period" leaves it to the comparison
        unit = "Q" if m.group(0).lower().endswith("quarter") else None
        return _Parts(year=int(m["y"]), same_period=True, unit=unit)

    def _year_end(self, m: re.Match[str], text: str) -> _Parts | None:
        # This year's end: "by year-end" is the coming one, "since year-end" (past) the last.
        return _Parts(unit="Y", shift="this", mod="END", year_end=True)

    def _year_fiscal(self, m: re.Match[str], text: str) -> _Parts | None:
        return _Parts(year=int(m["y"]))

    def _decade(self, m: re.Match[str], text: str) -> _Parts | None:
        groups = m.groupdict()
        if groups.get("dw"):
            if self.preceded_by(text, m.start(), ("his", "her", "their", "my", "our", "your", "its")):
                return None  # "in her eighties": an age
            # "the nineties" of the last century, like "the '90s"; as often a range of
            # temperatures ("in the nineties"), so the entity recogniser must agree
            return _Parts(decade=190 + self.decade_words[groups["dw"].lower()], weak=True)
        if m["dec"]:
            return _Parts(decade=int(m["dec"]))
        return _Parts(decade=190 + int(m["dd"]))  # "the '80s": the last century

    def _century(self, m: re.Match[str], text: str) -> _Parts | None:
        n = self.parse_ordinal(m["ord"])
        return _Parts(century=n - 1) if n is not None and 1 <= n <= 22 else None

    def _quarter(self, m: re.Match[str], text: str) -> _Parts | None:
        year = int(m["y"]) if m["y"] else None
        fiscal = bool(m["fiscal"] or m["fiscal2"])
        half = m["unit"].lower() == "half"
        if m["ord"].lower() in {"last", "final"}:
            if year is None:
                return None  # "the last quarter" may be the one before this one: a shift
            n: int | None = 2 if half else 4  # "the last half of 1989"
        else:
            n = self.parse_ordinal(m["ord"])
        if n is None:
            return None
        if half:
            return _Parts(half=n, year=year, fiscal=fiscal) if n <= 2 else None
        return _Parts(quarter=n, year=year, fiscal=fiscal)

    def _two_quarters(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "the first two quarters of 1990" is its first half; a length when no year says
        which ("profits fell in the last two quarters" counts back from now)."""
        if not m["y"]:
            return None
        return _Parts(half=1 if m["ord"].lower() == "first" else 2, year=int(m["y"]))

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
        spoken_year = re.match(r"\s+of\s+(?i:eighteen|nineteen|twenty|two\s+thousand)\b", text[m.end() : m.end() + 20])
        if self.followed_by_of(text, m.end()) and not spoken_year:
            return None  # "the fall of the city", "the winter of discontent"
        parts.weak = not self.preceded_by(text, m.start(), _SEASON_CUES)
        return parts

    def _weekday(self, m: re.Match[str], text: str) -> _Parts | None:
        parts = _Parts(weekday=self.lex.weekdays[m["wd"].lower()])
        if m["plural"]:
            parts.kind = "set"  # "on Tuesdays"
        return parts

    def _night_between_weekdays(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "the night from Tuesday to Wednesday", "overnight into Wednesday": the night that
        begins on the first day (the day before the second when only it is named)."""
        # ISO weekdays, Monday 1 to Sunday 7: the night into Monday begins on Sunday
        second = self.lex.weekdays[m["wd2"].lower()]
        first = self.lex.weekdays[m["wd"].lower()] if m.groupdict().get("wd") else (second - 2) % 7 + 1
        if first % 7 + 1 != second:
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
        if not m["the"] and re.search(r"(?i)\bgood\s+$", text[max(0, m.start() - 6) : m.start()]):
            return None  # "good evening": a greeting
        parts = _Parts(pod=code, definite=bool(m["the"]))
        parts.weak = not self.preceded_by(text, m.start(), _POD_CUES)
        if self.generic_pod(text, m.start(), m.end()):
            return None  # "the morning talk show", "evening news": a kind of thing, not a time
        if m["pod"].lower().endswith("s") and code != "EH":
            parts.kind, parts.weak = "set", True  # "mornings", "nights": habitual
        elif m["the"] and self._before_or_after_an_event(text, m.end()):
            parts.event_relative = True  # "the morning after fighters detonated a device"
        return parts

    def _before_or_after_an_event(self, text: str, end: int) -> bool:
        """ "(the morning) after police arrived", "(the night) before the vote": the time is
        counted from an event; "the day after May 3" is counted from a day and is no such time."""
        relation = re.match(r"\s+(?:before|after)\s+", text[end : end + 12], re.IGNORECASE)
        if relation is None:
            return False
        following = text[end + relation.end() : end + relation.end() + 30]
        return not self._names_a_day(following)

    def _names_a_day(self, following: str) -> bool:
        """Whether the words open with a day ("last Tuesday", "May 3", "yesterday")."""
        return bool(
            re.match(
                rf"(?:(?:last|next|this)\s+)?(?:{self.month_any}|{self.weekday}|\d{{1,2}}\s+{self.month_any}"
                r"|yesterday|today|tomorrow)(?!\w)",
                following,
                re.IGNORECASE,
            )
        )

    def _clock(self, m: re.Match[str], text: str) -> _Parts | None:
        groups = m.groupdict()
        hour, minute = int(m["H"]), int(groups.get("M") or 0)
        ap = groups.get("ap")
        if groups.get("sep") == "." and not ap:
            return None  # "3.45" is a number unless am/pm follows
        if (ap and not 1 <= hour <= 12) or (hour == 24 and minute):
            return None
        meridiem = None if not ap else "am" if ap.lower().startswith("a") else "pm"
        return _Parts(hour=hour, minute=minute, minutes_given=groups.get("M") is not None, meridiem=meridiem)

    def _clock_from_words(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "3 o'clock", "4 in the morning", "eleven at night", "before eleven on Thursday night"."""
        n = self.parse_number(m["H"])
        if n is None or not 1 <= n <= 12:
            return None
        parts = _Parts(hour=int(n), minute=0)
        found = m.groupdict()
        if found.get("pod"):
            parts.pod = self.lex.parts_of_day[found["pod"].lower()]
        elif found.get("night"):
            parts.pod = "NI"
        elif "clock" not in m.group(0).lower() and not found.get("later"):
            return None  # a bare number is a clock only before the part of a named day
        return parts

    def _clock_past(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "half past eight", "a quarter to three", "twenty minutes past two"."""
        hour = self.parse_number(m["H"])
        words = _squash(m["min"]).removesuffix(" minutes").removesuffix(" minute").removeprefix("a ")
        minutes = _FACE_MINUTES.get(words) or self.parse_number(words)
        if hour is None or not 1 <= hour <= 12 or minutes is None or not 1 <= minutes < 60:
            return None
        if m["rel"].lower() == "to":
            hour, minutes = (hour - 1 or 12), 60 - minutes
        ap = m["ap"]
        meridiem = None if not ap else "am" if ap.lower().startswith("a") else "pm"
        parts = _Parts(hour=int(hour), minute=int(minutes), minutes_given=True, meridiem=meridiem)
        if m["pod"]:
            parts.pod = self.lex.parts_of_day[m["pod"].lower()]
        elif m["night"]:
            parts.pod = "NI"
        return parts

    def _clock_word(self, m: re.Match[str], text: str) -> _Parts | None:
        high = re.search(r"(?<![\w-])[Hh]igh\s+$", text[max(0, m.start() - 8) : m.start()])
        if self.in_a_name(text, m) or high:
            return None  # "High Noon", "high noon comes today": the decisive moment, not 12:00
        hour, minute = self.lex.clock_words[m["w"].lower()]
        return _Parts(hour=hour, minute=minute, minutes_given=True)

    def _tz(self, m: re.Match[str], text: str) -> _Parts | None:
        zone = self.zone_named(_squash(m["tz"]))
        return None if zone is None else _Parts(kind="tz", tz=zone)

    def zone_named(self, words: str) -> str | None:
        """What the `timezone` field records for a zone's words ("gmt", "kyiv time", "utc+3"):
        the lexicon's zone, or a fixed offset ("UTC+03:00"); None for an impossible offset."""
        zone = self.lex.timezones.get(words)
        if zone is not None:
            return zone
        offset = re.search(r"([+\-−])\s*(\d{1,2})(?::?(\d{2}))?", words)
        if offset is None or int(offset.group(2)) > 14 or int(offset.group(3) or 0) >= 60:
            return None
        sign = "+" if offset.group(1) == "+" else "-"
        return f"UTC{sign}{int(offset.group(2)):02d}:{offset.group(3) or '00'}"

    # ----------------------------------------------------------------- handlers: relative

    def _day_of_a_stretch(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "Today is the eighth day of the blockade", "it's the 100th day of the war": a day
        counted within an event is the day the clause is on; only "today"/"it is" say which."""
        if not re.search(r"(?i)\b(?:today|it|this)(?:\s+is|['’]s)\s+$", text[max(0, m.start() - 12) : m.start()]):
            return None  # "on the first day of the war": the war's day, which the words do not date
        return _Parts(day_offset=0)

    def _deictic(self, m: re.Match[str], text: str) -> _Parts | None:
        if self.in_a_name(text, m):
            return None
        word = _squash(m["w"])
        if word == "today" and self.generic_today(text, m.end()):
            return None
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
                parts.shift = "following"  # "the next day", "the following week": the story moves on
                return parts
            stretch = shift == "past" or (with_the and shift in {"last", "coming"} and unit != "D")
            if stretch and (not with_the or unit in {"DE", "CE"}):
                # "over past year", "the past decade": a length of time ending now
                return _Parts(kind="duration", literal=_duration_value(1, unit))
            if stretch:
                # "the past week", "the coming year": a stretch of time ending or starting now;
                # TimeML values it as the calendar unit before or after the reference's
                parts.stretch = True
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
        if with_the and parts.pod is not None and parts.shift == "next":
            parts.shift = "following"  # "the next morning": the morning after the story's day
        return parts

    def _definite(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "the year", "the quarter": the one the text is talking about."""
        unit = self.unit_of(m["unit"])
        week_of_a_day = unit in {"W", "WE"} and re.match(
            rf"\s+of\s+(?:{self.month_any}|{self.weekday})", text[m.end() : m.end() + 30]
        )
        if self.followed_by_of(text, m.end()) and not week_of_a_day:
            return None  # "the day of the attack": the event names the day, we cannot
        if unit == "D" and re.match(r"\s+(?:before|after)\b", text[m.end() : m.end() + 8]):
            return None  # "the day before the plunge", "the day after his death": likewise
        if unit == "Y" and re.match(r"\s+(?:ended|ending)\b", text[m.end() : m.end() + 8]):
            # "the year ended March 31": a (fiscal) year named by its last day is a stretch of
            # one year, not a calendar year; TimeML types it as a duration
            return _Parts(kind="duration", literal=_duration_value(1, unit))
        if unit == "Q":
            closing = self._quarter_ended(text, m.end())
            if closing is not None:
                return closing
        parts = _Parts(unit=unit, definite=True)
        # "the day" is mostly idiom ("during the day", "the day before the attack")
        parts.weak = unit == "D" or not self.preceded_by(text, m.start(), _PERIOD_CUES)
        return parts

    def _quarter_ended(self, text: str, end: int) -> _Parts | None:
        """ "the quarter ended Sept. 30": a company's quarter named by its last day. Its
        calendar quarter is the one holding the middle of the three months (a quarter ended
        July 31 is mostly the second; one ended Oct. 1 the third)."""
        closing = re.match(
            rf"\s+(?:that\s+|which\s+)?(?P<verb>ended|ending|ends)\s+(?:on\s+)?(?P<mon>{self.month_any})\s+(?P<d>\d{{1,2}})(?!\d)"
            rf"(?:,?\s+(?P<y>\d{{4}})(?!\d))?",
            text[end : end + 60],
        )
        if closing is None:
            return None
        year = int(closing["y"]) if closing["y"] else model.PLACEHOLDER_YEAR
        month, day = self.month_of(closing["mon"]), int(closing["d"])
        if not _valid_day(year, month, day):
            return None
        middle = dt.date(year, month, day) - dt.timedelta(days=45)
        quarter = (middle.month - 1) // 3 + 1
        # without a year the quarter is placed like any yearless one, by tense; "ended" says
        # it is over
        year_given = middle.year if closing["y"] else None
        return _Parts(quarter=quarter, year=year_given, closed=closing["verb"] == "ended")

    def _year_ago_adjective(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "the year-earlier period", "year-ago": a year before the period being reported,
        the part of a year the text compares, else the reference's year."""
        months = re.search(r"(?i)(\w+)\s+months$", m.group(0))
        count = self.parse_number(months.group(1)) if months else None
        if count is not None:
            # "the year-earlier nine months": a stretch of months, like "the nine months"
            return _Parts(kind="duration", literal=_duration_value(count, "M"))
        quarter = re.search(r"(?i)\bquarter$", m.group(0)) is not None
        return _Parts(offset_n=1, offset_dir=-1, unit="Y", offset_base="publication", compares_quarter=quarter)

    def _period_compared(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "the latest period": the part of a year the report is about."""
        return _Parts(same_period=True)

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
        if not self._approximate_count(m, parts):
            return None
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

    def _approximate_count(self, m: re.Match[str], parts: _Parts) -> bool:
        """ "a week or so ago" is about a week back; "a day or two later" one to two days on.
        False when the second count is no count ("a day or a month")."""
        if m["so"]:
            parts.mod = "APPROX"
        elif m["num2"]:
            high = self.parse_number(m["num2"])
            low = parts.offset_n
            if high is None or low is None or not low < high:
                return False
            parts.offset_n, parts.offset_range = None, (int(low), int(high))
        return True

    def _offset_the(self, m: re.Match[str], text: str) -> _Parts | None:
        """ "the day before", "the night after", "the year before"."""
        following = re.match(r"\s+([\w$“\"(]+)", text[m.end() : m.end() + 30])
        if self._names_a_day(text[m.end() : m.end() + 30].lstrip()):
            pass  # "the day before last Tuesday", "the day after May 3": counted from that date
        elif following and following.group(1).lower() not in {"and", "or", "but", "when", "while", "as"}:
            # "the day before the plunge", "the night after police arrived": a preposition or
            # a conjunction relating the day to an event; TimeML tags "the day" alone
            return None
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
        if unit == "D" and m["num"].lower() == "one" and not m["lead"] and self.preceded_by(text, m.start(), _MODALS):
            # "will one day be", "could one day replace": some time to come, not a length
            return _Parts(kind="vague", literal="FUTURE_REF")
        parts = _Parts(kind="duration", literal=literal, year_to_date=self._year_to_date(m, text, unit, count))
        # "one day" is as often "some day" as a length, "a second" as often an ordinal.
        parts.weak = m["num"].lower() in {"a", "an", "one"} and not m["lead"] and unit in {"D", "S"}
        return parts

    def _year_to_date(self, m: re.Match[str], text: str, unit: str, count: float | None) -> bool:
        """ "the nine months", "the first six months": the months of a year a report covers so
        far. A comparison after them ("up from $5 million a year earlier") is with the same
        months of the year before, which TIMEX3 can only write as that year."""
        if unit != "M" or count is None or not 2 <= count <= 11 or count != int(count):
            return False
        lead = _squash(m["lead"] or "")
        return lead in {"the first", "the latest"} or (not lead and self.preceded_by(text, m.start(), ("the",)))

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
        literal = self.lex.vague[word]
        if literal == "PRESENT_REF" and self.preceded_by(text, m.start(), ("then",)):
            literal = "PAST_REF"  # "the then current price": the present of a past time
        if re.match(r"PT?[\dX]", literal):
            return _Parts(kind="duration", literal=literal)  # "in recent weeks": PXW
        return _Parts(kind="vague", literal=literal)

    def _mod(self, m: re.Match[str], text: str) -> _Parts | None:
        return _Parts(kind="mod", mod=self.modifiers[_squash(m["w"])])

"""The rule grammar: regexes compiled from the lexicon, each finding one kind of *atom*.

Separate from the handlers (what a match means) and from the merging of atoms (which
neighbours make one expression): this module only says which words are time words, in
what order the rules are tried, and how overlapping matches are settled.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from corroborator.normalise.timex.handlers import _Handlers
from corroborator.normalise.timex.parts import _Atom, _Parts
from corroborator.normalise.timex.patterns import (
    _AMPM,
    _DASH,
    _DAY,
    _DIGITS,
    _END,
    _SUFFIX,
    _TEENS,
    _YEAR,
    _alternation,
    _capitalised,
    _squash,
)

if TYPE_CHECKING:
    # Only the type: the lexicon imports the grammar (to cache it), not the other way round.
    from corroborator.normalise.timex.lexicon import TimeLexicon

Handler = Callable[[re.Match[str], str], "_Parts | None"]

#: Words that may follow a clock told in words ("a quarter to three they heard", "half past
#: eight on Saturday"): function words and pronouns. Any other word after it makes the phrase
#: a count ("ten to twelve drones").
_CLOCK_FOLLOWERS = "|".join(
    (
        r"on|in|at|near|from|by|this|that|last|yesterday|today|tonight|local|and|but|or|when|while",
        r"as|before|after|the|i|we|he|she|they|it|you|there",
    )
)


class _Grammar(_Handlers):
    """Regex rules built from the lexicon; each rule reads its match into `_Parts`.

    Rules find *atoms* ("Wednesday", "morning", "2:30 am", "around"); `_merge_atoms` then
    joins neighbours into expressions ("around 2:30 am", "Wednesday morning").
    """

    def __init__(self, lex: TimeLexicon) -> None:
        self.lex = lex
        tens = [w for w, n in lex.numbers.items() if n in {20, 30, 40, 50, 60, 70, 80, 90}]
        units = [w for w, n in lex.numbers.items() if 1 <= n <= 9 and w not in {"a", "an"}]
        self.tens, self.units = _alternation(tens), _alternation(units)
        # "two thousand", "a hundred", "twenty-five": a count in words, times a hundred or a thousand
        small = rf"(?:(?:{self.tens})[\s-](?:{self.units})|{_alternation(lex.numbers)})"
        self.number = rf"(?:{_DIGITS}|(?i:{small}(?:\s+(?:hundred|thousand)(?!\w))?))"
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
        # Abbreviations are capitals ("9:30 a.m. ET", "1115 GMT"): in lower case "et", "eat" or
        # "cat" are words. Zones named in words ("Moscow time") match in any case.
        zones = _alternation(k for k in lex.timezones if len(k) > 3)
        abbreviations = _alternation(k.upper() for k in lex.timezones if 1 < len(k) <= 4 and " " not in k)
        # A fixed offset first: "GMT+3" is three hours from GMT, not GMT and a stray "+3".
        offset = r"(?:GMT|UTC)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?(?!\d)"
        self.tz = rf"(?:{offset}|(?i:{zones})|{abbreviations}|Z)"
        # A statement giving the zone of every time below it, opening a line, a sentence, a
        # bracket or what follows a colon or a dash, and ending with it: "All times Eastern
        # (ET).", "(all times Kyiv time)", "Times are UTC+3", "All times are local". See
        # `blanket_zones`.
        regions = _alternation(lex.zone_regions)
        self.blanket = re.compile(
            rf"""(?:^|(?<=[.!?:|–—]\s)|(?<=[(\[]))[^\S\n]*
            (?i:(?:all\s+)?times\s+(?:are\s+|were\s+)?(?:given\s+|shown\s+|listed\s+)?(?:in\s+)?)
            (?P<zone>{self.tz}|(?i:(?:{regions})(?:\s+time)?))
            (?:\s*\(\s*(?:{self.tz})\s*\))?
            (?=[^\S\n]*(?:[.;)\]]|$))""",
            re.VERBOSE | re.MULTILINE,
        )
        self.modifiers = {**lex.modifiers, **lex.positions}
        self.rules: list[tuple[str, re.Pattern[str], Handler]] = []
        self._build()

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
            (?<![\w./\-])(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{Y})
            (?![\w/\-]|\.\d)""",
            self._numeric,
        )
        self._add(
            "numeric_stamp",
            r"""
            (?<![\w./\-])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<yy>\d{2})(?=\s+(?:[01]?\d|2[0-3]):[0-5]\d(?!\d))""",
            self._numeric_stamp,
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
            (?<![\w.,/])(?:the\s+)?(?P<d>{D}){_SUFFIX}(?:(?:{_DASH}|/)(?P<d2>{D}){_SUFFIX})?
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
        self._add(
            "year_period",
            rf"""(?i:the)\s+(?P<y>{Y})\s+(?i:period|quarter){_END}""",
            self._year_period,
        )
        self._add("year_end", r"""(?i:year[\s-]end|year['’]s\s+end)(?!\w)""", self._year_end)
        self._add("year_fiscal", rf"""(?i:fiscal|FY)\s*(?P<y>{Y})(?!\w)""", self._year_fiscal)
        self._add(
            "decade",
            rf"""
            (?:(?i:the)\s+)?(?:(?P<dec>1\d{{2}}|20\d)0['’]?s|['’](?P<dd>\d)0s){_END}""",
            self._decade,
        )
        # "the nineties": a decade named in words, the plural of its tens number
        self.decade_words = {w[:-1] + "ies": int(n) // 10 for w, n in lex.numbers.items() if w.endswith("ty")}
        self._add(
            "decade_words",
            rf"""(?<![\w-])(?:(?i:the)\s+)?(?P<dw>(?i:{_alternation(self.decade_words)})){_END}""",
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
            (?:(?i:the)\s+)?(?:(?:(?P<fiscal>(?i:fiscal))|(?i:calendar))[\s-]+)?
            (?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|last|final))[\s-]+
            (?:(?:(?P<fiscal2>(?i:fiscal))|(?i:calendar))[\s-]+)?(?P<unit>(?i:quarter|half))
            (?:\s+(?i:of\s+)?(?:(?i:fiscal)\s+)?(?P<y>{Y})(?!\d))?{_END}""",
            self._quarter,
        )
        self._add(
            "two_quarters",
            rf"""
            (?:(?i:the)\s+)?(?P<ord>(?i:first|last|final))\s+(?i:two)\s+(?i:quarters)
            (?:\s+(?i:of\s+)?(?:(?i:fiscal)\s+)?(?P<y>{Y})(?!\d))?{_END}""",
            self._two_quarters,
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
            rf"""(?:(?i:overnight)|(?:(?i:the)\s+)?(?i:night))\s+(?i:into|to)\s+(?P<wd2>{self.weekday}){_END}""",
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
            (?:\s*(?P<ap>{_AMPM})|\s*(?i:h|hrs|hours)(?=\W|$))?(?![\w:]|\.\d)""",
            self._clock,
        )
        self._add("clock_ampm", rf"""(?<![\w:.,])(?P<H>1[0-2]|0?[1-9])\s*(?P<ap>{_AMPM})""", self._clock)
        # The start of a range takes the zone its end states: "between 0020 and 0210 GMT".
        self._add(
            "clock_military",
            rf"""
            (?<![\w:.,])(?P<H>[01]\d|2[0-3])(?P<M>[0-5]\d)
            \s*(?:(?i:h|hrs|hours)(?!\w)|(?=\s*\(?(?:{self.tz})(?!\w))
               |(?=(?:-|–|(?i:to|and|until|till))\s*[0-2]\d[0-5]\d\s*(?:{self.tz})(?!\w)))""",
            self._clock,
        )
        hour_words = _alternation(w for w, n in lex.numbers.items() if 1 <= n <= 12 and w not in {"a", "an"})
        self._add(
            "clock_oclock",
            rf"""
            (?<![\w:.,])(?P<H>1[0-2]|0?[1-9]|(?i:{hour_words}))
            (?:\s+(?i:o['’]clock))?
            (?:\s+(?i:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<night>night)))?
            (?<=[a-z])(?!\w)""",
            self._clock_from_words,
        )
        # A bare hour after a word of clock time, before the part of a named day: "shortly
        # before eleven on Thursday night", "at about two on Sunday morning" (the day and its
        # part are atoms of their own, which merge with the hour). Without that day part the
        # number is a count ("killed eleven on Thursday").
        self._add(
            "clock_bare_hour",
            rf"""
            (?:(?<=\b(?i:at)\s)|(?<=\b(?i:before)\s)|(?<=\b(?i:after)\s)|(?<=\b(?i:about)\s)
               |(?<=\b(?i:around)\s)|(?<=\b(?i:until)\s))
            (?P<H>(?i:{hour_words}))
            (?=\s+(?i:on)\s+(?:{self.weekday})\s+(?P<later>(?i:morning|afternoon|evening|night))(?!\w))""",
            self._clock_from_words,
        )
        # "half past eight", "a quarter to three", "twenty past two", "ten to six": the minutes
        # as a clock face tells them. Only the words a clock is read in (five-minute steps,
        # quarters, halves, or a count of "minutes"), and nothing counted after the hour
        # ("ten to twelve drones" is a count).
        self._add(
            "clock_past",
            rf"""
            (?<![\w:.,-])(?P<min>(?i:half|(?:a\s+)?quarter|five|ten|twenty|twenty[-\s]five)
              |(?:(?i:{_alternation(lex.numbers)})|[1-5]?\d)\s+(?i:minutes?))
            \s+(?P<rel>(?i:past|to|after))\s+
            (?P<H>1[0-2]|0?[1-9]|(?i:{hour_words}))
            (?:\s+(?i:o['’]clock)|\s*(?P<ap>{_AMPM}))?
            (?:\s+(?i:in\s+the\s+(?P<pod>morning|afternoon|evening)|at\s+(?P<night>night)))?
            (?!\w|\s+(?!(?i:{_CLOCK_FOLLOWERS})\b)[a-z])""",
            self._clock_past,
        )
        self._add(
            "clock_word",
            rf"""(?<!\w)(?P<w>(?i:{_alternation(lex.clock_words)})){_END}""",  # not "forenoon"
            self._clock_word,
        )
        self._add("tz", rf"""(?<!\w)(?P<tz>{self.tz}){_END}""", self._tz)
        # A zone alone in brackets after a clock: "at 9 p.m. (UTC-4)", "6:50 p.m. (ET)".
        self._add("tz_bracketed", rf"""\(\s*(?P<tz>{self.tz})\s*\)""", self._tz)
        self._add(
            "deictic",
            r"""
            (?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow
                 |today|tonight|yesterday|tomorrow|overnight))(?!\w)""",
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
              |(?P<pod>{self.pod})|(?P<unit>{self.unit_singular})){_END}""",
            self._shift,
        )
        self._add(
            "definite",
            rf"""
            (?i:the)\s+(?:(?i:fiscal|calendar|full)\s+)?
            (?P<unit>(?i:week|weekend|month|quarter|year|day|decade|century)){_END}""",
            self._definite,
        )
        self._add(
            "day_of_a_stretch",
            rf"""(?i:the)\s+(?P<ord>{self.ordinal}|\d{{1,3}}(?:,\d{{3}})?(?i:st|nd|rd|th))\s+(?i:day)(?=\s+of\s)""",
            self._day_of_a_stretch,
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
            "period_a_year_ago",
            r"""
            (?i:the)\s+(?i:comparable|corresponding|same|year-ago|year-earlier)\s+(?i:period|quarter)
            \s+(?:(?i:of)\s+)?(?i:last\s+year|a\s+year\s+(?:ago|earlier))(?!\w)""",
            self._year_ago_adjective,
        )
        self._add(
            "last_years_period",  # "last year's quarter": the quarter under comparison, a year back
            r"""(?i:last\s+year['’]s)\s+(?i:quarter|period)(?!\w)""",
            self._year_ago_adjective,
        )
        self._add(
            "period_compared",
            r"""(?i:the)\s+(?i:latest|most\s+recent|current|same)\s+(?i:period)(?!\w)""",
            self._period_compared,
        )
        self._add(
            "offset",
            rf"""
            (?:(?<![\d:.])(?P<num>{NUM}|{self.vague_number})[\s-]+)?(?:(?i:more|additional|full|straight)\s+)?
            (?P<unit>{self.unit})(?:\s+(?i:or)\s+(?:(?P<so>(?i:so))|(?P<num2>{NUM})))?\s+
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
            (?:(?P<lead>(?i:{lead}))\s+)?(?<![\d:.])(?P<num>{NUM}|{self.vague_number})(?P<frac>\s*(?:1/2|½))?
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
        self._add("vague", rf"""(?<![\w-])(?P<w>(?i:{_alternation(lex.vague)})){_END}""", self._vague)
        self._add(
            "mod",
            rf"""
            (?<![\w-])(?P<w>(?i:{_alternation(self.modifiers)}))(?:\s+|-)(?=\S)""",
            self._mod,
        )

    # ----------------------------------------------------------------- atoms

    def blanket_zones(self, text: str) -> list[tuple[int, str]]:
        """Where each statement on the zone of a report's times ends, and the zone it gives:
        live blogs and bulletins say once which zone their clocks are in ("All times Eastern
        (ET).", "Times in GMT", "(all times Kyiv time)", "Times are UTC+3"); "All times are
        local" is the place's own time."""
        found: list[tuple[int, str]] = []
        for m in self.blanket.finditer(text):
            words = _squash(m["zone"])
            zone = self.lex.zone_regions.get(words.removesuffix(" time")) or self.zone_named(words)
            if zone is not None:
                found.append((m.end(), zone))
        return found

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
        # A four-digit clock takes the space before its zone or range so that it outranks the
        # year the same digits could be ("1430 to 1530 GMT"); the expression ends at its digits.
        trimmed = [
            replace(a, end=a.start + len(text[a.start : a.end].rstrip())) if a.rule == "clock_military" else a
            for a in taken
        ]
        return sorted(trimmed, key=lambda a: a.start)

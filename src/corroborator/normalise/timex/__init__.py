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
  weekday without tense is the last one unless the coming one is tomorrow; in the present
  tense, "meet on Monday", the coming one when it is the nearer). After "by", "until",
  "to", "through" or "ahead of" a date is a deadline or a coming event whatever the tense
  of the clause ("ordered him back by Jan. 14", "extended to Nov. 20"): the nearest, a past
  one only when clearly nearer; the end of a range shares the relation of its start.
- The tense is the tense of what the time dates. A time dating a thing or a state ("a
  dividend payable Dec. 7", "the attack on May 3", "a third-quarter loss") takes none from
  the clause, which only says when it was reported; an infinitive ("to be published in
  November") or a participle ("a summit set for April") has none unless its head looks
  ahead; a plan told in the past ("planned a rally on Saturday") may lie ahead, and one the
  story overtook ("had been due to expire Friday") no longer does. A date in the present
  perfect ("has set Nov. 10 as the deadline") gets no past reading from it (English puts no
  past date there), and a time after "since" has begun. Times coordinated or in apposition
  ("will meet on Monday and Tuesday") share the tense of the clause that dates them. A fiscal quarter without a year
  takes the reference's year (its calendar months are the company's); "the quarter ended
  July 31" is the calendar quarter holding the middle of its three months. "Last February"
  is not the month just gone, which English calls "last month".
- Spans follow TimeML: a possessive 's and a preposition before the time ("for now") are
  outside the expression; "this year's third quarter" is one expression. "The past year"
  and "the coming week" are DATEs valued as the unit before or after the reference's, with
  the stretch of one unit ending (starting) at the reference as their interval; "the past
  decade", "the year ended March 31" and "recent weeks" are DURATIONs (P10Y, P1Y, PXW).
- A year-on-year comparison ("a year earlier", "year-ago", "the 1988 period", "the
  corresponding period last year", "the latest period") refers to the part of a year the
  text last talked about (a month, quarter, half or season), past any day named since and
  past any forecast (a period named in a future clause or still to come has no results to
  compare); "last year's quarter" is that quarter a year back. "The first two quarters of
  1990" is its first half. "One day" after a modal ("could one day link") is FUTURE_REF, and
  "the then current price" a present in the past (PAST_REF). A
  deadline ("by 1992", "until Tuesday") is never the time the text talks about.
- "The day" just before a named day ("during the day Friday") is that day: only the name is
  tagged. A part of the day classifying a noun ("the morning talk show", "the night shift")
  names a kind of thing, not a time (the nouns live in the resource file), unless a day
  precedes it ("Tuesday morning talk radio").
- Wire copy restates a clock time in brackets ("10:35 a.m. (0735 GMT) Friday"): the clock
  takes the day after the bracket. "The week of March 6" is the week holding that day;
  "the last half of 1989" its second half. In "the day before the vote", "before" relates
  the day to an event the words do not date, so no day is counted from the story's time;
  "the day before last Monday('s hearing)" and "the day after May 3" count from the day named.
  So "the morning after police arrived" is tagged but stays unanchored (XXXX-XX-XXTMO).
  "The third day of the strike" is dated only by "today is"/"it's" before it (the reference day).
- A date labelling its line ("12 Nov: ...", "13 Nov - ...") is an entry's day in a thread or
  diary gathered on one page: that line's deictic words and weekdays ("this morning",
  "yesterday", "on Monday") are counted from it, not from the reference day.
- "tonight" is the night starting on the reference day, except in a past-tense clause where
  it is the night just past; "overnight" is the night just past unless the clause is future.
- "That day", "that night" after a month or year the text talks about keep what it knows
  ("last October ... that same day" is 1998-10-XX). A day counted from a named day ("two
  days before May 3") becomes the time the story is on; "a year earlier" does not.
- A clock time without a day takes the last day its paragraph mentioned, else the reference
  day; "in the morning", "the afternoon" (not "this afternoon") may also take the day the
  paragraph before named (wire copy runs a sentence to a paragraph; blank lines are no
  paragraphs); the `clock` field always keeps the stated time. A stated time zone is recorded in
  `timezone`; the clock is not converted (the place, known later, decides local time). A
  fixed offset is recorded as one ("GMT+3" → "UTC+03:00"). A statement on the zone of every
  time ("All times Eastern (ET).", "Times in GMT") gives its zone to the clocks below it that
  name none (`zone=` gives one stated outside the text, in a title); a range states its zone
  once, after its end ("between 0020 and 0210 GMT": both clocks).
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
  written in years (P20Y). Values of sets: P1D for "daily", XXXX-WXX-3 for "every Wednesday",
  XXXX-WXX-5TEV for "Friday evenings".

Layout (data flows down the list; no module imports one below it, except the lexicon, which
caches the grammar compiled from its words):

- `lexicon`: `TimeLexicon`, loaded from the packaged resource file and the user's files.
- `parts`: the records passed between the steps (`_Parts`, `_Atom`, `ParsedTime`) and the
  TIMEX3 duration writer.
- `patterns`: regex fragments, cue words and small word helpers the rules are written in.
- `handlers`: what each rule's match means; `grammar`: the rules themselves and their atoms.
- `merge`: atoms joined into expressions; `context`: quotation, sentence, tense and relation
  of a match; `parse`: `parse_times`, the first step.
- `periods`: calendar arithmetic; `anchoring`: the period an expression names against one
  reference day; `resolve`: `Reference` and `resolve_times`, the second step.
"""

from __future__ import annotations

from spacy.tokens import Doc

from corroborator import model
from corroborator.normalise.timex.lexicon import TIME_LEXICON as TIME_LEXICON
from corroborator.normalise.timex.lexicon import TimeLexicon, default_time_lexicon, load_time_lexicon
from corroborator.normalise.timex.parse import parse_times, stated_zone
from corroborator.normalise.timex.parts import Category, ParsedTime, Relation, Tense
from corroborator.normalise.timex.resolve import Reference, resolve_times


def find_time_expressions(
    text: str,
    *,
    reference: Reference,
    report_id: str = "",
    doc: Doc | None = None,
    lexicon: TimeLexicon | None = None,
    zone: str | None = None,
) -> list[model.TimeExpression]:
    """Every time expression in `text`, typed and normalised TIMEX3-style against `reference`.

    `doc` is an optional spaCy parse of exactly `text` (recall from its entities, tense from
    its parse); `lexicon` defaults to the packaged words plus the user's resource dirs;
    `zone`, the zone of clocks naming none, stated outside the text (see `parse_times`).
    """
    lex = lexicon or default_time_lexicon()
    parsed = parse_times(text, doc=doc, lexicon=lex, zone=zone)
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
    "stated_zone",
]

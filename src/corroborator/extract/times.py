"""Time expressions in a report: the documented entry point of the temporal tagger.

The tagger itself lives in `corroborator.normalise.timex`, because the normalise stage
already needs it to infer when a report was published; the extract stage reads the same
expressions again with the spaCy parse (tense from the parse decides whether "on Friday" is
the last Friday or the next one). This module is the public face: `find_times` and the
`Reference` it resolves against.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta

from spacy.tokens import Doc

from corroborator import model
from corroborator.normalise.timex import Reference, TimeLexicon, find_time_expressions

__all__ = ["Reference", "clock_only", "find_times", "most_precise", "possible_nights"]


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

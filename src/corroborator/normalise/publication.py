"""When was a report published? The declared date weighed against what the content implies.

A report's declared date (metadata or a date line) is usually right, but not always: web
pages carry "updated" dates, aggregators stamp their own crawl date, templates print
today's date. The content has its own clock: an event "on May 3, 2023" cannot happen after
publication, "on Wednesday morning" in the past tense is written shortly after a Wednesday,
and "last night" or "overnight" only make sense when the night in question is the one the
report dates its events to.

How the date is inferred
1. Candidates are the declared date and, for each day the content dates (a full date, or a
   yearless one when no year is known), that day and the seven after it: a report is
   published on or shortly after what it reports.
2. Each candidate is tried as the reference: every expression is resolved against it and
   scored (see `_Weights`). A dated event on or before the candidate counts for it; one
   after it, told as past, counts against it (twice as much: it cannot be). A weekday
   ("on Wednesday", not in the future tense) counts fully on that day and a quarter less for
   each day after, up to three. "Last night", "yesterday", "overnight", "last week"... count
   when, so resolved, they meet a day the content dates. Dates that only bound the event
   ("ahead of May 9") or lie ahead of it ("will march on May 9") do not count, and neither
   do words inside quotation marks: those belong to when the speaker spoke, which the
   report seldom says.
3. The best-scoring candidates make the inferred range; when several days score the same,
   the first of them and the day after are kept (published on or just after the events).
   The declared date stands unless the best candidates beat it by at least two
   expressions' worth (`CONTRADICTION_MARGIN`: one stray expression, a typo or a quote about
   another day, must not overturn a date line) and lie more than a week from it
   (`CONTRADICTION_DISTANCE_DAYS`: within a week the date line may belong to the same news
   cycle, a weekly round-up or a late upload, and words like "last week" still reach the
   events). Then the date line is flagged as inconsistent, with the evidence, and the
   content's range is used.
4. With no declared date, the content's range is used; when nothing in the text gives a
   year, its dates carry `model.PLACEHOLDER_YEAR` and `year_known=False` (a later stage
   takes the year from another report on the same incident).

Finally the text is tagged again against the chosen reference, and those expressions are
what later stages read.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from corroborator import model
from corroborator.normalise.timex import (
    ParsedTime,
    Reference,
    TimeLexicon,
    default_time_lexicon,
    parse_times,
    resolve_times,
)

#: How much better (in expressions' worth of score) the content's best date must do than the
#: declared date before the declared date is called inconsistent.
CONTRADICTION_MARGIN = 2.0
#: How far (in days) the declared date must lie outside the content's range to be flagged.
CONTRADICTION_DISTANCE_DAYS = 7
#: A report is taken to be published on, or up to this many days after, a day it dates.
CANDIDATE_DAYS_AFTER = 7
#: "on Wednesday" in the past tense: written on that Wednesday or up to this many days later.
WEEKDAY_WINDOW_DAYS = 3
#: Among equally good days, the first and this many after it make the inferred range.
JUST_AFTER_DAYS = 1
#: A yearless date ("on 14 November") read as more than this many days before publication
#: is doubtful: news names recent days without a year and gives one to older events
#: ("last November", "in November 2023").
STALE_YEARLESS_DAYS = 183


@dataclass(frozen=True)
class _Weights:
    dated_before: float = 1.0  # a dated event on or before the candidate
    dated_after: float = -2.0  # a dated event after it, told as past: impossible
    deictic_fits: float = 1.0  # "last night", "on Wednesday"... fit the candidate
    # Factor for words inside quotation marks: they are anchored to when the speaker spoke,
    # which the report seldom says, so they say nothing about when the report was written.
    quoted: float = 0.0


WEIGHTS = _Weights()


@dataclass(frozen=True)
class _Declared:
    day: dt.date | None
    year_known: bool
    time: dt.time | None
    text: str | None
    span: model.Span | None  # the date line in the text, when it is there


@dataclass(frozen=True)
class _Judged:
    """One content expression under one candidate date: does it fit?"""

    expression: model.TimeExpression
    parsed: ParsedTime
    score: float


def infer_publication(
    *,
    report: model.Report,
    text: str,
    report_id: str,
    doc: Doc | None = None,
    lexicon: TimeLexicon | None = None,
) -> tuple[model.PublicationTime, tuple[model.TimeExpression, ...], tuple[model.Anomaly, ...]]:
    """The report's publication time, its time expressions against it, and any anomalies.

    `text` is the cleaned text (its date line, if any, still the first paragraph); `doc`, a
    spaCy parse of `text`, gives tense and entity recall to the tagger.
    """
    lex = lexicon or default_time_lexicon()
    parsed = parse_times(text, doc=doc, lexicon=lex)
    anomalies: list[model.Anomaly] = []
    declared = _declared(report, text, report_id, lex, anomalies)
    content = [p for p in parsed if declared.span is None or not _inside(p, declared.span)]
    year_known = (declared.day is not None and declared.year_known) or any(
        p.category == "absolute" for p in content
    )
    candidates = _candidates(content, declared, year_known=year_known, lex=lex)
    scores = {day: _score(content, day, year_known=year_known, lex=lex) for day in candidates}

    if not scores:
        publication = _no_evidence(declared)
    else:
        best = max(s.total for s in scores.values())
        top = sorted(day for day, s in scores.items() if abs(s.total - best) < 1e-9)
        # Nothing tells the best days apart: a report is published on or just after what
        # it reports, so the first of them and the day after are kept.
        lo = top[0]
        hi = max(d for d in top if d <= lo + dt.timedelta(days=JUST_AFTER_DAYS))
        if declared.day is not None and declared.year_known:
            declared_score = scores[declared.day]
            distance = _distance(declared.day, lo, hi)
            # A contradiction needs the relative words on its side: dates alone (a due date,
            # a maturity, a plan misread as past) never overturn a declared date.
            if (
                best - declared_score.total >= CONTRADICTION_MARGIN
                and scores[lo].support - declared_score.support >= CONTRADICTION_MARGIN
                and distance > CONTRADICTION_DISTANCE_DAYS
            ):
                publication, anomaly = _contradicted(
                    declared, scores[lo], declared_score, lo, hi, report_id
                )
                anomalies.append(anomaly)
            else:
                publication = _declared_stands(declared, declared_score, lo, hi, best)
        else:
            publication = _from_content(declared, scores[lo], lo, hi, year_known=year_known)
    if declared.time is not None and (publication.inferred_earliest, publication.inferred_latest) == (
        declared.day,
        declared.day,
    ):
        publication = publication.model_copy(update={"declared_time": declared.time})
    reference = _reference_for(publication)
    expressions = resolve_times(parsed, reference=reference, report_id=report_id, lexicon=lex)
    return publication, tuple(expressions), tuple(anomalies)


# --------------------------------------------------------------------------- the declared date


def _declared(
    report: model.Report,
    text: str,
    report_id: str,
    lex: TimeLexicon,
    anomalies: list[model.Anomaly],
) -> _Declared:
    """The declared publication date: metadata first, else the date line."""
    span = _date_line_span(report, text, report_id, lex)
    for said in (report.published, report.date_line):
        if not said or not said.strip():
            continue
        found = _read_date(said.strip(), lex)
        if found is not None:
            day, year_known, time = found
            return _Declared(day, year_known, time, said.strip(), span)
        anomalies.append(
            model.Anomaly(
                code="declared_date_unreadable",
                message=f"The declared publication date {said.strip()!r} could not be read "
                "as a date; the publication date is inferred from the content instead.",
                evidence=(span,) if span else (),
            )
        )
    if span is None:
        opening = _opening_dateline(text, report_id, lex)
        if opening is not None:
            (day, year_known, time), where = opening
            return _Declared(day, year_known, time, where.text, where)
    return _Declared(None, False, None, None, span)


#: A dateline opening the text: a place, a comma, the filing date, an optional agency in brackets,
#: then a colon or a dash ("Mir Ali, 23 Nov: ...", "RAWALPINDI, 23 November 2025: ...",
#: "NAIROBI, Nov 5 (Horn Dispatch) - ...").
_OPENING_DATELINE = re.compile(
    r"\s*[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,3},\s*(?P<date>[^()\n:–—]{3,30}?)\s*"
    r"(?:\([^)\n]{1,40}\)\s*)?(?::|\s[-–—]|[–—])"
)


def _opening_dateline(
    text: str, report_id: str, lex: TimeLexicon
) -> tuple[tuple[dt.date, bool, dt.time | None], model.Span] | None:
    """The filing date of a dateline that opens the text, for a report with no declared date:
    the day the report was written, not the day of an event it tells ("Mir Ali, 23 Nov: bodies
    of four children killed in last evening's strike" was written on the 23rd, the strike on
    the 22nd)."""
    match = _OPENING_DATELINE.match(text)
    if match is None:
        return None
    found = _read_date(match.group("date").strip(), lex)
    if found is None:
        return None
    start, end = match.span("date")
    return found, model.Span(report_id=report_id, start=start, end=end, text=text[start:end])


def _read_date(said: str, lex: TimeLexicon) -> tuple[dt.date, bool, dt.time | None] | None:
    """A date (and clock time) from a declared publication time in any common format."""
    iso = (
        said.replace("Z", "+00:00") if re.fullmatch(r"\d{4}-\d\d-\d\d[T ][\d:.]+Z", said) else said
    )
    try:
        moment = dt.datetime.fromisoformat(iso)
        has_time = len(said) > 10
        return moment.date(), True, moment.time() if has_time else None
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(said)  # "Wed, 03 May 2023 10:15:00 GMT"
        return moment.date(), True, moment.time()
    except (TypeError, ValueError, IndexError):
        pass
    for expression in resolve_times(
        parse_times(said, lexicon=lex), reference=Reference(earliest=None), lexicon=lex
    ):
        interval = expression.interval
        if interval is None or interval.precision not in _DAY_OR_FINER:
            continue
        clock = dt.time.fromisoformat(expression.clock) if expression.clock else None
        return interval.first_day(), interval.year_known, clock
    return None


_DAY_OR_FINER = frozenset(
    {
        model.TimePrecision.DAY,
        model.TimePrecision.PART_OF_DAY,
        model.TimePrecision.HOUR,
        model.TimePrecision.MINUTE,
    }
)


def _date_line_span(
    report: model.Report, text: str, report_id: str, lex: TimeLexicon
) -> model.Span | None:
    """Where the date line sits in the cleaned text (its first paragraph), if it is there."""
    if not report.date_line or not report.date_line.strip():
        return None
    wanted = report.date_line.strip()
    start = text.find(wanted)
    if start == -1:
        # Clean-up may have changed spaces or quotes: accept the first line if it is a date.
        first = text.split("\n", 1)[0]
        if _read_date(first.strip(), lex) is None:
            return None
        start, wanted = text.find(first.strip()), first.strip()
    return model.Span(report_id=report_id, start=start, end=start + len(wanted), text=wanted)


def _inside(p: ParsedTime, span: model.Span) -> bool:
    return span.start <= p.start and p.end <= span.end


# --------------------------------------------------------------------------- candidates and scores


def _candidates(
    content: Sequence[ParsedTime], declared: _Declared, *, year_known: bool, lex: TimeLexicon
) -> set[dt.date]:
    """The declared date, and each day the content dates plus the days just after it."""
    found: set[dt.date] = set()
    if declared.day is not None and declared.year_known == year_known:
        found.add(declared.day)
    dated: list[dt.date] = []
    events = [p for p in content if _dates_an_event(p)]
    unanchored = resolve_times(events, reference=Reference(earliest=None), lexicon=lex)
    for p, expression in zip(events, unanchored, strict=True):
        interval = expression.interval
        # With years known, only a date that states its year proposes a day: a yearless
        # "Nov. 10" would propose the same month and day in every year, and any deictic
        # word fits one of them.
        if interval is None or interval.precision not in _DAY_OR_FINER:
            continue
        if interval.year_known == year_known:
            dated.append(interval.first_day())
        elif year_known and declared.day is not None and p.tense == "past":
            # ... but it does propose its day in the declared year: a date line a month
            # before "the night of 14 to 15 November" is more likely wrong than the night
            # a year old (see `STALE_YEARLESS_DAYS`)
            in_declared_year = interval.with_year(declared.day.year)
            if in_declared_year is not None:
                dated.append(in_declared_year.first_day())
    for day in dated:
        found.update(day + dt.timedelta(days=k) for k in range(CANDIDATE_DAYS_AFTER + 1))
    return found


@dataclass(frozen=True)
class _Score:
    total: float  # ranks the candidates
    # How many different relative words fit ("today" said four times counts once, "last
    # week" half): what a contradiction of the declared date must rest on.
    support: float
    judged: tuple[_Judged, ...]

    def fitting(self) -> list[_Judged]:
        return [j for j in self.judged if j.score > 0]


def _score(
    content: Sequence[ParsedTime], day: dt.date, *, year_known: bool, lex: TimeLexicon
) -> _Score:
    """How well the content fits publication on `day`."""
    resolved = resolve_times(
        content, reference=Reference(earliest=day, year_known=year_known), lexicon=lex
    )
    dated = [
        e.interval
        for p, e in zip(content, resolved, strict=True)
        if e.interval is not None and _dates_an_event(p) and e.interval.precision in _DAY_OR_FINER
    ]
    end_of_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    judged: list[_Judged] = []
    for p, e in zip(content, resolved, strict=True):
        interval = e.interval
        if interval is None:
            continue
        weight = WEIGHTS.quoted if p.quoted else 1.0
        score = 0.0
        if p.category in {"absolute", "yearless"}:
            if not _dates_an_event(p):
                continue  # a plan or a deadline says little about when it was written
            if p.category == "yearless" and p.tense == "past" and _stale(interval, day):
                score = 0.0  # news gives a year to what is that old: this reading is doubtful
            elif interval.start < end_of_day:
                score = WEIGHTS.dated_before
            elif p.tense == "past":
                score = WEIGHTS.dated_after
            else:
                continue  # a later date without a past tense may be a due date or a plan
        elif p.category == "weekday" and p.tense != "future":
            # "on Wednesday" is most often written that Wednesday or the day after; the fit
            # weakens with each day after, and ends after WEEKDAY_WINDOW_DAYS.
            written_after = (day - interval.first_day()).days
            closeness = 1 - written_after / (WEEKDAY_WINDOW_DAYS + 1)
            fits = 0 <= written_after <= WEEKDAY_WINDOW_DAYS
            score = WEIGHTS.deictic_fits * closeness if fits else 0.0
        elif p.category == "deictic" and interval.precision in _DEICTIC_WEIGHT:
            fits = _meets(interval, dated)
            score = WEIGHTS.deictic_fits * _DEICTIC_WEIGHT[interval.precision] if fits else 0.0
        else:
            continue
        judged.append(_Judged(e, p, score * weight))
    support: dict[str, float] = {}
    # A yearless date told as past is relative to the publication year, as "on Friday" is to
    # its week; it supports the day as relative words do, but only when a weekday falls right
    # for the same day: the calendar then checks it ("the night of 14 to 15 November ... on
    # Friday" in 2024), where "yesterday" would fit any day a stray date proposed.
    weekday_fits = any(j.parsed.category == "weekday" and j.score > 0 for j in judged)
    for j in judged:
        yearless = j.parsed.category == "yearless" and j.parsed.tense == "past" and weekday_fits
        if j.score > 0 and (j.parsed.category in {"weekday", "deictic"} or yearless):
            word = " ".join(j.parsed.text.lower().split())
            weight = _DEICTIC_WEIGHT.get(j.expression.precision or model.TimePrecision.DAY, 1.0)
            support[word] = max(support.get(word, 0.0), weight)
    return _Score(sum(j.score for j in judged), sum(support.values()), tuple(judged))


#: How much a relative word that meets a dated day says, by how precise it is: "last night"
#: pins the day, "last week" only the week.
_DEICTIC_WEIGHT = {
    model.TimePrecision.MINUTE: 1.0,
    model.TimePrecision.HOUR: 1.0,
    model.TimePrecision.PART_OF_DAY: 1.0,
    model.TimePrecision.DAY: 1.0,
    model.TimePrecision.WEEK: 0.5,
}


def _stale(interval: model.TimeInterval, day: dt.date) -> bool:
    """A yearless date told as past that only fits in the year before publication, more than
    `STALE_YEARLESS_DAYS` back: in the publication year it would lie after publication.
    ("The fiscal year ended Jan. 31" in October is this year's January, and fine.)"""
    first = interval.first_day()
    return first.year < day.year and (day - first).days > STALE_YEARLESS_DAYS


def _dates_an_event(p: ParsedTime) -> bool:
    """A calendar date told as the time something happened (not "ahead of May 9", not a plan)."""
    return p.category in {"absolute", "yearless"} and p.relation != "before" and p.tense != "future"


def _meets(interval: model.TimeInterval, dated: Sequence[model.TimeInterval]) -> bool:
    """Does a relative expression, so resolved, share a moment with a day the content dates?"""
    return any(interval.start < d.end and d.start < interval.end for d in dated)


def _distance(day: dt.date, lo: dt.date, hi: dt.date) -> int:
    if day < lo:
        return (lo - day).days
    if day > hi:
        return (day - hi).days
    return 0


# --------------------------------------------------------------------------- the verdict


def _cited(judged: Sequence[_Judged], limit: int = 4) -> str:
    words = []
    for j in judged:
        quoted = f"'{j.expression.span.text}'"
        if quoted not in words:
            words.append(quoted)
    shown = ", ".join(words[:limit])
    return shown + (f" and {len(words) - limit} more" if len(words) > limit else "")


def _range_text(lo: dt.date, hi: dt.date, *, year_known: bool = True) -> str:
    def one(d: dt.date) -> str:
        return d.isoformat() if year_known else f"XXXX-{d.month:02d}-{d.day:02d}"

    return one(lo) if lo == hi else f"{one(lo)} to {one(hi)}"


def _contradicted(
    declared: _Declared, best: _Score, at_declared: _Score, lo: dt.date, hi: dt.date, report_id: str
) -> tuple[model.PublicationTime, model.Anomaly]:
    assert declared.day is not None
    fitting_declared = {j.expression.span.start for j in at_declared.fitting()}
    against = [j for j in best.fitting() if j.expression.span.start not in fitting_declared]
    dated = [j for j in against if j.parsed.category in {"absolute", "yearless"}]
    deictic = [j for j in against if j.parsed.category not in {"absolute", "yearless"}]
    where = (
        f"the date line ({declared.text!r})"
        if declared.span
        else f"the declared date ({declared.text!r})"
    )
    parts = [
        f"{where} gives {declared.day.isoformat()}, but the report's own time expressions place it "
        f"on or shortly after the events, {_range_text(lo, hi)}"
    ]
    if dated:
        parts.append(f"{_cited(dated)} date the events")
    if deictic:
        parts.append(f"{_cited(deictic)} only fit publication shortly after them")
    message = "; ".join(parts) + (
        f" ({best.total:g} against {at_declared.total:g} for the declared date)."
    )
    message = message[0].upper() + message[1:]
    evidence = ((declared.span,) if declared.span else ()) + tuple(
        j.expression.span for j in against
    )
    anomaly = model.Anomaly(code="date_line_inconsistent", message=message, evidence=evidence)
    publication = model.PublicationTime(
        declared=declared.day,
        declared_text=declared.text,
        inferred_earliest=lo,
        inferred_latest=hi,
        year_known=True,
        year_source="content",
        date_line_inconsistent=True,
        basis=(
            f"Declared {declared.day.isoformat()} from {declared.text!r}.",
            f"The content fits publication on {_range_text(lo, hi)} best: {_cited(best.fitting())} "
            f"(score {best.total:g}).",
            f"At the declared date the score is {at_declared.total:g}; the content's range lies "
            f"more than {CONTRADICTION_DISTANCE_DAYS} days away and scores at least "
            f"{CONTRADICTION_MARGIN:g} more, so the declared date is set aside.",
        ),
        evidence=tuple(j.expression.span for j in best.fitting()),
    )
    return publication, anomaly


def _declared_stands(
    declared: _Declared, at_declared: _Score, lo: dt.date, hi: dt.date, best: float
) -> model.PublicationTime:
    assert declared.day is not None
    basis = [f"Declared {declared.day.isoformat()} from {declared.text!r}."]
    fitting = at_declared.fitting()
    if fitting:
        basis.append(
            f"Consistent with the content: {_cited(fitting)} (score {at_declared.total:g})."
        )
    if best > at_declared.total:
        basis.append(
            f"The content alone would point to {_range_text(lo, hi)} (score {best:g}), too "
            "close or too weakly supported to contradict the declared date."
        )
    return model.PublicationTime(
        declared=declared.day,
        declared_text=declared.text,
        inferred_earliest=declared.day,
        inferred_latest=declared.day,
        year_known=True,
        year_source="declared",
        basis=tuple(basis),
        evidence=tuple(j.expression.span for j in fitting),
    )


def _from_content(
    declared: _Declared, best: _Score, lo: dt.date, hi: dt.date, *, year_known: bool
) -> model.PublicationTime:
    basis = [
        "No declared publication date."
        if declared.day is None
        else f"The declared date {declared.text!r} has no year; the content decides."
    ]
    days = _range_text(lo, hi, year_known=year_known)
    if best.support > 0:
        basis.append(
            f"The content fits publication on {days} best: {_cited(best.fitting())} "
            f"(score {best.total:g})."
        )
    else:
        # Only dates, no word that ties the writing to a day: a weak guess, said as such.
        basis.append(
            f"No relative word ties the writing to a day; taken as published on or just after "
            f"the latest day the report dates ({days}): {_cited(best.fitting())}."
        )
    if not year_known:
        basis.append("No year is stated anywhere in the report: the year is unknown at this stage.")
    return model.PublicationTime(
        declared=declared.day,
        declared_text=declared.text,
        inferred_earliest=lo,
        inferred_latest=hi,
        year_known=year_known,
        year_source="content" if year_known else "none",
        basis=tuple(basis),
        evidence=tuple(j.expression.span for j in best.fitting()),
    )


def _no_evidence(declared: _Declared) -> model.PublicationTime:
    if declared.day is not None:
        return model.PublicationTime(
            declared=declared.day,
            declared_text=declared.text,
            inferred_earliest=declared.day,
            inferred_latest=declared.day,
            year_known=declared.year_known,
            year_source="declared" if declared.year_known else "none",
            basis=(
                f"Declared {declared.day.isoformat()} from {declared.text!r}; "
                "the content dates nothing.",
            ),
        )
    return model.PublicationTime(
        basis=(
            "No declared publication date, and the content dates no day: publication time unknown.",
        ),
    )


def _reference_for(publication: model.PublicationTime) -> Reference:
    if publication.inferred_earliest is None:
        return Reference(earliest=None)
    return Reference(
        earliest=publication.inferred_earliest,
        latest=publication.inferred_latest,
        year_known=publication.year_known,
        time=publication.declared_time,
    )

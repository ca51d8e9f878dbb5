"""Candidate pairs for linking: only frames that could be one event are ever scored.

A pair can only be one event when its frames are of one family, their countries agree
(or one is unknown), and their times overlap (within the linker's slack). Blocking
indexes every frame under the *cells* its times cover and pairs only frames whose cells
meet, so a frame meets the frames of its own days, not of its month or its year: with
reports arriving at a steady rate, each frame meets a bounded number of others and the
number of pairs grows linearly with the archive, where comparing within calendar months
grew with its square.

Cells, and why two kinds
- A precise time (a day, a night, a week at most) covers *day* cells; a coarse one (a
  month, a year, "in recent weeks") covers *month* cells. Two precise frames meet on a
  shared day; a coarse frame looks up every precise frame of its months (it is compatible
  with all of them), but precise frames never look each other up by month, which is what
  keeps the pairs few.
- A date without a year (a report that never says which) matches any year's same
  calendar day, as `TimeInterval.overlaps` does: such frames look up year-agnostic
  copies of the dated frames' cells; dated frames never look each other up by those.
- A frame with no date of its own is placed in the week before its report's
  publication: news reports recent events (the scorer credits the same window).
- A frame with neither a date nor a publication date cannot be placed in time; it meets
  every frame of its family and country. Such frames are rare (any dated report places
  its undated mentions), and they are counted in the bench output.

Every pair the blocking drops would have been vetoed by the scorer ("dates cannot be
the same event"), except pairs involving an undated frame more than a week older than
its report: an undated mention is taken to be recent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from corroborator import model
from corroborator.link.features import FrameFeatures, countries

#: Longest interval indexed by its days; longer ones are indexed by month.
_PRECISE = timedelta(days=8)
#: How long before publication an undated mention counts as recent (the scorer's window too).
RECENT = timedelta(days=7)
_ANY_COUNTRY = "*"


@dataclass(frozen=True)
class Cells:
    """Where a frame is filed (`keys`) and where it looks for partners (`probes`)."""

    keys: frozenset[str]
    probes: frozenset[str]


@dataclass
class BlockingStats:
    """What blocking did, for the bench: pairs proposed and frames it could not place."""

    frames: int = 0
    pairs: int = 0
    unplaced: int = 0


def _days(start: datetime, end: datetime) -> Iterator[date]:
    day, last = start.date(), (end - timedelta(microseconds=1)).date()
    while day <= last:
        yield day
        day += timedelta(days=1)


def _months(start: datetime, end: datetime) -> list[tuple[int, int]]:
    first, last = start.date(), (end - timedelta(microseconds=1)).date()
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def interval_cells(interval: model.TimeInterval, *, slack: timedelta) -> Cells:
    """The cells of one interval; `slack` widens the reach as the scorer's overlap does.

    Key prefixes: D day, M month reached by a precise time, C month of a coarse time; A,
    AM, AC the same without the year (looked up by yearless frames); YD, YM, YC the cells
    of yearless frames themselves. A precise time files itself under the months its
    widened interval reaches, so a coarse time need only look in its own months: a month
    looking at its neighbours too would meet three months of precise frames, not one.
    """
    wide_start, wide_end = interval.start - slack, interval.end + slack
    precise = interval.duration <= _PRECISE
    keys: set[str] = set()
    probes: set[str] = set()
    own_months = _months(interval.start, interval.end)
    wide_months = _months(wide_start, wide_end)
    if precise:
        own_days = list(_days(interval.start, interval.end))
        wide_days = list(_days(wide_start, wide_end))
        if interval.year_known:
            keys |= {f"D{d.isoformat()}" for d in own_days}
            keys |= {f"A{d.month:02d}-{d.day:02d}" for d in own_days}
            keys |= {f"M{y:04d}-{m:02d}" for y, m in wide_months}
            keys |= {f"AM{m:02d}" for _, m in wide_months}
            probes |= {f"D{d.isoformat()}" for d in wide_days}
        else:
            keys |= {f"YD{d.month:02d}-{d.day:02d}" for d in own_days}
            keys |= {f"YM{m:02d}" for _, m in wide_months}
            probes |= {f"{p}{d.month:02d}-{d.day:02d}" for d in wide_days for p in ("A", "YD")}
            probes |= {f"AC{m:02d}" for _, m in wide_months}
    elif interval.year_known:
        keys |= {f"C{y:04d}-{m:02d}" for y, m in own_months}
        keys |= {f"AC{m:02d}" for _, m in own_months}
        probes |= {f"M{y:04d}-{m:02d}" for y, m in own_months}
        probes |= {f"C{y:04d}-{m:02d}" for y, m in wide_months}
    else:
        keys |= {f"YC{m:02d}" for _, m in own_months}
        probes |= {f"{p}{m:02d}" for _, m in own_months for p in ("AM", "YM")}
        probes |= {f"{p}{m:02d}" for _, m in wide_months for p in ("AC", "YC")}
    return Cells(frozenset(keys), frozenset(probes))


def frame_intervals(feature: FrameFeatures) -> tuple[model.TimeInterval, ...]:
    """The frame's dated intervals, or the week before publication for an undated frame."""
    if feature.intervals:
        return feature.intervals
    if feature.published is None:
        return ()
    window = feature.published
    return (window.model_copy(update={"start": window.start - RECENT}),)


@dataclass
class _Index:
    #: (family, cell) → country → frame indexes
    cells: dict[tuple[str, str], dict[str, list[int]]] = field(default_factory=dict)

    def add(self, family: str, key: str, country: str, index: int) -> None:
        self.cells.setdefault((family, key), {}).setdefault(country, []).append(index)

    def lookup(self, family: str, key: str, country: str) -> Iterable[int]:
        by_country = self.cells.get((family, key))
        if not by_country:
            return ()
        if country == _ANY_COUNTRY:
            return [i for members in by_country.values() for i in members]
        return [*by_country.get(country, ()), *by_country.get(_ANY_COUNTRY, ())]


def candidate_pairs(
    features: Sequence[FrameFeatures], *, slack: timedelta, stats: BlockingStats | None = None
) -> list[tuple[int, int]]:
    """Index pairs (i < j) of frames from different reports that blocking lets meet."""
    index = _Index()
    probes: list[tuple[frozenset[str], tuple[str, ...]]] = []
    unplaced: list[int] = []
    for i, feature in enumerate(features):
        cs = tuple(sorted(countries(feature.places))) or (_ANY_COUNTRY,)
        intervals = frame_intervals(feature)
        if not intervals:
            unplaced.append(i)
            probes.append((frozenset(), cs))
            continue
        keys: set[str] = set()
        looks: set[str] = set()
        for interval in intervals:
            cells = interval_cells(interval, slack=slack)
            keys |= cells.keys
            looks |= cells.probes
        for key in keys:
            for country in cs:
                index.add(feature.family, key, country, i)
        probes.append((frozenset(looks), cs))

    pairs: set[tuple[int, int]] = set()

    def meet(i: int, j: int) -> None:
        if i != j and features[i].report_id != features[j].report_id:
            pairs.add((i, j) if i < j else (j, i))

    for i, (wanted_cells, wanted_countries) in enumerate(probes):
        family = features[i].family
        for key in wanted_cells:
            for country in wanted_countries:
                for j in index.lookup(family, key, country):
                    meet(i, j)
    for i in unplaced:
        wanted = set(probes[i][1])
        for j, other in enumerate(features):
            if other.family != features[i].family:
                continue
            theirs = set(probes[j][1])
            if _ANY_COUNTRY in wanted or _ANY_COUNTRY in theirs or wanted & theirs:
                meet(i, j)
    if stats is not None:
        stats.frames += len(features)
        stats.pairs += len(pairs)
        stats.unplaced += len(unplaced)
    return sorted(pairs)

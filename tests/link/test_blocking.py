"""Blocking: every pair that could be one event is proposed, and few others are."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborator import model
from corroborator.link.blocking import BlockingStats, candidate_pairs
from corroborator.link.features import FrameFeatures

SLACK = timedelta(hours=12)
P = model.TimePrecision


def place(country: str) -> model.PlaceMention:
    where = model.Place(id=f"test:{country}", name=country, kind="country", country_code=country)
    return model.PlaceMention(
        span=model.Span(report_id="r", start=0, end=1, text="x"), place=where, precision=model.GeoPrecision.REGION
    )


def interval(start: datetime, hours: float, *, year_known: bool = True) -> model.TimeInterval:
    precision = P.DAY if hours <= 24 else P.MONTH
    return model.TimeInterval(
        start=start, end=start + timedelta(hours=hours), precision=precision, year_known=year_known
    )


def frame(
    report: str,
    *intervals: model.TimeInterval,
    family: str = "violence",
    country: str | None = "UA",
    published: model.TimeInterval | None = None,
) -> FrameFeatures:
    return FrameFeatures(
        frame=model.Frame(
            id=f"{report}#f1",
            report_id=report,
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            mentions=(),
        ),
        report_id=report,
        family=family,
        intervals=intervals,
        places=(place(country),) if country else (),
        weapons=frozenset(),
        counts={},
        actors=frozenset(),
        terms=Counter(),
        published=published,
    )


def day(d: int, month: int = 3, year: int = 2024) -> datetime:
    return datetime(year, month, d)


def test_blocking_same_night_meets_and_other_days_do_not() -> None:
    frames = [
        frame("a", interval(day(4, 3).replace(hour=18), 12)),
        frame("b", interval(day(5, 3), 24)),
        frame("c", interval(day(9, 3), 24)),
    ]
    assert candidate_pairs(frames, slack=SLACK) == [(0, 1)]


def test_blocking_slack_reaches_across_midnight() -> None:
    """An evening ending at 23:00 and a morning from 06:00 are within the scorer's slack."""
    frames = [
        frame("a", interval(day(4).replace(hour=19), 4)),
        frame("b", interval(day(5).replace(hour=6), 6)),
        frame("c", interval(day(7).replace(hour=6), 6)),
    ]
    assert candidate_pairs(frames, slack=SLACK) == [(0, 1)]


def test_blocking_frames_of_one_report_never_meet() -> None:
    frames = [frame("a", interval(day(5), 24)), frame("a", interval(day(5), 24))]
    assert candidate_pairs(frames, slack=SLACK) == []


def test_blocking_families_and_countries_must_agree() -> None:
    when = interval(day(5), 24)
    frames = [
        frame("a", when),
        frame("b", when, family="policy"),
        frame("c", when, country="RU"),
        frame("d", when, country=None),
    ]
    # the country-less frame meets both countries; the policy frame meets nobody
    assert candidate_pairs(frames, slack=SLACK) == [(0, 3), (2, 3)]


def test_blocking_a_month_meets_the_days_inside_it_only() -> None:
    frames = [
        frame("a", interval(day(1, 3), 31 * 24)),
        frame("b", interval(day(5, 3), 24)),
        frame("c", interval(day(20, 3), 24)),
        frame("d", interval(day(20, 5), 24)),
    ]
    assert candidate_pairs(frames, slack=SLACK) == [(0, 1), (0, 2)]


def test_blocking_a_yearless_date_meets_that_day_in_any_year() -> None:
    frames = [
        frame("a", interval(datetime(2000, 3, 5), 24, year_known=False)),
        frame("b", interval(day(5, 3, 2023), 24)),
        frame("c", interval(day(5, 3, 2024), 24)),
        frame("d", interval(day(6, 4, 2024), 24)),
    ]
    assert candidate_pairs(frames, slack=SLACK) == [(0, 1), (0, 2)]


def test_blocking_undated_frame_meets_the_week_before_its_publication() -> None:
    published = interval(day(10), 24)
    frames = [
        frame("a", published=published),
        frame("b", interval(day(6), 24)),
        frame("c", interval(day(1, 2), 24)),
    ]
    assert candidate_pairs(frames, slack=SLACK) == [(0, 1)]


def test_blocking_frame_without_any_time_meets_its_whole_family() -> None:
    stats = BlockingStats()
    frames = [
        frame("a"),
        frame("b", interval(day(6), 24)),
        frame("c", interval(day(1, 2), 24)),
        frame("d", interval(day(1, 2), 24), family="policy"),
    ]
    assert candidate_pairs(frames, slack=SLACK, stats=stats) == [(0, 1), (0, 2)]
    assert stats.unplaced == 1 and stats.pairs == 2


def test_blocking_pairs_grow_linearly_with_a_steady_stream() -> None:
    """Ten reports a day about one place: doubling the days doubles the pairs."""

    def stream(days: int) -> list[FrameFeatures]:
        start = datetime(2024, 1, 1)
        return [frame(f"r{d}-{k}", interval(start + timedelta(days=d), 24)) for d in range(days) for k in range(10)]

    small, large = (len(candidate_pairs(stream(n), slack=SLACK)) for n in (30, 60))
    assert large <= 2.1 * small


# ------------------------------------------------------------------- completeness, as a property

starts = st.datetimes(min_value=datetime(2023, 12, 1), max_value=datetime(2024, 2, 28))
lengths = st.sampled_from([1, 6, 12, 24, 36, 7 * 24, 31 * 24, 60 * 24])


@st.composite
def intervals(draw: st.DrawFn) -> model.TimeInterval:
    start = draw(starts)
    year_known = draw(st.booleans())
    if not year_known:
        start = start.replace(year=2000)
    return interval(start, draw(lengths), year_known=year_known)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.lists(intervals(), min_size=0, max_size=2), min_size=2, max_size=8))
def test_blocking_proposes_every_pair_whose_times_meet(times: list[list[model.TimeInterval]]) -> None:
    published = interval(datetime(2024, 1, 15), 24)
    frames = [frame(f"r{n}", *ts, published=published) for n, ts in enumerate(times)]
    proposed = set(candidate_pairs(frames, slack=SLACK))
    for i in range(len(frames)):
        for j in range(i + 1, len(frames)):
            a, b = frames[i].intervals, frames[j].intervals
            if a and b and any(x.overlaps(y, slack=SLACK) for x in a for y in b):
                assert (i, j) in proposed, (a, b)

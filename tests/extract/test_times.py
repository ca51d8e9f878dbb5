"""find_times: the extract stage's documented entry to the temporal tagger."""

from __future__ import annotations

import datetime as dt
import doctest

from spacy.language import Language

from corroborator import model
from corroborator.extract import times
from corroborator.extract.times import Reference, find_times


def test_times_docstring_examples_hold() -> None:
    result = doctest.testmod(times, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0


def test_times_spans_carry_the_report_id() -> None:
    found = find_times("Drones struck on Tuesday.", Reference(earliest=dt.date(2023, 5, 3)), report_id="r7")
    assert [(t.span.report_id, t.span.text, t.value) for t in found] == [("r7", "Tuesday", "2023-05-02")]


def test_times_use_the_parse_for_tense(nlp: Language) -> None:
    text = "The talks will resume on Friday."
    friday = find_times(text, Reference(earliest=dt.date(2023, 5, 3)), doc=nlp(text))[0]
    assert (friday.value, friday.anchor) == ("2023-05-05", model.TimeAnchor.PUBLICATION)


def _values(text: str, day: dt.date, nlp: Language | None = None) -> list[tuple[str, str]]:
    doc = nlp(text) if nlp is not None else None
    return [(t.span.text, t.value) for t in find_times(text, Reference(earliest=day), doc=doc)]


def test_times_year_to_date_months_compare_with_the_year_before() -> None:
    text = (
        "Widget Co. earned $4 million in the second quarter, up from $3 million a year earlier. "
        "For the seven months, it earned $9 million, against $8 million a year earlier."
    )
    found = _values(text, dt.date(2021, 8, 10))
    assert found == [
        ("the second quarter", "2021-Q2"),
        ("a year earlier", "2020-Q2"),
        ("seven months", "P7M"),
        ("a year earlier", "2020"),
    ]


def test_times_the_quarter_a_year_ago_is_one_expression() -> None:
    text = "Sales slipped in the first quarter. For the quarter a year ago, the chain sold more."
    assert _values(text, dt.date(2022, 5, 2)) == [
        ("the first quarter", "2022-Q1"),
        ("the quarter a year ago", "2021-Q1"),
    ]


def test_times_generic_todays_is_no_date() -> None:
    text = "Parents worry about what today's youth read. Today's vote was close."
    assert _values(text, dt.date(2020, 3, 4)) == [("Today", "2020-03-04")]


def test_times_high_noon_is_an_idiom() -> None:
    text = "For the strikers, high noon arrives this week; talks resume at noon."
    found = _values(text, dt.date(2020, 3, 4))
    assert ("noon", "2020-03-04T12:00") in found
    assert sum(1 for span, _ in found if span.lower() == "noon") == 1


def test_times_approximate_offsets_keep_their_direction() -> None:
    found = find_times("A month or so ago, the mayor resigned.", Reference(earliest=dt.date(2020, 3, 4)))
    assert [(t.span.text, t.timex_type.value, t.value, t.mod) for t in found] == [
        ("A month or so ago", "DATE", "2020-02", "APPROX")
    ]
    two = find_times("The bridge closed a year or two ago.", Reference(earliest=dt.date(2020, 3, 4)))
    assert [(t.span.text, t.value) for t in two] == [("a year or two ago", "PAST_REF")]


def test_times_an_infinitive_subject_is_no_plan(nlp: Language) -> None:
    # "to ratify ... on Friday" is the subject of "was", not a plan of it ("is to meet Friday")
    text = "To ratify the treaty on Friday was a mistake."
    assert _values(text, dt.date(2021, 6, 9), nlp) == [("Friday", "2021-06-04")]


def test_times_a_year_given_with_the_quarter_skips_whole_years_between() -> None:
    text = (
        "Its fourth-quarter profit will trail the sum it reported last year. It earned $2 million in the 2019 quarter."
    )
    assert _values(text, dt.date(2020, 11, 20)) == [
        ("fourth-quarter", "2020-Q4"),
        ("last year", "2019"),
        ("the 2019 quarter", "2019-Q4"),
    ]
    # "period" does not say which part of a year: the months so far are compared
    text = "Net rose in the third quarter. For the nine months, sales beat those of the 2019 period."
    assert _values(text, dt.date(2020, 11, 20))[-1] == ("the 2019 period", "2019")


def test_times_a_clock_time_takes_the_day_of_its_bracketed_restatement() -> None:
    text = "The convoy will set off at 5 in the morning (5 a.m. GMT Saturday), officials said."
    assert _values(text, dt.date(2021, 6, 9)) == [
        ("5 in the morning", "2021-06-12T05:00"),
        ("5 a.m. GMT Saturday", "2021-06-12T05:00"),
    ]


def test_times_bounds_of_a_period_are_marked() -> None:
    found = find_times(
        "Shelling has gone on since Monday. Residents were told to stay away until Friday. It hit on Wednesday. "
        "As of 09:00 on Thursday, 30 drones had been shot down.",
        Reference(earliest=dt.date(2024, 5, 10)),
    )
    assert [t.bound for t in found] == ["start", "end", None, "end"]


def _day(year: int, month: int, day: int, *, hour: int | None = None) -> model.TimeInterval:
    if hour is None:
        start = dt.datetime(year, month, day)
        return model.TimeInterval(start=start, end=start + dt.timedelta(days=1), precision=model.TimePrecision.DAY)
    start = dt.datetime(year, month, day, hour)
    return model.TimeInterval(start=start, end=start + dt.timedelta(hours=1), precision=model.TimePrecision.HOUR)


def test_times_an_undated_weekday_clock_meets_that_day_with_a_clocks_slack() -> None:
    # 13 March 2024 was a Wednesday. A clock with no date has no known zone (and may count
    # its hours another way): like two dated clocks, it meets what lies within half a day.
    unknown = Reference(earliest=None)
    (clock,) = find_times("The shells fell on Wednesday at 2:30.", unknown)
    reading = times.weekday_reading(clock)
    assert reading is not None and reading.weekday == 3
    assert reading.meets(_day(2024, 3, 13, hour=8))
    assert reading.meets(_day(2024, 3, 13))
    assert not reading.meets(_day(2024, 3, 14, hour=20))
    assert not reading.meets(_day(2024, 3, 10, hour=2))


def test_times_an_undated_whole_weekday_does_not_meet_the_next_calendar_day() -> None:
    unknown = Reference(earliest=None)
    (wednesday,) = find_times("The shells fell on Wednesday.", unknown)
    reading = times.weekday_reading(wednesday)
    assert reading is not None
    assert reading.meets(_day(2024, 3, 13))
    assert not reading.meets(_day(2024, 3, 14))
    assert not reading.meets(_day(2024, 3, 12))
    # a clock late on Tuesday may be early Wednesday in another zone
    assert reading.meets(_day(2024, 3, 12, hour=22))


def test_times_a_fixed_offset_is_read_as_its_distance_from_utc() -> None:
    # 14:30 at UTC+3 is 11:30 UTC, 13:30 in Kyiv's winter (UTC+2); 21:00 at UTC-4 is 19:00 in Mexico City (UTC-6)
    assert times.in_local_time(dt.datetime(2025, 1, 20, 14, 30), "UTC+03:00", "Europe/Kyiv") == dt.datetime(
        2025, 1, 20, 13, 30
    )
    assert times.in_local_time(dt.datetime(2025, 3, 1, 21, 0), "UTC-04:00", "America/Mexico_City") == dt.datetime(
        2025, 3, 1, 19, 0
    )
    assert times.in_local_time(dt.datetime(2025, 3, 1, 21, 0), "UTC+05:30", "UTC") == dt.datetime(2025, 3, 1, 15, 30)
    assert times.in_local_time(dt.datetime(2025, 3, 1, 21, 0), "UTC+03:00", None) is None


def test_times_a_live_blog_in_eastern_time_is_read_in_local_time(nlp: Language) -> None:
    text = "All times Eastern (ET).\n\n1:10 p.m.\nGunmen fired on a patrol in the town at 11:40 a.m., police said."
    found = find_times(text, Reference(earliest=dt.date(2025, 3, 20)), doc=nlp(text))
    shot = found[-1]
    assert (shot.clock, shot.timezone) == ("11:40", "America/New_York")
    assert shot.interval is not None
    # on 20 March New York keeps daylight time (UTC-4) and Culiacán UTC-7 all year
    moved = times.local_interval(shot.interval, shot.timezone, "America/Mazatlan")
    assert (moved.start.hour, moved.start.minute) == (8, 40)


def test_times_before_dawn_is_a_part_of_the_day_not_a_deadline(nlp: Language) -> None:
    text = "A monastery was bombed before dawn on Monday."
    (found,) = find_times(text, Reference(earliest=dt.date(2025, 10, 24)), doc=nlp(text))
    assert found.value == "2025-10-20TMO"


def test_times_a_past_clock_later_than_publication_is_the_evening_before(nlp: Language) -> None:
    text = "Residents said they heard five loud explosions at around 9:40 pm."
    reference = Reference(earliest=dt.date(2025, 10, 25), time=dt.time(8, 15))
    assert [t.value for t in find_times(text, reference, doc=nlp(text))] == ["2025-10-24T21:40"]
    morning = "Residents said they heard five loud explosions at around 7:40 am."
    assert [t.value for t in find_times(morning, reference, doc=nlp(morning))] == ["2025-10-25T07:40"]


def test_times_a_channel_post_stamp_with_a_two_digit_year() -> None:
    found = find_times("[21.10.25 15:12] Urgent | A drone targets a car.", Reference(earliest=dt.date(2025, 10, 21)))
    assert [(t.span.text, t.value) for t in found] == [("21.10.25 15:12", "2025-10-21T15:12")]

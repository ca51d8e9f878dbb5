"""The temporal tagger: expressions found, typed and normalised against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from corroborator import model
from corroborator.errors import PipelineError
from corroborator.normalise.timex import Reference, find_time_expressions, parse_times, stated_zone

# Publication on Wednesday 3 May 2023 unless a test says otherwise.
WEDNESDAY = Reference(earliest=dt.date(2023, 5, 3))
D = dt.datetime


def tag(text: str, reference: Reference = WEDNESDAY, nlp: Language | None = None) -> list[model.TimeExpression]:
    return find_time_expressions(text, reference=reference, report_id="r1", doc=nlp(text) if nlp else None)


def one(text: str, reference: Reference = WEDNESDAY, nlp: Language | None = None) -> model.TimeExpression:
    found = tag(text, reference, nlp)
    assert len(found) == 1, [(e.span.text, e.value) for e in found]
    return found[0]


def values(text: str, reference: Reference = WEDNESDAY, nlp: Language | None = None) -> list[tuple[str, str]]:
    return [(e.span.text, e.value) for e in tag(text, reference, nlp)]


def bounds(expression: model.TimeExpression) -> tuple[dt.datetime, dt.datetime]:
    assert expression.interval is not None
    return expression.interval.start, expression.interval.end


# --------------------------------------------------------------------------- calendar dates


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The ban was announced on May 3, 2023, by the mayor.", "May 3, 2023", "2023-05-03"),
        ("Shelling resumed on 3 May 2023 near the port.", "3 May 2023", "2023-05-03"),
        ("The order is dated 2023-05-03 and signed.", "2023-05-03", "2023-05-03"),
        ("Rescuers worked until 03.05.2023 in the ruins.", "03.05.2023", "2023-05-03"),
        ("A convoy was hit on 25/12/2022 near the border.", "25/12/2022", "2022-12-25"),
        ("The wreck was found on April 24 in a field.", "April 24", "2023-04-24"),
        ("The wreck was found on 24 April in a field.", "24 April", "2023-04-24"),
        ("Talks collapsed in March 2022 in Istanbul.", "March 2022", "2022-03"),
    ],
)
def test_timex_calendar_dates(text: str, span: str, value: str) -> None:
    found = one(text)
    assert (found.span.text, found.value, found.timex_type) == (span, value, model.TimexType.DATE)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a weekday written with it decides which way round (3 November 2026 is a Tuesday)
        ("On Tuesday 3/11/2026 the depot was hit.", "2026-11-03"),
        ("On Wednesday 3/11/2026 the depot was hit.", "2026-03-11"),
        # otherwise the reading nearer the publication (Wednesday 3 May 2023), not after it
        ("The depot was hit on 2/5/2023.", "2023-05-02"),
        ("The depot was hit on 4/30/2023.", "2023-04-30"),
        ("The depot was hit on 5/6/2023.", "2023-05-06"),  # both after: the nearer
        # hyphens are written both ways round as slashes are
        ("The fighters targeted the barracks on Wednesday 21-02-2024 at 3:30 pm.", "2024-02-21T15:30"),
        ("The depot was hit on 4-30-2023.", "2023-04-30"),
    ],
)
def test_timex_slashed_date_either_way_round(text: str, value: str) -> None:
    assert one(text).value == value


def test_timex_slashed_date_without_a_publication_date_is_month_first() -> None:
    assert one("The depot was hit on 2/5/2023.", Reference(earliest=None)).value == "2023-02-05"


def test_timex_full_date_is_absolute_and_a_day_long() -> None:
    found = one("The ban was announced on May 3, 2023.")
    assert found.anchor is model.TimeAnchor.ABSOLUTE
    assert found.precision is model.TimePrecision.DAY
    assert bounds(found) == (D(2023, 5, 3), D(2023, 5, 4))


def test_timex_yearless_date_takes_the_reference_year_and_says_so() -> None:
    found = one("The wreck was found on April 24.")
    assert found.anchor is model.TimeAnchor.PUBLICATION
    assert found.interval is not None and found.interval.year_known


def test_timex_month_in_the_past_is_the_last_one_before_publication() -> None:
    assert one("In February a drone crashed near the city.").value == "2023-02"
    january = Reference(earliest=dt.date(2023, 1, 10))
    assert one("In February a drone crashed near the city.", january).value == "2022-02"


def test_timex_month_in_the_future_is_the_next_one(nlp: Language) -> None:
    assert one("The talks will resume in February.", nlp=nlp).value == "2024-02"


def test_timex_lone_year_needs_a_cue_or_an_entity() -> None:
    assert values("The town was founded in 1990.") == [("1990", "1990")]
    assert values("There were 1500 troops at the base.") == []


def test_timex_may_the_verb_is_no_month() -> None:
    assert values("The army may strike again, officials warned.") == []
    assert values("Prime Minister Theresa May spoke to reporters.") == []


def test_timex_holidays_resolve_to_their_day() -> None:
    assert one("Christmas 2022 was quiet on the front.").value == "2022-12-25"
    assert one("The ceasefire held over Easter 2023.").value == "2023-04-09"
    assert one("They will parade on Victory Day.").value == "2023-05-09"


def test_timex_quarters_halves_decades_and_centuries() -> None:
    assert values("Output fell in the third quarter of 2022.") == [("the third quarter of 2022", "2022-Q3")]
    assert values("Such raids were rare in the 1990s.") == [("the 1990s", "199")]
    early = one("The base was built in the early 1990s.")
    assert (early.value, early.mod) == ("199", "START")
    assert bounds(early)[0] == D(1990, 1, 1)
    assert one("It was the bloodiest war of the 20th century.").value == "19"


def test_timex_last_month_name_is_not_the_month_just_gone() -> None:
    """The month just gone is "last month"; named, "last February" said in March is a year back."""
    day = Reference(earliest=dt.date(2023, 3, 1))
    assert values("The dam burst last February.", day) == [("last February", "2022-02")]
    assert values("The dam burst last November.", day) == [("last November", "2022-11")]
    january = Reference(earliest=dt.date(2023, 1, 10))
    assert values("The mill shut last December.", january) == [("last December", "2021-12")]


def test_timex_decades_named_in_words(nlp: Language) -> None:
    found = values("Ferry traffic grew through the seventies and collapsed in the eighties.", nlp=nlp)
    assert found == [("the seventies", "197"), ("the eighties", "198")]
    assert values("The harbour master is in his eighties.", nlp=nlp) == []


def test_timex_year_on_year_comparison_keeps_the_period() -> None:
    found = values("In the third quarter of 2022, exports rose to 40 tonnes from 30 tonnes a year earlier.")
    assert found == [("the third quarter of 2022", "2022-Q3"), ("a year earlier", "2021-Q3")]


def test_timex_first_or_last_two_quarters_of_a_year_are_its_half() -> None:
    found = values("Grain exports should stay low through the first two quarters of 2024, traders said.")
    assert found == [("the first two quarters of 2024", "2024-H1")]
    assert values("Fuel deliveries halted in the last two quarters of 2022.") == [
        ("the last two quarters of 2022", "2022-H2")
    ]
    # without a year they count back from now: a length, as before
    assert values("Fuel deliveries fell over the last two quarters.") == [("the last two quarters", "P2Q")]


def test_timex_last_years_quarter_is_the_quarter_compared_a_year_back() -> None:
    found = values("Port revenue rose in the second quarter of 2023. Revenue for last year's quarter was lower.")
    assert found == [("the second quarter of 2023", "2023-Q2"), ("last year's quarter", "2022-Q2")]


def test_timex_one_day_after_a_modal_is_some_time_to_come(nlp: Language) -> None:
    found = one("The ferry line could one day link the two islands again.", nlp=nlp)
    assert (found.span.text, found.value, found.timex_type) == ("one day", "FUTURE_REF", model.TimexType.DATE)
    assert values("The ceasefire lasted one day.", nlp=nlp) == [("one day", "P1D")]


def test_timex_then_current_is_a_present_in_the_past() -> None:
    assert values("The fund bought bonds at the then current rate.") == [("current", "PAST_REF")]
    assert values("The current rate is too high.") == [("current", "PRESENT_REF")]


# --------------------------------------------------------------------------- weekdays and tense


def test_timex_weekday_in_the_past_is_the_last_such_day(nlp: Language) -> None:
    assert one("Officials said on Friday that two drones were downed.", nlp=nlp).value == "2023-04-28"


def test_timex_weekday_of_the_reference_day_in_the_past_is_that_day(nlp: Language) -> None:
    assert one("The ministry said on Wednesday that the strike failed.", nlp=nlp).value == "2023-05-03"


def test_timex_weekday_in_the_future_is_the_next_such_day(nlp: Language) -> None:
    assert one("The talks will resume on Friday in Geneva.", nlp=nlp).value == "2023-05-05"


def test_timex_weekday_tense_from_cue_words_without_a_parse() -> None:
    assert one("The talks will resume on Friday in Geneva.").value == "2023-05-05"
    assert one("Officials said on Friday that drones were downed.").value == "2023-04-28"


def test_timex_early_on_a_weekday_is_its_first_third() -> None:
    found = one("Drones struck early on Tuesday, the governor said.")
    assert (found.value, found.mod) == ("2023-05-02", "START")
    assert bounds(found) == (D(2023, 5, 2), D(2023, 5, 2, 8))


def test_timex_weekday_with_its_date_prefers_the_year_where_they_agree() -> None:
    assert one("It happened on Tuesday, May 3 in the old town.", Reference(earliest=dt.date(2022, 9, 1))).value == (
        "2022-05-03"
    )


# --------------------------------------------------------------------------- deictic words


def test_timex_last_night_is_the_night_before_publication() -> None:
    found = one("Last night, drones attacked the capital.")
    assert (found.value, found.timex_type, found.anchor) == (
        "2023-05-02TNI",
        model.TimexType.TIME,
        model.TimeAnchor.PUBLICATION,
    )
    assert bounds(found) == (D(2023, 5, 2, 18), D(2023, 5, 3, 6))
    assert found.precision is model.TimePrecision.PART_OF_DAY


def test_timex_overnight_is_the_night_just_past() -> None:
    assert bounds(one("Air defences downed two drones overnight.")) == (
        D(2023, 5, 2, 18),
        D(2023, 5, 3, 6),
    )


def test_timex_tonight_depends_on_tense(nlp: Language) -> None:
    assert one("Tonight, the enemy attacked the city with drones.", nlp=nlp).value == "2023-05-02TNI"
    assert one("The mayor will speak tonight.", nlp=nlp).value == "2023-05-03TNI"


def test_timex_a_night_without_tense_in_a_morning_report_is_the_night_just_past(nlp: Language) -> None:
    morning = Reference(earliest=dt.date(2023, 5, 3), time=dt.time(6, 40))
    evening = Reference(earliest=dt.date(2023, 5, 3), time=dt.time(19, 5))
    assert one("Another night attack on the port.", morning, nlp=nlp).value == "2023-05-02TNI"
    assert one("Tonight: air raid alert across the region.", morning).value == "2023-05-02TNI"
    assert one("Tonight: air raid alert across the region.", evening).value == "2023-05-03TNI"
    assert one("The mayor will speak tonight.", morning).value == "2023-05-03TNI"


def test_timex_the_night_of_the_report_day_before_it_falls_is_the_night_into_it(nlp: Language) -> None:
    """2023-05-03 is a Wednesday: "woke to explosions on Wednesday night" in a report of that
    afternoon tells of the night into Wednesday; in the evening's report, or in the future
    tense, it is Wednesday's own night."""
    afternoon = Reference(earliest=dt.date(2023, 5, 3), time=dt.time(14, 10))
    evening = Reference(earliest=dt.date(2023, 5, 3), time=dt.time(23, 30))
    text = "Residents woke up to explosions on Wednesday night."
    assert one(text, afternoon, nlp=nlp).value == "2023-05-02TNI"
    assert one(text, evening, nlp=nlp).value == "2023-05-03TNI"
    assert one("The mayor will speak on Wednesday night.", afternoon, nlp=nlp).value == "2023-05-03TNI"


def test_timex_a_dated_night_not_yet_begun_is_the_night_into_that_day(nlp: Language) -> None:
    """A report of 3 May's afternoon telling, in the past tense, of "the night of 3 May" can
    only mean the night that ended that morning; in the evening's report, or told of what is
    to come, it is the night starting on the 3rd."""
    afternoon = Reference(earliest=dt.date(2023, 5, 3), time=dt.time(13, 50))
    evening = Reference(earliest=dt.date(2023, 5, 3), time=dt.time(22, 15))
    text = "On the night of 3 May, naval drones struck the oil terminal."
    assert one(text, afternoon, nlp=nlp).value == "2023-05-02TNI"
    assert one(text, evening, nlp=nlp).value == "2023-05-03TNI"
    assert one("Engineers will restore power on the night of 3 May.", afternoon, nlp=nlp).value == "2023-05-03TNI"
    # another day's night is read as written
    assert one("On the night of 1 May, naval drones struck the oil terminal.", afternoon, nlp=nlp).value == (
        "2023-05-01TNI"
    )


@pytest.mark.parametrize(
    ("text", "value", "start", "end"),
    [
        ("Sirens sounded this morning.", "2023-05-03TMO", D(2023, 5, 3, 6), D(2023, 5, 3, 12)),
        (
            "Sirens sounded yesterday afternoon.",
            "2023-05-02TAF",
            D(2023, 5, 2, 12),
            D(2023, 5, 2, 18),
        ),
        ("Sirens sounded on Tuesday evening.", "2023-05-02TEV", D(2023, 5, 2, 18), D(2023, 5, 3)),
        ("Sirens sounded yesterday.", "2023-05-02", D(2023, 5, 2), D(2023, 5, 3)),
        ("Sirens are sounding today.", "2023-05-03", D(2023, 5, 3), D(2023, 5, 4)),
        (
            "The base was hit on the evening of May 1.",
            "2023-05-01TEV",
            D(2023, 5, 1, 18),
            D(2023, 5, 2),
        ),
    ],
)
def test_timex_days_and_parts_of_day(text: str, value: str, start: dt.datetime, end: dt.datetime) -> None:
    found = one(text)
    assert found.value == value
    assert bounds(found) == (start, end)


def test_timex_night_spanning_two_dates_is_one_night() -> None:
    found = one("The night of August 29-30 was the worst yet.", Reference(earliest=dt.date(2023, 9, 1)))
    assert found.value == "2023-08-29TNI"
    assert bounds(found) == (D(2023, 8, 29, 18), D(2023, 8, 30, 6))
    # a press release writes the two days with a slash
    slashed = one("On the night of 29/30 August, troops fired mortars.", Reference(earliest=dt.date(2023, 9, 1)))
    assert (slashed.span.text, slashed.value) == ("the night of 29/30 August", "2023-08-29TNI")


def test_timex_early_hours_belong_to_the_night_before() -> None:
    found = one("The blasts came in the early hours of Tuesday.")
    assert found.value == "2023-05-01TNI"
    assert bounds(found) == (D(2023, 5, 2), D(2023, 5, 2, 6))


def test_timex_late_at_night_is_before_the_small_hours() -> None:
    # "late on Monday night" is Monday's late evening; the hours after midnight are "the early
    # hours of Tuesday", named in their own words
    late = one("Police repelled the attack late on Monday night.")
    assert late.value == "2023-05-01TNI"
    assert bounds(late) == (D(2023, 5, 1, 22), D(2023, 5, 2))
    early = one("Police repelled the attack early on Monday night.")
    assert bounds(early) == (D(2023, 5, 1, 18), D(2023, 5, 1, 20))


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The first bomb landed at twenty past two.", "twenty past two", "2023-05-03T02:20"),
        ("The shelling started at around half past eight.", "around half past eight", "2023-05-03T08:30"),
        ("At about a quarter to three they heard a blast.", "about a quarter to three", "2023-05-03T02:45"),
        ("It hit at ten minutes to four in the morning.", "ten minutes to four in the morning", "2023-05-03T03:50"),
        ("Sirens sounded at half past nine p.m.", "half past nine p.m.", "2023-05-03T21:30"),
    ],
)
def test_timex_a_clock_told_in_words(text: str, words: str, value: str) -> None:
    found = one(text)
    assert (found.span.text, found.value, found.timex_type) == (words, value, model.TimexType.TIME)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Shortly before eleven on Monday night, neighbours heard a blast.", "Shortly before eleven on Monday night"),
        ("At eleven o'clock on Monday night, neighbours heard a blast.", "eleven o'clock on Monday night"),
    ],
)
def test_timex_an_hour_on_a_named_night_is_in_that_night(text: str, words: str) -> None:
    found = one(text)
    assert (found.span.text, found.value) == (words, "2023-05-01T23:00")


def test_timex_a_count_before_a_named_night_is_no_clock() -> None:
    assert [e.span.text for e in tag("Gunmen killed eleven on Monday night.")] == ["Monday night"]


def test_timex_a_count_is_no_clock_told_in_words() -> None:
    assert tag("Ten to twelve drones were shot down, and two to three more crashed.") == []


def test_timex_last_week_and_last_month() -> None:
    week, month = tag("A drone crashed last week, and another last month.")
    assert (week.value, bounds(week)) == ("2023-W17", (D(2023, 4, 24), D(2023, 5, 1)))
    assert week.precision is model.TimePrecision.WEEK
    assert (month.value, month.precision) == ("2023-04", model.TimePrecision.MONTH)


def test_timex_days_ago_counts_back_from_publication() -> None:
    found = one("The depot burned two days ago.")
    assert (found.value, found.anchor) == ("2023-05-01", model.TimeAnchor.PUBLICATION)
    vague = one("The depot burned a few days ago.")
    assert vague.value == "PAST_REF"
    assert bounds(vague) == (D(2023, 4, 28), D(2023, 5, 2))


def test_timex_vague_words_have_no_interval() -> None:
    found = tag("Attacks have grown in recent years and recently spread north.")
    assert [(e.span.text, e.timex_type, e.value, e.interval, e.anchor) for e in found] == [
        ("recent years", model.TimexType.DURATION, "PXY", None, model.TimeAnchor.NONE),
        ("recently", model.TimexType.DATE, "PAST_REF", None, model.TimeAnchor.NONE),
    ]


def test_timex_a_name_with_today_is_no_date() -> None:
    assert values("The channel Russia Today showed the video.") == []


# --------------------------------------------------------------------------- clock times


@pytest.mark.parametrize(
    ("text", "clock", "value", "timezone"),
    [
        ("One strike came at 2:27 pm.", "14:27", "2023-05-03T14:27", None),
        ("One strike came at 14:27.", "14:27", "2023-05-03T14:27", None),
        ("The first drone was seen at 0230 GMT.", "02:30", "2023-05-03T02:30", "UTC"),
        ("The blast came at 3 a.m. local time.", "03:00", "2023-05-03T03:00", "local"),
        ("It began at 11:05 Moscow time.", "11:05", "2023-05-03T11:05", "Europe/Moscow"),
        ("Firing stopped at noon.", "12:00", "2023-05-03T12:00", None),
    ],
)
def test_timex_clock_times(text: str, clock: str, value: str, timezone: str | None) -> None:
    found = one(text)
    assert (found.clock, found.value, found.timezone, found.timex_type) == (
        clock,
        value,
        timezone,
        model.TimexType.TIME,
    )


def test_timex_the_afternoon_is_of_the_day_named_just_before(nlp: Language) -> None:
    day = Reference(earliest=dt.date(2023, 5, 10))
    text = "Shelling hit the market on Saturday.\n\nRescuers worked through the afternoon to free survivors."
    assert [(e.span.text, e.value) for e in tag(text, day, nlp)][-1] == ("the afternoon", "2023-05-06TAF")
    text = "Shelling hit the market on Saturday.\n\nRescuers said this afternoon that two were found."
    assert [(e.span.text, e.value) for e in tag(text, day, nlp)][-1] == ("this afternoon", "2023-05-10TAF")
    text = "Shelling hit the market on Saturday.\n\nThe mayor spoke.\n\nRescuers worked through the afternoon."
    assert [(e.span.text, e.value) for e in tag(text, day, nlp)][-1] == ("the afternoon", "2023-05-10TAF")


def test_timex_the_next_morning_follows_the_story_not_the_publication() -> None:
    found = tag("The governor was wounded on April 29. He left hospital the next morning.")
    assert [(e.span.text, e.value) for e in found][-1] == ("the next morning", "2023-04-30TMO")
    assert tag("Repairs start next morning.")[0].value == "2023-05-04TMO"


def test_timex_clock_precision_minute_or_hour() -> None:
    assert one("One strike came at 2:27 pm.").precision is model.TimePrecision.MINUTE
    bare = one("The blast came at 3 a.m.")
    assert bare.precision is model.TimePrecision.HOUR
    assert bounds(bare) == (D(2023, 5, 3, 3), D(2023, 5, 3, 4))


def test_timex_around_a_clock_time_is_approximate_and_wider() -> None:
    found = one("Residents heard a bang around 2:30 am.")
    assert (found.mod, found.clock) == ("APPROX", "02:30")
    assert bounds(found) == (D(2023, 5, 3, 2), D(2023, 5, 3, 3, 1))


def test_timex_clock_with_its_date_is_one_expression() -> None:
    found = one("On May 1 at 5 pm the shelling began.")
    assert (found.span.text, found.value) == ("May 1 at 5 pm", "2023-05-01T17:00")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Bombs fell at approximately 06:15 hours on the camp.", "approximately 06:15 hours", "2023-05-03T06:15"),
        ("The convoy was hit at 21:05h.", "21:05h", "2023-05-03T21:05"),
        ("The shelling resumed at 0530 hours.", "0530 hours", "2023-05-03T05:30"),
    ],
)
def test_timex_clock_with_hours_after_it_is_a_clock_time(text: str, span: str, value: str) -> None:
    found = one(text)  # not "15 hours", a duration cut from the clock's minutes
    assert (found.span.text, found.timex_type, found.value) == (span, model.TimexType.TIME, value)


def test_timex_zone_abbreviations_are_capitals_after_a_clock() -> None:
    found = one("Residents reported drones overhead from 9:30 a.m. ET onwards.")
    assert (found.clock, found.timezone) == ("09:30", "America/New_York")
    assert one("The rebels attacked at 7 p.m. EAT.").timezone == "Africa/Nairobi"
    assert one("The crew stopped at 7 pm to eat.").timezone is None  # a word, not East Africa Time


@pytest.mark.parametrize(
    ("text", "span", "timezone"),
    [
        ("The depot was hit at 1430 GMT+3 on Monday.", "1430 GMT+3 on Monday", "UTC+03:00"),
        ("Sirens sounded at 9 p.m. (UTC-4), the mayor said.", "9 p.m. (UTC-4)", "UTC-04:00"),
        ("The convoy left at 21:00 UTC+02:00.", "21:00 UTC+02:00", "UTC+02:00"),
        ("The blast came at 9:30 a.m. UTC +5:30.", "9:30 a.m. UTC +5:30", "UTC+05:30"),
        ("Shelling resumed at 06:15 (GMT).", "06:15 (GMT)", "UTC"),
    ],
)
def test_timex_a_fixed_offset_zone_is_recorded_as_its_offset(text: str, span: str, timezone: str) -> None:
    # "GMT+3" is three hours from GMT, not GMT with a stray "+3"; a zone alone in brackets
    # after the clock is the clock's
    found = one(text)
    assert (found.span.text, found.timezone) == (span, timezone)


@pytest.mark.parametrize(
    ("text", "timezone"),
    [
        ("The first blast came at 3 a.m. Damascus time.", "Asia/Damascus"),
        ("Sirens sounded at 11:40 p.m. Israel Daylight Time.", "Asia/Jerusalem"),
        ("The ship was hit at 0230 Greenwich Mean Time.", "UTC"),
        ("Power failed at 6 a.m. MST across the city.", "America/Denver"),
    ],
)
def test_timex_zones_written_in_full_or_named_after_a_capital(text: str, timezone: str) -> None:
    assert one(text).timezone == timezone


@pytest.mark.parametrize(
    ("statement", "timezone"),
    [
        ("All times Eastern (ET).", "America/New_York"),
        ("All times are local.", "local"),
        ("Times in GMT", "UTC"),
        ("Updates on the strikes (all times Kyiv time).", "Europe/Kyiv"),
        ("Times are UTC+3", "UTC+03:00"),
        ("All times are in Pacific time.", "America/Los_Angeles"),
    ],
)
def test_timex_a_statement_on_all_times_gives_its_zone_to_bare_clocks_below(statement: str, timezone: str) -> None:
    text = f"{statement}\n\n4:05 p.m.\nA second drone was shot down at 3:40 p.m., the governor says."
    assert [(e.span.text, e.timezone) for e in tag(text)] == [("4:05 p.m.", timezone), ("3:40 p.m.", timezone)]


def test_timex_a_statement_on_all_times_leaves_clocks_with_a_zone_and_clocks_above() -> None:
    text = "Curfew began at 8 p.m.\n\nAll times local.\n\nThe first drone came at 0140 GMT, the second at 5:10 a.m."
    assert [e.timezone for e in tag(text)] == [None, "UTC", "local"]
    # "times" inside a sentence, or a region word not ending the statement, is no statement
    assert [e.timezone for e in tag("At times local residents fled at 3 p.m.")] == [None]
    assert [e.timezone for e in tag("It rang three times. Central heating failed at 6 a.m.")] == [None]


def test_timex_a_zone_stated_outside_the_text_holds_until_the_text_states_another() -> None:
    assert stated_zone("LIVE: Drone strikes on Kharkiv (all times Kyiv time)") == "Europe/Kyiv"
    assert stated_zone("Kharkiv live: all times GMT") == "UTC"
    assert stated_zone("Kharkiv live: times of strikes") is None
    text = "A blast came at 03:10.\n\nAll times are local.\n\nAnother came at 04:05."
    found = find_time_expressions(text, reference=WEDNESDAY, zone="Europe/Kyiv")
    assert [(e.clock, e.timezone) for e in found] == [("03:10", "Europe/Kyiv"), ("04:05", "local")]


def test_timex_a_range_of_clocks_states_its_zone_once_after_its_end() -> None:
    found = tag("The emergency service said the raid was repelled between 0020 and 0210 GMT.")
    assert [(e.span.text, e.clock, e.timezone) for e in found] == [
        ("0020", "00:20", "UTC"),
        ("0210 GMT", "02:10", "UTC"),
    ]
    found = tag("Boats attacked the port from 1430 to 1540 GMT.")  # "1430" is no year here
    assert [(e.span.text, e.timezone) for e in found] == [("1430", "UTC"), ("1540 GMT", "UTC")]
    found = tag("The raid lasted from 10 p.m. to 2 a.m. Moscow time.")
    assert [e.timezone for e in found] == ["Europe/Moscow", "Europe/Moscow"]
    # a clock in a list, not a range, keeps its own (unknown) zone
    assert [e.timezone for e in tag("Sirens sounded at 10 p.m. and again at 0200 GMT.")] == [None, "UTC"]


def test_timex_clock_minutes_are_no_count_of_hours() -> None:
    found = tag("A second statement came at 10:30 hours later that day.")
    assert [e.timex_type for e in found] == [model.TimexType.TIME]  # not "30 hours", a duration
    assert found[0].value == "2023-05-03T10:30"
    assert [v for _, v in values("Two hours later the sirens stopped.")] == ["2023-05-03"]


def test_timex_hours_later_than_a_day_is_that_day() -> None:
    # not the month: "(some) hours later" than a day known only as a day stays on that day
    assert values("On Monday a drone hit a car. Hours later another hit a school.")[1] == ("Hours later", "2023-05-01")
    assert values("On Monday a drone hit a car. A few hours later another hit a school.")[1][1] == "2023-05-01"


def test_timex_clock_takes_the_night_its_paragraph_talks_about() -> None:
    _, clock = tag("Drones attacked last night. A blast was heard at 2:30 am.")
    assert clock.value == "2023-05-03T02:30"  # the small hours after the night of 2 May
    assert clock.anchor is model.TimeAnchor.NARRATIVE


def test_timex_clock_in_another_paragraph_takes_the_reference_day() -> None:
    found = tag("On April 30 the port was hit.\n\nA second blast came at 4:10 pm.")
    assert found[1].value == "2023-05-03T16:10"
    assert found[1].anchor is model.TimeAnchor.PUBLICATION


def test_timex_a_few_minutes_later_follows_the_previous_time() -> None:
    first, later = tag("A loud bang came around 2:30 am. A few minutes later, the explosion was repeated.")
    assert later.anchor is model.TimeAnchor.NARRATIVE
    assert later.value == "2023-05-03T02"
    assert first.interval is not None and later.interval is not None
    assert later.interval.start > dt.datetime(2023, 5, 3, 2, 0)
    assert later.interval.end < dt.datetime(2023, 5, 3, 3, 0)


def test_timex_two_days_later_counts_from_the_previous_date() -> None:
    _, later = tag("On April 24 a drone was found. Two days later another one crashed.")
    assert (later.value, later.anchor) == ("2023-04-26", model.TimeAnchor.NARRATIVE)


def test_timex_offset_from_a_stated_date() -> None:
    assert one("Two days before May 3 the bridge was closed.").value == "2023-05-01"


def test_timex_the_year_of_an_amount_is_a_time() -> None:
    first = tag("Shares hit a low for the year of $3.10 in March.")[0]
    assert (first.span.text, first.value) == ("the year", "2023")
    assert tag("The year of the flood was hard.") == []


def test_timex_today_is_the_nth_day_of_a_stretch() -> None:
    found = tag("Today is the 100th day of the siege. It's the third day of the strike.")
    assert [(e.span.text, e.value) for e in found] == [
        ("Today", "2023-05-03"),
        ("the 100th day", "2023-05-03"),
        ("the third day", "2023-05-03"),
    ]
    assert tag("Tanks moved on the first day of the war.") == []


def test_timex_that_day_within_a_month_keeps_the_month() -> None:
    found = tag("The mayor was shot last October. The list was changed that same day.")
    assert [(e.span.text, e.value) for e in found] == [("last October", "2022-10"), ("same day", "2022-10-XX")]


def test_timex_a_day_counted_from_a_named_day_is_the_story_day() -> None:
    found = tag("Two days before April 20 the bridge was closed. That night, drones attacked.")
    assert [(e.span.text, e.value) for e in found][-1] == ("That night", "2023-04-18TNI")


def test_timex_the_day_before_a_named_day_counts_from_it() -> None:
    assert one("The day after April 20 the bridge was closed.").value == "2023-04-21"
    found = one("The day before last Monday's hearing, the lawyers met.")
    assert (found.span.text, found.value) == ("The day before last Monday", "2023-04-30")
    assert tag("The day before the vote, the bridge was closed.") == []


# --------------------------------------------------------------------------- durations and sets


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The shelling went on for three hours.", "three hours", "PT3H"),
        ("They agreed a two-year truce.", "two-year", "P2Y"),
        ("The alert lasted half an hour.", "half an hour", "PT30M"),
        ("Prices rose over the past two months.", "the past two months", "P2M"),
        ("The siege lasted a few days.", "a few days", "PXD"),
        ("The strike came days after the talks collapsed.", "days", "PXD"),
        ("The fortress has stood for two thousand years.", "two thousand years", "P2000Y"),
        ("The dynasty ruled for three hundred years.", "three hundred years", "P300Y"),
    ],
)
def test_timex_durations(text: str, span: str, value: str) -> None:
    found = one(text)
    assert (found.span.text, found.value, found.timex_type, found.interval) == (
        span,
        value,
        model.TimexType.DURATION,
        None,
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Three nights of shelling left the town without power.", "P3D"),
        ("The depot burned two nights after the first drone hit it.", "P2D"),
        ("Families slept in the basement for several nights.", "PXD"),
    ],
)
def test_timex_counted_nights_are_a_duration_not_every_night(nlp: Language, text: str, value: str) -> None:
    found = one(text, nlp=nlp)
    assert (found.value, found.timex_type) == (value, model.TimexType.DURATION)


def test_timex_ages_are_not_durations() -> None:
    assert values("A 40-year-old man and a woman aged 52 years old were hurt.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They shell the town every night.", "XXXX-XX-XXTNI"),
        ("Patrols pass every Wednesday.", "XXXX-WXX-3"),
        ("Convoys arrive daily.", "P1D"),
        ("The ferry sails twice a week.", "P1W"),
        ("The market opens on Friday evenings.", "XXXX-WXX-5TEV"),
    ],
)
def test_timex_sets(text: str, value: str) -> None:
    found = one(text)
    assert (found.value, found.timex_type) == (value, model.TimexType.SET)


# --------------------------------------------------------------------------- uncertain references


def test_timex_reference_range_covers_every_reading() -> None:
    either = Reference(earliest=dt.date(2023, 5, 3), latest=dt.date(2023, 5, 4))
    found = one("The statement came yesterday.", either)
    assert found.value == "2023-05-XX"
    assert bounds(found) == (D(2023, 5, 2), D(2023, 5, 4))
    assert found.precision is model.TimePrecision.WEEK  # two possible days: no longer a day
    assert one("The ban began on May 3, 2023.", either).value == "2023-05-03"


def test_timex_unknown_year_gives_placeholder_year_and_xxxx() -> None:
    yearless = Reference(earliest=dt.date(model.PLACEHOLDER_YEAR, 5, 4), year_known=False)
    found = one("A drone was found on April 24.", yearless)
    assert found.value == "XXXX-04-24"
    assert found.interval is not None
    assert (found.interval.start.year, found.interval.year_known) == (model.PLACEHOLDER_YEAR, False)
    night = one("Last night two drones were downed.", yearless)
    assert night.value == "XXXX-05-03TNI"


def test_timex_unknown_year_gives_a_weekday_the_hull_of_its_readings(nlp: Language) -> None:
    yearless = Reference(earliest=dt.date(model.PLACEHOLDER_YEAR, 5, 4), year_known=False)
    found = one("Officials said on Wednesday that the attack failed.", yearless, nlp)
    assert found.value == "XXXX-WXX-3"
    assert found.precision is model.TimePrecision.WEEK
    assert bounds(found) == (D(model.PLACEHOLDER_YEAR, 4, 28), D(model.PLACEHOLDER_YEAR, 5, 5))


def test_timex_stated_year_stays_known_against_a_yearless_reference() -> None:
    yearless = Reference(earliest=dt.date(model.PLACEHOLDER_YEAR, 5, 4), year_known=False)
    found = one("The ban was announced on May 3, 2023.", yearless)
    assert found.interval is not None and found.interval.year_known
    assert found.value == "2023-05-03"


def test_timex_without_reference_relative_words_stay_unanchored() -> None:
    nothing = Reference(earliest=None)
    found = tag("Yesterday drones hit the port; on April 24, 2022 they hit the bridge.", nothing)
    assert [(e.value, e.interval is None) for e in found] == [
        ("XXXX-XX-XX", True),
        ("2022-04-24", False),
    ]


# --------------------------------------------------------------------------- spans and context


def test_timex_spans_index_into_the_text() -> None:
    text = "Late on Tuesday, 3 May 2023, at around 2:30 am, drones struck; days later, more came."
    for expression in tag(text):
        span = expression.span
        assert (span.report_id, text[span.start : span.end]) == ("r1", span.text)


def test_timex_parse_marks_quotes_and_before_relations() -> None:
    text = 'The mayor said: "Last night was calm." It came ahead of Victory Day, the May 9 parade.'
    parsed = {p.text: p for p in parse_times(text)}
    assert parsed["Last night"].quoted
    assert parsed["Victory Day"].relation == "before"
    assert parsed["May 9"].relation == "before"  # an apposition shares the relation


def test_timex_quoted_deictic_words_may_be_a_day_older() -> None:
    found = one('The governor said: "Last night, drones hit the depot."')
    # The statement may have been made the day before publication: both nights are possible.
    assert bounds(found) == (D(2023, 5, 1, 18), D(2023, 5, 3, 6))
    assert found.value == "2023-05-XXTNI"


def test_timex_doc_of_another_text_is_refused(nlp: Language) -> None:
    with pytest.raises(PipelineError):
        find_time_expressions("On Monday it rained.", reference=WEDNESDAY, doc=nlp("Another text."))


def test_timex_entities_confirm_a_bare_year(nlp: Language) -> None:
    # "1990" alone after no cue word: only the entity recogniser can vouch for it.
    text = "1990 brought war to the town."
    assert values(text) == []
    assert values(text, nlp=nlp) == [("1990", "1990")]


def test_timex_a_clock_word_inside_another_word_is_not_a_time() -> None:
    assert values("The market was struck during the forenoon prayer.") == []


def test_timex_an_unanchored_weekday_keeps_its_day_with_its_part_of_day() -> None:
    unknown = Reference(earliest=None)
    assert values("Gunmen attacked the post on Saturday evening and again on Sunday at 9:15.", unknown) == [
        ("Saturday evening", "XXXX-WXX-6TEV"),
        ("Sunday at 9:15", "XXXX-WXX-7T09:15"),
    ]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # the night that ends on the day named: Sunday 30 April into Monday 1 May
        ("Drones attacked Kyiv overnight into Monday, the air force said.", "overnight into Monday", "2023-04-30TNI"),
        ("Drones attacked Kyiv overnight into Sunday.", "overnight into Sunday", "2023-04-29TNI"),
        ("In the night to Wednesday, drones hit a block.", "the night to Wednesday", "2023-05-02TNI"),
        ("During the night from Sunday to Monday drones attacked.", "the night from Sunday to Monday", "2023-04-30TNI"),
    ],
)
def test_timex_the_night_into_a_weekday_is_the_night_before_it(text: str, span: str, value: str) -> None:
    found = one(text)
    assert (found.span.text, found.value) == (span, value)

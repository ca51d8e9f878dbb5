"""TimeML normalisation conventions of the temporal tagger: spans, years of yearless dates,
tense of the words a time dates, stretches of time and year-on-year comparisons."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from corroborator import model
from corroborator.normalise.timex import Reference, find_time_expressions

D = dt.datetime


def tag(text: str, day: dt.date, nlp: Language | None = None) -> list[model.TimeExpression]:
    return find_time_expressions(text, reference=Reference(earliest=day), doc=nlp(text) if nlp else None)


def values(text: str, day: dt.date, nlp: Language | None = None) -> list[tuple[str, str]]:
    return [(e.span.text, e.value) for e in tag(text, day, nlp)]


# --------------------------------------------------------------------------- spans


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Yesterday's strike on the depot killed two.", "Yesterday"),
        ("Last month's raid was the largest.", "Last month"),
        ("The figures for next week's summit are out.", "next week"),
    ],
)
def test_timex_conventions_possessive_is_outside_the_span(text: str, span: str) -> None:
    assert [e.span.text for e in tag(text, dt.date(2023, 5, 3))] == [span]


def test_timex_conventions_preposition_is_a_signal_not_part_of_the_span() -> None:
    assert values("The road stays closed for now, the mayor said.", dt.date(2023, 5, 3)) == [("now", "PRESENT_REF")]
    assert values("Until recently the bridge was open.", dt.date(2023, 5, 3)) == [("recently", "PAST_REF")]


def test_timex_conventions_a_years_period_is_one_expression() -> None:
    day = dt.date(2023, 10, 26)
    assert values("Output for this year's third quarter fell.", day) == [("this year's third quarter", "2023-Q3")]
    assert values("Output for next year's first quarter will fall.", day) == [("next year's first quarter", "2024-Q1")]


def test_timex_conventions_spoken_years_join_their_year_or_season() -> None:
    day = dt.date(1998, 3, 5)
    assert values("He promised to halve unemployment by the year two thousand.", day) == [
        ("the year two thousand", "2000")
    ]
    assert values("Prices fell that low in the winter of nineteen ninety-four.", day) == [
        ("the winter of nineteen ninety-four", "1994-WI")
    ]


def test_timex_conventions_an_approximation_takes_no_preposition() -> None:
    assert values("How many shares will be around in 1995?", dt.date(1989, 10, 30)) == [("1995", "1995")]
    found = tag("Shelling resumed early in 2023.", dt.date(2023, 5, 3))
    assert [(e.span.text, e.mod) for e in found] == [("early in 2023", "START")]


def test_timex_conventions_a_word_after_a_full_stop_starts_a_sentence_not_a_name() -> None:
    found = values("Talks ended on Wednesday. Yesterday, the shelling resumed.", dt.date(2023, 5, 5))
    assert found == [("Wednesday", "2023-05-03"), ("Yesterday", "2023-05-04")]


def test_timex_conventions_greetings_and_titles_are_no_times() -> None:
    assert values("Good evening from the harbour, where the ferries are running.", dt.date(2023, 5, 3)) == []
    assert values("The film High Noon was shown at the festival.", dt.date(2023, 5, 3)) == []


def test_timex_conventions_a_quoted_title_is_no_time() -> None:
    day = dt.date(2023, 5, 3)
    assert values('The minister told the channel\'s "This Week," that talks would resume.', day) == []
    assert values('She appeared on "Last Night With Tom Hale" to defend the plan.', day) == []
    assert values('He said: "This week we vote."', day) == [("This week", "2023-W18")]


def test_timex_conventions_early_hours_of_a_morning_are_one_stretch() -> None:
    (found,) = tag("Police arrested him in the early hours of Thursday morning.", dt.date(2023, 5, 5))
    assert found.span.text == "the early hours of Thursday morning"
    assert found.interval is not None
    assert (found.interval.start, found.interval.end) == (D(2023, 5, 4), D(2023, 5, 4, 6))


def test_timex_conventions_restated_clock_takes_the_day_after_the_bracket() -> None:
    found = values("The blast came at 10:35 a.m. (0735 GMT) Friday, officials said.", dt.date(2023, 5, 6))
    assert found[0] == ("10:35 a.m.", "2023-05-05T10:35")
    assert found[-1] == ("Friday", "2023-05-05")


# --------------------------------------------------------------------------- years and tense


def test_timex_conventions_a_date_of_a_thing_is_not_placed_by_the_clause(nlp: Language) -> None:
    """The clause says when the dividend was declared, not when it is paid."""
    found = values("The board declared a dividend payable Dec. 7 to holders of record.", dt.date(2023, 10, 27), nlp)
    assert found == [("Dec. 7", "2023-12-07")]


def test_timex_conventions_a_deadline_is_read_ahead(nlp: Language) -> None:
    assert values("The group extended its offer to Nov. 20.", dt.date(2023, 11, 2), nlp) == [("Nov. 20", "2023-11-20")]
    found = values("The family was given until Tuesday to answer.", dt.date(2023, 5, 1), nlp)
    assert found == [("Tuesday", "2023-05-02")]


def test_timex_conventions_the_end_of_a_range_shares_its_start(nlp: Language) -> None:
    found = values("The fund bought shares from Sept. 14 to Thursday.", dt.date(2023, 10, 30), nlp)
    assert found == [("Sept. 14", "2023-09-14"), ("Thursday", "2023-10-26")]


def test_timex_conventions_an_infinitive_or_participle_takes_no_past(nlp: Language) -> None:
    day = dt.date(2023, 10, 30)
    assert values("The rules, to be published in November, will decide.", day, nlp) == [("November", "2023-11")]
    assert values("Rules published in November will decide the case.", day, nlp) == [("November", "2023-11")]


def test_timex_conventions_a_plan_made_in_the_past_may_lie_ahead(nlp: Language) -> None:
    found = values("Protesters planned a large rally on Saturday.", dt.date(2023, 5, 5), nlp)
    assert found == [("Saturday", "2023-05-06")]


def test_timex_conventions_a_plan_the_story_overtook_is_not_ahead(nlp: Language) -> None:
    found = values("The offer had been due to expire on Friday.", dt.date(2023, 5, 8), nlp)
    assert found == [("Friday", "2023-05-05")]


def test_timex_conventions_the_present_perfect_puts_no_date_in_the_past(nlp: Language) -> None:
    """English takes no past date in the present perfect: a date there is a deadline or a
    state, placed as the nearer reading."""
    found = values("The council has fixed Dec. 4 as its deadline for objections.", dt.date(2023, 11, 28), nlp)
    assert found == [("Dec. 4", "2023-12-04")]


def test_timex_conventions_a_time_after_since_has_begun(nlp: Language) -> None:
    found = values("The ferry has sailed twice a week since June.", dt.date(2023, 2, 10), nlp)
    assert found[-1] == ("June", "2022-06")


def test_timex_conventions_present_tense_of_a_schedule_looks_ahead(nlp: Language) -> None:
    found = values("The two ministers meet on Monday in Geneva.", dt.date(2023, 5, 5), nlp)
    assert found == [("Monday", "2023-05-08")]


def test_timex_conventions_fiscal_quarter_takes_the_reference_year(nlp: Language) -> None:
    found = values("Profit soared to a record in the fiscal first quarter.", dt.date(2023, 10, 26), nlp)
    assert found == [("the fiscal first quarter", "2023-Q1")]


def test_timex_conventions_a_deadline_is_not_the_time_the_story_talks_about() -> None:
    day = dt.date(2023, 10, 30)
    text = "Shares fell on Friday. Traders must settle by Tuesday. The index was 4% below the previous Friday."
    assert values(text, day)[-1] == ("the previous Friday", "2023-10-20")
    found = values("The group wants a new plant by 2030. It expects a loss for the full year.", day)
    assert found[-1] == ("the full year", "2023")


def test_timex_conventions_the_foreseeable_future_names_no_time() -> None:
    assert values("Troops will stay in the valley for the foreseeable future.", dt.date(2023, 5, 3)) == []


def test_timex_conventions_a_participle_completing_a_verb_has_its_tense(nlp: Language) -> None:
    found = values("Farmers are going to start getting hit in the autumn.", dt.date(2023, 2, 6), nlp)
    assert found == [("the autumn", "2023-FA")]


def test_timex_conventions_coordinated_times_share_their_clause_tense(nlp: Language) -> None:
    found = values("The ministers will meet on Monday and Tuesday in Vienna.", dt.date(2023, 5, 10), nlp)
    assert found == [("Monday", "2023-05-15"), ("Tuesday", "2023-05-16")]
    found = values("Drones struck the port on Friday and Saturday.", dt.date(2023, 5, 10), nlp)
    assert found == [("Friday", "2023-05-05"), ("Saturday", "2023-05-06")]


# --------------------------------------------------------------------------- stretches of time


def test_timex_conventions_the_past_year_is_the_year_before_with_the_stretch_as_interval() -> None:
    (found,) = tag("Attacks doubled over the past year.", dt.date(2023, 5, 3))
    assert (found.value, found.timex_type) == ("2022", model.TimexType.DATE)
    assert found.interval is not None
    assert (found.interval.start, found.interval.end) == (D(2022, 5, 4), D(2023, 5, 4))


def test_timex_conventions_the_coming_week_is_the_week_after() -> None:
    (found,) = tag("More convoys are expected in the coming week.", dt.date(2023, 5, 3))
    assert found.value == "2023-W19"


def test_timex_conventions_the_past_decade_is_a_duration() -> None:
    (found,) = tag("Such raids grew rare over the past decade.", dt.date(2023, 5, 3))
    assert (found.value, found.timex_type) == ("P10Y", model.TimexType.DURATION)


def test_timex_conventions_a_year_named_by_its_last_day_is_a_duration() -> None:
    found = tag("For the year ended March 31, the port handled more ships.", dt.date(2023, 5, 3))
    first = found[0]
    assert (first.span.text, first.timex_type, first.value) == ("the year", model.TimexType.DURATION, "P1Y")


def test_timex_conventions_recent_and_coming_weeks_are_vague_durations() -> None:
    found = tag("Raids grew in recent weeks and may grow in the coming months.", dt.date(2023, 5, 3))
    assert [(e.span.text, e.timex_type, e.value) for e in found] == [
        ("recent weeks", model.TimexType.DURATION, "PXW"),
        ("coming months", model.TimexType.DURATION, "PXM"),
    ]


# --------------------------------------------------------------------------- comparisons


def test_timex_conventions_year_on_year_comparison_skips_the_closing_day() -> None:
    text = "For the third quarter ended Sept. 30, sales rose from $5 million a year earlier."
    found = values(text, dt.date(2023, 10, 26))
    assert found[-1] == ("a year earlier", "2022-Q3")


def test_timex_conventions_a_quarter_named_by_its_last_day_is_the_quarter_it_mostly_covers() -> None:
    found = values("In the quarter ended July 31, the chain sold more boats than a year earlier.", dt.date(2023, 9, 5))
    assert found[0] == ("the quarter", "2023-Q2")
    assert found[-1] == ("a year earlier", "2022-Q2")
    found = values("Rents rose for the quarter ended Oct. 1, 2022, the landlord said.", dt.date(2023, 9, 5))
    assert found[0] == ("the quarter", "2022-Q3")


def test_timex_conventions_a_years_period_is_the_period_compared() -> None:
    found = values("Sales rose in the third quarter, up from the 2022 period.", dt.date(2023, 10, 26))
    assert found == [("the third quarter", "2023-Q3"), ("the 2022 period", "2022-Q3")]
    found = values("Sales rose in the third quarter. Costs in the latest period fell.", dt.date(2023, 10, 26))
    assert found[-1] == ("the latest period", "2023-Q3")


def test_timex_conventions_a_forecast_period_is_not_the_period_compared(nlp: Language) -> None:
    text = (
        "The brewer reported lower profit for the second quarter. Analysts expect weak sales through "
        "the fourth quarter of 2024. In the year-ago period, the brewer earned $3 million."
    )
    found = values(text, dt.date(2023, 8, 2), nlp)
    assert found[-1] == ("the year-ago period", "2022-Q2")
    text = "Sales fell in the third quarter. Sales in the first half of 2024 may rise. A year earlier, sales rose."
    found = values(text, dt.date(2023, 10, 26))
    assert found[-1] == ("A year earlier", "2022-Q3")


def test_timex_conventions_year_earlier_months_are_a_stretch_like_the_months() -> None:
    found = tag("Freight for the year-earlier nine months was lower.", dt.date(2023, 10, 26))
    assert [(e.span.text, e.timex_type, e.value) for e in found] == [
        ("the year-earlier nine months", model.TimexType.DURATION, "P9M")
    ]


def test_timex_conventions_the_corresponding_period_last_year() -> None:
    found = values("Sales rose in the third quarter from the corresponding period last year.", dt.date(2023, 10, 26))
    assert found[-1] == ("the corresponding period last year", "2022-Q3")


def test_timex_conventions_the_week_of_a_day_is_that_week() -> None:
    found = values("A hearing is set for the week of March 6, the court said.", dt.date(2000, 2, 24))
    assert found == [("the week of March 6", "2000-W10")]
    assert values("The week of the vote was tense.", dt.date(2000, 2, 24)) == []


def test_timex_conventions_the_last_half_of_a_year_is_its_second() -> None:
    assert values("Earnings for the last half of 1989 fell.", dt.date(1989, 10, 26)) == [
        ("the last half of 1989", "1989-H2")
    ]


def test_timex_conventions_the_day_before_an_event_is_not_counted_from_the_story() -> None:
    """ "the day before the vote" relates the day to the vote, whose date the words do not
    give: no day is counted back from the last date the text named."""
    found = values("The strike came on May 3, 2023. Police had left the day before the blast.", dt.date(2023, 5, 5))
    assert ("the day before", "2023-05-02") not in found
    found = values("He was last seen on May 3, the day before police issued a warrant.", dt.date(2023, 5, 5))
    assert found == [("May 3", "2023-05-03")]
    assert values("The strike came on May 3, 2023. Police had left the day before.", dt.date(2023, 5, 5)) == [
        ("May 3, 2023", "2023-05-03"),
        ("the day before", "2023-05-02"),
    ]


def test_timex_conventions_a_part_of_day_before_or_after_an_event_is_not_the_publication_days(
    nlp: Language,
) -> None:
    """ "the morning after fighters detonated a device" is counted from the blast, whose day the
    words do not give: not the morning of the day the report came out."""
    day = dt.date(2023, 5, 5)
    found = values("The raid took place the morning after fighters detonated a device near the town.", day, nlp)
    assert found == [("the morning", "XXXX-XX-XXTMO")]
    assert values("Drones struck the town in the morning.", day, nlp) == [("the morning", "2023-05-05TMO")]
    assert values("They came back the night after May 3.", day, nlp) == [("the night after May 3", "2023-05-04TNI")]


def test_timex_conventions_a_dated_entrys_deictic_words_are_on_the_entrys_day() -> None:
    """A thread or diary of dated entries, published later: each entry's "this morning",
    "last night" and "yesterday" are said on the day the entry is dated, not the page's day."""
    text = (
        "12 Nov: Our forces destroyed a vehicle this morning. Drones were jammed last night.\n\n"
        "13 Nov - Soldiers raided the village yesterday and again today.\n\n"
        "Drones struck the market this morning."
    )
    assert values(text, dt.date(2023, 11, 16)) == [
        ("12 Nov", "2023-11-12"),
        ("this morning", "2023-11-12TMO"),
        ("last night", "2023-11-11TNI"),
        ("13 Nov", "2023-11-13"),
        ("yesterday", "2023-11-12"),
        ("today", "2023-11-13"),
        ("this morning", "2023-11-16TMO"),
    ]
    # a date that opens a sentence without labelling the line dates no entry
    opening = values("On 12 Nov our forces struck. This morning they struck again.", dt.date(2023, 11, 16))
    assert ("This morning", "2023-11-16TMO") in opening


def test_timex_conventions_the_day_before_a_named_day_is_that_day(nlp: Language) -> None:
    """ "during the day Friday": one day, the one named; "the day" is not a second time."""
    found = values("The talks stalled on Monday. During the day Friday, the crowd grew.", dt.date(2023, 5, 6), nlp)
    assert found == [("Monday", "2023-05-01"), ("Friday", "2023-05-05")]


def test_timex_conventions_a_part_of_day_classifying_a_noun_is_no_time(nlp: Language) -> None:
    """ "the morning talk show", "the night shift": a kind of show or shift, not a time; after a
    day it is still that day's morning."""
    day = dt.date(2023, 5, 3)
    assert values("The minister said on state radio's morning talk show that aid was coming.", day, nlp) == []
    assert values("Workers on the night shift walked out.", day, nlp) == []
    assert ("Tuesday morning", "2023-05-02TMO") in values("He spoke on Tuesday morning talk radio.", day, nlp)


def test_timex_conventions_a_time_something_is_postponed_until_lies_ahead(nlp: Language) -> None:
    """ "postponed until Tuesday morning" told on a Thursday: the coming Tuesday, though the
    verb is past; a plain past clause still reads the weekday as gone."""
    thursday = dt.date(2023, 5, 4)
    found = values("The council postponed until Tuesday morning any vote on the new budget.", thursday, nlp)
    assert found == [("Tuesday morning", "2023-05-09TMO")]
    found = values("The ministry delayed the hearing to Monday.", thursday, nlp)
    assert found == [("Monday", "2023-05-08")]
    assert values("The council met on Tuesday to discuss the budget.", thursday, nlp) == [("Tuesday", "2023-05-02")]


def test_timex_conventions_a_future_deadline_weekday_is_the_coming_one(nlp: Language) -> None:
    """ "will finish by Monday" told on a Thursday: the coming Monday, not the nearer one gone."""
    found = values("The engineers will finish the repairs by Monday.", dt.date(2023, 5, 4), nlp)
    assert found == [("Monday", "2023-05-08")]


def test_timex_conventions_the_year_ago_quarter_is_a_quarter() -> None:
    """ "the comparable year-ago quarter" after a month was named: the quarter the text
    compares a year back, not the month."""
    text = (
        "The brewer reported its third-quarter profit on Tuesday. It moved its fiscal year to the "
        "calendar year in December. In the comparable year-ago quarter it lost $3 million."
    )
    found = dict(values(text, dt.date(2023, 10, 26)))
    assert found["the comparable year-ago quarter"] == "2022-Q3"


def test_timex_conventions_a_year_glued_to_pre_or_post_is_a_year(nlp: Language) -> None:
    """ "the post-1991 borders", "pre-2014 levels": the year with its hyphenated prefix."""
    day = dt.date(2023, 5, 3)
    assert values("The talks were about the post-1991 borders of the region.", day, nlp) == [("post-1991", "1991")]
    assert values("Exports returned to pre-2014 levels.", day, nlp) == [("pre-2014", "2014")]
    assert values("The post office reopened.", day, nlp) == []

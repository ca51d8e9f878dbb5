"""Date lines: a line that is one calendar day and nothing else."""

from __future__ import annotations

import pytest

from corroborator.ingest.dateline import (
    DateParts,
    NotADateLine,
    date_lexicon,
    is_date_line,
    parse_date_line,
)

LEXICON = date_lexicon()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("January 21, 2025", DateParts(year=2025, month=1, day=21)),
        ("21 Jan 2025", DateParts(year=2025, month=1, day=21)),
        ("2025-01-21", DateParts(year=2025, month=1, day=21)),
        ("Tuesday, 3 May 2023", DateParts(year=2023, month=5, day=3)),
        ("Sept. 9, 2022", DateParts(year=2022, month=9, day=9)),
        ("the 4th of July, 2021", DateParts(year=2021, month=7, day=4)),
        ("Updated: 3 May 2023, 14:05 GMT", DateParts(year=2023, month=5, day=3)),
        ("Published 8 March 2024 at 9:15 am Kyiv time", DateParts(year=2024, month=3, day=8)),
        ("2024-02-29T06:00:00Z", DateParts(year=2024, month=2, day=29)),
        ("17.11.2022", DateParts(year=2022, month=11, day=17)),
        ("11/17/2022", DateParts(year=2022, month=11, day=17)),
        ("August 30", DateParts(year=None, month=8, day=30)),
        ("  Friday 30 August  ", DateParts(year=None, month=8, day=30)),
    ],
)
def test_dateline_parses_common_formats(line: str, expected: DateParts) -> None:
    assert parse_date_line(line, lexicon=LEXICON) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Kharkiv: explosions heard overnight",  # place then prose
        "June 5: drones over the port",  # a headline that starts with a date
        "KHARKIV, June 5",  # a filing-place dateline, not a date line
        "October 2022",  # month and year only: a section heading more often than a date
        "31 April 2023",  # no such day
        "13/13/2024",  # no reading is a valid day
        "3 May 2023 and 4 May 2023",  # two dates
        "5 drones on 3 May",  # a count, not a date
        "May the air-raid alerts end soon",
        "",
        "2023",
    ],
)
def test_dateline_rejects_lines_that_are_not_only_a_date(line: str) -> None:
    assert not is_date_line(line, lexicon=LEXICON)
    with pytest.raises(NotADateLine):
        parse_date_line(line, lexicon=LEXICON)


def test_dateline_leap_day_without_year_is_accepted() -> None:
    # A yearless 29 February may belong to a leap year; only a later stage can tell.
    assert parse_date_line("29 February", lexicon=LEXICON) == DateParts(year=None, month=2, day=29)
    assert not is_date_line("29 February 2023", lexicon=LEXICON)


def test_dateline_very_long_line_is_never_a_date_line() -> None:
    assert not is_date_line("3 May 2023 " + "," * 200, lexicon=LEXICON)

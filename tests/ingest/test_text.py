"""Plain text: the `Key: value` header, the date line, and what stays in the text."""

from __future__ import annotations

import pytest

from corroborator.config import Settings
from corroborator.errors import EmptyInput
from corroborator.ingest import read_bytes
from corroborator.model import Report


def read_one(data: str, settings: Settings, *, default_id: str = "doc") -> Report:
    reports = read_bytes(
        data.encode("utf-8"), origin="doc.txt", default_id=default_id, fmt="text", settings=settings
    )
    assert len(reports) == 1
    return reports[0]


def test_text_header_fills_fields_and_is_not_in_text(settings: Settings) -> None:
    report = read_one(
        "Id: courier-2024-0612\n"
        "Outlet: The Harbour Courier\n"
        "URL: https://courier.example/a?b=c:d\n"
        "Published: 2024-06-12T07:30:00+03:00\n"
        "Title: Drones downed over the bay\n"
        "Language: en\n"
        "Retrieved: 2024-06-12T09:00:00Z\n"
        "\n"
        "Air defence units shot down four drones.\n",
        settings,
    )
    assert report.id == "courier-2024-0612"
    assert report.outlet == "The Harbour Courier"
    assert report.url == "https://courier.example/a?b=c:d"
    assert report.published == "2024-06-12T07:30:00+03:00"
    assert report.title == "Drones downed over the bay"
    assert report.language == "en"
    assert report.retrieved == "2024-06-12T09:00:00Z"
    assert report.text == "Air defence units shot down four drones.\n"
    assert report.format == "text"
    assert report.origin == "doc.txt"


def test_text_header_keys_are_case_insensitive_and_accept_aliases(settings: Settings) -> None:
    report = read_one("SOURCE: Regional Radio\ndate: 5 June 2024\n\nBody text here.", settings)
    assert report.outlet == "Regional Radio"
    assert report.published == "5 June 2024"
    assert report.text == "Body text here."


def test_text_place_colon_first_line_is_body_not_header(settings: Settings) -> None:
    text = "Kharkiv: explosions heard overnight\n\nResidents reported three blasts."
    report = read_one(text, settings)
    assert report.text == text
    assert report.outlet is None and report.title is None


def test_text_header_block_needs_a_closing_blank_line(settings: Settings) -> None:
    text = "Title: Drones over the bay\nFour drones were shot down, officials said."
    report = read_one(text, settings)
    assert report.title is None
    assert report.text == text


def test_text_header_block_with_one_unknown_key_is_all_body(settings: Settings) -> None:
    text = "Title: A report\nWitness: a shopkeeper\n\nThe shop windows were broken."
    report = read_one(text, settings)
    assert report.title is None
    assert report.text == text


def test_text_header_first_of_repeated_keys_wins(settings: Settings) -> None:
    report = read_one("Outlet: First\nOutlet: Second\n\nBody.", settings)
    assert report.outlet == "First"


def test_text_header_with_empty_value_leaves_field_unset(settings: Settings) -> None:
    report = read_one("Title:\nOutlet: Regional Radio\n\nBody.", settings)
    assert report.title is None
    assert report.outlet == "Regional Radio"


def test_text_blank_lines_above_header_are_allowed(settings: Settings) -> None:
    report = read_one("\n\nOutlet: Regional Radio\n\n\nBody.", settings)
    assert report.outlet == "Regional Radio"
    assert report.text == "Body."


def test_text_header_without_body_is_empty_input(settings: Settings) -> None:
    with pytest.raises(EmptyInput, match="no body"):
        read_one("Outlet: Regional Radio\nTitle: Nothing\n\n\n", settings)


def test_text_id_falls_back_to_default(settings: Settings) -> None:
    assert read_one("Just a body.", settings, default_id="stem-name").id == "stem-name"


@pytest.mark.parametrize(
    "date_line", ["January 21, 2025", "21 Jan 2025", "2025-01-21", "Tuesday, 3 May 2023"]
)
def test_text_date_line_kept_in_text_and_sets_published(settings: Settings, date_line: str) -> None:
    report = read_one(f"{date_line}\nThe governor said the alert lasted an hour.\n", settings)
    assert report.date_line == date_line
    assert report.published == date_line
    assert report.text.startswith(date_line + "\n")


def test_text_date_line_does_not_override_declared_published(settings: Settings) -> None:
    report = read_one("Published: 2024-06-12\n\n11 June 2024\n\nBody.", settings)
    assert report.date_line == "11 June 2024"
    assert report.published == "2024-06-12"


def test_text_date_line_after_leading_blank_lines_and_spaces(settings: Settings) -> None:
    report = read_one("\n  \n   8 March 2024  \nBody.", settings)
    assert report.date_line == "8 March 2024"


def test_text_date_only_inside_body_is_not_a_date_line(settings: Settings) -> None:
    report = read_one("Drones hit the depot.\n\n8 March 2024\n", settings)
    assert report.date_line is None
    assert report.published is None


def test_text_headline_starting_with_date_is_not_a_date_line(settings: Settings) -> None:
    report = read_one("June 5: drones over the port\n\nBody.", settings)
    assert report.date_line is None


def test_text_crlf_header_is_read(settings: Settings) -> None:
    report = read_one("Outlet: Regional Radio\r\n\r\n3 May 2023\r\nBody.\r\n", settings)
    assert report.outlet == "Regional Radio"
    assert report.date_line == "3 May 2023"
    assert report.text == "3 May 2023\r\nBody.\r\n"

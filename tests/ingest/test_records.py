"""JSON and JSON Lines records: fields, aliases, extra keys, ids, and per-record failures."""

from __future__ import annotations

import json

import pytest

from corroborator.config import Settings
from corroborator.errors import EmptyInput, MalformedInput
from corroborator.ingest import iter_bytes, read_bytes
from corroborator.model import IngestFailure, Report


def as_bytes(value: object) -> bytes:
    return json.dumps(value).encode("utf-8")


def test_records_single_object_becomes_one_report(settings: Settings) -> None:
    record = {
        "id": "r1",
        "url": "https://radio.example/r1",
        "outlet": "Regional Radio",
        "published": "2024-06-13",
        "title": "Port fire out",
        "text": "Firefighters put out a blaze at the terminal.",
    }
    [report] = read_bytes(as_bytes(record), origin="r.json", default_id="r", settings=settings)
    assert (report.id, report.url, report.outlet) == ("r1", record["url"], "Regional Radio")
    assert (report.published, report.title) == ("2024-06-13", "Port fire out")
    assert report.text == record["text"]
    assert report.format == "json"
    assert report.origin == "r.json"
    assert report.extra == {}


def test_records_unknown_fields_go_to_extra_unchanged(settings: Settings) -> None:
    record = {"text": "Body.", "section": "regional", "tags": ["a", "b"], "meta": {"n": 1}}
    [report] = read_bytes(as_bytes(record), origin="r.json", default_id="r", settings=settings)
    assert report.extra == {"section": "regional", "tags": ["a", "b"], "meta": {"n": 1}}


def test_records_single_object_missing_id_uses_stem(settings: Settings) -> None:
    [report] = read_bytes(
        as_bytes({"text": "Body."}), origin="x.json", default_id="x", settings=settings
    )
    assert report.id == "x"


def test_records_list_ids_and_origins(settings: Settings) -> None:
    data = as_bytes([{"text": "One."}, {"id": 42, "text": "Two."}, {"text": "Three."}])
    reports = read_bytes(data, origin="batch.json", default_id="batch", settings=settings)
    assert [r.id for r in reports] == ["batch-1", "42", "batch-3"]
    assert [r.origin for r in reports] == ["batch.json[0]", "batch.json[1]", "batch.json[2]"]


def test_records_list_with_bad_record_fails_only_that_record(settings: Settings) -> None:
    data = as_bytes(
        [{"text": "Good one."}, {"title": "No text"}, "not an object", {"text": "Good two."}]
    )
    outcomes = list(iter_bytes(data, origin="b.json", default_id="b", settings=settings))
    assert [type(o).__name__ for o in outcomes] == [
        "Report",
        "IngestFailure",
        "IngestFailure",
        "Report",
    ]
    missing, wrong_type = outcomes[1], outcomes[2]
    assert isinstance(missing, IngestFailure) and isinstance(wrong_type, IngestFailure)
    assert missing.origin == "b.json[1]" and "no text" in missing.reason
    assert json.loads(missing.raw) == {"title": "No text"}
    assert wrong_type.origin == "b.json[2]" and "a string" in wrong_type.reason
    assert missing.format == "json"


def test_records_read_bytes_is_strict_about_bad_records(settings: Settings) -> None:
    data = as_bytes([{"text": "Good."}, {"title": "No text"}])
    with pytest.raises(MalformedInput) as caught:
        read_bytes(data, origin="b.json", default_id="b", settings=settings)
    assert caught.value.origin == "b.json[1]"


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"title": "t"}, "no text"),
        ({"text": "   \n "}, "empty"),
        ({"text": 12}, "a number"),
        ({"text": None}, "no text"),
    ],
)
def test_records_without_usable_text_fail_naming_the_problem(
    settings: Settings, record: dict[str, object], reason: str
) -> None:
    [failure] = list(
        iter_bytes(as_bytes(record), origin="r.json", default_id="r", settings=settings)
    )
    assert isinstance(failure, IngestFailure)
    assert reason in failure.reason
    assert "\n" not in failure.reason


def test_records_alias_keys_fill_fields(settings: Settings) -> None:
    record = {
        "body": "Body text.",
        "publishedAt": "2024-06-01",
        "source": "Regional Radio",
        "link": "u",
    }
    [report] = read_bytes(as_bytes(record), origin="r.json", default_id="r", settings=settings)
    assert report.text == "Body text."
    assert report.published == "2024-06-01"
    assert report.outlet == "Regional Radio"
    assert report.url == "u"
    assert report.extra == {}


def test_records_preferred_key_wins_and_other_stays_in_extra(settings: Settings) -> None:
    record = {"content": "Shorter teaser.", "text": "Full text of the report."}
    [report] = read_bytes(as_bytes(record), origin="r.json", default_id="r", settings=settings)
    assert report.text == "Full text of the report."
    assert report.extra == {"content": "Shorter teaser."}


def test_records_structured_value_for_a_field_stays_in_extra(settings: Settings) -> None:
    record = {"text": "Body.", "source": {"id": None, "name": "Regional Radio"}}
    [report] = read_bytes(as_bytes(record), origin="r.json", default_id="r", settings=settings)
    assert report.outlet is None
    assert report.extra == {"source": {"id": None, "name": "Regional Radio"}}


def test_records_text_date_line_is_detected(settings: Settings) -> None:
    [report] = read_bytes(
        as_bytes({"text": "4 July 2024\nThe alert lasted an hour."}),
        origin="r.json",
        default_id="r",
        settings=settings,
    )
    assert report.date_line == "4 July 2024"
    assert report.published == "4 July 2024"


def test_records_malformed_json_reports_line_and_column(settings: Settings) -> None:
    with pytest.raises(MalformedInput, match=r"line 3, column \d+") as caught:
        read_bytes(
            b'{\n  "text": "a",\n  oops\n}', origin="bad.json", default_id="bad", settings=settings
        )
    assert caught.value.origin == "bad.json"


@pytest.mark.parametrize(
    ("data", "error"), [(b"[]", EmptyInput), (b'"just a string"', MalformedInput)]
)
def test_records_json_without_records_fails(
    settings: Settings, data: bytes, error: type[Exception]
) -> None:
    with pytest.raises(error):
        read_bytes(data, origin="x.json", default_id="x", fmt="json", settings=settings)


def test_records_deeply_nested_json_is_malformed_not_a_crash(settings: Settings) -> None:
    data = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(MalformedInput, match="nested too deeply"):
        read_bytes(data, origin="deep.json", default_id="deep", fmt="json", settings=settings)


def test_records_jsonl_bad_line_fails_alone(settings: Settings) -> None:
    data = b'{"text": "First."}\n{"text": "broken\n\n{"id": "third", "text": "Third."}\n[1, 2]\n'
    outcomes = list(
        iter_bytes(data, origin="f.jsonl", default_id="f", fmt="jsonl", settings=settings)
    )
    kinds = [type(o).__name__ for o in outcomes]
    assert kinds == ["Report", "IngestFailure", "Report", "IngestFailure"]
    first, broken, third, listed = outcomes
    assert isinstance(first, Report) and first.id == "f-1" and first.origin == "f.jsonl:1"
    assert isinstance(broken, IngestFailure) and broken.origin == "f.jsonl:2"
    assert "not valid JSON" in broken.reason and broken.raw == b'{"text": "broken'
    assert isinstance(third, Report) and third.id == "third" and third.origin == "f.jsonl:4"
    assert third.format == "jsonl"
    assert isinstance(listed, IngestFailure) and listed.origin == "f.jsonl:5"


def test_records_lone_surrogate_escape_is_replaced(settings: Settings) -> None:
    [report] = read_bytes(
        b'{"text": "A\\ud800B"}', origin="s.json", default_id="s", settings=settings
    )
    assert report.text == "A?B"
    assert report.content_hash  # encodable: the store can hash it

"""CSV and TSV tables: a report per row, columns mapped by name or by an explicit mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.config import Settings
from corroborator.errors import EmptyInput
from corroborator.ingest import BytesReader, ReadOptions, read_bytes, read_paths
from corroborator.ingest.csv_tables import parse_column_map
from corroborator.model import IngestFailure, Report

TABLES = Path(__file__).resolve().parents[1] / "data" / "ingest" / "tables"


def rows(name: str, settings: Settings, **options: object) -> list[Report | IngestFailure]:
    return list(read_paths([TABLES / name], settings=settings, options=ReadOptions(**options)))  # type: ignore[arg-type]


def test_csv_tables_header_names_fill_fields_and_other_columns_go_to_extra(settings: Settings) -> None:
    first = rows("export.csv", settings)[0]
    assert isinstance(first, Report) and first.format == "csv"
    assert first.id == "obs-301" and first.title == "Depot fire put out"
    assert first.published == "2024-09-18" and first.outlet == "The Lowland Observer"
    assert first.text.startswith("Firefighters put out a fire at a fuel depot near Marenka")
    assert first.extra == {"Section": "regional"}
    assert first.origin == str(TABLES / "export.csv") + ":2"


def test_csv_tables_rows_are_named_by_the_line_they_start_on(settings: Settings) -> None:
    results = rows("export.csv", settings)
    origins = [r.origin.rsplit(":", 1)[1] for r in results]
    # A quoted cell spanning three lines (3-5) does not shift the names of later rows.
    assert origins == ["2", "3", "6", "8"]
    multi = results[1]
    assert isinstance(multi, Report) and "No damage was reported" in multi.text
    failure = results[2]
    assert isinstance(failure, IngestFailure) and "text is empty" in failure.reason
    assert failure.raw.startswith(b"obs-303,Empty row text")


def test_csv_tables_explicit_mapping_by_name_or_number(settings: Settings) -> None:
    by_name = rows("semicolon.csv", settings, columns={"text": "artikel", "title": "titel", "published": "datum"})
    by_number = rows("semicolon.csv", settings, columns={"text": "3", "title": "2", "id": "1"})
    assert [r.title for r in by_name if isinstance(r, Report)] == ["Alarm", "Storing"]
    first = by_name[0]
    assert isinstance(first, Report)
    # Semicolons are sniffed as the delimiter; a semicolon inside a quoted cell stays text.
    assert first.text.endswith("for an hour on Friday; no strikes were reported.")
    assert first.published == "2024-10-04" and first.extra == {"ref": "1"}
    assert [r.id for r in by_number if isinstance(r, Report)] == ["1", "2"]


def test_csv_tables_without_a_text_column_fail_naming_the_columns(settings: Settings) -> None:
    [failure] = rows("no_text.csv", settings)
    assert isinstance(failure, IngestFailure)
    assert "no text column" in failure.reason and "'title'" in failure.reason and "--columns text=" in failure.reason


def test_csv_tables_mapping_to_a_missing_column_fails(settings: Settings) -> None:
    [failure] = rows("semicolon.csv", settings, columns={"text": "story"})
    assert isinstance(failure, IngestFailure) and "'story', which is not a column" in failure.reason


def test_csv_tables_tsv_by_ending(settings: Settings) -> None:
    [report] = rows("tabbed.tsv", settings)
    assert isinstance(report, Report) and report.format == "tsv" and report.id == "7"


def test_csv_tables_sniffed_from_content_on_stdin(settings: Settings) -> None:
    data = b"title,body\nBlackout,The power went out across the Selvino district on Saturday night.\n"
    [report] = read_bytes(data, origin="stdin", default_id="stdin", settings=settings)
    assert report.format == "csv" and report.title == "Blackout" and report.id == "stdin-1"


def test_csv_tables_header_only_is_empty(settings: Settings) -> None:
    with pytest.raises(EmptyInput, match="header but no rows"):
        read_bytes(b"id,text\n", origin="t.csv", default_id="t", fmt="csv", settings=settings)


def test_csv_tables_huge_cells_are_allowed(settings: Settings) -> None:
    body = "Drones were reported over the coast. " * 5000
    data = f'id,text\n1,"{body}"\n'.encode()
    [report] = read_bytes(data, origin="t.csv", default_id="t", fmt="csv", settings=settings)
    assert len(report.text) > 131072


def test_csv_tables_column_map_parsing() -> None:
    assert parse_column_map("text=body, published = date,id=3") == {"text": "body", "published": "date", "id": "3"}
    for bad, words in (("body", "FIELD=COLUMN"), ("colour=x", "not a report field"), ("text=a,text=b", "twice")):
        with pytest.raises(ValueError, match=words):
            parse_column_map(bad)


def test_csv_tables_mapped_field_wins_over_a_same_named_column(settings: Settings) -> None:
    data = b"text,story\nshort label,The bridge at Selvino was closed after a drone alert on Sunday.\n"
    reader = BytesReader.from_settings(settings, options=ReadOptions(columns={"text": "story"}))
    [report] = list(reader.read(data, origin="t.csv", default_id="t", fmt="csv"))
    assert isinstance(report, Report)
    assert report.text.startswith("The bridge at Selvino") and report.extra == {"text (column 1)": "short label"}

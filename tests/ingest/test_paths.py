"""read_paths: files, directories, stdin; every bad input a failure, the batch goes on."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from corroborator.config import Settings
from corroborator.ingest import read_paths
from corroborator.model import IngestFailure, Report


def summary(outcomes: list[Report | IngestFailure], root: str) -> list[tuple[str, str]]:
    """(kind, origin with the root directory taken off) per outcome."""
    prefix = root + os.sep
    return [
        ("report" if isinstance(o, Report) else "failure", o.origin.removeprefix(prefix))
        for o in outcomes
    ]


def test_paths_directory_batch_in_order_with_failures(settings: Settings, test_data: Path) -> None:
    root = str(test_data / "ingest" / "batch")
    outcomes = list(read_paths([root], settings=settings))
    assert summary(outcomes, root) == [
        ("report", "a_header.txt"),
        ("report", "b_plain.txt"),
        ("report", "c_records.json[0]"),
        ("report", "c_records.json[1]"),
        ("failure", "c_records.json[2]"),
        ("report", "d_lines.jsonl:1"),
        ("failure", "d_lines.jsonl:2"),
        ("report", "d_lines.jsonl:4"),
        ("failure", "e_empty.txt"),
        ("report", "f_latin1.txt"),
        ("report", "g_utf16.txt"),
        ("failure", "h_image.png"),
        ("report", "i_notes.log"),
        ("failure", "j_data.bin"),
        ("failure", "l_sheet.xlsx"),
        ("report", "m_page.html"),
        ("report", "nested/k_nested.md"),
    ]


def test_paths_directory_reports_have_expected_content(settings: Settings, test_data: Path) -> None:
    root = test_data / "ingest" / "batch"
    by_id = {o.id: o for o in read_paths([root], settings=settings) if isinstance(o, Report)}
    header = by_id["a_header"]
    assert header.outlet == "The Harbour Courier" and header.date_line == "12 June 2024"
    assert header.published == "2024-06-12T07:30:00+03:00"
    assert by_id["b_plain"].text.startswith("Lviv: blasts heard overnight\n")
    assert by_id["courier-17"].extra == {"section": "regional"}
    assert "c_records-2" in by_id
    # The broken line is still the second record: ids stay put when it is fixed.
    assert by_id["d_lines-3"].outlet == "Regional Radio"
    assert "façade du théâtre" in by_id["f_latin1"].text
    assert by_id["g_utf16"].text.startswith("Two drones")
    assert by_id["i_notes"].format == "text"
    assert by_id["k_nested"].origin == str(root / "nested" / "k_nested.md")
    page = by_id["m_page"]
    assert page.format == "html" and page.title == "Ferry terminal closed after overnight alert"
    assert page.text.endswith("resume in the afternoon.") and "Home" not in page.text and "rights" not in page.text
    assert not any("hidden" in r.text for r in by_id.values())


def test_paths_failure_reasons_are_one_clear_line(settings: Settings, test_data: Path) -> None:
    root = test_data / "ingest" / "batch"
    failures = {
        Path(f.origin.split("[")[0].split(":")[0]).name: f
        for f in read_paths([root], settings=settings)
        if isinstance(f, IngestFailure)
    }
    assert "empty" in failures["e_empty.txt"].reason
    assert "PNG" in failures["h_image.png"].reason
    assert failures["h_image.png"].raw.startswith(b"\x89PNG")
    assert "binary" in failures["j_data.bin"].reason
    assert "spreadsheets" in failures["l_sheet.xlsx"].reason and "CSV" in failures["l_sheet.xlsx"].reason
    assert "no text" in failures["c_records.json"].reason
    assert failures["d_lines.jsonl"].format == "jsonl"
    for failure in failures.values():
        assert failure.reason and "\n" not in failure.reason


def test_paths_missing_path_is_a_failure_and_batch_goes_on(
    settings: Settings, tmp_path: Path
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A short report.", encoding="utf-8")
    missing = tmp_path / "nope.txt"
    outcomes = list(read_paths([missing, good], settings=settings))
    assert isinstance(outcomes[0], IngestFailure)
    assert outcomes[0].origin == str(missing) and "no such file" in outcomes[0].reason
    assert isinstance(outcomes[1], Report) and outcomes[1].id == "good"


def test_paths_too_large_file_is_refused_and_raw_capped(settings: Settings, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 1000)
    [failure] = list(read_paths([big], settings=settings.with_overrides(max_input_bytes=100)))
    assert isinstance(failure, IngestFailure)
    assert "100-byte limit" in failure.reason
    assert len(failure.raw) == 100


def test_paths_explicit_hidden_file_is_read(settings: Settings, tmp_path: Path) -> None:
    hidden = tmp_path / ".draft.txt"
    hidden.write_text("Named on purpose, so read.", encoding="utf-8")
    [report] = list(read_paths([hidden], settings=settings))
    assert isinstance(report, Report) and report.id == ".draft"


def test_paths_file_without_extension_is_text(settings: Settings, tmp_path: Path) -> None:
    plain = tmp_path / "REPORT"
    plain.write_text('{"looks": "like json"} but is prose.', encoding="utf-8")
    [report] = list(read_paths([plain], settings=settings))
    assert isinstance(report, Report) and report.format == "text"


def test_paths_unknown_extension_with_json_is_sniffed(settings: Settings, tmp_path: Path) -> None:
    export = tmp_path / "export.dat"
    export.write_text(
        '{"id": "e1", "text": "Exported."}\n{"id": "e2", "text": "Two."}\n', encoding="utf-8"
    )
    reports = list(read_paths([export], settings=settings))
    assert [(r.id, r.format) for r in reports if isinstance(r, Report)] == [
        ("e1", "jsonl"),
        ("e2", "jsonl"),
    ]


def test_paths_symlink_loop_is_not_followed_forever(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Inside.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    outcomes = list(read_paths([tmp_path], settings=settings))
    assert [o.id for o in outcomes if isinstance(o, Report)] == ["a"]


def test_paths_many_small_files_stream_lazily(settings: Settings, tmp_path: Path) -> None:
    for n in range(300):
        (tmp_path / f"r{n:04d}.txt").write_text(f"Report number {n}.", encoding="utf-8")
    stream = read_paths([tmp_path], settings=settings)
    first = next(stream)
    assert isinstance(first, Report) and first.id == "r0000"
    rest = list(stream)
    assert len(rest) == 299 and all(isinstance(r, Report) for r in rest)


@pytest.mark.parametrize(
    ("data", "fmt", "ids"),
    [
        (b"Outlet: Regional Radio\n\n3 May 2023\nPiped text.", "text", ["stdin"]),
        (b'{"id": "one", "text": "Piped JSON."}', "json", ["one"]),
        (b'[{"text": "A."}, {"text": "B."}]', "json", ["stdin-1", "stdin-2"]),
        (b'{"text": "A."}\n{"text": "B."}\n', "jsonl", ["stdin-1", "stdin-2"]),
    ],
)
def test_paths_stdin_is_sniffed(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str, ids: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    reports = list(read_paths(["-"], settings=settings))
    assert all(isinstance(r, Report) for r in reports)
    assert [r.id for r in reports if isinstance(r, Report)] == ids
    assert {r.format for r in reports if isinstance(r, Report)} == {fmt}
    assert reports[0].origin.startswith("stdin")


def test_paths_stdin_malformed_json_is_a_json_failure(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.BytesIO(b'{"text": "unclosed}'))
    [failure] = list(read_paths(["-"], settings=settings))
    assert isinstance(failure, IngestFailure)
    assert failure.origin == "stdin" and failure.format == "json"
    assert "column" in failure.reason


def test_paths_stdin_too_large_reads_only_limit_plus_one(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    stream = io.BytesIO(b"y" * 10_000)
    monkeypatch.setattr(sys, "stdin", stream)
    [failure] = list(read_paths(["-"], settings=settings.with_overrides(max_input_bytes=50)))
    assert isinstance(failure, IngestFailure) and "limit" in failure.reason
    assert stream.tell() == 51

"""Which input to read again for a failed origin."""

from __future__ import annotations

from pathlib import Path

from corroborator.ingest.origins import default_id_for, source_to_reread


def test_origins_record_suffixes_lead_back_to_the_file(tmp_path: Path) -> None:
    lines = tmp_path / "wire.jsonl"
    lines.write_text("{}")
    export = tmp_path / "result.json"
    export.write_text("{}")
    assert source_to_reread(f"{lines}:12") == str(lines)
    assert source_to_reread(f"{export}[3]") == str(export)
    assert source_to_reread(f"{export}#42") == str(export)
    assert source_to_reread(str(lines)) == str(lines)


def test_origins_archive_members_lead_back_to_the_archive(tmp_path: Path) -> None:
    archive = tmp_path / "batch.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    assert source_to_reread(f"{archive}/day1/a.jsonl:3") == str(archive)


def test_origins_gone_files_and_stdin_have_nothing_to_reread(tmp_path: Path) -> None:
    assert source_to_reread(str(tmp_path / "deleted.txt")) is None
    assert source_to_reread(str(tmp_path / "deleted.jsonl:3")) is None
    assert source_to_reread(str(tmp_path)) == str(tmp_path)  # a directory that could not be listed
    assert source_to_reread("stdin") is None


def test_origins_urls_lose_record_suffixes_but_keep_ports() -> None:
    assert source_to_reread("https://a.example/feed.xml[2]") == "https://a.example/feed.xml"
    assert source_to_reread("https://a.example/items.jsonl:7") == "https://a.example/items.jsonl"
    assert source_to_reread("http://localhost:8080") == "http://localhost:8080"


def test_origins_default_ids() -> None:
    assert default_id_for("stdin") == "stdin"
    assert default_id_for("/data/reports/kherson.txt") == "kherson"
    assert default_id_for("/data/wire.jsonl:4") == "wire"
    assert default_id_for("https://a.example/news/strike.html") == "strike"

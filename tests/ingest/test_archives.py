"""ZIP archives: every file inside read like a file on disk, within the size limit."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from corroborator.config import Settings
from corroborator.ingest import iter_bytes, read_paths
from corroborator.model import IngestFailure, Report


def archive(files: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def outcomes(data: bytes, settings: Settings, origin: str = "batch.zip") -> list[Report | IngestFailure]:
    return list(iter_bytes(data, origin=origin, default_id="batch", settings=settings))


def test_archives_members_are_read_in_name_order_with_their_formats(settings: Settings) -> None:
    data = archive({
        "day2/b.jsonl": b'{"id": "j1", "text": "A drone was shot down over Tervik."}\n',
        "day1/a.txt": b"Outlet: Delta Monitor\n\nSirens sounded in Selvino at dawn.",
        "day1/c.html": b"<html><body><article><p>Power was cut in Kelmar after a strike on a substation on Monday "
        b"evening, officials said, and repairs went on through the night.</p></article></body></html>",
        "__MACOSX/day1/._a.txt": b"\x00\x05\x16\x07",
        "day1/.hidden.txt": b"not for reading",
    })  # fmt: skip
    results = outcomes(data, settings)
    assert [r.origin for r in results] == ["batch.zip/day1/a.txt", "batch.zip/day1/c.html", "batch.zip/day2/b.jsonl:1"]
    first, page, record = results
    assert isinstance(first, Report) and first.id == "a" and first.outlet == "Delta Monitor"
    assert isinstance(page, Report) and page.format == "html" and page.id == "c"
    assert isinstance(record, Report) and record.id == "j1"


def test_archives_a_bad_member_fails_alone(settings: Settings) -> None:
    data = archive({"a.txt": b"Blasts were heard in Portavel.", "b.txt": b"   ", "c.pdf": b"%PDF-1.4 \x00\x01"})
    results = outcomes(data, settings)
    kinds = [(type(r).__name__, r.origin) for r in results]
    assert kinds == [
        ("Report", "batch.zip/a.txt"),
        ("IngestFailure", "batch.zip/b.txt"),
        ("IngestFailure", "batch.zip/c.pdf"),
    ]
    assert "empty" in results[1].reason if isinstance(results[1], IngestFailure) else False


def test_archives_member_over_the_size_limit_is_refused_without_unpacking(settings: Settings) -> None:
    # Highly compressible: a small archive that would unpack to far more than the limit.
    data = archive({"big.txt": b"drone " * 200_000, "small.txt": b"A short report about a drone."})
    small_limit = settings.with_overrides(max_input_bytes=100_000)
    results = outcomes(data, small_limit)
    big = results[0]
    assert isinstance(big, IngestFailure) and big.origin == "batch.zip/big.txt"
    assert "over the 100,000-byte limit" in big.reason
    assert isinstance(results[1], Report)


def test_archives_nested_archive_is_opened(settings: Settings) -> None:
    inner = archive({"inner.txt": b"Air defence was active over Kelmar overnight."})
    data = archive({"inner.zip": inner})
    [report] = outcomes(data, settings)
    assert isinstance(report, Report) and report.origin == "batch.zip/inner.zip/inner.txt"


def test_archives_corrupt_archive_fails_clearly(settings: Settings) -> None:
    data = archive({"a.txt": b"Report text that will be cut off." * 50})
    [failure] = outcomes(data[: len(data) // 2], settings)
    assert isinstance(failure, IngestFailure) and "not a readable ZIP archive" in failure.reason


def test_archives_office_documents_are_not_archives(settings: Settings) -> None:
    data = archive({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    [failure] = outcomes(data, settings, origin="statement.zip")
    assert isinstance(failure, IngestFailure) and "Office" in failure.reason


def test_archives_zip_file_on_disk_and_on_stdin_like_input(settings: Settings, tmp_path: Path) -> None:
    data = archive({"note.txt": b"The ferry terminal reopened in Lissand."})
    path = tmp_path / "reports.zip"
    path.write_bytes(data)
    [report] = list(read_paths([path], settings=settings))
    assert isinstance(report, Report) and report.origin == f"{path}/note.txt"
    [sniffed] = outcomes(data, settings, origin="stdin")
    assert isinstance(sniffed, Report) and sniffed.origin == "stdin/note.txt"


def test_archives_empty_archive_fails(settings: Settings) -> None:
    [failure] = outcomes(archive({}), settings)
    assert isinstance(failure, IngestFailure) and "holds no files" in failure.reason

"""ZIP archives: every file inside read as if it were on disk.

Members are read in name order, directories and hidden files (and macOS `__MACOSX/`
metadata) skipped, each under the size limit — checked against the size the archive
declares and again while decompressing, so a member that lies about its size (a "zip
bomb") is cut off at the limit, never inflated in full. A member is named
`archive.zip/path/inside.txt`, so failures point at it and `retry` can find the archive
again. Office documents, OpenDocument files and EPUBs are ZIP containers too; they are
refused as documents, not read as archives of reports.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from corroborator.errors import IngestError, InputTooLarge, MalformedInput, UnsupportedInput
from corroborator.ingest.sniff import format_from_name
from corroborator.ingest.tables import FormatTable

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
#: Archives inside archives are followed this deep; deeper nesting is refused, not recursed.
MAX_DEPTH = 3
# Members whose presence marks a document format built on ZIP, not an archive of files.
_DOCUMENT_MARKERS = ("[Content_Types].xml", "mimetype", "META-INF/container.xml")
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, OSError)


def is_zip(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


@dataclass(frozen=True, kw_only=True)
class Member:
    """One file of an archive, read."""

    origin: str
    default_id: str
    fmt: str | None
    data: bytes


@dataclass(frozen=True, kw_only=True)
class MemberFailure:
    """One file of an archive that cannot be read (too large, encrypted, corrupt)."""

    error: IngestError
    raw: bytes = b""


def zip_members(data: bytes, *, origin: str, max_bytes: int, formats: FormatTable) -> Iterator[Member | MemberFailure]:
    """The archive's files in name order; raises IngestError when the archive is unreadable."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (*_ZIP_ERRORS, NotImplementedError) as exc:
        raise MalformedInput(origin, f"not a readable ZIP archive ({exc})") from exc
    names = {info.filename for info in infos}
    if any(marker in names for marker in _DOCUMENT_MARKERS):
        raise UnsupportedInput(
            origin, "an Office, OpenDocument or EPUB document (a ZIP container), not an archive; convert it to text"
        )
    wanted = sorted((i for i in infos if _wanted(i)), key=lambda i: i.filename)
    if not wanted:
        raise MalformedInput(origin, "ZIP archive holds no files")
    with archive:
        for info in wanted:
            yield _member(archive, info, origin=origin, max_bytes=max_bytes, formats=formats)


def _member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, origin: str, max_bytes: int, formats: FormatTable
) -> Member | MemberFailure:
    name = f"{origin}/{info.filename}"
    if info.flag_bits & 0x1:
        return MemberFailure(error=UnsupportedInput(name, "encrypted inside the archive; extract it with its password"))
    if info.file_size > max_bytes:
        return MemberFailure(
            error=InputTooLarge(name, f"{info.file_size:,} bytes unpacked, over the {max_bytes:,}-byte limit")
        )
    try:
        fmt = format_from_name(info.filename, origin=name, formats=formats)
    except UnsupportedInput as exc:
        return MemberFailure(error=exc)
    try:
        with archive.open(info) as handle:
            content = handle.read(max_bytes + 1)
    except (*_ZIP_ERRORS, NotImplementedError, RuntimeError) as exc:
        return MemberFailure(error=MalformedInput(name, f"cannot be unpacked ({exc})"))
    if len(content) > max_bytes:
        return MemberFailure(error=InputTooLarge(name, f"unpacks to more than the {max_bytes:,}-byte limit"))
    return Member(origin=name, default_id=PurePosixPath(info.filename).stem or "report", fmt=fmt, data=content)


def _wanted(info: zipfile.ZipInfo) -> bool:
    if info.is_dir():
        return False
    parts = PurePosixPath(info.filename).parts
    return not any(p.startswith(".") or p == "__MACOSX" for p in parts)

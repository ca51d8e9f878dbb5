"""Where inputs come from: files, directories (recursive), stdin and URLs.

Everything here streams: a directory is walked lazily in sorted order and every file is read
only up to the size limit plus one byte, so a huge file is refused without being read whole.
A URL (http:// or https://) is fetched by the reader's fetcher under the same limit.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO, TextIO

from corroborator.errors import UnsupportedInput
from corroborator.ingest.reader import BytesReader
from corroborator.ingest.sniff import format_from_name
from corroborator.ingest.urls import is_url
from corroborator.model import IngestFailure, Report

STDIN = "-"


@dataclass(frozen=True, kw_only=True)
class InputSource:
    """One input to read: where it is, what to call it, and the format its name promises."""

    origin: str
    default_id: str
    fmt: str | None


def iter_paths(
    paths: Iterable[str | Path], *, reader: BytesReader
) -> Iterator[Report | IngestFailure]:
    for given in paths:
        name = os.fspath(given)
        forced = reader.options.input_format
        if name == STDIN:
            data = _read_stream(_stdin(), limit=reader.max_bytes)
            yield from _read_input(
                data, InputSource(origin="stdin", default_id="stdin", fmt=forced), reader
            )
            continue
        if is_url(name):
            yield from reader.read_url(name, fmt=forced)
            continue
        try:
            mode = os.stat(name).st_mode
        except OSError as exc:
            yield _failure(name, f"cannot open: {_why(exc)}", fmt=None)
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(name, reader=reader, visited=set())
        else:
            yield from _read_file(name, reader=reader)


def _walk(
    directory: str, *, reader: BytesReader, visited: set[tuple[int, int]]
) -> Iterator[Report | IngestFailure]:
    """Files under `directory`, sorted by name, hidden files and directories skipped.

    `visited` holds the directories already entered (device, inode), so a symbolic link
    pointing back up the tree is not followed round forever.
    """
    try:
        info = os.stat(directory)
        if (info.st_dev, info.st_ino) in visited:
            return
        visited.add((info.st_dev, info.st_ino))
        with os.scandir(directory) as listing:
            entries = sorted(
                (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
            )
    except OSError as exc:
        yield _failure(directory, f"cannot list directory: {_why(exc)}", fmt=None)
        return
    for entry in entries:
        path = os.path.join(directory, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            yield _failure(path, f"cannot open: {_why(exc)}", fmt=None)
            continue
        if is_dir:
            yield from _walk(path, reader=reader, visited=visited)
        elif os.path.abspath(path) not in reader.options.skip_files:
            yield from _read_file(path, reader=reader)


def _read_file(path: str, *, reader: BytesReader) -> Iterator[Report | IngestFailure]:
    try:
        fmt = reader.options.input_format or format_from_name(path, origin=path, formats=reader.tables.formats)
    except UnsupportedInput as exc:
        yield _failure(path, exc.reason, fmt=None, raw=_head(path, reader.max_bytes))
        return
    source = InputSource(origin=path, default_id=PurePath(path).stem or "report", fmt=fmt)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            yield _failure(path, "not a regular file (a device, socket or pipe); skipped", fmt=fmt)
            return
        with open(path, "rb") as fh:
            data = _read_stream(fh, limit=reader.max_bytes)
    except OSError as exc:
        yield _failure(path, f"cannot read: {_why(exc)}", fmt=fmt)
        return
    yield from _read_input(data, source, reader)


def _read_input(
    data: bytes, source: InputSource, reader: BytesReader
) -> Iterator[Report | IngestFailure]:
    return reader.read(data, origin=source.origin, default_id=source.default_id, fmt=source.fmt)


def _read_stream(stream: BinaryIO | TextIO, *, limit: int) -> bytes:
    """At most `limit` + 1 bytes: one more than allowed is enough to know it is too large."""
    data = stream.read(limit + 1)
    if isinstance(data, str):  # a text stream without a binary side (an embedder's StringIO)
        return data.encode("utf-8")
    return data


def _stdin() -> BinaryIO | TextIO:
    """The binary side of stdin when it has one (tests may replace sys.stdin with a buffer)."""
    stream: BinaryIO | TextIO = getattr(sys.stdin, "buffer", sys.stdin)
    return stream


def _head(path: str, limit: int) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(limit)
    except OSError:
        return b""  # the raw bytes are a courtesy; the failure is already on record


def _failure(origin: str, reason: str, *, fmt: str | None, raw: bytes = b"") -> IngestFailure:
    return IngestFailure(origin=origin, reason=reason, format=fmt, raw=raw)


def _why(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()

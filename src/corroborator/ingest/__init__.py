"""Ingest: files, directories, stdin and byte strings → `Report` or `IngestFailure`.

    read_paths(paths, settings=...)   stream Reports and IngestFailures; never raises for
                                      a bad input, so one bad file cannot stop a batch
    iter_bytes(data, origin=..., ...) the same for one in-memory input
    read_bytes(data, origin=..., ...) strict: the Reports, or the first IngestError

Formats: plain text (.txt, .text, .md, no ending; an optional `Key: value` header and a
date line), JSON (.json: one record or a list), JSON Lines (.jsonl, .ndjson). Other endings
are sniffed from the content; stdin ("-") always is. Inputs are decoded from UTF-8 (with or
without a byte-order mark), UTF-16/32 with a mark, or a detected legacy encoding.

Default ids: the file stem (`stdin` for standard input); records of a JSON list or a JSON
Lines file without an id get `<stem>-<n>`, n counting records from 1. Report.origin is the
path as given, `path:line` for a JSON Lines record and `path[index]` (0-based) for an
item of a JSON list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from corroborator.config import Settings
from corroborator.ingest.paths import STDIN, iter_paths
from corroborator.ingest.reader import BytesReader
from corroborator.ingest.records import RecordFailure
from corroborator.model import IngestFailure, Report

__all__ = ["STDIN", "iter_bytes", "read_bytes", "read_paths"]


def read_paths(
    paths: Iterable[str | Path], *, settings: Settings
) -> Iterator[Report | IngestFailure]:
    """Every report under `paths` (files, directories walked recursively, "-" for stdin).

    Lazily, in order: directories sorted by name, hidden files and directories skipped.
    Each input or record that cannot become a report yields an `IngestFailure` with a
    one-line reason and its raw bytes (capped at `settings.max_input_bytes`), and the
    iteration goes on.
    """
    return iter_paths(paths, reader=BytesReader.from_settings(settings))


def iter_bytes(
    data: bytes, *, origin: str, default_id: str, fmt: str | None = None, settings: Settings
) -> Iterator[Report | IngestFailure]:
    """Reports and failures of one in-memory input, as `read_paths` gives them for a file.

    `fmt` is "text", "json" or "jsonl"; None sniffs it from the content.
    """
    reader = BytesReader.from_settings(settings)
    return reader.read(data, origin=origin, default_id=default_id, fmt=fmt)


def read_bytes(
    data: bytes, *, origin: str, default_id: str, fmt: str | None = None, settings: Settings
) -> list[Report]:
    """The reports of one in-memory input, all or nothing.

    Raises the `corroborator.errors.IngestError` subclass that says what is wrong with the
    input, or with its first bad record (its `origin` names the record). Use `iter_bytes`
    to keep the good records of a partly bad input.
    """
    reader = BytesReader.from_settings(settings)
    prepared = reader.prepare(data, origin=origin, fmt=fmt)
    reports: list[Report] = []
    for outcome in reader.parse(prepared, origin=origin, default_id=default_id):
        if isinstance(outcome, RecordFailure):
            raise outcome.error
        reports.append(outcome)
    return reports

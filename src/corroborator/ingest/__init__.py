"""Ingest: files, directories, archives, URLs, stdin and byte strings → `Report` or `IngestFailure`.

    read_paths(paths, settings=..., fetcher=..., options=...)
                                      stream Reports and IngestFailures; never raises for
                                      a bad input, so one bad file cannot stop a batch
    iter_bytes(data, origin=..., ...) the same for one in-memory input
    read_bytes(data, origin=..., ...) strict: the Reports, or the first IngestError

Formats: plain text (.txt, .text, .md, no ending; an optional `Key: value` header and a
date line), JSON (.json: one record or a list, or a Telegram Desktop export), JSON Lines
(.jsonl, .ndjson), HTML pages (.html: main text, metadata, captions apart), RSS/Atom feeds
(.rss, .atom, .xml), CSV/TSV tables (.csv, .tsv; `ReadOptions.columns` maps columns to
fields) and ZIP archives (.zip: every file inside). Other endings are sniffed from the
content; stdin ("-") always is; a URL by its content type. Inputs are decoded from UTF-8
(with or without a byte-order mark), UTF-16/32 with a mark, the encoding the transport or
the markup declares, or a detected legacy encoding. Every report gets its language:
declared (normalised to a code) or detected; see ingest/language.py.

Default ids: the file stem (`stdin` for standard input, the last path segment for a URL);
records of a JSON list, a JSON Lines file or a table without an id get `<stem>-<n>`, n
counting records from 1; feed entries `<stem>-<digest of the entry id>`; Telegram posts
`tg-<chat id>-<message id>`. Report.origin is the path or URL as given, `path:line` for a
JSON Lines record or a table row, `path[index]` (0-based) for an item of a JSON list or a
feed entry, `path#id` for a Telegram post, and `archive.zip/member` for a file in an archive.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from corroborator.config import Settings
from corroborator.ingest.paths import STDIN, iter_paths
from corroborator.ingest.reader import BytesReader, ReadOptions
from corroborator.ingest.records import RecordFailure
from corroborator.ingest.urls import Fetcher
from corroborator.model import IngestFailure, Report

__all__ = ["STDIN", "BytesReader", "Fetcher", "ReadOptions", "iter_bytes", "read_bytes", "read_paths"]


def read_paths(
    paths: Iterable[str | Path],
    *,
    settings: Settings,
    fetcher: Fetcher | None = None,
    options: ReadOptions | None = None,
) -> Iterator[Report | IngestFailure]:
    """Every report under `paths` (files, directories walked recursively, URLs, "-" for stdin).

    Lazily, in order: directories sorted by name, hidden files and directories skipped.
    Each input or record that cannot become a report yields an `IngestFailure` with a
    one-line reason and its raw bytes (capped at `settings.max_input_bytes`), and the
    iteration goes on. Without a `fetcher`, one is made for this call (URLs are then
    fetched with the default timeout and user agent).
    """
    own = fetcher is None
    active = fetcher or Fetcher(max_bytes=settings.max_input_bytes)
    try:
        reader = BytesReader.from_settings(settings, fetcher=active, options=options)
        yield from iter_paths(paths, reader=reader)
    finally:
        if own:
            active.close()


def iter_bytes(
    data: bytes, *, origin: str, default_id: str, fmt: str | None = None, settings: Settings
) -> Iterator[Report | IngestFailure]:
    """Reports and failures of one in-memory input, as `read_paths` gives them for a file.

    `fmt` is one of `ingest.sniff.FORMATS`; None sniffs it from the content. Nothing is
    fetched: a feed entry with only a summary is read from its summary.
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

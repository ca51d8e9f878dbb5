"""Bytes to Reports in two steps: `prepare` (size, binary, encoding, format) then `parse`.

Two steps so that a caller turning errors into failures knows which format the input was
read as when it failed (a broken JSON document sniffed from stdin is a JSON failure).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from corroborator.config import Settings
from corroborator.errors import IngestError
from corroborator.ingest.dateline import DateLexicon, date_lexicon
from corroborator.ingest.decode import check_signature, check_size, decode
from corroborator.ingest.records import Outcome, RecordFailure, RecordReader
from corroborator.ingest.sniff import FORMATS, sniff_format
from corroborator.ingest.tables import IngestTables, load_tables
from corroborator.ingest.text import parse_text
from corroborator.model import IngestFailure, Report


@dataclass(frozen=True, kw_only=True)
class Prepared:
    """An input decoded and its format decided."""

    text: str
    format: str


@dataclass(frozen=True, kw_only=True)
class BytesReader:
    """Reads inputs' bytes; built once per settings and reused for every input."""

    tables: IngestTables
    dates: DateLexicon
    max_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> BytesReader:
        return cls(
            tables=load_tables(settings),
            dates=date_lexicon(settings),
            max_bytes=settings.max_input_bytes,
        )

    def prepare(self, data: bytes, *, origin: str, fmt: str | None) -> Prepared:
        """Decode and choose the format (`fmt`, else sniffed from the content).

        Raises IngestError when the input as a whole cannot be read: too large, empty,
        binary or undecodable.
        """
        if fmt is not None and fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        formats = self.tables.formats
        check_size(data, origin=origin, max_bytes=self.max_bytes)
        check_signature(data, origin=origin, formats=formats)
        text = decode(data, origin=origin, formats=formats)
        return Prepared(text=text, format=fmt or sniff_format(text))

    def parse(self, prepared: Prepared, *, origin: str, default_id: str) -> Iterator[Outcome]:
        """Reports and per-record failures of a prepared input.

        Raises IngestError when the input as a whole is bad (malformed JSON, a single record
        without text, a text with a header but no body); with JSON this happens before the
        first report is yielded.
        """
        records = RecordReader(fields=self.tables.json, dates=self.dates)
        if prepared.format == "json":
            return iter(
                list(records.parse_json(prepared.text, origin=origin, default_id=default_id))
            )
        if prepared.format == "jsonl":
            return records.parse_jsonl(prepared.text, origin=origin, default_id=default_id)
        report = parse_text(
            prepared.text,
            origin=origin,
            default_id=default_id,
            header_keys=self.tables.text_header,
            dates=self.dates,
        )
        return iter((report,))

    def read(
        self, data: bytes, *, origin: str, default_id: str, fmt: str | None
    ) -> Iterator[Report | IngestFailure]:
        """Every report of one input; a failure of the whole or of a record as IngestFailure.

        Never raises IngestError: the failure keeps the raw bytes (capped at the size
        limit; a bad record keeps its own) for whoever needs to look at it.
        """
        raw = data[: self.max_bytes]
        try:
            prepared = self.prepare(data, origin=origin, fmt=fmt)
        except IngestError as exc:
            yield IngestFailure(origin=origin, reason=exc.reason, format=fmt, raw=raw)
            return
        try:
            for outcome in self.parse(prepared, origin=origin, default_id=default_id):
                if isinstance(outcome, RecordFailure):
                    yield IngestFailure(
                        origin=outcome.error.origin,
                        reason=outcome.error.reason,
                        format=prepared.format,
                        raw=outcome.raw,
                    )
                else:
                    yield outcome
        except IngestError as exc:
            yield IngestFailure(
                origin=exc.origin, reason=exc.reason, format=prepared.format, raw=raw
            )

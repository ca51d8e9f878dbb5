"""CSV and TSV tables: one report per row.

The first non-empty row is the header. Which column fills which Report field comes from
an explicit mapping (`--columns text=body,published=date`, a column named by its header
or its 1-based number) and, for fields the mapping leaves out, from the header names
themselves, matched like JSON keys (resources/ingest/fields.toml, [json]: "Headline",
"published_at", "Body" all work). Every other column is kept in `Report.extra` under its
header name. A table without a text column fails as a whole, saying which columns it has
and how to name the right one.

The delimiter is a tab for TSV and otherwise sniffed among comma, semicolon, tab and bar
(spreadsheets in many locales write semicolons). A row that cannot become a report (no
text) fails alone, named `path:line` by the line it starts on, so multi-line cells do not
shift the names of later rows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from corroborator.errors import EmptyInput, IngestError, MalformedInput
from corroborator.ingest.records import Outcome, RecordFailure, RecordReader
from corroborator.ingest.tables import REPORT_FIELDS

#: Fields a column mapping may name.
MAPPABLE_FIELDS = (*REPORT_FIELDS, "text")
_DELIMITERS = ",;\t|"
_SNIFF_CHARS = 64 * 1024
# Cells as large as a whole input are legal; the csv module's default cap (128 KiB) is not
# a limit we want, the input size limit is.
_FIELD_LIMIT = 2**31 - 1


def parse_column_map(spec: str) -> dict[str, str]:
    """`"id=doc,text=body"` → {"id": "doc", "text": "body"}; ValueError saying what is wrong."""
    mapping: dict[str, str] = {}
    for item in spec.split(","):
        if not item.strip():
            continue
        field, sep, column = item.partition("=")
        field, column = field.strip().casefold(), column.strip()
        if not sep or not column:
            raise ValueError(f"{item.strip()!r} is not FIELD=COLUMN")
        if field not in MAPPABLE_FIELDS:
            raise ValueError(f"{field!r} is not a report field; use one of {', '.join(MAPPABLE_FIELDS)}")
        if field in mapping:
            raise ValueError(f"{field!r} is mapped twice")
        mapping[field] = column
    return mapping


@dataclass(frozen=True, kw_only=True)
class CsvReader:
    records: RecordReader
    columns: Mapping[str, str]

    def parse(
        self, text: str, *, origin: str, default_id: str, delimiter: str | None = None, fmt: str = "csv"
    ) -> Iterator[Outcome]:
        """A report or failure per row; raises IngestError when the table as a whole is unusable."""
        csv.field_size_limit(_FIELD_LIMIT)
        dialect = _dialect(text, delimiter)
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        rows = _numbered(reader, origin=origin)
        header: list[str] | None = None
        for _, cells in rows:
            if any(c.strip() for c in cells):
                header = _unique([c.strip() for c in cells])
                break
        if header is None:
            raise EmptyInput(origin, "CSV holds no rows")
        keys = self._keys(header, origin=origin)
        ordinal = 0
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            ordinal += 1
            where = f"{origin}:{line}"
            record: dict[str, Any] = {}
            for index, value in enumerate(cells):
                key = keys[index] if index < len(keys) else f"column {index + 1}"
                record[key] = value
            try:
                yield self.records.report(record, origin=where, default_id=f"{default_id}-{ordinal}", fmt=fmt)
            except IngestError as exc:
                yield RecordFailure(error=exc, raw=_row_bytes(cells, dialect))
        if ordinal == 0:
            raise EmptyInput(origin, "CSV has a header but no rows")

    def _keys(self, header: list[str], *, origin: str) -> list[str]:
        """The record key for each column: the mapped field's own name, else the header."""
        keys = list(header)
        folded = [h.casefold() for h in header]
        mapped: set[int] = set()
        for field, column in self.columns.items():
            index = _column_index(column, folded)
            if index is None:
                raise MalformedInput(
                    origin, f"column mapping names {column!r}, which is not a column (header: {_listing(header)})"
                )
            keys[index] = field
            mapped.add(index)
        for index, key in enumerate(keys):
            # A column the mapping left alone but named like a mapped field (or one of its
            # aliases) would compete with it; it stays in extra under a name of its own.
            competing = self.records.fields.field_of(key) in self.columns or key.casefold() in self.columns
            if index not in mapped and competing:
                keys[index] = f"{key} (column {index + 1})"
        if not any(self.records.fields.field_of(k) == "text" for k in keys):
            raise MalformedInput(
                origin,
                f"no text column (header: {_listing(header)}); name it with --columns text=COLUMN",
            )
        return keys


def _numbered(reader: Any, *, origin: str) -> Iterator[tuple[int, list[str]]]:
    """(line the row starts on, cells); a row the csv module cannot read ends the table."""
    previous = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise MalformedInput(f"{origin}:{previous + 1}", f"CSV cannot be read from this line on: {exc}") from exc
        yield previous + 1, cells
        previous = reader.line_num


def _dialect(text: str, delimiter: str | None) -> type[csv.Dialect] | csv.Dialect:
    if delimiter is not None:
        return _with_delimiter(delimiter)
    sample = text[:_SNIFF_CHARS]
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        return csv.excel
    # The sniffer guesses quoting rules from too little; the delimiter is what it is good at.
    return _with_delimiter(sniffed.delimiter)


def _with_delimiter(delimiter: str) -> type[csv.Dialect]:
    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect


def _column_index(column: str, folded: list[str]) -> int | None:
    wanted = column.casefold()
    if wanted in folded:
        return folded.index(wanted)
    if column.isdigit() and 1 <= int(column) <= len(folded):
        return int(column) - 1
    return None


def _unique(header: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for index, name in enumerate(header):
        name = name or f"column {index + 1}"
        count = seen.get(name.casefold(), 0)
        seen[name.casefold()] = count + 1
        out.append(name if count == 0 else f"{name} ({count + 1})")
    return out


def _listing(header: list[str]) -> str:
    shown = ", ".join(repr(h) for h in header[:12])
    return shown + (", ..." if len(header) > 12 else "")


def _row_bytes(cells: list[str], dialect: type[csv.Dialect] | csv.Dialect) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, dialect).writerow(cells)
    return buffer.getvalue().encode("utf-8", "surrogatepass")

"""JSON and JSON Lines reports: `{"id", "url", "outlet", "published", "title", "text"}`.

A JSON file holds one record or a list of records; a JSON Lines file one record a line.
One bad record fails alone: it becomes a `RecordFailure` (origin `path[index]` for a list,
0-based as in JSON tools; `path:line` for JSON Lines, 1-based as in editors) and the
others are read. Which keys fill which field is data (resources/ingest/fields.toml,
[json]); every other key is kept unchanged in `Report.extra`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from corroborator.errors import EmptyInput, IngestError, MalformedInput
from corroborator.ingest.dateline import DateLexicon
from corroborator.ingest.tables import FieldTable
from corroborator.ingest.text import find_date_line
from corroborator.model import Report


@dataclass(frozen=True, kw_only=True)
class RecordFailure:
    """One record of a multi-record input that cannot become a Report.

    `format` says how to read `raw` back when it differs from the input's format (a feed
    entry kept as JSON).
    """

    error: IngestError
    raw: bytes
    format: str | None = None


Outcome = Report | RecordFailure


@dataclass(frozen=True, kw_only=True)
class RecordReader:
    """Turns decoded JSON / JSON Lines into Reports; the field table and date words fixed."""

    fields: FieldTable
    dates: DateLexicon

    def parse_json(self, text: str, *, origin: str, default_id: str) -> Iterator[Outcome]:
        """Records of a JSON document; raises IngestError when the document as a whole is bad."""
        return self.parse_document(load_json(text, origin=origin), origin=origin, default_id=default_id)

    def parse_document(self, doc: Any, *, origin: str, default_id: str) -> Iterator[Outcome]:
        """Records of a parsed JSON document (see `parse_json`)."""
        if isinstance(doc, dict):
            yield self.report(doc, origin=origin, default_id=default_id, fmt="json")
            return
        if not isinstance(doc, list):
            raise MalformedInput(
                origin, f"JSON holds {_kind(doc)}, not a record or a list of records"
            )
        if not doc:
            raise EmptyInput(origin, "JSON list holds no records")
        for index, item in enumerate(doc):
            item_origin = f"{origin}[{index}]"
            try:
                yield self.report(
                    item, origin=item_origin, default_id=f"{default_id}-{index + 1}", fmt="json"
                )
            except IngestError as exc:
                yield RecordFailure(error=exc, raw=_dump(item))

    def parse_jsonl(self, text: str, *, origin: str, default_id: str) -> Iterator[Outcome]:
        """One outcome per non-blank line; a bad line fails alone."""
        ordinal = 0
        pos, line_number = 0, 0
        while pos < len(text):
            newline = text.find("\n", pos)
            end = len(text) if newline < 0 else newline
            line = text[pos:end]
            pos = end + 1
            line_number += 1
            if not line.strip():
                continue
            ordinal += 1
            line_origin = f"{origin}:{line_number}"
            try:
                record = _loads(line, origin=line_origin, where="line ")
                yield self.report(
                    record, origin=line_origin, default_id=f"{default_id}-{ordinal}", fmt="jsonl"
                )
            except IngestError as exc:
                yield RecordFailure(error=exc, raw=line.encode("utf-8", "surrogatepass"))
        if ordinal == 0:
            raise EmptyInput(origin, "JSON Lines input holds no records")

    def report(self, record: object, *, origin: str, default_id: str, fmt: str) -> Report:
        """A Report from one record; raises IngestError naming the record when it has no text."""
        if not isinstance(record, dict):
            raise MalformedInput(
                origin, f'record is {_kind(record)}, not an object with a "text" field'
            )
        chosen, extra = self._assign(record)
        text = chosen.get("text")
        if text is None:
            accepted = ", ".join(f'"{k}"' for k in self.fields.keys.get("text", ()))
            raise MalformedInput(origin, f"record has no text (accepted keys: {accepted}); add it")
        if not isinstance(text, str):
            raise MalformedInput(origin, f"record's text is {_kind(text)}, not a string")
        if not text.strip():
            raise EmptyInput(origin, "record's text is empty")
        text = _clean_surrogates(text)
        values = {f: _as_text(v) for f, v in chosen.items() if f != "text"}
        date_line = find_date_line(text, dates=self.dates)
        return Report(
            id=values.get("id") or default_id,
            text=text,
            outlet=values.get("outlet"),
            url=values.get("url"),
            title=values.get("title"),
            published=values.get("published") or date_line,
            retrieved=values.get("retrieved"),
            language=values.get("language"),
            date_line=date_line,
            origin=origin,
            format=fmt,
            extra=extra,
        )

    def _assign(self, record: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """Split a record into field values and extra keys.

        A key fills its field only with a scalar value: `"source": {"name": ...}` is not an
        outlet name we can trust, so it stays in extra as given. When several keys fill one
        field, the most preferred wins and the others stay in extra.
        """
        chosen: dict[str, tuple[int, str, Any]] = {}
        extra: dict[str, Any] = {}
        for key, value in record.items():
            field = self.fields.field_of(key)
            if field is None or isinstance(value, dict | list):
                extra[key] = value
                continue
            if value is None or (isinstance(value, str) and not value.strip() and field != "text"):
                continue  # an empty field is an absent field
            rank = self.fields.rank(field, key)
            held = chosen.get(field)
            if held is None or rank < held[0]:
                if held is not None:
                    extra[held[1]] = held[2]
                chosen[field] = (rank, key, value)
            else:
                extra[key] = value
        return {f: v for f, (_, _, v) in chosen.items()}, extra


def load_json(text: str, *, origin: str) -> Any:
    """A whole JSON document; raises MalformedInput with the line and column of the error."""
    return _loads(text, origin=origin, where="")


def _loads(text: str, *, origin: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        position = f"column {exc.colno}" if where else f"line {exc.lineno}, column {exc.colno}"
        raise MalformedInput(origin, f"{where}not valid JSON: {exc.msg} at {position}") from exc
    except RecursionError as exc:
        raise MalformedInput(origin, f"{where}JSON nested too deeply to read") from exc
    except ValueError as exc:  # e.g. an integer literal beyond Python's digit limit
        raise MalformedInput(origin, f"{where}JSON cannot be read: {exc}") from exc


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _as_text(value: Any) -> str:
    """Field values as text: numbers and booleans as JSON writes them, strings stripped."""
    if isinstance(value, str):
        return _clean_surrogates(value.strip())
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _clean_surrogates(text: str) -> str:
    """JSON may escape lone surrogates ("\\ud800"); no later stage can encode them."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")

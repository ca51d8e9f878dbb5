"""Plain-text reports: an optional `Key: value` header, then the body.

    Outlet: The Daily Example
    Published: 2025-01-21

    January 21, 2025
    Body text ...

The header is only a header when every line of the top block uses a known key
(resources/ingest/fields.toml, [text_header]) and a blank line follows it; otherwise the
top lines are body text. That keeps "Kyiv: explosions heard overnight" in the body. The
header lines are not part of `Report.text`; the date line is (a later stage cites it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from corroborator.errors import EmptyInput
from corroborator.ingest.dateline import DateLexicon, is_date_line
from corroborator.ingest.tables import FieldTable
from corroborator.model import Report

#: A header is a handful of lines; a longer `Key: value` block is content (a transcript, a
#: list of facts), and looking further would only cost on large inputs.
MAX_HEADER_LINES = 20

# A header key: a word or a few, then a colon. The key must be known to count.
_HEADER_LINE = re.compile(r"([^\W\d_][\w \-]{0,40}?)\s*:\s*(.*)")


def parse_text(
    text: str, *, origin: str, default_id: str, header_keys: FieldTable, dates: DateLexicon
) -> Report:
    """Build a Report from decoded plain text; raises EmptyInput when there is no body."""
    fields, body_start = read_header(text, header_keys=header_keys)
    body = text[body_start:]
    if not body.strip():
        raise EmptyInput(origin, "has header lines but no body text; add the report's text")
    date_line = find_date_line(body, dates=dates)
    published = fields.get("published") or date_line
    return Report(
        id=fields.get("id") or default_id,
        text=body,
        outlet=fields.get("outlet"),
        url=fields.get("url"),
        title=fields.get("title"),
        published=published,
        retrieved=fields.get("retrieved"),
        language=fields.get("language"),
        date_line=date_line,
        origin=origin,
        format="text",
    )


def read_header(text: str, *, header_keys: FieldTable) -> tuple[dict[str, str], int]:
    """The header fields and the offset where the body starts (0 when there is no header).

    Of repeated keys the first wins. The body starts at its first non-blank line.
    """
    fields: dict[str, str] = {}
    seen_header_line = False
    for count, (start, end, next_start) in enumerate(_lines(text)):
        line = text[start:end].strip()
        if not line:
            if not seen_header_line:
                continue  # blank lines above the header
            return fields, _skip_blank_lines(text, next_start)
        if count >= MAX_HEADER_LINES:
            break
        match = _HEADER_LINE.fullmatch(line)
        field = header_keys.field_of(match.group(1)) if match else None
        if match is None or field is None:
            break
        seen_header_line = True
        value = match.group(2).strip()
        if value and field not in fields:
            fields[field] = value
    return {}, 0  # no blank line closed the block (or a line was not a header): all body


def find_date_line(body: str, *, dates: DateLexicon) -> str | None:
    """The body's first non-blank line when it is only a date, as written (stripped)."""
    for start, end, _ in _lines(body):
        line = body[start:end].strip()
        if line:
            return line if is_date_line(line, lexicon=dates) else None
    return None


def _lines(text: str, pos: int = 0) -> Iterator[tuple[int, int, int]]:
    """(start, end, next start) of each line from `pos`, lazily: a 20 MB body is never split."""
    while pos < len(text):
        newline = text.find("\n", pos)
        next_start = len(text) if newline < 0 else newline + 1
        end = len(text) if newline < 0 else newline
        if end > pos and text[end - 1] == "\r":
            end -= 1
        yield pos, end, next_start
        pos = next_start


def _skip_blank_lines(text: str, pos: int) -> int:
    for start, end, _ in _lines(text, pos):
        if text[start:end].strip():
            return start
    return len(text)

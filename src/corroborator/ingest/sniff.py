"""Which format an input is in: by its name or content type when they say, else by its content."""

from __future__ import annotations

import csv
import json
import re
from pathlib import PurePath
from urllib.parse import urlsplit

from corroborator.errors import UnsupportedInput
from corroborator.ingest.tables import FieldTable, FormatTable

FORMATS = ("text", "json", "jsonl", "html", "feed", "csv", "tsv", "telegram", "zip")

# How far into an input the markup sniffers look: a page's doctype and a feed's root
# element come first (after a prolog, comments or a byte-order mark).
_HEAD_CHARS = 4096
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_HTML_MARK = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|p|div|h1|h2|title|meta)\b", re.I)


def format_from_name(name: str, *, origin: str, formats: FormatTable) -> str | None:
    """The format a file name promises; None when its ending is unknown (sniff the content).

    A file without an ending is plain text. Raises UnsupportedInput for endings we know but
    do not read (spreadsheets, PDF, word-processor files), with advice on what to do instead.
    """
    suffix = PurePath(name).suffix.lower().lstrip(".")
    if not suffix:
        return "text"
    if suffix in formats.unsupported:
        raise UnsupportedInput(origin, f".{suffix} files are not read: {formats.unsupported[suffix]}")
    return formats.by_extension.get(suffix)


def format_from_url(url: str, content_type: str | None, *, formats: FormatTable) -> str | None:
    """The format a response declares (Content-Type), else the one its path's ending promises."""
    if content_type and content_type in formats.by_content_type:
        return formats.by_content_type[content_type]
    suffix = PurePath(urlsplit(url).path).suffix.lower().lstrip(".")
    return formats.by_extension.get(suffix) if suffix else None


def sniff_format(text: str, *, fields: FieldTable | None = None) -> str:
    """The format of decoded content with no name to go by.

    Markup: a feed's root element (`<rss>`, `<feed>`, `<rdf:RDF>`) makes a feed, other
    HTML elements at the top make a page; other XML is tried as a feed (and fails as
    "not an RSS or Atom feed" rather than being read as prose full of tags). JSON: content
    that starts and ends like JSON ("{...}" or "[...]") is JSON even when it does not parse, so a broken JSON file is
    reported as malformed JSON with a line and column rather than ingested as a prose
    report full of braces; content whose first line is a JSON object and that has further
    lines is JSON Lines. A table: a first line that splits into several columns, one of
    them named like a text field (`fields`), with more lines below. Anything else is text.
    """
    stripped = text.strip()
    first, last = stripped[:1], stripped[-1:]
    if first == "<":
        head = stripped[:_HEAD_CHARS]
        if _FEED_ROOT.search(head):
            return "feed"
        if _HTML_MARK.search(head):
            return "html"
        if head.startswith("<?xml"):
            return "feed"  # other XML is no report: read as a feed, it fails saying so
    first_line = stripped.split("\n", 1)[0].strip()
    if first == "{" and "\n" in stripped and _is_object(first_line):
        return "jsonl" if not _is_json(stripped) else "json"
    if (first, last) in (("{", "}"), ("[", "]")):
        return "json"
    if fields is not None and "\n" in stripped and _is_table_header(first_line, fields):
        return "tsv" if "\t" in first_line else "csv"
    return "text"


def _is_table_header(line: str, fields: FieldTable) -> bool:
    for delimiter in ",;\t|":
        if delimiter not in line:
            continue
        try:
            cells = next(csv.reader([line], delimiter=delimiter))
        except csv.Error:
            continue
        if len(cells) >= 2 and any(fields.field_of(c.strip()) == "text" for c in cells):
            return True
    return False


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _is_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except (ValueError, RecursionError):
        return False

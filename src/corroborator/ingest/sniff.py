"""Which format an input is in: by its name when the name says, else by its content."""

from __future__ import annotations

import json
from pathlib import PurePath

from corroborator.errors import UnsupportedInput
from corroborator.ingest.tables import FormatTable

FORMATS = ("text", "json", "jsonl")


def format_from_name(name: str, *, origin: str, formats: FormatTable) -> str | None:
    """The format a file name promises; None when its ending is unknown (sniff the content).

    A file without an ending is plain text. Raises UnsupportedInput for endings we know but
    do not read (HTML, PDF, CSV...), with advice on what to do instead.
    """
    suffix = PurePath(name).suffix.lower().lstrip(".")
    if not suffix:
        return "text"
    if suffix in formats.unsupported:
        raise UnsupportedInput(
            origin, f".{suffix} files are not read: {formats.unsupported[suffix]}"
        )
    return formats.by_extension.get(suffix)


def sniff_format(text: str) -> str:
    """JSON, JSON Lines or text, from decoded content.

    Content that starts and ends like JSON ("{...}" or "[...]") is JSON even when it does not
    parse, so a broken JSON file is reported as malformed JSON with a line and column rather
    than ingested as a prose report full of braces. Content whose first line is a JSON
    object and that has further lines is JSON Lines.
    """
    stripped = text.strip()
    first, last = stripped[:1], stripped[-1:]
    first_line = stripped.split("\n", 1)[0].strip()
    if first == "{" and "\n" in stripped and _is_object(first_line):
        return "jsonl" if not _is_json(stripped) else "json"
    if (first, last) in (("{", "}"), ("[", "]")):
        return "json"
    return "text"


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

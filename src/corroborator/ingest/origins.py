"""Reading an origin back: which file or URL to read again to retry a failed input.

Origins name where a report or failure came from (see the package docstring): a path or
URL as given, with a record suffix (`path:12` for a JSON Lines line or a table row,
`path[3]` for a list item or a feed entry, `path#42` for a Telegram post) and, inside an
archive, the member's path after the archive's (`reports.zip/day1/a.txt`). To retry, the
whole input is read again (the other records come back as duplicates, which costs
nothing) and the outcome for the failed origin decides.
"""

from __future__ import annotations

import os
import re
from pathlib import PurePath
from urllib.parse import urlsplit

from corroborator.ingest.urls import is_url, url_id

_RECORD_SUFFIX = re.compile(r"(?:\[\d+\]|:\d+|#[^/#]+)$")


def source_to_reread(origin: str) -> str | None:
    """The existing file, directory or URL to read again for `origin`; None when there is none
    (standard input, a file since deleted): the kept raw bytes are then all there is."""
    if is_url(origin):
        return _url_source(origin)
    candidate, inside = origin, False
    while candidate:
        # Above the named path only an archive (a file) can hold it: a deleted report's
        # directory is not the input to read again.
        if os.path.isfile(candidate) or (not inside and os.path.exists(candidate)):
            return candidate
        shorter = _RECORD_SUFFIX.sub("", candidate)
        if shorter == candidate:
            parent = os.path.dirname(candidate)
            if parent == candidate:
                return None
            shorter, inside = parent, True
        candidate = shorter
    return None


def default_id_for(origin: str) -> str:
    """The default report id an input at `origin` had when first read."""
    if origin == "stdin" or origin.startswith("stdin/"):
        return PurePath(origin).stem if "/" in origin else "stdin"
    if is_url(origin):
        return url_id(origin)
    bare = _RECORD_SUFFIX.sub("", origin)
    return PurePath(bare).stem or "report"


def _url_source(origin: str) -> str:
    """The URL without a record suffix; a port (`host:8080`) is not a suffix."""
    stripped = re.sub(r"\[\d+\]$", "", origin)
    shorter = re.sub(r":\d+$", "", stripped)
    if shorter != stripped and urlsplit(shorter).netloc == urlsplit(stripped).netloc:
        return shorter
    return stripped

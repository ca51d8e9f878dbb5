"""The building blocks the grammar is written in: regex fragments, cue words, word helpers.

Separate so the rules (`grammar`) and the readings of their matches (`handlers`) share one
set of fragments, and so the later steps (merging atoms, reading tense, calendar arithmetic)
can use `_squash` and `_valid_day` without importing the rules. A leaf: it imports nothing
of the tagger.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first, spaces matching any run of spaces."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in unique)


def _capitalised(words: Iterable[str]) -> str:
    """Names must start with a capital: "May" is a month, "may" a verb."""
    forms: set[str] = set()
    for w in words:
        forms.update({w.capitalize(), w.upper()})
    return _alternation(forms)


def _squash(words: str) -> str:
    return re.sub(r"\s+", " ", words.strip().lower())


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


_AMPM = r"(?:[aApP]\.\s?[mM]\.?|[aApP][mM](?![a-zA-Z]))"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_DASH = r"\s*(?:-|–|—|to|and|or|through)\s*"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_SUFFIX = r"(?i:st|nd|rd|th)?"
_END = r"(?!\w)"
_YEAR = r"(?:1\d{3}|20\d{2}|21\d{2})"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"

# Words before a season, part of day, bare unit or definite period that make it a time
# ("in the summer", "during the night", "for years", "in the quarter").
_SEASON_CUES = (
    "in",
    "during",
    "over",
    "since",
    "until",
    "by",
    "through",
    "throughout",
    "before",
    "after",
    "this",
    "last",
    "next",
    "that",
    "early",
    "late",
    "mid",
    "in the",
    "during the",
    "over the",
    "since the",
    "until the",
    "by the",
    "through the",
    "throughout the",
)
_POD_CUES = (
    "in",
    "during",
    "on",
    "by",
    "through",
    "throughout",
    "until",
    "since",
    "at",
    "before",
    "after",
    "overnight",
    "all",
    "early in",
    "late in",
)
_LENGTH_CUES = (
    "for",
    "over",
    "within",
    "in",
    "after",
    "lasting",
    "spanning",
    "took",
    "take",
    "takes",
    "taking",
    "last",
    "lasted",
    "for several",
    "for many",
    "of",
)
_PERIOD_CUES = (
    "in",
    "during",
    "for",
    "over",
    "of",
    "throughout",
    "within",
    "since",
    "until",
    "by",
    "through",
    "at",
    "earlier in",
    "later in",
    "early in",
    "late in",
    "all",
)

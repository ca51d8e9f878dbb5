"""Direct quotations: where they start and end, even across sentences and paragraphs.

Quotes matter for attribution because their words belong to the speaker, not the report, and
a quote often runs over several sentences or paragraphs after a single "he said". The
normaliser turns curly quotes into ASCII '"', which loses which mark opens and which closes,
so the direction is read from the neighbouring characters ("word," closes; ' "Word' opens).
A paragraph that opens a quote and never closes it ends the quote there; when the next
paragraph opens with a quote mark, that quote continues it (the newspaper convention for a
quote over several paragraphs). A closing mark with no opener (a lost opening mark, common in
copied text) closes a quote that began at the start of its paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

_OPENERS = "“"
_CLOSERS = "”"
_STRAIGHT = '"'
_SPACE_BEFORE = " \t\n([{—–-/"
_AFTER_CLOSE = " \t\n.,;:!?)]}—–-'’"

Direction = Literal["open", "close", "unknown"]


@dataclass(frozen=True)
class Quote:
    """A quotation: `start`/`end` include the quote marks (end-exclusive)."""

    start: int
    end: int
    paragraph: int  # index of the paragraph it starts in
    continues: bool = False  # runs on from the previous paragraph's unclosed quote
    open_ended: bool = False  # its paragraph ended before a closing mark

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def _direction(text: str, i: int, width: int = 1) -> Direction:
    mark = text[i : i + width]
    if mark in (*_OPENERS, "``"):
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before in _SPACE_BEFORE and after not in " \t\n":
        return "open"
    if before not in " \t\n" and (after in _AFTER_CLOSE):
        return "close"
    return "unknown"


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, Direction]]:
    """Quote marks in text[start:end]: offset, width and direction. Two apostrophes (or two
    backticks) are one double quote mark, as some newspapers and wire feeds write it."""
    marks: list[tuple[int, int, Direction]] = []
    i = start
    while i < end:
        if text[i : i + 2] in ("''", "``"):
            marks.append((i, 2, _direction(text, i, 2)))
            i += 2
            continue
        if text[i] in _OPENERS or text[i] in _CLOSERS or text[i] == _STRAIGHT:
            marks.append((i, 1, _direction(text, i)))
        i += 1
    return marks


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Quote]:
    """Quotations in `text`, given paragraph (start, end) offsets in text order."""
    quotes: list[Quote] = []
    carried = False  # the previous paragraph left a quote open
    for number, (p_start, p_end) in enumerate(paragraphs):
        marks = _marks(text, p_start, p_end)
        body_start = p_start
        while body_start < p_end and text[body_start].isspace():
            body_start += 1
        open_at: int | None = None
        continues = False
        depth = 0  # quotes nested inside the open one ("... a 'demonstration' ...")
        for i, width, direction in marks:
            if direction == "unknown":
                direction = "close" if open_at is not None else "open"
            if direction == "open":
                if open_at is None:
                    open_at, continues = i, carried and i == body_start
                else:
                    depth += 1
                continue
            if depth > 0:
                depth -= 1
                continue
            start = open_at if open_at is not None else body_start  # a lost opening mark
            quotes.append(Quote(start, i + width, number, continues=continues))
            open_at, continues = None, False
        carried = False
        if open_at is not None:
            end = p_end
            while end > open_at and text[end - 1].isspace():
                end -= 1
            quotes.append(Quote(open_at, end, number, continues=continues, open_ended=True))
            carried = True
    return quotes

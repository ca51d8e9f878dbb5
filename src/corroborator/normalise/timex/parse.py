"""The first step, `parse_times`: expressions found and read, without a reference.

Separate so the second step (`resolve_times`) can resolve one parse against many possible
references (publication inference tries many) without parsing again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from corroborator import model
from corroborator.errors import PipelineError
from corroborator.normalise.timex.context import (
    _index_of,
    _paragraph_starts,
    _quote_regions,
    _relation,
    _sentence_starts,
    _tense_from_doc,
    _tense_from_words,
)
from corroborator.normalise.timex.grammar import _Grammar
from corroborator.normalise.timex.lexicon import TimeLexicon, default_time_lexicon
from corroborator.normalise.timex.merge import _merge_atoms
from corroborator.normalise.timex.parts import _NARRATIVE_SHIFTS, Category, ParsedTime, _Atom, _Parts


def parse_times(
    text: str, *, doc: Doc | None = None, lexicon: TimeLexicon | None = None, zone: str | None = None
) -> tuple[ParsedTime, ...]:
    """Find the time expressions in `text` and read their meaning, without a reference.

    `doc`, a spaCy parse of exactly `text`, adds recall through its DATE/TIME entities and
    gives each expression the tense of its clause (otherwise nearby cue words decide).
    `zone` is the zone of every clock naming none, stated outside the text (a live blog's
    title: "... (all times Kyiv time)", read with `stated_zone`); a statement in the text
    overrides it below itself.
    """
    lex = lexicon or default_time_lexicon()
    if doc is not None and doc.text != text:
        raise PipelineError("parse_times got a spaCy Doc of another text; parse the same text")
    entities = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in {"DATE", "TIME"}] if doc else []
    quotes = _quote_regions(text)
    lines = _paragraph_starts(text)
    sentences = _sentence_starts(text, doc)
    blankets = [(0, zone)] if zone is not None else []
    blankets += lex.grammar.blanket_zones(text)
    atoms = _merge_atoms(text, lex.grammar.atoms(text))
    found: list[ParsedTime] = []
    for index, atom in enumerate(atoms):
        start, end, parts = atom.start, atom.end, atom.parts
        if parts.hour is not None and parts.tz is None:
            following = atoms[index + 1] if index + 1 < len(atoms) else None
            parts = replace(parts, tz=_range_zone(text, atom, following) or _blanket_zone(blankets, start))
        if parts.weak and not any(s <= start and end <= e for s, e in entities):
            continue
        if _quoted_title(text, start, end):
            continue
        s_index = _index_of(sentences, start)
        if doc is not None:
            tense = _tense_from_doc(doc, start, end, lex)
        else:
            s_end = sentences[s_index + 1] if s_index + 1 < len(sentences) else len(text)
            tense = _tense_from_words(text, start, end, (sentences[s_index], s_end), lex)
        since = _Grammar.preceded_by(text, start, lex.cue("since"))
        if since or parts.closed:
            tense = "past"  # "since March" has begun, whatever the verb says
        relation = _relation(text, start, lex, found[-1] if found else None)
        if parts.closed:
            relation = "on"  # "for the quarter ended Sept. 30" is no deadline
        found.append(
            ParsedTime(
                start=start,
                end=end,
                text=text[start:end],
                timex_type=_timex_type(parts),
                category=_category(parts),
                tense=tense,
                quoted=any(q0 <= start and end <= q1 for q0, q1 in quotes),
                relation=relation,
                deadline=_Grammar.preceded_by(text, start, lex.cue("deadline")),
                since=since,
                paragraph=_index_of(lines, start),
                sentence=s_index,
                label=_labels_its_line(text, start, end, lines),
                parts=parts,
            )
        )
    return tuple(found)


#: What follows a line's label: "12 Nov: ...", "Monday – ...", "[3 May] ...".
_LABEL_END = re.compile(r"\]?[ \t]*(?::|[-–—|](?=[ \t]))")


def _labels_its_line(text: str, start: int, end: int, lines: Sequence[int]) -> bool:
    """Whether the expression opens its line and a colon, dash or bar ends it: an entry's date."""
    line_start = lines[_index_of(lines, start)] if lines else 0
    return not text[line_start:start].strip(" \t[") and bool(_LABEL_END.match(text, end))


_TITLE_WORDS = re.compile(r"[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)+")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """ 'on ABC's "This Week,"', '"Last Night" won the prize': capitalised time words opening
    a quotation that ends with them or goes on capitalised are a title, not a time (a
    quoted sentence that starts with them goes on in lower case)."""
    if not _TITLE_WORDS.fullmatch(text[start:end]) or text[start - 1 : start] not in {'"', "“", "`"}:
        return False
    after = text[end : end + 40]
    return re.match(r"[,.!?]?[\"”']|\s+[A-Z]", after) is not None


#: What joins the two clocks of a range: "between 0020 and 0210 GMT", "from 10 p.m. to 2 a.m. Moscow time".
_CLOCK_RANGE = re.compile(r"\s*(?:-|–|to|and|until|till)\s*", re.IGNORECASE)


def _range_zone(text: str, clock: _Atom, following: _Atom | None) -> str | None:
    """The zone a range of clocks states once, after its end ("between 0020 and 0210 GMT"):
    the start's too."""
    if following is None or following.parts.hour is None or following.parts.tz is None:
        return None
    return following.parts.tz if _CLOCK_RANGE.fullmatch(text[clock.end : following.start]) else None


def _blanket_zone(blankets: list[tuple[int, str]], start: int) -> str | None:
    """The zone the last statement on all times before `start` gives ("All times Eastern
    (ET)." over a live blog's "6:50 p.m." entries); None without one. A clock naming its own
    zone keeps it (the caller only asks for clocks that name none)."""
    zones = [zone for end, zone in blankets if end <= start]
    return zones[-1] if zones else None


def _timex_type(parts: _Parts) -> model.TimexType:
    if parts.kind == "duration":
        return model.TimexType.DURATION
    if parts.kind == "set":
        return model.TimexType.SET
    if parts.kind == "date" and (parts.hour is not None or parts.pod is not None):
        return model.TimexType.TIME
    return model.TimexType.DATE


def _category(parts: _Parts) -> Category:
    if parts.kind == "duration":
        return "duration"
    if parts.kind == "set":
        return "set"
    if parts.kind == "vague":
        return "vague"
    if parts.offset_base == "publication" or parts.day_offset is not None or parts.night_deictic:
        return "deictic"
    if parts.offset_base in {"narrative", "explicit"} or parts.shift in _NARRATIVE_SHIFTS:
        return "narrative"
    if parts.shift is not None:
        return "deictic"
    if parts.year is not None or parts.decade is not None or parts.century is not None:
        return "absolute"
    if parts.slots() & {"monthday", "period"}:
        return "yearless"  # "the evening of May 3" too: the article belongs to the evening
    if parts.weekday is not None:
        return "weekday"
    return "narrative" if parts.definite and parts.unit else "clock"


def stated_zone(words: str, *, lexicon: TimeLexicon | None = None) -> str | None:
    """The zone a statement on all times in `words` gives (a title "Drone strikes on Odesa
    (all times Kyiv time)" gives "Europe/Kyiv"); None without one."""
    found = (lexicon or default_time_lexicon()).grammar.blanket_zones(words)
    return found[-1][1] if found else None

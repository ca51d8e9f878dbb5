"""Join the grammar's atoms into expressions: "around" + "2:30 am", "Wednesday" + "morning".

Separate because it works on atoms alone, whatever rule found them: which neighbours make
one expression, and what their meanings add up to. It also decides that an offset left
without the date it counts from ("two days after the attack") is a length of time.
"""

from __future__ import annotations

import re
from dataclasses import replace

from corroborator.normalise.timex.parts import _Atom, _duration_value, _Parts
from corroborator.normalise.timex.patterns import _squash

_CONNECTOR = re.compile(
    r"^(?:\s*,)?\s*(?:(?P<word>on|at|of|in\s+the|at\s+around|at\s+about)\s+)?$|^(?P<possessive>['’]s)\s+$",
    re.IGNORECASE,
)
_POSITION_MODS = frozenset({"START", "MID", "END"})
_COUNT_MODS = frozenset({"LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"})


def _has_day(p: _Parts) -> bool:
    return p.names_a_day or (p.month is not None and p.day is not None)


def _only_time_of_day(p: _Parts) -> bool:
    """ "morning", "the evening", "early in the night": a part of day and nothing else."""
    slots = p.slots()
    return not (slots - {"pod", "rel", "mod"}) and (p.definite or "rel" not in slots)


def _bare_the_day(p: _Parts) -> bool:
    """ "the day" and nothing else (no "next", no offset): the day the words after it name."""
    bare = p.slots() == {"rel"} and p.shift is None and not p.offset_dir and p.day_offset is None
    return p.kind == "date" and p.definite and p.unit == "D" and bare


def _habitual_weekday(left: _Parts, right: _Parts, connector: str) -> bool:
    """ "Tuesday nights", "Friday evenings": a weekday with a plural part of day is every one."""
    only_weekday = left.kind == "date" and left.slots() == {"weekday"}
    plural_part = right.kind == "set" and right.pod is not None and right.weekday is None and right.literal is None
    return only_weekday and plural_part and connector == " "


def _can_merge(left: _Parts, right: _Parts, connector: str) -> bool:
    """Whether two neighbouring atoms are one expression ("Wednesday" + "morning")."""
    if _habitual_weekday(left, right, connector):
        return True
    if left.kind != "date" or right.kind not in {"date", "tz"} or "\n" in connector:
        return False
    found = _CONNECTOR.match(connector)
    if found is None:
        return False
    word, comma = _squash(found["word"] or ""), "," in connector
    ls, rs = left.slots(), right.slots()
    if left.pod == "EH" and right.pod == "MO" and _only_time_of_day(right) and not right.definite:
        return word == "" and not comma  # "the early hours of Thursday morning": one stretch
    if _period_a_year_back(left, right):
        return word == "" and not comma  # "the quarter a year ago"
    if left.offset_dir and left.offset_base == "narrative" and left.offset_n is not None and "rel" in rs:
        # "the day before last Tuesday": an offset counted from the named day that follows
        return word == "" and not comma and right.weekday is not None and not rs - {"weekday", "rel"}
    if _bare_the_day(left) and _has_day(right) and not rs & {"clock", "pod"}:
        return word == "" and not comma  # "during the day Friday": Friday, not a second day
    if ls & rs:
        return False
    if found["possessive"]:  # "this year's third quarter", "1990's first half": the year's period
        return left.names_only_a_year and "period" in rs and not rs & {"year", "rel"}
    if right.kind == "tz":  # "2:30 am local time", "0230 GMT"
        return "clock" in ls and word == "" and not comma
    if "clock" in ls and _has_day(left) and "pod" in rs and _only_time_of_day(right):
        # "eleven o'clock on Thursday" + "night": the part of that day the clock is in
        return word == "" and not comma and "pod" not in ls
    if "clock" in ls:  # "10 p.m. Wednesday", "2 pm on May 3", "5 p.m. EST, Nov. 6"
        return word in {"", "on"} and _has_day(right) and "pod" not in rs
    if "clock" in rs:  # "May 3 at 2:30 pm", "yesterday at 3 pm", "that night at 11"
        return word in {"", "at", "at around", "at about"} and (_has_day(left) or "pod" in ls)
    if "pod" in ls and _only_time_of_day(left):  # "the evening of May 3", "the early hours of Wednesday"
        return word in {"", "of", "on"} and not comma and _has_day(right)
    if "pod" in rs and _only_time_of_day(right):  # "Wednesday morning", "yesterday afternoon"
        return word in {"", "in the"} and not comma and _has_day(left)
    if "weekday" in ls and "monthday" not in ls and right.month is not None and right.day is not None:
        return word == ""  # "Friday, Oct. 23", "the night of Friday, Oct. 23"
    if left.definite and left.unit in {"W", "WE"} and _has_day(right) and not rs & {"rel", "clock", "pod"}:
        return word == "of" and not comma  # "the week of March 6": the week holding that day
    if left.definite and left.unit == "Y" and right.year is not None and not rs - {"year"}:
        return word == "" and not comma  # "the year 2000", "the year two thousand"
    if right.names_only_a_year and ls & {"monthday", "period"} and not ls & {"weekday", "clock"}:
        # "June last year", "the third quarter of 1990", "Christmas 2022"
        return word in {"", "of"} and not comma and not ("rel" in rs and left.day is not None)
    if left.names_only_a_year and "rel" not in ls and rs & {"period", "monthday"}:
        return word == "" and not comma and not rs & {"year", "rel"}  # "the 1988 second quarter"
    if left.offset_dir and left.offset_base == "narrative" and left.offset_n is not None:
        # "two days before May 3": an offset counted from the date that follows
        return word == "" and not comma and (_has_day(right) or right.month is not None) and "rel" not in rs
    return False


def _period_a_year_back(left: _Parts, right: _Parts) -> bool:
    """ "the quarter a year ago", "the quarter a year earlier": the quarter under comparison, a
    year before; the words after the quarter are its year, not a second time."""
    one_year_back = right.unit == "Y" and right.offset_n == 1 and right.offset_dir < 0 and not right.signal_len
    return left.definite and left.unit == "Q" and left.slots() == {"rel"} and one_year_back


def _merge_parts(left: _Parts, right: _Parts) -> _Parts:
    if left.kind == "date" and left.slots() == {"weekday"} and right.kind == "set":
        return replace(right, weekday=left.weekday, weak=False)  # "Tuesday nights"
    if _bare_the_day(left):
        return replace(right, weak=left.weak and right.weak)  # "the day Friday" is Friday
    if _period_a_year_back(left, right):
        # read as "the year-ago quarter": the compared period the year before
        return replace(right, weak=left.weak and right.weak)
    merged = replace(left)
    for name, spec in _Parts.__dataclass_fields__.items():
        value = getattr(right, name)
        if value != spec.default and getattr(merged, name) == spec.default:
            setattr(merged, name, value)
    merged.kind = "date"
    merged.weak = left.weak and right.weak
    if left.offset_dir and left.offset_base == "narrative":
        merged.offset_base = "explicit"
    return merged


def _mod_fits(mod: str, parts: _Parts) -> bool:
    if parts.kind in {"set", "vague", "mod", "tz"} or parts.mod is not None:
        return False
    if parts.kind == "duration":
        return mod not in _POSITION_MODS and mod not in {"BEFORE", "AFTER"}
    if mod in _POSITION_MODS:
        return parts.hour is None
    if mod in _COUNT_MODS:
        return parts.offset_dir != 0
    return True


def _merge_atoms(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join atoms into expressions: modifiers onto what follows them, then neighbours."""
    attached: list[_Atom] = []
    i = 0
    while i < len(atoms):
        atom, after = atoms[i], atoms[i + 1] if i + 1 < len(atoms) else None
        if atom.parts.kind == "mod" and after is not None and _mod_fits(atom.parts.mod or "", after.parts):
            gap = text[atom.end : after.start]
            # only a position takes a preposition ("early in 2023", "the end of May"); an
            # approximation does not ("how many will be around in 1995": a particle)
            words = r"(?:on\s+|in\s+|of\s+)?" if atom.parts.mod in _POSITION_MODS else ""
            if re.fullmatch(rf"\s*{words}", gap, re.IGNORECASE):
                # A modifier also confirms a word that alone could be no date ("early May").
                weak = after.parts.weak and after.parts.kind != "date"
                parts = replace(after.parts, mod=atom.parts.mod, weak=weak)
                attached.append(_Atom(atom.start, after.end, parts, after.rule))
                i += 2
                continue
        attached.append(atom)
        i += 1
    merged: list[_Atom] = []
    for atom in attached:
        last = merged[-1] if merged else None
        if last is not None and _can_merge(last.parts, atom.parts, text[last.end : atom.start]):
            # "during the day Friday": the day is the one named; TimeML tags that name alone
            start = atom.start if _bare_the_day(last.parts) else last.start
            merged[-1] = _Atom(start, atom.end, _merge_parts(last.parts, atom.parts), last.rule)
        else:
            merged.append(atom)
    merged = _across_restatements(text, merged)
    return [_finish(text, a) for a in merged if a.parts.kind not in {"mod", "tz"}]


_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)\s*(?:on\s+)?", re.IGNORECASE)


def _across_restatements(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Wire style restates a clock time in another zone in brackets before the day: "at 10:35
    a.m. (0735 GMT) Friday". The clock takes the day named after the bracket; each keeps its
    own span, as TimeML tags them (the restated time is not given the day: in its zone the
    date may differ)."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        if i + 2 < len(atoms):
            clock, restated, day = atoms[i], atoms[i + 1], atoms[i + 2]
            if (
                "clock" in clock.parts.slots()
                and "clock" in restated.parts.slots()
                and not _has_day(restated.parts)
                and _OPEN.fullmatch(text[clock.end : restated.start])
                and _CLOSE.fullmatch(text[restated.end : day.start])
                and _can_merge(clock.parts, day.parts, " ")
            ):
                out += [replace(clock, parts=_merge_parts(clock.parts, day.parts)), restated, day]
                i += 3
                continue
        if i + 1 < len(atoms) and _day_in_brackets(text, atoms[i], atoms[i + 1]):
            clock, restated = atoms[i], atoms[i + 1]
            out += [replace(clock, parts=_merge_parts(clock.parts, _day_only(restated.parts))), restated]
            i += 2
            continue
        out.append(atoms[i])
        i += 1
    return out


def _day_only(parts: _Parts) -> _Parts:
    """The day of a dated clock time ("4 a.m. EDT Thursday" → Thursday)."""
    return replace(parts, hour=None, minute=None, minutes_given=False, meridiem=None, tz=None, pod=None, mod=None)


def _day_in_brackets(text: str, clock: _Atom, restated: _Atom) -> bool:
    """ "leave at 4 in the morning (4 a.m. EDT Thursday)": a clock time without a day, restated
    in brackets with one, is on that day."""
    return (
        "clock" in clock.parts.slots()
        and not _has_day(clock.parts)
        and "clock" in restated.parts.slots()
        and _has_day(restated.parts)
        and _OPEN.fullmatch(text[clock.end : restated.start]) is not None
        and re.match(r"\s*\)", text[restated.end : restated.end + 3]) is not None
        and _can_merge(clock.parts, _day_only(restated.parts), " ")
    )


def _finish(text: str, atom: _Atom) -> _Atom:
    """An offset left without the date it counts from is a length of time."""
    parts = atom.parts
    if not (parts.signal_len and parts.offset_base == "narrative"):
        return atom
    end = atom.end - parts.signal_len
    while end > atom.start and text[end - 1].isspace():
        end -= 1
    count = parts.offset_n if parts.offset_range is None else None
    literal = _duration_value(count, parts.unit or "D")
    return _Atom(atom.start, end, _Parts(kind="duration", literal=literal, mod=parts.mod), atom.rule)

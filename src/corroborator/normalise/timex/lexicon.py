"""The tagger's words: `TimeLexicon`, read from `resources/lexicon/time.toml`.

Separate because the words are data, not code: the packaged file is extended by same-named
files in the user's resource dirs, and reading, merging and checking those TOML files is
the tagger's only I/O. Both steps read the words (the grammar compiles its rules from them,
resolution reads the hours of parts of day and the months of seasons), so they sit below both.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from corroborator.config import (
    Settings,
    load_settings,
    merge_resource_tables,
    packaged_resource,
    read_resource_toml,
    resource_paths,
)
from corroborator.errors import ResourceError

# The one import against the flow: the lexicon caches the grammar compiled from its words
# (once per lexicon). The grammar needs the lexicon only for its type, so there is no cycle.
from corroborator.normalise.timex.grammar import _Grammar

TIME_LEXICON = "lexicon/time.toml"


@dataclass(frozen=True, kw_only=True)
class TimeLexicon:
    """The words of `resources/lexicon/time.toml` (its header says what each table means)."""

    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    ambiguous_months: frozenset[str]
    weekdays: Mapping[str, int]
    parts_of_day: Mapping[str, str]
    part_of_day_hours: Mapping[str, tuple[int, int]]
    clock_words: Mapping[str, tuple[int, int]]
    seasons: Mapping[str, str]
    season_months: Mapping[str, tuple[int, int]]
    numbers: Mapping[str, float]
    vague_numbers: Mapping[str, tuple[int, int]]
    ordinals: Mapping[str, int]
    units: Mapping[str, str]
    set_words: Mapping[str, str]
    vague: Mapping[str, str]
    modifiers: Mapping[str, str]
    positions: Mapping[str, str]
    timezones: Mapping[str, str]
    zone_regions: Mapping[str, str]
    holidays: Mapping[str, str]
    cues: Mapping[str, tuple[str, ...]]

    @cached_property
    def grammar(self) -> _Grammar:
        """The compiled rules; built once per lexicon."""
        return _Grammar(self)

    def cue(self, name: str) -> tuple[str, ...]:
        return self.cues.get(name, ())


def load_time_lexicon(settings: Settings | None = None) -> TimeLexicon:
    """The packaged time lexicon, extended by same-named files in the user's resource dirs."""
    if settings is None:
        return _load_lexicon((packaged_resource(TIME_LEXICON),))
    return _load_lexicon(tuple(resource_paths(TIME_LEXICON, settings)))


@lru_cache(maxsize=1)
def default_time_lexicon() -> TimeLexicon:
    """The lexicon for the current settings (packaged defaults, user file, environment)."""
    return load_time_lexicon(load_settings())


@lru_cache(maxsize=8)
def _load_lexicon(paths: tuple[Path, ...]) -> TimeLexicon:
    raw: dict[str, Any] = {}
    for path in paths:
        raw = merge_resource_tables(raw, read_resource_toml(path, what="the time lexicon"))
    try:
        return _build_lexicon(raw)
    except (KeyError, TypeError, ValueError) as exc:
        where = ", ".join(str(p) for p in paths)
        raise ResourceError(f"{where}: malformed time lexicon ({exc}); see the file header") from exc


def _pair(value: Any) -> tuple[int, int]:
    first, second = value
    return int(first), int(second)


def _hours_minutes(value: Any) -> tuple[int, int]:
    hour, minute = str(value).split(":")
    return int(hour), int(minute)


def _build_lexicon(raw: Mapping[str, Any]) -> TimeLexicon:
    def table(name: str, convert: Callable[[Any], Any]) -> dict[str, Any]:
        found = raw.get(name, {})
        if not isinstance(found, Mapping):
            raise TypeError(f"[{name}] must be a table")
        return {str(k).lower(): convert(v) for k, v in found.items()}

    cues = table("cues", lambda v: tuple(str(w).lower() for w in v))
    return TimeLexicon(
        months=table("months", int),
        month_abbreviations=table("month_abbreviations", int),
        ambiguous_months=frozenset(cues.get("ambiguous_months", ())),
        weekdays=table("weekdays", int),
        parts_of_day=table("parts_of_day", str),
        part_of_day_hours={k.upper(): v for k, v in table("part_of_day_hours", _pair).items()},
        clock_words=table("clock_words", _hours_minutes),
        seasons=table("seasons", str),
        season_months={k.upper(): v for k, v in table("season_months", _pair).items()},
        numbers=table("numbers", float),
        vague_numbers=table("vague_numbers", _pair),
        ordinals=table("ordinals", int),
        units=table("units", str),
        set_words=table("set_words", str),
        vague=table("vague", str),
        modifiers=table("modifiers", str),
        positions=table("positions", str),
        timezones=table("timezones", str),
        zone_regions=table("zone_regions", str),
        holidays=table("holidays", str),
        cues=cues,
    )

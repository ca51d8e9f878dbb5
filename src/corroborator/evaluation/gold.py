"""The dev set's answer key (devset/gold.json, described in devset/FORMAT.md), typed.

Reading validates as it goes and names the offending entry by its path in the file
("reports.r07.mentions.A.facts[2].value"), because the key is written by hand and a
typo there would otherwise surface as a puzzling score.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any, NoReturn, TypeAlias

from corroborator import model
from corroborator.errors import CorroboratorError


class GoldError(CorroboratorError):
    """The answer key is missing or does not follow devset/FORMAT.md."""


@dataclass(frozen=True, kw_only=True)
class GoldTime:
    """A day or a range of days (inclusive), with a local clock time when the words give one."""

    first: date
    last: date
    clock: time | None = None


#: counts: Quantity; time: GoldTime; place: the place name; everything else: a code.
GoldValue: TypeAlias = model.Quantity | GoldTime | str


@dataclass(frozen=True, kw_only=True)
class GoldFact:
    """One (attribute, value, source) statement a report makes about an incident."""

    attribute: model.Attribute
    value: GoldValue
    words: str = ""
    source: str | None = None
    source_kind: str | None = None
    affiliation: str | None = None
    stance: model.Stance | None = None

    @property
    def own_voice(self) -> bool:
        """The report's outlet says it itself (FORMAT.md writes the source as "outlet")."""
        return (self.source or "").strip().lower() == "outlet"


@dataclass(frozen=True, kw_only=True)
class GoldIncident:
    key: str
    label: str = ""
    event_type: str | None = None
    sub_event_type: str | None = None
    date_between: tuple[date, date] | None = None
    place: str | None = None
    country: str | None = None
    contradictions: frozenset[tuple[model.Attribute, model.ContradictionKind]] = frozenset()
    grade: model.GradeLevel | None = None


_UNSET: Any = object()


@dataclass(frozen=True, kw_only=True)
class GoldReport:
    id: str
    #: A date, None for "declares none", or absent (not judged): see `judges_declared`.
    declared_published: date | None = None
    judges_declared: bool = False
    date_line_inconsistent: bool | None = None
    inferred_published_between: tuple[date, date] | None = None
    primary: str | None = None
    mentions: Mapping[str, tuple[GoldFact, ...]] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class GoldSet:
    about: str
    incidents: Mapping[str, GoldIncident]
    distinct: tuple[tuple[str, str], ...]
    reports: Mapping[str, GoldReport]

    def facts(self) -> list[tuple[str, str, GoldFact]]:
        """Every statement as (report id, incident key, fact)."""
        return [
            (report.id, key, fact)
            for report in self.reports.values()
            for key, facts in report.mentions.items()
            for fact in facts
        ]


# --------------------------------------------------------------------------- reading


def load_gold(path: Path) -> GoldSet:
    """Read and validate a gold.json file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GoldError(f"{path}: no answer key there; a dev set needs gold.json (see devset/FORMAT.md)") from exc
    except OSError as exc:
        raise GoldError(f"{path}: cannot read the answer key ({exc.strerror or exc})") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON ({exc}); fix the answer key") from exc
    return parse_gold(data, origin=str(path))


def parse_gold(data: Any, *, origin: str = "gold.json") -> GoldSet:
    """Validate the parsed JSON of an answer key and build the typed records."""
    reader = _Reader(origin)
    root = reader.table(data, "")
    incidents = {
        key: reader.incident(key, value) for key, value in reader.table(root.get("incidents", {}), "incidents").items()
    }
    distinct: list[tuple[str, str]] = []
    for n, pair in enumerate(reader.array(root.get("distinct", []), "distinct")):
        where = f"distinct[{n}]"
        if not (isinstance(pair, list) and len(pair) == 2 and all(k in incidents for k in pair)):
            reader.fail(where, f"must be a pair of incident keys, got {pair!r}")
        distinct.append((pair[0], pair[1]))
    reports = {
        rid: reader.report(rid, value, incidents)
        for rid, value in reader.table(root.get("reports", {}), "reports").items()
    }
    return GoldSet(about=str(root.get("about", "")), incidents=incidents, distinct=tuple(distinct), reports=reports)


_COUNT_ATTRIBUTES = frozenset(model.NUMERIC_ATTRIBUTES)


class _Reader:
    """Typed accessors that fail with the entry's path."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, where: str, problem: str) -> NoReturn:
        raise GoldError(f"{self.origin}: {where or 'top level'}: {problem}")

    def table(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, f"must be an object, got {type(value).__name__}")
        return value

    def array(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(where, f"must be a list, got {type(value).__name__}")
        return value

    def day(self, value: Any, where: str) -> date:
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            return self.fail(where, f"must be a date YYYY-MM-DD, got {value!r}")

    def days(self, value: Any, where: str) -> tuple[date, date]:
        pair = self.array(value, where)
        if len(pair) != 2:
            self.fail(where, f"must be [first day, last day], got {value!r}")
        first, last = self.day(pair[0], where), self.day(pair[1], where)
        if last < first:
            self.fail(where, f"last day {last} is before first day {first}")
        return first, last

    def enum(self, kind: type[Any], value: Any, where: str) -> Any:
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(str(k.value) for k in kind)
            return self.fail(where, f"{value!r} is not one of {allowed}")

    def incident(self, key: str, value: Any) -> GoldIncident:
        where = f"incidents.{key}"
        entry = self.table(value, where)
        contradictions = frozenset(
            (
                self.enum(
                    model.Attribute,
                    self.table(c, f"{where}.contradictions[{n}]").get("attribute"),
                    f"{where}.contradictions[{n}].attribute",
                ),
                self.enum(model.ContradictionKind, c.get("kind"), f"{where}.contradictions[{n}].kind"),
            )
            for n, c in enumerate(self.array(entry.get("contradictions", []), f"{where}.contradictions"))
        )
        between = entry.get("date_between")
        grade = entry.get("grade")
        return GoldIncident(
            key=key,
            label=str(entry.get("label", "")),
            event_type=entry.get("event_type"),
            sub_event_type=entry.get("sub_event_type"),
            date_between=self.days(between, f"{where}.date_between") if between else None,
            place=entry.get("place") or None,
            country=entry.get("country") or None,
            contradictions=contradictions,
            grade=self.enum(model.GradeLevel, grade, f"{where}.grade") if grade else None,
        )

    def report(self, rid: str, value: Any, incidents: Mapping[str, GoldIncident]) -> GoldReport:
        where = f"reports.{rid}"
        entry = self.table(value, where)
        primary = entry.get("primary")
        if primary is not None and primary not in incidents:
            self.fail(f"{where}.primary", f"{primary!r} is not an incident key")
        mentions: dict[str, tuple[GoldFact, ...]] = {}
        for key, mention in self.table(entry.get("mentions", {}), f"{where}.mentions").items():
            if key not in incidents:
                self.fail(f"{where}.mentions", f"{key!r} is not an incident key")
            at = f"{where}.mentions.{key}.facts"
            facts = self.array(self.table(mention, f"{where}.mentions.{key}").get("facts", []), at)
            mentions[key] = tuple(self.fact(f, f"{at}[{n}]") for n, f in enumerate(facts))
        declared = entry.get("declared_published", _UNSET)
        flag = entry.get("date_line_inconsistent")
        if flag is not None and not isinstance(flag, bool):
            self.fail(f"{where}.date_line_inconsistent", f"must be true or false, got {flag!r}")
        inferred = entry.get("inferred_published_between")
        return GoldReport(
            id=rid,
            declared_published=(
                self.day(declared, f"{where}.declared_published") if declared not in (_UNSET, None) else None
            ),
            judges_declared=declared is not _UNSET,
            date_line_inconsistent=flag,
            inferred_published_between=(
                self.days(inferred, f"{where}.inferred_published_between") if inferred else None
            ),
            primary=primary,
            mentions=mentions,
        )

    def fact(self, value: Any, where: str) -> GoldFact:
        entry = self.table(value, where)
        attribute = self.enum(model.Attribute, entry.get("attribute"), f"{where}.attribute")
        stance = entry.get("stance")
        affiliation = entry.get("affiliation")
        return GoldFact(
            attribute=attribute,
            value=self.value(attribute, entry.get("value"), f"{where}.value"),
            words=str(entry.get("words", "")),
            source=entry.get("source"),
            source_kind=entry.get("source_kind"),
            affiliation=str(affiliation).upper() if affiliation else None,
            stance=self.enum(model.Stance, stance, f"{where}.stance") if stance else None,
        )

    def value(self, attribute: model.Attribute, value: Any, where: str) -> GoldValue:
        if attribute in _COUNT_ATTRIBUTES:
            return self.count(value, where)
        if attribute is model.Attribute.TIME:
            return self.time(value, where)
        if not isinstance(value, str) or not value.strip():
            return self.fail(where, f"a {attribute.value} value must be a non-empty string, got {value!r}")
        return value.strip()

    def count(self, value: Any, where: str) -> model.Quantity:
        if isinstance(value, bool):
            return self.fail(where, f"a count must be a number or {{min, max}}, got {value!r}")
        if isinstance(value, int) and value >= 0:
            return model.Quantity(min=value, max=value)
        if isinstance(value, dict) and isinstance(value.get("min"), int) and value["min"] >= 0:
            high = value.get("max")
            if high is None or (isinstance(high, int) and high >= value["min"]):
                return model.Quantity(min=value["min"], max=high)
        return self.fail(where, f"a count must be a number or {{min, max}}, got {value!r}")

    def time(self, value: Any, where: str) -> GoldTime:
        entry = self.table(value, where)
        if "date" in entry:
            first = last = self.day(entry["date"], f"{where}.date")
        elif "between" in entry:
            first, last = self.days(entry["between"], f"{where}.between")
        else:
            return self.fail(where, "a time needs 'date' or 'between'")
        clock = entry.get("clock")
        try:
            parsed = time.fromisoformat(clock) if clock else None
        except ValueError:
            return self.fail(f"{where}.clock", f"must be HH:MM, got {clock!r}")
        return GoldTime(first=first, last=last, clock=parsed)

"""Extraction (issue 3): precision, recall and F1 per attribute.

The unit is a (report, incident, attribute, value) fact: two sources in one report giving
the same value are one fact, and so are the wording variants of one system value. Gold
facts of a report about a gold incident are compared with the claims the same report
contributes to the system incident aligned with it; a gold incident without one loses
all its facts. Within one (report, incident, attribute), gold and system values are paired
one-to-one (a vague system range cannot count for two gold values).

Every miss and every spurious value is kept as a `FactError` with its words, so whoever
improves extraction can read what went wrong, not only how much.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Literal

from corroborator import model
from corroborator.evaluation.align import Alignment
from corroborator.evaluation.assignment import max_weight_assignment
from corroborator.evaluation.gold import GoldFact, GoldSet, GoldTime, GoldValue
from corroborator.evaluation.matching import Places, gold_key, system_key, values_match
from corroborator.evaluation.metrics import PRF, Score, total


class FactError(Score):
    """A gold fact the system missed, or a system value the gold does not have."""

    error: Literal["missed", "spurious"]
    report: str
    incident: str
    attribute: str
    value: str
    words: str


class ExtractionScores(Score):
    per_attribute: dict[str, PRF]
    micro: PRF
    errors: tuple[FactError, ...] = ()


def gold_text(value: GoldValue) -> str:
    if isinstance(value, GoldTime):
        days = str(value.first) if value.first == value.last else f"{value.first}..{value.last}"
        return f"{days} {value.clock:%H:%M}" if value.clock else days
    return str(value)


def system_text(value: model.FactValue) -> str:
    if isinstance(value, model.TimeValue):
        return f"{value.value} {value.clock}" if value.clock else value.value
    if isinstance(value, model.PlaceValue):
        return f"{value.place.name} ({value.place.kind})"
    if isinstance(value, model.Label):
        return value.code
    return str(value)


def _pairs(
    wanted: Sequence[GoldValue],
    got: Sequence[model.FactValue],
    *,
    places: Places,
    country: str | None,
    home: str | None = None,
) -> list[tuple[int, int]]:
    weights = [
        [1.0 if values_match(w, g, places=places, country=country, home=home) else 0.0 for g in got] for w in wanted
    ]
    return max_weight_assignment(weights)


def compare_values(
    gold: Sequence[GoldValue], system: Sequence[model.FactValue], *, places: Places, country: str | None = None
) -> PRF:
    """True/false positives and misses of one (report, incident, attribute)."""
    wanted = list({gold_key(v): v for v in reversed(gold)}.values())
    got = list({system_key(v): v for v in reversed(system)}.values())
    hits = len(_pairs(wanted, got, places=places, country=country))
    return PRF(tp=hits, fp=len(got) - hits, fn=len(wanted) - hits)


def _first_of_each_fact(facts: Sequence[GoldFact]) -> list[GoldFact]:
    seen: dict[Hashable, GoldFact] = {}
    for fact in facts:
        seen.setdefault(gold_key(fact.value), fact)
    return list(seen.values())


def _first_of_each_value(claims: Sequence[model.Claim]) -> list[model.Claim]:
    seen: dict[Hashable, model.Claim] = {}
    for claim in claims:
        seen.setdefault(system_key(claim.value), claim)
    return list(seen.values())


def score_extraction(gold: GoldSet, alignment: Alignment, *, places: Places) -> ExtractionScores:
    per_attribute = {a.value: PRF() for a in model.Attribute}
    errors: list[FactError] = []
    for report in gold.reports.values():
        for key, facts in report.mentions.items():
            claims = alignment.claims(report.id, key)
            country, home = gold.incidents[key].country, gold.incidents[key].place
            for attribute in model.Attribute:
                wanted = _first_of_each_fact([f for f in facts if f.attribute == attribute])
                got = _first_of_each_value([c for c in claims if c.attribute == attribute])
                if not (wanted or got):
                    continue
                pairs = _pairs(
                    [f.value for f in wanted], [c.value for c in got], places=places, country=country, home=home
                )
                per_attribute[attribute.value] += PRF(
                    tp=len(pairs), fp=len(got) - len(pairs), fn=len(wanted) - len(pairs)
                )
                found = {i for i, _ in pairs}
                used = {j for _, j in pairs}
                where = {"report": report.id, "incident": key, "attribute": attribute.value}
                errors.extend(
                    FactError(error="missed", value=gold_text(f.value), words=f.words, **where)
                    for i, f in enumerate(wanted)
                    if i not in found
                )
                errors.extend(
                    FactError(error="spurious", value=system_text(c.value), words=c.evidence.text, **where)
                    for j, c in enumerate(got)
                    if j not in used
                )
    return ExtractionScores(per_attribute=per_attribute, micro=total(per_attribute.values()), errors=tuple(errors))

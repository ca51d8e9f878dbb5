"""Which system output is about which gold incident.

Two levels, both one-to-one and optimal (`max_weight_assignment`):

1. Mentions. Inside each report, the gold mentions (report, gold incident) are paired with
   the system mentions (report, system incident): the claims one report contributes to
   one system incident, which is one frame, since a report's frames are never merged.
   A pair weighs how many of the gold facts the claims give, whether the incident's place
   and time agree with the gold incident's, and whether both call it the report's main
   story. Every pair in the same report may be made (a report with one gold mention and
   one frame is about one event), the weights only decide between rivals. Linking is
   scored on this level: a split or merged incident shows as mentions in the wrong cluster.
2. Incidents. A gold incident is paired with a system incident that holds at least one of
   its aligned mentions, preferring the one holding most of them, then place and time
   agreement. Extraction, contradictions and grades are scored on this level.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from corroborator import model
from corroborator.evaluation.assignment import max_weight_assignment
from corroborator.evaluation.gold import GoldFact, GoldIncident, GoldSet
from corroborator.evaluation.matching import Places, gold_key, values_match

#: Weight of any two mentions of one report: enough to pair leftovers, never to outvote evidence.
SAME_REPORT = 0.1
#: Weight of place, time or main-story agreement, next to one per gold fact the claims give.
AGREEMENT = 1.0
#: At the incident level agreement only breaks ties between equally many shared mentions.
INCIDENT_AGREEMENT = 0.25


@dataclass(frozen=True, kw_only=True)
class SystemMention:
    """What one report contributes to one system incident."""

    report_id: str
    incident: model.Incident
    claims: tuple[model.Claim, ...]


@dataclass(frozen=True, kw_only=True)
class Alignment:
    #: (report id, gold incident key) → the system mention paired with it.
    mentions: dict[tuple[str, str], SystemMention]
    #: gold incident key → the system incident paired with it.
    incidents: dict[str, model.Incident]

    def claims(self, report_id: str, key: str) -> tuple[model.Claim, ...]:
        """The claims of a report in the system incident aligned with a gold incident."""
        incident = self.incidents.get(key)
        if incident is None:
            return ()
        return tuple(c for c in incident.claims if c.report_id == report_id)


def system_mentions(analysis: model.Analysis) -> dict[str, list[SystemMention]]:
    """Per report, its system mentions, in incident order."""
    found: dict[str, list[SystemMention]] = {}
    for incident in analysis.incidents:
        for report_id in incident.report_ids:
            claims = tuple(c for c in incident.claims if c.report_id == report_id)
            found.setdefault(report_id, []).append(SystemMention(report_id=report_id, incident=incident, claims=claims))
    return found


def place_agrees(gold: GoldIncident, incident: model.Incident, *, places: Places) -> bool:
    return bool(gold.place and incident.place and places.match(gold.place, incident.place, country=gold.country))


def time_agrees(gold: GoldIncident, incident: model.Incident) -> bool:
    if gold.date_between is None or incident.time is None:
        return False
    first, last = gold.date_between
    days = model.TimeInterval(
        start=datetime.combine(first, time()),
        end=datetime.combine(last, time()) + timedelta(days=1),
        precision=model.TimePrecision.DAY,
    )
    return incident.time.overlaps(days)


def facts_given(
    facts: Sequence[GoldFact],
    claims: Sequence[model.Claim],
    *,
    places: Places,
    country: str | None,
    home: str | None = None,
) -> int:
    """How many distinct gold values some claim gives."""
    given = set()
    for fact in facts:
        if any(
            c.attribute == fact.attribute
            and values_match(fact.value, c.value, places=places, country=country, home=home)
            for c in claims
        ):
            given.add((fact.attribute, gold_key(fact.value)))
    return len(given)


def align(gold: GoldSet, analysis: model.Analysis, *, places: Places) -> Alignment:
    by_report = system_mentions(analysis)
    mentions: dict[tuple[str, str], SystemMention] = {}
    for report in gold.reports.values():
        keys = list(report.mentions)
        candidates = by_report.get(report.id, [])
        weights = [
            [
                _mention_weight(gold.incidents[key], report.mentions[key], report.primary == key, m, places=places)
                for m in candidates
            ]
            for key in keys
        ]
        for row, col in max_weight_assignment(weights):
            mentions[(report.id, keys[row])] = candidates[col]

    incidents = [*analysis.incidents]
    held: dict[str, Counter[str]] = {key: Counter() for key in gold.incidents}
    for (_, key), mention in mentions.items():
        held[key][mention.incident.id] += 1
    keys = list(gold.incidents)
    weights = [
        [
            held[key][i.id]
            + INCIDENT_AGREEMENT
            * (place_agrees(gold.incidents[key], i, places=places) + time_agrees(gold.incidents[key], i))
            if held[key][i.id]
            else 0.0
            for i in incidents
        ]
        for key in keys
    ]
    paired = {keys[row]: incidents[col] for row, col in max_weight_assignment(weights)}
    return Alignment(mentions=mentions, incidents=paired)


def _mention_weight(
    gold: GoldIncident, facts: Sequence[GoldFact], main: bool, mention: SystemMention, *, places: Places
) -> float:
    incident = mention.incident
    return (
        SAME_REPORT
        + facts_given(facts, mention.claims, places=places, country=gold.country, home=gold.place)
        + AGREEMENT * place_agrees(gold, incident, places=places)
        + AGREEMENT * time_agrees(gold, incident)
        + AGREEMENT * (main == (mention.report_id in incident.primary_of))
    )

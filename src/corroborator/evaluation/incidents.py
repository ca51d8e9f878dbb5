"""Incident-level judgements (issue 5): contradictions, grades and event types.

Contradictions are compared as (gold incident, attribute) pairs, and per kind as
(gold incident, attribute, kind): the system side are the contradictions of the system
incident aligned with each gold incident (those of unaligned system incidents are not
judged), the gold side every listed contradiction, so one missed with its whole incident
counts as missed. Grades and event types are judged for every gold incident that gives
one; an incident the system never formed is judged wrong.
"""

from __future__ import annotations

from corroborator import model
from corroborator.evaluation.align import Alignment
from corroborator.evaluation.gold import GoldSet
from corroborator.evaluation.metrics import PRF, Accuracy, Score


class ContradictionScores(Score):
    total: PRF
    per_kind: dict[str, PRF]


class IncidentScores(Score):
    grade: Accuracy
    event_type: Accuracy
    sub_event_type: Accuracy


def score_contradictions(gold: GoldSet, alignment: Alignment) -> ContradictionScores:
    wanted_pairs: set[tuple[str, str]] = set()
    found_pairs: set[tuple[str, str]] = set()
    wanted_kinds: set[tuple[str, str, str]] = set()
    found_kinds: set[tuple[str, str, str]] = set()
    for key, incident in gold.incidents.items():
        for attribute, kind in incident.contradictions:
            wanted_pairs.add((key, attribute.value))
            wanted_kinds.add((key, attribute.value, kind.value))
        system = alignment.incidents.get(key)
        for contradiction in system.contradictions if system else ():
            found_pairs.add((key, contradiction.attribute.value))
            found_kinds.add((key, contradiction.attribute.value, contradiction.kind.value))

    def prf(wanted: set[tuple[str, ...]], found: set[tuple[str, ...]]) -> PRF:
        return PRF(tp=len(wanted & found), fp=len(found - wanted), fn=len(wanted - found))

    per_kind = {
        kind.value: prf({w for w in wanted_kinds if w[2] == kind.value}, {f for f in found_kinds if f[2] == kind.value})
        for kind in model.ContradictionKind
    }
    return ContradictionScores(total=prf(set(wanted_pairs), set(found_pairs)), per_kind=per_kind)


def score_incidents(gold: GoldSet, alignment: Alignment) -> IncidentScores:
    grade, event_type, sub_event_type = Accuracy(), Accuracy(), Accuracy()
    for key, want in gold.incidents.items():
        system = alignment.incidents.get(key)
        if want.grade is not None:
            grade = grade.judge(system is not None and system.grade.level == want.grade)
        if want.event_type:
            event_type = event_type.judge(system is not None and system.event_type == want.event_type)
        if want.sub_event_type:
            sub_event_type = sub_event_type.judge(system is not None and system.sub_event_type == want.sub_event_type)
    return IncidentScores(grade=grade, event_type=event_type, sub_event_type=sub_event_type)

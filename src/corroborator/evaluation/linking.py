"""Linking (issue 5): are the reports' mentions of one event grouped into one incident?

The items are the gold mentions, (report, gold incident): the gold cluster is the gold
incident, the system cluster the system incident holding the system mention aligned with
it (a mention without one is a singleton). Scored with B³ and pairwise precision/recall;
the same for reports grouped by their main incident; and, for each pair of look-alike
incidents the gold says are distinct, whether any system incident holds mentions of both.
"""

from __future__ import annotations

from collections.abc import Hashable

from corroborator import model
from corroborator.evaluation.align import Alignment
from corroborator.evaluation.gold import GoldSet
from corroborator.evaluation.metrics import Accuracy, ClusterScore, Score, b_cubed, pairwise


class DistinctPair(Score):
    first: str
    second: str
    apart: bool
    merged_in: tuple[str, ...] = ()


class LinkingScores(Score):
    mentions: int
    b_cubed: ClusterScore
    pairwise: ClusterScore
    primary_b_cubed: ClusterScore
    distinct: tuple[DistinctPair, ...]
    distinct_apart: Accuracy
    gold_incidents: int
    system_incidents: int
    aligned_incidents: int


def score_linking(gold: GoldSet, alignment: Alignment, analysis: model.Analysis) -> LinkingScores:
    gold_clusters: dict[Hashable, Hashable] = {}
    system_clusters: dict[Hashable, Hashable] = {}
    for report in gold.reports.values():
        for key in report.mentions:
            gold_clusters[(report.id, key)] = key
            mention = alignment.mentions.get((report.id, key))
            if mention is not None:
                system_clusters[(report.id, key)] = mention.incident.id

    outcomes = {r.id: r for r in analysis.reports}
    gold_primary: dict[Hashable, Hashable] = {r.id: r.primary for r in gold.reports.values() if r.primary}
    system_primary: dict[Hashable, Hashable] = {}
    for report_id in gold_primary:
        outcome = outcomes.get(str(report_id))
        if outcome is not None and outcome.primary_incident is not None:
            system_primary[report_id] = outcome.primary_incident

    held: dict[str, set[str]] = {}
    for (_, key), mention in alignment.mentions.items():
        held.setdefault(key, set()).add(mention.incident.id)
    pairs = []
    for first, second in gold.distinct:
        merged = held.get(first, set()) & held.get(second, set())
        pairs.append(DistinctPair(first=first, second=second, apart=not merged, merged_in=tuple(sorted(merged))))

    return LinkingScores(
        mentions=len(gold_clusters),
        b_cubed=b_cubed(gold_clusters, system_clusters),
        pairwise=pairwise(gold_clusters, system_clusters),
        primary_b_cubed=b_cubed(gold_primary, system_primary),
        distinct=tuple(pairs),
        distinct_apart=Accuracy(correct=sum(p.apart for p in pairs), total=len(pairs)),
        gold_incidents=len(gold.incidents),
        system_incidents=len(analysis.incidents),
        aligned_incidents=len(alignment.incidents),
    )

"""All the scores of one analysis against one answer key, as one record."""

from __future__ import annotations

from corroborator import model
from corroborator.evaluation.align import Alignment, align
from corroborator.evaluation.attribution import AttributionScores, score_attribution
from corroborator.evaluation.extraction import ExtractionScores, score_extraction
from corroborator.evaluation.gold import GoldSet
from corroborator.evaluation.incidents import (
    ContradictionScores,
    IncidentScores,
    score_contradictions,
    score_incidents,
)
from corroborator.evaluation.linking import LinkingScores, score_linking
from corroborator.evaluation.matching import Places
from corroborator.evaluation.metrics import Score
from corroborator.evaluation.reports import ReportScores, score_reports


class AlignedIncident(Score):
    """Which system incident stands for a gold incident (None: the system never formed it)."""

    key: str
    label: str
    incident: str | None
    reports: int
    aligned_mentions: int


class Scores(Score):
    extraction: ExtractionScores
    attribution: AttributionScores
    linking: LinkingScores
    contradictions: ContradictionScores
    incidents: IncidentScores
    reports: ReportScores
    alignment: tuple[AlignedIncident, ...]


def _alignment_rows(gold: GoldSet, alignment: Alignment) -> tuple[AlignedIncident, ...]:
    rows = []
    for key, incident in gold.incidents.items():
        reports = [r for r in gold.reports.values() if key in r.mentions]
        system = alignment.incidents.get(key)
        held = sum(
            1
            for r in reports
            if system is not None and (m := alignment.mentions.get((r.id, key))) and m.incident.id == system.id
        )
        rows.append(
            AlignedIncident(
                key=key,
                label=incident.label,
                incident=system.id if system else None,
                reports=len(reports),
                aligned_mentions=held,
            )
        )
    return tuple(rows)


def score(analysis: model.Analysis, gold: GoldSet, *, places: Places) -> Scores:
    """Every score of `analysis` against `gold` (see the modules of this package for how)."""
    alignment = align(gold, analysis, places=places)
    return Scores(
        extraction=score_extraction(gold, alignment, places=places),
        attribution=score_attribution(gold, alignment, analysis, places=places),
        linking=score_linking(gold, alignment, analysis),
        contradictions=score_contradictions(gold, alignment),
        incidents=score_incidents(gold, alignment),
        reports=score_reports(gold, analysis),
        alignment=_alignment_rows(gold, alignment),
    )

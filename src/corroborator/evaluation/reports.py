"""Report-level judgements: declared and inferred publication, and the date-line flag.

A report the analysis lacks (it failed to ingest) is judged wrong on everything the gold
says about it.
"""

from __future__ import annotations

from datetime import date

from corroborator import model
from corroborator.evaluation.gold import GoldSet
from corroborator.evaluation.metrics import PRF, Accuracy, Score


class ReportScores(Score):
    declared_published: Accuracy
    inferred_published: Accuracy
    date_line_flag: Accuracy
    date_line_flag_prf: PRF


def _inferred_within(publication: model.PublicationTime, first: date, last: date) -> bool:
    earliest = publication.inferred_earliest
    latest = publication.inferred_latest or earliest
    if earliest is None or latest is None or not publication.year_known:
        return False
    return first <= earliest and latest <= last


def score_reports(gold: GoldSet, analysis: model.Analysis) -> ReportScores:
    outcomes = {r.id: r for r in analysis.reports}
    declared, inferred, flag = Accuracy(), Accuracy(), Accuracy()
    flag_prf = PRF()
    for want in gold.reports.values():
        outcome = outcomes.get(want.id)
        publication = outcome.publication if outcome else None
        if want.judges_declared:
            declared = declared.judge(publication is not None and publication.declared == want.declared_published)
        if want.inferred_published_between is not None:
            first, last = want.inferred_published_between
            inferred = inferred.judge(publication is not None and _inferred_within(publication, first, last))
        if want.date_line_inconsistent is not None:
            got = publication is not None and publication.date_line_inconsistent
            flag = flag.judge(got == want.date_line_inconsistent)
            flag_prf += PRF(
                tp=int(got and want.date_line_inconsistent),
                fp=int(got and not want.date_line_inconsistent),
                fn=int(not got and want.date_line_inconsistent),
            )
    return ReportScores(
        declared_published=declared, inferred_published=inferred, date_line_flag=flag, date_line_flag_prf=flag_prf
    )

"""Measure the pipeline on a dev set with a hand-made answer key (devset/FORMAT.md).

    evaluate(devset_dir, settings=...)   analyse the dev set's reports and score them
    score(analysis, gold, places=...)    score any analysis against any answer key
    load_gold(path)                      the typed answer key

Modules: gold (the key), matching (when a value is the gold value), assignment (optimal
one-to-one pairing), align (gold ↔ system mentions and incidents), extraction,
attribution, linking, incidents (contradictions, grades, event types), reports
(publication), metrics (P/R/F1, accuracy, B³, pairwise), score, run, render, command.
"""

from __future__ import annotations

from corroborator.evaluation.gold import GoldError, GoldSet, load_gold, parse_gold
from corroborator.evaluation.matching import Places
from corroborator.evaluation.run import Evaluation, evaluate, load_places
from corroborator.evaluation.score import Scores, score

__all__ = [
    "Evaluation",
    "GoldError",
    "GoldSet",
    "Places",
    "Scores",
    "evaluate",
    "load_gold",
    "load_places",
    "parse_gold",
    "score",
]

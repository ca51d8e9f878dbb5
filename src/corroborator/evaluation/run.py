"""Run the whole pipeline over a dev set and score it against the dev set's answer key.

The reports are analysed exactly as `corroborator analyze` would (the same library call,
into a throw-away SQLite database, so the user's own database is never touched), because
what is measured must be what users get: linking and reconciliation over the store included.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from corroborator.config import Settings
from corroborator.evaluation.gold import GoldError, GoldSet, load_gold
from corroborator.evaluation.matching import Places
from corroborator.evaluation.metrics import Score
from corroborator.evaluation.score import Scores, score
from corroborator.extract.places import load_cues, load_gazetteer
from corroborator.pipeline import Pipeline
from corroborator.serve import workflows

GOLD_FILE = "gold.json"
REPORTS_DIR = "reports"


class Evaluation(Score):
    """The scores of one run, with what the run could not use."""

    devset: str
    reports_analysed: int
    failures: tuple[str, ...] = ()
    gold_problems: tuple[str, ...] = ()
    scores: Scores


def load_places(settings: Settings) -> Places:
    """Gold place names are resolved with the same gazetteer and cue words as extraction."""
    return Places(gazetteer=load_gazetteer(settings), cues=load_cues(settings))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def check_gold(gold: GoldSet, reports_dir: Path) -> list[str]:
    """Problems of the answer key a reader should fix: reports it names that are not there,
    reports it does not cover, and `words` that are not in the report."""
    problems = []
    files = {p.stem: p for p in sorted(reports_dir.glob("*.txt"))}
    for report in gold.reports.values():
        path = files.get(report.id)
        if path is None:
            problems.append(f"report {report.id}: in {GOLD_FILE} but no {REPORTS_DIR}/{report.id}.txt")
            continue
        body = _squeeze(path.read_text(encoding="utf-8", errors="replace"))
        for key, facts in report.mentions.items():
            for fact in facts:
                if fact.words and _squeeze(fact.words) not in body:
                    problems.append(f"report {report.id}, {key}: words {fact.words!r} are not in the report")
    problems.extend(f"report {stem}: no entry in {GOLD_FILE}" for stem in files if stem not in gold.reports)
    return problems


def evaluate(
    devset: Path,
    *,
    settings: Settings,
    pipeline: Pipeline | None = None,
    progress: Callable[[str], None] | None = None,
) -> Evaluation:
    """Analyse `devset/reports/` and score the result against `devset/gold.json`."""
    reports_dir = devset / REPORTS_DIR
    if not reports_dir.is_dir():
        raise GoldError(f"{devset}: no {REPORTS_DIR}/ directory; a dev set holds reports/*.txt and {GOLD_FILE}")
    gold = load_gold(devset / GOLD_FILE)
    with tempfile.TemporaryDirectory(prefix="corroborator-eval-") as tmp:
        run_settings = settings.with_overrides(db_path=Path(tmp) / "evaluation.db")
        with workflows.open_store(run_settings) as store:
            analysis, summary = workflows.analyze_paths(
                [reports_dir], settings=run_settings, store=store, pipeline=pipeline, progress=progress
            )
    return Evaluation(
        devset=str(devset),
        reports_analysed=len(analysis.reports),
        failures=tuple(f"{f.origin}: {f.reason}" for f in summary.failed),
        gold_problems=tuple(check_gold(gold, reports_dir)),
        scores=score(analysis, gold, places=load_places(settings)),
    )

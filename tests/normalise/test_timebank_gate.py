"""Quality gate: the temporal tagger on TimeBank + AQUAINT may not fall below pinned floors.

The corpus lives in ../shared/data/timebank (never in the repository); the floors are in
timebank_floors.json next to this file. The evaluation itself is scripts/eval_timebank.py,
run the same way here as from the command line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import load_script

_PINNED = json.loads((Path(__file__).parent / "timebank_floors.json").read_text())
FLOORS: dict[str, dict[str, float]] = _PINNED["floors"]
MAX_FALSE_CONTRADICTIONS: int = _PINNED["publication"]["max_false_contradictions"]




@pytest.fixture(scope="module")
def timebank_documents(shared_dir: Path) -> list[Any]:
    data = shared_dir / "data" / "timebank"
    if not data.is_dir():
        pytest.skip("TimeBank is not in ../shared/data")
    documents: list[Any] = load_script("eval_timebank").load_corpus(data)
    assert len(documents) > 200, "the TimeBank + AQUAINT folder looks incomplete"
    return documents


@pytest.fixture(scope="module")
def timebank_scores(timebank_documents: list[Any]) -> dict[str, dict[str, Any]]:
    summary: dict[str, dict[str, Any]] = load_script("eval_timebank").evaluate(timebank_documents, parse=True).summary()
    return summary


@pytest.mark.shared
@pytest.mark.parametrize(
    ("group", "metric"),
    [(group, metric) for group, metrics in FLOORS.items() for metric in metrics],
)
def test_timebank_gate_scores_stay_above_floors(
    timebank_scores: dict[str, dict[str, Any]], group: str, metric: str
) -> None:
    measured = timebank_scores[group][metric]
    floor = FLOORS[group][metric]
    assert measured >= floor, f"TimeBank {group} {metric} fell to {measured:.3f} (floor {floor:.3f})"


@pytest.mark.shared
def test_timebank_gate_true_creation_dates_are_not_contradicted(
    timebank_documents: list[Any],
) -> None:
    """Every TimeBank document declares its true creation date: publication inference must
    (almost) never call it inconsistent, whatever dates and relative words the text holds."""
    from corroborator import model
    from corroborator.normalise.publication import infer_publication

    flagged = []
    for document in timebank_documents:
        report = model.Report(id=document.name, text=document.text, published=document.dct.isoformat())
        publication, _, _ = infer_publication(report=report, text=document.text, report_id=document.name)
        if publication.date_line_inconsistent:
            flagged.append(document.name)
    assert len(flagged) <= MAX_FALSE_CONTRADICTIONS, f"true creation dates called inconsistent: {flagged}"

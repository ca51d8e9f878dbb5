"""Quality gate: grouping the ECB+ dev documents by event may not fall below pinned floors.

The corpus lives in ../shared/data/ecbplus (never in the repository); the floors are in
ecbplus_floors.json next to this file. The evaluation is scripts/eval_ecbplus.py, run
the same way here as from the command line (it prints the scores and their errors).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import load_script

PINNED: dict[str, Any] = json.loads((Path(__file__).parent / "ecbplus_floors.json").read_text(encoding="utf-8"))

pytestmark = [pytest.mark.shared, pytest.mark.slow]




@pytest.fixture(scope="module")
def result(shared_dir: Path) -> dict[str, Any]:
    data = shared_dir / "data" / "ecbplus"
    if not (data / "dev_text.txt").is_file():
        pytest.skip("ECB+ dev split is not in ../shared/data")
    scores: dict[str, Any] = load_script("eval_ecbplus").evaluate(data)
    return scores


def test_ecbplus_gate_corpus_and_gold_are_complete(result: dict[str, Any]) -> None:
    assert result["documents"] == PINNED["documents"]
    assert result["gold_groups"] == PINNED["gold_groups"]


@pytest.mark.parametrize(
    ("family", "metric"), [(family, metric) for family, metrics in PINNED["floors"].items() for metric in metrics]
)
def test_ecbplus_gate_scores_stay_above_floors(result: dict[str, Any], family: str, metric: str) -> None:
    measured, floor = result[family][metric], PINNED["floors"][family][metric]
    assert measured >= floor, f"ECB+ {family} {metric} fell to {measured:.3f} (floor {floor:.3f})"


def test_ecbplus_gate_copies_never_span_two_events(result: dict[str, Any]) -> None:
    """Wire copies found among the documents must each lie within one gold event."""
    assert result["duplicate_groups"], "ECB+ dev holds wire copies; finding none means detection broke"
    assert result["duplicate_groups_across_events"] <= PINNED["max_duplicate_groups_across_events"]

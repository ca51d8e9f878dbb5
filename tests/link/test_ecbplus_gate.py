"""Quality gate: grouping the ECB+ dev documents by event may not fall below pinned floors.

The corpus lives in ../shared/data/ecbplus (never in the repository); the floors are in
ecbplus_floors.json next to this file. The evaluation is scripts/eval_ecbplus.py, run
the same way here as from the command line (it prints the scores and their errors).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "eval_ecbplus.py"
PINNED: dict[str, Any] = json.loads((Path(__file__).parent / "ecbplus_floors.json").read_text(encoding="utf-8"))

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_ecbplus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result(shared_dir: Path) -> dict[str, Any]:
    data = shared_dir / "data" / "ecbplus"
    if not (data / "dev_text.txt").is_file():
        pytest.skip("ECB+ dev split is not in ../shared/data")
    scores: dict[str, Any] = load_script().evaluate(data)
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

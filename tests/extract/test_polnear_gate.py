"""Quality gate: attribution spans on the PolNeAR dev split may not fall below pinned floors.

The floors (polnear_gate_floors.json, beside this file) are set a little below the scores
measured when they were last raised; raise them when the finder improves, never lower them
to make a change pass. `scripts/eval_polnear.py` prints the same scores and the errors.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.config import Settings
from tests.conftest import load_script

FLOORS = Path(__file__).with_name("polnear_gate_floors.json")

pytestmark = [pytest.mark.shared, pytest.mark.slow]




@pytest.fixture(scope="module")
def scores(shared_dir: Path, settings: Settings) -> dict[str, dict[str, float]]:
    data = shared_dir / "data" / "polnear"
    if not (data / "dev").is_dir():
        pytest.skip("PolNeAR dev split is not present")
    result: dict[str, dict[str, float]] = load_script("eval_polnear").evaluate(data, split="dev", settings=settings)
    return result


def test_polnear_gate_scores_stay_above_the_floors(scores: dict[str, dict[str, float]]) -> None:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    assert scores["articles"]["count"] == floors["articles"]
    below = [
        f"{role} {metric}: {scores[role][metric]:.3f} < floor {floor:.3f}"
        for role, metrics in floors["floors"].items()
        for metric, floor in metrics.items()
        if scores[role][metric] < floor
    ]
    assert not below, "; ".join(below)

"""Quality gate: attribution spans on the PolNeAR dev split may not fall below pinned floors.

The floors (polnear_gate_floors.json, beside this file) are set a little below the scores
measured when they were last raised; raise them when the finder improves, never lower them
to make a change pass. `scripts/eval_polnear.py` prints the same scores and the errors.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from corroborator.config import Settings

FLOORS = Path(__file__).with_name("polnear_gate_floors.json")
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "eval_polnear.py"

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_polnear", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores(shared_dir: Path, settings: Settings) -> dict[str, dict[str, float]]:
    data = shared_dir / "data" / "polnear"
    if not (data / "dev").is_dir():
        pytest.skip("PolNeAR dev split is not present")
    result: dict[str, dict[str, float]] = load_script().evaluate(data, split="dev", settings=settings)
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

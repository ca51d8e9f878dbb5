"""Quality gate: the pipeline's scores on devset/ may not fall below the committed floors.

The floors (devset_floors.json) map a dotted path into the `corroborator evaluate
--format json` output to the lowest acceptable value; they are set a little below the
scores measured when they were last raised. Raise them when the system improves; lower
one only with a reason in the commit message. Skipped while the dev set has no answer key.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corroborator.config import Settings
from corroborator.evaluation import evaluate
from tests.conftest import REPO

DEVSET = REPO / "devset"
FLOORS = Path(__file__).resolve().parent / "devset_floors.json"


def _floors() -> dict[str, float]:
    data: dict[str, Any] = json.loads(FLOORS.read_text())
    return {str(k): float(v) for k, v in data["floors"].items()}


def _at(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(data, dict) or part not in data:
            raise KeyError(f"{dotted}: no {part!r} in the evaluation output (a typo in devset_floors.json?)")
        data = data[part]
    return data


@pytest.fixture(scope="module")
def measured(settings: Settings) -> dict[str, Any]:
    if not (DEVSET / "gold.json").is_file():
        pytest.skip("devset/gold.json is not there yet: nothing to gate")
    data: dict[str, Any] = json.loads(evaluate(DEVSET, settings=settings).model_dump_json())
    return data


def test_devset_gate_floors_file_is_well_formed() -> None:
    floors = _floors()
    assert floors, "devset_floors.json has no floors"
    assert all(0.0 <= v <= 1.0 for v in floors.values())


def test_devset_gate_every_report_is_analysed(measured: dict[str, Any]) -> None:
    assert measured["failures"] == []
    assert measured["reports_analysed"] > 0


@pytest.mark.parametrize("path", sorted(_floors()))
def test_devset_gate_score_meets_its_floor(measured: dict[str, Any], path: str) -> None:
    value = _at(measured, path)
    floor = _floors()[path]
    assert value is not None, f"{path} is undefined on the dev set (nothing to judge)"
    assert value >= floor, f"{path} = {value:.3f} fell below its floor {floor:.3f}"

"""`corroborator evaluate` end to end on the small hand-written dev set in data/devset."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corroborator.config import Settings
from corroborator.evaluation import GoldError, evaluate, load_gold
from corroborator.evaluation.run import check_gold
from corroborator.serve.cli import main
from tests.evaluation.conftest import FIXTURE_DEVSET


@pytest.fixture(scope="module")
def output() -> dict[str, Any]:
    result = CliRunner().invoke(main, ["evaluate", str(FIXTURE_DEVSET), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _ratios(data: Any) -> list[float]:
    if isinstance(data, dict):
        found = [v for k, v in data.items() if k in {"precision", "recall", "f1", "accuracy"} and v is not None]
        return found + [r for v in data.values() for r in _ratios(v)]
    if isinstance(data, list):
        return [r for v in data for r in _ratios(v)]
    return []


def test_command_json_counts_follow_the_answer_key(output: dict[str, Any]) -> None:
    scores = output["scores"]
    assert output["reports_analysed"] == 4 and output["failures"] == []
    micro = scores["extraction"]["micro"]
    assert micro["tp"] + micro["fn"] == 39  # distinct gold facts in data/devset/gold.json
    assert scores["attribution"]["gold_statements"] == 39
    assert scores["linking"]["mentions"] == 5 and scores["linking"]["gold_incidents"] == 3
    assert len(scores["linking"]["distinct"]) == 1
    total = scores["contradictions"]["total"]
    assert total["tp"] + total["fn"] == 3
    assert scores["reports"]["declared_published"]["total"] == 4
    assert scores["incidents"]["grade"]["total"] == 3
    assert {row["key"] for row in scores["alignment"]} == {"A", "B", "C"}


def test_command_json_scores_are_ratios(output: dict[str, Any]) -> None:
    ratios = _ratios(output["scores"])
    assert ratios and all(0.0 <= r <= 1.0 for r in ratios)


def test_command_json_answer_key_is_consistent_with_its_reports(output: dict[str, Any]) -> None:
    assert output["gold_problems"] == []


def test_command_text_prints_every_section() -> None:
    result = CliRunner().invoke(main, ["evaluate", str(FIXTURE_DEVSET)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    for title in ("1. Extraction", "2. Attribution", "3. Linking", "4. Contradictions", "5. Incidents", "Alignment"):
        assert title in result.stdout
    assert "micro total" in result.stdout and "B³ over mentions" in result.stdout


def test_command_without_an_answer_key_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path)])
    assert result.exit_code == 1
    assert "no answer key" in result.output and "gold.json" in result.output


def test_command_library_call_refuses_a_folder_without_reports(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(GoldError, match="no reports/ directory"):
        evaluate(tmp_path, settings=settings)


def test_command_check_gold_names_key_problems(tmp_path: Path) -> None:
    devset = tmp_path / "devset"
    shutil.copytree(FIXTURE_DEVSET, devset)
    data = json.loads((devset / "gold.json").read_text())
    data["reports"]["harbor_gazette_izmail"]["mentions"]["C"]["facts"][0]["words"] = "words nowhere in it"
    data["reports"]["ghost"] = {"mentions": {}}
    (devset / "gold.json").write_text(json.dumps(data))
    (devset / "reports" / "uncovered.txt").write_text("Outlet: X\n\nA drone fell.\n")
    problems = check_gold(load_gold(devset / "gold.json"), devset / "reports")
    assert any("harbor_gazette_izmail" in p and "words nowhere in it" in p for p in problems)
    assert any("ghost" in p and "no reports/ghost.txt" in p for p in problems)
    assert any("uncovered" in p and "no entry" in p for p in problems)
    assert len(problems) == 3

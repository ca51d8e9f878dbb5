"""The founding reports: `analyze seeds/*.txt --format json` meets seeds/expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from corroborator.schema import load as load_schema
from tests.expectations import check
from tests.serve.conftest import RunCli

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_output(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    from click.testing import CliRunner

    from corroborator.serve.cli import main

    seeds = sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt"))
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    result = CliRunner().invoke(
        main, ["analyze", *seeds, "--format", "json", "--db", str(db)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    Draft202012Validator(load_schema()).validate(output)
    return output


def test_seeds_meet_expected_json(seed_output: dict, shared_dir: Path) -> None:  # type: ignore[type-arg]
    expected = json.loads((shared_dir / "seeds" / "expected.json").read_text())
    problems = check(seed_output, expected)
    assert not problems, "\n".join(problems)


def test_seeds_every_claim_has_evidence_in_its_report(seed_output: dict, shared_dir: Path) -> None:  # type: ignore[type-arg]
    texts = {r["id"]: None for r in seed_output["reports"]}
    assert texts
    for incident in seed_output["incidents"]:
        for claim in incident["claims"]:
            evidence = claim["evidence"]
            assert evidence["text"].strip(), claim
            assert evidence["end"] > evidence["start"]
            assert evidence["report_id"] == claim["report_id"]


def test_seeds_text_dossier_of_the_kremlin_incident_reads_like_expected(
    run_cli: RunCli, shared_dir: Path
) -> None:
    seeds = sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt"))
    output = run_cli("analyze", *seeds).stdout
    for words in (
        "Kremlin",
        "contested",
        "Contradictions",
        "Who says what",
        "Podolyak",
        "denies",
        "Presidential Press Service",
        "date line",
    ):
        assert words.lower() in output.lower(), words

"""The bundled examples: the main job's output meets examples/expected.json."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from corroborator.config import Settings
from corroborator.extract.places import load_gazetteer
from corroborator.schema import load as load_schema
from corroborator.serve.cli import main
from tests.conftest import EXAMPLES
from tests.expectations import Resolver, check


@pytest.fixture(scope="module")
def example_output(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    result = CliRunner().invoke(
        main,
        ["analyze", str(EXAMPLES / "reports"), "--format", "json", "--db", str(db)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    Draft202012Validator(load_schema()).validate(output)
    return output


def resolver(settings: Settings) -> Resolver:
    """Expected place names through the gazetteer: "Izmail" is GeoNames' Izmayil."""
    gazetteer = load_gazetteer(settings)

    def resolve(name: str, country: str | None) -> set[str]:
        return {p.id for p in gazetteer.lookup(name, countries=[country] if country else [])[:3]}

    return resolve


def test_examples_meet_expected_json(example_output: dict, settings: Settings) -> None:  # type: ignore[type-arg]
    expected = json.loads((EXAMPLES / "expected.json").read_text())
    problems = check(
        example_output, expected, exhaustive_contradictions=True, resolve=resolver(settings)
    )
    assert not problems, "\n".join(problems)


def test_examples_at_least_eight_reports_from_different_outlets(example_output: dict) -> None:  # type: ignore[type-arg]
    outlets = {r["outlet"] for r in example_output["reports"]}
    assert len(example_output["reports"]) >= 8 and len(outlets) >= 8

"""The committed JSON Schema is the model's, and validates real output."""

from __future__ import annotations

from jsonschema import Draft202012Validator

from corroborator import model
from corroborator.schema import generate, load


def test_schema_committed_file_matches_model() -> None:
    assert load() == generate(), (
        "model changed: run scripts/generate_schema.py and commit the schema"
    )


def test_schema_is_valid_json_schema() -> None:
    Draft202012Validator.check_schema(load())


def test_schema_rejects_a_claim_without_evidence() -> None:
    validator = Draft202012Validator(load())
    incident_schema = {"$ref": "#/$defs/Claim", "$defs": load()["$defs"]}
    claim = {
        "id": "r:c1",
        "report_id": "r",
        "frame_id": "r#f1",
        "attribute": "launched",
        "value": {"kind": "quantity", "min": 2, "max": 2},
        "stance": "asserts",
        "source": {"key": "k", "name": "n", "kind": "official"},
    }
    errors = list(Draft202012Validator(incident_schema).iter_errors(claim))
    assert any("evidence" in e.message for e in errors)
    assert validator.schema["$id"].endswith(f"analysis-{model.SCHEMA_VERSION}.json")

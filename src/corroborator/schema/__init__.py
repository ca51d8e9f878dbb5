"""The published JSON Schema of corroborator's JSON output (`analysis.schema.json`).

Generated from `model.Analysis` by `scripts/generate_schema.py` and committed, so the
contract is reviewable in diffs; a test fails when the model and the file drift apart.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from corroborator import model

SCHEMA_FILE = "analysis.schema.json"
SCHEMA_ID = f"https://corroborator.example/schema/analysis-{model.SCHEMA_VERSION}.json"


def generate() -> dict[str, Any]:
    schema = model.Analysis.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"corroborator analysis, schema version {model.SCHEMA_VERSION}",
        "description": "Reports and incidents as `corroborator analyze --format json` prints them. "
        "Every claim carries its evidence span (report id, character offsets into the report's "
        "normalised text, and the words).",
        **{k: v for k, v in schema.items() if k not in {"title", "description"}},
    }


def load() -> dict[str, Any]:
    text = resources.files("corroborator.schema").joinpath(SCHEMA_FILE).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data

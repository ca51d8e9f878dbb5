#!/usr/bin/env python3
"""Regenerate src/corroborator/schema/analysis.schema.json from the model.

Run after changing model.py (and bump model.SCHEMA_VERSION for incompatible changes):
    .venv/bin/python scripts/generate_schema.py
"""

from __future__ import annotations

import json
from pathlib import Path

from corroborator.schema import SCHEMA_FILE, generate

target = Path(__file__).resolve().parents[1] / "src" / "corroborator" / "schema" / SCHEMA_FILE
target.write_text(json.dumps(generate(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"wrote {target}")

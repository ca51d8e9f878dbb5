"""Fixtures of the evaluation tests: gold place names resolve through the real gazetteer."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.config import Settings
from corroborator.evaluation import Places, load_places

FIXTURE_DEVSET = Path(__file__).resolve().parent / "data" / "devset"


@pytest.fixture(scope="session")
def places(settings: Settings) -> Places:
    return load_places(settings)

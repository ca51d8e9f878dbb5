"""Shared fixtures. Tests that need ../shared (seeds, corpora) skip cleanly without it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

from corroborator.config import Settings, load_settings
from corroborator.extract.nlp import load_nlp

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TEST_DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = REPO / "examples"


def load_script(name: str) -> ModuleType:
    """`scripts/<name>.py` as a module: the gates run the evaluation scripts exactly as the
    command line does."""
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings(environ={})


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Language:
    return load_nlp(settings.nlp_model)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (seeds and corpora are only in the dev workspace)")
    return SHARED


@pytest.fixture(scope="session")
def test_data() -> Path:
    return TEST_DATA

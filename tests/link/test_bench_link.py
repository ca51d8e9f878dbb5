"""The linking bench (scripts/bench_link.py) runs and its synthetic stream links sensibly."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from corroborator.config import Settings
from corroborator.extract.places import load_gazetteer
from corroborator.link.cluster import Linker

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "bench_link.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_link", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


def test_bench_link_measures_pairs_and_links_the_synthetic_incidents(bench: ModuleType, settings: Settings) -> None:
    linker = Linker(settings=settings, gazetteer=load_gazetteer(settings))
    row = bench.measure(linker, 400)
    assert row.frames == 400
    assert 0 < row.pairs < 400 * 60
    assert row.b3_f1 >= 0.8


def test_bench_link_synthetic_reports_are_reproducible(bench: ModuleType) -> None:
    first, gold = bench.synthetic_reports(50, seed=3)
    again, _ = bench.synthetic_reports(50, seed=3)
    assert [r.normalised.text for r in first] == [r.normalised.text for r in again]
    assert len(gold) == 50 and len(set(gold.values())) < 50

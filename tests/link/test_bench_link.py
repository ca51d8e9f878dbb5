"""The linking bench (scripts/bench_link.py) runs and its synthetic stream links sensibly."""

from __future__ import annotations

from types import ModuleType

import pytest

from corroborator.config import Settings
from corroborator.extract.places import load_gazetteer
from corroborator.link.cluster import Linker
from tests.conftest import load_script


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("bench_link")


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

from __future__ import annotations

import pytest

from corroborator.evaluation.metrics import PRF, Accuracy, b_cubed, pairwise, total


def test_metrics_prf_from_counts() -> None:
    score = PRF(tp=3, fp=1, fn=2)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_metrics_prf_without_items_is_undefined_not_zero() -> None:
    assert PRF().precision is None and PRF().recall is None and PRF().f1 is None
    assert PRF(fn=2).precision is None and PRF(fn=2).recall == 0.0


def test_metrics_micro_total_sums_counts() -> None:
    summed = total([PRF(tp=1, fp=1), PRF(tp=1, fn=2), PRF()])
    assert (summed.tp, summed.fp, summed.fn) == (2, 1, 2)
    assert summed.precision == pytest.approx(2 / 3)


def test_metrics_prf_serialises_its_derived_scores() -> None:
    data = PRF(tp=1, fp=1).model_dump()
    assert data == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0, "f1": pytest.approx(2 / 3)}


def test_metrics_accuracy_judges() -> None:
    score = Accuracy().judge(True).judge(False).judge(True)
    assert (score.correct, score.total) == (2, 3)
    assert score.accuracy == pytest.approx(2 / 3)
    assert Accuracy().accuracy is None


def test_metrics_b_cubed_on_a_worked_example() -> None:
    # gold {a, b} {c}; system {a} {b, c}
    score = b_cubed({"a": 1, "b": 1, "c": 2}, {"a": "X", "b": "Y", "c": "Y"})
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.items == 3


def test_metrics_b_cubed_perfect_and_all_in_one() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    perfect = b_cubed(gold, {"a": "X", "b": "X", "c": "Y"})
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    lumped = b_cubed(gold, {"a": "X", "b": "X", "c": "X"})
    assert lumped.recall == 1.0
    assert lumped.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_metrics_b_cubed_unplaced_items_are_singletons() -> None:
    score = b_cubed({"a": 1, "b": 1}, {"a": "X"})
    assert score.precision == 1.0
    assert score.recall == pytest.approx(0.5)


def test_metrics_b_cubed_ignores_system_items_outside_gold() -> None:
    score = b_cubed({"a": 1}, {"a": "X", "z": "X"})
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_metrics_pairwise_on_a_worked_example() -> None:
    # gold pairs: ab, cd; system pairs: ab, ac, bc
    score = pairwise({"a": 1, "b": 1, "c": 2, "d": 2}, {"a": "X", "b": "X", "c": "X", "d": "Y"})
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == pytest.approx(1 / 2)


def test_metrics_pairwise_without_pairs_is_undefined() -> None:
    score = pairwise({"a": 1, "b": 2}, {"a": "X", "b": "Y"})
    assert score.precision is None and score.recall is None

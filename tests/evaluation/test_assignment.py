from __future__ import annotations

from itertools import permutations

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborator.evaluation.assignment import max_weight_assignment


def _total(weights: list[list[float]], pairs: list[tuple[int, int]]) -> float:
    return sum(weights[i][j] for i, j in pairs)


def _best_by_brute_force(weights: list[list[float]]) -> float:
    rows, cols = len(weights), len(weights[0])
    best = 0.0
    padded = list(range(cols)) + [-1] * rows
    for chosen in permutations(padded, rows):
        best = max(best, sum(max(0.0, weights[i][j]) for i, j in enumerate(chosen) if j >= 0))
    return best


def test_assignment_beats_greedy() -> None:
    # Greedy takes the 3 and is left with 0.5; the optimum pairs the two 2s.
    assert max_weight_assignment([[3, 2], [2, 0.5]]) == [(0, 1), (1, 0)]


def test_assignment_never_pairs_non_positive_weights() -> None:
    assert max_weight_assignment([[0, -1]]) == []
    assert max_weight_assignment([[1, 0], [0, 0]]) == [(0, 0)]


def test_assignment_rectangular_and_empty() -> None:
    assert max_weight_assignment([[1, 5, 2]]) == [(0, 1)]
    assert max_weight_assignment([[1], [4], [2]]) == [(1, 0)]
    assert max_weight_assignment([]) == []
    assert max_weight_assignment([[], []]) == []


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda rows: st.integers(1, 4).flatmap(
            lambda cols: st.lists(
                st.lists(st.integers(-2, 6).map(float), min_size=cols, max_size=cols), min_size=rows, max_size=rows
            )
        )
    )
)
def test_assignment_is_optimal_and_one_to_one(weights: list[list[float]]) -> None:
    pairs = max_weight_assignment(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(weights[i][j] > 0 for i, j in pairs)
    assert _total(weights, pairs) == _best_by_brute_force(weights)

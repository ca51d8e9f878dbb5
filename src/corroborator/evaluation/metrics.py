"""Counts and the scores derived from them: precision/recall/F1, accuracy, B³ and pairwise.

Scores are kept as counts (true positives, false positives, ...) and derived on demand, so
totals add up exactly across attributes, kinds and runs, and a score whose denominator is
empty is *undefined* (None, shown as "n/a") rather than a made-up 0 or 1: a dev set without
any contradiction of a kind says nothing about how well that kind is found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field

Item = TypeVar("Item", bound=Hashable)
GoldCluster = TypeVar("GoldCluster", bound=Hashable)
SystemCluster = TypeVar("SystemCluster", bound=Hashable)


class Score(BaseModel):
    """Base of the score records: immutable, serialisable with their derived values."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class PRF(Score):
    """Precision, recall and F1 from true positives, false positives and false negatives."""

    tp: int = Field(default=0, ge=0)
    fp: int = Field(default=0, ge=0)
    fn: int = Field(default=0, ge=0)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)

    def __add__(self, other: PRF) -> PRF:
        return PRF(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


def total(scores: Iterable[PRF]) -> PRF:
    """Micro-average: the counts summed, the ratios taken once."""
    result = PRF()
    for score in scores:
        result = result + score
    return result


class Accuracy(Score):
    """How many of the judged items the system got right."""

    correct: int = Field(default=0, ge=0)
    total: int = Field(default=0, ge=0)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.total)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(correct=self.correct + other.correct, total=self.total + other.total)

    def judge(self, right: bool) -> Accuracy:
        return Accuracy(correct=self.correct + int(right), total=self.total + 1)


class ClusterScore(Score):
    """Precision, recall and F1 of a clustering, in [0, 1]; None when nothing was clustered."""

    precision: float | None = None
    recall: float | None = None
    items: int = Field(default=0, ge=0, description="Items clustered (B³) or gold+system pairs (pairwise).")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)


def _clusters(assignment: Mapping[Item, Hashable]) -> dict[Hashable, set[Item]]:
    members: dict[Hashable, set[Item]] = defaultdict(set)
    for item, cluster in assignment.items():
        members[cluster].add(item)
    return members


def b_cubed(gold: Mapping[Item, GoldCluster], system: Mapping[Item, SystemCluster]) -> ClusterScore:
    """B³ (Bagga and Baldwin 1998) over the items of `gold`: per item, the share of its system
    cluster that is in its gold cluster (precision) and the reverse (recall), averaged.

    Items the system does not place are their own singletons, so a missed item costs recall
    but never precision; system items outside `gold` are not scored.
    """
    items = list(gold)
    if not items:
        return ClusterScore()
    placed: dict[Item, Hashable] = {item: system.get(item, ("__unplaced__", item)) for item in items}
    gold_members = _clusters({i: gold[i] for i in items})
    system_members = _clusters(placed)
    precision = recall = 0.0
    for item in items:
        mine = system_members[placed[item]]
        truth = gold_members[gold[item]]
        shared = len(mine & truth)
        precision += shared / len(mine)
        recall += shared / len(truth)
    return ClusterScore(precision=precision / len(items), recall=recall / len(items), items=len(items))


def _pairs(assignment: Mapping[Item, Hashable]) -> set[frozenset[Item]]:
    pairs: set[frozenset[Item]] = set()
    for members in _clusters(assignment).values():
        ordered = sorted(members, key=repr)
        pairs.update(frozenset((a, b)) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return pairs


def pairwise(gold: Mapping[Item, GoldCluster], system: Mapping[Item, SystemCluster]) -> ClusterScore:
    """Pairwise precision/recall: of the item pairs the system puts together, how many the
    gold puts together, and the reverse. Over the items of `gold`, like `b_cubed`."""
    items = list(gold)
    placed = {item: system[item] for item in items if item in system}
    gold_pairs = _pairs({i: gold[i] for i in items})
    system_pairs = _pairs(placed)
    shared = len(gold_pairs & system_pairs)
    return ClusterScore(
        precision=_ratio(shared, len(system_pairs)),
        recall=_ratio(shared, len(gold_pairs)),
        items=len(gold_pairs | system_pairs),
    )

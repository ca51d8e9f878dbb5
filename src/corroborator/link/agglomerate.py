"""Constrained average-link agglomeration over a sparse set of scored pairs.

Two clusters merge when the average score over *every* pair across them reaches the
threshold; a pair that was never scored (blocking kept it apart, or its frames share a
report) or that was vetoed forbids the merge outright. So a cluster never holds two
items the scorer ruled out, and never holds items it was not asked about.

The best merge is taken first (ties by the smaller cluster ids, so results are
deterministic). Cluster-to-cluster sums are kept only between clusters that may still
merge, updated on each merge, with a heap of candidate merges, so the cost follows the
number of scored pairs rather than the square of the number of clusters.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass
class _Link:
    total: float = 0.0
    count: int = 0


def average_link(size: int, scores: Mapping[tuple[int, int], float | None], *, threshold: float) -> list[list[int]]:
    """Clusters of item indexes `0..size-1`.

    `scores` maps pairs (i < j) to a score, or to None for a vetoed pair; absent pairs
    cannot share a cluster. Returns sorted member lists, ordered by their first member.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    # Only links that may still allow a merge are kept: once two clusters hold a vetoed
    # or unscored pair they never can (clusters only grow), so such links are dropped,
    # and a merged cluster keeps only the neighbours both halves were linked to.
    links: dict[int, dict[int, _Link]] = {i: {} for i in range(size)}
    for (i, j), score in scores.items():
        if score is not None:
            link = _Link(total=score, count=1)
            links[i][j] = link
            links[j][i] = link
    version = dict.fromkeys(range(size), 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def consider(a: int, b: int) -> None:
        first, second = (a, b) if a < b else (b, a)
        link = links[first][second]
        value = link.total / link.count
        if value >= threshold:
            heapq.heappush(heap, (-value, first, second, version[first], version[second]))

    for i in range(size):
        for j in links[i]:
            if i < j:
                consider(i, j)
    while heap:
        _, a, b, version_a, version_b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        if version[a] != version_a or version[b] != version_b:
            continue
        # Merge b into a (a < b); a neighbour stays linked only if it was linked to both.
        members[a].extend(members.pop(b))
        version[a] += 1
        mine, theirs = links[a], links.pop(b)
        del mine[b]
        del theirs[a]
        kept: dict[int, _Link] = {}
        for k, link in mine.items():
            other = theirs.get(k)
            del links[k][a]
            if other is not None:
                kept[k] = _Link(total=link.total + other.total, count=link.count + other.count)
        for k in theirs:
            del links[k][b]
        links[a] = kept
        for k, link in kept.items():
            links[k][a] = link
            consider(a, k)
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])

"""Constrained average-link agglomeration over a sparse set of scored pairs.

Two clusters merge when the average score over *every* pair across them reaches the
threshold; a pair that was vetoed forbids the merge outright. A pair that was never
scored (blocking kept it apart, or its frames share a report) forbids it too, unless a
`judge` is given: then the judge decides every merge of clusters larger than single
items, and may score the pairs blocking skipped (or rule them out) and weigh what the
clusters know as a whole. So a cluster never holds two items the scorer ruled out.

The best merge is taken first (ties by the smaller cluster ids, so results are
deterministic). Cluster-to-cluster sums are kept only between clusters that may still
merge, updated on each merge, with a heap of candidate merges, so the cost follows the
number of scored pairs rather than the square of the number of clusters.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

#: Decides the merge of two clusters, given their members, the mean of the scores of the pairs
#: across them that were scored, and whether every pair across was: the merge's value, or None
#: when it is forbidden.
Judge = Callable[[Sequence[int], Sequence[int], float, bool], float | None]


@dataclass
class _Link:
    total: float = 0.0
    count: int = 0


def average_link(
    size: int,
    scores: Mapping[tuple[int, int], float | None],
    *,
    threshold: float,
    judge: Judge | None = None,
) -> list[list[int]]:
    """Clusters of item indexes `0..size-1`.

    `scores` maps pairs (i < j) to a score, or to None for a vetoed pair; absent pairs
    cannot share a cluster unless `judge` allows it. Returns sorted member lists, ordered
    by their first member.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    # Only links that may still allow a merge are kept: once two clusters hold a vetoed
    # pair they never can (clusters only grow), so such links are dropped. Without a judge
    # an unscored pair forbids as a veto does, and a merged cluster keeps only the
    # neighbours both halves were linked to; with one, it keeps every neighbour either half
    # was linked to and that neither half was barred from.
    links: dict[int, dict[int, _Link]] = {i: {} for i in range(size)}
    barred: dict[int, set[int]] = {i: set() for i in range(size)}
    for (i, j), score in scores.items():
        if score is not None:
            link = _Link(total=score, count=1)
            links[i][j] = link
            links[j][i] = link
        else:
            barred[i].add(j)
            barred[j].add(i)
    version = dict.fromkeys(range(size), 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def consider(a: int, b: int) -> None:
        first, second = (a, b) if a < b else (b, a)
        link = links[first][second]
        mean = link.total / link.count
        if judge is not None and len(members[first]) * len(members[second]) > 1:
            complete = link.count == len(members[first]) * len(members[second])
            value = judge(members[first], members[second], mean, complete)
        else:
            value = mean
        if value is not None and value >= threshold:
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
        # Merge b into a (a < b).
        members[a].extend(members.pop(b))
        version[a] += 1
        mine, theirs = links[a], links.pop(b)
        del mine[b]
        del theirs[a]
        bars = barred[a] | barred.pop(b)
        for k in bars:
            barred[k].discard(b)
            barred[k].add(a)
        barred[a] = bars
        kept: dict[int, _Link] = {}
        for k in mine.keys() | theirs.keys():
            one, other = mine.get(k), theirs.get(k)
            if one is not None:
                del links[k][a]
            if other is not None:
                del links[k][b]
            if one is not None and other is not None:
                kept[k] = _Link(total=one.total + other.total, count=one.count + other.count)
            elif judge is not None and k not in bars:
                only = one if one is not None else other
                assert only is not None
                kept[k] = _Link(total=only.total, count=only.count)
        links[a] = kept
        for k, link in kept.items():
            links[k][a] = link
            consider(a, k)
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])

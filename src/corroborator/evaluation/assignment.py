"""One-to-one assignment with the largest total weight (the Hungarian method).

Alignment of gold to system items must be one-to-one (one gold incident, one system
incident) and should be optimal, not greedy: greedy choice lets an early, slightly better
pair steal the only partner of a later item. The matrices here are small (a report's
frames, a dev set's incidents), so the textbook O(n³) potential method in pure Python is
fast enough and spares a numerical dependency.
"""

from __future__ import annotations

from collections.abc import Sequence

_INF = float("inf")


def max_weight_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Pairs (row, column) with the largest total weight, each row and column used at most once.

    Only pairs of positive weight are returned: a zero or negative weight means "may not
    be paired", so a row whose only partners are such is left unassigned.
    """
    rows = len(weights)
    cols = max((len(r) for r in weights), default=0)
    if rows == 0 or cols == 0:
        return []
    n = max(rows, cols)
    # Square cost matrix for minimisation; padding and forbidden pairs cost 0 (= weight 0),
    # which the final filter drops, so they never displace a positive pair.
    cost = [[-max(0.0, weights[i][j]) if i < rows and j < len(weights[i]) else 0.0 for j in range(n)] for i in range(n)]
    # u, v: potentials; match[j]: row assigned to column j (1-based, 0 = none).
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    match = [0] * (n + 1)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        low = [_INF] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = match[j0]
            delta = _INF
            j1 = 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if reduced < low[j]:
                    low[j] = reduced
                    way[j] = j0
                if low[j] < delta:
                    delta = low[j]
                    j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    low[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    pairs = [(match[j] - 1, j - 1) for j in range(1, n + 1) if match[j]]
    return sorted((i, j) for i, j in pairs if i < rows and j < len(weights[i]) and weights[i][j] > 0)

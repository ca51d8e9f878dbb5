"""Group frames from many reports into incidents.

1. Blocking: frames are only compared within the same family and a compatible country
   and month (unknowns compare with everything), so the number of candidate pairs grows
   with the size of each block, not the square of the batch.
2. Pair decision: hard vetoes first (dates that cannot meet, places too far apart,
   different families), then a score from structured agreement and text similarity.
3. Clustering: average-link agglomeration over the scored pairs, never putting two
   frames of one report in one cluster (the report already told them apart) and never
   joining clusters across a veto.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from itertools import combinations

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.gazetteer import Gazetteer
from corroborator.link.features import FrameFeatures, TermWeights, countries, frame_features

_SAME_AREA_KM = 60.0
_TIME_SLACK = timedelta(hours=12)


@dataclass(frozen=True)
class PairScore:
    score: float
    veto: str | None = None


class Linker:
    """ExtractedReports → Linkage (clusters of frames, one per real event)."""

    def __init__(self, *, settings: Settings, gazetteer: Gazetteer) -> None:
        self.threshold = settings.link_threshold
        self.gazetteer = gazetteer

    def link(self, reports: Sequence[model.ExtractedReport]) -> model.Linkage:
        features = [f for report in reports for f in frame_features(report)]
        weights = TermWeights(f.terms for f in features)
        pairs: dict[tuple[int, int], PairScore] = {}
        for i, j in self._candidate_pairs(features):
            pairs[(i, j)] = self.score(features[i], features[j], weights)
        clusters = _agglomerate(features, pairs, self.threshold)
        primary = {f.id: f.report_id for f in features if f.frame.primary}
        result = []
        for members in clusters:
            ids = tuple(sorted(features[m].id for m in members))
            result.append(
                model.Cluster(
                    key=hashlib.sha1("|".join(ids).encode()).hexdigest()[:12],
                    frame_ids=ids,
                    primary_of=tuple(sorted(primary[i] for i in ids if i in primary)),
                )
            )
        result.sort(key=lambda c: c.frame_ids)
        return model.Linkage(reports=tuple(reports), clusters=tuple(result))

    # -- blocking

    def _candidate_pairs(self, features: Sequence[FrameFeatures]) -> list[tuple[int, int]]:
        blocks: dict[tuple[str, str, str], set[int]] = {}
        for index, f in enumerate(features):
            for key in _block_keys(f):
                blocks.setdefault(key, set()).add(index)
        pairs: set[tuple[int, int]] = set()
        for key, members in blocks.items():
            related = set(members)
            for other, other_members in blocks.items():
                if other != key and _blocks_meet(key, other):
                    related |= other_members
            for i, j in combinations(sorted(related), 2):
                if features[i].report_id != features[j].report_id:
                    pairs.add((i, j))
        return sorted(pairs)

    # -- pair decision

    def score(self, a: FrameFeatures, b: FrameFeatures, weights: TermWeights) -> PairScore:
        if a.family != b.family:
            return PairScore(0.0, "different kinds of event")
        time_match = _time_agreement(a, b)
        if time_match is False:
            return PairScore(0.0, "dates cannot be the same event")
        place_match = self._place_agreement(a, b)
        if place_match is False:
            return PairScore(0.0, "places too far apart")
        score = 0.0
        if place_match is True:
            score += 0.3
        if time_match is True:
            score += 0.25
        elif time_match is None:
            score += _recency_agreement(a, b)
        if a.frame.sub_event_type == b.frame.sub_event_type:
            score += 0.1
        if a.weapons & b.weapons:
            score += 0.1
        shared_counts = [
            attr for attr in a.counts.keys() & b.counts.keys() if a.counts[attr] & b.counts[attr]
        ]
        if shared_counts:
            score += 0.1
        if a.actors & b.actors:
            score += 0.05
        score += 0.4 * weights.cosine(a.terms, b.terms)
        return PairScore(min(score, 1.0))

    def _place_agreement(self, a: FrameFeatures, b: FrameFeatures) -> bool | None:
        """True when a place below country level matches, False when the places cannot be
        one event's, None when unknown.

        A country alone says little ("Ukraine" holds both Izmail and Crimea): it can rule a
        pair out (different countries) but never rule it in.
        """
        specific_a = [p for p in a.places if p.place.kind != "country"]
        specific_b = [p for p in b.places if p.place.kind != "country"]
        if specific_a and specific_b:
            for x in specific_a:
                for y in specific_b:
                    if self._same_area(x.place, y.place):
                        return True
            return False
        countries_a, countries_b = countries(a.places), countries(b.places)
        if countries_a and countries_b and not countries_a & countries_b:
            return False
        return None

    def _same_area(self, x: model.Place, y: model.Place) -> bool:
        if x.id == y.id or self.gazetteer.contains(x, y) or self.gazetteer.contains(y, x):
            return True
        distance = self.gazetteer.distance_km(x, y)
        return distance is not None and distance <= _SAME_AREA_KM


def _time_agreement(a: FrameFeatures, b: FrameFeatures) -> bool | None:
    if not a.intervals or not b.intervals:
        return None
    return any(x.overlaps(y, slack=_TIME_SLACK) for x in a.intervals for y in b.intervals)


def _blocks_meet(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    """Same family, and country and month equal or unknown ("*") on either side."""
    return a[0] == b[0] and all(
        x == "*" or y == "*" or x == y for x, y in zip(a[1:], b[1:], strict=True)
    )


#: How long before publication an undated mention may still be "recent".
_RECENT = timedelta(days=7)
_FAR = timedelta(days=60)


def _recency_agreement(a: FrameFeatures, b: FrameFeatures) -> float:
    """Weak time evidence for undated frames: +0.1 if consistent with recency, -0.2 if far off."""

    def window(f: FrameFeatures) -> model.TimeInterval | None:
        if f.intervals:
            return None
        if f.published is None:
            return None
        return f.published.model_copy(update={"start": f.published.start - _RECENT})

    def span(f: FrameFeatures) -> list[model.TimeInterval]:
        own = window(f)
        return [own] if own is not None else list(f.intervals)

    first, second = span(a), span(b)
    if not first or not second:
        return 0.0
    if any(x.overlaps(y) for x in first for y in second):
        return 0.1
    if all(not x.overlaps(y, slack=_FAR) for x in first for y in second):
        return -0.2
    return 0.0


def _block_keys(f: FrameFeatures) -> list[tuple[str, str, str]]:
    cs = sorted(countries(f.places)) or ["*"]
    # By calendar month only, so a yearless date still meets dated frames of any year;
    # an interval spanning months (a night across the 30th) blocks under each.
    months = sorted(
        {
            f"{m:02d}"
            for i in f.intervals
            for m in {i.start.month, (i.end - timedelta(seconds=1)).month}
        }
    ) or ["*"]
    return [(f.family, c, m) for c in cs for m in months]


def _agglomerate(
    features: Sequence[FrameFeatures], pairs: dict[tuple[int, int], PairScore], threshold: float
) -> list[list[int]]:
    cluster_of = list(range(len(features)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(features))}

    def pair(i: int, j: int) -> PairScore | None:
        return pairs.get((min(i, j), max(i, j)))

    def linkage(c1: int, c2: int) -> float | None:
        total, n = 0.0, 0
        for i in members[c1]:
            for j in members[c2]:
                if features[i].report_id == features[j].report_id:
                    return None
                p = pair(i, j)
                if p is None or p.veto is not None:
                    return None
                total += p.score
                n += 1
        return total / n if n else None

    while True:
        best: tuple[float, int, int] | None = None
        live = sorted(members)
        for x, c1 in enumerate(live):
            for c2 in live[x + 1 :]:
                if not any(pair(i, j) for i in members[c1] for j in members[c2]):
                    continue
                value = linkage(c1, c2)
                if value is not None and value >= threshold and (best is None or value > best[0]):
                    best = (value, c1, c2)
        if best is None:
            break
        _, c1, c2 = best
        members[c1].extend(members.pop(c2))
        for i in members[c1]:
            cluster_of[i] = c1
    return [sorted(m) for m in members.values()]

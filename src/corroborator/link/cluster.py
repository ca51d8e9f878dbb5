"""Group frames from many reports into incidents.

1. Near-duplicates: reports that copy one wire story are found first (duplicates.py) and
   recorded on the linkage, so reconciliation counts them as one origin.
2. Blocking (blocking.py): frames are only compared within one family, agreeing
   countries and meeting times, so the number of candidate pairs grows with the number of
   frames, not its square.
3. Pair decision: hard vetoes first (dates that cannot meet, places too far apart,
   different families), then a score from structured agreement and text similarity.
4. Clustering (agglomerate.py): average-link agglomeration over the scored pairs, never
   putting two frames of one report in one cluster (the report already told them apart)
   and never joining clusters across a veto. A pair blocking skipped is scored when two
   clusters holding it might merge (it is vetoed, or counts in the average, as any pair).
   When one of two clusters lacks a place below country level or a date altogether (a
   digest line naming only a country, a post with no date), the merge may instead be
   judged on what each cluster knows as a whole (`Linker.cluster_score`): a member that
   lacks the anchor should not count against a merge the other members anchor. Clusters
   that both have places and dates are judged by the average alone, so two incidents in
   one country the same day stay apart on their places, not on one placeless frame.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.gazetteer import Gazetteer
from corroborator.extract.times import most_precise, weekdays_agree
from corroborator.link.agglomerate import average_link
from corroborator.link.blocking import RECENT, BlockingStats, candidate_pairs
from corroborator.link.compare import PlaceJudge, dates_meet, types_agree
from corroborator.link.duplicates import DuplicateFinder
from corroborator.link.features import FrameFeatures, TermWeights, dot, frame_features

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
        self.places = PlaceJudge(gazetteer)
        self.duplicates = DuplicateFinder()

    def link(self, reports: Sequence[model.ExtractedReport], *, stats: BlockingStats | None = None) -> model.Linkage:
        """Cluster every frame of `reports` and find the near-duplicate reports among them.

        `stats`, when given, is filled with what blocking did (scripts/bench_link.py reads it).
        """
        features = [f for report in reports for f in frame_features(report)]
        clusters = self.cluster(features, stats=stats)
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
        return model.Linkage(
            reports=tuple(reports),
            clusters=tuple(result),
            duplicate_groups=tuple(self.duplicates.groups(reports)),
        )

    def cluster(self, features: Sequence[FrameFeatures], *, stats: BlockingStats | None = None) -> list[list[int]]:
        """The frames' clusters, as lists of indexes into `features`."""
        weights = TermWeights(f.terms for f in features)
        vectors = [weights.vector(f.terms) for f in features]
        scores: dict[tuple[int, int], float | None] = {}
        for i, j in candidate_pairs(features, slack=_TIME_SLACK, stats=stats):
            pair = self.score(features[i], features[j], similarity=dot(vectors[i], vectors[j]))
            scores[(i, j)] = None if pair.veto is not None else pair.score
        judge = _ClusterJudge(self, features, vectors, scores)
        return average_link(len(features), scores, threshold=self.threshold, judge=judge)

    # -- pair decision

    def score(self, a: FrameFeatures, b: FrameFeatures, *, similarity: float) -> PairScore:
        """The pair's score, or its veto; `similarity` is the cosine of the frames' words."""
        if a.family != b.family:
            return PairScore(0.0, "different kinds of event")
        time_match = _time_agreement(a, b)
        if time_match is False:
            return PairScore(0.0, "dates cannot be the same event")
        place_match = self.places.agreement(a.places, b.places)
        if place_match is False:
            return PairScore(0.0, "places too far apart")
        kind = types_agree(a.frame, b.frame)
        score = self._credit(a, b, time_match=time_match, place_match=place_match, kind=kind, similarity=similarity)
        return PairScore(score)

    def cluster_score(self, a: Sequence[FrameFeatures], b: Sequence[FrameFeatures], *, similarity: float) -> float:
        """How well two clusters agree as wholes: the pair score of what each knows at best (its
        finest places, narrowest dates, every weapon, count and actor any member names), so a
        frame that lacks a place or a date is not held against a merge another member anchors.
        `similarity` is the cosine of the clusters' centroids. Vetoes stay the pairs' business:
        the caller has checked every pair across."""
        first, second = profile(a), profile(b)
        time_match = _time_agreement(first, second)
        place_match = self.places.agreement(first.places, second.places)
        if time_match is False or place_match is False:
            return 0.0
        kinds = {types_agree(x.frame, y.frame) for x in a for y in b}
        kind = True if True in kinds else None if None in kinds else False
        return self._credit(
            first, second, time_match=time_match, place_match=place_match, kind=kind, similarity=similarity
        )

    def _credit(
        self,
        a: FrameFeatures,
        b: FrameFeatures,
        *,
        time_match: bool | None,
        place_match: bool | None,
        kind: bool | None,
        similarity: float,
    ) -> float:
        score = 0.0
        if place_match is True or (place_match is None and a.sites & b.sites):
            score += 0.3
        elif place_match is None and ((a.sites and b.sites) or self.places.unlisted_apart(a.places, b.places)):
            score -= 0.15  # each names a site or village the other does not: probably not one place
        if time_match is True:
            score += 0.25
        elif time_match is None:
            score += _recency_agreement(a, b)
        if kind is not False:
            # an unknown weapon is consistent with any, so half the credit of one named kind
            score += 0.1 if kind else 0.05
        if a.weapons & b.weapons:
            score += 0.1
        shared_counts = [attr for attr in a.counts.keys() & b.counts.keys() if a.counts[attr] & b.counts[attr]]
        if shared_counts:
            score += 0.1
        if a.actors & b.actors:
            score += 0.05
        score += 0.4 * similarity
        return min(score, 1.0)


class _ClusterJudge:
    """Decides merges of clusters for `average_link`: every pair across must be allowed (a
    pair blocking skipped is scored now, and may veto; two frames of one report never join),
    and the merge is worth the better of the pairs' average and the clusters' agreement as
    wholes (`Linker.cluster_score`)."""

    def __init__(
        self,
        linker: Linker,
        features: Sequence[FrameFeatures],
        vectors: Sequence[dict[str, float]],
        scores: dict[tuple[int, int], float | None],
    ) -> None:
        self.linker = linker
        self.features = features
        self.vectors = vectors
        self.scores = scores
        self.skipped: dict[tuple[int, int], float | None] = {}

    def __call__(self, a: Sequence[int], b: Sequence[int], mean: float, complete: bool) -> float | None:
        average = mean
        if not complete:
            total = 0.0
            for i in a:
                for j in b:
                    pair = self.pair(i, j)
                    if pair is None:
                        return None
                    total += pair
            average = total / (len(a) * len(b))
        first, second = [self.features[i] for i in a], [self.features[j] for j in b]
        if anchored(first) and anchored(second):
            return average
        whole = self.linker.cluster_score(
            first,
            second,
            similarity=dot(centroid([self.vectors[i] for i in a]), centroid([self.vectors[j] for j in b])),
        )
        return max(average, whole)

    def pair(self, i: int, j: int) -> float | None:
        key = (i, j) if i < j else (j, i)
        if key in self.scores:
            return self.scores[key]
        if key not in self.skipped:
            first, second = self.features[key[0]], self.features[key[1]]
            if first.report_id == second.report_id:
                self.skipped[key] = None
            else:
                scored = self.linker.score(first, second, similarity=dot(self.vectors[i], self.vectors[j]))
                self.skipped[key] = None if scored.veto is not None else scored.score
        return self.skipped[key]


def anchored(members: Sequence[FrameFeatures]) -> bool:
    """Whether some member names a place below country level and some member a date."""
    placed = any(p.place.kind != "country" for m in members for p in m.places)
    return placed and any(m.intervals for m in members)


def profile(members: Sequence[FrameFeatures]) -> FrameFeatures:
    """What a cluster of frames knows as a whole: its narrowest dates, all its places, sites,
    weapons, counts, actors and weekdays (the first member stands for the frame itself)."""
    first = members[0]
    counts: dict[model.Attribute, frozenset[int]] = {}
    for member in members:
        for attribute, values in member.counts.items():
            counts[attribute] = counts.get(attribute, frozenset()) | values
    published = [m.published for m in members if m.published is not None]
    return FrameFeatures(
        frame=first.frame,
        report_id=first.report_id,
        family=first.family,
        intervals=most_precise([i for m in members for i in m.intervals]),
        places=tuple(p for m in members for p in m.places),
        weapons=frozenset(w for m in members for w in m.weapons),
        counts=counts,
        actors=frozenset(x for m in members for x in m.actors),
        terms=sum((m.terms for m in members), Counter()),
        sites=frozenset(x for m in members for x in m.sites),
        published=min(published, key=lambda p: p.start) if published else None,
        weekdays=tuple(w for m in members for w in m.weekdays),
        clocks=tuple(c for m in members for c in m.clocks),
    )


def centroid(vectors: Sequence[dict[str, float]]) -> dict[str, float]:
    """The unit-length mean of unit vectors."""
    total: dict[str, float] = {}
    for vector in vectors:
        for term, weight in vector.items():
            total[term] = total.get(term, 0.0) + weight
    norm = math.sqrt(sum(w * w for w in total.values()))
    return {t: w / norm for t, w in total.items()} if norm else {}


def _time_agreement(a: FrameFeatures, b: FrameFeatures) -> bool | None:
    dated = dates_meet(a.intervals, b.intervals, slack=_TIME_SLACK)
    if dated is not None:
        return dated
    weekdays = weekdays_meet(a, b)
    if weekdays is not None:
        return weekdays
    return clocks_meet(a, b)


def clocks_meet(a: FrameFeatures, b: FrameFeatures) -> bool | None:
    """True when an undated frame's clock time, read on the day before its report came out,
    meets the other side's date; None otherwise. Never False: the reading is a guess that
    may join two frames but cannot part them."""
    met = dates_meet(a.clocks, b.intervals or b.clocks, slack=_TIME_SLACK) or dates_meet(
        b.clocks, a.intervals, slack=_TIME_SLACK
    )
    return True if met else None


def weekdays_meet(a: FrameFeatures, b: FrameFeatures) -> bool | None:
    """A weekday with no week ("on Saturday evening", from a statement with no date) against
    the other side's dates: True when a date falls on that weekday (and part of the day),
    False when none does. Two weekdays agree when they are the same day. None when either
    side gives neither. Only linking reads this: an unplaced weekday is never a date that
    could contradict another."""
    return weekdays_agree(a.weekdays, _decisive(a.intervals), b.weekdays, _decisive(b.intervals))


def _decisive(intervals: Sequence[model.TimeInterval]) -> tuple[model.TimeInterval, ...]:
    return tuple(x for x in intervals if x.duration <= _WEEKDAY_DECIDES)


#: A date longer than this holds every weekday: it cannot rule one out.
_WEEKDAY_DECIDES = timedelta(days=2)


_FAR = timedelta(days=60)


def _recency_agreement(a: FrameFeatures, b: FrameFeatures) -> float:
    """Weak time evidence for undated frames: +0.1 if consistent with recency, -0.2 if far off."""

    def window(f: FrameFeatures) -> model.TimeInterval | None:
        if f.intervals:
            return None
        if f.published is None:
            return None
        return f.published.model_copy(update={"start": f.published.start - RECENT})

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

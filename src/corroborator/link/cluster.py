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
   and never joining clusters across a veto or an unscored pair.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.gazetteer import Gazetteer
from corroborator.extract.times import weekdays_agree
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
        weights = TermWeights(f.terms for f in features)
        vectors = [weights.vector(f.terms) for f in features]
        scores: dict[tuple[int, int], float | None] = {}
        for i, j in candidate_pairs(features, slack=_TIME_SLACK, stats=stats):
            pair = self.score(features[i], features[j], similarity=dot(vectors[i], vectors[j]))
            scores[(i, j)] = None if pair.veto is not None else pair.score
        clusters = average_link(len(features), scores, threshold=self.threshold)
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
        score = 0.0
        if place_match is True or (place_match is None and a.sites & b.sites):
            score += 0.3
        elif place_match is None and a.sites and b.sites:
            score -= 0.15  # each names a site the other does not: probably not one place
        if time_match is True:
            score += 0.25
        elif time_match is None:
            score += _recency_agreement(a, b)
        kind = types_agree(a.frame, b.frame)
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
        return PairScore(min(score, 1.0))


def _time_agreement(a: FrameFeatures, b: FrameFeatures) -> bool | None:
    dated = dates_meet(a.intervals, b.intervals, slack=_TIME_SLACK)
    if dated is not None:
        return dated
    return weekdays_meet(a, b)


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

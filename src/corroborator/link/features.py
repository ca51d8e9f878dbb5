"""What linking compares about a frame, computed once per frame.

Structured fields (dated intervals, places, family, weapons, counts, actors) decide
compatibility; the frame's words feed text similarity. Clock times and undated
expressions are left out of the dated intervals: they cannot tell two days apart.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from corroborator import model
from corroborator.extract.times import (
    WeekdayReading,
    local_interval,
    most_precise,
    names_no_day,
    possible_nights,
    weekday_reading,
)

_WORD = re.compile(r"[a-z][a-z0-9'-]+")
_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "according",
        "after",
        "against",
        "all",
        "also",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "but",
        "by",
        "can",
        "claimed",
        "could",
        "did",
        "do",
        "does",
        "during",
        "each",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "more",
        "most",
        "no",
        "nor",
        "not",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "reported",
        "said",
        "same",
        "says",
        "she",
        "should",
        "so",
        "some",
        "stated",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "told",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)


def family_of(event_type: str, sub_event_type: str) -> str:
    """Mentions of different families never describe the same incident."""
    if event_type == "Strategic developments" and sub_event_type != "Disrupted weapons use":
        return "policy"
    return "violence"


@dataclass(frozen=True)
class FrameFeatures:
    frame: model.Frame
    report_id: str
    family: str
    intervals: tuple[model.TimeInterval, ...]
    places: tuple[model.PlaceMention, ...]
    weapons: frozenset[str]
    counts: dict[model.Attribute, frozenset[int]]
    actors: frozenset[str]
    terms: Counter[str]
    #: Names of sites the gazetteer does not know ("the Branit barracks", "the village of
    #: Aynata"): two reports naming the same one agree on the place as much as a resolved
    #: place would.
    sites: frozenset[str] = frozenset()
    #: When the report was published (a day-level window), for frames with no date of
    #: their own: news describes recent events, so an undated mention is probably recent.
    published: model.TimeInterval | None = None
    #: Weekdays the frame names with no week to place them ("on Saturday evening" in a
    #: statement with no date): they rule out incidents dated on other weekdays.
    weekdays: tuple[WeekdayReading, ...] = ()
    #: For a frame with no date, its clock times ("from about 2:40 a.m.") read on the day
    #: before the report came out, when it says at what hour: only they can place the event
    #: among others, and only to join it to one (`Linker.score`).
    clocks: tuple[model.TimeInterval, ...] = ()

    @property
    def id(self) -> str:
        return self.frame.id


def _publication_window(report: model.ExtractedReport) -> model.TimeInterval | None:
    publication = report.normalised.publication
    first = publication.reference
    if first is None:
        return None
    last = publication.inferred_latest if publication.inferred_earliest else first
    start = datetime.combine(first, time())
    end = datetime.combine(last or first, time()) + timedelta(days=1)
    return model.TimeInterval(
        start=start, end=end, precision=model.TimePrecision.DAY, year_known=publication.year_known
    )


def frame_features(report: model.ExtractedReport) -> list[FrameFeatures]:
    published = _publication_window(report)
    claims_by_frame: dict[str, list[model.Claim]] = {}
    for claim in report.claims:
        claims_by_frame.setdefault(claim.frame_id, []).append(claim)
    features = []
    for frame in report.frames:
        claims = claims_by_frame.get(frame.id, [])
        zone = _local_zone(frame)
        intervals = most_precise(
            [
                local_interval(reading, t.timezone, zone)
                for t in frame.times
                if t.timex_type in {model.TimexType.DATE, model.TimexType.TIME} and not names_no_day(t)
                for reading in readings(t)
            ]
        )
        clocks = () if intervals else _clocks_near_publication(frame, report.normalised.publication)
        weapons = frozenset(
            c.value.code for c in claims if c.attribute == model.Attribute.WEAPON and isinstance(c.value, model.Label)
        )
        counts: dict[model.Attribute, set[int]] = {}
        for claim in claims:
            if claim.attribute.numeric and isinstance(claim.value, model.Quantity) and _telling(claim.value):
                counts.setdefault(claim.attribute, set()).add(claim.value.min)
        features.append(
            FrameFeatures(
                frame=frame,
                report_id=report.id,
                family=family_of(frame.event_type, frame.sub_event_type),
                intervals=intervals,
                places=frame.places,
                weapons=weapons,
                counts={k: frozenset(v) for k, v in counts.items()},
                actors=frozenset(frame.actors),
                terms=Counter(terms(frame.text)),
                sites=unresolved_sites(frame),
                published=published,
                weekdays=tuple(r for t in frame.times if (r := weekday_reading(t)) is not None),
                clocks=clocks,
            )
        )
    return features


def _clocks_near_publication(
    frame: model.Frame, publication: model.PublicationTime
) -> tuple[model.TimeInterval, ...]:
    """The frame's clock times that name no day, as read against a publication whose hour is
    known, when they fall in the day before it or a few hours after (a thread's later entries):
    "residents heard explosions from about 2:40 a.m." in a post of 8:40 happened that night."""
    if publication.declared is None or publication.declared_time is None:
        return ()
    published = datetime.combine(publication.declared, publication.declared_time)
    return tuple(
        t.interval
        for t in frame.times
        if t.interval is not None
        and names_no_day(t)
        and published - _CLOCK_REACH <= t.interval.start <= published + _CLOCK_AFTER
    )


#: How long before publication a clock time with no day is taken to be that day's.
_CLOCK_REACH = timedelta(days=1)
#: A live blog or thread goes on after the time it gives as published ("23:05 Update: ..." in a
#: thread published at 22:14): its later stamps are read on the same day, up to this long after.
_CLOCK_AFTER = timedelta(hours=6)


def _local_zone(frame: model.Frame) -> str | None:
    """The time zone of where the frame's event happened, when its places agree on one: a
    time stated in GMT is compared in local time, as the incident's time will be told."""
    zones = {p.place.timezone for p in frame.places if p.place.timezone}
    return zones.pop() if len(zones) == 1 else None


def readings(expression: model.TimeExpression) -> list[model.TimeInterval]:
    """The intervals an expression may mean, for comparing reports (see `possible_nights`)."""
    if expression.interval is None:
        return []
    return possible_nights(expression.interval, expression.value, expression.span.text)


_SITE_NOUNS = (
    "barracks|base|airbase|airfield|airport|port|harbour|harbor|refinery|depot|plant|station|substation|"
    "bridge|terminal|factory|camp|checkpoint|outpost|dam|mine|district"
)
_SITE = re.compile(
    rf"\b([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)\s(?:{_SITE_NOUNS})\b"
    r"|\b(?:town|village|city|settlement|hamlet|outskirts)\sof\s([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)"
)


#: A possessive before a site's name says whose it is, not what it is called: "Kharkiv's
#: Kholodnohirskyi district" is the Kholodnohirskyi district another report names bare.
_OWNER = re.compile(r"^[A-Z][\w-]*['’]s?\s")


def unresolved_sites(frame: model.Frame) -> frozenset[str]:
    """Proper names the frame's sentences give a site ("the Branit barracks", "the village
    of Aynata") that no resolved place mention covers."""
    resolved = {name_of(p.span.text) for p in frame.places}
    found = set()
    for match in _SITE.finditer(frame.text):
        name = name_of(_OWNER.sub("", match.group(1) or match.group(2)))
        if name and name not in resolved and name not in _STOPWORDS:
            found.add(name)
    return frozenset(found)


def name_of(text: str) -> str:
    return " ".join(text.lower().replace("the ", "").split())


def terms(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS]


def stem(word: str) -> str:
    """A light English suffix stripper: "prohibiting", "prohibits" and "prohibited" meet.

    Text similarity only needs inflections of one word to meet; a full stemmer would also
    conflate words that differ ("general"/"generate"), which costs precision in linking.
    """
    for suffix in ("ings", "ing", "edly", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if suffix in {"es"} and not base.endswith(("ss", "sh", "ch", "x", "z")):
                base = word[:-1]
            if len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "shelling" -> "shell" keeps ll; "dropped" -> "drop"
            return base.rstrip("e") if suffix in {"ing", "ed", "ings"} else base
    return word.rstrip("e") if len(word) > 5 else word


class TermWeights:
    """Inverse document frequencies over the frames being linked."""

    def __init__(self, documents: Iterable[Counter[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for doc in documents:
            n += 1
            df.update(doc.keys())
        self._idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        """The unit-length TF-IDF vector (sublinear term frequency) of a bag of terms;
        computed once per frame, so each pair costs one sparse dot product."""
        weighted = {t: (1 + math.log(f)) * self._idf.get(t, 1.0) for t, f in counts.items() if f > 0}
        norm = math.sqrt(sum(w * w for w in weighted.values()))
        return {t: w / norm for t, w in weighted.items()} if norm else {}

    def cosine(self, a: Counter[str], b: Counter[str]) -> float:
        return dot(self.vector(a), self.vector(b))


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit vectors (iterating the shorter)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def _telling(value: model.Quantity) -> bool:
    """Whether a count tells frames apart: an exact one, or a floor of two or more ("three
    strikes", at least three hits); not "a drone hit" (at least one), which any attack has."""
    return value.exact or (value.max is None and value.min >= 2)


def countries(places: Sequence[model.PlaceMention]) -> frozenset[str]:
    return frozenset(p.place.country_code for p in places if p.place.country_code)

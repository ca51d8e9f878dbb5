"""Document-level linking: group whole reports by the event they describe.

The frame linker needs conflict frames (an attack, an interception) to compare; general
news (an arrest, an award, a hiring, an earthquake) has none. This mode compares whole
reports with the same evidence the frame linker uses, read at document level:

- text similarity: TF-IDF cosine over the report's words (the same light stemming and
  stop words as frames) and the proper names it uses mid-sentence. Reports about two
  similar events share their topic's vocabulary ("pirates", "navy", "hijacked"); what
  tells the events apart is who and what is named, so each name counts as an extra term
  (`name_weight` times its occurrences). The lead (headline and first sentences,
  `lead_sentences` in all) counts twice: a news report says what happened first and
  recalls earlier events further down;
- dates: the days the report's dated expressions fall on (its publication window when it
  dates nothing). Reports whose days meet (within a day) gain `dates_meet`; reports whose
  days are all more than `dates_far_days` apart lose `dates_far`. Not a veto: follow-ups
  and retrospectives describe an event weeks or a year after it;
- places (the event places of the extract stage's gazetteer reading): when no place
  below country level is one area with a place of the other report, the pair loses
  `places_apart`. Agreeing places add nothing: similar events of one topic often happen
  in the same city.

The pair score is the cosine plus those adjustments; reports are grouped by the same
constrained average-link agglomeration as frames (agglomerate.py) at `threshold`.

The defaults were chosen on the ECB+ dev documents (`scripts/eval_ecbplus.py` prints the
scores and how they move with the threshold); they are document-similarity values, on a
different scale from the frame linker's `link.threshold`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from corroborator import model
from corroborator.extract.gazetteer import Gazetteer
from corroborator.link.agglomerate import average_link
from corroborator.link.compare import PlaceJudge, dates_meet
from corroborator.link.features import TermWeights, dot, terms

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|[.!?]+|\S")
_SENTENCE_END = re.compile(r"[.!?]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_LEAD_BOUNDARY = re.compile(r"\n+|(?<=[.!?])['\")\]]*\s+(?=[\"'(]*[A-Z0-9])")
#: A line with at least this share of capitalised words is a title-case headline.
_TITLE_CASE = 0.6
#: Dated expressions longer than this ("in 2009", "last month") do not place an event.
_DAY_PRECISE = timedelta(days=2)


@dataclass(frozen=True, kw_only=True)
class DocumentSettings:
    """The document-level rule; the module docstring says what each value does."""

    threshold: float = 0.22
    name_weight: int = 2
    lead_sentences: int = 3
    dates_meet: float = 0.05
    dates_far: float = 0.1
    dates_far_days: int = 60
    places_apart: float = 0.05


@dataclass(frozen=True)
class DocumentFeatures:
    report_id: str
    terms: Counter[str]
    days: tuple[model.TimeInterval, ...]
    places: tuple[model.PlaceMention, ...]


def name_terms(text: str, *, skip: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Capitalised words inside sentences ("the Indian navy" → "indian"): in English the
    cheap, reliable mark of a proper name.

    Left out: a sentence's first word (capitalised anyway, also after an opening quote),
    words in capitals throughout (acronyms, "NEW YORK" datelines), lines in title case
    (headlines capitalise every word), and words inside `skip` spans (the report's time
    expressions: "Sunday" and "February" date an event, they do not name who is in it).
    """
    names = []
    for line_match in _LINE.finditer(text):
        line = line_match.group()
        words = [m for m in _WORD.finditer(line)]
        capitalised = [w for w in words if w.group()[0].isupper()]
        if len(words) >= 3 and len(capitalised) >= _TITLE_CASE * len(words):
            continue
        sentence_start = True
        for match in _TOKEN.finditer(line):
            token = match.group()
            if not token[0].isalpha():
                if _SENTENCE_END.fullmatch(token):
                    sentence_start = True
                continue
            first, sentence_start = sentence_start, False
            if first or not token[0].isupper() or token.isupper() or len(token) < 2:
                continue
            start = line_match.start() + match.start()
            if any(a <= start < b for a, b in skip):
                continue
            names.append("@" + _POSSESSIVE.sub("", token.lower()))
    return names


def _days(report: model.ExtractedReport) -> tuple[model.TimeInterval, ...]:
    dated = tuple(
        t.interval
        for t in report.normalised.times
        if t.interval is not None
        and t.timex_type in {model.TimexType.DATE, model.TimexType.TIME}
        and t.interval.duration <= _DAY_PRECISE
    )
    if dated:
        return dated
    publication = report.normalised.publication
    first = publication.reference
    if first is None:
        return ()
    last = publication.inferred_latest if publication.inferred_earliest else first
    start = datetime.combine(first, time())
    end = datetime.combine(last or first, time()) + timedelta(days=1)
    return (
        model.TimeInterval(start=start, end=end, precision=model.TimePrecision.DAY, year_known=publication.year_known),
    )


def lead_end(text: str, *, sentences: int) -> int:
    """Where the lead ends: after the headline and first sentences (`sentences` in all,
    a line break or a full stop before a capital ending each)."""
    if sentences <= 0:
        return 0
    for count, match in enumerate(_LEAD_BOUNDARY.finditer(text), 1):
        if count == sentences:
            return match.start()
    return len(text)


def document_features(report: model.ExtractedReport, *, settings: DocumentSettings) -> DocumentFeatures:
    """The words and names of the whole report, those of its lead once more (the lead of
    a news report says what happened; background comes later), its days and places."""
    text = report.normalised.text
    dates = [(t.span.start, t.span.end) for t in report.normalised.times]
    lead = lead_end(text, sentences=settings.lead_sentences)
    counts: Counter[str] = Counter()
    for segment in (text, text[:lead]):
        counts.update(terms(segment))
        for name, n in Counter(name_terms(segment, skip=dates)).items():
            counts[name] += n * settings.name_weight
    places = tuple(p for p in report.places if p.role == model.PlaceRole.EVENT)
    return DocumentFeatures(report_id=report.id, terms=counts, days=_days(report), places=places)


class DocumentLinker:
    """ExtractedReports → groups of report ids, one group per event described."""

    def __init__(self, *, gazetteer: Gazetteer, settings: DocumentSettings | None = None) -> None:
        self.settings = settings or DocumentSettings()
        self.places = PlaceJudge(gazetteer)

    def group(self, reports: Sequence[model.ExtractedReport]) -> list[tuple[str, ...]]:
        features = [document_features(r, settings=self.settings) for r in reports]
        weights = TermWeights(f.terms for f in features)
        vectors = [weights.vector(f.terms) for f in features]
        scores: dict[tuple[int, int], float | None] = {}
        # Every pair: general news has no event family or conflict frame to block on, and
        # the corpora this mode serves are small (a topic, a dev set).
        for i in range(len(features)):
            for j in range(i + 1, len(features)):
                scores[(i, j)] = self.score(features[i], features[j], similarity=dot(vectors[i], vectors[j]))
        clusters = average_link(len(features), scores, threshold=self.settings.threshold)
        return sorted(tuple(sorted(features[m].report_id for m in members)) for members in clusters)

    def score(self, a: DocumentFeatures, b: DocumentFeatures, *, similarity: float) -> float:
        cfg = self.settings
        score = similarity
        if dates_meet(a.days, b.days, slack=timedelta(days=1)):
            score += cfg.dates_meet
        elif dates_meet(a.days, b.days, slack=timedelta(days=cfg.dates_far_days)) is False:
            score -= cfg.dates_far
        if cfg.places_apart and self.places.agreement(a.places, b.places) is False:
            score -= cfg.places_apart
        return score

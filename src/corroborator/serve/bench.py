"""Speed and memory of the full pipeline against the bare spaCy pipeline on the same texts.

The bare `nlp.pipe` run is the floor any spaCy-based system pays; the ratio says what
our stages cost on top of it. Figures are printed, never asserted in tests: timing on a
shared machine is a measurement, not a specification.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from corroborator import model
from corroborator.config import Settings
from corroborator.ingest import read_paths
from corroborator.pipeline import Pipeline


@dataclass(frozen=True)
class BenchResult:
    reports: int
    words: int
    load_seconds: float
    spacy_seconds: float
    extract_seconds: float
    link_reconcile_seconds: float
    incidents: int
    peak_rss_mb: float

    @property
    def pipeline_seconds(self) -> float:
        return self.extract_seconds + self.link_reconcile_seconds

    def rate(self, seconds: float, amount: int) -> float:
        return amount / seconds if seconds > 0 else float("inf")

    def lines(self) -> list[str]:
        s, p = self.spacy_seconds, self.pipeline_seconds
        return [
            f"reports: {self.reports}   words: {self.words}   incidents: {self.incidents}",
            f"load (spaCy, gazetteer, lexicons): {self.load_seconds:.2f} s",
            f"bare spaCy nlp.pipe:        {s:8.2f} s  {self.rate(s, self.reports):8.1f} reports/s  "
            f"{self.rate(s, self.words):10.0f} words/s",
            f"corroborator normalise+extract: {self.extract_seconds:8.2f} s",
            f"corroborator link+reconcile:    {self.link_reconcile_seconds:8.2f} s",
            f"corroborator full pipeline: {p:8.2f} s  {self.rate(p, self.reports):8.1f} reports/s  "
            f"{self.rate(p, self.words):10.0f} words/s",
            f"ratio full / bare spaCy time: {p / s if s else float('inf'):.2f}x",
            f"peak memory (RSS): {self.peak_rss_mb:.0f} MB",
        ]


def load_reports(
    paths: Iterable[str | Path], *, settings: Settings, limit: int | None = None
) -> list[model.Report]:
    reports = [r for r in read_paths(paths, settings=settings) if isinstance(r, model.Report)]
    return reports[:limit] if limit else reports


def run(reports: Sequence[model.Report], *, settings: Settings, repeat: int = 1) -> BenchResult:
    started = time.perf_counter()
    pipeline = Pipeline(settings)
    load = time.perf_counter() - started
    nlp = pipeline.extractor.nlp
    normalised = [pipeline.normaliser(r) for r in reports]
    texts = [n.text for n in normalised]
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:2]))  # warm-up

    spacy_times, extract_times, combine_times = [], [], []
    analysis = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        spacy_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        extracted = [e for e in pipeline.pipe(reports) if isinstance(e, model.ExtractedReport)]
        extract_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        analysis = pipeline.combine(extracted)
        combine_times.append(time.perf_counter() - t0)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return BenchResult(
        reports=len(reports),
        words=words,
        load_seconds=load,
        spacy_seconds=min(spacy_times),
        extract_seconds=min(extract_times),
        link_reconcile_seconds=min(combine_times),
        incidents=len(analysis.incidents) if analysis else 0,
        peak_rss_mb=peak_kb / 1024,
    )

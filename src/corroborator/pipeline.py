"""The stages in order: ingest → normalise → extract → link → reconcile.

`Pipeline.analyze_text(text)` runs one report end to end; `Pipeline.pipe(items,
batch_size=…)` streams reports through normalise and extract (where the cost is) and
`Pipeline.analyze(items)` adds linking and reconciliation over the whole batch. A report
that fails inside a stage becomes an `IngestFailure` with the reason, like a bad file at
ingest: one report never stops the batch. The store and the CLI sit on top of this.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeAlias

from corroborator import model
from corroborator.config import Settings, load_settings
from corroborator.errors import CorroboratorError
from corroborator.extract.places import load_gazetteer
from corroborator.extract.stage import Extractor
from corroborator.link.cluster import Linker
from corroborator.normalise.stage import Normaliser
from corroborator.reconcile.stage import Reconciler
from corroborator.reconcile.vocabulary import DisputeVocabulary

log = logging.getLogger(__name__)

Item: TypeAlias = model.Report | model.IngestFailure
Extracted: TypeAlias = model.ExtractedReport | model.IngestFailure
#: Called once per report that leaves the extract stage (for progress bars).
Progress: TypeAlias = Callable[[Extracted], None]


class Pipeline:
    """Every stage, built once (loading spaCy, gazetteer and lexicons is the slow part)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.normaliser = Normaliser(settings=self.settings)
        self.extractor = Extractor(settings=self.settings)
        self.linker = Linker(settings=self.settings, gazetteer=load_gazetteer(self.settings))
        self.reconciler = Reconciler(DisputeVocabulary.load(self.settings))

    # -- single item

    def analyze_text(
        self,
        text: str,
        *,
        report_id: str = "text",
        outlet: str | None = None,
        url: str | None = None,
        title: str | None = None,
        published: str | None = None,
    ) -> model.Analysis:
        """Analyse one report given as text."""
        report = model.Report(
            id=report_id,
            text=text,
            origin="<text>",
            outlet=outlet,
            url=url,
            title=title,
            published=published,
        )
        return self.analyze([report])

    # -- streaming

    def pipe(self, items: Iterable[Item], *, batch_size: int | None = None) -> Iterator[Extracted]:
        """Normalise and extract a stream of reports; failures pass through in order."""
        normalised = self._normalise(items)
        reports: list[model.NormalisedReport] = []
        size = batch_size or self.settings.batch_size
        for item in normalised:
            if isinstance(item, model.IngestFailure):
                yield from self._extract(reports)
                reports = []
                yield item
                continue
            reports.append(item)
            if len(reports) >= size:
                yield from self._extract(reports)
                reports = []
        yield from self._extract(reports)

    def analyze(
        self,
        items: Iterable[Item],
        *,
        batch_size: int | None = None,
        progress: Progress | None = None,
    ) -> model.Analysis:
        extracted: list[model.ExtractedReport] = []
        failures: list[model.IngestFailure] = []
        for item in self.pipe(items, batch_size=batch_size):
            if progress is not None:
                progress(item)
            if isinstance(item, model.IngestFailure):
                failures.append(item)
            else:
                extracted.append(item)
        return self.combine(extracted, failures=failures)

    def combine(
        self,
        extracted: Sequence[model.ExtractedReport],
        *,
        failures: Sequence[model.IngestFailure] = (),
    ) -> model.Analysis:
        """Link and reconcile reports already extracted (from this run or the store)."""
        linkage = self.linker.link(extracted)
        return self.reconciler.reconcile(linkage, failures=failures)

    # -- stage wrappers that keep one bad report from stopping the batch

    def _normalise(
        self, items: Iterable[Item]
    ) -> Iterator[model.NormalisedReport | model.IngestFailure]:
        for item in items:
            if isinstance(item, model.IngestFailure):
                yield item
                continue
            try:
                yield self.normaliser(item)
            except Exception as exc:
                yield _failed(item, "normalise", exc)

    def _extract(self, reports: Sequence[model.NormalisedReport]) -> Iterator[Extracted]:
        if not reports:
            return
        done: list[Extracted] = []
        try:
            done.extend(self.extractor.pipe(reports, batch_size=len(reports)))
        except Exception:
            log.warning("extraction failed in a batch; retrying its remaining reports one by one")
            for report in reports[len(done) :]:
                try:
                    done.append(self.extractor(report))
                except Exception as exc:
                    done.append(_failed(report.report, "extract", exc))
        yield from done


def _failed(report: model.Report, stage: str, exc: Exception) -> model.IngestFailure:
    kind = "" if isinstance(exc, CorroboratorError) else f"{type(exc).__name__}: "
    log.exception("%s failed for %s", stage, report.origin or report.id)
    return model.IngestFailure(
        origin=report.origin or report.id,
        reason=f"{stage} stage failed for report {report.id!r}: {kind}{exc}; the report is kept for inspection",
        format=report.format,
        raw=report.text.encode("utf-8"),
    )

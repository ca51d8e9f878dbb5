"""What the commands do, as library calls: the CLI only parses flags and prints.

`analyze_paths` is the main job: ingest the inputs, skip what the store already holds
(same content, same corroborator version), normalise and extract the rest, keep every
failure in quarantine, then link and reconcile everything the store holds so new reports
join old incidents, and save. The result shown is restricted to the reports of this run
and the incidents they touch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from corroborator import model
from corroborator.config import Settings
from corroborator.ingest import read_paths
from corroborator.pipeline import Pipeline
from corroborator.store.sqlite import SQLiteRepository


@dataclass
class RunSummary:
    """Counts a user wants at the end of a run."""

    new: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[model.IngestFailure] = field(default_factory=list)

    @property
    def seen(self) -> list[str]:
        return [*self.new, *self.unchanged]


def open_store(settings: Settings, db: Path | None = None) -> SQLiteRepository:
    return SQLiteRepository(db or settings.db_path)


def analyze_paths(
    paths: Iterable[str | Path],
    *,
    settings: Settings,
    store: SQLiteRepository,
    pipeline: Pipeline | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[model.Analysis, RunSummary]:
    """Analyse files, directories or "-" into the store; return this run's view of it."""
    pipeline = pipeline or Pipeline(settings)
    summary = RunSummary()

    def new_reports() -> Iterator[model.Report | model.IngestFailure]:
        for item in read_paths(paths, settings=settings):
            if isinstance(item, model.IngestFailure):
                yield item
                continue
            is_new, report = store.resolve(item)
            if is_new or not store.is_current(report.id):
                yield report
            else:
                summary.unchanged.append(report.id)
                if progress:
                    progress(report.id)

    for result in pipeline.pipe(new_reports()):
        if isinstance(result, model.IngestFailure):
            store.add_failure(result)
            summary.failed.append(result)
            name = result.origin
        else:
            store.add_extracted(result)
            summary.new.append(result.id)
            name = result.id
        if progress:
            progress(name)

    analysis = pipeline.combine(store.extracted(), failures=summary.failed)
    saved = store.save_analysis(analysis)
    return restrict(saved, summary.seen), summary


def restrict(analysis: model.Analysis, report_ids: Iterable[str]) -> model.Analysis:
    """Only these reports, and the incidents that involve any of them."""
    wanted = set(report_ids)
    return analysis.model_copy(
        update={
            "reports": tuple(r for r in analysis.reports if r.id in wanted),
            "incidents": tuple(i for i in analysis.incidents if wanted & set(i.report_ids)),
        }
    )


def stored_analysis(store: SQLiteRepository) -> model.Analysis:
    """The whole store as an Analysis (for `incidents --format json` and exports)."""
    return model.Analysis(reports=tuple(store.outcomes()), incidents=tuple(store.incidents()))

"""Incremental work, as library calls: ingest now, analyse later, watch feeds, retry failures.

    ingest_sources(sources, ...)   read files, directories, archives, URLs, feeds, stdin
                                   into the store's pending list (no analysis)
    update_pending(...)            extract what is pending, then link and reconcile
                                   everything stored, as `analyze` does
    watch_feeds(feeds, ...)        poll feeds: ingest new entries, update, sleep, repeat
    list_failures(store)           the quarantine, oldest first
    retry_failures(ids, ...)       read failed inputs again (re-fetching URLs, re-reading
                                   files, else the kept bytes)

Nothing is ever lost or doubled by an interruption: each report is stored (pending) in its
own transaction, so a run killed halfway has stored whole reports and the next run skips
them as duplicates (by content hash); `update` moves each report from pending to analysed
atomically, and runs the linking again when an earlier `update` stopped before it.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from corroborator import model
from corroborator.config import Settings
from corroborator.errors import IngestError, NotFound, PipelineError
from corroborator.ingest import read_paths
from corroborator.ingest.feeds import ENTRY_FORMAT, FeedEntry, entry_report
from corroborator.ingest.origins import default_id_for, source_to_reread
from corroborator.ingest.reader import BytesReader, Fetch, ReadOptions
from corroborator.ingest.sniff import FORMATS, format_from_url
from corroborator.ingest.urls import Fetcher, is_url, url_id
from corroborator.pipeline import Pipeline
from corroborator.serve.workflows import restrict
from corroborator.store.repository import PendingReport, QuarantinedInput
from corroborator.store.sqlite import SQLiteRepository

#: Format of a quarantined report that a stage (normalise, extract) failed on: the raw
#: bytes are the Report as JSON, so a retry queues exactly that report again.
REPORT_FORMAT = "report"
#: How many pending reports `update` loads at a time (memory stays flat on a big backlog).
UPDATE_CHUNK = 256

#: Called once per input handled, with a short name for a progress display.
Progress = Callable[[str], None]


@dataclass
class IngestSummary:
    """What an ingest did: reports stored as new, duplicates skipped, failures kept."""

    new: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[model.IngestFailure] = field(default_factory=list)

    def line(self) -> str:
        return f"{len(self.new)} new, {len(self.duplicates)} duplicate, {len(self.failed)} failed"

    def merge(self, other: IngestSummary) -> None:
        self.new.extend(other.new)
        self.duplicates.extend(other.duplicates)
        self.failed.extend(other.failed)


@dataclass
class UpdateSummary:
    """What an update did: reports analysed, reports a stage failed on, whether it linked."""

    analysed: list[str] = field(default_factory=list)
    failed: list[model.IngestFailure] = field(default_factory=list)
    linked: bool = False

    def line(self) -> str:
        return f"{len(self.analysed)} analysed, {len(self.failed)} failed"


@dataclass
class RetryOutcome:
    """One retried failure: resolved (it reads now) or failing still, with the new reason."""

    entry: QuarantinedInput
    failure: model.IngestFailure | None

    @property
    def resolved(self) -> bool:
        return self.failure is None


@dataclass
class RetrySummary:
    outcomes: list[RetryOutcome] = field(default_factory=list)
    ingest: IngestSummary = field(default_factory=IngestSummary)

    def line(self) -> str:
        resolved = sum(1 for o in self.outcomes if o.resolved)
        return (
            f"{resolved} resolved, {len(self.outcomes) - resolved} still failing; "
            f"{len(self.ingest.new)} new report(s) pending"
        )


@dataclass
class WatchCycle:
    """One poll of every feed, and the update that followed."""

    at: datetime
    ingest: IngestSummary
    unchanged_feeds: list[str]
    update: UpdateSummary | None
    incidents: int


# --------------------------------------------------------------------------- ingest


def ingest_sources(
    sources: Iterable[str | Path],
    *,
    settings: Settings,
    store: SQLiteRepository,
    fetcher: Fetcher | None = None,
    options: ReadOptions | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Read every source into the store's pending list; failures are quarantined.

    Feed entries already stored are skipped without fetching their pages again (they
    count as duplicates).
    """
    summary = IngestSummary()
    options = _skipping_known(options or ReadOptions(), store, summary)
    outcomes = read_paths(sources, settings=settings, fetcher=fetcher, options=options)
    _store_outcomes(outcomes, store=store, summary=summary, progress=progress)
    return summary


def _skipping_known(options: ReadOptions, store: SQLiteRepository, summary: IngestSummary) -> ReadOptions:
    """Options that skip stored feed entries (counted as duplicates) and, in a directory
    walk, the store's own files (a database ingesting itself would quarantine itself)."""

    def skip(entry_key: str) -> bool:
        seen = store.entry_seen(entry_key)
        if seen:
            summary.duplicates.append(entry_key)
        return seen

    database = os.path.abspath(store.path)
    own = frozenset(database + suffix for suffix in ("", "-wal", "-shm", "-journal"))
    return replace(options, skip_entry=skip, skip_files=options.skip_files | own)


def _store_outcomes(
    outcomes: Iterable[model.Report | model.IngestFailure],
    *,
    store: SQLiteRepository,
    summary: IngestSummary,
    progress: Progress | None,
) -> None:
    for item in outcomes:
        if isinstance(item, model.IngestFailure):
            store.keep_failure(item)
            summary.failed.append(item)
            name = item.origin
        else:
            entry_key = item.extra.get("feed_entry")
            result = store.add_pending(item, entry_key=entry_key if isinstance(entry_key, str) else None)
            (summary.new if result.new else summary.duplicates).append(result.id)
            name = result.id
        if progress is not None:
            progress(name)


# --------------------------------------------------------------------------- update


def update_pending(
    *,
    settings: Settings,
    store: SQLiteRepository,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
) -> tuple[model.Analysis | None, UpdateSummary]:
    """Analyse the pending reports, then link and reconcile everything stored.

    Returns this run's view (the reports analysed now and the incidents they touch), or
    None with an empty summary when there was nothing to do.
    """
    summary = UpdateSummary()
    # Reports extracted by an update that stopped before linking are this run's too.
    summary.analysed.extend(store.unanalysed_ids())
    if store.pending_count() == 0 and not summary.analysed:
        return None, summary
    pipeline = pipeline or Pipeline(settings)
    while True:
        chunk = store.pending(limit=UPDATE_CHUNK)
        if not chunk:
            break
        _extract_chunk(chunk, pipeline=pipeline, store=store, summary=summary, progress=progress)
    analysis = pipeline.combine(store.extracted(), failures=summary.failed)
    saved = store.save_analysis(analysis)
    summary.linked = True
    return restrict(saved, summary.analysed), summary


def _extract_chunk(
    chunk: Sequence[PendingReport],
    *,
    pipeline: Pipeline,
    store: SQLiteRepository,
    summary: UpdateSummary,
    progress: Progress | None,
) -> None:
    # The pipeline gives exactly one result per report, in order: pair them up as they come.
    waiting: deque[PendingReport] = deque()

    def reports() -> Iterator[model.Report]:
        for pending in chunk:
            waiting.append(pending)
            yield pending.report

    for result in pipeline.pipe(reports()):
        if not waiting:
            raise PipelineError("the pipeline gave more results than it was given reports; this is a bug")
        pending = waiting.popleft()
        if isinstance(result, model.IngestFailure):
            failure = model.IngestFailure(
                origin=result.origin,
                reason=result.reason,
                format=REPORT_FORMAT,
                raw=pending.report.model_dump_json().encode("utf-8"),
            )
            store.fail_pending(pending, failure)
            summary.failed.append(failure)
            name = failure.origin
        else:
            name = store.complete_pending(pending, result)
            summary.analysed.append(name)
        if progress is not None:
            progress(name)
    if waiting:
        # Unpaired reports would stay pending and be fed again forever.
        raise PipelineError(f"the pipeline dropped {len(waiting)} report(s) without a result; this is a bug")


# --------------------------------------------------------------------------- watch


def watch_feeds(
    feeds: Sequence[str],
    *,
    settings: Settings,
    store: SQLiteRepository,
    interval: float,
    once: bool = False,
    fetcher: Fetcher | None = None,
    options: ReadOptions | None = None,
    pipeline: Pipeline | None = None,
    on_cycle: Callable[[WatchCycle], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    cycles: int | None = None,
) -> list[WatchCycle]:
    """Poll `feeds` (URLs or files) every `interval` seconds until interrupted.

    Each cycle fetches every feed (conditionally: an unchanged feed costs one 304),
    stores new entries, and when anything is new runs `update_pending`. `once` (or
    `cycles`) bounds the number of cycles; `sleep` is replaceable for tests.
    """
    own = fetcher is None
    active = fetcher or Fetcher(max_bytes=settings.max_input_bytes)
    done: list[WatchCycle] = []
    try:
        limit = 1 if once else cycles
        while limit is None or len(done) < limit:
            if done:
                sleep(interval)
            cycle = _poll(feeds, settings=settings, store=store, fetcher=active, options=options)
            update: UpdateSummary | None = None
            incidents = 0
            if cycle.ingest.new or store.pending_count() or store.unanalysed_ids():
                pipeline = pipeline or Pipeline(settings)
                analysis, update = update_pending(settings=settings, store=store, pipeline=pipeline)
                incidents = len(analysis.incidents) if analysis is not None else 0
            cycle = replace(cycle, update=update, incidents=incidents)
            done.append(cycle)
            if on_cycle is not None:
                on_cycle(cycle)
    finally:
        if own:
            active.close()
    return done


def _poll(
    feeds: Sequence[str],
    *,
    settings: Settings,
    store: SQLiteRepository,
    fetcher: Fetcher,
    options: ReadOptions | None,
) -> WatchCycle:
    summary = IngestSummary()
    unchanged: list[str] = []
    chosen = _skipping_known(options or ReadOptions(), store, summary)
    reader = BytesReader.from_settings(settings, fetcher=fetcher, options=chosen)
    for feed in feeds:
        if not is_url(feed):
            _store_outcomes(
                read_paths([feed], settings=settings, fetcher=fetcher, options=chosen),
                store=store,
                summary=summary,
                progress=None,
            )
            continue
        etag, modified = store.feed_validators(feed)
        try:
            response = fetcher.fetch(feed, etag=etag, last_modified=modified)
        except IngestError as exc:
            failure = model.IngestFailure(origin=feed, reason=exc.reason, format="feed", raw=getattr(exc, "raw", b""))
            _store_outcomes([failure], store=store, summary=summary, progress=None)
            continue
        if response.not_modified:
            unchanged.append(feed)
            continue
        fmt = format_from_url(response.url, response.content_type, formats=reader.tables.formats) or "feed"
        outcomes = reader.read(
            response.content,
            origin=feed,
            default_id=url_id(response.url),
            fmt=fmt,
            charset=response.charset,
            fetched=Fetch(url=response.url, retrieved=response.retrieved),
        )
        _store_outcomes(outcomes, store=store, summary=summary, progress=None)
        # Only now: a poll cut short must not leave the feed looking unchanged next time.
        store.save_feed_validators(feed, etag=response.etag, last_modified=response.last_modified)
    return WatchCycle(at=datetime.now(UTC), ingest=summary, unchanged_feeds=unchanged, update=None, incidents=0)


# --------------------------------------------------------------------------- quarantine


def list_failures(store: SQLiteRepository) -> list[QuarantinedInput]:
    return store.quarantine()


def retry_failures(
    ids: Sequence[int] | None,
    *,
    settings: Settings,
    store: SQLiteRepository,
    fetcher: Fetcher | None = None,
    options: ReadOptions | None = None,
    progress: Progress | None = None,
) -> RetrySummary:
    """Try failed inputs again (all, or those with these ids); raises NotFound for an unknown id.

    A URL is fetched again and a file read again (the whole input: its other records come
    back as duplicates); an input that is no longer there is read from its kept bytes; a
    report a stage failed on is queued again as it was. Whatever now reads goes to the
    pending list (run `update` to analyse it); what still fails keeps its row, with the new
    reason and one more attempt.
    """
    entries = store.quarantine(ids)
    if ids is not None:
        unknown = sorted(set(ids) - {e.id for e in entries})
        if unknown:
            raise NotFound(
                f"no failure with id {', '.join(map(str, unknown))} in {store.path}; `corroborator failed` lists them"
            )
    summary = RetrySummary()
    own = fetcher is None
    active = fetcher or Fetcher(max_bytes=settings.max_input_bytes)
    chosen = _skipping_known(options or ReadOptions(), store, summary.ingest)
    reader = BytesReader.from_settings(settings, fetcher=active, options=chosen)
    try:
        for entry in entries:
            outcomes = list(_reread(entry, reader=reader, settings=settings, options=chosen, fetcher=active))
            again = next((o for o in outcomes if isinstance(o, model.IngestFailure) and o.origin == entry.origin), None)
            others = [o for o in outcomes if o is not again]
            _store_outcomes(others, store=store, summary=summary.ingest, progress=None)
            store.replace_failure(entry.id, again)
            summary.outcomes.append(RetryOutcome(entry=entry, failure=again))
            if progress is not None:
                progress(entry.origin)
    finally:
        if own:
            active.close()
    return summary


def _reread(
    entry: QuarantinedInput,
    *,
    reader: BytesReader,
    settings: Settings,
    options: ReadOptions,
    fetcher: Fetcher,
) -> Iterator[model.Report | model.IngestFailure]:
    if entry.format == REPORT_FORMAT:
        yield from _requeue_report(entry)
        return
    if entry.format == ENTRY_FORMAT:
        yield from _refetch_entry(entry, reader=reader)
        return
    source = source_to_reread(entry.origin)
    if source is not None:
        yield from read_paths([source], settings=settings, fetcher=fetcher, options=options)
        return
    fmt = entry.format if entry.format in FORMATS else None
    yield from reader.read(entry.raw, origin=entry.origin, default_id=default_id_for(entry.origin), fmt=fmt)


def _requeue_report(entry: QuarantinedInput) -> Iterator[model.Report | model.IngestFailure]:
    try:
        yield model.Report.model_validate_json(entry.raw)
    except ValueError as exc:
        yield entry.as_failure().model_copy(update={"reason": f"the kept report cannot be read back ({exc})"})


def _refetch_entry(entry: QuarantinedInput, *, reader: BytesReader) -> Iterator[model.Report | model.IngestFailure]:
    try:
        feed_entry = FeedEntry.from_json(entry.raw, origin=entry.origin)
        report = entry_report(feed_entry, origin=entry.origin, dates=reader.dates, load_page=reader.load_page)
    except IngestError as exc:
        yield model.IngestFailure(origin=entry.origin, reason=exc.reason, format=ENTRY_FORMAT, raw=entry.raw)
        return
    yield reader.finish(report)


def failure_record(entry: QuarantinedInput) -> dict[str, object]:
    """A kept failure as JSON-ready data: the raw bytes (possibly binary) as their size."""
    return {
        "id": entry.id,
        "origin": entry.origin,
        "reason": entry.reason,
        "format": entry.format,
        "bytes": len(entry.raw),
        "attempts": entry.attempts,
        "added_at": entry.added_at,
        "last_tried": entry.last_tried,
    }

"""The one repository interface every backend implements (SQLite now, PostgreSQL next).

The analysis code never sees SQL: it hands the store reports, failures and analyses, and
asks for them back as model records. Identity rules live here, not in the backends:

- a report is identified by its content hash, so adding the same input twice is a no-op;
  a different text under an id already taken gets a suffixed id, never overwrites;
- a report ingested without analysis waits in a pending list under the same identity
  rules, and moves to the analysed reports atomically when `update` extracts it;
- a failed input is kept with its reason and raw bytes (quarantine) until a retry reads it;
- an incident keeps its id while any of its frames persist (the new cluster sharing most
  frames with an old incident inherits its id), and gains a revision with a one-line
  summary whenever its content changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from corroborator import model


@dataclass(frozen=True, kw_only=True)
class PendingResult:
    """What keeping one ingested report did: its id, and whether it was new (not a duplicate)."""

    id: str
    new: bool


@dataclass(frozen=True, kw_only=True)
class PendingReport:
    """A report ingested and waiting for `update`; `seq` orders them, `content_hash` is its
    identity as ingested (before any id suffix)."""

    seq: int
    content_hash: str
    report: model.Report


@dataclass(frozen=True, kw_only=True)
class QuarantinedInput:
    """A kept failure: the input (raw bytes), why it failed, how often it was tried."""

    id: int
    origin: str
    reason: str
    format: str | None
    raw: bytes
    attempts: int
    added_at: str
    last_tried: str | None

    def as_failure(self) -> model.IngestFailure:
        return model.IngestFailure(origin=self.origin, reason=self.reason, format=self.format, raw=self.raw)


@dataclass(frozen=True)
class AddResult:
    """What adding reports did: new ids stored, duplicates skipped (by content hash)."""

    added: tuple[str, ...] = ()
    duplicates: tuple[str, ...] = ()
    renamed: dict[str, str] = field(default_factory=dict)


class Repository(Protocol):
    def close(self) -> None: ...

    # reports
    def known_hash(self, content_hash: str) -> str | None: ...
    def add_extracted(self, report: model.ExtractedReport) -> str: ...
    def extracted(self, report_ids: Iterable[str] | None = None) -> list[model.ExtractedReport]: ...
    def report_ids(self) -> list[str]: ...

    # failures (quarantine)
    def add_failure(self, failure: model.IngestFailure) -> bool: ...
    def failures(self) -> list[model.IngestFailure]: ...

    # incremental ingest: reports kept for a later `update`
    def add_pending(self, report: model.Report, *, entry_key: str | None = None) -> PendingResult: ...
    def pending(self, *, limit: int | None = None) -> list[PendingReport]: ...
    def pending_count(self) -> int: ...
    def complete_pending(self, pending: PendingReport, extracted: model.ExtractedReport) -> str: ...
    def fail_pending(self, pending: PendingReport, failure: model.IngestFailure) -> int: ...
    def unanalysed_ids(self) -> list[str]: ...

    # quarantine with ids, for `failed` and `retry`
    def keep_failure(self, failure: model.IngestFailure) -> int: ...
    def quarantine(self, ids: Sequence[int] | None = None) -> list[QuarantinedInput]: ...
    def replace_failure(self, failure_id: int, failure: model.IngestFailure | None) -> int | None: ...

    # feeds already polled
    def entry_seen(self, entry_key: str) -> bool: ...
    def feed_validators(self, feed: str) -> tuple[str | None, str | None]: ...
    def save_feed_validators(self, feed: str, *, etag: str | None, last_modified: str | None) -> None: ...

    # analyses
    def save_analysis(self, analysis: model.Analysis) -> model.Analysis: ...
    def incidents(self) -> list[model.Incident]: ...
    def incident(self, incident_id: str) -> model.Incident: ...
    def outcomes(self, report_ids: Sequence[str] | None = None) -> list[model.ReportOutcome]: ...

"""The one repository interface every backend implements (SQLite now, PostgreSQL next).

The analysis code never sees SQL: it hands the store reports, failures and analyses, and
asks for them back as model records. Identity rules live here, not in the backends:

- a report is identified by its content hash, so adding the same input twice is a no-op;
  a different text under an id already taken gets a suffixed id, never overwrites;
- an incident keeps its id while any of its frames persist (the new cluster sharing most
  frames with an old incident inherits its id), and gains a revision with a one-line
  summary whenever its content changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from corroborator import model


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

    # analyses
    def save_analysis(self, analysis: model.Analysis) -> model.Analysis: ...
    def incidents(self) -> list[model.Incident]: ...
    def incident(self, incident_id: str) -> model.Incident: ...
    def outcomes(self, report_ids: Sequence[str] | None = None) -> list[model.ReportOutcome]: ...

"""The embedded SQLite backend: one file, no service to run.

Every write is a transaction: a report with its extraction, a failure, a whole analysis.
Killing the process mid-batch therefore leaves whole reports or none, and the next run
skips what is already stored (by content hash). The schema is versioned with
`PRAGMA user_version`; migrations in `store/migrations/` are applied in order on open.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from corroborator import __version__, model
from corroborator.errors import NotFound, SchemaVersionError, StoreError
from corroborator.store.repository import PendingReport, PendingResult, QuarantinedInput


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("corroborator.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text("utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(v for v, _ in _migrations())


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteRepository:
    """Repository on one SQLite file (see store/repository.py for the rules)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(
                f"cannot open database {self.path}: {exc}; check the path and permissions"
            ) from exc
        self._db.row_factory = sqlite3.Row
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL survives a killed process (each committed report stays);
            # only a power cut can lose the last commits. About ten times faster per report.
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA busy_timeout = 30000")
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(
                f"{self.path} is not a corroborator database ({exc}); choose another --db"
            ) from exc
        self._migrate()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteRepository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _migrate(self) -> None:
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a corroborator database ({exc})") from exc
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path} was written by a newer corroborator (schema {version}, this one knows "
                f"{SCHEMA_VERSION}); upgrade corroborator or use another --db"
            )
        for number, script in _migrations():
            if number <= version:
                continue
            with self._transaction() as db:
                for statement in _statements(script):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------------ reports

    def known_hash(self, content_hash: str) -> str | None:
        row = self._db.execute(
            "SELECT id FROM reports WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return None if row is None else str(row["id"])

    def resolve(self, report: model.Report) -> tuple[bool, model.Report]:
        """(is_new, report): a duplicate by content is not new; a taken id gets a suffix."""
        existing = self.known_hash(report.content_hash)
        if existing is not None:
            return False, report.model_copy(update={"id": existing})
        row = self._db.execute(
            "SELECT content_hash FROM reports WHERE id = ? UNION ALL "
            "SELECT content_hash FROM pending_reports WHERE id = ? AND content_hash != ?",
            (report.id, report.id, report.content_hash),
        ).fetchone()
        if row is None:
            return True, report
        renamed = f"{report.id}~{report.content_hash[:8]}"
        return True, report.model_copy(update={"id": renamed})

    def is_current(self, report_id: str) -> bool:
        """Whether the stored extraction was made by this corroborator version."""
        row = self._db.execute("SELECT pipeline FROM reports WHERE id = ?", (report_id,)).fetchone()
        return row is not None and row["pipeline"] == __version__

    def add_extracted(self, report: model.ExtractedReport) -> str:
        source = report.normalised.report
        with self._transaction() as db:
            _insert_report(db, report, content_hash=source.content_hash)
            # The same report waiting for `update` (ingested, then analysed directly) is done.
            db.execute("DELETE FROM pending_reports WHERE content_hash = ?", (source.content_hash,))
        return source.id

    def stored_report(self, report_id: str) -> model.Report:
        row = self._db.execute(
            "SELECT extracted_json FROM reports WHERE id = ?", (report_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no report {report_id!r} in {self.path}")
        data = json.loads(row["extracted_json"])
        return model.Report.model_validate(data["normalised"]["report"])

    def extracted(self, report_ids: Iterable[str] | None = None) -> list[model.ExtractedReport]:
        if report_ids is None:
            rows = self._db.execute("SELECT id, extracted_json FROM reports ORDER BY id").fetchall()
        else:
            wanted = list(report_ids)
            rows = [
                r
                for rid in wanted
                for r in self._db.execute(
                    "SELECT id, extracted_json FROM reports WHERE id = ?", (rid,)
                ).fetchall()
            ]
        out = []
        for row in rows:
            try:
                out.append(model.ExtractedReport.model_validate_json(row["extracted_json"]))
            except ValidationError as exc:
                raise StoreError(
                    f"report {row['id']!r} in {self.path} was stored by an incompatible corroborator; "
                    f"re-run `corroborator analyze` on its file to re-extract it ({exc.error_count()} errors)"
                ) from exc
        return out

    def report_ids(self) -> list[str]:
        return [str(r["id"]) for r in self._db.execute("SELECT id FROM reports ORDER BY id")]

    # ------------------------------------------------------------------ failures

    def add_failure(self, failure: model.IngestFailure) -> bool:
        """Keep a failed input with its reason; False when the same input is already kept."""
        digest = hashlib.sha256(failure.origin.encode() + b"\x1f" + failure.raw).hexdigest()
        with self._transaction() as db:
            cursor = db.execute(
                """INSERT INTO failures (origin, reason, format, raw, content_hash, added_at)
                   VALUES (?,?,?,?,?,?) ON CONFLICT(content_hash) DO UPDATE SET reason = excluded.reason""",
                (failure.origin, failure.reason, failure.format, failure.raw, digest, _now()),
            )
        return cursor.rowcount > 0

    def failures(self) -> list[model.IngestFailure]:
        rows = self._db.execute(
            "SELECT origin, reason, format, raw FROM failures ORDER BY id"
        ).fetchall()
        return [
            model.IngestFailure(
                origin=r["origin"], reason=r["reason"], format=r["format"], raw=bytes(r["raw"])
            )
            for r in rows
        ]

    # ------------------------------------------------------------------ analyses

    def save_analysis(self, analysis: model.Analysis) -> model.Analysis:
        """Store an analysis of every stored report, keeping incident ids and revisions."""
        with self._transaction() as db:
            old_frames = {
                r["frame_id"]: r["incident_id"]
                for r in db.execute("SELECT frame_id, incident_id FROM incident_frames")
            }
            old = {
                r["id"]: r
                for r in db.execute("SELECT id, revision, content_hash, created_at FROM incidents")
            }
            assigned = self._assign_ids(db, analysis.incidents, old_frames)
            # The analysis is the whole current state: frames are re-assigned from scratch,
            # so a frame moving between incidents never collides with its old row.
            db.execute("DELETE FROM incident_frames")
            now = _now()
            incidents: list[model.Incident] = []
            for incident in analysis.incidents:
                new_id = assigned[incident.id]
                content = _content_hash(incident)
                previous = old.get(new_id)
                history = [
                    model.Revision(
                        number=r["revision"],
                        at=datetime.fromisoformat(r["at"]),
                        summary=r["summary"],
                    )
                    for r in db.execute(
                        "SELECT revision, at, summary FROM incident_history "
                        "WHERE incident_id = ? ORDER BY revision",
                        (new_id,),
                    )
                ]
                if previous is None:
                    revision, created = 1, now
                    history = [
                        model.Revision(number=1, at=datetime.fromisoformat(now), summary="created")
                    ]
                elif previous["content_hash"] == content:
                    revision, created = int(previous["revision"]), previous["created_at"]
                else:
                    revision, created = int(previous["revision"]) + 1, previous["created_at"]
                    before = self._load_incident(db, new_id)
                    history.append(
                        model.Revision(
                            number=revision,
                            at=datetime.fromisoformat(now),
                            summary=_change_summary(before, incident),
                        )
                    )
                final = incident.model_copy(
                    update={"id": new_id, "revision": revision, "history": tuple(history)}
                )
                incidents.append(final)
                self._write_incident(
                    db,
                    final,
                    content,
                    created,
                    now,
                    changed=previous is None or previous["content_hash"] != content,
                )
            kept = {i.id for i in incidents}
            for stale in set(old) - kept:
                db.execute("UPDATE incidents SET active = 0 WHERE id = ?", (stale,))
                db.execute("DELETE FROM incident_frames WHERE incident_id = ?", (stale,))
                db.execute("DELETE FROM incident_reports WHERE incident_id = ?", (stale,))
                db.execute("DELETE FROM claims WHERE incident_id = ?", (stale,))
            outcomes = [_remap_outcome(o, assigned) for o in analysis.reports]
            for outcome in outcomes:
                db.execute(
                    "INSERT INTO report_outcomes (report_id, outcome_json) VALUES (?, ?) "
                    "ON CONFLICT(report_id) DO UPDATE SET outcome_json = excluded.outcome_json",
                    (outcome.id, outcome.model_dump_json()),
                )
        return analysis.model_copy(
            update={"incidents": tuple(incidents), "reports": tuple(outcomes)}
        )

    def _assign_ids(
        self,
        db: sqlite3.Connection,
        incidents: Sequence[model.Incident],
        old_frames: dict[str, str],
    ) -> dict[str, str]:
        """Each new incident inherits the id of the old one it shares most frames with."""
        overlaps: list[tuple[int, str, str]] = []
        for incident in incidents:
            counts: dict[str, int] = {}
            for frame in incident.frame_ids:
                if frame in old_frames:
                    counts[old_frames[frame]] = counts.get(old_frames[frame], 0) + 1
            overlaps.extend((n, incident.id, old_id) for old_id, n in counts.items())
        assigned: dict[str, str] = {}
        taken: set[str] = set()
        for _, new, old_id in sorted(overlaps, key=lambda o: (-o[0], o[1], o[2])):
            if new not in assigned and old_id not in taken:
                assigned[new] = old_id
                taken.add(old_id)
        for incident in incidents:
            if incident.id not in assigned:
                assigned[incident.id] = self._next_id(db)
        return assigned

    @staticmethod
    def _next_id(db: sqlite3.Connection) -> str:
        db.execute(
            "INSERT INTO counters (name, value) VALUES ('incident', 1) "
            "ON CONFLICT(name) DO UPDATE SET value = value + 1"
        )
        value = db.execute("SELECT value FROM counters WHERE name = 'incident'").fetchone()[0]
        return f"INC-{int(value):04d}"

    @staticmethod
    def _write_incident(
        db: sqlite3.Connection,
        incident: model.Incident,
        content: str,
        created: str,
        now: str,
        *,
        changed: bool,
    ) -> None:
        place = incident.place
        db.execute(
            """INSERT INTO incidents (id, revision, label, event_type, sub_event_type, start_time, end_time,
               place, country, grade, content_hash, incident_json, created_at, updated_at, active)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)
               ON CONFLICT(id) DO UPDATE SET revision = excluded.revision, label = excluded.label,
               event_type = excluded.event_type, sub_event_type = excluded.sub_event_type,
               start_time = excluded.start_time, end_time = excluded.end_time, place = excluded.place,
               country = excluded.country, grade = excluded.grade, content_hash = excluded.content_hash,
               incident_json = excluded.incident_json, active = 1,
               updated_at = CASE WHEN incidents.content_hash = excluded.content_hash
                            THEN incidents.updated_at ELSE excluded.updated_at END""",
            (
                incident.id,
                incident.revision,
                incident.label,
                incident.event_type,
                incident.sub_event_type,
                incident.time.start.isoformat() if incident.time else None,
                incident.time.end.isoformat() if incident.time else None,
                place.name if place else None,
                place.country_code if place else None,
                incident.grade.level.value,
                content,
                incident.model_dump_json(),
                created,
                now,
            ),
        )
        if changed:
            last = incident.history[-1]
            db.execute(
                "INSERT OR REPLACE INTO incident_history (incident_id, revision, at, summary) VALUES (?,?,?,?)",
                (incident.id, last.number, last.at.isoformat(), last.summary),
            )
        db.executemany(
            "INSERT INTO incident_frames (frame_id, incident_id) VALUES (?, ?)",
            [(f, incident.id) for f in incident.frame_ids],
        )
        db.execute("DELETE FROM incident_reports WHERE incident_id = ?", (incident.id,))
        db.executemany(
            "INSERT INTO incident_reports (incident_id, report_id, is_primary) VALUES (?,?,?)",
            [(incident.id, r, int(r in incident.primary_of)) for r in incident.report_ids],
        )
        db.execute("DELETE FROM claims WHERE incident_id = ?", (incident.id,))
        db.executemany(
            """INSERT INTO claims (id, incident_id, report_id, attribute, value_json, stance, source_key,
               source_name, source_kind, affiliation, evidence_start, evidence_end, evidence_text)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            [
                (
                    c.id,
                    incident.id,
                    c.report_id,
                    c.attribute.value,
                    json.dumps(c.value.model_dump(mode="json")),
                    c.stance.value,
                    c.source.key,
                    c.source.name,
                    c.source.kind.value,
                    c.source.affiliation,
                    c.evidence.start,
                    c.evidence.end,
                    c.evidence.text,
                )
                for c in incident.claims
            ],
        )

    @staticmethod
    def _load_incident(db: sqlite3.Connection, incident_id: str) -> model.Incident | None:
        row = db.execute(
            "SELECT incident_json FROM incidents WHERE id = ?", (incident_id,)
        ).fetchone()
        if row is None:
            return None
        try:
            return model.Incident.model_validate_json(row["incident_json"])
        except ValidationError:
            return None

    def incidents(self) -> list[model.Incident]:
        rows = self._db.execute(
            "SELECT incident_json FROM incidents WHERE active = 1 "
            "ORDER BY start_time IS NULL, start_time, id"
        ).fetchall()
        return [model.Incident.model_validate_json(r["incident_json"]) for r in rows]

    def incident(self, incident_id: str) -> model.Incident:
        found = self._load_incident(self._db, incident_id)
        if found is None:
            raise NotFound(
                f"no incident {incident_id!r} in {self.path}; `corroborator incidents` lists them"
            )
        return found

    def outcomes(self, report_ids: Sequence[str] | None = None) -> list[model.ReportOutcome]:
        rows = self._db.execute(
            "SELECT report_id, outcome_json FROM report_outcomes ORDER BY report_id"
        ).fetchall()
        wanted = set(report_ids) if report_ids is not None else None
        return [
            model.ReportOutcome.model_validate_json(r["outcome_json"])
            for r in rows
            if wanted is None or r["report_id"] in wanted
        ]

    # ------------------------------------------------------------------ incremental ingest

    def add_pending(self, report: model.Report, *, entry_key: str | None = None) -> PendingResult:
        """Keep an ingested report for a later `update`, in one transaction of its own.

        A report whose content is stored already (analysed or pending) is a duplicate; a
        different report under a taken id gets a suffixed id. `entry_key` marks a feed
        entry as seen. Failures kept for the same origin are resolved (deleted): the input
        now reads.
        """
        digest = report.content_hash
        with self._transaction() as db:
            found = db.execute(
                "SELECT id FROM reports WHERE content_hash = ? UNION ALL "
                "SELECT id FROM pending_reports WHERE content_hash = ?",
                (digest, digest),
            ).fetchone()
            if found is not None:
                result = PendingResult(id=str(found["id"]), new=False)
            else:
                stored = report
                if self._id_taken(db, report.id):
                    stored = report.model_copy(update={"id": f"{report.id}~{digest[:8]}"})
                db.execute(
                    "INSERT INTO pending_reports (id, content_hash, origin, report_json, added_at) "
                    "VALUES (?,?,?,?,?)",
                    (stored.id, digest, stored.origin, stored.model_dump_json(), _now()),
                )
                result = PendingResult(id=stored.id, new=True)
            if entry_key is not None:
                db.execute(
                    "INSERT INTO feed_entries (entry_key, report_id, seen_at) VALUES (?,?,?) "
                    "ON CONFLICT(entry_key) DO NOTHING",
                    (entry_key, result.id, _now()),
                )
            db.execute("DELETE FROM failures WHERE origin = ?", (report.origin,))
        return result

    @staticmethod
    def _id_taken(db: sqlite3.Connection, report_id: str) -> bool:
        row = db.execute(
            "SELECT 1 FROM reports WHERE id = ? UNION ALL SELECT 1 FROM pending_reports WHERE id = ?",
            (report_id, report_id),
        ).fetchone()
        return row is not None

    def pending(self, *, limit: int | None = None) -> list[PendingReport]:
        """Reports waiting for `update`, oldest first."""
        rows = self._db.execute(
            "SELECT seq, content_hash, report_json FROM pending_reports ORDER BY seq LIMIT ?",
            (-1 if limit is None else limit,),
        ).fetchall()
        out = []
        for row in rows:
            try:
                report = model.Report.model_validate_json(row["report_json"])
            except ValidationError as exc:
                raise StoreError(
                    f"pending report #{row['seq']} in {self.path} was stored by an incompatible corroborator "
                    f"({exc.error_count()} errors); ingest its input again"
                ) from exc
            out.append(PendingReport(seq=int(row["seq"]), content_hash=str(row["content_hash"]), report=report))
        return out

    def pending_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM pending_reports").fetchone()[0])

    def complete_pending(self, pending: PendingReport, extracted: model.ExtractedReport) -> str:
        """Store a pending report's extraction and take it off the pending list, atomically.

        The stored content hash is the one the report was ingested under (before any id
        suffix), so ingesting the same input again is still recognised as a duplicate.
        """
        report = extracted
        with self._transaction() as db:
            source = extracted.normalised.report
            row = db.execute("SELECT content_hash FROM reports WHERE id = ?", (source.id,)).fetchone()
            if row is not None and row["content_hash"] != pending.content_hash:
                # Another report took the id while this one waited (`analyze` of other files).
                renamed = source.model_copy(update={"id": f"{source.id}~{pending.content_hash[:8]}"})
                report = extracted.model_copy(
                    update={"normalised": extracted.normalised.model_copy(update={"report": renamed})}
                )
            _insert_report(db, report, content_hash=pending.content_hash)
            db.execute("DELETE FROM pending_reports WHERE seq = ?", (pending.seq,))
        return report.normalised.report.id

    def fail_pending(self, pending: PendingReport, failure: model.IngestFailure) -> int:
        """Move a pending report that a stage could not process to the quarantine, atomically."""
        with self._transaction() as db:
            failure_id = self._upsert_failure(db, failure)
            db.execute("DELETE FROM pending_reports WHERE seq = ?", (pending.seq,))
        return failure_id

    def unanalysed_ids(self) -> list[str]:
        """Stored reports that no saved analysis covers yet (an `update` cut short)."""
        rows = self._db.execute(
            "SELECT id FROM reports WHERE id NOT IN (SELECT report_id FROM report_outcomes) ORDER BY id"
        )
        return [str(r["id"]) for r in rows]

    # ------------------------------------------------------------------ quarantine

    def keep_failure(self, failure: model.IngestFailure) -> int:
        """Quarantine a failed input (its id); the same input failing again counts an attempt."""
        with self._transaction() as db:
            return self._upsert_failure(db, failure)

    @staticmethod
    def _upsert_failure(db: sqlite3.Connection, failure: model.IngestFailure, *, attempts: int = 1) -> int:
        digest = hashlib.sha256(failure.origin.encode() + b"\x1f" + failure.raw).hexdigest()
        now = _now()
        db.execute(
            """INSERT INTO failures (origin, reason, format, raw, content_hash, added_at, attempts, last_tried)
               VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(content_hash) DO UPDATE SET reason = excluded.reason,
               format = excluded.format, attempts = failures.attempts + excluded.attempts,
               last_tried = excluded.last_tried""",
            (failure.origin, failure.reason, failure.format, failure.raw, digest, now, attempts, now),
        )
        return int(db.execute("SELECT id FROM failures WHERE content_hash = ?", (digest,)).fetchone()[0])

    def quarantine(self, ids: Sequence[int] | None = None) -> list[QuarantinedInput]:
        """Kept failures, oldest first (all, or those with these ids), raw bytes included."""
        rows = self._db.execute(
            "SELECT id, origin, reason, format, raw, attempts, added_at, last_tried FROM failures ORDER BY id"
        ).fetchall()
        wanted = set(ids) if ids is not None else None
        return [
            QuarantinedInput(
                id=int(r["id"]),
                origin=r["origin"],
                reason=r["reason"],
                format=r["format"],
                raw=bytes(r["raw"]),
                attempts=int(r["attempts"]),
                added_at=r["added_at"],
                last_tried=r["last_tried"],
            )
            for r in rows
            if wanted is None or int(r["id"]) in wanted
        ]

    def replace_failure(self, failure_id: int, failure: model.IngestFailure | None) -> int | None:
        """After a retry: the input's new failure (one more attempt), or None when it now reads."""
        with self._transaction() as db:
            row = db.execute("SELECT attempts FROM failures WHERE id = ?", (failure_id,)).fetchone()
            db.execute("DELETE FROM failures WHERE id = ?", (failure_id,))
            if failure is None:
                return None
            attempts = (int(row["attempts"]) if row is not None else 0) + 1
            return self._upsert_failure(db, failure, attempts=attempts)

    # ------------------------------------------------------------------ feeds

    def entry_seen(self, entry_key: str) -> bool:
        row = self._db.execute("SELECT 1 FROM feed_entries WHERE entry_key = ?", (entry_key,)).fetchone()
        return row is not None

    def feed_validators(self, feed: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) of the feed's last fetch, for a conditional request."""
        row = self._db.execute("SELECT etag, last_modified FROM feed_state WHERE feed = ?", (feed,)).fetchone()
        return (None, None) if row is None else (row["etag"], row["last_modified"])

    def save_feed_validators(self, feed: str, *, etag: str | None, last_modified: str | None) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT INTO feed_state (feed, etag, last_modified, checked_at) VALUES (?,?,?,?) "
                "ON CONFLICT(feed) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
                "checked_at = excluded.checked_at",
                (feed, etag, last_modified, _now()),
            )


def _insert_report(db: sqlite3.Connection, report: model.ExtractedReport, *, content_hash: str) -> None:
    """Insert (or re-extract) one analysed report; the caller holds the transaction."""
    source = report.normalised.report
    db.execute(
        """INSERT INTO reports (id, content_hash, origin, outlet, url, title, published, format,
           raw_text, text, extracted_json, pipeline, added_at)
           VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
           ON CONFLICT(id) DO UPDATE SET extracted_json = excluded.extracted_json,
           pipeline = excluded.pipeline, text = excluded.text""",
        (
            source.id,
            content_hash,
            source.origin,
            source.outlet,
            source.url,
            source.title,
            source.published,
            source.format,
            source.text,
            report.normalised.text,
            report.model_dump_json(),
            __version__,
            _now(),
        ),
    )


def _statements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _content_hash(incident: model.Incident) -> str:
    data = incident.model_dump(mode="json", exclude={"id", "revision", "history"})
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _change_summary(before: model.Incident | None, after: model.Incident) -> str:
    if before is None:
        return "updated"
    changes = []
    added = sorted(set(after.report_ids) - set(before.report_ids))
    removed = sorted(set(before.report_ids) - set(after.report_ids))
    if added:
        changes.append("reports added: " + ", ".join(added))
    if removed:
        changes.append("reports removed: " + ", ".join(removed))
    old_values = {f.attribute: f.value for f in before.facts}
    for fact in after.facts:
        if old_values.get(fact.attribute) != fact.value:
            changes.append(f"{fact.attribute.value} changed")
    if before.grade.level != after.grade.level:
        changes.append(f"grade {before.grade.level.value} → {after.grade.level.value}")
    return "; ".join(changes) or "details revised"


def _remap_outcome(outcome: model.ReportOutcome, assigned: dict[str, str]) -> model.ReportOutcome:
    return outcome.model_copy(
        update={
            "primary_incident": assigned.get(
                outcome.primary_incident or "", outcome.primary_incident
            ),
            "incident_ids": tuple(assigned.get(i, i) for i in outcome.incident_ids),
        }
    )

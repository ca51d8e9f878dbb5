"""The SQLite store: transactions, idempotence, stable incident ids and revisions."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from corroborator import model
from corroborator.errors import NotFound, SchemaVersionError, StoreError
from corroborator.store.sqlite import SCHEMA_VERSION, SQLiteRepository


def report(rid: str, text: str = "Drones attacked the port.") -> model.Report:
    return model.Report(id=rid, text=text, origin=f"{rid}.txt")


def extracted(
    rid: str, frames: int = 1, text: str = "Drones attacked the port."
) -> model.ExtractedReport:
    normalised = model.NormalisedReport(
        report=report(rid, text),
        text=text,
        paragraphs=(model.Paragraph(start=0, end=len(text)),),
        publication=model.PublicationTime(),
    )
    mention = model.EventMention(
        id=f"{rid}:e1",
        trigger=normalised.span(7, 15),
        sentence=normalised.span(0, len(text)),
        lemma="attack",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
    )
    return model.ExtractedReport(
        normalised=normalised,
        frames=tuple(
            model.Frame(
                id=f"{rid}#f{n}",
                report_id=rid,
                event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike",
                mentions=(mention,),
            )
            for n in range(1, frames + 1)
        ),
    )


def incident(provisional: str, frames: tuple[str, ...], label: str = "strike") -> model.Incident:
    reports = tuple(sorted({f.split("#")[0] for f in frames}))
    return model.Incident(
        id=provisional,
        label=label,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        report_ids=reports,
        frame_ids=frames,
        grade=model.Grade(level=model.GradeLevel.SINGLE_SOURCE, reason="one source"),
    )


def analysis(*incidents: model.Incident) -> model.Analysis:
    return model.Analysis(reports=(), incidents=incidents)


@pytest.fixture()
def store(tmp_path: Path) -> SQLiteRepository:
    repository = SQLiteRepository(tmp_path / "c.db")
    for rid in ("a", "b", "z"):
        repository.add_extracted(extracted(rid, text=f"Drones attacked the port of {rid}."))
    return repository


def test_sqlite_creates_versioned_schema(store: SQLiteRepository) -> None:
    assert store.schema_version == SCHEMA_VERSION >= 1


def test_sqlite_same_content_is_a_duplicate(store: SQLiteRepository) -> None:
    store.add_extracted(extracted("r1"))
    is_new, again = store.resolve(report("r1"))
    assert not is_new and again.id == "r1"


def test_sqlite_different_content_under_taken_id_gets_new_id(store: SQLiteRepository) -> None:
    store.add_extracted(extracted("r1"))
    is_new, other = store.resolve(report("r1", "A different text."))
    assert is_new and other.id.startswith("r1~")


def test_sqlite_extracted_reports_round_trip(store: SQLiteRepository) -> None:
    original = extracted("r1", frames=2)
    store.add_extracted(original)
    assert store.extracted(["r1"]) == [original]


def test_sqlite_incident_ids_are_sequential_and_stable(store: SQLiteRepository) -> None:
    first = store.save_analysis(analysis(incident("p1", ("a#f1",)), incident("p2", ("b#f1",))))
    assert sorted(i.id for i in first.incidents) == ["INC-0001", "INC-0002"]
    # the same clusters again, under other provisional ids: same ids, no new revision
    again = store.save_analysis(analysis(incident("x", ("a#f1",)), incident("y", ("b#f1",))))
    assert {i.frame_ids: (i.id, i.revision) for i in again.incidents} == {
        i.frame_ids: (i.id, 1) for i in first.incidents
    }


def test_sqlite_incident_keeps_id_and_gains_revision_when_a_report_joins(
    store: SQLiteRepository,
) -> None:
    (before,) = store.save_analysis(analysis(incident("p", ("a#f1",)))).incidents
    (after,) = store.save_analysis(
        analysis(incident("q", ("a#f1", "b#f1"), label="strike, two reports"))
    ).incidents
    assert after.id == before.id and after.revision == 2
    assert "reports added: b" in after.history[-1].summary
    assert store.incident(after.id).revision == 2


def test_sqlite_merged_incident_retires_the_other_id(store: SQLiteRepository) -> None:
    store.save_analysis(analysis(incident("p", ("a#f1",)), incident("q", ("b#f1",))))
    (merged,) = store.save_analysis(analysis(incident("r", ("a#f1", "b#f1")))).incidents
    assert [i.id for i in store.incidents()] == [merged.id]


def test_sqlite_failures_are_kept_once_with_raw_bytes(store: SQLiteRepository) -> None:
    failure = model.IngestFailure(origin="bad.bin", reason="binary input", raw=b"\x00\x01")
    assert store.add_failure(failure)
    store.add_failure(failure)
    (kept,) = store.failures()
    assert (kept.origin, kept.raw) == ("bad.bin", b"\x00\x01")


def test_sqlite_unknown_incident_is_not_found(store: SQLiteRepository) -> None:
    with pytest.raises(NotFound, match="corroborator incidents"):
        store.incident("INC-9999")


def test_sqlite_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    SQLiteRepository(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaVersionError, match="newer corroborator"):
        SQLiteRepository(path)


def test_sqlite_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not SQLite pages " * 100)
    with pytest.raises(StoreError, match="not a corroborator database"):
        SQLiteRepository(path)


def test_sqlite_failed_transaction_leaves_nothing(store: SQLiteRepository) -> None:
    bad = incident("p", ("a#f1",)).model_copy(
        update={"history": (model.Revision(number=1, at=datetime(2024, 1, 1), summary="x"),)}
    )
    store.save_analysis(analysis(bad))
    before = [i.model_dump() for i in store.incidents()]
    with pytest.raises(sqlite3.IntegrityError):
        # two incidents claiming the same frame violate the frame key inside one transaction
        store.save_analysis(
            analysis(incident("q", ("a#f1",)), incident("r", ("z#f1",)), incident("s", ("a#f1",)))
        )
    assert [i.model_dump() for i in store.incidents()] == before

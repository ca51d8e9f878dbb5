"""Killing a real `corroborator` process mid-batch loses nothing and doubles nothing.

Each test starts the command in a subprocess on a generated batch, waits until part of
it is stored, kills it with SIGKILL (no clean-up runs), runs it again, and checks that
every report is stored exactly once and the database is intact.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

TOWNS = ["Kherson", "Odesa", "Mykolaiv", "Zaporizhzhia", "Sumy", "Kharkiv", "Dnipro", "Poltava"]
# Generous bound on waiting for the first rows: the check is about what is stored, not speed.
WAIT_SECONDS = 300


def write_batch(folder: Path, *, files: int, per_file: int) -> set[str]:
    """JSON Lines files of distinct short reports; returns their ids."""
    folder.mkdir()
    ids = set()
    for f in range(files):
        lines = []
        for n in range(per_file):
            rid = f"gen-{f:03d}-{n:03d}"
            town = TOWNS[(f + n) % len(TOWNS)]
            text = f"Report {rid}: air defence shot down {n % 9 + 1} drones over {town} on night {f}, officials said."
            lines.append(json.dumps({"id": rid, "outlet": f"Outlet {f % 5}", "text": text}))
            ids.add(rid)
        (folder / f"part-{f:03d}.jsonl").write_text("\n".join(lines) + "\n")
    return ids


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "corroborator.serve.cli", *args]


def count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created or not migrated yet


def kill_when(process: subprocess.Popen[bytes], db: Path, table: str, *, at_least: int) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while count(db, table) < at_least and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def test_kill_safety_ingest_killed_midway_then_rerun_stores_every_report_once(tmp_path: Path) -> None:
    expected = write_batch(tmp_path / "batch", files=15, per_file=100)
    db = tmp_path / "kill.db"
    run = command("ingest", str(tmp_path / "batch"), "--db", str(db), "--no-progress")

    process = subprocess.Popen(run, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kill_when(process, db, "pending_reports", at_least=100)
    partial = count(db, "pending_reports")
    assert process.returncode == -signal.SIGKILL
    assert 0 < partial < len(expected), "the kill should land in the middle of the batch"

    again = subprocess.run(run, capture_output=True, text=True, check=True)
    assert f"{len(expected) - partial} new, {partial} duplicate, 0 failed" in again.stderr
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT id, content_hash FROM pending_reports").fetchall()
    assert sorted(rid for rid, _ in rows) == sorted(expected)
    assert len({digest for _, digest in rows}) == len(expected)
    assert integrity(db) == "ok"


def test_kill_safety_update_killed_midway_then_rerun_analyses_every_report_once(tmp_path: Path) -> None:
    expected = write_batch(tmp_path / "batch", files=3, per_file=40)
    db = tmp_path / "kill.db"
    subprocess.run(command("ingest", str(tmp_path / "batch"), "--db", str(db)), capture_output=True, check=True)
    run = command("update", "--db", str(db), "--no-progress", "--format", "json")

    process = subprocess.Popen(run, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kill_when(process, db, "reports", at_least=20)
    analysed = count(db, "reports")
    assert 0 < analysed < len(expected), "the kill should land in the middle of the batch"
    assert analysed + count(db, "pending_reports") == len(expected)

    subprocess.run(run, capture_output=True, check=True)
    with sqlite3.connect(db) as connection:
        ids = [r[0] for r in connection.execute("SELECT id FROM reports")]
        pending = connection.execute("SELECT COUNT(*) FROM pending_reports").fetchone()[0]
        outcomes = connection.execute("SELECT COUNT(*) FROM report_outcomes").fetchone()[0]
    assert sorted(ids) == sorted(expected) and pending == 0
    assert outcomes == len(expected)  # the linking ran over everything, the reports killed mid-way included
    assert integrity(db) == "ok"

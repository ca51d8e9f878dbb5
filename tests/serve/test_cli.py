"""The CLI end to end on hand-written reports: what a user sees and what the database keeps."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from jsonschema import Draft202012Validator

from corroborator.schema import load as load_schema
from tests.serve.conftest import CLI_DATA, RunCli


def analyse_json(run_cli: RunCli, *paths: str, db: Path) -> dict:  # type: ignore[type-arg]
    result = run_cli("analyze", *paths, "--format", "json", db=db)
    output = json.loads(result.stdout)
    Draft202012Validator(load_schema()).validate(output)
    return output  # type: ignore[no-any-return]


def test_cli_analyze_links_two_reports_of_one_event_and_keeps_another_day_apart(
    run_cli: RunCli, reports: Path, tmp_path: Path
) -> None:
    output = analyse_json(run_cli, str(reports), db=tmp_path / "c.db")
    kherson = [i for i in output["incidents"] if i["place"] and i["place"]["name"] == "Kherson"]
    odesa = [i for i in output["incidents"] if i["place"] and i["place"]["name"] == "Odesa"]
    assert len(kherson) == 1 and sorted(kherson[0]["report_ids"]) == ["kherson_a", "kherson_b"]
    assert len(odesa) == 1 and odesa[0]["report_ids"] == ["odesa_other_day"]
    injured = next(f for f in kherson[0]["facts"] if f["attribute"] == "injured")
    assert {k: injured["range"][k] for k in ("kind", "min", "max")} == {"kind": "quantity", "min": 2, "max": 3}
    assert any(c["attribute"] == "injured" and c["kind"] == "numeric" for c in kherson[0]["contradictions"])


def test_cli_analyze_is_idempotent(run_cli: RunCli, reports: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    first = analyse_json(run_cli, str(reports), db=db)
    second = run_cli("analyze", str(reports), "--format", "json", db=db)
    assert "0 new, 3 unchanged, 0 failed" in second.stderr
    assert json.loads(second.stdout)["incidents"] == first["incidents"]
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 3
        assert connection.execute("SELECT MAX(revision) FROM incidents").fetchone()[0] == 1


def test_cli_new_report_joins_existing_incident_which_keeps_its_id(
    run_cli: RunCli, reports: Path, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    (reports / "kherson_b.txt").unlink()
    first = analyse_json(run_cli, str(reports), db=db)
    kherson_id = next(i["id"] for i in first["incidents"] if i["report_ids"] == ["kherson_a"])
    later = analyse_json(run_cli, str(CLI_DATA / "kherson_b.txt"), db=db)
    (joined,) = [i for i in later["incidents"] if "kherson_b" in i["report_ids"]]
    assert joined["id"] == kherson_id and joined["revision"] == 2
    assert "reports added: kherson_b" in joined["history"][-1]["summary"]


def test_cli_bad_input_is_reported_kept_and_does_not_stop_the_batch(
    run_cli: RunCli, reports: Path, tmp_path: Path
) -> None:
    shutil.copy(CLI_DATA / "broken.bin", reports / "broken.bin")
    (reports / "empty.txt").write_text("   \n")
    db = tmp_path / "c.db"
    result = run_cli("analyze", str(reports), "--format", "json", db=db)
    assert "3 new, 0 unchanged, 2 failed" in result.stderr
    assert "broken.bin" in result.stderr and "empty.txt" in result.stderr
    output = json.loads(result.stdout)
    assert {f["origin"].rsplit("/", 1)[-1] for f in output["failures"]} == {"broken.bin", "empty.txt"}
    with sqlite3.connect(db) as connection:
        kept = connection.execute("SELECT origin, reason, length(raw) FROM failures ORDER BY origin").fetchall()
    assert [Path(origin).name for origin, _, _ in kept] == ["broken.bin", "empty.txt"]
    assert all(reason for _, reason, _ in kept) and kept[0][2] > 0


def test_cli_reads_stdin(run_cli: RunCli, tmp_path: Path) -> None:
    data = (CLI_DATA / "odesa_other_day.txt").read_bytes()
    result = run_cli("analyze", "-", "--format", "json", db=tmp_path / "c.db", input=data)
    output = json.loads(result.stdout)
    assert output["reports"][0]["id"] == "stdin" and output["incidents"]


def test_cli_text_dossier_shows_facts_contradictions_and_sources(
    run_cli: RunCli, reports: Path, tmp_path: Path
) -> None:
    text = run_cli("analyze", str(reports), db=tmp_path / "c.db").stdout
    for words in ("Kherson", "injured", "Contradictions", "Who says what", "numeric", "Reports"):
        assert words in text, words


def test_cli_incidents_and_show_read_the_database(run_cli: RunCli, reports: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    output = analyse_json(run_cli, str(reports), db=db)
    listing = run_cli("incidents", db=db).stdout
    for incident in output["incidents"]:
        assert incident["id"] in listing
    some_id = output["incidents"][0]["id"]
    markdown = run_cli("show", some_id, "--format", "markdown", db=db).stdout
    assert markdown.startswith(f"## {some_id}") and "### Facts" in markdown
    shown = json.loads(run_cli("show", some_id, "--format", "json", db=db).stdout)
    assert shown == output["incidents"][0]


def test_cli_unknown_incident_is_a_clear_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("show", "INC-4242", db=tmp_path / "c.db", ok=False)
    assert result.exit_code == 1
    assert "no incident 'INC-4242'" in result.stderr and "corroborator incidents" in result.stderr


def test_cli_markdown_report_lists_reports_and_dossiers(run_cli: RunCli, reports: Path, tmp_path: Path) -> None:
    markdown = run_cli("analyze", str(reports), "--format", "markdown", db=tmp_path / "c.db").stdout
    assert markdown.startswith("# corroborator analysis")
    assert "| kherson_a |" in markdown and "## INC-" in markdown

"""The incremental commands end to end: ingest, update, watch, failed, retry."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from corroborator.schema import load as load_schema
from tests.conftest import TEST_DATA
from tests.serve.conftest import CLI_DATA, RunCli

FEEDS = TEST_DATA / "ingest" / "feeds"


class Site:
    """A local web server with pages the test can change (no network beyond localhost)."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.user_agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.user_agents.append(self.headers.get("User-Agent", ""))
                status, content_type, body = site.pages.get(self.path, (404, "text/plain", b"no such page"))
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def site() -> Iterator[Site]:
    server = Site()
    yield server
    server.close()


def test_ingest_cli_ingest_then_update_analyses_like_analyze(run_cli: RunCli, reports: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    first = run_cli("ingest", str(reports), "--db", db)
    assert "3 new, 0 duplicate, 0 failed; 3 report(s) pending analysis" in first.stderr
    assert "corroborator update" in first.stderr
    again = run_cli("ingest", str(reports), "--db", db)
    assert "0 new, 3 duplicate, 0 failed" in again.stderr

    update = run_cli("update", "--db", db, "--format", "json")
    output = json.loads(update.stdout)
    Draft202012Validator(load_schema()).validate(output)
    kherson = [i for i in output["incidents"] if i["place"] and i["place"]["name"] == "Kherson"]
    assert len(kherson) == 1 and sorted(kherson[0]["report_ids"]) == ["kherson_a", "kherson_b"]
    assert "3 analysed, 0 failed" in update.stderr

    idle = run_cli("update", "--db", db)
    assert "nothing pending" in idle.stderr and idle.stdout == ""
    assert "INC-0001" in run_cli("incidents", db=Path(db)).stdout


def test_ingest_cli_failures_are_listed_and_retried(run_cli: RunCli, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    broken = tmp_path / "late.txt"
    broken.write_text("")
    ingested = run_cli("ingest", str(broken), str(CLI_DATA / "broken.bin"), "--db", db)
    assert "0 new, 0 duplicate, 2 failed" in ingested.stderr
    assert f"{broken}: empty" in ingested.stderr

    listing = run_cli("failed", "--db", db).stdout
    assert "#1 " in listing and "late.txt" in listing and "#2 " in listing and "broken.bin" in listing
    records = json.loads(run_cli("failed", "--db", db, "--format", "json").stdout)
    assert [r["id"] for r in records] == [1, 2] and records[0]["attempts"] == 1

    broken.write_text("Sirens sounded over Kherson for an hour on Sunday night.")
    retried = run_cli("retry", "1", "--db", db)
    assert "reads now #1" in retried.stderr and "1 resolved, 0 still failing" in retried.stderr
    remaining = json.loads(run_cli("failed", "--db", db, "--format", "json").stdout)
    assert [r["id"] for r in remaining] == [2]


def test_ingest_cli_retry_of_an_unknown_id_is_a_clear_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("retry", "99", "--db", str(tmp_path / "c.db"), ok=False)
    assert result.exit_code == 1 and "no failure with id 99" in result.stderr


def test_ingest_cli_columns_map_a_table(run_cli: RunCli, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    table = TEST_DATA / "ingest" / "tables" / "semicolon.csv"
    result = run_cli("ingest", str(table), "--db", db, "--columns", "text=artikel,title=titel,published=datum")
    assert "2 new, 0 duplicate, 0 failed" in result.stderr
    bad = run_cli("ingest", str(table), "--db", db, "--columns", "colour=artikel", ok=False)
    assert bad.exit_code == 2 and "not a report field" in bad.stderr


def test_ingest_cli_watch_once_on_a_feed_file(run_cli: RunCli, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    result = run_cli("watch", str(FEEDS / "atom_full.xml"), "--once", "--db", db, "--no-fetch")
    assert "2 new, 0 duplicate, 0 failed; 2 analysed, 0 failed" in result.stderr
    again = run_cli("watch", str(FEEDS / "atom_full.xml"), "--once", "--db", db, "--no-fetch")
    assert "0 new, 2 duplicate, 0 failed" in again.stderr and "analysed" not in again.stderr


def test_ingest_cli_urls_from_a_local_server_then_retry_once_the_page_exists(
    run_cli: RunCli, tmp_path: Path, site: Site
) -> None:
    db = str(tmp_path / "c.db")
    page = (TEST_DATA / "ingest" / "html" / "article_captions.html").read_bytes()
    site.pages["/world/depot"] = (200, "text/html; charset=utf-8", page)
    result = run_cli("ingest", f"{site.url}/world/depot", f"{site.url}/world/later", "--db", db)
    assert "1 new, 0 duplicate, 1 failed" in result.stderr
    assert f"{site.url}/world/later: HTTP 404 Not Found" in result.stderr
    assert all(agent.startswith("corroborator/") for agent in site.user_agents)

    site.pages["/world/later"] = (200, "text/plain", b"Air defence was active over Marenka on Thursday night.")
    retried = run_cli("retry", "--db", db)
    assert "1 resolved, 0 still failing; 1 new report(s) pending" in retried.stderr
    update = json.loads(run_cli("update", "--db", db, "--format", "json").stdout)
    assert sorted(r["id"] for r in update["reports"]) == ["depot", "later"]


def test_ingest_cli_non_english_report_is_kept_and_flagged(run_cli: RunCli, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    page = TEST_DATA / "ingest" / "html" / "cyrillic_cp1251.html"
    run_cli("ingest", str(page), "--db", db)
    output = json.loads(run_cli("update", "--db", db, "--format", "json").stdout)
    [report] = output["reports"]
    assert report["language"] == "uk"
    assert [a["code"] for a in report["anomalies"]] == ["not_english"]
    assert output["incidents"] == []

"""Incremental work as library calls: ingest, update, watch, failed, retry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.errors import NotFound
from corroborator.ingest import Fetcher
from corroborator.pipeline import Pipeline
from corroborator.serve import ingest_jobs, workflows
from corroborator.store.sqlite import SQLiteRepository
from tests.conftest import TEST_DATA
from tests.serve.conftest import CLI_DATA

FEED_URL = "https://herald.example/security/rss"
TEASER_URL = "https://herald.example/security/2024/07/02/tervik-rail-blast"


@pytest.fixture(scope="module")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


@pytest.fixture()
def store(tmp_path: Path) -> SQLiteRepository:
    return SQLiteRepository(tmp_path / "jobs.db")


def fetcher(handler: Callable[[httpx.Request], httpx.Response]) -> Fetcher:
    return Fetcher(max_bytes=1_000_000, transport=httpx.MockTransport(handler))


def test_ingest_jobs_ingest_stores_pending_reports_idempotently(
    settings: Settings, store: SQLiteRepository, reports: Path
) -> None:
    first = ingest_jobs.ingest_sources([reports], settings=settings, store=store)
    again = ingest_jobs.ingest_sources([reports], settings=settings, store=store)
    assert first.line() == "3 new, 0 duplicate, 0 failed"
    assert again.line() == "0 new, 3 duplicate, 0 failed"
    assert store.pending_count() == 3 and store.report_ids() == []  # nothing analysed yet


def test_ingest_jobs_update_analyses_pending_reports_and_links_them(
    settings: Settings, store: SQLiteRepository, reports: Path, pipeline: Pipeline
) -> None:
    ingest_jobs.ingest_sources([reports], settings=settings, store=store)
    analysis, summary = ingest_jobs.update_pending(settings=settings, store=store, pipeline=pipeline)
    assert analysis is not None and summary.line() == "3 analysed, 0 failed"
    kherson = [i for i in analysis.incidents if i.place and i.place.name == "Kherson"]
    assert len(kherson) == 1 and sorted(kherson[0].report_ids) == ["kherson_a", "kherson_b"]
    assert store.pending_count() == 0 and sorted(store.report_ids()) == ["kherson_a", "kherson_b", "odesa_other_day"]
    nothing, empty = ingest_jobs.update_pending(settings=settings, store=store, pipeline=pipeline)
    assert nothing is None and empty.analysed == []


def test_ingest_jobs_later_reports_join_incidents_that_keep_their_ids(
    settings: Settings, store: SQLiteRepository, pipeline: Pipeline
) -> None:
    ingest_jobs.ingest_sources([CLI_DATA / "kherson_a.txt"], settings=settings, store=store)
    first, _ = ingest_jobs.update_pending(settings=settings, store=store, pipeline=pipeline)
    assert first is not None
    (original,) = [i for i in first.incidents if "kherson_a" in i.report_ids]
    ingest_jobs.ingest_sources([CLI_DATA / "kherson_b.txt"], settings=settings, store=store)
    later, _ = ingest_jobs.update_pending(settings=settings, store=store, pipeline=pipeline)
    assert later is not None
    (joined,) = [i for i in later.incidents if "kherson_b" in i.report_ids]
    assert joined.id == original.id and joined.revision == 2


def test_ingest_jobs_analyze_of_a_pending_report_takes_it_off_the_list(
    settings: Settings, store: SQLiteRepository, pipeline: Pipeline
) -> None:
    ingest_jobs.ingest_sources([CLI_DATA / "odesa_other_day.txt"], settings=settings, store=store)
    workflows.analyze_paths([CLI_DATA / "odesa_other_day.txt"], settings=settings, store=store, pipeline=pipeline)
    assert store.pending_count() == 0 and store.report_ids() == ["odesa_other_day"]
    again = ingest_jobs.ingest_sources([CLI_DATA / "odesa_other_day.txt"], settings=settings, store=store)
    assert again.line() == "0 new, 1 duplicate, 0 failed"


def test_ingest_jobs_another_report_under_a_taken_id_is_renamed_and_stays_recognised(
    settings: Settings, store: SQLiteRepository, tmp_path: Path, pipeline: Pipeline
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "note.txt").write_text("Sirens sounded in Kherson overnight.")
    (two / "note.txt").write_text("A drone was shot down over Odesa on Monday.")
    summary = ingest_jobs.ingest_sources([one, two], settings=settings, store=store)
    assert summary.new[0] == "note" and summary.new[1].startswith("note~")
    ingest_jobs.update_pending(settings=settings, store=store, pipeline=pipeline)
    again = ingest_jobs.ingest_sources([one, two], settings=settings, store=store)
    assert again.line() == "0 new, 2 duplicate, 0 failed"


def test_ingest_jobs_failures_are_kept_listed_and_retried_once_fixed(
    settings: Settings, store: SQLiteRepository, tmp_path: Path
) -> None:
    broken = tmp_path / "late.txt"
    broken.write_text("   \n")
    summary = ingest_jobs.ingest_sources([broken], settings=settings, store=store)
    assert summary.line() == "0 new, 0 duplicate, 1 failed"
    [kept] = ingest_jobs.list_failures(store)
    assert kept.origin == str(broken) and "empty" in kept.reason and kept.attempts == 1

    still = ingest_jobs.retry_failures(None, settings=settings, store=store)
    assert still.line() == "0 resolved, 1 still failing; 0 new report(s) pending"
    [again] = ingest_jobs.list_failures(store)
    assert again.attempts == 2

    broken.write_text("A drone hit a warehouse in Kherson on Monday night.")
    fixed = ingest_jobs.retry_failures([again.id], settings=settings, store=store)
    assert fixed.outcomes[0].resolved and fixed.ingest.new == ["late"]
    assert ingest_jobs.list_failures(store) == [] and store.pending_count() == 1


def test_ingest_jobs_retry_of_an_unknown_id_is_a_clear_error(settings: Settings, store: SQLiteRepository) -> None:
    with pytest.raises(NotFound, match="no failure with id 42"):
        ingest_jobs.retry_failures([42], settings=settings, store=store)


def test_ingest_jobs_retry_uses_the_kept_bytes_when_the_input_is_gone(
    settings: Settings, store: SQLiteRepository
) -> None:
    store.keep_failure(
        model.IngestFailure(origin="stdin", reason="was cut off", format="text", raw=b"Blasts in Odesa.")
    )
    summary = ingest_jobs.retry_failures(None, settings=settings, store=store)
    assert summary.outcomes[0].resolved and summary.ingest.new == ["stdin"]


def test_ingest_jobs_report_a_stage_fails_on_is_quarantined_and_requeued_whole(
    settings: Settings, store: SQLiteRepository, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_jobs.ingest_sources([CLI_DATA / "kherson_a.txt"], settings=settings, store=store)
    broken = Pipeline.__new__(Pipeline)
    broken.__dict__.update(pipeline.__dict__)

    def fail(report: model.Report) -> model.NormalisedReport:
        raise ValueError("simulated clean-up bug")

    monkeypatch.setattr(broken, "normaliser", fail)
    _, summary = ingest_jobs.update_pending(settings=settings, store=store, pipeline=broken)
    assert summary.analysed == [] and "simulated clean-up bug" in summary.failed[0].reason
    [kept] = ingest_jobs.list_failures(store)
    assert kept.format == ingest_jobs.REPORT_FORMAT and store.pending_count() == 0

    retried = ingest_jobs.retry_failures(None, settings=settings, store=store)
    assert retried.ingest.new == ["kherson_a"]
    _, done = ingest_jobs.update_pending(settings=settings, store=store, pipeline=pipeline)
    assert done.analysed == ["kherson_a"]
    [stored] = store.extracted()
    assert stored.normalised.report.outlet == "Southern Courier"  # the metadata survived the round trip


def test_ingest_jobs_url_failure_is_retried_by_fetching_again(settings: Settings, store: SQLiteRepository) -> None:
    answers = iter([httpx.Response(503), httpx.Response(200, text="Sirens sounded in Kherson at dawn.")])
    client = fetcher(lambda request: next(answers))
    failed = ingest_jobs.ingest_sources(
        ["https://wire.example/items/7"], settings=settings, store=store, fetcher=client
    )
    assert failed.failed[0].reason == "HTTP 503 Service Unavailable"
    retried = ingest_jobs.retry_failures(None, settings=settings, store=store, fetcher=client)
    assert retried.outcomes[0].resolved and retried.ingest.new == ["7"]


def feed_handler(article_status: list[int], calls: list[str]) -> Callable[[httpx.Request], httpx.Response]:
    feed = (TEST_DATA / "ingest" / "feeds" / "rss_mixed.xml").read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if str(request.url) == FEED_URL:
            if request.headers.get("If-None-Match") == '"feed-1"':
                return httpx.Response(304)
            return httpx.Response(
                200, content=feed, headers={"Content-Type": "application/rss+xml", "ETag": '"feed-1"'}
            )
        if str(request.url) == TEASER_URL:
            status = article_status.pop(0) if article_status else 200
            page = (
                "<html><body><article><h1>Blast at Tervik junction</h1><p>A blast damaged signalling equipment at a "
                "rail junction north of Tervik on Tuesday morning, the railway operator said.</p>"
                "<p>Trains were diverted for several hours.</p></article></body></html>"
            )
            return httpx.Response(status, text=page, headers={"Content-Type": "text/html"})
        return httpx.Response(404)

    return handler


def test_ingest_jobs_feed_entry_whose_page_failed_is_retried_with_the_feeds_metadata(
    settings: Settings, store: SQLiteRepository
) -> None:
    calls: list[str] = []
    client = fetcher(feed_handler([500], calls))
    first = ingest_jobs.ingest_sources([FEED_URL], settings=settings, store=store, fetcher=client)
    assert [f.origin for f in first.failed] == [TEASER_URL, f"{FEED_URL}[2]"]
    retried = ingest_jobs.retry_failures(
        [e.id for e in ingest_jobs.list_failures(store) if e.origin == TEASER_URL],
        settings=settings,
        store=store,
        fetcher=client,
    )
    assert retried.outcomes[0].resolved
    [pending] = [p.report for p in store.pending() if p.report.url == TEASER_URL]
    assert pending.title == "Blast reported at rail junction north of Tervik"
    assert pending.text.startswith("Blast at Tervik junction")
    assert pending.extra["feed"] == FEED_URL


def test_ingest_jobs_watch_polls_conditionally_and_never_refetches_known_entries(
    settings: Settings, store: SQLiteRepository, pipeline: Pipeline
) -> None:
    calls: list[str] = []
    client = fetcher(feed_handler([], calls))
    sleeps: list[float] = []
    cycles = ingest_jobs.watch_feeds(
        [FEED_URL],
        settings=settings,
        store=store,
        interval=60,
        cycles=2,
        fetcher=client,
        pipeline=pipeline,
        sleep=sleeps.append,
    )
    first, second = cycles
    assert first.ingest.line() == "2 new, 0 duplicate, 1 failed"
    assert first.update is not None and first.update.line() == "2 analysed, 0 failed"
    assert second.unchanged_feeds == [FEED_URL] and second.update is None
    assert sleeps == [60]
    assert calls == [FEED_URL, TEASER_URL, FEED_URL]

    # Without validators the feed comes back whole: its known entries are skipped unfetched.
    store.save_feed_validators(FEED_URL, etag=None, last_modified=None)
    [third] = ingest_jobs.watch_feeds(
        [FEED_URL], settings=settings, store=store, interval=60, once=True, fetcher=client, pipeline=pipeline
    )
    assert third.ingest.line() == "0 new, 2 duplicate, 1 failed" and calls[-1] == FEED_URL


def test_ingest_jobs_update_links_again_after_an_update_cut_short(
    settings: Settings, store: SQLiteRepository, pipeline: Pipeline
) -> None:
    ingest_jobs.ingest_sources([CLI_DATA / "kherson_a.txt"], settings=settings, store=store)
    # An update killed after extracting, before linking: the report is stored, no analysis saved.
    [pending] = store.pending()
    [extracted] = list(pipeline.pipe([pending.report]))
    assert isinstance(extracted, model.ExtractedReport)
    store.complete_pending(pending, extracted)
    assert store.pending_count() == 0 and store.unanalysed_ids() == ["kherson_a"]
    analysis, summary = ingest_jobs.update_pending(settings=settings, store=store, pipeline=pipeline)
    assert analysis is not None and summary.analysed == ["kherson_a"] and analysis.incidents
    assert store.unanalysed_ids() == [] and store.incidents()


def test_ingest_jobs_a_database_inside_the_ingested_directory_is_not_read(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "note.txt").write_text("Sirens sounded in Odesa on Sunday.")
    with SQLiteRepository(folder / "inside.db") as inside:
        inside.keep_failure(model.IngestFailure(origin="x", reason="y"))  # makes the WAL files exist
        summary = ingest_jobs.ingest_sources([folder], settings=settings, store=inside)
    assert summary.line() == "1 new, 0 duplicate, 0 failed"

"""RSS and Atom feeds: one report per entry; teasers fetched through canned HTTP responses."""

from __future__ import annotations

import json
from pathlib import Path

import httpx

from corroborator.config import Settings
from corroborator.ingest import BytesReader, Fetcher, ReadOptions, iter_bytes
from corroborator.ingest.feeds import ENTRY_FORMAT, FeedEntry
from corroborator.model import IngestFailure, Report

FEEDS = Path(__file__).resolve().parents[1] / "data" / "ingest" / "feeds"
TEASER_URL = "https://herald.example/security/2024/07/02/tervik-rail-blast"

ARTICLE = b"""<!DOCTYPE html><html lang="en"><head><title>Blast at Tervik junction | Coastal Herald</title>
<meta property="og:site_name" content="Coastal Herald">
<meta property="article:published_time" content="2024-07-02T11:20:00+03:00"></head>
<body><nav><a href="/">Home</a> <a href="/security">Security</a></nav>
<article><h1>Blast at Tervik junction</h1>
<p>A blast damaged signalling equipment at a rail junction north of Tervik on Tuesday morning,
the railway operator said.</p>
<figure><img src="/j.jpg"><figcaption>Workers inspect the junction after the blast.</figcaption></figure>
<p>Trains were diverted for several hours. Nobody was hurt, according to the operator.</p></article>
<footer>Coastal Herald</footer></body></html>"""


def outcomes(name: str, settings: Settings, **kwargs: object) -> list[Report | IngestFailure]:
    return list(iter_bytes((FEEDS / name).read_bytes(), origin=name, default_id=name.split(".")[0], settings=settings))


def reader_with(handler: httpx.MockTransport, settings: Settings, **options: object) -> BytesReader:
    fetcher = Fetcher(max_bytes=settings.max_input_bytes, transport=handler)
    return BytesReader.from_settings(settings, fetcher=fetcher, options=ReadOptions(**options))  # type: ignore[arg-type]


def read_feed_with(reader: BytesReader, name: str) -> list[Report | IngestFailure]:
    data = (FEEDS / name).read_bytes()
    return list(reader.read(data, origin=name, default_id=name.split(".")[0], fmt=None))


def serve_article(request: httpx.Request) -> httpx.Response:
    if str(request.url) == TEASER_URL:
        return httpx.Response(200, content=ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"})
    return httpx.Response(404, content=b"not here")


def test_feeds_entry_with_full_content_becomes_a_report_with_its_metadata(settings: Settings) -> None:
    first = outcomes("rss_mixed.xml", settings)[0]
    assert isinstance(first, Report)
    assert first.format == "feed" and first.origin == "rss_mixed.xml[0]"
    assert first.title == "Sea drone attack repelled near Portavel"
    assert first.published == "Tue, 02 Jul 2024 08:10:00 +0300"
    assert first.outlet == "Coastal Herald - Security"
    assert first.url == "https://herald.example/security/2024/07/02/portavel-sea-drone"
    assert first.text.split("\n\n") == [
        "The navy said on Tuesday it had destroyed an unmanned surface vessel approaching the harbour of "
        "Portavel before dawn.",
        "No ships were damaged, a spokesman said. Ferry services were suspended for two hours.",
    ]
    assert first.extra["captions"] == ["A patrol boat leaves Portavel harbour on Tuesday."]
    assert first.extra["byline"] == "Mira Sotka" and first.extra["tags"] == ["Navy"]


def test_feeds_teaser_without_a_fetcher_keeps_its_summary_and_says_so(settings: Settings) -> None:
    second = outcomes("rss_mixed.xml", settings)[1]
    assert isinstance(second, Report)
    assert second.text == "A blast was reported at a rail junction north of Tervik on Tuesday morning."
    assert second.extra["summary_only"] is True


def test_feeds_teaser_is_replaced_by_its_fetched_article(settings: Settings) -> None:
    reader = reader_with(httpx.MockTransport(serve_article), settings)
    second = read_feed_with(reader, "rss_mixed.xml")[1]
    assert isinstance(second, Report)
    assert second.text.split("\n\n") == [
        "Blast at Tervik junction",
        "A blast damaged signalling equipment at a rail junction north of Tervik on Tuesday morning, the railway "
        "operator said.",
        "Trains were diverted for several hours. Nobody was hurt, according to the operator.",
    ]
    assert second.extra["captions"] == ["Workers inspect the junction after the blast."]
    # The feed's own statements win; the page's differing ones are kept beside them.
    assert second.title == "Blast reported at rail junction north of Tervik"
    assert second.published == "Tue, 02 Jul 2024 11:25:00 +0300"
    assert second.extra["page_published"] == "2024-07-02T11:20:00+03:00"
    assert second.outlet == "Coastal Herald" and second.retrieved is not None
    assert "summary_only" not in second.extra


def test_feeds_teaser_whose_page_fails_is_a_failure_naming_the_page(settings: Settings) -> None:
    reader = reader_with(httpx.MockTransport(lambda request: httpx.Response(503)), settings)
    second = read_feed_with(reader, "rss_mixed.xml")[1]
    assert isinstance(second, IngestFailure)
    assert second.origin == TEASER_URL and "HTTP 503" in second.reason
    # The entry is kept as JSON so that a retry can fetch the page with the feed's metadata.
    assert second.format == ENTRY_FORMAT
    kept = FeedEntry.from_json(second.raw, origin=second.origin)
    assert kept.title == "Blast reported at rail junction north of Tervik"


def test_feeds_fetching_can_be_turned_off(settings: Settings) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"fetched {request.url}")

    reader = reader_with(httpx.MockTransport(refuse), settings, fetch_linked=False)
    second = read_feed_with(reader, "rss_mixed.xml")[1]
    assert isinstance(second, Report) and second.extra["summary_only"] is True


def test_feeds_entry_without_text_or_link_fails_alone(settings: Settings) -> None:
    results = outcomes("rss_mixed.xml", settings)
    assert [type(r).__name__ for r in results] == ["Report", "Report", "IngestFailure"]
    failure = results[2]
    assert isinstance(failure, IngestFailure)
    assert failure.origin == "rss_mixed.xml[2]" and "no text and no link" in failure.reason


def test_feeds_atom_content_and_summary(settings: Settings) -> None:
    first, second = outcomes("atom_full.xml", settings)
    assert isinstance(first, Report) and isinstance(second, Report)
    assert first.text.startswith("A missile strike damaged an electrical substation in Selvino")
    assert first.published == "2024-08-05T17:40:00+02:00" and first.outlet == "Delta Monitor"
    # An Atom id is not a web address: no link to fetch, none recorded.
    assert second.url is None and second.published == "2024-08-05T18:30:00+02:00"


def test_feeds_report_ids_are_stable_when_entries_move(settings: Settings) -> None:
    data = (FEEDS / "rss_mixed.xml").read_text(encoding="utf-8")
    start, end = data.index("<item>"), data.index("</item>") + len("</item>")
    moved = data[:start] + data[end:].replace("</channel>", data[start:end] + "</channel>")
    before = {r.title: r.id for r in outcomes("rss_mixed.xml", settings) if isinstance(r, Report)}
    after = {
        r.title: r.id
        for r in iter_bytes(moved.encode(), origin="rss_mixed.xml", default_id="rss_mixed", settings=settings)
        if isinstance(r, Report)
    }
    assert before == after and len(set(before.values())) == 2


def test_feeds_known_entries_are_skipped_without_fetching(settings: Settings) -> None:
    fetched: list[str] = []

    def record(request: httpx.Request) -> httpx.Response:
        fetched.append(str(request.url))
        return serve_article(request)

    known = {"rss_mixed.xml#herald-20240702-121"}
    reader = reader_with(httpx.MockTransport(record), settings, skip_entry=known.__contains__)
    results = read_feed_with(reader, "rss_mixed.xml")
    assert [r.origin for r in results] == ["rss_mixed.xml[0]", "rss_mixed.xml[2]"]
    assert fetched == []


def test_feeds_truncated_feed_keeps_what_it_read_and_fails_the_document(settings: Settings) -> None:
    results = outcomes("broken.xml", settings)
    whole = [r for r in results if isinstance(r, IngestFailure) and r.origin == "broken.xml"]
    assert len(whole) == 1 and "not well-formed" in whole[0].reason and whole[0].format == "feed"
    assert whole[0].raw == (FEEDS / "broken.xml").read_bytes()


def test_feeds_xml_that_is_not_a_feed_fails_clearly(settings: Settings) -> None:
    [failure] = outcomes("not_a_feed.xml", settings)
    assert isinstance(failure, IngestFailure) and "not a readable RSS or Atom feed" in failure.reason


def test_feeds_feed_entry_round_trips_through_json() -> None:
    entry = FeedEntry(key="f#1", report_id="f-1", feed="f", title="T", paragraphs=["a", "b"], tags=["x"])
    assert FeedEntry.from_json(entry.to_json(), origin="f") == entry
    assert json.loads(entry.to_json())["paragraphs"] == ["a", "b"]

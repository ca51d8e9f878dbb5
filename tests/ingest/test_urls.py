"""Fetching URLs against canned HTTP responses: formats, limits, redirects, errors, politeness."""

from __future__ import annotations

import httpx
import pytest

from corroborator.config import Settings
from corroborator.errors import InputTooLarge, UnsupportedInput
from corroborator.ingest import BytesReader, Fetcher
from corroborator.ingest.urls import USER_AGENT, FetchFailed, url_id
from corroborator.model import IngestFailure, Report

PAGE = (
    "<html><head><title>Strike on Kelmar port</title></head><body><article><h1>Strike on Kelmar port</h1>"
    "<p>A missile hit a warehouse in the port of Kelmar on Thursday night, the port authority said, adding that "
    "the fire was put out by morning.</p><p>Two dock workers were injured, according to the authority.</p>"
    "</article></body></html>"
)


def fetcher(handler: object, *, max_bytes: int = 100_000, **kwargs: object) -> Fetcher:
    return Fetcher(max_bytes=max_bytes, transport=httpx.MockTransport(handler), **kwargs)  # type: ignore[arg-type]


def read_url(url: str, handler: object, settings: Settings, **kwargs: object) -> list[Report | IngestFailure]:
    reader = BytesReader.from_settings(settings, fetcher=fetcher(handler, **kwargs))
    return list(reader.read_url(url))


def test_urls_html_page_by_content_type_with_final_address_and_retrieval_time(settings: Settings) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/short/7":
            return httpx.Response(301, headers={"Location": "https://port.example/news/kelmar-strike"})
        return httpx.Response(200, text=PAGE, headers={"Content-Type": "text/html; charset=utf-8"})

    [report] = read_url("https://port.example/short/7", handler, settings)
    assert isinstance(report, Report) and report.format == "html"
    assert report.id == "kelmar-strike" and report.origin == "https://port.example/short/7"
    assert report.url == "https://port.example/news/kelmar-strike" and report.retrieved is not None
    assert report.text.startswith("Strike on Kelmar port\n\nA missile hit a warehouse")


def test_urls_plain_text_gets_the_url_and_json_is_read_as_records(settings: Settings) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(".json"):
            body = b'[{"id": "a", "text": "Sirens sounded in Kelmar."}, {"id": "b", "text": "The alert ended."}]'
            return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})
        return httpx.Response(
            200, text="Explosions were heard in Kelmar overnight.", headers={"Content-Type": "text/plain"}
        )

    [text] = read_url("https://wire.example/items/note.txt", handler, settings)
    assert isinstance(text, Report) and text.url == "https://wire.example/items/note.txt" and text.id == "note"
    records = read_url("https://wire.example/items/batch.json", handler, settings)
    assert [r.id for r in records if isinstance(r, Report)] == ["a", "b"]


def test_urls_declared_charset_decodes_legacy_text(settings: Settings) -> None:
    body = "Вночі над Мареною збили чотири дрони, повідомила обласна адміністрація.".encode("cp1251")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"Content-Type": "text/plain; charset=windows-1251"})

    [report] = read_url("https://news.example/uk/1", handler, settings)
    assert isinstance(report, Report) and report.text.startswith("Вночі над Мареною") and report.language == "uk"


def test_urls_http_error_is_a_one_line_failure_keeping_the_error_page(settings: Settings) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, content=b"<h1>Not found</h1>")

    [failure] = read_url("https://port.example/gone", handler, settings)
    assert isinstance(failure, IngestFailure)
    assert failure.origin == "https://port.example/gone" and failure.reason == "HTTP 404 Not Found"
    assert failure.raw == b"<h1>Not found</h1>"


def test_urls_timeout_and_refused_connection_say_so(settings: Settings) -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    [late] = read_url("https://slow.example/a", slow, settings, timeout=3)
    assert isinstance(late, IngestFailure) and late.reason.startswith("timed out after 3 s (waiting for data)")
    [down] = read_url("https://down.example/a", refused, settings)
    assert isinstance(down, IngestFailure) and "cannot connect" in down.reason and "refused" in down.reason


def test_urls_redirect_loops_stop(settings: Settings) -> None:
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": str(request.url.copy_with(path=request.url.path + "x"))})

    [failure] = read_url("https://loop.example/a", loop, settings, max_redirects=3)
    assert isinstance(failure, IngestFailure) and "more than 3 redirects" in failure.reason


def test_urls_size_limit_by_declared_length_and_while_streaming() -> None:
    def announced(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 10, headers={"Content-Length": "5000000"})

    def streamed(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"y" * 600, b"y" * 600]))

    with pytest.raises(InputTooLarge, match="announces 5,000,000 bytes"):
        fetcher(announced, max_bytes=1000).fetch("https://big.example/a")
    with pytest.raises(InputTooLarge, match="download stopped"):
        fetcher(streamed, max_bytes=1000).fetch("https://big.example/b")


def test_urls_requests_name_corroborator_and_can_be_conditional() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("If-None-Match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(
            200, text="fresh", headers={"ETag": '"v1"', "Last-Modified": "Mon, 01 Jul 2024 10:00:00 GMT"}
        )

    client = fetcher(handler)
    first = client.fetch("https://feed.example/rss")
    again = client.fetch("https://feed.example/rss", etag=first.etag, last_modified=first.last_modified)
    assert seen[0].headers["User-Agent"] == USER_AGENT and USER_AGENT.startswith("corroborator/")
    assert first.etag == '"v1"' and not first.not_modified
    assert again.not_modified and again.content == b""
    assert seen[1].headers["If-Modified-Since"] == "Mon, 01 Jul 2024 10:00:00 GMT"


def test_urls_only_web_addresses_are_fetched() -> None:
    with pytest.raises(UnsupportedInput, match="http"):
        fetcher(lambda request: httpx.Response(200)).fetch("ftp://files.example/a.txt")


def test_urls_fetch_failure_is_an_ingest_error_with_the_body() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, content=b"oops")

    with pytest.raises(FetchFailed) as caught:
        fetcher(handler).fetch("https://err.example/")
    assert caught.value.raw == b"oops" and caught.value.origin == "https://err.example/"


def test_urls_default_ids_are_readable() -> None:
    assert url_id("https://site.example/news/2024/strike-on-port.html") == "strike-on-port"
    assert url_id("https://site.example/") == "site.example"
    assert url_id("https://site.example/a%20b/") == "a-b"

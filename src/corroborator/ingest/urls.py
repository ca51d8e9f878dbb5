"""Fetching URLs: pages, feeds and files over HTTP(S), politely and within limits.

One `Fetcher` per run holds one connection pool. Every request:
- names itself: `User-Agent: corroborator/<version> (...)`, so a site operator can see
  who reads them;
- is bounded in time (`timeout`, seconds, for connecting and for each read) and in size
  (the input size limit: a declared Content-Length over it is refused before reading, and
  the body is streamed and cut off one byte past it);
- follows at most `max_redirects` redirects; the report keeps the final address;
- may be conditional (ETag / Last-Modified), so polling a feed that has not changed costs
  the site nothing (`Fetched.not_modified`).

Every failure raises `FetchFailed` (an IngestError) whose one-line reason says what went
wrong in words (HTTP status, timeout, refused connection, too many redirects) and keeps
the error page's bytes for inspection. Tests replace the network with
`httpx.MockTransport` (the `transport` argument).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from urllib.parse import unquote, urlsplit

import httpx

from corroborator import __version__
from corroborator.errors import IngestError, InputTooLarge, UnsupportedInput

USER_AGENT = f"corroborator/{__version__} (conflict-report analysis; python-httpx/{httpx.__version__})"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_REDIRECTS = 5

_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
_SLUG = re.compile(r"[^\w.-]+")


class FetchFailed(IngestError):
    """A URL that could not be fetched: HTTP error status, timeout, no connection.

    `raw` holds what the server sent (an error page), for the quarantine.
    """

    def __init__(self, origin: str, reason: str, *, raw: bytes = b"") -> None:
        super().__init__(origin, reason)
        self.raw = raw


@dataclass(frozen=True, kw_only=True)
class Fetched:
    """A successful response, read whole (within the size limit)."""

    url: str
    content: bytes
    content_type: str | None
    charset: str | None
    retrieved: str
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://")) and len(source) > 8


def url_id(url: str) -> str:
    """A readable default report id for a URL: its last path segment, else its host."""
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if not segments:
        return _SLUG.sub("-", parts.hostname or "page").strip("-") or "page"
    name = segments[-1]
    stem = name.rsplit(".", 1)[0] if "." in name and not name.startswith(".") else name
    return _SLUG.sub("-", stem).strip("-")[:80] or "page"


class Fetcher:
    """HTTP(S) GETs with the limits above; create once, reuse, `close()` at the end."""

    def __init__(
        self,
        *,
        max_bytes: int,
        timeout: float = DEFAULT_TIMEOUT,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        user_agent: str = USER_AGENT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.max_redirects = max_redirects
        self.user_agent = user_agent
        self._transport = transport
        self._client: httpx.Client | None = None

    def _session(self) -> httpx.Client:
        # Created on first use: most runs read no URL, and a client holds sockets.
        if self._client is None:
            self._client = httpx.Client(
                follow_redirects=True,
                max_redirects=self.max_redirects,
                timeout=httpx.Timeout(self.timeout),
                headers={"User-Agent": self.user_agent, "Accept": _ACCEPT},
                transport=self._transport,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET `url`; raises FetchFailed, InputTooLarge or UnsupportedInput (all IngestError)."""
        if not is_url(url):
            raise UnsupportedInput(url, "only http:// and https:// addresses can be fetched")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            with self._session().stream("GET", url, headers=headers) as response:
                return self._read(url, response)
        except httpx.TimeoutException as exc:
            raise FetchFailed(
                url, f"timed out after {self.timeout:g} s ({_kind(exc)}); the site is slow or unreachable"
            ) from exc
        except httpx.TooManyRedirects as exc:
            raise FetchFailed(url, f"more than {self.max_redirects} redirects; the address loops") from exc
        except httpx.ConnectError as exc:
            raise FetchFailed(url, f"cannot connect ({_first_line(exc)})") from exc
        except httpx.InvalidURL as exc:
            raise UnsupportedInput(url, f"not a valid address ({_first_line(exc)})") from exc
        except httpx.HTTPError as exc:
            raise FetchFailed(url, f"transfer failed ({type(exc).__name__}: {_first_line(exc)})") from exc

    def _read(self, url: str, response: httpx.Response) -> Fetched:
        final = str(response.url)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        if response.status_code == 304:
            return Fetched(url=final, content=b"", content_type=None, charset=None, retrieved=now, not_modified=True)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise InputTooLarge(
                url, f"the server announces {int(declared):,} bytes, over the {self.max_bytes:,}-byte limit"
            )
        body = bytearray()
        for chunk in response.iter_bytes():
            body.extend(chunk)
            if len(body) > self.max_bytes:
                raise InputTooLarge(url, f"larger than the {self.max_bytes:,}-byte limit; download stopped")
        if response.status_code >= 400:
            phrase = response.reason_phrase or "error"
            raise FetchFailed(url, f"HTTP {response.status_code} {phrase}", raw=bytes(body))
        content_type, charset = _content_type(response.headers.get("Content-Type"))
        return Fetched(
            url=final,
            content=bytes(body),
            content_type=content_type,
            charset=charset,
            retrieved=now,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    message = Message()
    message["Content-Type"] = header
    charset = message.get_param("charset")
    return message.get_content_type().casefold(), charset if isinstance(charset, str) else None


def _kind(exc: httpx.TimeoutException) -> str:
    return {
        httpx.ConnectTimeout: "connecting",
        httpx.ReadTimeout: "waiting for data",
        httpx.WriteTimeout: "sending",
        httpx.PoolTimeout: "waiting for a connection",
    }.get(type(exc), "timeout")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__

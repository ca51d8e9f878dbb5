"""RSS and Atom feeds: one report per entry.

feedparser reads every RSS and Atom dialect and tolerates the usual breakage (it flags
it as "bozo" and goes on). An entry with full content (`content:encoded`, Atom
`<content>`) becomes a report from that content. An entry with only a summary is a teaser:
the article is at its link, so the caller's `load_page` fetches and reads it and the
entry's metadata (title, date, feed) is laid over the page's. Without `load_page` (offline
reading, `--no-fetch`) the summary is the text, and `extra["summary_only"]` says so.

Entry identity is stable across polls: `FeedEntry.key` is the feed's address plus the
entry's id (its guid, else its link, else a digest of title and date), and the report id
derives from it, so the same entry seen twice is the same report (and the caller may skip
entries it has seen without fetching their pages again).

A teaser whose page cannot be fetched fails alone, named by the page's URL, with the entry
kept as JSON (format "feed-entry") so that `corroborator retry` can fetch it again with the
entry's metadata.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any
from xml.sax import SAXParseException

from corroborator.errors import EmptyInput, IngestError, MalformedInput
from corroborator.ingest.dateline import DateLexicon
from corroborator.ingest.html_text import CaptionRules, fragment_paragraphs
from corroborator.ingest.records import Outcome, RecordFailure
from corroborator.ingest.text import find_date_line
from corroborator.model import Report

ENTRY_FORMAT = "feed-entry"

#: Fetches an entry's linked page and reads it as a Report (raises IngestError).
LoadPage = Callable[[str], Report]


@dataclass(frozen=True, kw_only=True)
class FeedEntry:
    """One entry, with what the feed says about it; JSON-serialisable for quarantine."""

    key: str
    report_id: str
    feed: str
    feed_title: str | None = None
    feed_language: str | None = None
    entry_id: str | None = None
    title: str | None = None
    link: str | None = None
    published: str | None = None
    author: str | None = None
    source_title: str | None = None
    tags: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    has_content: bool = False

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes, *, origin: str) -> FeedEntry:
        try:
            values = json.loads(data.decode("utf-8"))
            return cls(**values)
        except (ValueError, TypeError) as exc:
            raise MalformedInput(origin, f"the kept feed entry cannot be read back ({exc})") from exc


@dataclass(frozen=True, kw_only=True)
class Feed:
    """A feed's entries; `problem` says why the document is not well-formed, when it is not
    (feedparser still reads the entries before the error)."""

    title: str | None
    entries: list[FeedEntry]
    problem: str | None = None


def read_feed(
    data: bytes | str, *, origin: str, default_id: str, rules: CaptionRules, feed_url: str | None = None
) -> Feed:
    """The entries of an RSS or Atom document; raises IngestError when it has none."""
    import feedparser  # imported here: most runs read no feeds

    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=bool(feed_url))
    except (ValueError, TypeError, LookupError, RecursionError) as exc:
        raise MalformedInput(origin, f"feed cannot be parsed ({type(exc).__name__}: {exc})") from exc
    entries = list(parsed.get("entries") or [])
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({_one_line(problem)})" if problem is not None and parsed.get("bozo") else ""
        raise MalformedInput(origin, f"not a readable RSS or Atom feed{detail}")
    if not entries:
        raise EmptyInput(origin, "feed holds no entries")
    meta = parsed.get("feed") or {}
    title = _text(meta.get("title"))
    problem = parsed.get("bozo_exception")
    # Only well-formedness counts: feedparser also flags a declared encoding it overrode,
    # which changes nothing here (the text arrives decoded).
    broken = _one_line(problem) if isinstance(problem, SAXParseException) else None
    language = _text(meta.get("language"))
    address = feed_url or origin
    out: list[FeedEntry] = []
    for index, entry in enumerate(entries):
        out.append(
            _entry(entry, index=index, feed=address, title=title, language=language, default_id=default_id, rules=rules)
        )
    return Feed(title=title, entries=out, problem=broken)


def entry_outcomes(
    feed: Feed,
    *,
    origin: str,
    dates: DateLexicon,
    load_page: LoadPage | None,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[Outcome]:
    """A report (or a failure) per entry, in feed order; `skip(key)` leaves known entries out."""
    for index, entry in enumerate(feed.entries):
        if skip is not None and skip(entry.key):
            continue
        try:
            yield entry_report(entry, origin=f"{origin}[{index}]", dates=dates, load_page=load_page)
        except IngestError as exc:
            yield RecordFailure(error=exc, raw=entry.to_json(), format=ENTRY_FORMAT)
    if feed.problem is not None:
        # The entries before the error are read; the document itself is kept, with the
        # reason, for inspection and retry (its good entries come back as duplicates).
        raise MalformedInput(
            origin, f"feed is not well-formed XML ({feed.problem}); entries read before the error: {len(feed.entries)}"
        )


def entry_report(entry: FeedEntry, *, origin: str, dates: DateLexicon, load_page: LoadPage | None) -> Report:
    """The entry as a Report: its content, its fetched page, or its summary.

    Raises IngestError when the entry has no text, or its page cannot be fetched or read
    (the error then names the page's URL).
    """
    if not entry.has_content and entry.link and load_page is not None:
        return _with_page(entry, load_page(entry.link), origin=origin)
    if not entry.paragraphs:
        raise EmptyInput(origin, "feed entry has no text" + ("" if entry.link else " and no link to fetch it from"))
    text = "\n\n".join(entry.paragraphs)
    date_line = find_date_line(text, dates=dates)
    extra = _feed_extra(entry)
    if entry.captions:
        extra["captions"] = entry.captions
    if not entry.has_content:
        extra["summary_only"] = True
    return Report(
        id=entry.report_id,
        text=text,
        outlet=entry.source_title or entry.feed_title,
        url=entry.link,
        title=entry.title,
        published=entry.published or date_line,
        date_line=date_line,
        origin=origin,
        format="feed",
        extra=extra,
    )


def _with_page(entry: FeedEntry, page: Report, *, origin: str) -> Report:
    """The fetched page under the entry's identity: the feed's declared date and title win
    (the feed is the publisher's own statement); the page's own metadata stays in extra."""
    extra = {**page.extra, **_feed_extra(entry)}
    if page.title and page.title != entry.title:
        extra["page_title"] = page.title
    if page.published and page.published != entry.published:
        extra["page_published"] = page.published
    return page.model_copy(
        update={
            "id": entry.report_id,
            "title": entry.title or page.title,
            "published": entry.published or page.published,
            "outlet": page.outlet or entry.source_title or entry.feed_title,
            "url": page.url or entry.link,
            "origin": origin,
            "format": "feed",
            "extra": extra,
        }
    )


def _feed_extra(entry: FeedEntry) -> dict[str, Any]:
    extra: dict[str, Any] = {"feed": entry.feed, "feed_entry": entry.key}
    if entry.feed_title:
        extra["feed_title"] = entry.feed_title
    if entry.feed_language:
        extra["feed_language"] = entry.feed_language
    if entry.author:
        extra["byline"] = entry.author
    if entry.tags:
        extra["tags"] = entry.tags
    return extra


def _entry(
    entry: dict[str, Any],
    *,
    index: int,
    feed: str,
    title: str | None,
    language: str | None,
    default_id: str,
    rules: CaptionRules,
) -> FeedEntry:
    entry_id = _text(entry.get("id"))
    link = _text(entry.get("link"))
    if link is not None and not link.startswith(("http://", "https://")):
        link = None  # an Atom id standing in for a link ("urn:...") is no address
    # Plain dict lookups: feedparser's own mapping of "published" to "updated" warns on every
    # entry without a publication date, and the fallback is made explicitly here.
    published = _text(dict.get(entry, "published")) or _text(dict.get(entry, "updated"))
    entry_title = _text(entry.get("title"))
    identity = entry_id or link or f"{entry_title}|{published}|{_text(entry.get('summary'))}"
    key = f"{feed}#{identity}"
    digest = hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:10]
    paragraphs, captions, has_content = _entry_text(entry, rules=rules)
    source = entry.get("source")
    tags = [t for t in (_text(tag.get("term")) for tag in entry.get("tags") or [] if isinstance(tag, Mapping)) if t]
    return FeedEntry(
        key=key,
        report_id=f"{default_id}-{digest}",
        feed=feed,
        feed_title=title,
        feed_language=language,
        entry_id=entry_id,
        title=entry_title,
        link=link,
        published=published,
        author=_text(entry.get("author")),
        source_title=_text(source.get("title")) if isinstance(source, Mapping) else None,
        tags=tags,
        paragraphs=paragraphs,
        captions=captions,
        has_content=has_content,
    )


def _entry_text(entry: Mapping[str, Any], *, rules: CaptionRules) -> tuple[list[str], list[str], bool]:
    """(paragraphs, captions, is full content) from the entry's content, else its summary."""
    for part in entry.get("content") or []:
        if isinstance(part, Mapping):
            paragraphs, captions = _detail_text(part, rules=rules)
            if paragraphs:
                return paragraphs, captions, True
    detail = entry.get("summary_detail")
    if isinstance(detail, Mapping):
        paragraphs, captions = _detail_text(detail, rules=rules)
        return paragraphs, captions, False
    summary = _text(entry.get("summary"))
    return ([summary] if summary else []), [], False


def _detail_text(detail: Mapping[str, Any], *, rules: CaptionRules) -> tuple[list[str], list[str]]:
    value = detail.get("value")
    if not isinstance(value, str) or not value.strip():
        return [], []
    if "html" not in str(detail.get("type") or "text/html"):
        return [p for p in (" ".join(b.split()) for b in value.split("\n\n")) if p], []
    try:
        return fragment_paragraphs(value, rules=rules)
    except ValueError:
        return [" ".join(value.split())], []


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.split())
    return cleaned or None


def _one_line(problem: object) -> str:
    return " ".join(str(problem).split()) or type(problem).__name__

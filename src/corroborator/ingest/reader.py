"""Bytes to Reports in two steps: `prepare` (size, binary, encoding, format) then `parse`.

Two steps so that a caller turning errors into failures knows which format the input was
read as when it failed (a broken JSON document sniffed from stdin is a JSON failure).

`parse` dispatches on the format: text, JSON (records, or a Telegram Desktop export),
JSON Lines, HTML, RSS/Atom feeds, CSV/TSV and ZIP archives (whose files are prepared and
parsed in turn). Every report leaving it has its language: the declared one normalised
to a primary code, or the detected one (see ingest/language.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from corroborator.config import Settings
from corroborator.errors import IngestError, MalformedInput, UnsupportedInput
from corroborator.ingest.archives import MAX_DEPTH, MemberFailure, is_zip, zip_members
from corroborator.ingest.csv_tables import CsvReader
from corroborator.ingest.dateline import DateLexicon, date_lexicon
from corroborator.ingest.decode import check_signature, check_size, decode
from corroborator.ingest.feeds import entry_outcomes, read_feed
from corroborator.ingest.html_pages import HtmlRules, html_rules, parse_html
from corroborator.ingest.language import LanguageNames, detect_language, language_code, language_names
from corroborator.ingest.records import Outcome, RecordFailure, RecordReader, load_json
from corroborator.ingest.sniff import FORMATS, format_from_url, sniff_format
from corroborator.ingest.tables import IngestTables, load_tables
from corroborator.ingest.telegram import TelegramReader, is_telegram_export
from corroborator.ingest.text import parse_text
from corroborator.ingest.urls import Fetcher, FetchFailed, url_id
from corroborator.model import IngestFailure, Report


@dataclass(frozen=True, kw_only=True)
class ReadOptions:
    """How to read, beyond the settings: chosen per run by the caller.

    columns: report field → CSV column (header name or 1-based number).
    fetch_linked: fetch the page of a feed entry that has only a summary.
    skip_entry: feed entries whose key this returns True for are left out (already stored).
    input_format: read every input as this format instead of by name or content.
    skip_files: absolute paths a directory walk passes over (the database being written).
    """

    columns: Mapping[str, str] = field(default_factory=dict)
    fetch_linked: bool = True
    skip_entry: Callable[[str], bool] | None = None
    input_format: str | None = None
    skip_files: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class Prepared:
    """An input decoded and its format decided (`data`: the bytes, for archives)."""

    text: str
    format: str
    data: bytes = b""


@dataclass(frozen=True, kw_only=True)
class Fetch:
    """Where a fetched input came from, for the reports read from it."""

    url: str
    retrieved: str


@dataclass(frozen=True, kw_only=True)
class BytesReader:
    """Reads inputs' bytes; built once per settings and reused for every input."""

    tables: IngestTables
    dates: DateLexicon
    max_bytes: int
    html: HtmlRules
    languages: LanguageNames
    fetcher: Fetcher | None = None
    options: ReadOptions = field(default_factory=ReadOptions)

    @classmethod
    def from_settings(
        cls, settings: Settings, *, fetcher: Fetcher | None = None, options: ReadOptions | None = None
    ) -> BytesReader:
        return cls(
            tables=load_tables(settings),
            dates=date_lexicon(settings),
            max_bytes=settings.max_input_bytes,
            html=html_rules(settings),
            languages=language_names(settings),
            fetcher=fetcher,
            options=options or ReadOptions(),
        )

    # ------------------------------------------------------------------ the two steps

    def prepare(self, data: bytes, *, origin: str, fmt: str | None, charset: str | None = None) -> Prepared:
        """Decode and choose the format (`fmt`, else sniffed from the content).

        Raises IngestError when the input as a whole cannot be read: too large, empty,
        binary or undecodable.
        """
        if fmt is not None and fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        formats = self.tables.formats
        check_size(data, origin=origin, max_bytes=self.max_bytes)
        if fmt in (None, "zip") and is_zip(data):
            return Prepared(text="", format="zip", data=data)
        if fmt == "zip":
            raise MalformedInput(origin, "named as a ZIP archive but does not start like one")
        check_signature(data, origin=origin, formats=formats)
        text = decode(data, origin=origin, formats=formats, declared=charset)
        return Prepared(text=text, format=fmt or sniff_format(text, fields=self.tables.json))

    def parse(
        self,
        prepared: Prepared,
        *,
        origin: str,
        default_id: str,
        fetched: Fetch | None = None,
        depth: int = 0,
    ) -> Iterator[Outcome]:
        """Reports and per-record failures of a prepared input.

        Raises IngestError when the input as a whole is bad (malformed JSON, a single record
        without text, a text with a header but no body, a table without a text column);
        with JSON this happens before the first report is yielded.
        """
        outcomes = self._dispatch(prepared, origin=origin, default_id=default_id, fetched=fetched, depth=depth)
        for outcome in outcomes:
            yield outcome if isinstance(outcome, RecordFailure) else self.finish(outcome, fetched=fetched)

    def _dispatch(
        self, prepared: Prepared, *, origin: str, default_id: str, fetched: Fetch | None, depth: int
    ) -> Iterator[Outcome]:
        fmt = prepared.format
        if fmt in ("json", "telegram"):
            return iter(list(self._json(prepared, origin=origin, default_id=default_id)))
        if fmt == "jsonl":
            return self._records().parse_jsonl(prepared.text, origin=origin, default_id=default_id)
        if fmt == "html":
            report = parse_html(
                prepared.text,
                origin=origin,
                default_id=default_id,
                rules=self.html,
                dates=self.dates,
                url=fetched.url if fetched else None,
                retrieved=fetched.retrieved if fetched else None,
            )
            return iter((report,))
        if fmt == "feed":
            feed = read_feed(
                prepared.text,
                origin=origin,
                default_id=default_id,
                rules=self.html.captions,
                feed_url=fetched.url if fetched else None,
            )
            fetch_pages = self.options.fetch_linked and self.fetcher is not None
            return entry_outcomes(
                feed,
                origin=origin,
                dates=self.dates,
                load_page=self.load_page if fetch_pages else None,
                skip=self.options.skip_entry,
            )
        if fmt in ("csv", "tsv"):
            reader = CsvReader(records=self._records(), columns=self.options.columns)
            return reader.parse(
                prepared.text,
                origin=origin,
                default_id=default_id,
                delimiter="\t" if fmt == "tsv" else None,
                fmt=fmt,
            )
        if fmt == "zip":
            return self._archive(prepared.data, origin=origin, depth=depth)
        report = parse_text(
            prepared.text,
            origin=origin,
            default_id=default_id,
            header_keys=self.tables.text_header,
            dates=self.dates,
        )
        return iter((report,))

    def _records(self) -> RecordReader:
        return RecordReader(fields=self.tables.json, dates=self.dates)

    def _json(self, prepared: Prepared, *, origin: str, default_id: str) -> Iterator[Outcome]:
        doc = load_json(prepared.text, origin=origin)
        if is_telegram_export(doc):
            return TelegramReader(dates=self.dates).parse(doc, origin=origin)
        if prepared.format == "telegram":
            raise MalformedInput(origin, "not a Telegram Desktop export (no chat with a list of messages)")
        return self._records().parse_document(doc, origin=origin, default_id=default_id)

    def _archive(self, data: bytes, *, origin: str, depth: int) -> Iterator[Outcome]:
        if depth >= MAX_DEPTH:
            raise UnsupportedInput(origin, f"archives nested more than {MAX_DEPTH} deep are not opened")
        for member in zip_members(data, origin=origin, max_bytes=self.max_bytes, formats=self.tables.formats):
            if isinstance(member, MemberFailure):
                yield RecordFailure(error=member.error, raw=member.raw)
                continue
            try:
                prepared = self.prepare(member.data, origin=member.origin, fmt=member.fmt)
                yield from self._dispatch(
                    prepared, origin=member.origin, default_id=member.default_id, fetched=None, depth=depth + 1
                )
            except IngestError as exc:
                yield RecordFailure(error=exc, raw=member.data[: self.max_bytes])

    def finish(self, report: Report, *, fetched: Fetch | None = None) -> Report:
        """The report's language (declared, normalised; else detected) and fetch provenance."""
        update: dict[str, object] = {}
        if report.language:
            code = language_code(report.language, names=self.languages)
            if code and code != report.language:
                update["language"] = code
        else:
            guess = detect_language(report.text)
            if guess.code is not None:
                update["language"] = guess.code
        if fetched is not None:
            if report.retrieved is None:
                update["retrieved"] = fetched.retrieved
            if report.url is None and report.format == "text":
                update["url"] = fetched.url
        return report.model_copy(update=update) if update else report

    # ------------------------------------------------------------------ whole inputs

    def read(
        self,
        data: bytes,
        *,
        origin: str,
        default_id: str,
        fmt: str | None,
        charset: str | None = None,
        fetched: Fetch | None = None,
    ) -> Iterator[Report | IngestFailure]:
        """Every report of one input; a failure of the whole or of a record as IngestFailure.

        Never raises IngestError: the failure keeps the raw bytes (capped at the size
        limit; a bad record keeps its own) for whoever needs to look at it.
        """
        raw = data[: self.max_bytes]
        try:
            prepared = self.prepare(data, origin=origin, fmt=fmt, charset=charset)
        except IngestError as exc:
            yield IngestFailure(origin=exc.origin, reason=exc.reason, format=fmt, raw=raw)
            return
        try:
            for outcome in self.parse(prepared, origin=origin, default_id=default_id, fetched=fetched):
                if isinstance(outcome, RecordFailure):
                    yield IngestFailure(
                        origin=outcome.error.origin,
                        reason=outcome.error.reason,
                        format=outcome.format or prepared.format,
                        raw=outcome.raw,
                    )
                else:
                    yield outcome
        except IngestError as exc:
            yield IngestFailure(origin=exc.origin, reason=exc.reason, format=prepared.format, raw=raw)

    def read_url(self, url: str, *, fmt: str | None = None) -> Iterator[Report | IngestFailure]:
        """Fetch a URL and read what it holds, by its content type, ending or content."""
        try:
            response = self._fetcher(url).fetch(url)
        except FetchFailed as exc:
            yield IngestFailure(origin=url, reason=exc.reason, format=fmt, raw=exc.raw[: self.max_bytes])
            return
        except IngestError as exc:
            yield IngestFailure(origin=url, reason=exc.reason, format=fmt)
            return
        chosen = fmt or format_from_url(response.url, response.content_type, formats=self.tables.formats)
        yield from self.read(
            response.content,
            origin=url,
            default_id=url_id(response.url),
            fmt=chosen,
            charset=response.charset,
            fetched=Fetch(url=response.url, retrieved=response.retrieved),
        )

    def load_page(self, url: str) -> Report:
        """A feed entry's linked page as a Report (HTML); raises IngestError naming the URL."""
        response = self._fetcher(url).fetch(url)
        chosen = format_from_url(response.url, response.content_type, formats=self.tables.formats)
        prepared = self.prepare(response.content, origin=url, fmt=None, charset=response.charset)
        if "html" not in (chosen or "", prepared.format):
            raise UnsupportedInput(
                url, f"the linked page is {response.content_type or 'of unknown type'}, not an HTML article"
            )
        return parse_html(
            prepared.text,
            origin=url,
            default_id=url_id(response.url),
            rules=self.html,
            dates=self.dates,
            url=response.url,
            retrieved=response.retrieved,
        )

    def _fetcher(self, url: str) -> Fetcher:
        if self.fetcher is None:
            raise UnsupportedInput(url, "not fetched: this reader works offline (build it with a Fetcher)")
        return self.fetcher

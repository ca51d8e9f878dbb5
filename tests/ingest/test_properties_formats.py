"""Every new parser, fed random bytes and random structures: reports or a clear IngestError."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from corroborator.config import Settings
from corroborator.errors import IngestError
from corroborator.ingest import iter_bytes, read_bytes
from corroborator.model import IngestFailure, Report

NEW_FORMATS = st.sampled_from(["html", "feed", "csv", "tsv", "telegram", "zip"])
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | words
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(words, inner, max_size=4),
    max_leaves=20,
)


def check(data: bytes, fmt: str | None, settings: Settings) -> None:
    try:
        reports = read_bytes(data, origin="prop", default_id="prop", fmt=fmt, settings=settings)
    except IngestError as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert reports and all(isinstance(r, Report) and r.text.strip() for r in reports)
    for outcome in iter_bytes(data, origin="prop", default_id="prop", fmt=fmt, settings=settings):
        assert isinstance(outcome, Report | IngestFailure)
        if isinstance(outcome, IngestFailure):
            assert outcome.reason and "\n" not in outcome.reason


@hypothesis_settings(max_examples=250, deadline=None)
@given(data=st.binary(max_size=600), fmt=NEW_FORMATS)
def test_properties_formats_random_bytes(settings: Settings, data: bytes, fmt: str) -> None:
    check(data, fmt, settings)


# --------------------------------------------------------------------------- HTML

TAGS = st.sampled_from(["p", "div", "article", "figure", "figcaption", "script", "nav", "h1", "span", "br", "li", "ul"])


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    def node(depth: int) -> str:
        tag = draw(TAGS)
        attrs = draw(st.sampled_from(["", ' class="caption"', ' class="related"', ' id="menu"', ' lang="uk"']))
        if depth > 3 or draw(st.booleans()):
            inner = escape(draw(words))
        else:
            inner = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 3))))
        closing = "" if draw(st.integers(0, 9)) == 0 else f"</{tag}>"  # sometimes unclosed
        return f"<{tag}{attrs}>{inner}{closing}"

    body = "".join(node(0) for _ in range(draw(st.integers(0, 4))))
    head = draw(st.sampled_from(["", "<title>T</title>", '<meta property="article:published_time" content="x">']))
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


@hypothesis_settings(max_examples=150, deadline=None)
@given(data=html_pages())
def test_properties_formats_random_html_trees(settings: Settings, data: bytes) -> None:
    check(data, "html", settings)
    check(data, None, settings)


# --------------------------------------------------------------------------- feeds


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    items = []
    for _ in range(draw(st.integers(0, 3))):
        fields = {
            "title": draw(words),
            "link": draw(st.sampled_from(["", "https://x.example/a", "urn:x", draw(words)])),
            "guid": draw(words),
            "pubDate": draw(words),
            "description": draw(words),
        }
        chosen = draw(st.lists(st.sampled_from(sorted(fields)), unique=True))
        items.append("<item>" + "".join(f"<{k}>{escape(fields[k])}</{k}>" for k in chosen) + "</item>")
    atom = draw(st.booleans())
    if atom:
        entries = "".join(i.replace("<item>", "<entry>").replace("</item>", "</entry>") for i in items)
        text = f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(draw(words))}</title>{entries}</feed>'
    else:
        text = f'<rss version="2.0"><channel><title>{escape(draw(words))}</title>{"".join(items)}</channel></rss>'
    cut = draw(st.integers(0, len(text)))
    return (text if draw(st.booleans()) else text[:cut]).encode()


@hypothesis_settings(max_examples=150, deadline=None)
@given(data=feeds())
def test_properties_formats_random_feeds(settings: Settings, data: bytes) -> None:
    check(data, "feed", settings)
    check(data, None, settings)


# --------------------------------------------------------------------------- Telegram


message_parts = st.lists(words | st.fixed_dictionaries({"type": st.sampled_from(["bold", "text_link"]), "text": words}))
messages = st.fixed_dictionaries(
    {"id": st.integers(0, 99) | words | st.none(), "type": st.sampled_from(["message", "service", "x"])},
    optional={"text": words | message_parts | json_values, "date": words, "forwarded_from": json_values},
)


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    chat=st.fixed_dictionaries(
        {"messages": st.lists(messages | json_values, max_size=5)},
        optional={"name": json_values, "type": words, "id": json_values},
    )
)
def test_properties_formats_random_telegram_exports(settings: Settings, chat: dict[str, Any]) -> None:
    data = json.dumps(chat).encode()
    check(data, "telegram", settings)
    check(data, None, settings)


# --------------------------------------------------------------------------- tables


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    header=st.lists(st.sampled_from(["id", "text", "body", "title", "date", "x", ""]) | words, min_size=1, max_size=5),
    rows=st.lists(st.lists(words, max_size=6), max_size=5),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_properties_formats_random_tables(
    settings: Settings, header: list[str], rows: list[list[str]], delimiter: str
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8", "surrogatepass")
    check(data, "csv", settings)
    check(data, "tsv", settings)


# --------------------------------------------------------------------------- archives


@hypothesis_settings(max_examples=100, deadline=None)
@given(
    members=st.dictionaries(
        st.sampled_from(["a.txt", "b.json", "c.html", "d.csv", "e.xml", "f.zip", "g.bin", "dir/h.md", ".x"]),
        st.binary(max_size=200) | words.map(str.encode),
        max_size=5,
    ),
    cut=st.none() | st.integers(0, 400),
)
def test_properties_formats_random_archives(settings: Settings, members: dict[str, bytes], cut: int | None) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content)
    data = buffer.getvalue() if cut is None else buffer.getvalue()[:cut]
    check(data, "zip", settings)
    check(data, None, settings)

"""HTML pages: the article's main text, its metadata, and its captions kept apart.

The main text comes from trafilatura, which removes menus, side bars, footers and
teasers; its title, author and site name fill the Report. The publication time is the one
a meta tag declares (resources/ingest/html.toml, [published]), exactly as written, else
the date htmldate finds in structured data and `<time>` elements (never guessed from free
text, never padded to a midnight the page did not state). The body becomes one paragraph
per block, separated by blank lines, so the clean-up stage sees the page's own paragraphs.

Captions are read from the page itself, because trafilatura drops them with the images:
caption elements (resources/ingest/html.toml, [captions]) inside the article — the
nearest `<article>` or `<main>` around the paragraphs trafilatura kept, or else their
common ancestor — and not inside page furniture (related stories, promotions). They go to
`Report.extra["captions"]`; the normalise stage appends them after the body with the
CAPTION role, so a fact stated only in a caption keeps its evidence and is marked as such.

The byline goes to `extra["byline"]`, the site's `<html lang>` to `extra["html_lang"]`:
page templates declare one language for a whole site, so it is a hint, not the report's
language (that is detected from the text).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from configparser import ConfigParser
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from corroborator.config import Settings, packaged_resource, read_resource_toml, resource_paths
from corroborator.errors import EmptyInput, MalformedInput, ResourceError
from corroborator.ingest.dateline import DateLexicon
from corroborator.ingest.html_text import CaptionRules, strip_non_prose, take_captions
from corroborator.ingest.text import find_date_line
from corroborator.model import Report

HTML_RESOURCE = "ingest/html.toml"

# The publication date as the page states it, with its clock time and offset when given.
# No extensive search: a date guessed from a URL or a sentence is not a declared date.
_DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}

# trafilatura falls back to a cruder extraction (one paragraph of all the page's text,
# captions included) when its main pass yields under 250 characters; a short news item
# (two sentences) is a real article, so the main pass is trusted down to this size.
_MIN_EXTRACTED_CHARS = 80
# A caption this long or longer found inside a body paragraph is cut out of it (the cruder
# extraction merges them); shorter ones could be ordinary phrases of the text.
_MIN_CAPTION_WORDS_TO_CUT = 4

# Errors lxml and trafilatura raise on markup they cannot make sense of. Anything else
# from them is a bug to see, not an input to quarantine.
_PARSE_ERRORS = (ValueError, TypeError, LookupError, RecursionError, etree.LxmlError)

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class HtmlRules:
    """Captions to keep apart, and the meta tags that declare a page's publication time."""

    captions: CaptionRules
    published_meta: tuple[str, ...]


def html_rules(settings: Settings | None = None) -> HtmlRules:
    if settings is None:
        return _load_rules((packaged_resource(HTML_RESOURCE),))
    return _load_rules(tuple(resource_paths(HTML_RESOURCE, settings)))


@lru_cache(maxsize=8)
def _load_rules(paths: tuple[Path, ...]) -> HtmlRules:
    names: list[str] = []
    for path in paths:
        entries = read_resource_toml(path, what="the HTML rules").get("published", {}).get("meta", [])
        if not isinstance(entries, list) or not all(isinstance(v, str) for v in entries):
            raise ResourceError(f"{path}: [published].meta must be a list of strings")
        names.extend(e.casefold() for e in entries if e.casefold() not in names)
    return HtmlRules(captions=_load_captions(paths), published_meta=tuple(names))


def _load_captions(paths: tuple[Path, ...]) -> CaptionRules:
    lists: dict[str, list[str]] = {"tags": [], "class_contains": [], "furniture_tags": [], "furniture_words": []}
    max_words = 0
    for path in paths:
        section = read_resource_toml(path, what="the HTML caption rules").get("captions", {})
        for key, values in lists.items():
            entries = section.get(key, [])
            if not isinstance(entries, list) or not all(isinstance(v, str) for v in entries):
                raise ResourceError(f"{path}: [captions].{key} must be a list of strings")
            values.extend(v.casefold() for v in entries)
        if "max_words" in section:
            if not isinstance(section["max_words"], int) or section["max_words"] < 1:
                raise ResourceError(f"{path}: [captions].max_words must be a positive integer")
            max_words = section["max_words"]
    return CaptionRules(
        tags=frozenset(lists["tags"]),
        class_contains=tuple(lists["class_contains"]),
        furniture_tags=frozenset(lists["furniture_tags"]),
        furniture_words=tuple(lists["furniture_words"]),
        max_words=max_words or 80,
    )


@dataclass(frozen=True, kw_only=True)
class PageText:
    """What a page says, before it becomes a Report."""

    paragraphs: list[str]
    captions: list[str]
    title: str | None
    byline: str | None
    outlet: str | None
    published: str | None
    url: str | None
    html_lang: str | None
    description: str | None


def parse_html(
    text: str,
    *,
    origin: str,
    default_id: str,
    rules: HtmlRules,
    dates: DateLexicon,
    url: str | None = None,
    retrieved: str | None = None,
) -> Report:
    """A Report from one HTML page; raises IngestError when it holds no article text."""
    page = read_page(text, origin=origin, rules=rules, url=url)
    body = "\n\n".join(page.paragraphs)
    extra: dict[str, Any] = {}
    if page.captions:
        extra["captions"] = page.captions
    if page.byline:
        extra["byline"] = page.byline
    if page.html_lang:
        extra["html_lang"] = page.html_lang
    if page.description:
        extra["description"] = page.description
    if url and page.url and page.url != url:
        extra["fetched_url"] = url
    date_line = find_date_line(body, dates=dates)
    return Report(
        id=default_id,
        text=body,
        outlet=page.outlet,
        url=page.url or url,
        title=page.title,
        published=page.published or date_line,
        retrieved=retrieved,
        date_line=date_line,
        origin=origin,
        format="html",
        extra=extra,
    )


def read_page(text: str, *, origin: str, rules: HtmlRules, url: str | None = None) -> PageText:
    """Main text, captions and metadata of a page; raises IngestError when there is no text."""
    import trafilatura  # imported here: it takes a moment, and most runs read no HTML

    try:
        document = trafilatura.bare_extraction(
            text,
            config=_trafilatura_config(),
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except _PARSE_ERRORS as exc:
        raise MalformedInput(origin, f"HTML cannot be parsed ({type(exc).__name__}: {exc})") from exc
    body = getattr(document, "body", None)
    paragraphs = _body_paragraphs(body) if body is not None else []
    if not paragraphs:
        raise EmptyInput(origin, "HTML page has no article text to extract (only menus, scripts or an empty body)")
    root = _parse_page(text)
    declared = _declared_published(root, rules.published_meta) if root is not None else None
    html_lang = _clean(root.get("lang") or root.get(_XML_LANG)) if root is not None else None
    captions = _page_captions(root, paragraphs, rules=rules.captions) if root is not None else []
    paragraphs = _without_captions(paragraphs, captions)
    return PageText(
        paragraphs=paragraphs,
        captions=captions,
        title=_clean(getattr(document, "title", None)),
        byline=_clean(getattr(document, "author", None)),
        outlet=_clean(getattr(document, "sitename", None)) or _clean(getattr(document, "hostname", None)),
        published=declared or _date_only_if_midnight(_clean(getattr(document, "date", None))),
        url=_clean(getattr(document, "url", None)),
        html_lang=html_lang,
        description=_clean(getattr(document, "description", None)),
    )


@lru_cache(maxsize=1)
def _trafilatura_config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(_MIN_EXTRACTED_CHARS))
    return config


def _without_captions(paragraphs: list[str], captions: Sequence[str]) -> list[str]:
    """The body without caption text trafilatura kept: a caption read as the article's own
    voice would count twice, once without its caption flag."""
    wanted = {_comparable(c) for c in captions}
    kept = [p for p in paragraphs if _comparable(p) not in wanted]
    cut = []
    for paragraph in kept:
        for caption in captions:
            if len(caption.split()) >= _MIN_CAPTION_WORDS_TO_CUT and caption in paragraph:
                paragraph = " ".join(paragraph.replace(caption, " ").split())
        if paragraph:
            cut.append(paragraph)
    return cut or paragraphs


def _body_paragraphs(body: etree._Element) -> list[str]:
    """Trafilatura's body (its own XML: head, p, list/item, quote, ...) as paragraphs."""
    out: list[str] = []
    for child in body:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "list":
            out.extend(_flat(item) for item in child if item.tag == "item")
        elif tag == "quote" and len(child) and all(c.tag == "p" for c in child):
            out.extend(_flat(c) for c in child)
        elif tag in ("graphic", "table"):
            continue
        else:
            out.append(_flat(child))
    return [p for p in out if p]


def _flat(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _parse_page(markup: str) -> etree._Element | None:
    """The page's own tree (trafilatura's is pruned to the text), or None when unparseable."""
    try:
        root: etree._Element = lxml_html.document_fromstring(markup)
    except _PARSE_ERRORS as exc:
        log.debug("page tree unavailable: %s", exc)
        return None
    return root


def _page_captions(root: etree._Element, paragraphs: Sequence[str], *, rules: CaptionRules) -> list[str]:
    """Captions of the article region (the tree loses its scripts and captions)."""
    strip_non_prose(root)
    return take_captions(_article_region(root, paragraphs), rules=rules)


def _declared_published(root: etree._Element, names: Sequence[str]) -> str | None:
    """The publication time a meta tag declares, exactly as written (first name wins)."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").casefold()
        value = _clean(meta.get("content"))
        if key in names and value and key not in found:
            found[key] = value
    return next((found[n] for n in names if n in found), None)


def _date_only_if_midnight(value: str | None) -> str | None:
    """htmldate pads a date it found without a clock time to midnight; a padded midnight
    would be read as a declared time of day, so keep only the date."""
    if value is not None and value.endswith("T00:00:00"):
        return value[: -len("T00:00:00")]
    return value


def _article_region(root: etree._Element, paragraphs: Sequence[str]) -> etree._Element:
    """The element holding the article: `<article>`/`<main>` around the kept paragraphs.

    The paragraphs' common ancestor alone would miss the lead photo, which pages put
    above the text container but inside the article; a page without those elements falls
    back to the common ancestor, and a page whose text cannot be found to the whole page.
    """
    wanted = {_comparable(p) for p in paragraphs}
    found = [
        el
        for el in root.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div")
        if len(el) < 8 and _comparable(_flat(el)) in wanted
    ]
    if not found:
        return root
    common = _common_ancestor(found)
    current: etree._Element | None = common
    while current is not None:
        if isinstance(current.tag, str) and current.tag.casefold() in ("article", "main"):
            return current
        current = current.getparent()
    return common


def _common_ancestor(elements: Sequence[etree._Element]) -> etree._Element:
    chains = [list(reversed([el, *el.iterancestors()])) for el in elements]
    common = chains[0][0]
    for level in zip(*chains, strict=False):
        if all(node is level[0] for node in level):
            common = level[0]
        else:
            break
    if common is elements[0] and len(elements) == 1:
        parent = common.getparent()
        return parent if parent is not None else common
    return common


def _comparable(text: str) -> str:
    return " ".join(text.split()).casefold()


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = " ".join(value.split())
    return cleaned or None

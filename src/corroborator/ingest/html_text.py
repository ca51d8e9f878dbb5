"""HTML fragments to paragraphs: the small conversion feeds and HTML pages both need.

A feed entry's content is a fragment of the article's HTML, already without the page's
menus and side bars, so a main-text extractor has nothing to remove and would only risk
dropping short items. Here block elements become paragraphs, line breaks stay line
breaks, scripts and styles go, and captions (see `CaptionRules`) are returned apart from
the body so that a fact in a caption is never read as the article's own statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

#: Elements that end a paragraph before and after them.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
    }
)  # fmt: skip
#: Elements whose content is never prose.
DROPPED_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "object", "head"})

_BREAK = "\x00"  # stands for a paragraph boundary while the text is assembled
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(frozen=True, kw_only=True)
class CaptionRules:
    """Which elements hold captions, and which surroundings mark page furniture.

    From resources/ingest/html.toml ([captions]).
    """

    tags: frozenset[str]
    class_contains: tuple[str, ...]
    furniture_tags: frozenset[str]
    furniture_words: tuple[str, ...]
    max_words: int

    def is_caption(self, element: etree._Element) -> bool:
        tag = _tag(element)
        if tag in self.tags:
            return True
        classes = (element.get("class") or "").casefold()
        return bool(classes) and any(word in classes for word in self.class_contains)

    def is_furniture(self, element: etree._Element) -> bool:
        if _tag(element) in self.furniture_tags:
            return True
        names = f"{element.get('class') or ''} {element.get('id') or ''}".casefold()
        return bool(names.strip()) and any(word in names for word in self.furniture_words)


def parse_fragment(markup: str) -> etree._Element:
    """A fragment (or a whole page) as one element tree; raises ValueError when it has none."""
    try:
        root = lxml_html.fromstring(f"<div>{markup}</div>")
    except (etree.ParserError, etree.XMLSyntaxError) as exc:
        raise ValueError(f"not readable as HTML ({exc})") from exc
    strip_non_prose(root)
    return root


def strip_non_prose(root: etree._Element) -> None:
    """Remove scripts, styles and the like (keeping the text that follows them)."""
    doomed = [el for el in root.iter() if _tag(el) in DROPPED_TAGS or not isinstance(el.tag, str)]
    for element in doomed:
        _remove(element)


def fragment_paragraphs(markup: str, *, rules: CaptionRules) -> tuple[list[str], list[str]]:
    """(paragraphs, captions) of an HTML fragment; raises ValueError when it is not HTML."""
    root = parse_fragment(markup)
    captions = take_captions(root, rules=rules)
    return element_paragraphs(root), captions


def take_captions(container: etree._Element, *, rules: CaptionRules) -> list[str]:
    """Captions inside `container`, in document order, removed from the tree.

    Innermost caption elements only (a "wp-caption" box holds a "wp-caption-text"), each
    once, none inside page furniture, none longer than a caption gets.
    """
    found: list[etree._Element] = [el for el in container.iter() if isinstance(el.tag, str) and rules.is_caption(el)]
    innermost = [el for el in found if not any(other is not el and _inside(other, el) for other in found)]
    captions: list[str] = []
    for element in innermost:
        if any(rules.is_furniture(a) for a in _ancestors(element, stop=container)):
            continue
        text = " ".join(" ".join(element_paragraphs(element)).split())
        if text and len(text.split()) <= rules.max_words and text not in captions:
            captions.append(text)
    for element in found:
        _remove(element)
    return captions


def element_paragraphs(element: etree._Element) -> list[str]:
    """The text of an element tree as paragraphs: blocks split, inline text joined."""
    parts: list[str] = []
    for event, el in etree.iterwalk(element, events=("start", "end")):
        tag = _tag(el)
        if event == "start":
            if tag in BLOCK_TAGS:
                parts.append(_BREAK)
            elif tag == "br":
                parts.append("\n")
            elif tag in ("td", "th"):
                parts.append(" ")
            if el.text and isinstance(el.tag, str):
                parts.append(el.text)
        else:
            if tag in BLOCK_TAGS:
                parts.append(_BREAK)
            if el is not element and el.tail:
                parts.append(el.tail)
    return _split("".join(parts))


def _split(text: str) -> list[str]:
    paragraphs: list[str] = []
    for block in text.split(_BREAK):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return paragraphs


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.casefold() if isinstance(tag, str) else ""


def _ancestors(element: etree._Element, *, stop: etree._Element) -> list[etree._Element]:
    chain = []
    current = element.getparent()
    while current is not None:
        chain.append(current)
        if current is stop:
            break
        current = current.getparent()
    return chain


def _inside(inner: etree._Element, outer: etree._Element) -> bool:
    current = inner.getparent()
    while current is not None:
        if current is outer:
            return True
        current = current.getparent()
    return False


def _remove(element: etree._Element) -> None:
    """Take an element out of its tree, keeping its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = _xml_safe((previous.tail or "") + tail)
        else:
            parent.text = _xml_safe((parent.text or "") + tail)
    parent.remove(element)


def _xml_safe(text: str) -> str:
    """Text lxml accepts when set on an element: no control characters besides white space,
    no surrogates (the parser let them through from the page; setting them back is refused)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or not _unsafe(ord(ch)))


def _unsafe(code: int) -> bool:
    return code < 32 or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF)

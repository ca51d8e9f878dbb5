"""Text clean-up and paragraph roles: the text every later offset indexes into.

Clean-up happens once, here, so no later stage has to map offsets back through it:

- line breaks: CRLF and CR become LF; line and paragraph separators become line breaks;
- characters: Unicode NFC; curly quotes, guillemets and primes become ASCII ' and ";
  non-breaking and other odd spaces (and tabs) become a plain space; zero-width, bidi and
  other format or control characters are removed (a soft hyphen inside a word would split
  it for the parser);
- lines: leading and trailing spaces stripped, runs of spaces collapsed, runs of blank lines
  collapsed to one blank line, blank lines at either end dropped.

Paragraphs are split on blank lines. A text without any blank line but with several lines
is one paragraph a line, unless it reads as hard-wrapped prose (many lines break mid-
sentence). At the top of a report, a date line or byline sharing a block with other lines
("January 21, 2025" directly above the first sentence) is split off as its own paragraph.

Roles (model.ParagraphRole): DATELINE, BYLINE, HEADLINE near the top; CAPTION (carries a
photo/video credit) and CREDIT (nothing but credits) anywhere. The credit and byline
patterns are data: resources/lexicon/credits.toml.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from corroborator.config import Settings, packaged_resource, read_resource_toml, resource_paths
from corroborator.errors import ResourceError
from corroborator.ingest.dateline import DateLexicon, date_lexicon, is_date_line
from corroborator.model import Paragraph, ParagraphRole

CREDITS_RESOURCE = "lexicon/credits.toml"

#: A headline is a line, not a paragraph of prose; news headlines rarely pass 20 words.
MAX_HEADLINE_WORDS = 25
#: "By Jane Doe and John Roe, Reuters, in Kyiv" is about as long as a byline gets.
MAX_BYLINE_WORDS = 12
#: Hard-wrapped prose breaks many lines mid-sentence; one paragraph a line almost never does.
HARD_WRAP_SHARE = 1 / 3

_QUOTES = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2035": "'",
    "\u02bc": "'", "\u00b4": "'", "`": "'", "\u2039": "'", "\u203a": "'", "\uff07": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u2036": '"',
    "\u00ab": '"', "\u00bb": '"', "\u301d": '"', "\u301e": '"', "\uff02": '"',
}  # fmt: skip
# Characters str.splitlines treats as line breaks, besides LF and CR (handled first).
_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028"
_RUN_OF_SPACES = re.compile(" {2,}")
_FINAL_PUNCTUATION = ".!?;:…"
_CLOSERS = "\"')]}»”’"


def clean_text(
    raw: str, *, title: str | None = None, settings: Settings | None = None
) -> tuple[str, tuple[Paragraph, ...]]:
    """The cleaned text and its paragraphs, in order, with roles.

    `title`: the report's title, when known; a first paragraph repeating it is the
    HEADLINE even when it ends in punctuation. `settings`: to read the user's extensions of
    the credit and date-line lexicons (the packaged ones otherwise).
    """
    text = tidy_lines(normalise_characters(raw))
    credits = credit_lexicon(settings)
    dates = date_lexicon(settings)
    blocks = _split_top_lines(text, split_blocks(text), credits=credits, dates=dates)
    return text, _assign_roles(text, blocks, title=title, credits=credits, dates=dates)


def normalise_characters(raw: str) -> str:
    """Line breaks, quotes, spaces, invisible characters and NFC, as the module says."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n\n")
    # NFC first: it can produce characters the table maps (U+1FEF becomes a backtick).
    # NFC again after: removing a zero-width character can leave a letter and its combining
    # mark side by side, to be composed. Composition never yields a quote or a space, so
    # the result is stable: cleaning cleaned text changes nothing.
    text = unicodedata.normalize("NFC", text).translate(_translation())
    return unicodedata.normalize("NFC", text)


def tidy_lines(text: str) -> str:
    """Strip and collapse spaces on each line; one blank line at most between paragraphs."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = _RUN_OF_SPACES.sub(" ", line).strip(" ")
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def split_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of tidied text."""
    if not text:
        return []
    if "\n\n" in text:
        return _spans(text, "\n\n")
    lines = _spans(text, "\n")
    if len(lines) > 1 and not _hard_wrapped([text[s:e] for s, e in lines]):
        return lines
    return [(0, len(text))]


def _spans(text: str, separator: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        end = text.find(separator, start)
        if end < 0:
            spans.append((start, len(text)))
            return spans
        spans.append((start, end))
        start = end + len(separator)


def _hard_wrapped(lines: list[str]) -> bool:
    """True when many line breaks fall inside a sentence: the next line goes on in lower case."""
    breaks = len(lines) - 1
    inside = sum(
        1
        for line, following in pairwise(lines)
        if line.rstrip(_CLOSERS)[-1:] not in _FINAL_PUNCTUATION
        and (following[:1].islower() or line.endswith((",", "-")))
    )
    return inside >= HARD_WRAP_SHARE * breaks


# --------------------------------------------------------------------------- roles


@dataclass(frozen=True, kw_only=True)
class CreditPattern:
    """A compiled credit pattern and the strings one of which a paragraph needs to match it."""

    regex: re.Pattern[str]
    requires: tuple[str, ...] = ()

    def spans(self, paragraph: str, folded: str) -> list[tuple[int, int]]:
        if self.requires and not any(r in folded for r in self.requires):
            return []
        return [m.span() for m in self.regex.finditer(paragraph)]


@dataclass(frozen=True, kw_only=True)
class CreditLexicon:
    """Compiled patterns from resources/lexicon/credits.toml."""

    photo: tuple[CreditPattern, ...]
    reporting: tuple[CreditPattern, ...]
    bylines: tuple[re.Pattern[str], ...]
    near_top: int

    def role(self, paragraph: str) -> ParagraphRole | None:
        """CREDIT when the paragraph is nothing but credits, CAPTION when it carries a photo
        credit, None otherwise."""
        folded = paragraph.casefold()
        photo = [span for p in self.photo for span in p.spans(paragraph, folded)]
        reporting = [span for p in self.reporting for span in p.spans(paragraph, folded)]
        if not photo and not reporting:
            return None
        # Patterns overlap ("AP Photo/Jane Doe" is an agency photo and a "Photo/" label), so
        # test what the union of their matches leaves, not what each leaves in turn.
        covered = 0
        for start, end in sorted(photo + reporting):
            if any(ch.isalnum() for ch in paragraph[covered:start]):
                break
            covered = max(covered, end)
        else:
            if not any(ch.isalnum() for ch in paragraph[covered:]):
                return ParagraphRole.CREDIT
        return ParagraphRole.CAPTION if photo else None

    def is_byline(self, paragraph: str, *, dates: DateLexicon) -> bool:
        if "\n" in paragraph or len(paragraph.split()) > MAX_BYLINE_WORDS:
            return False
        if not any(p.fullmatch(paragraph) for p in self.bylines):
            return False
        # "By Tuesday evening" is a time, not an author: names are never calendar words.
        return not any(dates.is_calendar_word(w.strip(",|")) for w in paragraph.split()[1:])


def _assign_roles(
    text: str,
    blocks: list[tuple[int, int]],
    *,
    title: str | None,
    credits: CreditLexicon,
    dates: DateLexicon,
) -> tuple[Paragraph, ...]:
    """Roles, top down: the top region (before the first body paragraph, within `near_top`
    paragraphs) may hold date lines, bylines, credits and one headline."""
    wanted_title = _comparable(title) if title else None
    paragraphs: list[Paragraph] = []
    in_top, headline_seen = True, False
    for index, (start, end) in enumerate(blocks):
        para = text[start:end]
        role = credits.role(para)
        if in_top and index < credits.near_top:
            if is_date_line(para, lexicon=dates) or is_place_date_line(para, lexicon=dates):
                role = ParagraphRole.DATELINE
            elif credits.is_byline(para, dates=dates):
                role = ParagraphRole.BYLINE
            elif (
                role is None
                and not headline_seen
                and (
                    (wanted_title is not None and _comparable(para) == wanted_title)
                    or (_headline_like(para) and _body_follows(text, blocks[index + 1 :]))
                )
            ):
                role, headline_seen = ParagraphRole.HEADLINE, True
        if role is None:
            role, in_top = ParagraphRole.BODY, False
        paragraphs.append(Paragraph(start=start, end=end, role=role))
    return tuple(paragraphs)


#: The most words the place of a "Place, date" heading runs to ("Phnom Penh", "Dar es Salaam").
MAX_HEADING_PLACE_WORDS = 4


def is_place_date_line(line: str, *, lexicon: DateLexicon) -> bool:
    """A letter-style heading of where and when a statement was issued: "Phnom Penh, 17
    September", "Kyiv, 12 November 2026". A short run of capitalised words, a comma, and
    nothing after it but a date."""
    place, comma, date = line.strip().partition(",")
    words = place.split()
    return (
        bool(comma)
        and 0 < len(words) <= MAX_HEADING_PLACE_WORDS
        and words[0][:1].isupper()
        and all(w.replace("-", "").replace("'", "").isalpha() for w in words)
        and is_date_line(date, lexicon=lexicon)
    )


def _split_top_lines(
    text: str, blocks: list[tuple[int, int]], *, credits: CreditLexicon, dates: DateLexicon
) -> list[tuple[int, int]]:
    """Give a date line or byline at the top its own paragraph when it shares a block.

    Plain-text reports often put the date directly above the first sentence, with no
    blank line; as one paragraph, the date would hide from the DATELINE role and the
    sentence would start with it.
    """
    result: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(blocks):
        if index >= credits.near_top or "\n" not in text[start:end]:
            result.append((start, end))
            continue
        group_start: int | None = None
        for line_start, line_end in _spans(text[start:end], "\n"):
            s, e = start + line_start, start + line_end
            line = text[s:e]
            heading = is_date_line(line, lexicon=dates) or is_place_date_line(line, lexicon=dates)
            if heading or credits.is_byline(line, dates=dates):
                if group_start is not None:
                    result.append((group_start, s - 1))
                    group_start = None
                result.append((s, e))
            elif group_start is None:
                group_start = s
        if group_start is not None:
            result.append((group_start, end))
    return result


def _headline_like(para: str) -> bool:
    words = para.split()
    return (
        "\n" not in para
        and 0 < len(words) <= MAX_HEADLINE_WORDS
        and any(ch.isalpha() for ch in para)
        and para.rstrip(_CLOSERS)[-1:] not in _FINAL_PUNCTUATION
    )


def _body_follows(text: str, later: list[tuple[int, int]]) -> bool:
    """Some later paragraph reads as prose (a sentence, or too long for a headline)."""
    for start, end in later:
        para = text[start:end]
        if (
            para.rstrip(_CLOSERS)[-1:] in _FINAL_PUNCTUATION
            or len(para.split()) > MAX_HEADLINE_WORDS
        ):
            return True
    return False


def _comparable(value: str) -> str:
    """A form in which a title and its repetition in the body compare equal."""
    cleaned = " ".join(normalise_characters(value).split()).casefold()
    return cleaned.rstrip(_FINAL_PUNCTUATION + _CLOSERS + " ").lstrip("\"'")


# --------------------------------------------------------------------------- character table


@lru_cache(maxsize=1)
def _translation() -> dict[int, str | None]:
    """One str.translate table for quotes, spaces and invisible characters.

    Built from the Unicode database rather than a hand list, so new format characters
    (category Cf) and controls (Cc) are covered; a one-off scan of every code point.
    """
    table: dict[int, str | None] = {ord(k): v for k, v in _QUOTES.items()}
    for ch in _LINE_BREAKS:
        table[ord(ch)] = "\n"
    for code in range(sys.maxunicode + 1):
        if code in table or code == 0x0A:
            continue
        ch = chr(code)
        if ch.isspace():
            table[code] = " "
        elif unicodedata.category(ch) in ("Cf", "Cc"):
            table[code] = None
    return table


# --------------------------------------------------------------------------- lexicon


_UPPER = "[A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁЄІЇҐЎ]"
_NAME_WORD = _UPPER + r"[\w'’.\-]*"
_PARTICLE = r"(?:de|da|del|der|van|von|al|bin|ibn|el|la|le|du|dos|das|di|ter)\b"
_NAME = rf"(?:{_NAME_WORD}(?: +(?:{_NAME_WORD}|{_PARTICLE})){{0,4}})"
_PERSON = rf"(?:{_NAME_WORD}(?: +{_NAME_WORD}){{1,3}})"


def credit_lexicon(settings: Settings | None = None) -> CreditLexicon:
    """The credit and byline patterns: packaged, plus the user's same-named files."""
    if settings is None:
        return _load_credits((packaged_resource(CREDITS_RESOURCE),))
    return _load_credits(tuple(resource_paths(CREDITS_RESOURCE, settings)))


@lru_cache(maxsize=8)
def _load_credits(paths: tuple[Path, ...]) -> CreditLexicon:
    agencies: list[str] = []
    credits: list[tuple[str, str, tuple[str, ...], Path]] = []
    bylines: list[tuple[str, Path]] = []
    near_top = 0
    for path in paths:
        doc = _read(path)
        agencies.extend(str(a) for a in doc.get("agencies", {}).get("names", []))
        for entry in doc.get("credit", []):
            role, regex = entry.get("role"), entry.get("regex")
            if role not in ("photo", "reporting") or not isinstance(regex, str):
                raise ResourceError(
                    f'{path}: each [[credit]] needs role = "photo" or "reporting" and a regex'
                )
            requires = entry.get("requires", [])
            if not isinstance(requires, list) or not all(isinstance(r, str) for r in requires):
                raise ResourceError(f"{path}: [[credit]] requires must be a list of strings")
            credits.append((role, regex, tuple(r.casefold() for r in requires), path))
        byline = doc.get("byline", {})
        near_top = max(near_top, int(byline.get("near_top", 0)))
        bylines.extend((str(p), path) for p in byline.get("patterns", []))
    if not agencies:
        raise ResourceError(f"{paths[0]}: [agencies].names is empty; the credit patterns need it")
    agency = (
        r"\b(?i:"
        + "|".join(re.escape(a) for a in sorted(set(agencies), key=len, reverse=True))
        + r")\b"
    )

    def compile_(regex: str, path: Path) -> re.Pattern[str]:
        credit = (
            rf"(?:(?:{agency}|{_NAME})(?: *(?:[/,;&]|\b(?i:and|via|for)\b) *(?:{agency}|{_NAME}))*)"
        )
        expanded = (
            regex.replace("{credit}", credit)
            .replace("{person}", _PERSON)
            .replace("{name}", _NAME)
            .replace("{agency}", agency)
            .replace("{upper}", _UPPER)
        )
        try:
            return re.compile(expanded, re.MULTILINE)
        except re.error as exc:
            raise ResourceError(f"{path}: pattern {regex!r} is not a valid regex ({exc})") from exc

    return CreditLexicon(
        photo=tuple(
            CreditPattern(regex=compile_(r, p), requires=q)
            for role, r, q, p in credits
            if role == "photo"
        ),
        reporting=tuple(
            CreditPattern(regex=compile_(r, p), requires=q)
            for role, r, q, p in credits
            if role == "reporting"
        ),
        bylines=tuple(compile_(r, p) for r, p in bylines),
        near_top=near_top or 4,
    )


def _read(path: Path) -> dict[str, Any]:
    return read_resource_toml(path, what="the credit patterns")

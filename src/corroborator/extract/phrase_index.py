"""Finding known phrases (party names, source aliases, descriptor nouns) in short texts.

The tables in `resources/` are lists of phrases; reports spell them with other case,
diacritics, possessives and dotted abbreviations ("the U.S.", "Kyïv", "Russia's"). One
tokeniser and one matcher keep those variations handled the same way everywhere, and keep
character offsets valid for the caller's original string.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from unidecode import unidecode

T = TypeVar("T")

_WORD = re.compile(r"[A-Za-z0-9]+")
_DOTTED_ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")
# Short all-capitals words ("US", "RF", "AP", "IS") are abbreviations only in capitals.
_ABBREVIATION_MAX = 4


@dataclass(frozen=True)
class Word:
    """A word of a text: folded (lower-case ASCII) and original forms, offsets in the text."""

    folded: str
    original: str
    start: int
    end: int
    possessive: bool = False  # followed by 's or a bare apostrophe ("Russia's", "the Houthis'")

    @property
    def capitalised(self) -> bool:
        return self.original[:1].isupper()


def _ascii_same_length(text: str) -> str:
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
            continue
        folded = unidecode(ch)
        # keep one character per input character so offsets stay valid
        out.append(folded[:1] if folded else " ")
    ascii_text = "".join(out)

    def undot(m: re.Match[str]) -> str:
        letters = m.group(0).replace(".", "")
        return letters + " " * (len(m.group(0)) - len(letters))

    return _DOTTED_ABBREVIATION.sub(undot, ascii_text)


def words(text: str) -> list[Word]:
    """The words of `text`, with "'s" folded into a possessive flag on the word before it."""
    prepared = _ascii_same_length(text)
    found: list[Word] = []
    for match in _WORD.finditer(prepared):
        token = match.group(0)
        start, end = match.span()
        apostrophe = start > 0 and prepared[start - 1] in "'`"
        if token.lower() == "s" and apostrophe and found and found[-1].end == start - 1:
            last = found[-1]
            found[-1] = Word(last.folded, last.original, last.start, last.end, possessive=True)
            continue
        found.append(Word(token.lower(), token, start, end))
    # "the Houthis' leader": a bare apostrophe after a plural is a possessive too
    for i, word in enumerate(found):
        after = prepared[word.end : word.end + 1]
        if after in ("'", "`") and word.folded.endswith("s") and not word.possessive:
            following = prepared[word.end + 1 : word.end + 2]
            if not following.isalnum():
                found[i] = Word(word.folded, word.original, word.start, word.end, possessive=True)
    return found


def singular(word: str) -> str:
    """A rough English singular for matching plural nouns against a singular lexicon."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True)
class _Pattern(Generic[T]):
    value: T
    original: tuple[str, ...]
    abbreviation: tuple[bool, ...]  # per word: must match exactly in capitals
    capital: tuple[bool, ...]  # per word: must be capitalised in the text


@dataclass(frozen=True)
class Hit(Generic[T]):
    """Phrase found in a text: the values stored under it and where it is."""

    values: tuple[T, ...]
    start: int  # character offsets into the text searched
    end: int
    first_word: int  # word indexes, end-exclusive
    last_word: int
    possessive: bool


@dataclass
class PhraseIndex(Generic[T]):
    """Phrases mapped to values, matched on word sequences.

    `capitals`: a capitalised word in a phrase must be capitalised in the text, so the
    channel "Shot" never matches the noun "shot". Short all-capitals words always need
    capitals. `plurals`: the last word may appear in the plural ("officials").
    `skip_leading`: words ignored at the start of a phrase ("the").
    """

    capitals: bool = False
    plurals: bool = False
    skip_leading: frozenset[str] = frozenset({"the"})
    _patterns: dict[tuple[str, ...], list[_Pattern[T]]] = field(default_factory=dict, repr=False)
    _longest: int = 1

    def add(self, phrase: str, value: T) -> None:
        toks = words(phrase)
        while toks and toks[0].folded in self.skip_leading and len(toks) > 1:
            toks = toks[1:]
        if not toks:
            return
        key = tuple(t.folded for t in toks)
        original = tuple(t.original for t in toks)
        abbreviation = tuple(w.isupper() and len(w) <= _ABBREVIATION_MAX and w.isalpha() for w in original)
        capital = tuple(self.capitals and w[:1].isupper() for w in original)
        bucket = self._patterns.setdefault(key, [])
        if any(p.value == value and p.original == original for p in bucket):
            return
        bucket.append(_Pattern(value, original, abbreviation, capital))
        self._longest = max(self._longest, len(key))

    def __len__(self) -> int:
        return sum(len(b) for b in self._patterns.values())

    def _accepts(self, pattern: _Pattern[T], window: Sequence[Word]) -> bool:
        for word, original, abbreviation, capital in zip(
            window, pattern.original, pattern.abbreviation, pattern.capital, strict=True
        ):
            if abbreviation and word.original != original:
                return False
            if capital and not word.capitalised:
                return False
        return True

    def _values_at(self, toks: Sequence[Word], i: int, length: int) -> tuple[T, ...]:
        window = toks[i : i + length]
        keys = [tuple(t.folded for t in window)]
        if self.plurals:
            last = singular(window[-1].folded)
            if last != window[-1].folded:
                keys.append((*keys[0][:-1], last))
        for key in keys:
            values = tuple(p.value for p in self._patterns.get(key, []) if self._accepts(p, window))
            if values:
                return values
        return ()

    def scan(self, text: str, toks: Sequence[Word] | None = None) -> list[Hit[T]]:
        """Left to right, the longest phrase at each word, without overlaps."""
        toks = words(text) if toks is None else toks
        hits: list[Hit[T]] = []
        i = 0
        while i < len(toks):
            for length in range(min(self._longest, len(toks) - i), 0, -1):
                values = self._values_at(toks, i, length)
                if values:
                    last = toks[i + length - 1]
                    hits.append(Hit(values, toks[i].start, last.end, i, i + length, last.possessive))
                    i += length
                    break
            else:
                i += 1
        return hits

    def lookup(self, phrase: str) -> tuple[T, ...]:
        """Values stored under exactly this phrase (a leading "the" ignored)."""
        toks = words(phrase)
        while toks and toks[0].folded in self.skip_leading and len(toks) > 1:
            toks = toks[1:]
        if not toks or len(toks) > self._longest:
            return ()
        return self._values_at(toks, 0, len(toks)) if self._covers(toks) else ()

    def _covers(self, toks: Sequence[Word]) -> bool:
        key = tuple(t.folded for t in toks)
        if key in self._patterns:
            return True
        return self.plurals and (*key[:-1], singular(key[-1])) in self._patterns

    def keys(self) -> Iterator[tuple[str, ...]]:
        return iter(self._patterns)

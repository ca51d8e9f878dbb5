"""The context of a match: quotation, paragraph, sentence, tense and relation to the event.

Separate because none of this is the expression's own meaning: it is read from the text
around it (or from the spaCy parse), and it is what later decides which of several
calendar readings the writer meant.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from corroborator.normalise.timex.grammar import _Grammar
from corroborator.normalise.timex.lexicon import TimeLexicon
from corroborator.normalise.timex.parts import ParsedTime, Relation, Tense
from corroborator.normalise.timex.patterns import _squash


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks. Straight quotes pair up; a quote left open ends with its
    paragraph (journalists reopen quotes on each paragraph of a long quotation)."""
    regions: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n" and opened is not None:
            regions.append((opened, i))
            opened = None
        elif ch == "“" or (ch == '"' and opened is None):
            opened = i
        elif ch in {"”", '"'} and opened is not None:
            regions.append((opened, i + 1))
            opened = None
    if opened is not None:
        regions.append((opened, len(text)))
    return regions


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def _paragraph_starts(text: str) -> list[int]:
    """Starts of the lines that hold text (and 0): blank lines between paragraphs are not
    paragraphs, so the paragraph numbered one less is the one read just before."""
    return [s for s in _line_starts(text) if s == 0 or text[s:].split("\n", 1)[0].strip()]


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|\n+")


def _sentence_starts(text: str, doc: Doc | None) -> list[int]:
    if doc is not None:
        return sorted({s.start_char for s in doc.sents} | set(_line_starts(text)))
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _index_of(starts: Sequence[int], offset: int) -> int:
    """Index of the last start at or before `offset` (starts sorted, starting at 0)."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "NUM"})
_FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo", "would"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_FUTURE_HEADS = frozenset({"going", "due", "set", "scheduled", "expected", "planned"})


def _tense_from_doc(doc: Doc, start: int, end: int, lex: TimeLexicon) -> Tense | None:
    """The tense of the clause the expression modifies, read from the dependency parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Token = span.root
    for step in range(8):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"amod", "compound"}:
            if _deferred_to(token, span.root, lex):
                return "future"
            return _verb_tense(token, frozenset(lex.cue("future_verbs")))
        if step and token.pos_ in _NOMINAL and not _shares_a_time(token, span.root):
            # The time dates a thing or a state ("a split payable Dec. 7", "the attack on
            # May 3", "a third-quarter loss"), not the clause: the clause's tense says when
            # it was reported, not when that thing happens.
            return None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


_DEFERRAL_PREPOSITIONS = frozenset({"until", "till", "to"})


def _deferred_to(verb: Token, time: Token, lex: TimeLexicon) -> bool:
    """ "postponed until Tuesday morning", "delayed the vote to Friday": a verb moving something
    to a later time puts that time ahead of the news reporting it, whatever its tense."""
    if verb.lemma_.lower() not in lex.cue("deferral_verbs"):
        return False
    prep = time.head
    return prep.dep_ == "prep" and prep.lower_ in _DEFERRAL_PREPOSITIONS and prep.head.i == verb.i


def _shares_a_time(token: Token, root: Token) -> bool:
    """Is `token` another time that `root` is coordinated or in apposition with ("on Monday
    and Tuesday nights", "Friday, Oct. 23")? Then `root` is dated by the same clause."""
    if token.ent_type_ not in {"DATE", "TIME"}:
        return False
    node = root
    while node.i != token.i and node.dep_ in {"conj", "appos"}:
        node = node.head
    return node.i == token.i


def _verb_tense(verb: Token, future_verbs: frozenset[str]) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_MODALS:
        return "past" if {"have", "would"} <= words else "future"
    if "to" in words:
        # An infinitive ("plans to meet on Friday", "to be completed by Nov. 1", "went there
        # to mark the day on March 12") lies after its head, so only a head looking ahead
        # gives it a tense.
        head = verb.head
        if verb.dep_ in _SUBJECTS:
            # "the first to join on Friday were ...": an infinitive naming who did something,
            # the subject of its head, is no plan of that head
            return None
        if head.lemma_.lower() in future_verbs | {"be"} or head.lower_ in _FUTURE_HEADS:
            if _past_perfect(head):
                # "had been due to expire Friday": a plan the story has overtaken, which may or
                # may not have been kept; the plan no longer says its time lies ahead
                return None
            return "future"  # "plans to meet on Friday", "is to resume trading Tuesday"
        if head.i != verb.i and head.pos_ in {"VERB", "AUX"} and _verb_tense(head, future_verbs) == "future":
            return "future"
        return None
    if verb.lemma_.lower() in future_verbs:
        if verb.tag_ in {"VBZ", "VBP", "VBG"}:
            return "future"  # "expects results in the third quarter", "is planning a rally Friday"
        if verb.tag_ in {"VBD", "VBN"}:
            return None  # "planned a rally on Saturday": made in the past, the rally may be ahead
    if any(a.tag_ == "MD" for a in auxes):
        return None  # "must be returned by", "could come on": no tense of their own
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN":
        finite = any(a.tag_ in {"VBD", "VBZ", "VBP", "MD"} for a in auxes)
        if verb.dep_ == "xcomp" and not finite and verb.head.pos_ in {"VERB", "AUX"}:
            # "is going to start getting beaten in the spring": a participle completing
            # another verb has that verb's tense
            return _verb_tense(verb.head, future_verbs)
        if not auxes and verb.dep_ in {"acl", "amod", "advcl", "appos"}:
            return None  # a participle describing a thing: "a summit set for April"
        if words & {"has", "have", "'ve"}:
            # English puts no past date in the present perfect ("*has arrived yesterday"): a
            # date there is a state's or a deadline's ("has set Nov. 10 as the deadline",
            # "has been postponed until May"), so the verb says nothing of its year or week.
            return None
        present_passive = any(a.lower_ in _PRESENT_AUX for a in auxes)
        return "present" if present_passive and not any(a.lemma_ == "have" for a in auxes) else "past"
    if verb.tag_ == "VBG":
        return "present" if words & _PRESENT_AUX else None
    if verb.tag_ in {"VBZ", "VBP"}:
        return "present"
    return None


def _past_perfect(token: Token) -> bool:
    """ "had been scheduled", "had planned", "had been due": the verb, or the copula of the
    adjective, has "had" for auxiliary."""
    holders = [token, token.head] if token.dep_ in {"acomp", "attr"} else [token]
    return any(c.dep_ == "aux" and c.lower_ == "had" for h in holders for c in h.children)


def _tense_from_words(text: str, start: int, end: int, sentence: tuple[int, int], lex: TimeLexicon) -> Tense | None:
    """Without a parse: the nearest tense cue word before the expression in its sentence
    decides (English puts the verb before its time adverbial), else the nearest after it."""
    future, past = set(lex.cue("future")), set(lex.cue("past"))
    before: Tense | None = None
    for m in re.finditer(r"[A-Za-z']+(?:\s+to\b)?", text[sentence[0] : sentence[1]]):
        pos = sentence[0] + m.start()
        if start <= pos < end:
            continue
        word = _squash(m.group(0))
        first = word.split()[0]
        tense: Tense | None = None
        if word in future or first in future:
            tense = "future"
        elif first in past or (first.endswith("ed") and len(first) > 4):
            tense = "past"
        if tense is None:
            continue
        if pos < start:
            before = tense  # the last one before the expression is the nearest
        else:
            return before or tense
    return before


_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|through|until|till)\s*", re.IGNORECASE)


def _relation(text: str, start: int, lex: TimeLexicon, previous: ParsedTime | None) -> Relation:
    """Does a word like "ahead of" or "since" relate the event to this time?"""
    if previous is not None and _RANGE_GAP.fullmatch(text[previous.end : start]):
        return previous.relation  # "from Sept. 14 to Oct. 20": the range is where its start is
    article = re.search(r"(?i:\bthe)\s+$", text[max(0, start - 5) : start])
    cue_end = start - len(article.group(0)) if article else start  # "before the Victory Day"
    if _Grammar.preceded_by(text, cue_end, lex.cue("before_relation")):
        first = re.match(r"[\w-]+", text[start:])
        if first is not None and first.group(0).lower() in lex.parts_of_day:
            return "on"  # "before dawn on Monday": the dark hours of Monday, no deadline
        return "before"
    if _Grammar.preceded_by(text, cue_end, lex.cue("after_relation")):
        return "after"
    # "ahead of Victory Day, the May 9 parade", "before Victory Day and the parade on May 9":
    # an apposition or a coordinated time shares the relation.
    if previous is not None and previous.relation != "on":
        gap = text[previous.end : start]
        if re.fullmatch(r"\s*(?:,|and|or|on)?\s*(?:the\s+)?", gap, re.IGNORECASE):
            return previous.relation
    return "on"

"""Small, general helpers over spaCy's dependency parse.

The extractors ask the same few questions of the parse: which word forms could this
token stand for, which clause does a noun belong to, which tokens are in a word's
neighbourhood, is a word negated. They live here once.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
OBJECTS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
#: Dependencies that keep a word inside the noun phrase or clause of its head.
NP_INTERNAL = frozenset({"amod", "compound", "nmod", "poss", "appos", "nummod", "det", "quantmod"})
#: Verb-to-verb links through which the embedded verb shares the clause of its head.
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "conj", "acl", "relcl", "pcomp", "oprd"})
#: The article and demonstratives: a noun they open tells of one known thing ("the claim",
#: "this strike", "those drones").
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
#: Determiners that point a plural back to things named before: "the bombs", "both missiles",
#: "all the drones".
POINTING_BACK = frozenset({"the", "these", "those", "both", "all"})


def word_forms(token: Token) -> set[str]:
    """Forms a token may stand for: its lemma, its lower-cased text, and de-inflections.

    The small English model's lemmatizer misses some forms ("installed" → "instal"), so
    a trigger list of base forms is also matched against simple de-inflections.
    """
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            stem = lower[: -len(suffix)] + repl
            forms.add(stem)
            if len(stem) > 3 and stem[-1] == stem[-2] and repl == "":
                forms.add(stem[:-1])  # "shelled" -> "shell" stays; "dropped" -> "drop"
    return forms


def inflections(word: str) -> set[str]:
    """Regular inflected forms of an English base form ("burn" → burns, burned, burning).

    Used alongside lemma matching because the small model sometimes tags a participle as a
    noun and keeps it unlemmatised ("a building burning").
    """
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "d"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y") and len(word) > 2:
        forms |= {word[:-1] + "ied", word[:-1] + "ies"}
    if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def is_participle(token: Token) -> bool:
    """A past participle, even when tagged as an adjective ("were jammed" → ADJ acomp)."""
    return token.tag_ == "VBN" or (token.pos_ == "ADJ" and token.lower_.endswith(("ed", "en", "wn")))


def copula_participle(verb: Token) -> Token | None:
    """The participle completing a copula: "were [jammed]", "was [destroyed]"."""
    if verb.lemma_ != "be":
        return None
    return next((c for c in verb.children if c.dep_ in {"acomp", "attr"} and is_participle(c)), None)


def particle(token: Token) -> str | None:
    """The verb particle ("down" in "shot down"), if any."""
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ == "advmod" and child.lower_ in {"down", "off", "out", "up"}):
            return child.lower_
    return None


def clause_verb(token: Token) -> Token:
    """The verb whose clause a token belongs to (the token itself for verbs)."""
    current = token
    for _ in range(12):
        if current.pos_ in {"VERB", "AUX"} and current.dep_ not in {"amod"}:
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current


def is_negated(token: Token) -> bool:
    """A "not"/"never"/"no" on the word itself or on the verb carrying it."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in token.children):
        return True
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in SUBJECTS | OBJECTS:
        head = token.head
        return any(c.dep_ == "neg" for c in head.children)
    return False


def subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def ancestors_within(token: Token, hops: int) -> Iterator[Token]:
    current = token
    for _ in range(hops):
        if current.head.i == current.i:
            return
        current = current.head
        yield current


def neighbourhood(token: Token) -> range:
    """Token indices a word's arguments can be found in.

    A verb's own subtree; for nouns and verbs embedded in another clause, the subtree of
    the clause verb that carries them ("Pantsir systems installed on roofs": the
    participle's arguments hang off "had"). Bounded by the sentence.
    """
    anchor = token
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"acl", "amod", "xcomp", "oprd", "pcomp"}:
        anchor = clause_verb(token.head if token.head.i != token.i else token)
    start, end = subtree_range(anchor)
    sent = token.sent
    return range(max(start, sent.start), min(end, sent.end))


def shared_subject(verb: Token) -> Token | None:
    """The subject a conjoined verb takes from the first verb of its chain: in "the drones took
    off and bombed the market", "drones" is what bombed. None when the verb has its own."""
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    first = chain_head(verb)
    if first.i == verb.i:
        return None
    return next((c for c in first.children if c.dep_ in SUBJECTS), None)


def chain_head(verb: Token) -> Token:
    """The first verb of a chain of conjoined verbs ("took off and bombed": "took"); the verb
    itself when it is not conjoined to one."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ in {"VERB", "AUX"} and first.head.i != first.i:
        first = first.head
    return first


def neighbourhood_with_subject(token: Token) -> list[int]:
    """`neighbourhood`, plus the subject a conjoined verb shares (`shared_subject`): where the
    instrument of "the drones took off and bombed the market" is found."""
    near = set(neighbourhood(token))
    subject = shared_subject(token) if token.pos_ == "VERB" else None
    if subject is not None:
        near.update(range(*subtree_range(subject)))
    return sorted(near)


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence (large across sentences)."""
    if a.sent.start != b.sent.start:
        return 1_000
    path_a = [a.i, *(t.i for t in a.ancestors)]
    path_b = [b.i, *(t.i for t in b.ancestors)]
    common = set(path_a) & set(path_b)
    if not common:
        return 1_000
    return min(path_a.index(c) + path_b.index(c) for c in common)


def tokens_between(doc: Doc, start: int, end: int) -> Iterable[Token]:
    return (doc[i] for i in range(max(start, 0), min(end, len(doc))))


def has_determiner(token: Token, words: Iterable[str]) -> bool:
    wanted = set(words)
    return any(c.dep_ in {"det", "amod", "advmod", "predet"} and c.lower_ in wanted for c in token.children)


#: Nouns that make a determined group of the plural after "of": "a series of raids",
#: "the second wave of strikes" are so many events, not attacks in general.
GROUP_NOUNS = frozenset({"series", "wave", "round", "volley", "salvo", "barrage", "succession", "string", "couple"})


def is_bare_plural(token: Token) -> bool:
    """A plural noun with no determiner, number or possessor: "attacks on cities". Not the
    plural a determined group noun counts when the group is a clause's argument: "launched a
    series of raids" (but "after a series of attacks" recalls a campaign)."""
    if token.tag_ not in {"NNS", "NNPS"}:
        return False
    if any(c.dep_ in {"det", "nummod", "poss", "quantmod"} for c in token.children):
        return False
    group = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return not (
        group is not None
        and group.lemma_.lower() in GROUP_NOUNS
        and group.dep_ in {"dobj", "obj", "nsubj", "nsubjpass"}  # not "after a series of attacks"
        and any(c.dep_ in {"det", "nummod", "poss"} for c in group.children)
    )


#: English month names and abbreviations as dates write them, capitalised ("15 November",
#: "Oct 4", "Sept. 3"); lower-case "may" and "march" are other words.
_MONTH_NAMES = frozenset((*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"))


def is_month_name(text: str) -> bool:
    """Whether a word is a month's name or abbreviation ("November", "Nov", "Nov.")."""
    return text.removesuffix(".") in _MONTH_NAMES


#: English weekday names and abbreviations, capitalised ("Sunday", "Wed", "Thurs.").
_WEEKDAY_NAMES = frozenset((*calendar.day_name, *calendar.day_abbr, "Tues", "Thur", "Thurs"))


def is_weekday_name(text: str) -> bool:
    """Whether a word is a weekday's name or abbreviation ("Sunday", "Wed", "Wed.")."""
    return text.removesuffix(".") in _WEEKDAY_NAMES


#: A clock time's last word: "04:10", "0320", "3 a.m.", "13:20 hours".
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\d{4}|[ap]\.?m\.?|hours|hrs", re.IGNORECASE)


def is_clock(text: str) -> bool:
    """Whether a word ends a clock time ("04:10", "0320", "a.m.", "hours"), by its text alone:
    the parse need not have run."""
    return _CLOCK.fullmatch(text) is not None


#: Pronouns that open a relative clause and stand for the noun it describes ("the drone that
#: struck the block", "the ELN, which claimed responsibility").
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})


def relative_clause(token: Token) -> Token | None:
    """The verb of the relative clause a word is told in ("the facility that was attacked on
    Wednesday": "attacked"), the innermost one; None outside any."""
    return next((t for t in (token, *token.ancestors) if t.dep_ == "relcl"), None)


def set_against(doc: Doc, start: int) -> bool:
    """Whether the phrase with a word at `start` follows ", not" ("an air defence missile, not a
    Russian bomb, caused the explosions"), articles and modifiers between, or opens with that
    "not" itself: the contrast in apposition to what is asserted, denied by it."""
    if doc[start].lower_ == "not" and start >= 1 and doc[start - 1].text == ",":
        return True  # a count read from "not a missile" as none
    i = start - 1
    while i >= 0 and doc[i].dep_ in {"det", "amod", "compound", "nummod"} and doc[i].head.i >= start:
        i -= 1
    return i >= 1 and doc[i].lower_ == "not" and doc[i - 1].text == ","

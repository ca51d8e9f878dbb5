"""Reading the dependency parse for attribution: subjects, agents, clause shapes.

Small functions over spaCy tokens, each repairing or interpreting one thing the statistical
parser does ("He said A and said B" hangs the second "said" on A; a dateline is read as
part of the subject). They know nothing of lexicons or sources.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

VERBS = ("VERB", "AUX")
_CLOSING_QUOTES = frozenset({'"', "'", "\u201d", "\u2019"})


def subject(
    verb: Token,
    *,
    carrier: Callable[[Token], bool] = lambda _: False,
    speaker: Callable[[Token], bool] = lambda _: False,
    reporting: Callable[[Token], bool] = lambda _: False,
) -> tuple[Token | None, bool]:
    """The verb's subject (borrowed from the governing verb for "and added", "saying", "to
    show", "went on to endorse"), and whether the verb is passive. `carrier` says whether a
    noun is a statement, post or letter: "X issued a statement saying ..." has X, not the
    statement, as speaker. `speaker` says whether a noun can speak: "the first lawmakers to
    endorse him" has the lawmakers as subject, "a plan to announce it" no subject. `reporting`
    says whether a verb is a reporting cue (see `reported_twin`)."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        # "UPDATE, Friday: the Air Force says ...": of two subjects, the one next to the verb
        before = [c for c in subjects if c.i < verb.i]
        after = [c for c in subjects if c.i > verb.i]
        if before and after and verb.i > 0 and verb.doc[verb.i - 1].text in _CLOSING_QUOTES:
            # '"... Full panic mode," said Jane Doe': the parser lends the verb a noun of the
            # quote's last sentence as well; the speaker is the subject after the verb
            return after[0], False
        return (before[-1] if before else subjects[0]), False
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return (child, True) if child.lower_ in ("it", "there") else (None, True)
    if verb.dep_ == "expl":
        return None, passive
    head = verb.head
    if verb.dep_ == "conj":
        twin = reported_twin(verb, reporting=reporting)
        if twin is not None:
            return subject(twin, carrier=carrier, speaker=speaker, reporting=reporting)
        if tense_twin(verb, head) or speechless_twin(verb, head, speaker=speaker, reporting=reporting):
            return subject(head.head, carrier=carrier, speaker=speaker, reporting=reporting)
    # "Jane Doe, noting the damage, said ...": the parser gives the subject to the participle,
    # which it makes the main verb or a clause hung on the reporting verb
    participles = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < verb.i]
    if verb.dep_ == "parataxis" and head.tag_ == "VBG" and head.i < verb.i:
        participles.append(head)
    for participle in participles:
        lent = [c for c in participle.children if c.dep_ == "nsubj" and c.i < participle.i]
        if lent:
            return lent[-1], False
    if head != verb and head.pos_ in VERBS:
        if verb.dep_ == "conj" or verb.dep_ == "xcomp":
            return subject(head, carrier=carrier, speaker=speaker, reporting=reporting)
        if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or _infinitive(verb)):
            # "took the stage to thank ..."
            found = subject(head, carrier=carrier, speaker=speaker, reporting=reporting)
            silent = found[0] is None or not speaker(found[0])
            if silent and verb.tag_ == "VBG" and head.dep_ == "ccomp" and head.head.pos_ in VERBS:
                # "X said the repairs were finished, calling ...": a passive reported clause
                # has no one to lend, and "X denied that aircraft had struck, saying ..." no
                # one who speaks; the participle is the reporter's
                return subject(head.head, carrier=carrier, speaker=speaker, reporting=reporting)
            return found
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep":
        governor = head.head  # "After saying he was nervous, the man ..."
        if governor.pos_ in VERBS:
            return subject(governor, carrier=carrier, speaker=speaker, reporting=reporting)
    if verb.dep_ in ("acl", "relcl") and _infinitive(verb) and head.pos_ in ("NOUN", "PROPN", "PRON") and speaker(head):
        return head, False  # "the first lawmakers to endorse him"
    # "Asked whether ..., the minister said": asked by someone unnamed; the tagger may take a
    # participle that opens the sentence for a past tense ("Asked what ... looks like, ...")
    # or after a comma without an object of its own ('"...," said the governor, asked about ...')
    opens = verb.i == verb.sent.start or (
        verb.doc[verb.i - 1].text == "," and not any(c.dep_ in ("dobj", "dative") for c in verb.children)
    )
    bare_participle = verb.tag_ == "VBN" or (verb.tag_ == "VBD" and opens)
    if verb.dep_ == "advcl" and bare_participle and not any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return None, True
    if (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBG", "VBN")
        and (head.pos_ in ("NOUN", "PROPN") or (head.pos_ == "PRON" and speaker(head)))
    ):
        if verb.tag_ == "VBG" and carrier(head) and head.dep_ == "dobj" and head.head.pos_ in VERBS:
            # "issued a statement saying ..."
            return subject(head.head, carrier=carrier, speaker=speaker, reporting=reporting)
        return (head, False) if verb.tag_ == "VBG" else (None, True)
    return None, passive


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i for c in verb.children)


def nobody(subject: Token) -> bool:
    """ "nobody", "no one", "neither side", "no official": a subject that says nothing."""
    if subject.lower_ in ("nobody", "none", "neither", "nothing"):
        return True
    if subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children)


def after_dateline(phrase: list[Token], head: Token) -> list[Token]:
    """ "KYIV (AP) — Ukrainian officials said ...": the dateline is not part of the subject."""
    dashes = [t.i for t in phrase if t.text in ("—", "–", "--") and t.i < head.i]
    if not dashes:
        return phrase
    return [t for t in phrase if t.i > dashes[-1]]


def reported_twin(verb: Token, *, reporting: Callable[[Token], bool] = lambda _: False) -> Token | None:
    """ "He said A and said B": the parser hangs the second "said" on A's verb. The first
    "said" above it, with the same lemma, is the one it is coordinated with.

    "He said A and suggested that B" reads the same way: a second reporting verb (per
    `reporting`) with a "that" clause of its own continues the first one's speaker."""
    introduces = any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in verb.children
    )
    node = verb.head
    for _ in range(6):
        if node.head == node:
            return None
        if node.dep_ == "ccomp" and (
            node.head.lemma_ == verb.lemma_ or (introduces and reporting(verb) and reporting(node.head))
        ):
            return node.head
        node = node.head
    return None


def tense_twin(conjunct: Token, root: Token) -> bool:
    """ "The governor says he would veto the bill and tells the crowd he opposed it", "She said
    she admires his resolve and praised his record": a conjunct in the finite form of the
    reporting verb above the clause, coordinated with a verb of another form, continues that
    reporting verb, not what was said."""
    if conjunct.dep_ != "conj":
        return False
    reporting = root.head if root.dep_ == "ccomp" else None
    if reporting is None or reporting.i >= root.i:
        return False
    form = _finite_form(conjunct)
    return form is not None and form == _finite_form(reporting) and _finite_form(root) != form


def speechless_twin(
    conjunct: Token, root: Token, *, speaker: Callable[[Token], bool], reporting: Callable[[Token], bool]
) -> bool:
    """ "The governor said the strike hit a school and called on residents to stay inside": a
    reporting verb coordinated with the reported clause's verb, whose subject cannot speak,
    continues the reporting verb (a strike calls on no one)."""
    if conjunct.dep_ != "conj" or root.dep_ != "ccomp" or root.head.i >= root.i or not reporting(conjunct):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children):
        return False
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(speaker(s) or s.pos_ == "PRON" for s in subjects)


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite_form(verb: Token) -> str | None:
    """The tag of the verb's finite word: its first auxiliary ("has said": VBZ, "would veto":
    MD), else the verb itself; None for an infinitive or participle standing alone."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    first = auxiliaries[0] if auxiliaries else verb
    return first.tag_ if first.tag_ in _FINITE else None


def subordinate(clause: Token) -> bool:
    """A clause opened by "while", "because", "although"...: an adverbial clause the parser
    took for a complement; what is said is introduced by "that", "whether" or nothing."""
    # the clause's own marker only: "Though X boasts ..., there is no Y, experts say" opens
    # with the marker of a clause nested inside the complement, not of the complement
    opener = next((c for c in clause.children if c.dep_ == "mark" and c.i < clause.i), None)
    return opener is not None and opener.lower_ not in ("that", "whether", "if")


def agent(verb: Token) -> Token | None:
    """ "by X" of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def cue_region(verb: Token) -> list[Token]:
    """Tokens around a cue that may hedge it: "it is claimed", "appears to show"."""
    region = {verb}
    region.update(c for c in verb.children if c.dep_ in ("aux", "auxpass", "advmod", "nsubjpass", "expl"))
    head = verb
    while head.dep_ == "xcomp" and head.head != head:
        head = head.head
        region.add(head)
        region.update(c for c in head.children if c.dep_ in ("aux", "advmod", "auxpass"))
        region.update(c for c in head.children if c.dep_ == "aux" and c.lower_ == "to")
    region.update(c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to")
    ordered = sorted(region, key=lambda t: t.i)
    # hedges are matched on consecutive tokens: fill the gaps inside the region
    doc = verb.doc
    return list(doc[ordered[0].i : ordered[-1].i + 1]) if ordered else []


def on_spine(token: Token, content: SpacySpan) -> bool:
    """A hedge counts for the whole content only when it modifies its clause, not a noun in
    it ("supposedly subversive group" hedges the group, not the claim)."""
    node = token
    for _ in range(64):
        head = node.head
        if head == node or not (content.start <= head.i < content.end):
            return True
        if head.pos_ not in VERBS:
            return False
        node = head
    return True


def dateline_end(sent: SpacySpan) -> int | None:
    """Where a dateline that opens the sentence ends ("KYIV, Aug 14 (Wire) - ..."), if any:
    a dash within the first dozen tokens after a capitalised place name."""
    first = sent[0] if len(sent) else None
    if first is None or not (first.is_alpha and first.text.isupper() and len(first.text) >= 3):
        return None
    for token in sent[1:13]:
        if token.text in ("-", "—", "–", "--"):
            following = sent.doc[token.i + 1] if token.i + 1 < len(sent.doc) else None
            return following.idx if following is not None else None
    return None


def relative_aside(verb: Token) -> Token | None:
    """The relative clause set off by a comma that a cue verb makes or reports inside ("the
    noise, which residents said kept them awake"), if any: its root verb. A relative clause
    without the comma ("the policies she supported") restricts the noun and belongs to it."""
    node = verb
    for _ in range(3):
        if node.dep_ == "relcl":
            first = node.left_edge.i
            return node if first > 0 and node.doc[first - 1].text in (",", "--", "—", "–") else None
        if node.head == node or node.dep_ not in ("ccomp", "xcomp", "conj"):
            return None
        node = node.head
    return None


def participial_aside(verb: Token) -> bool:
    """ "..., calling them dull": a participle set off by a comma with no subject of its own,
    which tells more of what the sentence's speaker did."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.left_edge.i == 0:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    return verb.doc[verb.left_edge.i - 1].text == ","


def question(token: Token) -> bool:
    """Is the token's sentence a question (it ends with a question mark)?"""
    last = next((t for t in reversed(token.sent) if not t.is_space and t.text not in ('"', "'", "\u201d")), None)
    return last is not None and last.text == "?"

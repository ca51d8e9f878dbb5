"""Who said what: attributions read off the dependency parse of a report.

An attribution ties content (a clause or a quote) to a source through a cue ("said",
"according to", "denied", "reportedly"). The parse gives most of the structure: the cue
verb's subject is the source, its clausal complement is the content. Around that, rules
handle what the parse alone does not:

- quotes that run over several sentences or paragraphs after one "he said" continue the
  last speaker, and a cue's content that is part of a quote takes the whole quote;
- "according to X", "as stated by X", "X, citing Y, said" and "Y, quoted by X" put the
  right source first and the relays after it (`Attribution.via`, nearest the source first);
- an attribution inside another's content is relayed by it ("Reuters reported that officials
  said ..." → officials, via Reuters);
- pronouns and definite descriptions ("he", "the ministry") resolve to the last compatible
  source (`sources.SourceContext`);
- hedges ("reportedly", "appears to", "it is claimed") lower the stance.

Sentences in the report's own voice get no attribution; the caller treats them as the
outlet's (`sources.outlet_source`). Attributions may nest: for any stretch of text the
innermost attribution covering it names the first-hand source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from corroborator.config import load_settings
from corroborator.errors import PipelineError
from corroborator.extract.attribution_lexicon import CueLexicon
from corroborator.extract.attribution_quotes import Quote, find_quotes
from corroborator.extract.sources import (
    SourceContext,
    SourceRegistry,
    resolve_source,
    unnamed_source,
)
from corroborator.model import Attribution, NormalisedReport, Source, SourceKind, Stance

DraftKind = Literal["verb", "according", "adverb", "noun", "continuation"]

_QUOTE_CHARS = "\"“”'‘’"
_VERBS = ("VERB", "AUX")
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_OWN_VOICE = frozenset({"we", "us", "our"})
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MEDIUM_PREPOSITIONS = frozenset({"on", "in", "via", "through", "during", "at", "with", "to", "over"})
_TOPIC_PREPOSITIONS = frozenset({"about", "of", "on", "over"})
_MEDIA_KINDS = frozenset(
    {
        SourceKind.STATE_MEDIA,
        SourceKind.INDEPENDENT_MEDIA,
        SourceKind.WIRE_AGENCY,
        SourceKind.SOCIAL_MEDIA,
    }
)
_NEGATING_HEADS = frozenset({"refuse", "decline", "fail", "neglect"})
# a quote this long (in words), or with a verb, is speech rather than a scare quote
_SPEECH_QUOTE_WORDS = 4


@dataclass
class _Draft:
    """An attribution being assembled; character offsets into the report text."""

    kind: DraftKind
    cue: tuple[int, int] | None
    content: tuple[int, int]
    stance: Stance
    source_span: tuple[int, int] | None = None
    description: SpacySpan | None = None  # the words to resolve the source from
    unnamed: str | None = None  # no source named ("it is claimed"): the words standing in
    hedges: list[str] = field(default_factory=list)
    medium: str | None = None
    via_spans: list[SpacySpan] = field(default_factory=list)
    citing: SpacySpan | None = None  # "X, citing Y, said": Y is the source, X a relay
    cue_token: Token | None = None
    parent: _Draft | None = None
    source: Source | None = None
    via: tuple[Source, ...] = ()
    quote: bool = False

    @property
    def anchor(self) -> int:
        """Where the attribution is made: the source, else the cue, else the content."""
        candidates = [s[0] for s in (self.source_span, self.cue) if s is not None]
        return min(candidates) if candidates else self.content[0]

    def content_contains(self, start: int, end: int) -> bool:
        return self.content[0] <= start and end <= self.content[1]


@lru_cache(maxsize=1)
def default_lexicon() -> CueLexicon:
    """The cue lexicon for the current settings, loaded once per process."""
    return CueLexicon.load(load_settings())


def find_attributions(
    doc: Doc,
    *,
    report: NormalisedReport,
    registry: SourceRegistry,
    lexicon: CueLexicon | None = None,
    local_party: str | None = None,
) -> list[Attribution]:
    """Every attribution in the report, in text order.

    `doc` must be the parse of `report.text`. `local_party`: the party governing the place the
    report is about, if known ("a local official" is then affiliated with it).
    """
    if doc.text != report.text:
        raise PipelineError(
            f"report {report.id}: the parse is not of the report's normalised text; parse "
            "NormalisedReport.text so that attribution offsets index into it"
        )
    finder = _Finder(doc, report, registry, lexicon or default_lexicon())
    return finder.run(local_party=local_party)


class _Finder:
    def __init__(self, doc: Doc, report: NormalisedReport, registry: SourceRegistry, lexicon: CueLexicon) -> None:
        self.doc = doc
        self.report = report
        self.registry = registry
        self.lexicon = lexicon
        paragraphs = [(p.start, p.end) for p in report.paragraphs] or [(0, len(report.text))]
        self.quotes = find_quotes(report.text, paragraphs)
        self.paragraph_starts = sorted(p[0] for p in paragraphs)

    # ------------------------------------------------------------------ driver

    def run(self, *, local_party: str | None) -> list[Attribution]:
        drafts: list[_Draft] = []
        for token in self.doc:
            draft = (
                self._verb_cue(token)
                or self._according(token)
                or self._adverb_cue(token)
                or self._noun_cue(token)
                or self._colon_cue(token)
            )
            if draft is not None:
                drafts.append(draft)
        for draft in drafts:
            self._expand_to_quotes(draft)
        drafts = self._drop_redundant(drafts)
        for draft in drafts:
            self._hedge(draft)
        self._resolve(drafts, local_party=local_party)
        drafts = [d for d in drafts if d.source is not None]
        drafts += self._continuations(drafts)
        self._nest(drafts)
        return self._build(drafts)

    # ------------------------------------------------------------------ cues

    def _verb_cue(self, token: Token) -> _Draft | None:
        if token.pos_ not in _VERBS:
            return None
        found = self.lexicon.cue(token)
        if found is None or self._negated(token) or self._is_citing(token):
            return None
        cue_lemma, stance = found
        # "..., write the residents": the parser takes the speaker for an object and may lend
        # the verb the subject of the clause before it, so inversion is checked first
        inverted = self._inverted(token)
        if inverted:
            subject: Token | None = next(c for c in token.children if c.dep_ in ("dobj", "attr", "npadvmod"))
            passive = False
        else:
            subject, passive = _subject(token, carrier=self._is_carrier)
        unnamed: str | None = None
        description: SpacySpan | None = None
        source_span: tuple[int, int] | None = None
        if subject is not None and subject.lower_ in ("it", "there") and passive:
            unnamed = self._phrase(subject, token)  # "it is claimed that ..."
        elif subject is not None:
            if subject.lower_ in _OWN_VOICE and not self._in_quote(subject.idx):
                return None  # the report speaking for itself
            if _nobody(subject):
                return None  # "Neither side offered evidence": nobody claims anything
            # "footage purporting to show ...": the speaker is the noun without the cue's clause
            inside = token if subject.i == token.head.i and token.dep_ == "acl" else None
            description, source_span = self._source_words(subject, without=inside)
            if description is None:
                return None
        elif passive:
            agent = _agent(token)
            if agent is None:
                return self._unnamed_passive(token, cue_lemma, stance)
            description, source_span = self._source_words(agent)
        else:
            return None

        if inverted:
            content, clausal = self._clause_without(token.head, token), True
        else:
            content, clausal = self._verb_content(token, cue_lemma, passive)
        if content is None:
            return None
        if cue_lemma in self.lexicon.quote_only and not self._introduces_quote(token, content):
            return None
        # a clause or a quote after the verb is reported speech or thought whoever the subject
        # is; an object is content only if the subject can speak ("the strike claimed lives")
        if (
            not clausal
            and subject is not None
            and description is not None
            and (not self._plausible_speaker(subject, description))
        ):
            return None
        cue = self._cue_span(token, cue_lemma)
        if _overlaps(content, cue) or (source_span is not None and _overlaps(content, source_span)):
            return None
        draft = _Draft(
            kind="verb",
            cue=cue,
            content=content,
            stance=stance,
            source_span=source_span,
            description=description,
            unnamed=unnamed,
            cue_token=token,
        )
        self._relays_of_verb(token, cue_lemma, draft)
        return draft

    def _unnamed_passive(self, verb: Token, cue_lemma: str, stance: Stance) -> _Draft | None:
        """ "The commander is believed to have been killed": someone unnamed believes it.

        The content is the subject with its infinitive, so it runs across the cue.
        """
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if subject is None or complement is None:
            return None
        tokens = [*subject.subtree, *self.doc[subject.i : complement.right_edge.i + 1]]
        content = self._trimmed(tokens)
        if content is None:
            return None
        return _Draft(
            kind="verb",
            cue=self._cue_span(verb, cue_lemma),
            content=content,
            stance=stance,
            unnamed=self._phrase(verb, verb),
            hedges=[f"be {cue_lemma} to"],
            cue_token=verb,
        )

    def _is_carrier(self, noun: Token) -> bool:
        """A statement, post, letter or video: what a speaker issues, not a speaker."""
        return bool(self.lexicon.media.lookup(noun.lemma_))

    def _is_citing(self, token: Token) -> bool:
        """ "..., citing Ukrainian sources, ...": a relay inside another attribution."""
        return (
            token.lemma_.lower() in self.lexicon.citing
            and token.tag_ == "VBG"
            and token.dep_ in ("advcl", "xcomp", "acl", "conj", "ccomp")
        )

    def _inverted(self, verb: Token) -> bool:
        """ "..., write the residents": a reporting verb after its content, subject after it.

        The parser reads the subject as an object and the verb as a conjunct; an inverted
        reporting clause has no "and" before it and follows a comma or a closing quote.
        """
        if verb.dep_ not in ("conj", "parataxis", "ccomp", "advcl") or verb.head.i >= verb.i:
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return False
        if verb.lemma_.lower() not in self.lexicon.inversion or verb.i == 0 or verb.tag_ == "VBG":
            return False
        before = self.doc[verb.i - 1]
        if not (before.text == "," or before.text in _QUOTE_CHARS):
            return False
        if any(c.dep_ == "cc" for c in verb.head.children if verb.head.i < c.i < verb.i):
            return False
        follower = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod")), None)
        return (
            follower is not None
            and follower.i > verb.i
            and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
        )

    def _introduces_quote(self, verb: Token, content: tuple[int, int]) -> bool:
        following = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
        colon = following is not None and following.text == ":"
        return colon or any(q.overlaps(*content) for q in self.quotes)

    def _colon_cue(self, token: Token) -> _Draft | None:
        """ "Podolyak: Russia is staging this." A speaker, a colon, then what they said.

        Only when the words before the colon open the sentence and name a plausible
        speaker, and no verb stands between (those are verb cues: 'he said: ...').
        """
        if token.text != ":" or token.i == token.sent.start:
            return None
        before = self.doc[token.sent.start : token.i]
        if len(before) > 8 or any(t.pos_ in _VERBS for t in before):
            return None
        root = before.root
        words, source_span = self._source_words_of(before)
        if words is None or source_span is None:
            return None
        if words.text.lower() in self.lexicon.colon_labels:
            return None
        # headlines are title-cased, so the tagger's PROPN is unreliable there: a short run of
        # capitalised words is taken for a name
        named = len(words) <= 4 and all(t.text[:1].isupper() for t in words if t.is_alpha)
        if not (named or self._plausible_speaker(root, words)):
            return None
        after = [t for t in token.sent if t.i > token.i]
        content = self._trimmed(after)
        if content is None or not any(t.pos_ in _VERBS for t in after):
            return None  # "Hillary Clinton: 1,769." is a tally, not speech
        return _Draft(
            kind="verb",
            cue=(token.idx, token.idx + 1),
            content=content,
            stance=Stance.ASSERTS,
            source_span=source_span,
            description=words,
            cue_token=token,
        )

    def _source_words_of(self, span: SpacySpan) -> tuple[SpacySpan | None, tuple[int, int] | None]:
        trimmed = self._trimmed(list(span), keep_quotes=False)
        if trimmed is None:
            return None, None
        return self.doc.char_span(*trimmed, alignment_mode="expand"), trimmed

    def _negated(self, token: Token) -> bool:
        """A cue that is denied or withheld ("did not say", "refused to confirm") is no claim."""
        if any(c.dep_ == "neg" for c in token.children):
            return True
        head = token.head
        return token.dep_ == "xcomp" and head.lemma_.lower() in _NEGATING_HEADS

    def _according(self, token: Token) -> _Draft | None:
        if token.lower_ != "according":
            return None
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None:
            return None
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        head = token.head if token.head.pos_ in _VERBS else token.sent.root
        if head == token:
            return None
        head = self._reporting_governor(head, token)
        # "According to residents, quoted by the X channel, ...": the parser may hang the
        # relay on the main clause; it belongs to the source, not to what was said
        relays = [
            c
            for c in head.children
            if c.dep_ in ("advcl", "acl")
            and c.lemma_.lower() in self.lexicon.relay_passive
            and _agent(c) is not None
            and c.i > pobj.i
            and c.left_edge.i <= pobj.right_edge.i + 2
        ]
        content = self._clause_without(head, token, *relays)
        if content is None:
            return None
        description, source_span = self._source_words(pobj)
        if description is None:
            return None
        draft = _Draft(
            kind="according",
            cue=(token.idx, to.idx + len(to.text)),
            content=content,
            stance=Stance.ASSERTS,
            source_span=source_span,
            description=description,
            cue_token=token,
        )
        draft.via_spans.extend(self._passive_relays(pobj))
        for relay in relays:
            agent = _agent(relay)
            if agent is not None:
                words, _ = self._source_words(agent)
                if words is not None:
                    draft.via_spans.append(words)
        return draft

    def _reporting_governor(self, head: Token, according: Token) -> Token:
        """ "Residents claim that they heard blasts, according to the X channel": a closing
        "according to" relays the whole report, not just the clause the parser hung it on."""
        phrase = {t.i for t in according.subtree}
        node = head
        for _ in range(4):
            governor = node.head
            if node.dep_ != "ccomp" or governor is node:
                break
            rest = [t.i for t in node.subtree if t.i not in phrase and not t.is_punct]
            if (
                self.lexicon.cue(governor) is not None
                and rest
                and according.i > max(rest)
                and any(c.dep_ == "nsubj" for c in governor.children)
            ):
                return governor
            node = governor
        return head

    def _adverb_cue(self, token: Token) -> _Draft | None:
        """ "Drones reportedly hit the depot": the report relays an unnamed claim."""
        if token.lower_ not in self.lexicon.adverbs or token.dep_ != "advmod":
            return None
        head = token.head
        if head.pos_ not in _VERBS or self.lexicon.cue(head) is not None:
            return None
        content = self._trimmed(list(head.subtree))
        if content is None:
            return None
        return _Draft(
            kind="adverb",
            cue=(token.idx, token.idx + len(token.text)),
            content=content,
            stance=Stance.REPORTS,
            unnamed=token.text,
            hedges=[token.lower_],
            cue_token=token,
        )

    def _noun_cue(self, token: Token) -> _Draft | None:
        """ "Podolyak's claim that Ukraine never attacks ...", "reports of explosions"."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in self.lexicon.nouns:
            return None
        if token.dep_ in ("dobj", "pobj", "nsubjpass") and self.lexicon.cue(token.head) is not None:
            return None  # "denied claims that ...": the verb frames it
        clause = next(
            (
                c
                for c in token.children
                if c.dep_ in ("acl", "ccomp", "relcl")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        stance = self.lexicon.nouns[token.lemma_.lower()]
        if clause is not None:
            content = self._trimmed(list(clause.subtree))
        elif stance == Stance.REPORTS:
            # "allegations of looting", "reports of explosions": relayed, unvouched content
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of else None
            content = self._trimmed(list(pobj.subtree)) if pobj is not None else None
        else:
            return None
        if content is None:
            return None
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        draft = _Draft(
            kind="noun",
            cue=(token.idx, token.idx + len(token.text)),
            content=content,
            stance=stance,
            cue_token=token,
        )
        if owner is not None and owner.pos_ not in ("DET",) and owner.lower_ not in _OWN_VOICE:
            draft.description, draft.source_span = self._source_words(owner)
        if draft.description is None:
            draft.unnamed = token.text
        return draft

    # ------------------------------------------------------------------ content

    def _verb_content(self, verb: Token, cue_lemma: str, passive: bool) -> tuple[tuple[int, int] | None, bool]:
        """What the cue verb attributes, and whether it is a clause or quote (strong evidence
        of attribution) rather than an object or infinitive."""
        children = list(verb.children)
        clauses = [c for c in children if c.dep_ == "ccomp" and not _subordinate(c)]
        if clauses:
            return self._trimmed(self._claim_tokens(clauses)), True
        if (
            verb.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
            and (cue_lemma in self.lexicon.inversion or cue_lemma == "put")
        ):
            # "as stated by Baza, ...", "as he put it"; not "as she accepted her award"
            return self._clause_without(verb.head, verb), True
        if verb.dep_ == "parataxis" and verb.head.pos_ in _VERBS:
            return self._clause_without(verb.head, verb), True  # "..., officials said, ..."
        quoted = self._adjacent_quote(verb)
        if cue_lemma in self.lexicon.object_content:
            objects = [c for c in children if c.dep_ == "dobj"]
            if passive:
                objects += [c for c in children if c.dep_ == "nsubjpass" and c.lower_ != "it"]
            if objects:
                found = self._object_content(verb, objects[0])
                return found, quoted is not None and found is not None and _overlaps(found, quoted)
        # "purporting to show ...": an infinitive after the verb, which the parser may label
        # an adverbial clause
        complements = [
            c
            for c in children
            if c.i > verb.i
            and (
                c.dep_ == "xcomp"
                or (c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
            )
        ]
        if complements:
            return self._trimmed(list(complements[0].subtree)), False
        if quoted is not None:
            return quoted, True
        for child in children:
            if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPOSITIONS and child.i > verb.i:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and not self._is_medium_phrase(child):
                    return self._trimmed(list(pobj.subtree)), False
        return None, False

    def _claim_tokens(self, roots: Sequence[Token]) -> list[Token]:
        """The clause(s) under `roots`, less clauses that attribute something else.

        "Russia claims Ukraine attacked, while a Ukrainian official denies it": the "while"
        clause has its own speaker, so it is not part of Russia's claim.
        """
        dropped: set[int] = set()
        for root in roots:
            for child in root.children:
                own_speaker = any(c.dep_ == "nsubj" for c in child.children)
                if (
                    child.dep_ in ("advcl", "conj", "parataxis")
                    and self.lexicon.cue(child) is not None
                    and (own_speaker or _reported_twin(child) is not None)
                ) or self._is_citing(child):
                    dropped.update(t.i for t in child.subtree)
                if child.lower_ == "according" and child.i > root.i:
                    dropped.update(t.i for t in child.subtree)  # a relay of the whole report
        tokens = [t for r in roots for t in r.subtree if t.i not in dropped]
        # keep the stretch that holds the first root: a dropped clause may split the rest
        runs: list[list[Token]] = []
        for t in sorted(tokens, key=lambda t: t.i):
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        return next((r for r in runs if roots[0] in r), tokens)

    def _object_content(self, verb: Token, obj: Token) -> tuple[int, int] | None:
        """The object and what completes it: "described the attack as a provocation"."""
        tokens = list(obj.subtree)
        for child in verb.children:
            if child.i <= obj.i:
                continue
            if child.dep_ in ("oprd", "xcomp", "ccomp") or (
                child.dep_ == "prep" and child.lower_ in ("as", "of", "for", "on")
            ):
                tokens.extend(child.subtree)
        return self._trimmed(sorted(tokens, key=lambda t: t.i))

    def _adjacent_quote(self, verb: Token) -> tuple[int, int] | None:
        """A quote right after 'X said:' or right before '..., X said' in the same sentence."""
        sent = verb.sent
        own = {t.i for t in verb.subtree}
        if self._in_quote(verb.idx):
            return None  # a quoted speaker's words are not introduced by their own verbs

        def only_own(start: int, end: int) -> bool:
            between = self.doc.char_span(start, end, alignment_mode="contract") if end > start else None
            return between is None or all(t.i in own or t.is_punct or t.is_space for t in between)

        for quote in self._quotes_near(sent.start_char, sent.end_char):
            if quote.start >= verb.idx:
                after_verb = verb.idx + len(verb.text)
                if quote.start <= sent.end_char + 2 and only_own(after_verb, quote.start):
                    return (quote.start, quote.end)
            elif quote.end <= verb.idx:
                joined = quote.end > sent.start_char or "\n" not in self.report.text[quote.end : verb.idx]
                if joined and only_own(quote.end, verb.idx) and self._speech_like(quote):
                    return (quote.start, quote.end)
        return None

    def _quotes_near(self, start: int, end: int) -> list[Quote]:
        """Quotes that end within a short reach before `start` or begin before `end` + 2."""
        return [q for q in self.quotes if q.end >= start - 2 and q.start <= end + 2]

    def _clause_without(self, head: Token, *exclude: Token) -> tuple[int, int] | None:
        """The head's clause minus the excluded phrases: the stretch that holds the head."""
        while head.dep_ in ("aux", "auxpass") and head.head is not head:
            head = head.head  # a clause hung on its auxiliary by the parser
        dropped = {t.i for e in exclude for t in e.subtree}
        kept = [t for t in head.subtree if t.i not in dropped]
        runs: list[list[Token]] = []
        for t in kept:
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        runs = [r for r in runs if any(not t.is_punct for t in r)]
        if not runs:
            return None
        with_head = [r for r in runs if head in r]
        best = with_head[0] if with_head else max(runs, key=len)
        return self._trimmed(best)

    def _trimmed(self, tokens: Sequence[Token], *, keep_quotes: bool = True) -> tuple[int, int] | None:
        """Character span of the tokens, without edge punctuation (content keeps its quote
        marks; a source phrase does not)."""
        toks = sorted(tokens, key=lambda t: t.i)

        def edge(t: Token) -> bool:
            return (t.is_punct or t.is_space) and not (keep_quotes and t.text in _QUOTE_CHARS)

        while toks and edge(toks[0]):
            toks = toks[1:]
        while toks and edge(toks[-1]):
            toks = toks[:-1]
        if not toks or all(t.is_punct for t in toks):
            return None
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)

    # ------------------------------------------------------------------ sources and relays

    def _source_words(
        self, head: Token, *, without: Token | None = None
    ) -> tuple[SpacySpan | None, tuple[int, int] | None]:
        """The words that say who the source is, and the span of the phrase naming it.

        The span is the whole noun phrase, relative clause included ("Joe Smith, who drove
        the ambulance,"); the words to resolve leave out the relative clause and any relay
        ("residents, quoted by the X channel"), which describe or carry, not identify.
        """
        relayed: set[int] = {t.i for t in without.subtree} if without is not None else set()
        described: set[int] = set()
        for child in head.children:
            if child.dep_ == "acl" and child.lemma_.lower() in self.lexicon.relay_passive:
                relayed.update(t.i for t in child.subtree)
            if child.dep_ == "prep" and child.lower_ in self.lexicon.relay_prepositions:
                relayed.update(t.i for t in child.subtree)
            if child.dep_ == "relcl":
                described.update(t.i for t in child.subtree)
        phrase = [t for t in head.subtree if t.i not in relayed and t.dep_ != "case"]
        phrase = _after_dateline(phrase, head)
        span = self._trimmed(phrase, keep_quotes=False)
        core = self._trimmed([t for t in phrase if t.i not in described], keep_quotes=False)
        if span is None or core is None:
            return None, None
        span, core = self._complete_name(span), self._complete_name(core)
        if head.lower_ in _RELATIVE and head.dep_ in ("nsubj", "nsubjpass"):
            antecedent = head.head.head if head.head.dep_ == "relcl" else None
            if antecedent is not None:
                words, _ = self._source_words(antecedent)
                return words, (head.idx, head.idx + len(head.text))
        return self.doc.char_span(*core, alignment_mode="expand"), span

    def _complete_name(self, span: tuple[int, int]) -> tuple[int, int]:
        """Extend a source phrase over the rest of a registry name the parse cut off
        ("Russia Today claimed": the parser reads "Today" as a time)."""
        text = self.report.text
        window_end = min(len(text), span[1] + 40)
        for hit in self.registry.aliases_in(text[span[0] : window_end]):
            start, end = span[0] + hit.start, span[0] + hit.end
            if start < span[1] < end and "\n" not in text[span[1] : end]:
                return span[0], end
        return span

    def _plausible_speaker(self, subject: Token, words: SpacySpan) -> bool:
        """Can this subject say or think something? ("The strike claimed lives": no.)"""
        if subject.pos_ == "PRON" or subject.lower_ in _RELATIVE:
            return subject.lower_ not in ("what", "this", "there")
        if subject.ent_type_ in _SPEAKER_ENTITIES or subject.pos_ == "PROPN":
            return True
        if subject.like_num or subject.ent_type_ in ("PERCENT", "CARDINAL"):
            return True  # "Six in 10 say", "a third said": people counted
        text = words.text
        if self.registry.aliases_in(text) or self.registry.parties.mentions(text):
            return True
        if self.registry.descriptors.index.scan(text) or self.lexicon.speakers.scan(text):
            return True
        return any(t.ent_type_ in _SPEAKER_ENTITIES for t in words)

    def _passive_relays(self, head: Token) -> list[SpacySpan]:
        """ "residents, quoted by the X channel", "the government through the agency Tass":
        the channel and the agency relay the speaker."""
        relays: list[SpacySpan] = []
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in self.lexicon.relay_prepositions:
                phrase = self._span_of(child, skip_head=True)
                if phrase is not None:
                    relays.extend(self._media_in(phrase, whole=True))
            if child.dep_ == "acl" and child.lemma_.lower() in self.lexicon.relay_passive:
                agent = _agent(child)
                if agent is not None:
                    words, _ = self._source_words(agent)
                    if words is not None:
                        relays.append(words)
        return relays

    def _relays_of_verb(self, verb: Token, cue_lemma: str, draft: _Draft) -> None:
        """Medium ("on Telegram"), relays ("told TASS", "in an interview with CNN") and
        "citing Y" around a cue verb."""
        draft.medium = self.lexicon.medium_verbs.get(verb.lemma_.lower())
        if verb.dep_ == "acl" and self._is_carrier(verb.head):
            draft.medium = self.lexicon.media.lookup(verb.head.lemma_)[0]  # "a statement saying"
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in _MEDIUM_PREPOSITIONS:
                phrase = self._span_of(child, skip_head=True)
                if phrase is None:
                    continue
                labels = self.lexicon.media.scan(phrase.text)
                if labels and draft.medium is None:
                    draft.medium = labels[0].values[0]
                if labels or child.lower_ in self.lexicon.relay_prepositions:
                    draft.via_spans.extend(self._media_in(phrase))
            elif child.dep_ in ("dobj", "dative") and cue_lemma in self.lexicon.addressee:
                phrase = self._span_of(child)
                if phrase is not None:
                    draft.via_spans.extend(self._media_in(phrase, whole=True))
        # "X said, citing Y, that ...": the parser hangs "citing" on either clause
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        for child in [*verb.children, *(g for c in clauses for g in c.children)]:
            if self._is_citing(child) and draft.citing is None:
                cited = next((c for c in child.children if c.dep_ == "dobj"), None)
                if cited is not None:
                    words, _ = self._source_words(cited)
                    # "citing two sources" names a source; "citing low growth" a reason
                    if words is not None and self._plausible_speaker(cited, words):
                        draft.citing = words
        if draft.description is not None:
            subject = draft.description.root
            draft.via_spans.extend(self._passive_relays(subject))

    def _media_in(self, phrase: SpacySpan, *, whole: bool = False) -> list[SpacySpan]:
        """Outlets and channels named in a phrase: they carried the words to the report."""
        found: list[SpacySpan] = []
        for hit in self.registry.aliases_in(phrase.text):
            entry = self.registry.entries[hit.values[0]]
            if entry.kind in _MEDIA_KINDS:
                span = self.doc.char_span(
                    phrase.start_char + hit.start,
                    phrase.start_char + hit.end,
                    alignment_mode="expand",
                )
                if span is not None:
                    found.append(span)
        if not found and whole:
            # "told the Zorya channel" relays; "told reporters" does not: only a named outlet
            source = resolve_source(phrase, registry=self.registry)
            if source.kind in _MEDIA_KINDS and source.key.startswith(("reg:", "name:")):
                found.append(phrase)
        return found

    def _is_medium_phrase(self, prep: Token) -> bool:
        phrase = self._span_of(prep, skip_head=True)
        return phrase is not None and bool(self.lexicon.media.scan(phrase.text))

    def _span_of(self, token: Token, *, skip_head: bool = False) -> SpacySpan | None:
        tokens = [t for t in token.subtree if not (skip_head and t == token)]
        span = self._trimmed(tokens)
        if span is None:
            return None
        return self.doc.char_span(span[0], span[1], alignment_mode="expand")

    def _phrase(self, first: Token, last: Token) -> str:
        lo, hi = sorted((first, last), key=lambda t: t.i)
        return self.doc[lo.i : hi.i + 1].text

    def _cue_span(self, verb: Token, cue_lemma: str) -> tuple[int, int]:
        """The cue verb with its auxiliaries ("has said") and particle ("pointed out")."""
        first = verb
        for left in reversed(list(verb.lefts)):
            if left.dep_ in ("aux", "auxpass") and left.i == first.i - 1:
                first = left
        last = verb
        particle = self.lexicon.phrasal_particle(verb, cue_lemma)
        if particle is not None and particle.i == verb.i + 1:
            last = particle
        return first.idx, last.idx + len(last.text)

    # ------------------------------------------------------------------ quotes

    def _in_quote(self, offset: int) -> bool:
        return any(q.start < offset < q.end for q in self.quotes)

    def _speech_like(self, quote: Quote) -> bool:
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return False
        words = [t for t in span if not t.is_punct]
        return len(words) >= _SPEECH_QUOTE_WORDS or any(t.pos_ in _VERBS for t in words)

    def _expand_to_quotes(self, draft: _Draft) -> None:
        """Content that is part of a quote takes the whole quote (multi-sentence quotes)."""
        start, end = draft.content
        cue = draft.cue or (-1, -1)
        for quote in self.quotes:
            if not quote.overlaps(start, end) or quote.start <= cue[0] < quote.end:
                continue  # a cue inside the quote is the quoted speaker's own attribution
            start, end = min(start, quote.start), max(end, quote.end)
        draft.content = (start, end)
        quoted = sum(max(0, min(end, q.end) - max(start, q.start)) for q in self.quotes if q.overlaps(start, end))
        draft.quote = quoted * 2 >= end - start

    def _continuations(self, drafts: Sequence[_Draft]) -> list[_Draft]:
        """Quotes with no cue of their own continue the last speaker.

        A quote continues the last attribution that quoted someone when it is in the same
        paragraph, or when only that speaker's own words ("he said") stand between them.
        """

        def claimed(quote: Quote) -> bool:
            # an attribution made inside the quote belongs to the quoted speaker: it does
            # not make the quote someone else's
            return any(
                _overlaps((quote.start, quote.end), span)
                for d in drafts
                if not quote.contains(d.anchor, d.anchor + 1)
                for span in (d.content, d.cue)
                if span is not None
            )

        orphans = [q for q in self.quotes if not claimed(q) and self._speech_like(q)]
        events: list[tuple[int, int, _Draft | Quote]] = []
        for draft in drafts:
            if not self._in_quote(draft.anchor):
                events.append((draft.content[0], 0, draft))
        for quote in orphans:
            events.append((quote.start, 1, quote))
        events.sort(key=lambda e: (e[0], e[1]))

        speaker: _Draft | None = None
        last_end = 0
        added: list[_Draft] = []
        for _, _, item in events:
            if isinstance(item, _Draft):
                same = speaker is not None and _same_source(item, speaker)
                if self._quotes_speech(item):
                    speaker, last_end = item, item.content[1]
                elif same:
                    last_end = max(last_end, item.content[1])
                else:
                    speaker = None
                continue
            quote = item
            if speaker is None or quote.start < last_end:
                continue
            if not self._only_speaker_between(speaker, drafts, last_end, quote.start):
                speaker = None
                continue
            added.append(
                _Draft(
                    kind="continuation",
                    cue=speaker.cue,
                    content=(quote.start, quote.end),
                    stance=speaker.stance,
                    source_span=speaker.source_span,
                    medium=speaker.medium,
                    parent=speaker,
                    source=speaker.source,
                    quote=True,
                    hedges=list(speaker.hedges),
                )
            )
            last_end = quote.end
        return added

    def _quotes_speech(self, draft: _Draft) -> bool:
        return any(
            q.overlaps(*draft.content) and self._speech_like(q)
            for q in self.quotes
            if draft.content_contains(q.start, q.end)
        )

    def _only_speaker_between(self, speaker: _Draft, drafts: Sequence[_Draft], start: int, end: int) -> bool:
        gap = self.report.text[start:end]
        if "\n" not in gap:
            return True
        # the speaker's own reporting sentence ("..., Adelson said during the interview in
        # Macau.") may stand between; anything else is the report's voice, which ends the quote
        own: list[tuple[int, int] | None] = []
        for draft in drafts:
            if draft is speaker or _same_source(draft, speaker):
                own.extend((draft.cue, draft.source_span))
                if draft.cue_token is not None:
                    sentence = draft.cue_token.sent
                    own.append((sentence.start_char, sentence.end_char))
        chars = [ch for i, ch in enumerate(gap, start) if not any(s[0] <= i < s[1] for s in own if s is not None)]
        return not any(ch.isalnum() for ch in chars)

    # ------------------------------------------------------------------ stance and hedges

    def _hedge(self, draft: _Draft) -> None:
        if draft.kind == "continuation":
            return
        content = self.doc.char_span(*draft.content, alignment_mode="expand")
        found: list[str] = list(draft.hedges)
        if content is not None:
            for hedge, first, _ in self.lexicon.find_hedges(list(content)):
                if _on_spine(self.doc[first], content):
                    found.append(hedge.text)
        token = draft.cue_token
        if token is not None:
            region = _cue_region(token)
            for hedge, _, _ in self.lexicon.find_hedges(region):
                found.append(hedge.text)
        evidential = {h.text for h in self.lexicon.hedges if h.evidential}
        if draft.description is not None:
            # "unverified footage shows ...": a doubt about the source is a doubt about the claim
            for hedge, _, _ in self.lexicon.find_hedges(list(draft.description)):
                if hedge.text in evidential:
                    found.append(hedge.text)
        draft.hedges = list(dict.fromkeys(found))
        if draft.stance == Stance.DENIES or not draft.hedges:
            return
        if any(h in evidential for h in draft.hedges):
            draft.stance = Stance.REPORTS
        elif draft.stance == Stance.ASSERTS:
            draft.stance = Stance.SPECULATES

    # ------------------------------------------------------------------ resolution

    def _resolve(self, drafts: Sequence[_Draft], *, local_party: str | None) -> None:
        context = SourceContext(local_party=local_party)
        narrated = self._narrated_people(drafts)
        last_person_at = -1
        for draft in sorted(drafts, key=lambda d: d.anchor):
            if draft.description is None:
                draft.source = unnamed_source(draft.unnamed or "unnamed")
                continue
            words: SpacySpan = draft.description
            if words.text.lower() in ("he", "she", "him", "her"):
                # "he says" after the report introduced someone in its own voice: that person,
                # unless a person has spoken since
                earlier = [p for p in narrated if last_person_at < p.start_char < draft.anchor]
                if earlier:
                    words = earlier[-1]
            source = resolve_source(words, registry=self.registry, context=context)
            relays: list[Source] = []
            if draft.citing is not None:
                relays.append(source)
                source = resolve_source(draft.citing, registry=self.registry, context=context)
                draft.source_span = (draft.citing.start_char, draft.citing.end_char)
            for span in draft.via_spans:
                relay = resolve_source(span, registry=self.registry)
                if relay.key != source.key and relay.key not in {r.key for r in relays}:
                    relays.insert(0, relay)
            draft.source = source
            draft.via = tuple(relays)
            person = self._is_person(source, words)
            context.remember(source, person=person)
            if person:
                last_person_at = draft.anchor

    def _narrated_people(self, drafts: Sequence[_Draft]) -> list[SpacySpan]:
        """People the report names in its own voice, not inside what someone said: the
        candidates for a later "he" or "she" besides earlier speakers."""
        contents = [d.content for d in drafts]
        people = [ent for ent in self.doc.ents if ent.label_ == "PERSON"]
        # the entity recogniser misses many foreign names ("Volodymyr Hrebeniuk" as ORG): a
        # subject that is a two- or three-word proper name also counts
        for token in self.doc:
            if token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.ent_type_ == "PERSON":
                continue
            name = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
            span = self.doc[name[0].i : token.i + 1]
            if (
                2 <= len(span) <= 3
                and all(t.text[:1].isupper() for t in span)
                and not self.registry.descriptors.index.scan(span.text)
                and not self.registry.parties.mentions(span.text)
            ):
                people.append(span)
        return sorted(
            (
                p
                for p in people
                if not self._in_quote(p.start_char) and not any(c[0] <= p.start_char < c[1] for c in contents)
            ),
            key=lambda p: p.start_char,
        )

    def _is_person(self, source: Source, words: SpacySpan) -> bool:
        if source.registry_id is not None:
            entry = self.registry.get(source.registry_id)
            return entry is not None and entry.is_person
        if source.key.startswith("anon:") and source.kind != SourceKind.ANONYMOUS:
            return True
        root = words.root
        return root.ent_type_ == "PERSON" or root.lower_ in ("he", "she")

    def _nest(self, drafts: list[_Draft]) -> None:
        """An attribution made inside another's content is relayed by that source."""
        primaries = [d for d in drafts if d.kind != "continuation"]
        for draft in sorted(primaries, key=lambda d: -(d.content[1] - d.content[0])):
            start = draft.anchor
            end = max(s[1] for s in (draft.cue, draft.source_span, (start, start + 1)) if s)
            outers = [
                o
                for o in drafts
                if o is not draft
                and o.content_contains(start, end)
                and (o.content[1] - o.content[0]) > (draft.content[1] - draft.content[0])
                and o.source is not None
            ]
            if not outers or draft.source is None:
                continue
            outer = min(outers, key=lambda o: o.content[1] - o.content[0])
            assert outer.source is not None
            if draft.description is not None and draft.description.text.lower() in _FIRST_PERSON:
                # "I", "we" inside someone's words are that speaker
                draft.source, draft.via = outer.source, outer.via
                continue
            chain = [*draft.via, outer.source, *outer.via]
            seen: set[str] = {draft.source.key}
            draft.via = tuple(s for s in chain if not (s.key in seen or seen.add(s.key)))  # type: ignore[func-returns-value]
        for draft in drafts:
            if draft.kind == "continuation" and draft.parent is not None:
                draft.via = draft.parent.via
                draft.source = draft.parent.source

    # ------------------------------------------------------------------ output

    def _build(self, drafts: Iterable[_Draft]) -> list[Attribution]:
        report = self.report
        ordered = sorted(drafts, key=lambda d: (d.content[0], d.anchor))
        out: list[Attribution] = []
        for number, draft in enumerate(ordered, 1):
            assert draft.source is not None
            out.append(
                Attribution(
                    id=f"{report.id}:a{number}",
                    source=draft.source,
                    source_span=report.span(*draft.source_span) if draft.source_span else None,
                    cue_span=report.span(*draft.cue) if draft.cue else None,
                    content_span=report.span(*draft.content),
                    stance=draft.stance,
                    hedges=tuple(draft.hedges),
                    via=draft.via,
                    medium=draft.medium,
                    quote=draft.quote,
                )
            )
        return out

    def _drop_redundant(self, drafts: list[_Draft]) -> list[_Draft]:
        """One attribution per cue; an unnamed "reportedly" inside a named claim is a hedge."""
        seen: set[tuple[int, int]] = set()
        kept: list[_Draft] = []
        named = [d for d in drafts if d.kind in ("verb", "according")]
        by_content: dict[tuple[tuple[int, int], tuple[int, int] | None], _Draft] = {}
        for draft in drafts:
            cue = draft.cue
            if cue is not None and cue in seen:
                continue
            key = (draft.content, draft.source_span)
            if draft.kind == "verb" and key in by_content:
                continue  # "acknowledged ..., saying: '...'": one statement, one attribution
            by_content[key] = draft
            if draft.kind == "adverb" and cue is not None and any(n.content_contains(*cue) for n in named):
                continue
            if cue is not None:
                seen.add(cue)
            kept.append(draft)
        return kept


# --------------------------------------------------------------------------- parse helpers


def _subject(verb: Token, *, carrier: Callable[[Token], bool] = lambda _: False) -> tuple[Token | None, bool]:
    """The verb's subject (borrowed from the governing verb for "and added", "saying", "to
    show"), and whether the verb is passive. `carrier` says whether a noun is a statement,
    post or letter: "X issued a statement saying ..." has X, not the statement, as speaker."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children)
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child, False
        if child.dep_ == "nsubjpass":
            return (child, True) if child.lower_ in ("it", "there") else (None, True)
    if verb.dep_ == "expl":
        return None, passive
    head = verb.head
    if verb.dep_ == "conj":
        twin = _reported_twin(verb)
        if twin is not None:
            return _subject(twin, carrier=carrier)
    if head is not verb and head.pos_ in _VERBS:
        if verb.dep_ == "conj" or verb.dep_ == "xcomp":
            return _subject(head, carrier=carrier)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            return _subject(head, carrier=carrier)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep":
        governor = head.head  # "After saying he was nervous, the man ..."
        if governor.pos_ in _VERBS:
            return _subject(governor, carrier=carrier)
    if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN") and head.pos_ in ("NOUN", "PROPN"):
        if verb.tag_ == "VBG" and carrier(head) and head.dep_ == "dobj" and head.head.pos_ in _VERBS:
            return _subject(head.head, carrier=carrier)  # "issued a statement saying ..."
        return (head, False) if verb.tag_ == "VBG" else (None, True)
    return None, passive


def _nobody(subject: Token) -> bool:
    """ "nobody", "no one", "neither side", "no official": a subject that says nothing."""
    if subject.lower_ in ("nobody", "none", "neither", "nothing"):
        return True
    if subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children)


def _after_dateline(phrase: list[Token], head: Token) -> list[Token]:
    """ "KYIV (AP) — Ukrainian officials said ...": the dateline is not part of the subject."""
    dashes = [t.i for t in phrase if t.text in ("—", "–", "--") and t.i < head.i]
    if not dashes:
        return phrase
    return [t for t in phrase if t.i > dashes[-1]]


def _reported_twin(verb: Token) -> Token | None:
    """ "He said A and said B": the parser hangs the second "said" on A's verb. The first
    "said" above it, with the same lemma, is the one it is coordinated with."""
    node = verb.head
    for _ in range(6):
        if node.head is node:
            return None
        if node.dep_ == "ccomp" and node.head.lemma_ == verb.lemma_:
            return node.head
        node = node.head
    return None


def _subordinate(clause: Token) -> bool:
    """A clause opened by "while", "because", "although"...: an adverbial clause the parser
    took for a complement; what is said is introduced by "that", "whether" or nothing."""
    first = clause.left_edge
    opener = first if first.dep_ == "mark" else next((c for c in clause.children if c.dep_ == "mark"), None)
    return opener is not None and opener.lower_ not in ("that", "whether", "if")


def _agent(verb: Token) -> Token | None:
    """ "by X" of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _cue_region(verb: Token) -> list[Token]:
    """Tokens around a cue that may hedge it: "it is claimed", "appears to show"."""
    region = {verb}
    region.update(c for c in verb.children if c.dep_ in ("aux", "auxpass", "advmod", "nsubjpass", "expl"))
    head = verb
    while head.dep_ == "xcomp" and head.head is not head:
        head = head.head
        region.add(head)
        region.update(c for c in head.children if c.dep_ in ("aux", "advmod", "auxpass"))
        region.update(c for c in head.children if c.dep_ == "aux" and c.lower_ == "to")
    region.update(c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to")
    ordered = sorted(region, key=lambda t: t.i)
    # hedges are matched on consecutive tokens: fill the gaps inside the region
    doc = verb.doc
    return list(doc[ordered[0].i : ordered[-1].i + 1]) if ordered else []


def _on_spine(token: Token, content: SpacySpan) -> bool:
    """A hedge counts for the whole content only when it modifies its clause, not a noun in
    it ("supposedly subversive group" hedges the group, not the claim)."""
    node = token
    for _ in range(64):
        head = node.head
        if head is node or not (content.start <= head.i < content.end):
            return True
        if head.pos_ not in _VERBS:
            return False
        node = head
    return True


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_source(a: _Draft, b: _Draft) -> bool:
    return a.source is not None and b.source is not None and a.source.key == b.source.key

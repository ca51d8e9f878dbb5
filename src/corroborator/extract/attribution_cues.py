"""Reading attribution cues off the parse: one token at a time, a draft attribution.

`CueReader.read(token)` recognises the cue a token may be ("said", "according to",
"reportedly", "the claim that", "Podolyak:") and reads around it the source phrase, the
content and the relays the sentence names ("told TASS", "on Telegram", "citing sources").
What needs the whole report (quote continuations, pronouns, nesting) is left to the finder
in `attribution.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from corroborator.extract import attribution_syntax as syntax
from corroborator.extract.attribution_draft import Draft, overlaps
from corroborator.extract.attribution_lexicon import CueLexicon
from corroborator.extract.attribution_quotes import Quote
from corroborator.extract.sources import SourceRegistry, resolve_source
from corroborator.extract.syntax import SUBJECTS
from corroborator.model import NormalisedReport, SourceKind, Stance

_QUOTE_CHARS = "\"“”'‘’"
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_OWN_VOICE = frozenset({"we", "us", "our"})
_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MEDIUM_PREPOSITIONS = frozenset({"on", "in", "via", "through", "during", "at", "with", "to", "over"})
_TOPIC_PREPOSITIONS = frozenset({"about", "of", "against"})
# what a preposition's object may be when it says when or where, not what about: "spoke on
# Tuesday", "said over the weekend", "commented on Kyiv" is still a topic
_WHEN = frozenset({"DATE", "TIME"})
_WHERE = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPOSITIONS = frozenset({"on", "over", "in", "at"})
_NOUN_TOPIC_PREPOSITIONS = frozenset({"about", "of", "on", "over", "for", "against", "to"})
_LIGHT_PREPOSITIONS = frozenset({"at", "with", "for", "about", "on", "over", "against", "to", "of"})
_ADJECTIVE_PREPOSITIONS = frozenset({"about", "of", "on", "over", "with", "to", "at", "that", "toward", "towards"})
# what completes a passive cue and belongs to its content ("described as", "accused of",
# "charged with", "known for")
_PASSIVE_COMPLEMENTS = frozenset({"as", "for", "of", "with"})
# verbs that make their object what the adjective says ("made it clear that ...")
_CAUSATIVE = frozenset({"make"})
# words that end a noun phrase's modifiers, not a subject: "Trump's Claims", "The Calls"
_NOT_A_SUBJECT_END = frozenset({"'s", "’s", "the", "a", "an", "his", "her", "their", "its", "new", "more"})
_DASHES = frozenset({"—", "―", "–", "-", "--"})
_CLAUSAL = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis"})
_MEDIA_KINDS = frozenset(
    {
        SourceKind.STATE_MEDIA,
        SourceKind.INDEPENDENT_MEDIA,
        SourceKind.WIRE_AGENCY,
        SourceKind.SOCIAL_MEDIA,
    }
)
# a quote this long (in words), or with a verb, is speech rather than a scare quote
_SPEECH_QUOTE_WORDS = 4


class CueReader:
    """Reads draft attributions out of one parsed report."""

    def __init__(
        self,
        doc: Doc,
        report: NormalisedReport,
        registry: SourceRegistry,
        lexicon: CueLexicon,
        quotes: Sequence[Quote],
    ) -> None:
        self.doc = doc
        self.report = report
        self.registry = registry
        self.lexicon = lexicon
        self.quotes = list(quotes)
        self._names: frozenset[str] | None = None

    def read(self, token: Token) -> Draft | None:
        """The attribution this token cues, if any."""
        return (
            self._verb_cue(token)
            or self._according(token)
            or self._survey_cue(token)
            or self._estimate_cue(token)
            or self._misread_verb_cue(token)
            or self._role_cue(token)
            or self._adverb_cue(token)
            or self._light_verb_cue(token)
            or self._noun_cue(token)
            or self._appearance_cue(token)
            or self._adjective_cue(token)
            or self._colon_cue(token)
            or self._dash_credit(token)
            or self._headline_cue(token)
        )

    def _dash_credit(self, dash: Token) -> Draft | None:
        """'"We will rebuild." ― Oksana Melnyk, a teacher': a quote credited after a dash, as
        reader comments, testimonials and epigraphs are set. The name phrase runs to the end of
        the paragraph and holds no clause of its own."""
        if dash.text not in _DASHES or dash.i == 0:
            return None
        quote = next((q for q in self.quotes if 0 <= dash.idx - q.end <= 2), None)
        if quote is None or not (self.speech_like(quote) or _closes_speech(quote, self.report.text)):
            return None
        paragraph = self.report.paragraph_at(dash.idx)
        end = paragraph.end if paragraph is not None else dash.sent.end_char
        credit = self.doc.char_span(dash.idx + len(dash.text), end, alignment_mode="contract")
        if credit is None or not 0 < len(credit) <= 20:
            return None
        words = [t for t in credit if not t.is_punct and not t.is_space]
        if not words or not words[0].text[:1].isupper():
            return None
        if any(t.pos_ in syntax.VERBS and t.dep_ not in ("relcl", "acl", "amod") for t in words):
            return None
        description, source_span = self._source_words_of(credit)
        if description is None:
            return None
        return Draft(
            kind="verb",
            cue=(dash.idx, dash.idx + len(dash.text)),
            content=(quote.start, quote.end),
            stance=Stance.ASSERTS,
            source_span=source_span,
            description=description,
            cue_token=dash,
        )

    def _light_object(self, verb: Token) -> Token | None:
        """The cue noun a light verb attributes through ("made the case", "took aim")."""
        if verb.pos_ not in syntax.VERBS or verb.lemma_.lower() not in self.lexicon.light_verbs:
            return None
        return next(
            (
                c
                for c in verb.children
                if c.dep_ == "dobj" and c.pos_ == "NOUN" and self._light_stance(c) is not None and c.i > verb.i
            ),
            None,
        )

    def _light_stance(self, noun: Token) -> Stance | None:
        lemma = noun.lemma_.lower()
        return self.lexicon.light_nouns.get(lemma) or self.lexicon.nouns.get(lemma)

    def _light_verb_cue(self, verb: Token) -> Draft | None:
        """ "made the case that ...", "took aim at ...", "had harsh words for ...": a verb that
        attributes through its object noun. The subject is the source; the content is the
        noun's clause or complement, or the verb's ("took aim at the plan")."""
        noun = self._light_object(verb)
        if noun is None:
            return None
        stance = self._light_stance(noun)
        assert stance is not None
        content = self._noun_content(noun)
        last = noun
        if content is not None:
            # "made no mention of ...": the noun's preposition belongs to the cue
            last = next(
                (c for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.idx + len(c.text) <= content[0]),
                noun,
            )
        if content is None:
            for child in verb.children:
                if child.i > noun.i and child.dep_ == "prep" and child.lower_ in _LIGHT_PREPOSITIONS:
                    pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None and not _circumstance(child, pobj):
                        content, last = self.trimmed(list(pobj.subtree)), child
                        break
                if child.i > noun.i and child.dep_ in ("ccomp", "xcomp"):
                    content = self.trimmed(self._claim_tokens([child]))
                    break
        if content is None:
            return None
        speaker = self._active_speaker(verb)
        if speaker is None:
            return None
        description, source_span = speaker
        start, _ = self._cue_span(verb, verb.lemma_.lower())
        cue = (start, last.idx + len(last.text))
        if overlaps(content, cue) or (source_span is not None and overlaps(content, source_span)):
            return None
        stance, hedges = self._withheld(verb, noun, cue, stance)  # "made no mention of ..."
        draft = Draft(
            kind="verb",
            cue=cue,
            content=content,
            stance=stance,
            source_span=source_span,
            description=description,
            cue_token=verb,
            hedges=hedges,
        )
        self._relays_of_verb(verb, verb.lemma_.lower(), draft)
        return draft

    def _adjective_cue(self, adjective: Token) -> Draft | None:
        """ "Officials are confident that the line will hold", "residents were angry about the
        delays", "it is unclear whether ...": a state of mind predicated of the subject.

        The subject is the source; with "it" nobody is named and the report hedges its own
        words. The content is the adjective's clause or complement (or the clause the parser
        hung on the verb instead)."""
        if adjective.pos_ != "ADJ":
            return None
        verb = adjective.head
        # "made it clear that ...", "made clear their opposition": the parser makes the
        # adjective a clause of the causative verb, with "it" or the object as its subject
        causative = adjective.dep_ in ("ccomp", "xcomp") and verb.lemma_.lower() in _CAUSATIVE
        if adjective.dep_ not in ("acomp", "oprd") and not causative:
            return None
        stance = self.lexicon.adjectives.get(adjective.lemma_.lower())
        if stance is None or verb.pos_ not in syntax.VERBS:
            return None
        content: tuple[int, int] | None = None
        for owner in (adjective, verb):
            for child in owner.children:
                if child.i <= adjective.i:
                    continue
                that = any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
                if (child.dep_ in ("ccomp", "xcomp") and not syntax.subordinate(child)) or (
                    causative and child.dep_ == "advcl" and that
                ):
                    content = self.trimmed(self._claim_tokens([child]))
                elif causative and owner is adjective and child.dep_ in ("nsubj", "dobj") and child.lower_ != "it":
                    content = self.trimmed(list(child.subtree))  # "made clear their opposition"
                elif child.dep_ == "prep" and child.lower_ in _ADJECTIVE_PREPOSITIONS:
                    pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None and not _circumstance(child, pobj):
                        content = self.trimmed(list(pobj.subtree))
                if content is not None:
                    break
            if content is not None:
                break
        if content is None:
            return None
        subject, passive = self._subject(verb)
        start, _ = self._cue_span(verb, verb.lemma_.lower())
        cue = (min(start, adjective.idx), adjective.idx + len(adjective.text))
        hedges: list[str] = []
        if self._negated(verb):
            stance = Stance.SPECULATES
            hedges.append(self.doc.text[cue[0] : cue[1]].lower())
        draft = Draft(kind="verb", cue=cue, content=content, stance=stance, cue_token=verb, hedges=hedges)
        if subject is None or subject.lower_ in ("it", "there") or subject.dep_ == "expl":
            if stance != Stance.SPECULATES or subject is None:
                return None  # "it is clear that ..." is the report's own assertion
            draft.kind, draft.unnamed = "adverb", adjective.text
            return draft
        if passive or syntax.nobody(subject) or (subject.lower_ in _OWN_VOICE and not self.in_quote(subject.idx)):
            return None
        draft.description, draft.source_span = self._source_words(subject)
        if draft.description is None or not self._plausible_speaker(subject, draft.description):
            return None
        if overlaps(content, cue) or (draft.source_span is not None and overlaps(content, draft.source_span)):
            return None
        return draft

    def _appearance_cue(self, token: Token) -> Draft | None:
        """ "The strike appears to have hit the depot", "it seems likely that ...": the report
        hedges its own words. Nobody is named; the content is what seems so (the subject with
        its complement, across the cue), and the stance is speculation.
        """
        if token.pos_ != "VERB" or token.lemma_.lower() not in self.lexicon.appearance:
            return None
        following = [c for c in token.children if c.i > token.i]
        complement = next((c for c in following if c.dep_ in ("xcomp", "acomp", "attr", "oprd", "ccomp")), None)
        if complement is None:
            complement = next((c for c in following if c.dep_ == "prep" and c.lower_ == "like"), None)
        if complement is None:
            return None  # "she appeared on television"
        if complement.dep_ == "xcomp" and self.lexicon.cue(complement) is not None and self._verb_cue(complement):
            return None  # "a video appears to show ...": the cue "show" carries the hedge
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "expl")), None)
        last = max(c.right_edge.i for c in following if c.dep_ not in ("punct", "cc", "conj"))
        if subject is None or subject.lower_ in ("it", "there") or subject.dep_ == "expl":
            tokens = list(self.doc[token.i + 1 : last + 1])
        else:
            tokens = [*subject.subtree, *self.doc[subject.right_edge.i + 1 : last + 1]]
        content = self.trimmed(tokens)
        if content is None:
            return None
        return Draft(
            kind="adverb",
            cue=self._cue_span(token, token.lemma_.lower()),
            content=content,
            stance=Stance.SPECULATES,
            unnamed=token.text,
            hedges=[f"{token.lemma_.lower()} to"],
            cue_token=token,
        )

    def _verb_cue(self, token: Token) -> Draft | None:
        if token.pos_ not in syntax.VERBS:
            return None
        found = self.lexicon.cue(token)
        if found is None or (self._is_citing(token) and self._cites_a_speaker(token)):
            return None  # "X, citing two sources, said ...": a relay, read with X's verb
        cue_lemma, stance = found
        if cue_lemma in self.lexicon.withholding and self._withheld_cue_below(token):
            return None  # "declined to confirm ...": the infinitive's cue reads the whole
        withheld = self._negated(token)
        # "..., write the residents": the parser takes the speaker for an object and may lend
        # the verb the subject of the clause before it, so inversion is checked first
        inverted = self._inverted(token)
        if inverted:
            subject: Token | None = next(c for c in token.children if c.dep_ in ("dobj", "attr", "npadvmod"))
            passive = False
        else:
            subject, passive = self._subject(token)
        closing = None if inverted else (self._parenthetical(token) or self._closing_report(token, subject))
        if closing is not None and closing[0] is not None:
            subject, passive = closing[0], False
        if subject is None and not passive and not inverted and closing is None:
            # the parser lost the subject: a speaker between a quote and the verb, or the noun
            # phrase right before the verb ("About 4 in 10 say ...")
            closing = self._speaker_after_quote(token) or self._appositive_speaker(token)
            if closing is not None:
                subject = closing[0]
            else:
                subject = (
                    self._left_nominal(token) or self._opening_apposition(token) or self._subject_read_as_clause(token)
                )
        unnamed: str | None = None
        description: SpacySpan | None = None
        source_span: tuple[int, int] | None = None
        if subject is not None and subject.lower_ in ("it", "there") and passive:
            unnamed = self._phrase(subject, token)  # "it is claimed that ..."
        elif subject is not None:
            if subject.lower_ in _OWN_VOICE and not self.in_quote(subject.idx):
                return None  # the report speaking for itself
            if syntax.nobody(subject):
                return None  # "Neither side offered evidence": nobody claims anything
            if subject.lower_ == "you" and syntax.question(token):
                return None  # "Do you know where ...?": a question to the reader or a guest asserts nothing
            # "footage purporting to show ...": the speaker is the noun without the cue's clause
            inside = token if subject.i == token.head.i and token.dep_ == "acl" else None
            description, source_span = self._source_words(subject, without=inside)
            misread = self._main_verb_misread_as_relative(token, subject)
            if misread is not None:
                subject = misread
                description, source_span = self._source_words(subject, without=token)
                if source_span is not None:
                    # the relative clause the parser read the verb into is part of the name
                    source_span = (source_span[0], self.doc[token.i - 1].idx + len(self.doc[token.i - 1].text))
            if description is None:
                return None
        elif passive:
            agent = syntax.agent(token)
            if agent is None:
                return self._unnamed_passive(token, cue_lemma, stance)
            description, source_span = self._source_words(agent)
        else:
            return None

        if inverted:
            content, clausal = self._clause_without(token.head, token), True
        elif closing is not None and closing[0] is not None:
            content, clausal = closing[1], True
        else:
            content, clausal = self._verb_content(token, cue_lemma, passive)
            if content is None and closing is not None:
                content, clausal = closing[1], True
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
            and (
                not self._plausible_speaker(subject, description)
                or self._perceives_a_thing(token, cue_lemma, subject)
            )
        ):
            return None
        cue = self._cue_span(token, cue_lemma)
        if overlaps(content, cue) or (source_span is not None and overlaps(content, source_span)):
            return None
        hedges: list[str] = []
        if withheld or cue_lemma in self.lexicon.withholding:
            # "did not say whether ...", "declined to confirm ...": the source does not vouch
            # for the content, and neither does the report
            stance = Stance.SPECULATES
            hedges.append(self.doc.text[cue[0] : cue[1]].lower())
        draft = Draft(
            kind="verb",
            cue=cue,
            content=content,
            stance=stance,
            source_span=source_span,
            description=description,
            unnamed=unnamed,
            cue_token=token,
            hedges=hedges,
        )
        self._relays_of_verb(token, cue_lemma, draft)
        return draft

    def _aside_of_another_cue(self, participle: Token, quote: tuple[int, int]) -> bool:
        """ '"We held," said the commander, speaking for the first time. "Nobody ran."' and
        "Smith, speaking at a rally, did not mention the bill": a participle set beside another
        cue verb tells how that verb's speaker spoke; a quote before it, or after its sentence,
        is that verb's. A quote right after it in its sentence is its own ("..., adding: '...'")."""
        if participle.tag_ != "VBG" or participle.dep_ not in ("advcl", "acl"):
            return False
        governor = participle.head
        if participle.dep_ == "acl" and governor.dep_ in ("nsubj", "nsubjpass"):
            governor = governor.head
        if governor is participle or not self._reports(governor):
            return False
        return quote[1] <= participle.idx or quote[0] >= participle.sent.end_char

    def _perceives_a_thing(self, verb: Token, cue_lemma: str, subject: Token) -> bool:
        """ "Agents found the tunnel", "she found herself alone in the race": finding or hearing
        a bare thing is no statement unless a document or recording finds it ("the audit found
        irregularities"). A complement after the object ("found him leading", "found the plan
        too costly") makes it a judgement, which attributes."""
        if cue_lemma not in self.lexicon.perception or subject.lemma_.lower() in self.lexicon.documents:
            return False
        complements = ("oprd", "xcomp", "ccomp", "acomp")
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and objects[0].lower_.endswith(("self", "selves")):
            return True  # "found himself in a fight": a situation, whatever follows
        return bool(objects) and not any(
            c.dep_ in complements for o in (verb, *objects) for c in o.children if c.i > o.i
        )

    def _unnamed_passive(self, verb: Token, cue_lemma: str, stance: Stance) -> Draft | None:
        """ "The commander is believed to have been killed", "was described as a provocation",
        "Asked whether ..., the minister said": someone unnamed believes, describes or asks.

        What was believed or described is the subject with its complement, so the content runs
        across the cue; who was asked or told ("was asked about the strike") is not content.
        The report relays an unnamed source's words without vouching for them.
        """
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        described = verb.head if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") else None
        if described is not None and cue_lemma in ("call", "name") and verb.i + 1 < len(self.doc):
            name = self.doc[verb.i + 1]
            if name.text in _QUOTE_CHARS and name.i + 1 < len(self.doc):
                name = self.doc[name.i + 1]
            if name.text[:1].isupper():
                return None  # "a company called Cambridge Analytica": its name, nobody's claim
        addressed = cue_lemma in self.lexicon.addressee
        following = [c for c in verb.children if c.i > verb.i]
        complement = next(
            (
                c
                for c in following
                if c.dep_ in ("xcomp", "oprd")
                or (c.dep_ == "prep" and c.lower_ in _PASSIVE_COMPLEMENTS and not addressed)
            ),
            None,
        )
        # "Asked whether ...", "asked if ...": the question, whatever the parser calls it
        clause = next(
            (
                c
                for c in following
                if (c.dep_ == "ccomp" and not syntax.subordinate(c))
                or (c.dep_ == "advcl" and addressed and any(m.lower_ in ("if", "whether") for m in c.children))
            ),
            None,
        )
        tokens: list[Token] = []
        if complement is not None and subject is not None and not addressed:
            tokens = [*subject.subtree, *self.doc[subject.i : complement.right_edge.i + 1]]
        elif complement is not None and described is not None and not addressed:
            # "a group of contests known as Super Tuesday": the noun described, then how
            tokens = list(self.doc[described.left_edge.i : complement.right_edge.i + 1])
        elif complement is not None and (addressed or complement.dep_ == "xcomp"):
            tokens = list(complement.subtree)
        elif clause is not None:
            tokens = self._claim_tokens([clause])
        elif addressed:
            topic = next((c for c in following if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS), None)
            pobj = next((c for c in topic.children if c.dep_ in ("pobj", "pcomp")), None) if topic else None
            if topic is not None and pobj is not None and not _circumstance(topic, pobj):
                tokens = list(pobj.subtree)

        content = self.trimmed(tokens) if tokens else None
        if content is None:
            return None
        hedge = f"be {cue_lemma} to"
        hedges = [hedge] if hedge in {h.text for h in self.lexicon.hedges} else []
        if stance not in (Stance.SPECULATES, Stance.DENIES):
            stance = Stance.REPORTS
        return Draft(
            kind="verb",
            cue=self._cue_span(verb, cue_lemma),
            content=content,
            stance=stance,
            unnamed=self._phrase(verb, verb),
            hedges=hedges,
            cue_token=verb,
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
        if before.text == "," and verb.lemma_.lower() in self.lexicon.addressee:
            return False  # "..., asked residents about the damage": whom he asked, not who asked
        if any(c.dep_ == "cc" for c in verb.head.children if verb.head.i < c.i < verb.i):
            return False
        follower = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod")), None)
        return (
            follower is not None
            and follower.i > verb.i
            and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
        )

    def _closing_report(self, verb: Token, subject: Token | None) -> tuple[Token | None, tuple[int, int]] | None:
        """ "..., police said." and "..., said Jane Doe, a director at X.": a reporting clause
        that closes its sentence after a comma, so that everything before the comma is what
        was said. The parser often mis-hangs such sentences (the content as an adverbial
        clause, the speaker as the subject of a name that looks like a verb), so the shape is
        read off the word order. Returns the speaker when it follows the verb, and the content.
        """
        if verb.lemma_.lower() not in self.lexicon.inversion or verb.tag_ == "VBG" or self.in_quote(verb.idx):
            return None
        sent = verb.sent
        doc = self.doc
        speaker: Token | None = None
        # '"...," a source, who was not named, told Reuters': the comma before the verb closes the
        # subject's own aside, so the subject stands before the verb and the listener after it
        set_off = subject is not None and subject.right_edge.i == verb.i - 1
        if subject is not None and subject.i < verb.i and (doc[verb.i - 1].text != "," or set_off):
            start = subject.left_edge.i
            own = {t.i for t in verb.subtree} - {t.i for c in verb.children if c.dep_ in _CLAUSAL for t in c.subtree}
            if any(not t.is_punct and t.i not in own for t in doc[verb.i + 1 : sent.end]):
                return None  # more follows than the reporting clause's own words
        else:
            start = verb.i
            while start > sent.start and doc[start - 1].dep_ in ("aux", "neg") and doc[start - 1].head == verb:
                start -= 1
            speaker = self._nominal_after(verb)
            mistagged = speaker is None and self._name_after_quote(verb)
            if mistagged:
                speaker = doc[verb.i + 1]
            if speaker is None:
                return None
            if doc[start - 1].text == "," and verb.lemma_.lower() in self.lexicon.addressee:
                return None  # "..., asked residents about the damage": whom he asked, not who asked
            for clause in verb.children:
                # a clause after the verb is content ("..., said the talks failed" is no
                # closing clause), unless it is a capitalised name read as a verb ("said Jane
                # Doe, who heads Correct the Record") or a participle aside after the speaker
                # ("said Doe, adding ...")
                named = speaker.head == clause and clause.text[:1].isupper() and clause.i > speaker.i
                aside = clause.tag_ == "VBG" and clause.i > speaker.i and doc[clause.i - 1].text == ","
                if clause.dep_ in _CLAUSAL and clause.i > verb.i and not (named or aside):
                    return None
            words = doc[speaker.left_edge.i : speaker.right_edge.i + 1]
            if not (mistagged or self._plausible_speaker(speaker, words)):
                return None
        if start > 0 and doc[start - 1].text in _QUOTE_CHARS:
            # '"...," said Jane Doe': the quote that closes right before is what was said
            closed = doc[start - 1].idx + len(doc[start - 1].text)
            quote = next((q for q in self.quotes if q.end == closed), None)
            if quote is None or not (self.speech_like(quote) or _closes_speech(quote, self.report.text)):
                return None
            return speaker, (quote.start, quote.end)
        if start <= sent.start or doc[start - 1].text != ",":
            return None
        said = [t for t in doc[sent.start : start - 1] if not self.in_quote(t.idx)]
        finite = [t for t in said if t.pos_ in syntax.VERBS and t.dep_ not in ("relcl", "acl", "aux", "auxpass")]
        exclaimed = speaker is None and all(t.pos_ in ("INTJ", "ADV", "ADJ", "PUNCT", "PART") for t in said)
        # "..., he said.": a pronoun after the comma cannot be an apposition's head, so what
        # precedes is what was said even where the parser found no verb in it
        pronoun = speaker is None and subject is not None and subject.pos_ == "PRON" and subject.i == start
        if not (exclaimed or (len(said) >= 3 and (finite or pronoun))):
            return None  # "Smith, a senior official, said ...": an apposition, not a clause
        opening = [t for t in said if not sent.start <= t.head.i < start - 1 or t.head == t]
        if opening and all(
            t.tag_ in ("VBN", "VBG") and t.head == verb and not any(c.dep_ == "nsubj" for c in t.children)
            for t in opening
        ):
            return None  # "Asked if he would run, the senator said no": how, not what, he said
        content = self.trimmed(syntax.after_dateline(list(doc[sent.start : start - 1]), doc[start - 1]))
        return (speaker, content) if content is not None else None

    def _parenthetical(self, verb: Token) -> tuple[Token, tuple[int, int]] | None:
        """ "The attack, said Jane Doe, a spokeswoman, was the largest since May": an inverted
        reporting clause set off by commas inside what was said. The parser takes the words
        before it for the verb's subject and the speaker for the subject of the rest. The
        speaker is that noun phrase, and what was said the rest of the sentence after it."""
        doc = self.doc
        if verb.lemma_.lower() not in self.lexicon.inversion or verb.tag_ == "VBG" or self.in_quote(verb.idx):
            return None
        if verb.i - 1 <= verb.sent.start or doc[verb.i - 1].text != ",":
            return None
        speaker = self._nominal_after(verb)
        if speaker is None or speaker.dep_ != "nsubj":
            return None
        clause = speaker.head
        if clause.head != verb or clause.dep_ not in _CLAUSAL or clause.i <= speaker.i:
            return None
        end = speaker.right_edge.i
        if doc[end].text != "," and (end + 1 >= clause.i or doc[end + 1].text != ","):
            return None  # the speaker's phrase must close with a comma: "said Jane Doe, was ..."
        words = doc[speaker.left_edge.i : end + 1]
        if not self._plausible_speaker(speaker, words):
            return None
        own = {t.i for t in speaker.subtree}
        content = self.trimmed([t for t in clause.subtree if t.i not in own and t.i > end])
        return (speaker, content) if content is not None else None

    def _name_after_quote(self, verb: Token) -> bool:
        """'"...," said Skelly, explaining ...': a capitalised word alone between a reporting verb
        that follows a quote and a comma or full stop is the speaker's name, however the tagger
        reads an unknown surname."""
        doc = self.doc
        if verb.i == 0 or doc[verb.i - 1].text not in _QUOTE_CHARS or verb.i + 2 >= len(doc):
            return False
        name, after = doc[verb.i + 1], doc[verb.i + 2]
        if name.ent_type_ in ("DATE", "TIME") or name.lower_ in ("today", "yesterday", "tonight"):
            return False  # '"...," said Monday': when, not who
        return name.is_alpha and name.text[:1].isupper() and after.text in (",", ".")

    def _main_verb_misread_as_relative(self, verb: Token, subject: Token) -> Token | None:
        """ "The administration of the region that Russia controls denied the accusation": the
        parser reads "controls" as a noun and "denied" as the verb of the relative clause, and
        leaves the sentence without a main verb. The noun phrase the sentence opens with is then
        the real subject."""
        root = verb.sent.root
        if verb.dep_ != "relcl" or root.pos_ not in ("NOUN", "PROPN") or not root.i < subject.i < verb.i:
            return None
        if subject.lower_ in _RELATIVE or root.left_edge.i != verb.sent.start:
            return None
        if not any(c.dep_ == "mark" or c.lower_ in _RELATIVE for c in verb.children if c.i < subject.i):
            return None
        return root

    def _speaker_after_quote(self, verb: Token) -> tuple[Token, tuple[int, int]] | None:
        """'"Yes," Jane Doe, founder of X, tells the radio': only a noun phrase between a
        quote and the verb, which the parser hung on the quote's words instead."""
        quote = next(
            (
                q
                for q in self._quotes_near(verb.sent.start_char, verb.idx)
                if verb.sent.start_char - 2 <= q.end <= verb.idx
            ),
            None,
        )
        if quote is None or self.in_quote(verb.idx):
            return None
        between = self.doc.char_span(quote.end, verb.idx, alignment_mode="contract")
        if between is None or not 0 < len(between) <= 25:
            return None
        between = self._without_participle_aside(between)
        words = [t for t in between if not t.is_punct]
        if (
            not words
            or any(t.pos_ in syntax.VERBS for t in words)
            or not any(t.pos_ in ("PROPN", "NOUN") for t in words)
        ):
            return None
        if not (self.speech_like(quote) or _closes_speech(quote, self.report.text)):
            return None
        return between.root, (quote.start, quote.end)

    def _without_participle_aside(self, words: SpacySpan) -> SpacySpan:
        """ "Jane Doe, wearing a helmet, said": the speaker before an aside set off by commas that
        opens with a participle or "who" ("wearing ...", "asked about ...", "who saw it")."""
        comma = next((t for t in words if t.text == ","), None)
        if comma is None or comma.i == words.start or words[-1].text != "," or comma.i + 1 >= words.end - 1:
            return words
        opener = self.doc[comma.i + 1]
        if opener.tag_ not in ("VBG", "VBN") and opener.lower_ not in ("who", "whose"):
            return words
        return self.doc[words.start : comma.i]

    def _apposition_before(self, verb: Token) -> Token | None:
        """The apposition that ends at the comma, or the word, right before a verb the parser left
        without a subject ("..., Jane Doe, the governor, said", "..., injuring three people, the
        head of the administration said"), the first of a chain of them; it hangs on a noun
        before it."""
        doc = self.doc
        sent = verb.sent
        if verb.i - 2 <= sent.start or self.in_quote(verb.idx):
            return None
        # "..., Jane Doe, the governor, said" or, with no comma before the verb, "..., injuring
        # three people, the head of the regional administration said"
        speaker = doc[verb.i - 2] if doc[verb.i - 1].text == "," else doc[verb.i - 1]
        if speaker.is_punct:
            return None
        while speaker.dep_ != "appos" and speaker.head.i < speaker.i and speaker.head.i > sent.start:
            speaker = speaker.head  # from "governor" of "the governor" up to its head
        while speaker.dep_ == "appos" and speaker.head.dep_ == "appos" and speaker.head.i < speaker.i:
            speaker = speaker.head  # "Jane Doe, the governor,": the first of a chain of appositions
        if speaker.dep_ != "appos" or speaker.head.i >= speaker.i:
            return None
        if speaker.right_edge.i not in (verb.i - 2, verb.i - 1):
            return None  # the apposition must end at the comma before the verb
        start = speaker.left_edge.i
        if start - 1 <= sent.start or doc[start - 1].text != ",":
            return None
        end = verb.i - 1 if doc[verb.i - 1].text == "," else verb.i
        if not self._plausible_speaker(speaker, doc[start:end]):
            return None
        return speaker

    def _appositive_speaker(self, verb: Token) -> tuple[Token, tuple[int, int]] | None:
        """ "Twelve drones were downed over the region, Jane Doe, the governor, said.": the parser
        hangs the speaker between commas on a noun of the clause before as its apposition and
        leaves the verb without a subject. The speaker is the apposition that ends right before
        the verb; what was said is the clause before it."""
        if verb.lemma_.lower() not in self.lexicon.inversion:
            return None
        if any(c.dep_ in _CLAUSAL for c in verb.children if c.i > verb.i):
            return None  # "In a statement, Jane Doe, an aide, said the talks failed": see _opening_apposition
        speaker = self._apposition_before(verb)
        if speaker is None:
            return None
        start = speaker.left_edge.i
        said = self.doc[verb.sent.start : start - 1]
        if not any(t.pos_ in syntax.VERBS and t.dep_ not in ("relcl", "acl", "amod") for t in said):
            return None  # "Smith, a senior official, said": an apposition to no clause
        content = self.trimmed(syntax.after_dateline(list(said), self.doc[start - 1]))
        return (speaker, content) if content is not None else None

    def _opening_apposition(self, verb: Token) -> Token | None:
        """ "In a statement to the paper, her adviser, Jane Doe, said: ...": after an opening
        prepositional phrase the parser hangs the speaker on its last noun as an apposition and
        leaves the verb without a subject."""
        speaker = self._apposition_before(verb)
        opening = self.doc[verb.sent.start]
        if speaker is None or opening.dep_ != "prep" or opening.head != verb:
            return None
        return speaker if opening.left_edge.i <= speaker.head.i <= opening.right_edge.i else None

    def _subject_read_as_clause(self, verb: Token) -> Token | None:
        """ "Jane Doe, a nurse helping the wounded, said the shelter was full": the parser reads
        a long subject with an apposition as a clause of its own (its noun as a verb) hung on the
        cue verb before a comma. When the verb has its content after it, that clause's subject
        is the speaker."""
        doc = self.doc
        if verb.i - 2 <= verb.sent.start or doc[verb.i - 1].text != ",":
            return None
        if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
            return None
        before = next(
            (c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.i < verb.i == c.right_edge.i + 2),
            None,
        )
        if before is None or before.left_edge.i != verb.sent.start:
            return None
        speaker = next((c for c in before.children if c.dep_ == "nsubj" and c.i < before.i), None)
        if speaker is None or speaker.pos_ != "PROPN" or not any(c.dep_ == "appos" for c in speaker.children):
            return None  # only a name with an apposition: "Jane Doe, a nurse ..."
        if any(c.dep_ == "nsubj" for c in verb.children):
            return None
        return speaker

    def _left_nominal(self, verb: Token) -> Token | None:
        """The noun phrase right before a verb that the parser attached to it as something
        other than its subject."""
        i = verb.i - 1
        while i > verb.sent.start and (self.doc[i].dep_ in ("aux", "neg", "advmod") and self.doc[i].head == verb):
            i -= 1
        if i < verb.sent.start:
            return None
        token = self.doc[i]
        if token.pos_ not in ("NOUN", "PROPN", "NUM"):
            return None
        while token.head.i < verb.i and token.head != token and token.head.pos_ in ("NOUN", "PROPN", "NUM", "ADP"):
            token = token.head
        if token.head != verb or token.dep_ in ("npadvmod", "advmod", "prep", "dobj", "attr"):
            return None
        return token

    def _nominal_after(self, verb: Token) -> Token | None:
        """The head of the noun phrase right after the verb, climbing over a parse that hangs
        it on a later word."""
        if verb.i + 1 >= verb.sent.end:
            return None
        token = self.doc[verb.i + 1]
        if token.pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON") or token.lower_ in ("it", "that", "this"):
            return None
        while token.head.i > verb.i and token.head.pos_ in ("PROPN", "NOUN", "NUM", "PRON") and token.head != token:
            token = token.head
        return token if token.pos_ in ("PROPN", "NOUN", "PRON", "NUM") else None

    def _negated(self, token: Token) -> bool:
        """A cue that is denied or withheld ("did not say", "refused to confirm"): the source
        said nothing it vouches for."""
        if any(c.dep_ == "neg" for c in token.children):
            return True
        if token.dep_ == "pcomp" and token.head.lower_ == "without":
            return True  # "without offering evidence"
        return self._under_withholding(token)

    def _under_withholding(self, token: Token) -> bool:
        head = token.head
        return token.dep_ == "xcomp" and head.lemma_.lower() in self.lexicon.withholding

    def _withheld_cue_below(self, verb: Token) -> bool:
        """ "declined to confirm that ...": the infinitive is a cue with content of its own."""
        return any(
            c.dep_ == "xcomp" and c.i > verb.i and self.lexicon.cue(c) is not None and self._verb_cue(c) is not None
            for c in verb.children
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

    def _cites_a_speaker(self, citing: Token) -> bool:
        """ "citing two sources" names a source; "citing fears of terrorism" gives a reason,
        which is the speaker's own statement."""
        cited = next((c for c in citing.children if c.dep_ == "dobj"), None)
        if cited is None:
            return True
        words, _ = self._source_words(cited)
        return words is not None and self._cited_speaker(cited, words)

    def _cited_speaker(self, cited: Token, words: SpacySpan) -> bool:
        """Is what "citing" takes a speaker? Its head noun must be one ("citing two officials",
        "citing a ministry report"): "citing the release of political prisoners" gives a reason,
        though it mentions people."""
        if cited.pos_ == "PRON" or cited.ent_type_ in _SPEAKER_ENTITIES or cited.pos_ == "PROPN":
            return self._plausible_speaker(cited, words)
        return self._can_speak(cited)

    def _introduces_quote(self, verb: Token, content: tuple[int, int]) -> bool:
        following = self.doc[verb.i + 1] if verb.i + 1 < len(self.doc) else None
        colon = following is not None and following.text == ":"
        # "joked that ...", "pleaded that ...": a "that" clause is speech as much as a quote
        that = any(
            c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in verb.children
        )
        return colon or that or any(q.overlaps(*content) for q in self.quotes)

    def _according(self, token: Token) -> Draft | None:
        if token.lower_ != "according":
            return None
        to = next((c for c in token.children if c.lower_ == "to"), None)
        if to is None:
            return None
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        head = token.head if token.head.pos_ in syntax.VERBS else token.sent.root
        if head == token:
            # "That's according to the campaign's filings": the subject stands for what was
            # said before, and is all the sentence holds of it
            subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
            content = self.trimmed(list(subject.subtree)) if subject is not None else None
            description, source_span = self._source_words(pobj)
            if content is None or description is None:
                return None
            return _according(token, to, content, description, source_span)
        head = self._reporting_governor(_first_conjunct(head, token), token)
        # "According to residents, quoted by the X channel, ...": the parser may hang the
        # relay on the main clause; it belongs to the source, not to what was said
        relays = [
            c
            for c in head.children
            if c.dep_ in ("advcl", "acl")
            and c.lemma_.lower() in self.lexicon.relay_passive
            and syntax.agent(c) is not None
            and c.i > pobj.i
            and c.left_edge.i <= pobj.right_edge.i + 2
        ]
        content = self._clause_without(head, token, *relays)
        if content is None:
            return None
        description, source_span = self._source_words(pobj)
        if description is None:
            return None
        draft = _according(token, to, content, description, source_span)
        draft.via_spans.extend(self._passive_relays(pobj))
        for relay in relays:
            agent = syntax.agent(relay)
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
            if node.dep_ != "ccomp" or governor == node:
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

    def _survey_cue(self, preposition: Token) -> Draft | None:
        """ "Clinton held a 24-point lead in a CNN poll", "In the survey, most voters backed the
        plan": a figure reported through the poll that found it. The poll is the source and the
        clause, less the "in" phrase, its content; a cue verb ("said in the survey") reads the
        sentence itself."""
        if preposition.lower_ != "in" or preposition.dep_ != "prep":
            return None
        pobj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in self.lexicon.surveys or pobj.pos_ != "NOUN":
            return None
        if pobj.tag_ == "NNS":
            return None  # "she leads in national polls": polls in general found nothing in particular
        head = preposition.head
        for _ in range(3):  # "a lead among voters in a poll": the phrase hangs on a noun
            if head.pos_ in syntax.VERBS or head.head == head:
                break
            head = head.head
        if head.pos_ not in syntax.VERBS or head.dep_ in ("acl", "amod") or self.in_quote(preposition.idx):
            return None  # "voters surveyed in the poll": the phrase describes a noun
        if self.lexicon.cue(head) is not None or self._light_object(head) is not None:
            return None  # "40 percent said in the survey ...": the verb is the cue
        if any(c.dep_ == "acomp" and c.lemma_.lower() in self.lexicon.adjectives for c in head.children):
            return None  # "In exit polls, voters were unhappy with ...": the voters' own view
        subjects = [t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
        if preposition.i in subjects:
            return None  # "86 percent of voters in a survey had ...": it counts the speakers
        content = self._clause_without(head, preposition)
        description, source_span = self._source_words(pobj)
        if content is None or description is None or source_span is None or overlaps(content, source_span):
            return None
        return _according(preposition, preposition, content, description, source_span)

    def _estimate_cue(self, verb: Token) -> Draft | None:
        """ "Officials put the death toll at 12", "Forbes pegged his fortune at $4 billion": the
        subject sets a figure. The object with its "at" phrase is the content, only when that
        phrase holds a number ("put pressure on", "put him at ease" set none)."""
        if verb.pos_ not in syntax.VERBS or verb.lemma_.lower() not in self.lexicon.estimates:
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        at = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" and obj and c.i > obj.i), None)
        if obj is None or at is None or not any(t.like_num or t.text == "$" for t in at.subtree):
            return None
        speaker = self._active_speaker(verb)
        if speaker is None:
            return None
        description, source_span = speaker
        content = self.trimmed([*obj.subtree, *at.subtree])
        cue = self._cue_span(verb, verb.lemma_.lower())
        if content is None or overlaps(content, cue):
            return None
        return Draft(
            kind="verb",
            cue=cue,
            content=content,
            stance=Stance.ASSERTS,
            source_span=source_span,
            description=description,
            cue_token=verb,
        )

    def _withheld(self, verb: Token, noun: Token, cue: tuple[int, int], stance: Stance) -> tuple[Stance, list[str]]:
        """A cue noun negated or under "no" ("made no mention of", "is no fan of") withholds what
        it would say: speculated, with the cue's words as the hedge."""
        if self._negated(verb) or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return Stance.SPECULATES, [self.doc.text[cue[0] : cue[1]].lower()]
        return stance, []

    def _role_cue(self, noun: Token) -> Draft | None:
        """ "The mayor is a fervent supporter of the plan", "she has long been a critic of the
        deal": a side taken, said of the subject through the copula. The subject is the source,
        the object of "of" the content."""
        stance = self.lexicon.roles.get(noun.lemma_.lower())
        verb = noun.head
        if stance is None or noun.dep_ != "attr" or verb.lemma_.lower() not in ("be", "become", "remain"):
            return None
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if of is None or pobj is None or subject is None:
            return None
        speaker = self._speaker_words(subject)
        content = self.trimmed(list(pobj.subtree))
        if speaker is None or content is None:
            return None
        description, source_span = speaker
        start, _ = self._cue_span(verb, "be")
        cue = (start, of.idx + len(of.text))
        stance, hedges = self._withheld(verb, noun, cue, stance)  # "is no fan of": no side taken
        return Draft(
            kind="verb",
            cue=cue,
            content=content,
            stance=stance,
            source_span=source_span,
            description=description,
            cue_token=verb,
            hedges=hedges,
        )

    def _misread_verb_cue(self, token: Token) -> Draft | None:
        """ "Trump predicts that ...", "The campaign projects that ...", "Two-thirds support
        cutting ...": the tagger took the cue verb for a noun and the parser made it the head of
        a sentence with no verb of its own. The words before it are then its subject, and the
        clause right after it what was said."""
        if token.pos_ != "NOUN" or token.dep_ != "ROOT" or token.i == token.sent.start:
            return None
        found = self.lexicon.cue(token)
        if found is None or found[0] in self.lexicon.quote_only or self.in_quote(token.idx):
            return None
        sent = token.sent
        before = [t for t in self.doc[sent.start : token.i] if not t.is_space]
        before = syntax.after_dateline(before, token)
        if not before or len(before) > 8 or before[-1].lower_ in _NOT_A_SUBJECT_END:
            return None
        if any(
            t.pos_ in syntax.VERBS or (t.is_punct and t.tag_ != "HYPH") or not sent.start <= t.head.i <= token.i
            for t in before
        ):
            return None
        if before[-1].pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
            return None
        clause = next(
            (
                c
                for c in token.children
                if c.i > token.i
                and c.dep_ in ("acl", "relcl", "ccomp", "xcomp")
                and c.pos_ == "VERB"
                and c.left_edge.i == token.i + 1
            ),
            None,
        )
        if clause is None:
            return None
        content = self.trimmed(list(self.doc[token.i + 1 : clause.right_edge.i + 1]))
        description, source_span = self._source_words_of(self.doc[before[0].i : token.i])
        if content is None or description is None or not self._plausible_speaker(description.root, description):
            return None
        return _one_word_cue(token, content, found[1], description, source_span)

    def _adverb_cue(self, token: Token) -> Draft | None:
        """ "Drones reportedly hit the depot": the report relays an unnamed claim."""
        if token.lower_ not in self.lexicon.adverbs or token.dep_ != "advmod":
            return None
        head = token.head
        if head.pos_ not in syntax.VERBS or self.lexicon.cue(head) is not None:
            return None
        content = self.trimmed(list(head.subtree))
        if content is None:
            return None
        return Draft(
            kind="adverb",
            cue=(token.idx, token.idx + len(token.text)),
            content=content,
            stance=Stance.REPORTS,
            unnamed=token.text,
            hedges=[token.lower_],
            cue_token=token,
        )

    def _noun_cue(self, token: Token) -> Draft | None:
        """ "Podolyak's claim that Ukraine never attacks ...", "reports of explosions", "calls
        for a ceasefire from the council", "in his view, ...".

        The source is the noun's possessor ("the ministry's statement"), or who it comes from
        ("criticism from rivals", "support among voters"), or a name compounded with it; the
        content is a "that" clause or the complement of a preposition ("concerns about ...").
        """
        if token.pos_ != "NOUN" or token.lemma_.lower() not in self.lexicon.nouns:
            return None
        if token.dep_ in ("dobj", "pobj", "nsubjpass") and self.lexicon.cue(token.head) is not None:
            return None  # "denied claims that ...": the verb frames it
        if self._light_object(token.head) == token:
            return None  # "made a call for ...": the light verb reads it with its subject
        if token.dep_ == "pobj" and self._reports(token.head.head) and self._clause_of_medium(token.head.head):
            return None  # "said in a statement that ...": the verb's subject made the statement
        governor = token.head.head
        if _side_taken(token.head) is not None and governor.pos_ in syntax.VERBS and self.lexicon.cue(governor):
            return None  # "argued in support of ...": the verb reads it, with its subject
        stance = self.lexicon.nouns[token.lemma_.lower()]
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        content = self._noun_content(token)
        framing = token.head if token.dep_ == "pobj" and token.head.lower_ == "in" else None
        if content is None and framing is not None and owner is not None and framing.head.pos_ in syntax.VERBS:
            content = self._clause_without(framing.head, framing)  # "In their view, Democrats could ..."
        if content is None:
            return None
        draft = Draft(
            kind="noun",
            cue=(token.idx, token.idx + len(token.text)),
            content=content,
            stance=stance,
            cue_token=token,
        )
        if owner is not None and owner.pos_ not in ("DET",) and owner.lower_ not in _OWN_VOICE:
            draft.description, draft.source_span = self._source_words(owner)
        elif owner is None:
            origin = self._noun_origin(token)
            if origin is not None:
                draft.description, draft.source_span = self._source_words(origin)
        if draft.description is None:
            draft.unnamed = token.text
        return draft

    def _noun_content(self, noun: Token) -> tuple[int, int] | None:
        """A cue noun's content: its "that" clause, else the object of a topic preposition."""
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp", "relcl", "appos")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is not None:
            return self.trimmed(list(clause.subtree))
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in _NOUN_TOPIC_PREPOSITIONS and child.i > noun.i:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is None or _circumstance(child, pobj) or self._is_medium_phrase(child):
                    continue
                if child.lower_ == "to" and (pobj.ent_type_ in ("PERSON", "ORG") or self._can_speak(pobj)):
                    continue  # "a statement to the paper", "remarks to reporters": who heard it
                return self.trimmed(list(pobj.subtree))
        return None

    def _noun_origin(self, noun: Token) -> Token | None:
        """Who a cue noun comes from when no possessive says it: "criticism from rivals",
        "support among voters", "the Obama calls for ..."."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "among"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and (pobj.ent_type_ in _SPEAKER_ENTITIES or self._can_speak(pobj)):
                    return pobj
        named = [c for c in noun.lefts if c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG", "NORP")]
        return named[-1] if named else None

    def _headline_cue(self, token: Token) -> Draft | None:
        """ "Senator Praises Ceasefire Deal", "Mayor Questioned Army Over Shelling": a
        title-cased headline, where the tagger takes every capitalised word for a name.
        Headlines keep the English order subject, verb, object, so an inflected cue verb
        ("-s", "-ed") has the speaker before it, from the line's start, and what was said
        after it, to the line's end or a colon (after which a quote usually follows)."""
        if token.pos_ not in ("PROPN", "NOUN") or token.i == 0 or not token.text[:1].isupper():
            return None
        word = token.lower_
        if not (word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))):
            return None
        found = self.lexicon.cue(token)
        if found is None or found[0] in self.lexicon.quote_only:
            return None
        line = self.report.paragraph_at(token.idx)
        if line is None or not _title_cased(self.report.text[line.start : line.end]):
            return None
        before = [t for t in self.doc[: token.i] if t.idx >= line.start and not t.is_space]
        colon = max((i for i, t in enumerate(before) if t.text == ":"), default=-1)
        before = before[colon + 1 :]  # "WATCH: Senator Praises ..." or a numbered item
        while before and (before[0].is_punct or before[0].like_num):
            before = before[1:]
        if not before or len(before) > 8 or before[-1].is_punct or before[-1].lower_ in _NOT_A_SUBJECT_END:
            return None  # "Trump's Claims ...", "The Calls ...": a noun, not a verb
        if any(t.pos_ in syntax.VERBS or (t.text[:1].isupper() and self._headline_verb(t)) for t in before):
            return None  # a second verb ("X Says ..., Calls ..."): whose subject is unclear
        after: list[Token] = []
        for t in self.doc[token.i + 1 :]:
            if t.idx >= line.end or t.text == ":":
                break
            after.append(t)
        content = self.trimmed(after)
        source = self.trimmed(before, keep_quotes=False)
        if content is None or source is None:
            return None
        description = self.doc.char_span(*source, alignment_mode="expand")
        if description is None:
            return None
        return _one_word_cue(token, content, found[1], description, source)

    def _headline_verb(self, token: Token) -> bool:
        word = token.lower_
        inflected = word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))
        return inflected and self.lexicon.cue(token) is not None

    def _colon_cue(self, token: Token) -> Draft | None:
        """ "Podolyak: Russia is staging this." A speaker, a colon, then what they said.

        Only when the words before the colon open the sentence and name a plausible
        speaker, and no verb stands between (those are verb cues: 'he said: ...').
        """
        if token.text != ":" or token.i == token.sent.start:
            return None
        start = token.sent.start
        while start < token.i and self.doc[start].text in _QUOTE_CHARS:
            start += 1  # a transcript inside a quote opens each turn with a quote mark: '"PENCE: ...'
        before = self.doc[start : token.i]
        if not len(before) or len(before) > 8 or any(t.pos_ in syntax.VERBS for t in before):
            return None
        words, source_span = self._source_words_of(before)
        if words is None or source_span is None:
            return None
        label = {words.text.lower(), words.root.lemma_.lower(), words.root.lower_}
        if words[0].lower_ in ("the", "a", "an") and len(words) > 1:
            label.add(words[1:].text.lower())  # "The Latest: ..."
        label.add(_STAMP_AFTER.sub("", words.text).lower())  # "UPD 09:20: ..."
        if label & self.lexicon.colon_labels:
            return None  # "Update: ...", "Editor's note: ..."
        if not self._speaker_label(words):
            return None
        after = [t for t in token.sent if t.i > token.i]
        if not any(not t.is_punct and not t.is_space for t in after) and token.i + 1 < len(self.doc):
            # the sentence splitter may end the sentence at the colon: what follows in the same
            # paragraph is what was said
            following = self.doc[token.i + 1].sent
            if "\n" not in self.report.text[token.idx : following.start_char]:
                after = list(following)
        content = self.trimmed(after)
        if content is None:
            return None
        if not any(t.pos_ in syntax.VERBS for t in after) and not self._verbless_headline_claim(words, after):
            return None  # "Hillary Clinton: 1,769." is a tally, not speech
        content = self._transcript_turn(words, content)
        return Draft(
            kind="verb",
            cue=(token.idx, token.idx + 1),
            content=content,
            stance=Stance.ASSERTS,
            source_span=source_span,
            description=words,
            cue_token=token,
        )

    def _speaker_label(self, words: SpacySpan) -> bool:
        """Do the words before a colon name a speaker? A name or a speaker noun does ("Podolyak:",
        "The ministry:"); a connective ("But:", "Plus:"), a time ("Later that month on TV:"), a
        dateline ("Kramatorsk, 3 May:"), a kicker ("BOOM:", "Bombshell:") or a thing said of
        someone ("Another problem for the mayor:") does not."""
        root = words.root
        if root.pos_ in ("CCONJ", "SCONJ", "ADV", "ADP", "DET", "INTJ", "PART") or root.ent_type_ in ("DATE", "TIME"):
            return False
        if any(t.like_num or t.ent_type_ in ("DATE", "TIME") for t in words):
            return False  # "Mir Ali, 23 Nov: ...", "2016 Nerdcast: ...": a dateline or a title
        if len(words) == 1:
            # one word: a name the recogniser, the registry or the running text knows, a speaker
            # noun, or a transcript's label in capitals before running text ("MORENO: We begin
            # ..."); a headline's capitals make no name ("BOOM: Army Sends Five Battalions")
            if (
                root.ent_type_ in _SPEAKER_ENTITIES
                or self.registry.aliases_in(root.text)
                or self.lexicon.speakers.scan(root.lemma_.lower())
                or root.text in self._names_in_running_text()
            ):
                return True
            line = self.report.paragraph_at(root.idx)
            rest = self.report.text[root.idx + len(root.text) : line.end] if line is not None else ""
            return root.text.isupper() and len(root.text) > 1 and not _title_cased(rest)
        # headlines are title-cased, so the tagger's PROPN is unreliable there: a short run of
        # capitalised words is taken for a name
        if len(words) <= 4 and all(t.text[:1].isupper() for t in words if t.is_alpha):
            return True
        # what the label's head names, without its prepositional phrases: "another problem for
        # the mayor" is a problem, not the mayor
        attached = {t.i for c in root.children if c.dep_ == "prep" for t in c.subtree}
        core = [t for t in words if t.i not in attached]
        head = self.doc[core[0].i : core[-1].i + 1]
        return self._plausible_speaker(root, head)

    def _transcript_turn(self, words: SpacySpan, content: tuple[int, int]) -> tuple[int, int]:
        """ "MODERATOR: Good evening. Our first question ..." and "Jane Doe: We saw it coming.
        Nobody listened.": a speaker label that opens a paragraph, as transcripts and interviews
        set them, gives the speaker the whole paragraph (a label in capitals, a name, or a source
        the lexicon or registry knows: "The regional military administration: ...")."""
        letters = [t for t in words if t.is_alpha]
        capitals = bool(letters) and all(t.text.isupper() and len(t.text) > 1 for t in letters)
        root = words.root
        named = root.pos_ == "PROPN" or root.ent_type_ == "PERSON" or root.text in self._names_in_running_text()
        # a live blog's entry opened by its source ("The regional military administration: one
        # woman killed, nine injured. Five drones hit ...") is that source's entry
        body = bool(self.registry.descriptors.index.scan(root.text) or self.registry.aliases_in(words.text))
        if not (capitals or named or body):
            return content
        paragraph = self.report.paragraph_at(words.start_char)
        if paragraph is None:
            return content
        opening = self.report.text[paragraph.start : words.start_char].strip(_QUOTE_CHARS + " ")
        if opening and not _ENTRY_STAMP.fullmatch(opening):  # "06:20\nThe ministry: ..." is an entry
            return content
        rest = self.doc.char_span(content[0], paragraph.end, alignment_mode="contract")
        whole = self.trimmed(list(rest)) if rest is not None else None
        return whole if whole is not None else content

    def _verbless_headline_claim(self, words: SpacySpan, after: Sequence[Token]) -> bool:
        """ "Mayor Klitschko: No Power Cuts in Kyiv This Week": headlines drop the verb of what a
        speaker says. A verbless line counts when the speaker is a known kind of speaker (a
        name the recogniser knows, a registry source, a speaker noun such as "poll"), not just
        a capitalised label ("Target: an oil depot"), and the rest is a phrase, not a figure."""
        if sum(1 for t in after if t.is_alpha) < 3 or not any(t.pos_ in ("NOUN", "PROPN") for t in after):
            return False
        text = words.text
        return (
            any(t.ent_type_ == "PERSON" for t in words)
            or bool(self.registry.aliases_in(text))
            or bool(self.lexicon.speakers.scan(words.root.lemma_.lower()))
        )

    def _verb_content(self, verb: Token, cue_lemma: str, passive: bool) -> tuple[tuple[int, int] | None, bool]:
        """What the cue verb attributes, and whether it is a clause or quote (strong evidence
        of attribution) rather than an object or infinitive."""
        children = list(verb.children)
        clauses = [c for c in children if c.dep_ == "ccomp" and not syntax.subordinate(c)]
        misread = self._subject_read_as_clause(verb)
        if misread is not None:
            clauses = [c for c in clauses if c.i > verb.i]  # the clause before holds the speaker
        # "Most said they were worried, and half said the mayor would do best": the parser may
        # hang a second reporting clause, with a speaker of its own, as another complement
        clauses = [c for c in clauses if c is clauses[0] or not self._coordinated_report(c)]
        clauses = [c for c in clauses if not self._set_off_before(verb, c, clauses)]
        if clauses:
            return self.trimmed(self._claim_tokens([*clauses, *_told_on(verb, clauses)])), True
        carried = self._clause_of_medium(verb)
        if carried is not None:
            return self.trimmed(list(carried.subtree)), True
        if (
            verb.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
            and (cue_lemma in self.lexicon.inversion or cue_lemma == "put it" or _bare_as_clause(verb))
        ):
            # "as stated by Baza, ...", "as he put it"; not "as she accepted her award"
            return self._clause_without(verb.head, verb), True
        lent = verb.head.tag_ == "VBG" and verb.head.i < verb.i  # "X, noting ..., said": see syntax.subject
        if verb.dep_ == "parataxis" and verb.head.pos_ in syntax.VERBS and not lent:
            return self._clause_without(verb.head, verb), True  # "..., officials said, ..."
        if verb.dep_ == "parataxis" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.head.pos_ in syntax.VERBS:
            # "The difference now, he told me, is that ...": the parser hangs the inserted
            # reporting clause on the subject noun; what was said is the whole sentence
            return self._clause_without(verb.head.head, verb), True
        if cue_lemma in self.lexicon.addressee:
            asked = self._addressed_clause(verb)
            if asked is not None:
                return asked, True
        quoted = self._adjacent_quote(verb)
        if quoted is not None and self._aside_of_another_cue(verb, quoted):
            quoted = None
        particle = self.lexicon.phrasal_particle(verb, cue_lemma)
        if particle is not None and particle.dep_ == "prep":
            # "called for a ceasefire", "pointed to the damage": the particle's object
            found = self._particle_content(verb, particle)
            if found is not None:
                return found, False
        if cue_lemma in self.lexicon.object_content:
            objects = [c for c in children if c.dep_ == "dobj"]
            if passive:
                objects += [c for c in children if c.dep_ == "nsubjpass" and c.lower_ != "it"]
            if objects:
                found = self._object_content(verb, objects[0])
                return found, quoted is not None and found is not None and overlaps(found, quoted)
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
        if complements and not (quoted is not None and self.in_quote(complements[0].left_edge.idx)):
            # (a complement that opens a quote is the quote: '"...," he said, "Own it."')
            return self.trimmed(list(complements[0].subtree)), False
        if quoted is not None:
            return quoted, True
        block = self._colon_block(verb)
        if block is not None:
            return block, True
        proform = self._proform(verb)
        if proform is not None:
            return proform, True
        for child in children:
            side = _side_taken(child)
            if side is not None and child.i > verb.i:
                return self.trimmed(list(side.subtree)), False
            if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPOSITIONS and child.i > verb.i:
                pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and not self._is_medium_phrase(child) and not _circumstance(child, pobj):
                    return self.trimmed(list(pobj.subtree)), False
        if verb.dep_ == "relcl" and cue_lemma in self.lexicon.object_content:
            # "an arrangement the campaign has criticized": the noun the clause describes is
            # what the verb takes as its object
            antecedent = verb.head
            if antecedent.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in ("dobj", "ccomp") for c in children):
                relative = {t.i for t in verb.subtree}
                return self.trimmed([t for t in antecedent.subtree if t.i not in relative]), False
        return None, False

    def _clause_of_medium(self, verb: Token) -> Token | None:
        """ "The ministry said in a statement that two drones were downed": the parser hangs the
        "that" clause on the medium noun, but it is what the verb's subject said."""
        for child in verb.children:
            if child.dep_ != "prep" or child.i < verb.i or not self._is_medium_phrase(child):
                continue
            medium = next((c for c in child.children if c.dep_ == "pobj"), None)
            if medium is None:
                continue
            for clause in medium.children:
                if clause.dep_ in ("acl", "ccomp", "relcl") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in clause.children
                ):
                    return clause
        return None

    def _set_off_before(self, verb: Token, clause: Token, clauses: Sequence[Token]) -> bool:
        """ "He did not apologise; instead, he said the network had erred": a clause before the
        verb, set off by a semicolon or colon, is a sentence of its own that the parser hung on
        the later verb, not what was said (a clause said before its verb ends in a comma or a
        quote). A dash sets one off when the verb has a clause of its own after it ("He seems
        worried - he told the radio that ...")."""
        if clause.i > verb.i:
            return False
        between = [t.text for t in self.doc[clause.right_edge.i + 1 : verb.i]]
        if ";" in between or ":" in between:
            return True
        return bool(_DASHES & set(between)) and any(c.i > verb.i for c in clauses)

    def _addressed_clause(self, verb: Token) -> tuple[int, int] | None:
        """What someone was told or asked, where the parser did not make it the verb's
        complement: "asked workers if they would vote" (an adverbial "if" clause) and "told a
        meeting of leaders that few understood the risk" (a "that" clause read as a relative
        clause on the addressee, though "that" is no argument of it)."""
        for child in verb.children:
            if child.i < verb.i:
                continue
            marks = {m.lower_ for m in child.children if m.dep_ == "mark"}
            if child.dep_ == "advcl" and marks & {"if", "whether"}:
                return self.trimmed(list(child.subtree))
            if child.dep_ not in ("dobj", "dative"):
                continue
            for clause in child.subtree:
                if clause.dep_ != "relcl" or clause.head.i > clause.i:
                    continue
                opener = next((m for m in clause.children if m.i < clause.i and m.lower_ == "that"), None)
                subjects = [m for m in clause.children if m.dep_ in ("nsubj", "nsubjpass") and m.i < clause.i]
                # a true relative clause has a gap where "that" belongs ("the soldiers that he
                # trusted"); a complement clause is complete after its verb
                complete = any(m.i > clause.i and not m.is_punct for m in clause.children)
                if opener is not None and opener.dep_ in ("mark", "dobj") and subjects and complete:
                    return self.trimmed(list(self.doc[opener.i : clause.right_edge.i + 1]))
        return None

    def _proform(self, verb: Token) -> tuple[int, int] | None:
        """ "said so", "thinks so", "said as much": a word standing for a statement made before,
        which is what the speaker said (a clause, as far as strength of evidence goes)."""
        following = self.doc[verb.i + 1] if verb.i + 1 < verb.sent.end else None
        if following is None or (following.head != verb and following.head.head != verb):
            return None
        if following.lower_ == "so" and following.dep_ == "advmod":
            return following.idx, following.idx + len(following.text)
        if following.lower_ in ("yes", "no") and following.dep_ in ("intj", "dobj") and following.head == verb:
            return following.idx, following.idx + len(following.text)  # "said no": the answer
        second = self.doc[following.i + 1] if following.i + 1 < verb.sent.end else None
        if following.lower_ == "as" and second is not None and second.lower_ == "much" and second.head == verb:
            return following.idx, second.idx + len(second.text)
        return None

    def _colon_block(self, verb: Token) -> tuple[int, int] | None:
        """ "The ministry said:" closing its paragraph: the next paragraph is what was said
        (a block quotation, as news sites set statements and posts)."""
        own = {t.i for t in verb.subtree}
        colon = next((t for t in self.doc[verb.i + 1 : verb.sent.end] if t.text == ":"), None)
        if colon is None or any(t.i not in own and not t.is_punct for t in self.doc[verb.i + 1 : colon.i]):
            return None
        after = colon.idx + 1
        following = next((p for p in self.report.paragraphs if p.start >= after), None)
        if following is None or self.report.text[after : following.start].strip():
            return None
        return self.trimmed(list(self.doc.char_span(following.start, following.end, alignment_mode="expand") or []))

    def _particle_content(self, verb: Token, particle: Token) -> tuple[int, int] | None:
        """The object of a phrasal cue's preposition, with what completes it ("called on
        Congress to act")."""
        pobj = next((c for c in particle.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None:
            return None
        tokens = list(pobj.subtree)
        for child in verb.children:
            if child.i > pobj.i and child.dep_ in ("xcomp", "ccomp", "oprd"):
                tokens.extend(child.subtree)
        return self.trimmed(sorted(tokens, key=lambda t: t.i))

    def _coordinated_report(self, clause: Token) -> bool:
        """Is this complement a reporting clause of its own, coordinated with the one before it
        ("..., and more than half said ...")? It is a cue verb with its own subject, and "and",
        "but" or "while" opens it."""
        if self.lexicon.cue(clause) is None or not any(c.dep_ == "nsubj" for c in clause.children):
            return False
        before = [t for t in self.doc[clause.head.i + 1 : clause.left_edge.i] if not t.is_punct]
        return bool(before) and before[-1].lower_ in ("and", "but", "while", "whereas")

    def _claim_tokens(self, roots: Sequence[Token]) -> list[Token]:
        """The clause(s) under `roots`, less clauses that attribute something else.

        "Russia claims Ukraine attacked, while a Ukrainian official denies it": the "while"
        clause has its own speaker, so it is not part of Russia's claim.
        """
        dropped: set[int] = set()
        for root in roots:
            for child in root.children:
                # "54 drones, most of them aimed at the Kyiv region": a subject that cannot
                # speak makes no statement of its own
                own_speaker = any(
                    c.dep_ == "nsubj" and not self._part_of_things(c) and self._speaker_words(c) is not None
                    for c in child.children
                )
                if (
                    child.dep_ in ("advcl", "conj", "parataxis")
                    and self.lexicon.cue(child) is not None
                    and (
                        own_speaker
                        or syntax.reported_twin(child, reporting=self._reports) is not None
                        or syntax.tense_twin(child, root)
                        or syntax.speechless_twin(child, root, speaker=self._can_speak, reporting=self._reports)
                    )
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
        """The object and what completes it: "described the attack as a provocation".

        A relative pronoun before the verb ("an explosion that the mayor described as an
        attack", "what analysts called old tactics") stands for a noun outside the clause: the
        content is then what completes the verb, if anything does ("what she said": the
        pronoun)."""
        fronted = obj.i < verb.i and obj.lower_ in (*_RELATIVE, "what")
        tokens = [] if fronted else list(obj.subtree)
        for child in verb.children:
            if child.i <= obj.i or (fronted and child.i < verb.i):
                continue
            if child.dep_ in ("oprd", "xcomp", "ccomp") or (
                child.dep_ == "prep" and child.lower_ in ("as", "of", "for", "on")
            ):
                tokens.extend(child.subtree)
        if fronted and not tokens:
            # "what she said": the pronoun itself is all the clause holds of the content
            tokens = list(obj.subtree)
        return self.trimmed(sorted(tokens, key=lambda t: t.i))

    def _adjacent_quote(self, verb: Token) -> tuple[int, int] | None:
        """A quote right after 'X said:' or right before '..., X said' in the same sentence."""
        sent = verb.sent
        own = {t.i for t in verb.subtree}
        if self.in_quote(verb.idx):
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
                if (
                    joined
                    and only_own(quote.end, verb.idx)
                    and (self.speech_like(quote) or _closes_speech(quote, self.report.text))
                ):
                    return (quote.start, quote.end)
        return None

    def _quotes_near(self, start: int, end: int) -> list[Quote]:
        """Quotes that end within a short reach before `start` or begin before `end` + 2."""
        return [q for q in self.quotes if q.end >= start - 2 and q.start <= end + 2]

    def _clause_without(self, head: Token, *exclude: Token) -> tuple[int, int] | None:
        """The head's clause minus the excluded phrases: the stretch that holds the head."""
        while head.dep_ in ("aux", "auxpass") and head.head != head:
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
        return self.trimmed(best)

    def trimmed(self, tokens: Sequence[Token], *, keep_quotes: bool = True) -> tuple[int, int] | None:
        """Character span of the tokens, without edge punctuation (content keeps its quote
        marks; a source phrase does not) nor a conjunction left dangling at the end when a
        coordinated clause was cut off ("said the depot burned and | added that ...")."""
        toks = sorted(tokens, key=lambda t: t.i)

        def edge(t: Token) -> bool:
            return (t.is_punct or t.is_space) and not (keep_quotes and t.text in _QUOTE_CHARS)

        while toks and edge(toks[0]) and not _paired(toks, opening=True):
            toks = toks[1:]
        while toks and (
            (edge(toks[-1]) and not _paired(toks, opening=False)) or (toks[-1].dep_ == "cc" and len(toks) > 1)
        ):
            toks = toks[:-1]
        if not toks or all(t.is_punct for t in toks):
            return None
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)

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
        phrase = syntax.after_dateline(phrase, head)
        span = self.trimmed(phrase, keep_quotes=False)
        core = self.trimmed([t for t in phrase if t.i not in described], keep_quotes=False)
        if span is None or core is None:
            return None, None
        span, core = self._complete_name(span), self._complete_name(core)
        if head.lower_ in _RELATIVE and head.dep_ in ("nsubj", "nsubjpass"):
            antecedent = head.head.head if head.head.dep_ == "relcl" else None
            if antecedent is not None:
                words, _ = self._source_words(antecedent)
                return words, (head.idx, head.idx + len(head.text))
        return self.doc.char_span(*core, alignment_mode="expand"), span

    def _source_words_of(self, span: SpacySpan) -> tuple[SpacySpan | None, tuple[int, int] | None]:
        trimmed = self.trimmed(list(span), keep_quotes=False)
        if trimmed is None:
            return None, None
        return self.doc.char_span(*trimmed, alignment_mode="expand"), trimmed

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

    def _subject(self, verb: Token) -> tuple[Token | None, bool]:
        """`syntax.subject` with what this reader knows of carriers, speakers and cues."""
        found = syntax.subject(verb, carrier=self._is_carrier, speaker=self._can_speak, reporting=self._reports)
        reporter = self._reporter_behind_pronoun(verb, found[0])
        return (reporter, False) if reporter is not None else found

    def _reporter_behind_pronoun(self, participle: Token, borrowed: Token | None) -> Token | None:
        """ "Carson said he would stay in the race, telling reporters that ...": a speech
        participle closing a reported clause is the reporter's act, not the clause's. The
        parser hangs it on the clause and lends it the clause's "he"; the reporter names the
        speaker (a pronoun in reported speech stands for the reporter anyway)."""
        head = participle.head
        if (
            borrowed is None
            or borrowed.lower_ not in ("he", "she", "they")
            or borrowed.head != head
            or participle.tag_ != "VBG"
            or participle.dep_ != "advcl"
            or participle.lemma_.lower() not in self.lexicon.inversion
            or head.dep_ != "ccomp"
            or self.doc[participle.i - 1].text != ","
        ):
            return None
        governor = head.head
        if not self._reports(governor):
            return None
        reporter, passive = syntax.subject(
            governor, carrier=self._is_carrier, speaker=self._can_speak, reporting=self._reports
        )
        if reporter is None or passive or reporter.pos_ == "PRON":
            return None
        return reporter

    def _reports(self, verb: Token) -> bool:
        """Is the verb a reporting cue?"""
        return verb.pos_ in syntax.VERBS and self.lexicon.cue(verb) is not None

    def _part_of_things(self, subject: Token) -> bool:
        """ "54 drones, most of them aimed at the Kyiv region": a part "of them" where the
        plural noun just before is no one who can speak."""
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None or not any(c.lower_ in ("them", "these", "those") for c in of.children):
            return False
        before = [t for t in subject.doc[subject.sent.start : subject.i] if t.tag_ in ("NNS", "NNPS")]
        return bool(before) and not self._can_speak(before[-1])

    def _can_speak(self, noun: Token) -> bool:
        """A noun that names who may speak ("lawmakers", "Smith", "those"), for subjects the
        parse leaves implicit."""
        if noun.pos_ == "PRON":
            return noun.lower_ in ("those", "one", "some", "many", "others", "who", "he", "she", "they")
        return noun.ent_type_ in _SPEAKER_ENTITIES or bool(
            self.registry.descriptors.index.scan(noun.text) or self.lexicon.speakers.scan(noun.lemma_)
        )

    def _active_speaker(self, verb: Token) -> tuple[SpacySpan, tuple[int, int] | None] | None:
        """The words and span of an active verb's subject that speaks for itself (see
        `_speaker_words`); None for a passive verb or no subject."""
        subject, passive = self._subject(verb)
        return self._speaker_words(subject) if subject is not None and not passive else None

    def _speaker_words(self, subject: Token) -> tuple[SpacySpan, tuple[int, int] | None] | None:
        """The words and span of a subject that speaks for itself: not nobody, not the report's
        own voice outside a quote, and a plausible speaker; None otherwise."""
        if syntax.nobody(subject) or (subject.lower_ in _OWN_VOICE and not self.in_quote(subject.idx)):
            return None
        description, source_span = self._source_words(subject)
        if description is None or not self._plausible_speaker(subject, description):
            return None
        return description, source_span

    def plausible_speaker(self, words: SpacySpan) -> bool:
        """Can the phrase `words` say or think something?"""
        return self._plausible_speaker(words.root, words)

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
        if any(t.ent_type_ in _SPEAKER_ENTITIES for t in words):
            return True
        return subject.pos_ == "NOUN" and subject.text in self._names_in_running_text()

    def _names_in_running_text(self) -> frozenset[str]:
        """Words the report capitalises inside a sentence of running text: names, even those
        the tagger takes for common nouns ("Pence blames the media", "Sanders called on ...").
        Title-cased lines (headlines) capitalise every word and so prove nothing."""
        if self._names is None:
            names: set[str] = set()
            for paragraph in self.report.paragraphs:
                if _title_cased(self.report.text[paragraph.start : paragraph.end]):
                    continue
                span = self.doc.char_span(paragraph.start, paragraph.end, alignment_mode="contract")
                for token in span or []:
                    previous = self.doc[token.i - 1] if token.i > 0 else None
                    if (
                        token.is_alpha
                        and token.text[:1].isupper()
                        and not token.is_sent_start
                        and previous is not None
                        and previous.text not in (*_QUOTE_CHARS, ":", "(", "[", *_DASHES)
                        and not token.text.isupper()
                    ):
                        names.add(token.text)
            self._names = frozenset(names)
        return self._names

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
                agent = syntax.agent(child)
                if agent is not None:
                    words, _ = self._source_words(agent)
                    if words is not None:
                        relays.append(words)
        return relays

    def _relays_of_verb(self, verb: Token, cue_lemma: str, draft: Draft) -> None:
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
                    if words is not None and self._cited_speaker(cited, words):
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
        span = self.trimmed(tokens)
        if span is None:
            return None
        return self.doc.char_span(span[0], span[1], alignment_mode="expand")

    def _phrase(self, first: Token, last: Token) -> str:
        lo, hi = sorted((first, last), key=lambda t: t.i)
        return self.doc[lo.i : hi.i + 1].text

    def _cue_span(self, verb: Token, cue_lemma: str) -> tuple[int, int]:
        """The cue verb with its auxiliaries and negation ("has said", "did not say"), the
        verb that withholds it ("declined to confirm") and its particle ("pointed out")."""
        first = verb
        if self._under_withholding(verb) and verb.head.i < verb.i:
            first = verb.head
        for left in reversed(list(first.lefts)):
            if left.dep_ in ("aux", "auxpass", "neg") and left.i == first.i - 1:
                first = left
        last = verb
        particle = self.lexicon.phrasal_particle(verb, cue_lemma)
        if particle is not None and particle.i == verb.i + 1:
            last = particle
        return first.idx, last.idx + len(last.text)

    def in_quote(self, offset: int) -> bool:
        return any(q.start < offset < q.end for q in self.quotes)

    def speech_like(self, quote: Quote) -> bool:
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return False
        words = [t for t in span if not t.is_punct]
        return len(words) >= _SPEECH_QUOTE_WORDS or any(t.pos_ in syntax.VERBS for t in words)


_BRACKETS = {"(": ")", "[": "]"}
_DOUBLE_QUOTES = frozenset({'"', "“", "”", "''", "``"})


def _paired(tokens: Sequence[Token], *, opening: bool) -> bool:
    """Does the mark at the edge of `tokens` (the first if `opening`, else the last) pair with
    one inside them? "Sen. Jane Doe (D-Vt.)" keeps its closing bracket and '"Late Night" host
    Tom Brown' its opening quote: a phrase does not end inside its own brackets or quotes."""
    mark = tokens[0].text if opening else tokens[-1].text
    texts = [t.text for t in tokens]
    if mark in _DOUBLE_QUOTES:
        count = sum(1 for t in texts if t in _DOUBLE_QUOTES)
        return count >= 2 and count % 2 == 0
    if opening and mark in _BRACKETS:
        return _BRACKETS[mark] in texts[1:]
    closing = {v: k for k, v in _BRACKETS.items()}
    if not opening and mark in closing:
        return texts[:-1].count(closing[mark]) > texts[:-1].count(mark)
    return False


def _bare_as_clause(verb: Token) -> bool:
    """ "as the mayor has pointed out, ...", "as most analysts believe", "as residents learned last
    winter": a cue verb in an "as" clause with a subject and nothing of its own to attribute (no
    object, clause or addressee) points at the clause it hangs on; "as she accepted the award"
    and "as he spoke to reporters" do not."""
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if any(t.lower_ == "as" and t.dep_ == "advmod" for t in verb.head.subtree):
        return False  # "not as damaged as officials believe": they believe otherwise
    own = ("dobj", "ccomp", "xcomp", "dative", "attr", "acomp", "oprd", "nsubjpass", "agent")
    if any(c.dep_ in own for c in verb.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("to", "with", "about", "of", "on", "for") for c in verb.children)


#: A live blog's or channel's entry stamp before the entry's first words: "06:20", "[21.10.25 15:12]".
_ENTRY_STAMP = re.compile(r"\[?[\d.:/ -]+\]?\s*")
#: A clock or date stamp closing a label ("UPD 09:20").
_STAMP_AFTER = re.compile(r"\s+\[?\d[\d.:/ -]*\]?$")


def _title_cased(line: str) -> bool:
    """Is the line set in title case, as headlines are (most longer words capitalised)?"""
    words = [w for w in line.split() if len(w.strip("\"'‘’“”.,:;!?()")) >= 4]
    return len(words) >= 3 and sum(w.lstrip("\"'‘’“”(")[:1].isupper() for w in words) >= 0.8 * len(words)


def _side_taken(preposition: Token) -> Token | None:
    """ "spoke out in favour of a ceasefire", "argued in support of the plan": what the verb
    takes a side on (the object of "of")."""
    if preposition.dep_ != "prep" or preposition.lower_ != "in":
        return None
    noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in ("favor", "favour", "support", "defense", "defence"):
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None


def _circumstance(preposition: Token, pobj: Token) -> bool:
    """ "on Tuesday", "over the weekend": the phrase says when (or, after a locative
    preposition, where) the words were spoken, not what they are about."""
    if pobj.ent_type_ in _WHEN or any(t.ent_type_ in _WHEN and t.head == pobj for t in pobj.subtree):
        return True
    return preposition.lower_ in _PLACE_PREPOSITIONS and pobj.ent_type_ in _WHERE and preposition.lower_ != "on"


def _closes_speech(quote: Quote, text: str) -> bool:
    """'"Really," she added': punctuation inside the closing mark ends a spoken sentence,
    which a scare quote never does."""
    inner = text[quote.start : quote.end].rstrip("\"'” ")
    return inner[-1:] in (",", "?", "!")


def _first_conjunct(head: Token, according: Token) -> Token:
    """ "A drone killed 4 people and injured 11, according to health officials": a closing
    "according to" vouches for every clause coordinated before it, not only the last one the
    parser hung it on. Mid-sentence ("... and, according to the governor, killed four") it
    keeps its own clause."""
    sentence = according.sent
    after = [t for t in according.doc[according.right_edge.i + 1 : sentence.end] if not t.is_punct]
    if after or according.i < head.i:
        return head
    while head.dep_ == "conj" and head.head.pos_ in syntax.VERBS and head.head.i < head.i:
        head = head.head
    return head


def _according(
    cue: Token, last: Token, content: tuple[int, int], description: SpacySpan, source: tuple[int, int] | None
) -> Draft:
    """An asserted report through a source phrase ("according to X", "in a poll by X"): the cue
    runs from `cue` to the end of `last`."""
    return Draft(
        kind="according",
        cue=(cue.idx, last.idx + len(last.text)),
        content=content,
        stance=Stance.ASSERTS,
        source_span=source,
        description=description,
        cue_token=cue,
    )


def _one_word_cue(
    token: Token, content: tuple[int, int], stance: Stance, description: SpacySpan, source: tuple[int, int] | None
) -> Draft:
    """A cue verb of one word whose speaker the caller found around it (a verbless headline, a
    verb the tagger read as a noun)."""
    return Draft(
        kind="verb",
        cue=(token.idx, token.idx + len(token.text)),
        content=content,
        stance=stance,
        source_span=source,
        description=description,
        cue_token=token,
    )


def _told_on(verb: Token, clauses: Sequence[Token]) -> list[Token]:
    """ "Eighteen people were killed, among them five children, when a jet bombed a monastery,
    the rescue team told Chindwin Voice": the parser hangs the "when" clause on the cue verb,
    but between the content told before it and the speaker it is part of what was told."""
    before = [c for c in clauses if c.i < verb.i]
    if not before:
        return []
    after = max(c.right_edge.i for c in before)
    speaker = min((c.left_edge.i for c in verb.children if c.dep_ in SUBJECTS), default=verb.i)
    return [c for c in verb.children if c.dep_ == "advcl" and after < c.left_edge.i and c.right_edge.i < speaker]


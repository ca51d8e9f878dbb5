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
- hedges ("reportedly", "appears to", "it is claimed") lower the stance;
- a withheld or refused statement ("did not say whether", "declined to confirm that") is an
  attribution with the stance "speculates": neither the source nor the report vouches for it;
- unnamed sources stand behind passives ("was described as", "is expected to", "Asked whether
  ..."), the report's own hedges ("appears to have hit", "it is unclear whether") and cue
  nouns with no owner ("concerns about ...");
- cues beyond verbs: nouns ("criticism from residents over ...", "in his view"), light verbs
  with a cue noun ("made the case that", "took aim at"), adjectives of a state of mind
  ("officials are confident that"), a quote credited after a dash, a statement set as the
  paragraph after "said:";
- where the statistical parse breaks (a closing "..., police said." whose content it hung
  elsewhere, a speaker after the verb read as the subject of a name, a speaker between a quote
  and its verb) the word order decides.

Sentences in the report's own voice get no attribution; the caller treats them as the
outlet's (`sources.outlet_source`). Attributions may nest: for any stretch of text the
innermost attribution covering it names the first-hand source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from corroborator.config import load_settings
from corroborator.errors import PipelineError
from corroborator.extract import attribution_syntax as syntax
from corroborator.extract.attribution_cues import CueReader
from corroborator.extract.attribution_draft import Draft, overlaps, same_source
from corroborator.extract.attribution_lexicon import CueLexicon
from corroborator.extract.attribution_quotes import Quote, find_quotes
from corroborator.extract.sources import (
    SourceContext,
    SourceRegistry,
    hedged_voice,
    resolve_source,
    unnamed_source,
)
from corroborator.model import Attribution, NormalisedReport, Source, SourceKind, Stance

_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


@lru_cache(maxsize=1)
def default_lexicon() -> CueLexicon:
    """The cue lexicon for the current settings, loaded once per process."""
    return CueLexicon.load(load_settings())


#: "asking not to be named", "who spoke on condition of anonymity": the speaker is anonymous.
_ANONYMITY = re.compile(
    r"\bnot to be (?:named|identified)\b|\bcondition of anonymity\b|\brequested anonymity\b"
    r"|\bdeclined to be (?:named|identified)\b|\bwithout being (?:named|identified)\b",
    re.IGNORECASE,
)


def _anonymous_if_asked(source: Source, words: SpacySpan) -> Source:
    """An unnamed speaker who asks not to be named, in the sentence that quotes him ("a doctor
    said, asking not to be named"), is an anonymous source, still of his side."""
    if not source.key.startswith(("anon:", "group:")) or source.kind == SourceKind.ANONYMOUS:
        return source
    if not _ANONYMITY.search(words.sent.text if words.doc.has_annotation("SENT_START") else words.text):
        return source
    parts = source.key.split(":")
    key = ":".join(["anon", SourceKind.ANONYMOUS.value, *parts[2:]])
    return source.model_copy(update={"key": key, "kind": SourceKind.ANONYMOUS})


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
    """One report's attributions: cues read token by token, then completed with what only the
    whole report shows (quotes that continue, who "he" is, who relays whom)."""

    def __init__(self, doc: Doc, report: NormalisedReport, registry: SourceRegistry, lexicon: CueLexicon) -> None:
        self.doc = doc
        self.report = report
        self.registry = registry
        self.lexicon = lexicon
        paragraphs = [(p.start, p.end) for p in report.paragraphs] or [(0, len(report.text))]
        self.quotes: list[Quote] = find_quotes(report.text, paragraphs)
        self.reader = CueReader(doc, report, registry, lexicon, self.quotes)

    def run(self, *, local_party: str | None) -> list[Attribution]:
        drafts = [d for d in map(self.reader.read, self.doc) if d is not None]
        for draft in drafts:
            self._drop_dateline(draft)
            self._expand_to_quotes(draft)
        drafts = self._drop_redundant(drafts)
        self._cut_trailing_asides(drafts)
        for draft in drafts:
            self._hedge(draft)
        self._resolve(drafts, local_party=local_party)
        drafts = [d for d in drafts if d.source is not None]
        drafts += self._continuations(drafts)
        drafts = self._drop_unowned_quoted(drafts)
        self._nest(drafts)
        return self._build(drafts)

    def _drop_dateline(self, draft: Draft) -> None:
        """ "KYIV, Aug 14 (Wire) - Drones struck ..., officials said": the dateline is where the
        report was filed, not part of what the officials said."""
        first = self.doc.char_span(draft.content[0], draft.content[0] + 1, alignment_mode="expand")
        if first is None or first.start != first.sent.start:
            return
        end = syntax.dateline_end(first.sent)
        if end is not None and end < draft.content[1]:
            draft.content = (end, draft.content[1])

    def _drop_redundant(self, drafts: list[Draft]) -> list[Draft]:
        """One attribution per cue; an unnamed "reportedly" inside a named claim is a hedge."""
        seen: set[tuple[int, int]] = set()
        kept: list[Draft] = []
        named = [d for d in drafts if d.kind in ("verb", "according")]
        by_content: dict[tuple[tuple[int, int], tuple[int, int] | None], Draft] = {}
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

    def _cut_trailing_asides(self, drafts: Sequence[Draft]) -> None:
        """A relative or participial clause that closes another attribution's content and makes
        an attribution of its own is an aside, not part of that content: "Residents complained
        about the noise, which they said kept them awake" (the residents complained of the
        noise; that it kept them awake is a second statement), "He said the returns were
        boring, calling them dull" (the calling is his, not the returns').

        The outer content ends before the aside, so the inner attribution stands on its own
        instead of being read as relayed by the outer source.
        """
        for inner in drafts:
            verb = inner.cue_token
            if verb is None or inner.kind != "verb" or self.reader.in_quote(verb.idx):
                continue
            relative = syntax.relative_aside(verb)
            participle = relative is None and syntax.participial_aside(verb)
            aside = relative if relative is not None else verb if participle else None
            if aside is None:
                continue
            for outer in drafts:
                if outer is inner or outer.kind == "continuation" or not self._closes_content(outer, aside):
                    continue
                if participle and not self._borrowed_inner_speaker(inner, outer):
                    continue  # "protesters threw stones, chanting ...": the chanting is theirs
                cut = self._end_before(aside.left_edge)
                if cut is not None and cut > outer.content[0]:
                    outer.content = (outer.content[0], cut)

    def _closes_content(self, outer: Draft, aside: Token) -> bool:
        """Does the aside lie inside the outer content, after its start, and run to its end?"""
        start = aside.left_edge.idx
        last = aside.right_edge
        end = last.idx + len(last.text)
        if outer.cue is not None and start <= outer.cue[0] < end:
            return False
        if not (outer.content[0] < start and end <= outer.content[1]):
            return False
        return not self.report.text[end : outer.content[1]].strip(" \n\t.,;:'\"")

    def _borrowed_inner_speaker(self, inner: Draft, outer: Draft) -> bool:
        """Is a participle closing the outer content the outer speaker's? It is when the parse
        already gave it that speaker, or when its borrowed subject is a thing inside the outer
        content ("the returns were boring, calling them ..."), which the outer source replaces."""
        span = inner.source_span
        if span is not None and span == outer.source_span:
            return True
        if span is None or inner.description is None or not outer.content_contains(*span):
            return False
        if self.reader.plausible_speaker(inner.description):
            return False
        inner.source_span, inner.description, inner.unnamed = outer.source_span, outer.description, outer.unnamed
        return True

    def _end_before(self, token: Token) -> int | None:
        """The end of the last word before `token`, skipping the comma or dash that opens an aside."""
        i = token.i - 1
        while i >= 0 and (self.doc[i].is_punct or self.doc[i].is_space) and self.doc[i].text not in ('"', "'"):
            i -= 1
        return self.doc[i].idx + len(self.doc[i].text) if i >= 0 else None

    def _expand_to_quotes(self, draft: Draft) -> None:
        """Content that is part of a quote takes the whole quote (multi-sentence quotes)."""
        start, end = draft.content
        cue = draft.cue or (-1, -1)
        inside = next((q for q in self.quotes if q.start <= cue[0] < q.end), None)
        if inside is not None:
            # a speaker quoted saying "I support X" says no more than the quote holds
            start, end = max(start, inside.start), min(end, inside.end)
            draft.content = (start, end) if start < end else draft.content
            start, end = draft.content
        for quote in self.quotes:
            if not quote.overlaps(start, end) or quote.start <= cue[0] < quote.end:
                continue  # a cue inside the quote is the quoted speaker's own attribution
            start, end = min(start, quote.start), max(end, quote.end)
        draft.content = (start, end)
        quoted = sum(max(0, min(end, q.end) - max(start, q.start)) for q in self.quotes if q.overlaps(start, end))
        draft.quote = quoted * 2 >= end - start

    def _hedge(self, draft: Draft) -> None:
        if draft.kind == "continuation":
            return
        content = self.doc.char_span(*draft.content, alignment_mode="expand")
        found: list[str] = list(draft.hedges)
        if content is not None:
            for hedge, first, _ in self.lexicon.find_hedges(list(content)):
                if syntax.on_spine(self.doc[first], content):
                    found.append(hedge.text)
        token = draft.cue_token
        if token is not None:
            region = syntax.cue_region(token)
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

    def _resolve(self, drafts: Sequence[Draft], *, local_party: str | None) -> None:
        context = SourceContext(local_party=local_party)
        narrated = self._narrated_people(drafts)
        last_person_at = -1
        for draft in sorted(drafts, key=lambda d: d.anchor):
            if draft.description is None:
                if draft.kind == "adverb":  # "reportedly", "appears to": the report hedging itself
                    draft.source = hedged_voice(draft.unnamed or "reportedly")
                else:  # "it is claimed", "reports of": others, unnamed
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
            source = _anonymous_if_asked(source, words)
            draft.source = source
            draft.via = _chain(source, relays)
            person = self._is_person(source, words)
            context.remember(source, person=person)
            if person:
                last_person_at = draft.anchor

    def _narrated_people(self, drafts: Sequence[Draft]) -> list[SpacySpan]:
        """People the report names in its own voice, not inside what someone said: the
        candidates for a later "he" or "she" besides earlier speakers."""
        contents = [d.content for d in drafts]
        # only subjects: the person a passage is about, not someone told or mentioned
        people = [e for e in self.doc.ents if e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass")]
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
                if not self.reader.in_quote(p.start_char) and not any(c[0] <= p.start_char < c[1] for c in contents)
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
        if root.tag_ == "NN" and any(h.values[0].individual for h in self.registry.descriptors.index.scan(root.text)):
            return True  # one unnamed person ("a trader who survived", "the village head") is a "he" later
        return root.ent_type_ == "PERSON" or root.lower_ in ("he", "she")

    def _continuations(self, drafts: Sequence[Draft]) -> list[Draft]:
        """Quotes with no cue of their own continue the last speaker.

        A quote continues the last attribution that quoted someone when it is in the same
        paragraph, or when only that speaker's own words ("he said") stand between them.
        """

        def claimed(quote: Quote) -> bool:
            # an attribution made inside the quote belongs to the quoted speaker: it does
            # not make the quote someone else's
            return any(
                overlaps((quote.start, quote.end), span)
                for d in drafts
                if not quote.contains(d.anchor, d.anchor + 1)
                for span in (d.content, d.cue)
                if span is not None
            )

        orphans = [q for q in self.quotes if not claimed(q) and self.reader.speech_like(q)]
        events: list[tuple[int, int, Draft | Quote]] = []
        for draft in drafts:
            if not self.reader.in_quote(draft.anchor):
                events.append((draft.content[0], 0, draft))
        for quote in orphans:
            events.append((quote.start, 1, quote))
        events.sort(key=lambda e: (e[0], e[1]))

        speaker: Draft | None = None
        last_end = 0
        added: list[Draft] = []
        for _, _, item in events:
            if isinstance(item, Draft):
                same = speaker is not None and same_source(item, speaker)
                if self._quotes_speech(item) or self._reports_before_a_quote(item):
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
                Draft(
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

    def _drop_unowned_quoted(self, drafts: Sequence[Draft]) -> list[Draft]:
        """A cue inside a quote is the quoted speaker's ("'I told them we would win'"): when no
        attribution of the report claims the quote, nobody the report names stands behind it,
        and its "I" or "he" cannot be resolved, so its inner attributions are left out."""
        owned = [
            d.content
            for d in drafts
            if not any(q.contains(d.anchor, d.anchor + 1) for q in self.quotes)
        ]

        def unowned(draft: Draft) -> bool:
            quote = next((q for q in self.quotes if q.start < draft.anchor < q.end), None)
            if quote is None or draft.kind == "continuation" or opens(draft, quote):
                return False
            return not any(overlaps(content, (quote.start, quote.end)) for content in owned)

        def opens(draft: Draft, quote: Quote) -> bool:
            # '"PENCE: She will not attend."': a transcript quoted turn by turn opens each turn
            # with its speaker's label, which owns the quote
            source = draft.source_span
            if source is None or draft.cue is None or self.report.text[draft.cue[0] : draft.cue[1]] != ":":
                return False
            return not self.report.text[quote.start : source[0]].strip("\"' ")

        return [d for d in drafts if not unowned(d)]

    def _reports_before_a_quote(self, draft: Draft) -> bool:
        """ 'The governor said the port was hit.' followed by a paragraph that is a quote with
        no cue of its own: news goes on quoting the speaker just reported. Only a named
        speaker's reporting verb whose content closes its paragraph; the quote must follow
        with nothing but the speaker's own words between (see `_only_speaker_between`)."""
        token = draft.cue_token
        if draft.kind != "verb" or token is None or draft.description is None or draft.unnamed is not None:
            return False
        if token.lemma_.lower() not in self.lexicon.inversion or self.reader.in_quote(token.idx):
            return False
        end = draft.content[1]
        paragraph = next((p for p in self.report.paragraphs if p.start <= end <= p.end), None)
        return paragraph is not None and not any(ch.isalnum() for ch in self.report.text[end : paragraph.end])

    def _quotes_speech(self, draft: Draft) -> bool:
        return any(
            q.overlaps(*draft.content) and self.reader.speech_like(q)
            for q in self.quotes
            if draft.content_contains(q.start, q.end)
        )

    def _only_speaker_between(self, speaker: Draft, drafts: Sequence[Draft], start: int, end: int) -> bool:
        gap = self.report.text[start:end]
        if "\n" not in gap:
            return True
        # the speaker's own reporting sentence ("..., Adelson said during the interview in
        # Macau.") may stand between; anything else is the report's voice, which ends the quote
        own: list[tuple[int, int] | None] = []
        for draft in drafts:
            if draft is speaker or same_source(draft, speaker):
                own.extend((draft.cue, draft.source_span))
                if draft.cue_token is not None:
                    sentence = draft.cue_token.sent
                    own.append((sentence.start_char, sentence.end_char))
        chars = [ch for i, ch in enumerate(gap, start) if not any(s[0] <= i < s[1] for s in own if s is not None)]
        return not any(ch.isalnum() for ch in chars)

    def _nest(self, drafts: list[Draft]) -> None:
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
            draft.via = _chain(draft.source, [*draft.via, outer.source, *outer.via])
        for draft in drafts:
            if draft.kind == "continuation" and draft.parent is not None:
                draft.via = draft.parent.via
                draft.source = draft.parent.source

    def _build(self, drafts: Iterable[Draft]) -> list[Attribution]:
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


def _chain(source: Source, relays: Sequence[Source]) -> tuple[Source, ...]:
    """Relays in order, each once, never the source itself."""
    seen = {source.key}
    chain: list[Source] = []
    for relay in relays:
        if relay.key not in seen:
            seen.add(relay.key)
            chain.append(relay)
    return tuple(chain)

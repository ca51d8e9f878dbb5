"""Who says so: turning a report's words for a source into a Source (registry in source_registry.py).

Corroboration is judged on sources, so two reports quoting "Tass" and "TASS" must name one
source, and "Russia's defence ministry" must be the same body as "the Russian Defence
Ministry". Reports also describe sources they do not name ("a senior Ukrainian official",
"residents", "people familiar with the matter"); those still have a kind and often an
affiliation, and identical descriptions must get identical keys.

Keys (`Source.key`):
    reg:<id>                      a registry entry
    party:<code>                  a party speaking as a whole ("Russia said", "Kyiv denied")
    name:<slug>                   a named source the registry does not know
    anon:<kind>:<party|->:<noun>  an unnamed individual speaking for a side, or "sources"
    group:<kind>:<party|->:<noun> an unnamed group ("residents", "Russian authorities")
    unknown:<slug>                nothing recognisable ("unresolved:<pronoun>" for a lost pronoun)
    outlet:<slug>                 the report's own outlet, when the registry does not know it
    document:<slug>               a document that names no author ("initial statistics"): the
                                  report's own statement
    hedge:<slug>                  the report hedging its own words ("reportedly"): still its own
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token
from unidecode import unidecode

from corroborator.extract import syntax
from corroborator.extract.actors import BACKER_SUFFIX, PartyMention
from corroborator.extract.phrase_index import Hit, Word, singular, words
from corroborator.extract.source_registry import (
    DESCRIPTOR_RESOURCE,
    REGISTRY_RESOURCE,
    Descriptor,
    DescriptorLexicon,
    EntryType,
    RegistryEntry,
    SourceRegistry,
    fold,
)
from corroborator.model import Source, SourceKind

__all__ = [
    "DESCRIPTOR_RESOURCE",
    "DOCUMENT_PREFIX",
    "HEDGE_PREFIX",
    "REGISTRY_RESOURCE",
    "Descriptor",
    "DescriptorLexicon",
    "EntryType",
    "RegistryEntry",
    "SourceContext",
    "SourceRegistry",
    "describe_outlet",
    "hedged_voice",
    "is_anonymous",
    "outlet_source",
    "resolve_source",
    "unnamed_source",
]


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that end the part of a description that names the source itself: what follows is a
# complement ("an adviser *to* Zelensky", "sources *close to* the Kremlin") or a clause.
_BOUNDARY_WORDS = _wordset(
    "of to for at in from with by on near under about over inside within outside across among "
    "between after before during who whom whose which that citing according quoted speaking "
    "familiar close told said says"
)
# Capitalised words that are not names (sentence-initial determiners, titles, quantifiers).
_NOT_NAMES = _wordset(
    "the a an this that these those some many several few most all both each every other others "
    "another one two three four five six seven eight nine ten dozens hundreds such any no none "
    "mr mrs ms miss dr sen rep gen lt col maj capt sgt rev prof st sir senior top former acting "
    "deputy local unnamed anonymous certain various numerous earlier later previously also "
    "meanwhile however but and or"
)
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i", "me"})
_GROUP_PRONOUNS = frozenset({"they", "them", "we", "us", "their"})
_THING_PRONOUNS = frozenset({"it", "its"})
_EDGE = " \t\n,.:;\"'“”‘’"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "-"


# --------------------------------------------------------------------------- context


@dataclass
class SourceContext:
    """What a report has said so far about its sources, for "he said" and "the ministry said".

    `local_party`: the party that governs the place the report is about, when the caller
    knows it; "a local official" is then affiliated with it.
    """

    prior: list[Source] = field(default_factory=list)
    persons: set[str] = field(default_factory=set)
    local_party: str | None = None

    def remember(self, source: Source, *, person: bool) -> None:
        self.prior.append(source)
        if person:
            self.persons.add(source.key)

    def last_person(self) -> Source | None:
        return next((s for s in reversed(self.prior) if s.key in self.persons), None)

    def last_body(self) -> Source | None:
        return next((s for s in reversed(self.prior) if s.key not in self.persons), None)

    def last(self) -> Source | None:
        return self.prior[-1] if self.prior else None

    def known(self, key: str) -> Source | None:
        return next((s for s in reversed(self.prior) if s.key == key), None)


# --------------------------------------------------------------------------- resolution


@dataclass(frozen=True)
class _Part:
    """One comma-separated part of a description, analysed."""

    text: str
    toks: list[Word]
    proper: list[bool]  # per word: a proper name (from the parse, or capitalisation)
    aliases: list[Hit[str]]
    descriptors: list[Hit[Descriptor]]
    parties: list[PartyMention]
    zone_end: int  # words before this index name the source itself; the rest is complement
    offices: list[tuple[int, int]]  # character spans of role and office phrases

    def zone_text(self) -> str:
        if not self.toks or self.zone_end == 0:
            return ""
        return self.text[self.toks[0].start : self.toks[self.zone_end - 1].end]

    def in_zone(self, hit: Hit[Any]) -> bool:
        return hit.first_word < self.zone_end

    def zone_parties(self) -> list[PartyMention]:
        limit = self.toks[self.zone_end - 1].end if self.zone_end else 0
        return [p for p in self.parties if p.start < limit]

    def covered(self, i: int) -> bool:
        word = self.toks[i]
        spans = [(h.start, h.end) for h in self.aliases]
        spans += [(h.start, h.end) for h in self.descriptors]
        spans += [(p.start, p.end) for p in self.parties]
        spans += self.offices
        return any(s <= word.start and word.end <= e for s, e in spans)

    def name_words(self) -> list[Word]:
        """Proper-name words in the zone not explained by a party, alias or descriptor."""
        return [
            self.toks[i]
            for i in range(self.zone_end)
            if self.proper[i] and not self.covered(i) and self.toks[i].folded not in _NOT_NAMES
        ]


def _split_parts(text: str) -> list[tuple[int, int]]:
    """Head and appositions: "Mykhailo Podolyak, an adviser to ..." → two parts."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r",|\(|\)|\s[-–—]\s", text):
        if m.start() > start:
            bounds.append((start, m.start()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()] or [(0, len(text))]


def _analyse(
    text: str,
    start: int,
    end: int,
    registry: SourceRegistry,
    proper_at: dict[int, bool] | None,
    root_at: int | None = None,
) -> _Part:
    sub = text[start:end]
    toks = [Word(w.folded, w.original, w.start, w.end, w.possessive) for w in words(sub)]
    aliases = registry.aliases_in(sub, toks)
    descriptors = registry.descriptors.index.scan(sub, toks)
    parties = registry.parties.mentions(sub)
    inside = [(h.start, h.end) for h in aliases]
    inside += [(h.start, h.end) for h in descriptors]
    offices = [(h.start, h.end) for h, _ in registry.role_entries(sub)]
    offices += [(h.start, h.end) for h, _ in registry.term_entries(sub)]
    inside += offices
    zone_end = len(toks)
    root_word = None
    if root_at is not None:
        root_word = next((i for i, w in enumerate(toks) if w.start <= root_at - start < w.end), None)
    if root_word is not None:
        # the parse knows the head noun: the source is named up to it ("the House on the
        # Embankment residents"), what follows is complement ("an adviser to ..."), except
        # a name right after it ("propaganda outlet Russia Today")
        zone_end = root_word + 1
        while zone_end < len(toks) and toks[zone_end].capitalised and (toks[zone_end].folded not in _BOUNDARY_WORDS):
            zone_end += 1
    else:
        for i, word in enumerate(toks):
            in_match = any(s <= word.start and word.end <= e for s, e in inside)
            if i > 0 and word.folded in _BOUNDARY_WORDS and not in_match:
                zone_end = i
                break
    # "the House on the Embankment residents": a phrase that ends in a noun for people has
    # that noun as its head, whatever the parse or the prepositions before it say
    if not any(h.first_word < zone_end for h in descriptors) and any(h.last_word == len(toks) for h in descriptors):
        zone_end = len(toks)
    zone_end = _name_continued(toks, zone_end, descriptors)
    proper: list[bool] = []
    for word in toks:
        if proper_at is not None:
            # the tagger calls some lower-case words proper nouns ("regional"): names have capitals
            proper.append(proper_at.get(start + word.start, False) and word.capitalised)
        else:
            # without a parse, any capitalised word may be a name
            proper.append(word.capitalised)
    return _Part(sub, toks, proper, aliases, descriptors, parties, zone_end, offices)


#: Words that join the parts of one institution's name ("Republic of Türkiye Ministry of ...").
_NAME_JOINS = _wordset("of for")


def _name_continued(toks: Sequence[Word], zone_end: int, descriptors: Sequence[Hit[Descriptor]]) -> int:
    """Where the source's own words end, when a capitalised name runs on past "of"/"for".

    "Republic of Türkiye Ministry of National Defence", "Centre for Anglophone Rights
    Monitoring": the words before the first "of" name no kind of source, so the name goes on
    through capitalised words to the first noun that does ("Ministry"), and what follows that
    is its complement. A zone that already holds such a noun ("the Ministry of Interior", "a
    spokesman for ...") is left as it is.
    """
    while (
        0 < zone_end < len(toks) - 1
        and toks[zone_end].folded in _NAME_JOINS
        and toks[zone_end + 1].capitalised
        and not any(h.first_word < zone_end for h in descriptors)
    ):
        end = zone_end + 1
        while end < len(toks) and toks[end].capitalised and toks[end].folded not in _BOUNDARY_WORDS:
            end += 1
        zone_end = end
    return zone_end


_QUANTIFIERS = _wordset("one some many several most all none each few two three dozens hundreds")


def _head_noun(root: Token) -> Token:
    """ "one of those videos", "some of the residents": the noun after "of" says who."""
    if root.lemma_.lower() in _QUANTIFIERS or root.like_num:
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return root


def _proper_map(span: SpacySpan) -> dict[int, bool]:
    names = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}
    return {t.idx - span.start_char: t.pos_ == "PROPN" or t.ent_type_ in names for t in span}


def resolve_source(
    description: str | SpacySpan,
    *,
    registry: SourceRegistry,
    context: SourceContext | None = None,
) -> Source:
    """The source a report's words describe.

    `description` is how the report names the source, appositions included ("Mikhail
    Podolyak, an adviser to Ukrainian President Volodymyr Zelensky"); a spaCy span lets the
    parse say which words are names. In order: pronouns and definite descriptions ("he", "the
    ministry") resolve to the last compatible source in `context`; a registry name, role or
    office; a party speaking as a whole; a misspelt registry person; else kind and affiliation
    inferred from the description's nouns and party words.
    """
    root_at: int | None = None
    if isinstance(description, SpacySpan):
        text = description.text
        proper_at: dict[int, bool] | None = _proper_map(description)
        root_at = _head_noun(description.root).idx - description.start_char
    else:
        text = description
        proper_at = None
    left, right = 0, len(text)
    while left < right and text[left] in _EDGE:
        left += 1
    while right > left and text[right - 1] in _EDGE:
        right -= 1
    stripped = text[left:right]
    if proper_at is not None:
        proper_at = {k - left: v for k, v in proper_at.items()}
    if root_at is not None:
        root_at -= left
    source = _resolve(stripped, registry=registry, context=context, proper_at=proper_at, root_at=root_at)
    source = _party_media(source, stripped, registry)
    source = _armed_group_voice(source, stripped, registry)
    if context is not None:
        earlier = context.known(source.key) or _same_surname(source, context)
        if earlier is not None:
            return earlier.model_copy(update={"description": stripped})
    return source


#: "Houthi-run television", "a Kremlin-controlled channel", "media owned by the RSF": an outlet a
#: party runs is that party's state media.
_RUN_BY = re.compile(r"^-?(?:run|controlled|owned)\b|^\s+(?:run|controlled|owned)\b", re.IGNORECASE)
_RUN_BY_BEFORE = re.compile(r"\b(?:run|controlled|owned)\s+by\s+(?:the\s+)?$", re.IGNORECASE)
_MEDIA_KINDS = frozenset(
    {SourceKind.INDEPENDENT_MEDIA, SourceKind.WIRE_AGENCY, SourceKind.SOCIAL_MEDIA, SourceKind.STATE_MEDIA,
     SourceKind.UNKNOWN, SourceKind.OFFICIAL}
)


def _party_media(source: Source, text: str, registry: SourceRegistry) -> Source:
    """ "Houthi-run television", "a news agency run by the Houthis": state media of that party."""
    if source.registry_id is not None or source.kind not in _MEDIA_KINDS:
        return source
    for mention in registry.parties.mentions(text):
        if _RUN_BY.match(text[mention.end :]) or _RUN_BY_BEFORE.search(text[: mention.start]):
            if source.kind == SourceKind.OFFICIAL and not _media_word(text, registry):
                return source
            key = source.key
            if key.startswith(("group:", "anon:")):
                kind_part = key.split(":")
                key = ":".join([kind_part[0], SourceKind.STATE_MEDIA.value, mention.code, *kind_part[3:]])
            return source.model_copy(
                update={"key": key, "kind": SourceKind.STATE_MEDIA, "affiliation": mention.code}
            )
    return source


def _media_word(text: str, registry: SourceRegistry) -> bool:
    media = {SourceKind.INDEPENDENT_MEDIA, SourceKind.WIRE_AGENCY, SourceKind.SOCIAL_MEDIA, SourceKind.STATE_MEDIA}
    if re.search(r"\bagency\b", text, re.IGNORECASE):
        return True  # "Houthi-run agency": a party's news agency, not an office
    return any(hit.values[0].kind in media for hit in registry.descriptors.index.scan(text))


#: Words of a government body: an armed group that runs a territory has ministries and
#: officials of its own ("the Houthi health ministry", "the National Unity Government").
_GOVERNMENT_WORDS = _wordset(
    "government governments ministry ministries minister ministers authority authorities administration "
    "administrations council office corporation manager governor mayor"
)


_ARMED_WORDS = _wordset("military army armed forces")


def _armed_group_voice(source: Source, text: str, registry: SourceRegistry) -> Source:
    """An armed group speaking as itself, or through its spokesman or channel ("a spokesman for
    the Fano militia", "JNIM", "the Jaime Martínez front") is a military source: official is
    for states and for the bodies a group that governs runs (its ministries)."""
    if source.kind != SourceKind.OFFICIAL or source.affiliation is None or source.registry_id is not None:
        return source
    party = registry.parties.party(source.affiliation)
    if party is None or party.kind != "armed_group":
        return source
    said = _wordset(re.sub(r"[^a-z]+", " ", text.lower()))
    if said & _GOVERNMENT_WORDS and not said & _ARMED_WORDS:
        return source  # "the Houthi health ministry"; not "the Office of the Military Spokesperson"
    key = source.key
    if key.startswith(("group:", "anon:")):
        parts = key.split(":")
        key = ":".join([parts[0], SourceKind.MILITARY.value, *parts[2:]])
    return source.model_copy(update={"key": key, "kind": SourceKind.MILITARY})


def _same_surname(source: Source, context: SourceContext) -> Source | None:
    """ "Volodymyr Hrebeniuk" first, "Hrebeniuk" after: one unregistered person."""
    if not source.key.startswith("name:"):
        return None

    def surname(key: str) -> str:
        return key.removeprefix("name:").rsplit("-", 1)[-1]

    for earlier in reversed(context.prior):
        if earlier.key.startswith("name:") and surname(earlier.key) == surname(source.key):
            return earlier
    return None


def _resolve(
    text: str,
    *,
    registry: SourceRegistry,
    context: SourceContext | None,
    proper_at: dict[int, bool] | None,
    root_at: int | None = None,
) -> Source:
    folded = text.lower()
    if folded in _PERSON_PRONOUNS | _GROUP_PRONOUNS | _THING_PRONOUNS | syntax.RELATIVE_PRONOUNS:
        return _resolve_pronoun(folded, text, context)

    parts = [_analyse(text, s, e, registry, proper_at, root_at) for s, e in _split_parts(text)]
    head, appositions = parts[0], parts[1:]

    definite = _definite_reference(head, registry, context)
    if definite is not None:
        return definite.model_copy(update={"description": text})
    if _authorless_document(head, appositions, registry):
        key = f"{DOCUMENT_PREFIX}{_slug(text)}"
        return Source(key=key, name=_display(text), kind=SourceKind.UNKNOWN, description=text)

    # 1. the head names a registry source directly ("Kremlin spokesman Dmitry Peskov", "Tass"),
    # unless the name is only part of a role phrase ("the Kremlin spokesman" is a person)
    office = _office(head, registry)
    direct = [
        h for h in head.aliases if head.in_zone(h) and not h.possessive and not _tail_of_a_name(head, h, registry)
    ]
    if direct and office is not None:
        direct = [h for h in direct if not (office[1] <= h.first_word and h.last_word <= office[2])]
    if direct:
        hit = direct[-1]
        entry = registry.entries[hit.values[0]]
        follower = _following_individual(head, after=hit.last_word)
        if follower is None:
            return entry.source(description=text)
        return _someone_of(entry, follower, head, text, registry)

    # 2. an apposition that is a registry name ("the Kremlin's spokesman, Dmitry Peskov")
    for part in appositions:
        named = registry.match(part.text.strip())
        if named is not None:
            return named.source(description=text)

    # 3. a role or office of a known party ("the mayor of Moscow", "Russia's defence ministry")
    if office is not None:
        entry, _, after = office
        follower = _following_individual(head, after=after)
        if follower is None:
            return entry.source(description=text)
        return _someone_of(entry, follower, head, text, registry)

    # 4. the mouthpiece of a registry source ("a spokesman for the Russian Defence Ministry")
    voice = _voice_of(head, registry)
    if voice is not None:
        return voice.source(description=text)

    # 5. a party speaking as a whole ("Russia", "Kyiv", "the Russian Federation")
    party = _whole_party(head, registry)
    if party is not None:
        return party

    # 6. a misspelt registry person ("Zelesnky")
    name = head.name_words()
    if name:
        misspelt = registry.match(" ".join(w.original for w in name))
        if misspelt is not None:
            last = head.toks.index(name[-1]) + 1
            follower = _following_individual(head, after=last)
            if follower is None:
                return misspelt.source(description=text)
            return _someone_of(misspelt, follower, head, text, registry)

    return _inferred(head, appositions, text, registry, context)


#: Key prefix of a document that names no author ("initial statistics", "an earlier version
#: of this report"): what it says is the report's own statement.
DOCUMENT_PREFIX = "document:"


def _authorless_document(head: _Part, appositions: Sequence[_Part], registry: SourceRegistry) -> bool:
    """ "According to initial statistics", "battle damage assessment confirmed", "an earlier
    version of this report said": a document whose author is not named is no one's voice but
    the report's. Figures of someone ("the ministry's figures", "data from the health
    ministry") name their author and are not this."""
    toks = head.toks
    lead = next((i for i, w in enumerate(toks) if i > 0 and w.folded in _BOUNDARY_WORDS), len(toks))
    if lead == 0 or singular(toks[lead - 1].folded) not in registry.descriptors.documents:
        return False
    if head.aliases or head.parties or any(p.aliases or p.parties or p.descriptors for p in appositions):
        return False
    # "this report", "this article": the report itself
    return all(h.first_word > 0 and toks[h.first_word - 1].folded == "this" for h in head.descriptors)


def _tail_of_a_name(head: _Part, hit: Hit[str], registry: SourceRegistry) -> bool:
    """A registered outlet's name that ends a longer name: "the Harbour Times" is not The
    Times. A proper word right before it that nothing explains (no party, alias or noun of
    the lexicon) makes the name another publication's."""
    if registry.entries[hit.values[0]].type not in ("outlet", "channel") or hit.first_word == 0:
        return False
    before = hit.first_word - 1
    word = head.toks[before]
    return head.proper[before] and not head.covered(before) and word.folded not in _NOT_NAMES


def _resolve_pronoun(folded: str, text: str, context: SourceContext | None) -> Source:
    found: Source | None = None
    if context is not None:
        if folded in _PERSON_PRONOUNS:
            found = context.last_person()
        elif folded in _THING_PRONOUNS:
            found = context.last_body()
        else:
            found = context.last()
    if found is not None:
        return found.model_copy(update={"description": text})
    return Source(key=f"unresolved:{folded}", name=text, kind=SourceKind.UNKNOWN, description=text)


def _definite_reference(head: _Part, registry: SourceRegistry, context: SourceContext | None) -> Source | None:
    """ "the ministry", "the agency", "the governor": the last source that fits the noun."""
    if context is None or not context.prior or not head.toks or head.toks[0].folded not in syntax.DEFINITE_DETERMINERS:
        return None
    if head.name_words() or head.zone_parties() or any(head.in_zone(h) for h in head.aliases):
        return None
    zone_descriptors = [d for d in head.descriptors if head.in_zone(d)]
    if not zone_descriptors:
        return None
    noun = zone_descriptors[-1].values[0].phrase
    for source in reversed(context.prior):
        if source.key.startswith(("group:", "anon:")):
            # an unnamed group is what its head noun says ("footage ... on Telegram channels"
            # is footage, not a channel)
            if source.key.rsplit(":", 1)[-1] == noun.replace(" ", "-"):
                return source
            continue
        described = " ".join(filter(None, (source.name, source.description)))
        entry = registry.get(source.registry_id) if source.registry_id else None
        if entry is not None:
            described += " " + " ".join((entry.title or "", *entry.terms, *entry.roles))
        if noun in fold(described) or noun in " ".join(singular(w) for w in fold(described).split()):
            return source
    return None


def _following_individual(head: _Part, *, after: int) -> Descriptor | None:
    """A noun for someone else after a name: "a Kremlin *official*", "Zelensky's *aide*".

    A mouthpiece noun at the end makes the nouns before it its title: "Sudanese Armed Forces
    Official Spokesman" speaks as the armed forces."""
    following = [hit.values[0] for hit in head.descriptors if hit.first_word >= after and head.in_zone(hit)]
    if following and following[-1].voice:
        return None
    return next((d for d in following if d.individual and not d.voice), None)


def _someone_of(entry: RegistryEntry, noun: Descriptor, head: _Part, text: str, registry: SourceRegistry) -> Source:
    """An unnamed person of a known body or person: affiliated with it, usually anonymous."""
    kind = noun.kind
    affiliation = entry.affiliation if kind in registry.descriptors.affiliated else None
    return _group_source(kind, noun, affiliation, entry.country, head, text, named=False)


def _office(head: _Part, registry: SourceRegistry) -> tuple[RegistryEntry, int, int] | None:
    """A registry entry named by role or office, and the words (first, end) that name it."""
    zone = head.zone_text()
    if not zone:
        return None
    party = head.zone_parties()[0].code if head.zone_parties() else None
    if party is None and head.parties:
        party = head.parties[0].code
    for hit, entry in registry.role_entries(head.text):
        if hit.first_word < head.zone_end and (party is None or party == entry.affiliation):
            return entry, hit.first_word, hit.last_word
    if party is None:
        party = _possessive_party(head, registry)
    if party is not None:
        matches = [
            (hit, entry)
            for hit, entry in registry.term_entries(head.text)
            if hit.first_word < head.zone_end and entry.affiliation == party
        ]
        if len({entry.id for _, entry in matches}) == 1:
            return matches[0][1], matches[0][0].first_word, matches[0][0].last_word
    return None


def _possessive_party(head: _Part, registry: SourceRegistry) -> str | None:
    for hit in head.aliases:
        entry = registry.entries[hit.values[0]]
        if entry.affiliation:
            return entry.affiliation
    return None


def _voice_of(head: _Part, registry: SourceRegistry) -> RegistryEntry | None:
    zone_descriptors = [d for d in head.descriptors if head.in_zone(d)]
    if not zone_descriptors or not zone_descriptors[-1].values[0].voice or head.name_words():
        return None
    possessive = [h for h in head.aliases if h.possessive and head.in_zone(h)]
    complement = [h for h in head.aliases if not head.in_zone(h)]
    for hit in (*possessive, *complement):
        entry = registry.entries[hit.values[0]]
        if not entry.is_person:
            return entry
    return None


def _whole_party(head: _Part, registry: SourceRegistry) -> Source | None:
    """A party named whole: its name, government or police speak officially ("Naypyidaw said"),
    what else actors.toml lists as its forces militarily ("the Tatmadaw said")."""
    zone = [w for w in head.toks[: head.zone_end] if w.folded != "the"]
    mentions = head.zone_parties()
    if not zone or len(mentions) != 1 or mentions[0].role not in ("name", "government", "forces"):
        return None
    mention = mentions[0]
    # only the party's name, after lower-case qualifiers nothing else explains ("the banned TTP")
    for i, word in enumerate(head.toks[: head.zone_end]):
        inside = mention.start <= word.start and word.end <= mention.end
        qualifier = word.end <= mention.start and not word.capitalised and not head.covered(i)
        if word.folded != "the" and not inside and not qualifier:
            return None
    party = registry.parties.party(mention.code)
    if party is None:
        return None
    # police speak as the state's officials, as the registry has them ("National Police of Ukraine")
    forces = mention.role == "forces" and "police" not in head.text[mention.start : mention.end].lower()
    return Source(
        key=f"party:{party.code}:forces" if forces else f"party:{party.code}",
        name=_display(head.zone_text() or head.text) if forces else party.name,
        kind=SourceKind.MILITARY if forces else SourceKind.OFFICIAL,
        affiliation=party.code,
        country=party.country,
        description=head.text,
    )


def _inferred(
    head: _Part,
    appositions: Sequence[_Part],
    text: str,
    registry: SourceRegistry,
    context: SourceContext | None,
) -> Source:
    """No registry entry: read kind, party and name off the description's words."""
    zone_descriptors = [d for d in head.descriptors if head.in_zone(d)]
    noun: Descriptor | None = zone_descriptors[-1].values[0] if zone_descriptors else None
    if noun is None:
        for part in appositions:
            found = [d for d in part.descriptors if part.in_zone(d)]
            if found:
                noun = found[-1].values[0]
                break

    party = _first_party(head, appositions, registry)
    if party is None:
        # a noun only one party uses ("military administration")
        for part in (head, *appositions):
            for hit in part.descriptors:
                party = party or registry.descriptors.party_nouns.get(hit.values[0].phrase)
    local = any(w.folded == "local" for w in head.toks[: head.zone_end])
    if party is None and local and context is not None:
        party = context.local_party
    country = None
    if party is not None:
        known = registry.parties.party(party)
        country = known.country if known is not None else None

    name_words = head.name_words()
    if noun is not None and noun.individual and not noun.voice and zone_descriptors:
        # "House on the Embankment residents", "Kharkiv officials": a name before a noun for
        # people says where they are from; only a name after it is theirs ("resident Ivan Petrov")
        after = zone_descriptors[-1].end
        name_words = [w for w in name_words if w.start >= after]
    if noun is None:
        kind = _unit_of(head, registry) or SourceKind.UNKNOWN
        group = _armed_group_named(head, registry)
        if group is not None:  # "the Rwanda-backed AFC/M23 movement": the group itself
            kind, party = SourceKind.MILITARY, group
    else:
        kind = _kind_in_context(noun, head, zone_descriptors, registry)
    descriptors = registry.descriptors
    sided = kind in descriptors.affiliated or (noun is not None and noun.phrase in descriptors.affiliated_nouns)
    affiliation = party if sided else None
    if name_words:
        name, prefix = " ".join(w.original for w in name_words), "name"
    elif noun is None:
        name = _display(head.zone_text() or head.text)
        # capitalised words may be a name nothing explains: key them as a name would be
        prefix = "name" if head.name_words() else "unknown"
    else:
        return _group_source(kind, noun, affiliation, country, head, text, named=False)
    return Source(
        key=f"{prefix}:{_slug(name)}", name=name, kind=kind, affiliation=affiliation, country=country, description=text
    )


def _kind_in_context(
    noun: Descriptor, head: _Part, zone_descriptors: Sequence[Hit[Descriptor]], registry: SourceRegistry
) -> SourceKind:
    """The head noun's kind, as the words around it refine it: whom a trade works for, a
    police rank, a body's channel, an armed force's spokesman, a defence portfolio."""
    kind = noun.kind
    if kind == SourceKind.OFFICIAL and noun.individual:
        kind = _body_headed(head, registry) or kind
    staff = noun.phrase in registry.descriptors.staff
    if staff:
        kind = _employer(zone_descriptors, registry) or kind
    if kind == SourceKind.MILITARY and noun.individual and _police(zone_descriptors):
        kind = SourceKind.OFFICIAL  # a police rank is no army's: "police spokesman Major Nur"
    if noun.voice and not noun.individual and len(zone_descriptors) > 1:
        # a body's channel or publication speaks as the body: "the health ministry's digest"
        qualifier = zone_descriptors[-2].values[0]
        if not qualifier.individual:
            kind = qualifier.kind
    if noun.voice and kind == SourceKind.OFFICIAL and _armed_qualifier(head, zone_descriptors):
        kind = SourceKind.MILITARY  # "an army spokesman", "the spokesman of the armed forces"
    defence = bool(zone_descriptors) and not staff and _defence_office(head, zone_descriptors[-1], registry)
    if kind == SourceKind.OFFICIAL and defence:
        kind = SourceKind.MILITARY  # "the Ministry of National Defence", "the defence minister"
    return kind


def _unit_of(head: _Part, registry: SourceRegistry) -> SourceKind | None:
    """A name nothing in it explains, followed by "of" a body: a unit of that body, of its kind
    ("the Emergency Operations Centre of the Ministry of Public Health" is official). Places
    ("of the city of Goma") are where someone is from, not whom they work for."""
    toks = head.toks
    if not head.name_words() or head.zone_end >= len(toks) or toks[head.zone_end].folded != "of":
        return None
    complement = [hit for hit in head.descriptors if not head.in_zone(hit)]
    return _body_kind(complement, registry, {SourceKind.OFFICIAL, SourceKind.MILITARY})


def _body_headed(head: _Part, registry: SourceRegistry) -> SourceKind | None:
    """ "The head of the herders' association", "the leader of the fishermen", "a spokesman of
    the charity": a role over a body of people of another kind speaks as that body, not as an
    official. Offices of places ("the head of the district") leave the role an official."""
    toks = head.toks
    if head.zone_end >= len(toks) or toks[head.zone_end].folded != "of":
        return None
    for hit in head.descriptors:
        body = hit.values[0]
        if head.in_zone(hit) or body.phrase in registry.descriptors.local_offices:
            continue
        return None if body.kind == SourceKind.OFFICIAL else body.kind
    return None


def _employer(zone_descriptors: Sequence[Hit[Descriptor]], registry: SourceRegistry) -> SourceKind | None:
    """The kind of the body a trade works for, named before it ("Civil Defence paramedics")."""
    before = list(reversed(zone_descriptors[:-1]))
    return _body_kind(before, registry, {SourceKind.OFFICIAL, SourceKind.MILITARY, SourceKind.EXPERT})


def _body_kind(hits: Sequence[Hit[Descriptor]], registry: SourceRegistry, kinds: set[SourceKind]) -> SourceKind | None:
    """The kind of the first body among `hits` that is of `kinds`: a collective noun, not a
    place's office ("city", "region"), which says where someone is, not whom they work for."""
    for hit in hits:
        body = hit.values[0]
        if not body.individual and body.phrase not in registry.descriptors.local_offices and body.kind in kinds:
            return body.kind
    return None


def _armed_group_named(head: _Part, registry: SourceRegistry) -> str | None:
    """The armed group a description with no noun of the lexicon names, not its backer's name
    ("Rwanda-backed")."""
    for mention in reversed(head.zone_parties()):
        party = registry.parties.party(mention.code)
        backer = BACKER_SUFFIX.match(head.text, mention.end)
        if party is not None and party.kind == "armed_group" and backer is None:
            return party.code
    return None


def _police(descriptors: Sequence[Hit[Descriptor]]) -> bool:
    return any(d.values[0].phrase.startswith("police") for d in descriptors)


def _defence_office(head: _Part, office: Hit[Descriptor], registry: SourceRegistry) -> bool:
    """An office whose portfolio is defence: named just before it ("the defence minister",
    "National Defence Ministry") or in its "of"/"for" complement ("Ministry of State for
    National Defence", "Secretary of Defense")."""
    portfolios = registry.descriptors.defence
    toks = head.toks
    before = [w.folded for w in toks[max(0, office.first_word - 2) : office.first_word]]
    if before and (before[-1] in portfolios or " ".join(before) in portfolios):
        return True
    after = office.last_word
    if after >= len(toks) or toks[after].folded not in _NAME_JOINS:
        return False
    complement: list[str] = []
    for word in toks[after + 1 : after + 6]:
        if word.folded in _BOUNDARY_WORDS and word.folded not in _NAME_JOINS:
            break
        complement.append(word.folded)
    phrases = {" ".join(complement[i:j]) for i in range(len(complement)) for j in range(i + 1, len(complement) + 1)}
    return bool(phrases & portfolios)


def _armed_qualifier(head: _Part, zone_descriptors: Sequence[Hit[Descriptor]]) -> bool:
    """A spokesman of armed forces: a military noun before him ("army spokesman") or the forces
    he speaks for named as such ("the spokesman of the Yemeni Armed Forces")."""
    if any(d.values[0].kind == SourceKind.MILITARY for d in zone_descriptors[:-1]):
        return True
    return any(p.role == "forces" for p in head.parties) or any(
        d.values[0].kind == SourceKind.MILITARY and not d.values[0].individual
        for d in head.descriptors
        if not head.in_zone(d)
    )


def _first_party(head: _Part, appositions: Sequence[_Part], registry: SourceRegistry) -> str | None:
    for mentions in (head.zone_parties(), head.parties):
        if mentions:
            return mentions[0].code
    for hit in head.aliases:
        entry = registry.entries[hit.values[0]]
        if entry.affiliation or entry.country:
            return entry.affiliation or entry.country
    for part in appositions:
        if part.parties:
            return part.parties[0].code
        for hit in part.aliases:
            entry = registry.entries[hit.values[0]]
            if entry.affiliation:
                return entry.affiliation
    return None


def _group_source(
    kind: SourceKind,
    noun: Descriptor,
    affiliation: str | None,
    country: str | None,
    head: _Part,
    text: str,
    *,
    named: bool,
) -> Source:
    anonymous = not named and (
        kind == SourceKind.ANONYMOUS or (noun.individual and kind in (SourceKind.OFFICIAL, SourceKind.MILITARY))
    )
    prefix = "anon" if anonymous else "group"
    key = f"{prefix}:{kind.value}:{affiliation or '-'}:{_slug(noun.phrase)}"
    name = _display(head.zone_text() or head.text)
    return Source(key=key, name=name, kind=kind, affiliation=affiliation, country=country, description=text)


def _display(text: str) -> str:
    """Display form without a leading article ("a senior official" → "senior official")."""
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE) or text.strip()


# --------------------------------------------------------------------------- special sources


#: Kinds a name alone does not make an outlet's: a channel named "Residents of Oryol" is
#: still a publisher, not an eyewitness.
_NOT_AN_OUTLET_KIND = frozenset({SourceKind.UNKNOWN, SourceKind.ANONYMOUS, SourceKind.EYEWITNESS})


def outlet_source(outlet: str | None, *, registry: SourceRegistry, report_id: str | None = None) -> Source:
    """The report's own voice: its outlet as a source.

    An unknown outlet gets a key of its own per report (when `report_id` is given), so two
    reports from unidentified outlets are not taken for one source. Its kind and side are
    read from its name when the name says them ("Kharkiv Regional Military Administration
    (Telegram)", "Ministry of Human Rights"); otherwise it is independent media.
    """
    if outlet and outlet.strip():
        entry = registry.match(outlet.strip())
        if entry is not None:
            return entry.source(description=outlet)
        described = describe_outlet(outlet.strip(), registry)
        said = described.kind not in _NOT_AN_OUTLET_KIND
        return Source(
            key=f"outlet:{_slug(outlet)}",
            name=outlet.strip(),
            kind=described.kind if said else SourceKind.INDEPENDENT_MEDIA,
            affiliation=described.affiliation if said else None,
            description=outlet,
        )
    suffix = f":{report_id}" if report_id else ""
    return Source(key=f"outlet:unknown{suffix}", name="unidentified outlet", kind=SourceKind.UNKNOWN)


#: Notes on an outlet's translation ("translated from French", "unofficial translation"): the
#: language they name is no party's voice.
_TRANSLATION_NOTE = re.compile(r"\b(?:unofficial\s+|machine\s+|our\s+)?translat(?:ed|ion)\b.*", re.IGNORECASE)


#: Media kinds with no side of their own, which an owning armed group a note names overrides.
_UNSIDED_MEDIA = frozenset({SourceKind.INDEPENDENT_MEDIA, SourceKind.SOCIAL_MEDIA})


def describe_outlet(outlet: str, registry: SourceRegistry) -> Source:
    """What an unregistered outlet's name says it is. A name that ends in a masthead word
    ("Port-au-Prince Post", "Galilee Post") is a newspaper unless the rest of the name says
    otherwise ("Odesa Times (Telegram channel)"), though not a note on the piece's genre
    ("Frontlines Weekly (newsletter digest)"); a platform in its parenthesis ("Qamishlo Now
    (X)") makes an account of it unless its name is an office's or a force's. Notes on the
    translation ("translated from Spanish") are not read for a side. An armed group a note
    names is the outlet's owner ("Umar Media (Tehreek-e-Taliban Pakistan, Telegram)"): its
    media speak for it, as `military`. Only the last parenthesis holds notes: "6th Infantry
    (Kampilan) Division, Philippine Army (Facebook)" is named up to "(Facebook)"."""
    name, rest = outlet, ""
    if outlet.rstrip().endswith(")") and "(" in outlet:
        name, _, rest = outlet.rstrip().rpartition("(")
    notes = [_TRANSLATION_NOTE.sub("", note).strip() for note in rest.rstrip(")").split(",")]
    notes = [note for note in notes if note]
    described = resolve_source(f"{name.strip()} ({', '.join(notes)})" if notes else name.strip(), registry=registry)
    owner = _armed_owner(notes, registry)
    if owner is not None and described.kind in _NOT_AN_OUTLET_KIND | _UNSIDED_MEDIA:
        return described.model_copy(update={"kind": SourceKind.MILITARY, "affiliation": owner})
    platform = any(fold(note) in registry.descriptors.platforms for note in notes)
    if platform and described.kind in _NOT_AN_OUTLET_KIND | {SourceKind.INDEPENDENT_MEDIA}:
        return described.model_copy(update={"kind": SourceKind.SOCIAL_MEDIA, "affiliation": None})
    name = name.split(",")[0].strip()
    last = name.split()[-1] if name.split() else ""
    if not last[:1].isupper() or last.lower() not in registry.descriptors.mastheads:
        return described
    if notes:
        told = resolve_source(", ".join(notes), registry=registry)
        # a note on the piece's genre ("newsletter digest", "analysis") leaves the paper a paper
        if told.kind not in _NOT_AN_OUTLET_KIND | {SourceKind.EXPERT}:
            return told
    return Source(key=f"outlet:{_slug(outlet)}", name=outlet, kind=SourceKind.INDEPENDENT_MEDIA, description=outlet)


def _armed_owner(notes: Sequence[str], registry: SourceRegistry) -> str | None:
    """The one armed group an outlet's notes name, whole or as "X-affiliated"."""
    codes: set[str] = set()
    for note in notes:
        for mention in registry.parties.mentions(note):
            party = registry.parties.party(mention.code)
            if party is not None and party.kind == "armed_group":
                codes.add(party.code)
    return codes.pop() if len(codes) == 1 else None


def unnamed_source(description: str) -> Source:
    """A claim the report puts on others without naming them ("it is claimed", "reports of");
    a hedge on its own words ("reportedly") is `hedged_voice`."""
    return Source(
        key="anon:anonymous:-:unnamed",
        name="unnamed",
        kind=SourceKind.ANONYMOUS,
        description=description,
    )


#: Key prefix of the report hedging its own words: "drones reportedly hit the depot", "the
#: strike appears to have hit a school". Nobody else is named, so the statement stays the
#: report's own, relayed or speculative, as "according to initial statistics" does.
HEDGE_PREFIX = "hedge:"


def hedged_voice(word: str) -> Source:
    """The report's own voice behind a hedging word ("reportedly", "appears")."""
    return Source(key=f"{HEDGE_PREFIX}{_slug(word)}", name=word, kind=SourceKind.UNKNOWN, description=word)


def is_anonymous(source: Source) -> bool:
    """True for unnamed individuals and anonymous sources ("a senior official", "sources")."""
    return source.key.startswith("anon:") or source.kind == SourceKind.ANONYMOUS

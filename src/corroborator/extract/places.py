"""Place mentions: where a report says things happened, were reported from, or came from.

How it works, and why
1. Candidate spans come from the gazetteer itself, not only from the entity recogniser:
   the small English model misses many place names (an upper-case dateline "KYIV", an
   unfamiliar oblast) and mislabels others ("Zaporizhzhia" as PERSON, "Briansk" as
   PRODUCT). Every capitalised token sequence is looked up under the gazetteer's
   romanisation key (`gazetteer.name_key`), longest first, so spelling variants match
   without being listed. A bare name followed by a head noun ("the Kherson region",
   "Engels air base", "the Kursk NPP") is looked up as a stem among entries of that kind.
   (spaCy's PhraseMatcher would need a pattern document per alias, half a million of them,
   and cannot fold transliterations; a dictionary probe per token n-gram does both.)
2. Guards keep common words out: spans inside a person or organisation name are refused
   unless the whole entity is a well-known place; spans the recogniser did not tag must be
   proper nouns, not listed in `not_places`, not part of a longer proper name ("Victory
   Day"), and name an important place (a country, region, curated landmark or a town of
   15,000+) unless the report's own countries vouch for a smaller one. Demonyms ("Russian")
   are never places; they only tell which countries the report is about.
   A name introduced as a settlement ("the town of X", "X township", "the X municipality",
   "X in southern Lebanon", "X, in the Y department, Z region") is a place whatever the
   recogniser made of it and however small, if the report is about its country and the
   regions named after it contain it; the same name elsewhere in the report is the same
   place. A name before a facility noun that no entry or town has ("the X oil field") is a
   facility of its own (extract/facilities.py).
3. Ambiguous names are resolved by context: the countries the report mentions (countries,
   demonyms, unambiguous places) and the configured focus countries, the regions it names,
   "X, Y" appositions ("Moscow, Idaho"), then size. A small place whose only namesake the
   context puts elsewhere ("southern Lebanon" for a village in the north-east, another
   region named close by) is left out: the gazetteer lacks the one meant. A city district
   the gazetteer knows only in other cities ("the Kyivskyi district" in a report about
   Kharkiv) is a part of the report's city (kind 'city_district', at the city's location).
4. Each mention gets a geo-precision (region-like kinds → 3; "near X", "outskirts of X",
   "X district", "a village in X region" → 2; else 1), a role (dateline/byline →
   reporting; "launched from X" → origin; else event) and how it matched. Place names used
   for a government ("Kyiv denied", "the Kremlin said", "the Kyiv regime") are left out.
   Capital phrases ("the Ukrainian capital", "Russia's capital", "the capital") resolve to
   the capital city with match "derived".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from spacy.tokens import Doc, Span, Token
from unidecode import unidecode

from corroborator import model
from corroborator.config import Settings, read_resource_toml, resource_paths
from corroborator.errors import NotFound, ResourceError
from corroborator.extract import syntax
from corroborator.extract.facilities import local_country, unlisted_facility
from corroborator.extract.gazetteer import Candidate, Gazetteer, load_gazetteer, name_key, near_spelling
from corroborator.extract.settlements import (
    CITY_DISTRICT_KIND,
    CONTAINER_REACH,
    NEARBY_CHARS,
    city_district,
    far_from_town,
    named_for,
    sole_country,
    unlisted_place,
    unlisted_settlements,
)

__all__ = ["PlaceCues", "find_places", "load_cues", "load_gazetteer"]

CUES_FILE = "gazetteer/cues.toml"

#: Longest place name tried, in tokens ("Rostov - on - Don" is five).
MAX_NAME_TOKENS = 7
#: A town the entity recogniser did not tag must be this big to stand on its own.
IMPORTANT_POPULATION = 15_000
#: ... and this big to need no locative slot ("in X") either.
BIG_TOWN_POPULATION = 100_000
#: A city this big, named by another spelling in a place slot, needs no country context.
MAJOR_CITY_POPULATION = 250_000
#: ... or this big when it lies in a country the report is about.
CONTEXT_POPULATION = 1_000
#: How much a first-level region the report names weighs for the towns in it.
REGION_WEIGHT = 2.0
#: How many tokens after a name the places it lies in may run to ("X, in the Y department, Z region").
CONTAINER_TOKENS = 14
#: How far (in characters) a named region vouches for the towns in it.
REGION_WINDOW = 400
#: The share of longer words capitalised that makes a short text title case ("Drone Strike Hits Kharkiv").
TITLE_CASE_SHARE = 0.8
#: A namesake this far (km) from the capital and the centroid of the one country a report is
#: about is abroad, not across its border.
FAR_ABROAD_KM = 1500.0
#: How much report context weighs against size (scores are roughly log10(population)).
CONTEXT_WEIGHT = 2.5
#: The least context weight of a country named within `REGION_WINDOW` of a name: a digest of
#: many countries says which one each paragraph is about ("Niger. JNIM struck the post at Téra").
NEAR_COUNTRY_WEIGHT = 0.8
#: How much a name written with the diacritics of an entry's own name ("Téra") weighs for that
#: entry against one it only reaches with the marks folded away (an alias "Tera" of Tehran).
DIACRITIC_WEIGHT = 1.0
#: A near-miss spelling (match "fuzzy") is only trusted in a country of at least this context
#: weight, when the report is about any country at all (the weights run 0..1, focus 0.8).
FUZZY_COUNTRY_WEIGHT = 0.5

_LOCATION_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Lower-case words inside a place name ("Stratford-upon-Avon", "Mato Grosso do Sul",
#: "République du Cameroun"); a name is only ever taken whole as the gazetteer lists it.
_CONNECTORS = frozenset(
    {"on", "of", "de", "du", "des", "del", "di", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "upon"}
    | {"am", "an", "der", "and", "na", "nad", "sur", "en"}
)
_JOINERS = frozenset({"-", "'", "’", "."})
#: Articles before a name, English and the French ones of names kept in French ("La République
#: du Cameroun"): not part of the entity's core.
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "la", "le", "les"})
_DASHES = frozenset({"-", "–", "—", "--"})
_SETTLEMENT_KINDS = frozenset({"city", "town", "village"})
#: Head-noun kinds that name a facility at a town ("the Kaluga refinery").
_FACILITY_KINDS = frozenset(
    {
        "air_base",
        "naval_base",
        "port",
        "airport",
        "nuclear_plant",
        "nuclear_facility",
        "refinery",
        "oil_depot",
        "oil_terminal",
        "dam",
        "oil_field",
        "gas_field",
        "gas_plant",
        "power_plant",
        "pumping_station",
        "depot",
    }
)
#: Head-noun kinds whose site, when no entry or town has its name, is a facility of its own
#: (see extract/facilities.py): every facility above, and bridges.
_UNLISTED_FACILITY_KINDS = _FACILITY_KINDS | {"bridge"}

Match = Literal["exact", "alias", "fuzzy", "derived", "unlisted"]
#: Which end a name is of a road named after the two towns it joins.
RouteEnd = Literal["first", "second"]


# --------------------------------------------------------------------------- cue words


@dataclass(frozen=True)
class PlaceCues:
    """The words read around place names (resource gazetteer/cues.toml, user-extensible)."""

    heads: tuple[tuple[tuple[str, ...], frozenset[str]], ...]
    region_kinds: frozenset[str]
    near_before: tuple[tuple[str, ...], ...]
    near_after: frozenset[str]
    part_of_region_before: tuple[tuple[str, ...], ...]
    origin_before: tuple[tuple[str, ...], ...]
    settlement_before: tuple[tuple[str, ...], ...]
    settlement_after: tuple[tuple[str, ...], ...]
    area_after: tuple[tuple[str, ...], ...]
    reporting_before: tuple[tuple[str, ...], ...]
    speaking_verbs: frozenset[str]
    addressed_verbs: frozenset[str]
    speaking_occasions: frozenset[str]
    agencies: frozenset[str]
    speech_verbs: frozenset[str]
    actor_heads: frozenset[str]
    seated_heads: frozenset[str]
    group_heads: frozenset[str]
    capital_words: frozenset[str]
    capital_compound_heads: frozenset[str]
    person_titles: frozenset[str]
    locative_prepositions: frozenset[str]
    not_places: frozenset[str] = field(default=frozenset())


def _phrases(values: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    # Longest first, so "from the territory of" wins over "from".
    return tuple(sorted({tuple(v.lower().split()) for v in values if v.strip()}, key=lambda p: -len(p)))


@lru_cache(maxsize=8)
def load_cues(settings: Settings) -> PlaceCues:
    """Read every gazetteer/cues.toml (packaged, then the user's); lists are appended."""
    merged: dict[str, dict[str, list[str]]] = {}
    for path in resource_paths(CUES_FILE, settings):
        data = read_resource_toml(path, what="the place cues")
        for section, table in data.items():
            if not isinstance(table, dict):
                raise ResourceError(f"{path}: [{section}] must be a table of lists")
            for key, values in table.items():
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    raise ResourceError(f"{path}: {section}.{key} must be a list of strings")
                merged.setdefault(section, {}).setdefault(key, []).extend(values)

    def get(section: str, key: str) -> list[str]:
        return merged.get(section, {}).get(key, [])

    heads: list[tuple[tuple[str, ...], frozenset[str]]] = []
    for kinds, words in merged.get("heads", {}).items():
        kind_set = frozenset(k.strip() for k in kinds.split(",") if k.strip())
        heads.extend((phrase, kind_set) for phrase in _phrases(words))
    heads.sort(key=lambda h: -len(h[0]))
    return PlaceCues(
        heads=tuple(heads),
        region_kinds=frozenset(get("precision", "region_kinds")),
        near_before=_phrases(get("precision", "near_before")),
        near_after=frozenset(w.lower() for w in get("precision", "near_after")),
        part_of_region_before=_phrases(get("precision", "part_of_region_before")),
        origin_before=_phrases(get("roles", "origin_before")),
        settlement_before=_phrases(get("settlement", "before")),
        settlement_after=_phrases(get("settlement", "after")),
        area_after=_phrases(get("settlement", "area_after")),
        reporting_before=_phrases(get("roles", "reporting_before")),
        speaking_verbs=frozenset(w.lower() for w in get("roles", "speaking_verbs")),
        addressed_verbs=frozenset(w.lower() for w in get("roles", "addressed_verbs")),
        speaking_occasions=frozenset(w.lower() for w in get("roles", "speaking_occasions")),
        agencies=frozenset(w.lower() for w in get("roles", "agencies")),
        speech_verbs=frozenset(w.lower() for w in get("metonymy", "speech_verbs")),
        actor_heads=frozenset(w.lower() for w in get("metonymy", "actor_heads")),
        seated_heads=frozenset(w.lower() for w in get("metonymy", "seated_heads")),
        group_heads=frozenset(w.lower() for w in get("metonymy", "group_heads")),
        capital_words=frozenset(w.lower() for w in get("capital", "words")),
        capital_compound_heads=frozenset(w.lower() for w in get("capital", "compound_heads")),
        person_titles=frozenset(w.lower().rstrip(".") for w in get("persons", "titles")),
        locative_prepositions=frozenset(w.lower() for w in get("syntax", "locative_prepositions")),
        not_places=frozenset(name_key(w) for w in get("not_places", "words")),
    )


# --------------------------------------------------------------------------- candidate spans


@dataclass
class _Raw:
    """A token range that names a place, before context picks which place."""

    start: int  # first token of the name
    end: int  # token after the name (before any head noun)
    stop: int  # token after the mention (after the head noun, if any)
    text: str  # the name itself
    head_kinds: frozenset[str] = frozenset()
    label: str | None = None  # entity label covering the name
    whole_entity: bool = False  # the name (with its head) is the whole entity
    candidates: list[Candidate] = field(default_factory=list)
    match: Match = "exact"
    near: bool = False  # the head noun says the place is at or near the name, not it
    weak: bool = False  # needs the report's countries to vouch for it
    mislabelled: bool = False  # tagged as a person/organisation: needs the report's countries
    settlement: bool = False  # introduced as a settlement ("the town of X", "X municipality")
    regional: bool = False  # an organisation's name read as a town: its region must be named
    route_end: RouteEnd | None = None  # which end it is of a road named after two towns
    place: model.Place | None = None


def _capitalised(token: Token) -> bool:
    return bool(token.text) and token.text[0].isupper()


def _name_tokens_ok(span: Span) -> bool:
    """Token sequences that can be one place name: capitalised words, connectors, joiners."""
    if not _capitalised(span[0]):
        return False
    if not _capitalised(span[-1]) and span[-1].lower_ not in _CONNECTORS:
        return False
    for i, token in enumerate(span):
        if i and (token.is_sent_start or "\n" in token.text_with_ws[:-1] or token.is_space):
            return False
        if token.is_punct and token.text not in _JOINERS:
            return False
        if token.is_alpha and not _capitalised(token) and token.lower_ not in _CONNECTORS:
            return False
        if i + 1 < len(span) and "\n" in token.whitespace_:
            return False
    return not span[-1].is_punct


def _head_after(doc: Doc, index: int, cues: PlaceCues) -> tuple[int, frozenset[str]] | None:
    """The head noun starting at token `index` ("region", "air base"), as (end, kinds)."""
    if index >= len(doc):
        return None
    for phrase, kinds in _heads_by_first_word(cues).get(doc[index].lower_, ()):
        end = index + len(phrase)
        if end <= len(doc) and tuple(t.lower_ for t in doc[index:end]) == phrase:
            return end, kinds
    return None


_HEAD_INDEXES: dict[int, dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]] = {}


def _heads_by_first_word(cues: PlaceCues) -> dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]:
    """Head phrases by their first word, in the cue file's order (checked at every token)."""
    index = _HEAD_INDEXES.get(id(cues))
    if index is None:
        index = {}
        for phrase, kinds in cues.heads:
            index.setdefault(phrase[0], []).append((phrase, kinds))
        _HEAD_INDEXES[id(cues)] = index
    return index


def _entity_index(doc: Doc) -> dict[int, Span]:
    """The entity each token lies in. A name or organisation the recogniser ran over a
    coordination ("the road between Amuda and Qamishli" tagged as one ORG) counts as its
    parts, each a whole name; a place entity keeps its "and" ("Bosnia and Herzegovina")."""
    index: dict[int, Span] = {}
    for ent in doc.ents:
        for part in _coordinated_parts(ent) if ent.label_ in ("ORG", "PERSON") else [ent]:
            index.update((token.i, part) for token in part)
    return index


def _coordinated_parts(ent: Span) -> list[Span]:
    """ "Amuda and Qamishli" as "Amuda" and "Qamishli": the entity split at a coordinating
    conjunction between capitalised names."""
    doc, parts, start = ent.doc, [], ent.start
    for token in ent:
        inside = ent.start < token.i < ent.end - 1
        if inside and token.dep_ == "cc" and _capitalised(doc[token.i - 1]) and _capitalised(doc[token.i + 1]):
            parts.append(Span(doc, start, token.i, label=ent.label_))
            start = token.i + 1
    return [*parts, Span(doc, start, ent.end, label=ent.label_)] if parts else [ent]


def _scan(doc: Doc, gazetteer: Gazetteer, cues: PlaceCues) -> list[_Raw]:
    """Longest gazetteer names (and stems before a head noun) at each capitalised token."""
    found: list[_Raw] = []
    i = 0
    while i < len(doc):
        if not _capitalised(doc[i]) or doc[i].is_punct:
            i += 1
            continue
        best: _Raw | None = None
        for n in range(min(MAX_NAME_TOKENS, len(doc) - i), 0, -1):
            span = doc[i : i + n]
            if not _name_tokens_ok(span):
                continue
            text = span.text
            head = _head_after(doc, i + n, cues)
            if head is not None and (gazetteer.knows_stem(text) or gazetteer.knows(text)):
                best = _Raw(i, i + n, head[0], text, head_kinds=head[1])
                break
            if gazetteer.knows(text):
                best = _Raw(i, i + n, i + n, text)
                break
        if best is None:
            i += 1
            continue
        found.append(best)
        i = best.stop
    return found


def _share_plural_heads(doc: Doc, found: list[_Raw], gazetteer: Gazetteer, cues: PlaceCues) -> None:
    """Names listed before a plural region noun, or after one with "including" ("in Kyiv,
    Chernihiv and Cherkasy regions", "over nine regions, including Poltava and Sumy"): each
    name is that kind of region, as "the Cherkasy region" is, not the city of the name."""
    by_start = {raw.start: raw for raw in found}

    def listed_from(raw: _Raw) -> list[_Raw]:
        """The raw and the names coordinated after it, in order."""
        chain = [raw]
        while True:
            i = chain[-1].end
            while i < len(doc) and doc[i].lower_ in {",", "and", "or"}:
                i += 1
            following = by_start.get(i)
            if i == chain[-1].end or following is None or following.head_kinds:
                return chain
            chain.append(following)

    for raw in found:
        if raw.head_kinds:
            continue
        chain = listed_from(raw)
        last = chain[-1]
        shared = _plural_region_head(doc, last.end, cues)  # "Kyiv, Chernihiv and Cherkasy regions"
        kinds = shared or _regions_including(doc, raw.start, cues)  # "nine regions, including Poltava"
        if kinds is None:
            continue
        for listed in chain:
            if gazetteer.knows_stem(listed.text):
                listed.head_kinds = kinds
        if shared is not None and gazetteer.knows_stem(last.text):
            last.stop = last.end + 1  # the shared noun is the last name's head


def _regions_including(doc: Doc, start: int, cues: PlaceCues) -> frozenset[str] | None:
    """The kinds of the plural region noun a list starting at `start` is opened from with
    "including" ("over nine regions, including Poltava")."""
    if start < 2 or doc[start - 1].lower_ != "including":
        return None
    noun = start - 2 - (doc[start - 2].text == ",")
    return _plural_region_head(doc, noun, cues)


def _plural_region_head(doc: Doc, index: int, cues: PlaceCues) -> frozenset[str] | None:
    """The kinds a plural region noun at `index` names ("regions", "oblasts", "provinces")."""
    if not 0 <= index < len(doc) or doc[index].tag_ != "NNS":
        return None
    for phrase, kinds in _heads_by_first_word(cues).get(doc[index].lemma_.lower(), ()):
        if len(phrase) == 1 and "admin1" in kinds:
            return kinds
    return None


def _unknown_entities(doc: Doc, found: list[_Raw], gazetteer: Gazetteer, cues: PlaceCues) -> list[_Raw]:
    """Location-like entities and names before a region noun that no name matched: fuzzy
    candidates ("Brainsk region", a misspelt "Zaporizhja" tagged PERSON)."""
    taken = {t for raw in found for t in range(raw.start, raw.stop)}
    extra: list[_Raw] = []
    for ent in doc.ents:
        if ent.label_ not in (*_LOCATION_LABELS, "PERSON", "PRODUCT", "NORP", "ORG"):
            continue
        tokens = [t for t in ent if t.lower_ not in _DETERMINERS]
        if not tokens or any(t.i in taken for t in tokens):
            continue
        if len(tokens) == 1 and tokens[0].is_sent_start and tokens[0].tag_ == "NNS":
            continue  # "Gunmen executed five farmers": a plural noun capitalised by its position
        start, end = tokens[0].i, tokens[-1].i + 1
        head = _head_after(doc, end, cues)
        name = doc[start:end]
        # Strip a head noun the entity itself swallowed ("Kherson Region").
        for k in range(start + 1, end):
            inner = _head_after(doc, k, cues)
            if inner is not None and inner[0] == end:
                head, name = inner, doc[start:k]
                break
        if not _name_tokens_ok(name):
            continue
        if ent.label_ not in _LOCATION_LABELS and head is None and len(name) > 1:
            continue  # a multi-word person or organisation name is not a misspelt place
        stop = head[0] if head is not None else end
        extra.append(
            _Raw(
                name.start,
                name.end,
                stop,
                name.text,
                head_kinds=head[1] if head else frozenset(),
                label=ent.label_,
                whole_entity=True,
            )
        )
        taken.update(range(name.start, stop))
    # Untagged proper names before a head noun ("the Brainsk region"): the head noun is
    # the evidence that a place is meant, so they may be matched fuzzily.
    for token in doc:
        head = _head_after(doc, token.i + 1, cues)
        if head is None or token.i in taken or not _capitalised(token) or token.pos_ != "PROPN":
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and _capitalised(doc[start - 1]) and start - 1 not in taken:
            start -= 1
        name = doc[start : token.i + 1]
        if _name_tokens_ok(name):
            extra.append(_Raw(start, token.i + 1, head[0], name.text, head_kinds=head[1]))
            taken.update(range(start, head[0]))
    return extra


# --------------------------------------------------------------------------- guards


def _accept(raw: _Raw, doc: Doc, entities: Mapping[int, Span], gazetteer: Gazetteer, cues: PlaceCues) -> bool:
    """Decide whether a matched name is a place mention at all (before choosing which)."""
    ent = entities.get(raw.start)
    if ent is not None:
        raw.label = raw.label or ent.label_
        core = [t for t in ent if t.lower_ not in _DETERMINERS and t.text not in ("'s", "’s")]
        # "Barangay Madia" as one ORG: the noun that introduces a settlement is no part of its name
        opener = tuple(t.lower_ for t in core if t.i < raw.start)
        if opener in cues.settlement_before:
            core = [t for t in core if t.i >= raw.start]
        raw.whole_entity = raw.whole_entity or (bool(core) and core[0].i >= raw.start and core[-1].i < raw.stop)
    if gazetteer.demonym_country(raw.text) is not None:
        return False  # "Russian", even in "Russian territory": an adjective, not a place
    if _modifier_compound(doc, raw) or _names_a_person(doc, raw, cues):
        return False
    if raw.text.startswith("The ") and not doc[raw.start].is_sent_start:
        return False  # a capitalised article mid-sentence: a title ("The Atlantic", "The Hill")
    if raw.end < len(doc) and doc[raw.end].lower_ == "time" and raw.start > 0 and _clock_word(doc[raw.start - 1]):
        return False  # "at 04:10 Moscow time": a time zone, not where anything happened
    route_end = raw.route_end = _route_end(doc, raw)
    if route_end is not None:
        # a town, whatever the recogniser ran it into ("the Amuda-Qamishli" as one ORG); the
        # second end says where the road leads and is no scene (`_not_the_scene`), but it
        # still tells which country the report is in
        raw.whole_entity = True
        raw.near = route_end == "first"
    if not raw.head_kinds and not _curated_top(raw, gazetteer) and not _town_shaped(doc, raw):
        return False
    key = name_key(raw.text)
    located = _located_in(doc, raw, gazetteer, cues)
    introduced = route_end is not None or _introduced_as_settlement(doc, raw, cues)
    if not raw.head_kinds and key not in cues.not_places and (located or introduced):
        # "the town of X", "the X municipality", "X in southern Lebanon": the words say a
        # settlement is meant, whatever the recogniser made of the name; the report's
        # country must still vouch for it
        settlements = [
            c
            for c in raw.candidates
            if c.place.kind in _SETTLEMENT_KINDS and _inside_all(located, c.place, gazetteer)
        ]
        if settlements and (raw.label is None or raw.whole_entity or raw.label in _LOCATION_LABELS):
            raw.candidates, raw.settlement = settlements, True
            return True
    if raw.label in _LOCATION_LABELS:
        return raw.head_kinds != frozenset() or not _inside_longer_name(doc, raw)
    if raw.label is not None:
        # Inside a person, organisation or nationality name: only a whole entity that is a
        # well-known place ("Kyiv" tagged PERSON), never a part ("Vladimir" of "Vladimir Putin").
        # A possessive place opening the entity is whole in itself: "Kherson's Dniprovskyi
        # district" tagged as one ORG.
        possessive = (
            raw.end < len(doc)
            and doc[raw.end].text in ("'s", "'")
            and raw.start == (ent.start if ent is not None else -1)
        )
        if (not raw.whole_entity and not possessive) or key in cues.not_places:
            return False
        if not raw.head_kinds:
            raw.mislabelled = True
        if raw.head_kinds or _important(raw.candidates, gazetteer):
            return True
        # "explosives dropped on El Aguaje, in Aguililla": a name the recogniser took for an
        # organisation, where only a place can stand, is a town if the report's countries vouch
        town = bool(raw.candidates) and raw.candidates[0].place.kind in _SETTLEMENT_KINDS
        # ... and so is a name of either kind after words of nearness ("in the area of
        # Lyubimovka" tagged PERSON): no person or organisation has outskirts or an area
        near = _ends_with(_words_before(doc, raw.start, limit=4), cues.near_before)
        if town and ((raw.label == "ORG" and _where_only_places_stand(doc[raw.start : raw.end].root)) or near):
            # the report's countries vouch for it, its region is named, and nothing it says
            # places it elsewhere
            raw.weak, raw.settlement, raw.regional, raw.mislabelled = True, True, True, False
            return True
        return False
    span = doc[raw.start : raw.end]
    if raw.head_kinds:
        return any(t.pos_ == "PROPN" for t in span) or _curated_top(raw, gazetteer)
    if key in cues.not_places:
        return False
    dateline = (_line_start(doc, raw.start) and span.text.isupper()) or (
        _line_label(doc, raw) and _important(raw.candidates, gazetteer)
    )
    if not (any(t.pos_ == "PROPN" for t in span) or dateline):
        return False
    if _inside_longer_name(doc, raw):
        return False
    if _curated_top(raw, gazetteer) or dateline:
        return True
    # A town the recogniser did not tag: a big one stands on its own; a smaller one must
    # sit where places sit ("in X", "near X") and the report's countries must vouch for it.
    population = raw.candidates[0].place.population or 0
    if population >= BIG_TOWN_POPULATION:
        return True
    if not _locative(span.root, cues):
        return False
    if population < IMPORTANT_POPULATION:
        raw.weak = True
    return True


def _introduced_as_settlement(doc: Doc, raw: _Raw, cues: PlaceCues) -> bool:
    """'the town of X', 'the southern Lebanese village of X', 'X township', 'the X municipality'."""
    if _ends_with(_words_before(doc, raw.start, limit=4), cues.settlement_before):
        return True
    after = tuple(t.lower_ for t in doc[raw.stop : raw.stop + 4])
    # "the Danube town of Izmail": the noun introduces the name after it; the one before describes it
    return any(after[: len(p)] == p and after[len(p) : len(p) + 1] != ("of",) for p in cues.settlement_after)


def _located_in(doc: Doc, raw: _Raw, gazetteer: Gazetteer, cues: PlaceCues) -> tuple[tuple[model.Place, ...], ...]:
    """'Bint Jbeil in southern Lebanon', 'Pochep in Russia', 'X, in the Y department, Z region':
    the countries and first-level regions the next words place a name in, each as the readings
    of its words (a region name may be several countries'). A lower unit the gazetteer lacks
    ('the Y department') is passed over; the chain ends at the first words that are no container."""
    limit = min(doc[raw.start].sent.end, raw.stop + CONTAINER_TOKENS)
    containers: list[tuple[model.Place, ...]] = []
    i, joined = raw.stop, False
    while i < limit:
        j = i
        comma = doc[j].text == ","
        j += comma
        if j < limit and doc[j].lower_ == "in":
            j += 1
        elif not (comma or joined):
            break
        joined = False
        if j < limit and doc[j].lower_ == "the":
            j += 1
        if j < limit and doc[j].text in _COMPASS:
            j += 1  # "in southern Lebanon" (a capitalised "North-West" is the region's own name)
        k = j
        while k < limit and (
            (_capitalised(doc[k]) and doc[k].is_alpha)
            or (doc[k].text == "-" and k > j and not doc[k - 1].whitespace_ and not doc[k].whitespace_)
        ):
            k += 1
        if k == j:
            break
        name = doc[j:k].text
        head = _head_after(doc, k, cues)
        readings: tuple[model.Place, ...] = ()
        if head is not None and "admin1" in head[1]:
            readings = tuple(c.place for c in gazetteer.stem_candidates(name, kinds=("admin1",))[:3])
            k = head[0]
        elif head is None:
            readings = tuple(gazetteer.lookup(name.removesuffix("'s"), kinds=("country",))[:1])
        else:
            break  # "X in the Y oil field": a site, not a container
        if readings:
            containers.append(readings)
        i = k
        if i < limit and doc[i].text in ("'s", "’s"):
            i, joined = i + 1, True  # "in Iraq's Kurdistan region"
    return tuple(containers)


def _inside_all(containers: Sequence[Sequence[model.Place]], place: model.Place, gazetteer: Gazetteer) -> bool:
    """Whether `place` lies in some reading of every container named after it."""
    return all(any(gazetteer.contains(outer, place) for outer in readings) for readings in containers)


def _line_label(doc: Doc, raw: _Raw) -> bool:
    """'Kharkiv. Last night the enemy attacked the city ...': a name alone before a full stop
    or colon at the head of a line, as official channels label a post with its place."""
    if not _line_start(doc, raw.start) or raw.stop >= len(doc):
        return False
    return doc[raw.stop].text in (".", ":") and raw.stop + 1 < len(doc) and _capitalised(doc[raw.stop + 1])


def _curated_top(raw: _Raw, gazetteer: Gazetteer) -> bool:
    return bool(raw.candidates) and gazetteer.is_curated(raw.candidates[0].place)


def _town_shaped(doc: Doc, raw: _Raw) -> bool:
    """Town names take no article and are not abbreviations: 'the West', 'the Federal mine',
    'Fla.', 'VA' are not towns (countries, regions and landmarks are exempt: 'the Kremlin')."""
    root = doc[raw.start : raw.end].root
    if raw.start > 0 and doc[raw.start - 1].lower_ == "the" and root.dep_ != "compound":
        return False  # but "the Kharkiv suburbs": the article belongs to "suburbs"
    text = raw.text
    if text.endswith(".") and len(text) <= 6:
        return False
    return not (text.isupper() and len(text) <= 3 and not _line_start(doc, raw.start))


def _names_a_person(doc: Doc, raw: _Raw, cues: PlaceCues) -> bool:
    """'Warren' after 'Elizabeth Warren', 'Graham' after 'Sen.': a surname, not a town.

    A one-word name that ends a longer person name elsewhere in the report, or any name
    after a title, is the person; a head noun ("Kursk region") overrides.
    """
    if raw.head_kinds:
        return False
    if raw.start > 0 and doc[raw.start - 1].lower_.rstrip(".") in cues.person_titles:
        return True
    if raw.end - raw.start != 1:
        return False
    word = doc[raw.start].text
    return any(
        ent.label_ == "PERSON"
        and len(ent) > 1
        and ent[-1].text == word
        and ent[0].text != word
        and tuple(t.lower_ for t in ent[:-1]) not in cues.settlement_before  # "Barangay Tamontaka"
        for ent in doc.ents
    )


def _locative(token: Token, cues: PlaceCues) -> bool:
    """Whether a name sits where places sit: object of 'in', 'near', 'from', ... (also
    through coordination: 'in Kharkiv and Sumy'), or names the part of a town that does
    ('on the Novozybkov district', 'in the Kherson area')."""
    if token.dep_ == "compound" and token.head.lower_ in cues.near_after:
        token = token.head
    return _object_of(token, cues.locative_prepositions)


def _object_of(token: Token, prepositions: frozenset[str]) -> bool:
    """Whether a word is the object of one of `prepositions`, directly or through coordination
    or apposition ("in Kharkiv and Sumy", "on El Aguaje, in Aguililla")."""
    for _ in range(4):
        if token.dep_ == "pobj" and token.head.lower_ in prepositions:
            return True
        if token.dep_ not in ("conj", "appos") or token.head == token:
            return False
        token = token.head
    return False


#: Prepositions whose object is a place, not an organisation ("in", unlike "from" or "by").
_ONLY_PLACES = frozenset({"in", "near", "outside", "around"})


def _regions_named(accepted: Sequence[_Raw], but: _Raw) -> set[str]:
    """The first-level regions the report's other places name or lie in."""
    named: set[str] = set()
    for raw in accepted:
        if raw is but or raw.place is None:
            continue
        named.add(raw.place.name if raw.place.kind == "admin1" else raw.place.admin1 or "")
    return named - {""}


def _where_only_places_stand(token: Token) -> bool:
    """The object of "in", "near", ... (also through coordination or apposition: "on El Aguaje,
    in Aguililla" has "El Aguaje" after "on", which a strike may also be "on" a target)."""
    return _object_of(token, _ONLY_PLACES)


def _important(candidates: Sequence[Candidate], gazetteer: Gazetteer) -> bool:
    if not candidates:
        return False
    top = candidates[0].place
    return gazetteer.is_curated(top) or (top.population or 0) >= IMPORTANT_POPULATION


def _modifier_compound(doc: Doc, raw: _Raw) -> bool:
    """'Kremlin-controlled', 'Moscow-based', 'Kyiv-born': an attribute of something else."""
    if raw.stop + 1 >= len(doc) or doc[raw.stop].text != "-" or doc[raw.stop - 1].whitespace_:
        return False
    following = doc[raw.stop + 1]
    return following.is_alpha and following.text.islower()


def _title_case_line(doc: Doc, index: int) -> bool:
    """Headlines capitalise every word, so capitalisation says nothing about names there. A
    lower-case verb, noun or adjective of four letters or more says the line is written in
    sentence case, however many names it holds ("Gunmen ambushed a bus on the Bannu-Miranshah
    road in North Waziristan"); title case may leave only short and function words small."""
    words = [t for t in doc[index].sent if t.is_alpha and len(t) > 3]
    if any(not _capitalised(t) and t.pos_ in ("VERB", "NOUN", "ADJ") for t in words):
        return False
    return len(words) >= 3 and sum(_capitalised(t) for t in words) >= 0.7 * len(words)


def _inside_longer_name(doc: Doc, raw: _Raw) -> bool:
    """'Victory' in 'Victory Day', 'Russia' in 'Russia Today': part of another proper name."""
    if _title_case_line(doc, raw.start):
        return False
    before = doc[raw.start - 1] if raw.start > 0 else None
    after = doc[raw.stop] if raw.stop < len(doc) else None
    for token in (before, after):
        if token is None or token.is_punct or not _capitalised(token):
            continue
        if token.pos_ == "PROPN" and not (token is before and token.is_sent_start):
            return True
    return False


#: Nouns of a route named after the two places it joins ("the Bannu-Miranshah road").
_ROUTE_NOUNS = frozenset({"road", "highway", "motorway", "route", "railway", "railroad", "corridor", "pipeline"})
_ROUTE_JOINERS = frozenset({"-", "–", "—"})
#: Words opening and joining the two ends of a route after its noun ("the road between A and
#: B", "the highway from A to B").
_ROUTE_OPENERS: Mapping[str, str] = {"between": "and", "from": "to"}

def _route_end(doc: Doc, raw: _Raw) -> RouteEnd | None:
    """Which end the name is of a route named after the places it joins ("the A-B road", "the
    road between A and B", "the road from A to B"), if any. An event on such a road is coded
    to the first town named, as near it (ACLED's geo-precision 2: the nearest named town),
    never to both: the second end only says where the road leads."""

    def capitalised(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].text[:1].isupper()

    def route(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].lower_ in _ROUTE_NOUNS

    def name_end(i: int) -> int:
        while capitalised(i):
            i += 1
        return i

    def name_start(i: int) -> int:
        while capitalised(i - 1):
            i -= 1
        return i

    joined = raw.end < len(doc) and doc[raw.end].text in _ROUTE_JOINERS and capitalised(raw.end + 1)
    if joined and route(name_end(raw.end + 1)):
        return "first"
    if raw.start >= 2 and doc[raw.start - 1].text in _ROUTE_JOINERS and capitalised(raw.start - 2) and route(raw.end):
        return "second"
    opener = doc[raw.start - 1].lower_ if raw.start > 0 else ""
    joiner = _ROUTE_OPENERS.get(opener)
    if joiner is not None and route(raw.start - 2):
        after = doc[raw.end] if raw.end < len(doc) else None
        return "first" if after is not None and after.lower_ == joiner and capitalised(raw.end + 1) else None
    if opener in _ROUTE_OPENERS.values() and capitalised(raw.start - 2):
        first = name_start(raw.start - 1)
        before = doc[first - 1].lower_ if first > 0 else ""
        if _ROUTE_OPENERS.get(before) == opener and route(first - 2):
            return "second"
    return None


def _not_the_scene(doc: Doc, raw: _Raw, cues: PlaceCues) -> bool:
    """A name that stands for a government or an armed group, where people fled to, or where
    a road leads: no place where anything happened."""
    return (
        _metonymic(doc, raw, cues)
        or _destination(doc, raw)
        or _hyphened_qualifier(doc, raw)
        or raw.route_end == "second"
    )


def _hyphened_qualifier(doc: Doc, raw: _Raw) -> bool:
    """'the Moscow-installed administration', 'Kremlin-backed officials', 'a Kyiv-based analyst':
    a name joined by a hyphen to the participle after it qualifies someone (who installed,
    backs or houses them), and says nothing of where an event happened."""
    after = raw.stop
    return (
        after + 1 < len(doc)
        and doc[after].text == "-"
        and doc[after].whitespace_ == ""
        and doc[after + 1].tag_ == "VBN"
    )


def _metonymic(doc: Doc, raw: _Raw, cues: PlaceCues) -> bool:
    """'Kyiv denied', 'the Kremlin said', 'the Kyiv regime': the government, not the place."""
    root = doc[raw.start : raw.stop].root
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in cues.speech_verbs:
        return True
    if _speech_verb_read_as_noun(root, head, cues):
        return True
    if root.dep_ in ("compound", "poss", "nmod", "amod") and head.lower_ in cues.actor_heads:
        return True
    if root.dep_ == "compound" and head.i > root.i:
        # "a drone of the Kinshasa regime coalition": the compounds between name the government
        between = doc[root.i + 1 : head.i]
        if any(t.lower_ in cues.actor_heads and t.dep_ == "compound" for t in between):
            return True
    if root.dep_ == "pobj" and head.lower_ == "in" and head.head.lower_ in cues.seated_heads:
        # "the regime in Juba", "the government in Khartoum"; but "centres of the regime in
        # Haifa" places the centres, the parse having hung the place on their owner
        seat = head.head
        return not (seat.dep_ == "pobj" and seat.head.lower_ == "of" and seat.head.head.pos_ == "NOUN")
    return _group_name(doc, raw, cues)


def _speech_verb_read_as_noun(root: Token, head: Token, cues: PlaceCues) -> bool:
    """ "an accusation Moscow rejects": the tagger reads the verb as a plural noun the name
    compounds, heading a clause of its own."""
    return (
        root.dep_ == "compound"
        and head.i == root.i + 1
        and head.lower_.endswith("s")
        and head.lemma_.lower() in cues.speech_verbs
        and head.dep_ in ("relcl", "ROOT", "ccomp", "conj")
    )


#: Verbs of people leaving a place: where they go ("fled towards Ethiopia's Gambella region",
#: "were evacuated to Kyiv") is not where anything happened to them. Not "cross" or "return":
#: drones cross into a country they attack.
_FLIGHT_VERBS = frozenset({"flee", "escape", "evacuate", "relocate", "migrate", "displace"})
#: Verbs that carry the hurt or the dead somewhere ("taken to Santander de Quilichao").
_CARRYING_VERBS = frozenset({"take", "rush", "transfer", "airlift", "admit", "carry", "bring"})
#: Verbs of care given somewhere ("treated at a hospital in Kherson").
_CARE_VERBS = frozenset({"treat", "hospitalise", "hospitalize", "die", "recover"})
#: Where the hurt and the dead are taken.
_CARE_NOUNS = frozenset({"hospital", "clinic", "infirmary", "morgue", "mortuary"})
_TOWARDS = frozenset({"to", "towards", "toward", "into"})


def _destination(doc: Doc, raw: _Raw) -> bool:
    """A place people fled to, or where the hurt were taken or treated: no scene."""
    return _fled_to(doc, raw) or _taken_for_care(doc, raw)


def _object_phrase(doc: Doc, raw: _Raw) -> Token:
    """The noun a name stands in for as an object ("Ethiopia's Gambella region": the country
    is the region's possessor)."""
    current = doc[raw.start : raw.stop].root
    for _ in range(3):
        if current.dep_ not in ("poss", "compound", "amod", "nmod", "appos", "conj"):
            break
        current = current.head
    return current


def _fled_to(doc: Doc, raw: _Raw) -> bool:
    """A place people fled or were evacuated to: "6,000 people fled Nasir towards Ethiopia's
    Gambella region". (Where they fled from is still where the violence was.)"""
    current = _object_phrase(doc, raw)
    preposition = current.head
    return (
        current.dep_ == "pobj"
        and preposition.lower_ in _TOWARDS
        and preposition.head.lemma_.lower() in _FLIGHT_VERBS
    )


def _taken_for_care(doc: Doc, raw: _Raw) -> bool:
    """Where the hurt were taken or treated ("evacuated to the hospital of Santander de
    Quilichao", "taken to the district hospital in Poonch", "treated at a hospital in Kherson").
    A hospital that is hit ("a missile hit the hospital in Kherson") is a target, and its town
    the scene."""
    current = _object_phrase(doc, raw)
    if current.dep_ != "pobj":
        return False
    preposition = current.head
    governor = preposition.head
    if preposition.lower_ in _TOWARDS:
        return governor.lemma_.lower() in _CARRYING_VERBS
    if preposition.lower_ not in {"of", "in", "at"}:
        return False
    if governor.lemma_.lower() in _CARE_NOUNS:
        return _care_given_there(governor)
    # "taken to the district hospital in Poonch": the town attached to the verb beside it
    towards = [c for c in governor.children if c.dep_ == "prep" and c.lower_ in _TOWARDS]
    return governor.lemma_.lower() in _CARRYING_VERBS and any(
        o.lemma_.lower() in _CARE_NOUNS for t in towards for o in t.children
    )


def _care_given_there(noun: Token) -> bool:
    """Whether a hospital is where someone was taken or treated, not something struck."""
    if noun.dep_ != "pobj":
        return False
    preposition, verb = noun.head, noun.head.head.lemma_.lower()
    if preposition.lower_ in _TOWARDS:
        return True
    return preposition.lower_ in {"at", "in"} and verb in _CARE_VERBS | _CARRYING_VERBS


def _group_name(doc: Doc, raw: _Raw, cues: PlaceCues) -> bool:
    """'our heroic Fano forces', 'the Amhara militia': a name before a group noun is the armed
    group's name (or its people's), not where anything happened."""
    root = doc[raw.start : raw.stop].root
    return root.dep_ in ("compound", "nmod", "amod") and root.head.lower_ in cues.group_heads


# --------------------------------------------------------------------------- context


@dataclass
class _Context:
    """What the report itself says about where it is: country votes and named regions."""

    counts: dict[str, float]
    votes: dict[int, tuple[str, float]]  # raw index → its own vote (excluded when ranking it)
    regions: list[tuple[str, int]]  # (region name, character offset of its evidence)
    focus: tuple[str, ...]
    countries: list[tuple[str, int]] = field(default_factory=list)  # (country code, offset of its name)

    def regions_near(self, offset: int) -> set[str]:
        """Regions named close to `offset`: a state named three paragraphs away says
        little about which Paris a sentence means."""
        return {name for name, at in self.regions if abs(at - offset) <= REGION_WINDOW}

    def near(self, weights: Mapping[str, float], offset: int) -> dict[str, float]:
        """`weights` with every country named close to `offset` raised to `NEAR_COUNTRY_WEIGHT`:
        where a report covers several countries, the one its paragraph names is the likeliest."""
        near = dict(weights)
        for cc, at in self.countries:
            if abs(at - offset) <= REGION_WINDOW:
                near[cc] = max(near.get(cc, 0.0), NEAR_COUNTRY_WEIGHT)
        return near

    def weights(self, exclude: int | Collection[int] | None = None) -> dict[str, float]:
        """Country weights in 0..1; a mention's own vote (or the votes of all mentions of its
        name) is left out when ranking it, so a name cannot vouch for its own biggest namesake."""
        counts = dict(self.counts)
        left_out = () if exclude is None else (exclude,) if isinstance(exclude, int) else exclude
        for index in left_out:
            if index in self.votes:
                cc, amount = self.votes[index]
                counts[cc] -= amount
        most = max(counts.values(), default=0.0)
        weights = {cc: n / most for cc, n in counts.items() if n > 0} if most > 0 else {}
        for cc in self.focus:
            weights[cc] = max(weights.get(cc, 0.0), 0.8)
        return weights


def _context(
    doc: Doc, raws: Sequence[_Raw], gazetteer: Gazetteer, focus: Sequence[str], cues: PlaceCues
) -> _Context:
    """Count the countries a report is about: demonyms, country names, and places whose
    name (nearly) only one country has."""
    counts: dict[str, float] = defaultdict(float)
    votes: dict[int, tuple[str, float]] = {}
    regions: list[tuple[str, int]] = []
    countries: list[tuple[str, int]] = []
    for token in doc:
        if _capitalised(token):
            cc = gazetteer.demonym_country(token.text)
            if cc is not None:
                counts[cc] += 1
    for index, raw in enumerate(raws):
        if not raw.candidates or raw.weak or _origin(doc, raw, cues) or _fled_to(doc, raw):
            continue  # where drones were launched from is usually the other side's country, and
            # where people fled to another country (the hurt are treated in their own)
        if raw.settlement and (raw.candidates[0].place.population or 0) < IMPORTANT_POPULATION:
            continue  # a village needs the report's countries behind it; it cannot vouch for them
        top = raw.candidates[0]
        if not top.place.country_code:
            continue
        if top.place.kind == "country":
            votes[index] = (top.place.country_code, 2.0)
            countries.append((top.place.country_code, doc[raw.start].idx))
        else:
            # A name only one country has is strong evidence; a name whose namesakes
            # abroad are much smaller ("Moscow") is weaker: the story may be about one.
            others = [c for c in raw.candidates if c.place.country_code != top.place.country_code]
            if others and others[0].score > top.score - 1.5:
                continue
            votes[index] = (top.place.country_code, 0.5 if others else 1.0)
            region = top.place.name if top.place.kind == "admin1" else top.place.admin1
            seat = top.place.kind != "admin1" and _not_the_scene(doc, raw, cues)
            if not others and region and not seat:
                # "the Kyiv regime" says the report is about Ukraine, not that its events are
                # near Kyiv: a government's seat names no region a place may lie outside ("Idaho
                # officials" still name their state)
                regions.append((region, doc[raw.start].idx))
        cc, amount = votes[index]
        counts[cc] += amount
    return _Context(counts, votes, regions, tuple(cc.upper() for cc in focus), countries)


def _rerank(
    candidates: Sequence[Candidate],
    weights: Mapping[str, float],
    regions: set[str],
    *,
    name: str = "",
) -> list[Candidate]:
    rescored = []
    own = name_key(name)
    marked = not name.isascii()
    for c in candidates:
        score = c.score + CONTEXT_WEIGHT * weights.get(c.place.country_code or "", 0.0)
        if marked and not c.alias and name == c.place.name:
            score += DIACRITIC_WEIGHT
        # A region the report names vouches for its towns, but a name cannot vouch for
        # itself ("Oklahoma" is not evidence for Oklahoma City).
        region = c.place.admin1
        if c.place.kind != "admin1" and region in regions and name_key(region or "") != own:
            score += REGION_WEIGHT
        rescored.append(Candidate(c.place, c.alias, score))
    return sorted(rescored, key=lambda c: (-c.score, c.place.id))


def _lookup(raw: _Raw, gazetteer: Gazetteer, head: str = "") -> None:
    """Fill raw.candidates and raw.match from the name (and head noun, `head` its words), without context."""
    if raw.head_kinds:
        raw.candidates = gazetteer.stem_candidates(raw.text, kinds=raw.head_kinds)
        if raw.candidates:
            raw.match = "exact" if name_key(raw.text) == name_key(raw.candidates[0].place.name) else "alias"
            return
        if not raw.head_kinds & _FACILITY_KINDS:
            # "the Battleground state", "the Mississippi River" with no such entry: the name
            # is no town, so only a near-miss spelling of a known stem can rescue it.
            raw.candidates = [c for c in gazetteer.fuzzy_candidates(raw.text) if c.place.kind in raw.head_kinds]
            raw.match = "fuzzy"
            if raw.candidates or head != "region":
                return
            # "the Amude region", "the Bakhmut region" with no region of that name: the
            # country round a town, as "the Bakhmut area" is (geo-precision 2)
            raw.near = True
            raw.candidates = [c for c in gazetteer.candidates(raw.text) if c.place.kind in _SETTLEMENT_KINDS]
            raw.match = "alias"
            return
        # "the Kursk airfield" without an entry of its own: a facility at Kursk.
        raw.near = True
        raw.candidates = [c for c in gazetteer.candidates(raw.text) if c.place.kind in _SETTLEMENT_KINDS]
        raw.match = "alias"
        return
    raw.candidates = gazetteer.candidates(raw.text)
    if raw.candidates:
        top = raw.candidates[0]
        raw.match = "exact" if raw.text.lower() == top.place.name.lower() else "alias"
        return
    if raw.label in _LOCATION_LABELS or raw.head_kinds:
        raw.candidates = gazetteer.fuzzy_candidates(raw.text)
        if raw.head_kinds and "admin1" in raw.head_kinds:
            regional = [c for c in raw.candidates if c.place.kind == "admin1"]
            raw.candidates = regional or raw.candidates
        raw.match = "fuzzy"


# --------------------------------------------------------------------------- roles and precision


def _words_before(doc: Doc, index: int, limit: int = 8) -> tuple[str, ...]:
    """Lower-cased words before token `index` in its sentence, without trailing determiners."""
    start = max(doc[index].sent.start, index - limit)
    words = [t.lower_ for t in doc[start:index] if not t.is_space]
    while words and words[-1] in _DETERMINERS:
        words.pop()
    return tuple(words)


def _ends_with(words: tuple[str, ...], phrases: Sequence[tuple[str, ...]]) -> bool:
    return any(len(words) >= len(p) and words[-len(p) :] == p for p in phrases)


def _line_start(doc: Doc, index: int) -> bool:
    return index == 0 or "\n" in doc[index - 1].text_with_ws or doc[index - 1].is_space


def _clock_word(token: Token) -> bool:
    return token.pos_ == "NUM" or syntax.is_clock(token.text)


_SLASHED = re.compile(r"^/\w[\w .-]*/\.?$")


def _is_dateline(doc: Doc, raw: _Raw, cues: PlaceCues) -> bool:
    """'MOSCOW (Reuters) -', 'KYIV, May 3 (AP) —', 'ISLAMABAD:': a place opening a line in
    capitals, then a dash, an agency or a colon."""
    if not _line_start(doc, raw.start):
        return False
    window = doc[raw.stop : min(len(doc), raw.stop + 12)]
    words = [t.lower_ for t in window]
    has_dash = any(t.text in _DASHES for t in window)
    has_agency = any(
        words[k] == "(" and " ".join(words[k + 1 : k + 1 + n]) in cues.agencies
        for k in range(len(words))
        for n in (1, 2)
    )
    # 'MOSCOW, November 6. /TASS/.': the agency between slashes, as Russian agencies write
    has_slashed_agency = any(
        _SLASHED.match(t.text) or (t.text == "/" and k + 2 < len(window) and window[k + 2].text == "/")
        for k, t in enumerate(window)
    )
    upper = doc[raw.start : raw.stop].text.isupper()
    # 'ISLAMABAD: Afghanistan's Taliban government accused ...', 'POONCH, Oct 4: Two drones ...',
    # as South Asian papers write: a colon right after the place or after its date
    colon = next((k for k, t in enumerate(window[:6]) if t.text == ":"), None)
    dated_colon = colon is not None and all(_dating(t) for t in window[:colon])
    # 'Sanaa, 13 February (SVA) -': a place and its date, an agency's tag in brackets and a dash,
    # whether or not the agency is one the cues know
    bracket = next((k for k, t in enumerate(window[:6]) if t.text == "("), None)
    closing = None
    if bracket is not None and all(_dating(t) for t in window[:bracket]):
        closing = next((k for k in range(bracket + 1, min(bracket + 5, len(window))) if window[k].text == ")"), None)
    dated_tag = closing is not None and closing + 1 < len(window) and window[closing + 1].text in _DASHES
    return (upper and (has_dash or has_agency or has_slashed_agency or dated_colon)) or (
        has_dash and (has_agency or dated_tag)
    )


def _dating(token: Token) -> bool:
    """Whether a token may stand between a dateline's place and what follows it: punctuation
    or a date ("KYIV, May 3", "POONCH, Oct 4")."""
    return token.is_punct or token.like_num or token.ent_type_ == "DATE" or syntax.is_month_name(token.text)


def _role(doc: Doc, raw: _Raw, report: model.NormalisedReport, cues: PlaceCues) -> model.PlaceRole:
    offset = doc[raw.start].idx
    if report.role_at(offset) in (
        model.ParagraphRole.DATELINE,
        model.ParagraphRole.BYLINE,
        model.ParagraphRole.CREDIT,
    ):
        return model.PlaceRole.REPORTING
    if _is_dateline(doc, raw, cues):
        return model.PlaceRole.REPORTING
    sentence_before = tuple(t.lower_ for t in doc[doc[raw.start].sent.start : raw.start])
    joined = " ".join(sentence_before)
    reported_from = any(" ".join(p) in joined for p in cues.reporting_before)
    if reported_from or _speaking_from(doc, raw, cues) or _speaking_in(doc, raw, cues):
        return model.PlaceRole.REPORTING
    if _origin(doc, raw, cues):
        return model.PlaceRole.ORIGIN
    return model.PlaceRole.EVENT


def _speaking_from(doc: Doc, raw: _Raw, cues: PlaceCues) -> bool:
    """ "a trader told the agency by phone from Djibo, where he had taken his wounded": where
    a speaker spoke from, a verb of saying or of being reached governing the "from"."""
    root = doc[raw.start : raw.stop].root
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ != "from":
        return False
    verb = preposition.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in cues.speech_verbs | cues.speaking_verbs


def _speaking_in(doc: Doc, raw: _Raw, cues: PlaceCues) -> bool:
    """ "police told reporters in Pemba", "the minister said at a briefing in Moscow": where the
    speaking took place, an "in" or "at" phrase on the verb of telling, on whom it addressed or on
    the occasion of speaking; not on what was said ("reported explosions in Kharkiv"), nor on
    a passive ("explosions were reported in Kharkiv"), where the place is the event's."""
    root = doc[raw.start : raw.stop].root
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "at"):
        return False
    holder = root.head.head
    for _ in range(3):
        if holder.pos_ == "VERB":
            return holder.lemma_.lower() in cues.addressed_verbs and not any(
                child.dep_ in ("nsubjpass", "auxpass") for child in holder.children
            )
        if holder.lemma_.lower() in cues.speaking_occasions and holder.dep_ == "pobj":
            holder = holder.head.head  # "at a briefing" → the verb the briefing belongs to
        elif holder.dep_ in ("dobj", "dative") and holder.head.lemma_.lower() in cues.addressed_verbs:
            holder = holder.head  # "told reporters in Pemba": the addressee's verb
        elif holder.dep_ == "pobj" and holder.head.lower_ == "to" and holder.head.head.pos_ == "VERB":
            holder = holder.head.head  # "speaking to journalists in Kyiv"
        else:
            return False
    return False


def _origin(doc: Doc, raw: _Raw, cues: PlaceCues) -> bool:
    """'launched from the Sumy region', 'from the direction of Kursk', and each place listed
    with it ('from the directions Kursk, Oryol, Millerovo'): where weapons came from."""
    root = doc[raw.start : raw.stop].root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # the list's first place carries the cue
    before = _words_before(doc, root.left_edge.i if root.i < raw.start else raw.start)
    return _ends_with(before, cues.origin_before) or _launched_from(root)


#: Verbs whose "from" phrase names where weapons came from, not where anything happened.
_LAUNCH_VERBS = frozenset(
    {
        "launch",
        "fire",
        "send",
        "shoot",
        "fly",
        "come",
        "originate",
        "take",
        "shell",
        "strike",
        "attack",
        "direct",
        "release",
    }
)


#: Words that may stand between "from" and a place still inside the "from" phrase:
#: "from Cape Chauda in occupied Crimea", "from Primorsko-Akhtarsk in Russia's Krasnodar region".
_FROM_PHRASE_WORDS = frozenset(
    {
        "in",
        "of",
        "the",
        "occupied",
        "annexed",
        "temporarily",
        "russia",
        "'s",
        "'",
        "region",
        "oblast",
        "krai",
        "district",
        "direction",
        "territory",
        "-",
        ",",
    }
)


def _launched_from(token: Token) -> bool:
    """'launched drones from Cape Chauda in occupied Crimea': every place inside the "from"
    phrase of a launch verb is an origin, however many words sit between.

    The parse is tried first; the small model often hangs the inner "in ..." phrase on the
    verb, so a short linear look-back through name words to "from" backs it up.
    """
    if _from_by_parse(token):
        return True
    doc = token.doc
    i = token.left_edge.i - 1
    steps = 0
    while i >= token.sent.start and steps < 10:
        word = doc[i]
        if word.lower_ == "from":
            governor = word.head
            for _ in range(4):  # "launched 31 drones at the south of the country from ..."
                if governor.pos_ == "VERB" or governor.head.i == governor.i:
                    break
                governor = governor.head
            return governor.pos_ == "VERB" and governor.lemma_.lower() in _LAUNCH_VERBS
        if not (word.pos_ == "PROPN" or word.lower_ in _FROM_PHRASE_WORDS):
            return False
        i -= 1
        steps += 1
    return False


def _from_by_parse(token: Token) -> bool:
    current = token
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return False
        if head.lower_ == "from" and current.dep_ == "pobj":
            governor = head.head
            if governor.pos_ == "NOUN" and governor.head.pos_ == "VERB":
                governor = governor.head  # "drones from Crimea were launched"
            return governor.pos_ == "VERB" and governor.lemma_.lower() in _LAUNCH_VERBS
        current = head
    return False


def _precision(doc: Doc, raw: _Raw, place: model.Place, cues: PlaceCues) -> model.GeoPrecision:
    if place.kind == CITY_DISTRICT_KIND:
        return model.GeoPrecision.TOWN  # coded at its city's location
    before = _words_before(doc, raw.start)
    if place.kind in cues.region_kinds:
        if place.kind == "admin1" and _ends_with(before, cues.part_of_region_before):
            return model.GeoPrecision.NEAR
        return model.GeoPrecision.REGION
    if raw.near or _ends_with(before, cues.near_before):
        return model.GeoPrecision.NEAR
    following = doc[raw.stop] if raw.stop < len(doc) else None
    if following is not None and following.lower_ in cues.near_after:
        return model.GeoPrecision.NEAR
    return model.GeoPrecision.TOWN


# --------------------------------------------------------------------------- capitals


def _capital_mentions(
    doc: Doc, gazetteer: Gazetteer, cues: PlaceCues, weights: Mapping[str, float], taken: set[int]
) -> list[tuple[int, int, model.Place]]:
    """'the Russian capital', "Ukraine's capital", 'the capital of Belarus', 'the capital'."""
    found = []
    dominant = max(weights.items(), key=lambda kv: kv[1])[0] if weights else None
    for token in doc:
        if token.lower_ not in cues.capital_words or token.pos_ not in ("NOUN", "PROPN") or token.i in taken:
            continue
        end = token.i + 1
        if token.dep_ == "compound":
            if token.head.lower_ not in cues.capital_compound_heads:
                continue  # "capital markets"
            end = token.head.i + 1
        country: str | None = None
        start = token.i
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
                country = gazetteer.demonym_country(child.text) or country
                start = min(start, child.i) if country else start
            elif child.dep_ == "poss":
                country = _country_named(doc[child.left_edge.i : child.i + 1].text, gazetteer) or country
                start = min(start, child.left_edge.i) if country else start
            elif child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    named = _country_named(doc[objects[0].left_edge.i : objects[0].i + 1].text, gazetteer)
                    if named:
                        country = named
        if country is None:
            if any(c.dep_ in ("amod", "poss", "compound") for c in token.children):
                continue  # "the regional capital", "the bank's capital": not a country's
            if not any(c.lower_ == "the" for c in token.children) or dominant is None:
                continue
            if weights[dominant] < 1.0:
                continue
            country = dominant
        try:
            capital = gazetteer.capital_of(country)
        except NotFound:
            continue
        found.append((start, end, capital))
    return found


def _country_named(text: str, gazetteer: Gazetteer) -> str | None:
    text = text.removesuffix("'s").removesuffix("’s").strip()
    for place in gazetteer.lookup(text, kinds=("country",))[:1]:
        return place.country_code
    return None


# --------------------------------------------------------------------------- the component


def find_places(
    doc: Doc,
    *,
    gazetteer: Gazetteer,
    report: model.NormalisedReport,
    focus_countries: Sequence[str] = (),
) -> list[model.PlaceMention]:
    """Every place mention in the parsed report, resolved, in text order.

    `doc` must be the parse of `report.text` (offsets are shared). The gazetteer drives
    detection because the recogniser alone misses and mislabels too many place names;
    entity labels, part-of-speech tags and the dependency parse then decide whether a
    matched name is a place here (not a person, a government or part of a longer name),
    and the report's own countries plus `focus_countries` decide between namesakes.
    """
    if doc.text != report.text:
        raise ValueError("find_places needs the parse of report.text (offsets must match)")
    cues = load_cues(gazetteer.settings)
    entities = _entity_index(doc)
    raws = _scan(doc, gazetteer, cues)
    _share_plural_heads(doc, raws, gazetteer, cues)
    raws.extend(_unknown_entities(doc, raws, gazetteer, cues))
    raws.sort(key=lambda r: r.start)

    accepted: list[_Raw] = []
    for raw in raws:
        _lookup(raw, gazetteer, doc[raw.end : raw.stop].text.lower())
        if raw.candidates and _accept(raw, doc, entities, gazetteer, cues):
            accepted.append(raw)
    accepted = _same_settlement_again(raws, accepted)

    own_country = _outlet_country(report, gazetteer)
    context = _context(doc, accepted, gazetteer, (*focus_countries, *own_country), cues)
    abroad = _namesakes_abroad(doc, accepted, context, gazetteer, cues)
    if abroad:
        # a local part named like a town abroad ("the Brooklyn area" of Port-au-Prince) is no
        # evidence for that country: the report's countries are counted without it
        accepted = [raw for index, raw in enumerate(accepted) if index not in abroad]
        context = _context(doc, accepted, gazetteer, (*focus_countries, *own_country), cues)
    weights = context.weights()
    same_name = _same_name_indices(accepted)
    for index, raw in enumerate(accepted):
        own = context.near(context.weights(exclude=index), doc[raw.start].idx)
        regions = context.regions_near(doc[raw.start].idx)
        ranked = _rerank(raw.candidates, own, regions, name=raw.text)
        following = accepted[index + 1] if index + 1 < len(accepted) else None
        if following is not None and _apposed(doc, raw, following):
            ranked = _prefer_inside(ranked, _rerank(following.candidates, own, regions), gazetteer)
        previous = accepted[index - 1] if index else None
        if previous is not None and previous.place is not None and _apposed(doc, previous, raw):
            ranked = _region_named_after(ranked, previous.place, raw.text, gazetteer)
        raw.candidates = ranked
        raw.place = ranked[0].place
        if raw.match != "fuzzy":
            raw.match = "exact" if _same_name(raw, raw.place) else "alias"
        elif _fuzzy_abroad(raw.place, context.weights(exclude=same_name[name_key(raw.text)])):
            raw.place = None

    mentions: list[model.PlaceMention] = []
    taken: set[int] = set()
    at_town: list[tuple[_Raw, model.PlaceMention]] = []  # facilities read as lying at a town
    directions = _compass_parts(doc, gazetteer)
    namesakes: dict[str, str] = {}  # name key -> country, of villages whose listed namesake lies elsewhere
    for raw in accepted:
        place = raw.place
        if place is None or (raw.weak and not _vouched(place, weights)):
            continue
        if raw.regional and place.admin1 not in _regions_named(accepted, raw):
            continue
        placed = _locative(doc[raw.start : raw.end].root, cues) or _possessive_place(doc, raw)
        if raw.mislabelled and not _plausible_mislabel(raw, place, gazetteer, weights, placed=placed):
            continue
        if _outside_named_container(doc, raw, accepted, gazetteer):
            continue
        elsewhere, home = _district_elsewhere(doc, raw, accepted, gazetteer, report)
        if elsewhere and home is None:
            continue
        if elsewhere and home is not None:
            place = home
            if named_for(raw.text, home):
                raw.match, raw.near = "derived", True  # "Novozybkov district": around the town
            elif not any(c.place.id == home.id for c in raw.candidates):
                # a district of the report's city that the gazetteer does not list: a part of
                # that city, at its location, as ACLED codes city districts
                place = city_district(f"{raw.text} {doc[raw.stop].text}", home, gazetteer)
                raw.match, raw.stop = "unlisted", raw.stop + 1
        if _far_from_its_container(doc, raw, place, accepted, gazetteer):
            continue  # "El Naranjo, municipality of Coahuayana": the listed El Naranjo is a namesake
        if place.kind == CITY_DISTRICT_KIND:
            pass  # a part of the city the report is about: placed by it, vouched for by it
        elif raw.settlement and (place.population or 0) < BIG_TOWN_POPULATION:
            # a village the noun vouches for as a settlement: its country must be one the
            # report is about, and no part of the report's context may place it elsewhere
            if weights.get(place.country_code or "", 0.0) < 0.5:
                continue
            if _placed_elsewhere(doc, place, gazetteer, directions, context.regions_near(doc[raw.start].idx)):
                # the listed village is a namesake: the one meant is a village the gazetteer lacks
                namesakes[name_key(raw.text)] = place.country_code or ""
                continue
        elif not gazetteer.is_curated(place) and not _plausible_town(doc, raw, place, weights, cues):
            continue
        if _not_the_scene(doc, raw, cues):
            continue
        taken.update(range(raw.start, raw.stop))
        span = doc[raw.start : raw.stop]
        mentions.append(
            model.PlaceMention(
                span=report.span(span.start_char, span.end_char),
                place=place,
                precision=_precision(doc, raw, place, cues),
                role=_role(doc, raw, report, cues),
                match=raw.match,
            )
        )
        if raw.near and raw.head_kinds & _FACILITY_KINDS:
            at_town.append((raw, mentions[-1]))
    parts: list[model.PlaceMention] = []
    for raw, country in abroad.values():
        taken.update(range(raw.start, raw.stop))
        if _not_the_scene(doc, raw, cues):
            continue  # "our Fano forces": the group's name, no place at all
        span = doc[raw.start : raw.stop]
        parts.append(
            model.PlaceMention(
                span=report.span(span.start_char, span.end_char),
                place=unlisted_place(raw.text, "town", country, None, gazetteer),
                precision=model.GeoPrecision.TOWN,
                role=_role(doc, raw, report, cues),
                match="unlisted",
            )
        )
    for start, end, capital in _capital_mentions(doc, gazetteer, cues, weights, taken):
        span = doc[start:end]
        raw = _Raw(start, end, end, span.text)
        if _not_the_scene(doc, raw, cues):
            continue
        mentions.append(
            model.PlaceMention(
                span=report.span(span.start_char, span.end_char),
                place=capital,
                precision=_precision(doc, raw, capital, cues),
                role=_role(doc, raw, report, cues),
                match="derived",
            )
        )
    mentions.extend(_our_place_mentions(doc, gazetteer, report, taken))
    mentions.extend(
        unlisted_settlements(
            doc,
            before=cues.settlement_before,
            after=cues.settlement_after,
            areas=cues.area_after,
            locative=(*cues.near_before, ("in",), ("at",)),
            taken=taken,
            # a facility read at a town abroad may yet be a local site (below): no evidence
            located=sorted((m for m in mentions if all(m is not t for _, t in at_town)), key=lambda m: m.span.start),
            gazetteer=gazetteer,
            report=report,
            country_weights=weights,
            namesakes_elsewhere=namesakes,
        )
    )
    mentions.extend(_in_their_settlement(parts, mentions))
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    for raw, mention in at_town:
        # "the X gas plant near Y" where X is only a town abroad: the site is a namesake the
        # gazetteer lacks in the country its own words put it in, not a plant at the foreign town
        local = local_country(doc, raw.start, raw.stop, mentions, report)
        if local is not None and local != mention.place.country_code:
            mentions.remove(mention)
            taken.difference_update(range(raw.start, raw.stop))
    # a site named alone lies in the one country the report is about, when places (not only
    # demonyms: "the Turkish drone strike on the X gas station") put it there
    sole = sole_country(weights)
    default = sole if sole is not None and _placed_in(context, sole, ()) else None
    mentions.extend(_unlisted_facilities(doc, raws, mentions, taken, gazetteer, cues, report, default))
    mentions.sort(key=lambda m: (m.span.start, m.span.end))
    return mentions


def _unlisted_facilities(
    doc: Doc,
    raws: Sequence[_Raw],
    located: Sequence[model.PlaceMention],
    taken: set[int],
    gazetteer: Gazetteer,
    cues: PlaceCues,
    report: model.NormalisedReport,
    default_country: str | None,
) -> list[model.PlaceMention]:
    """Names before a facility noun ("the X oil field", "the X gas plant") that no entry has and
    no town of the country the words put the site in has either: facilities of their own."""
    found: list[model.PlaceMention] = []
    for raw in raws:
        kinds = raw.head_kinds & _UNLISTED_FACILITY_KINDS
        if not kinds or any(i in taken for i in range(raw.start, raw.stop)):
            continue
        if not _facility_name(doc, raw, gazetteer, cues):
            continue
        if gazetteer.knows(raw.text):
            # a town's name: only a namesake abroad of the country the words put the site in
            known = gazetteer.candidates(raw.text)
            local = local_country(doc, raw.start, raw.stop, located, report)
            if local is None or any(
                c.place.kind not in _SETTLEMENT_KINDS or c.place.country_code == local for c in known
            ):
                continue
        if _not_the_scene(doc, raw, cues):
            continue
        mention = unlisted_facility(
            doc,
            start=raw.start,
            end=raw.end,
            stop=raw.stop,
            kind=min(kinds),
            located=located,
            gazetteer=gazetteer,
            report=report,
            default_country=default_country,
        )
        if mention is not None:
            found.append(mention.model_copy(update={"role": _role(doc, raw, report, cues)}))
            taken.update(range(raw.start, raw.stop))
    return found


def _facility_name(doc: Doc, raw: _Raw, gazetteer: Gazetteer, cues: PlaceCues) -> bool:
    """A proper name that can be a site's own: not a nationality ("the Russian port"), a common
    word ("the Energy depot"), an acronym ("the CPC terminal": a company's) or a person's title."""
    name = doc[raw.start : raw.end]
    if gazetteer.demonym_country(raw.text) is not None or name_key(raw.text) in cues.not_places:
        return False
    if any(name_key(t.text) in cues.not_places or gazetteer.demonym_country(t.text) for t in name if t.is_alpha):
        return False
    if raw.text.isupper() or not any(t.pos_ == "PROPN" or t.ent_type_ for t in name):
        return False
    return not _names_a_person(doc, raw, cues) and not (name[0].is_sent_start and name[0].pos_ != "PROPN")


def _in_their_settlement(
    parts: Sequence[model.PlaceMention], mentions: Sequence[model.PlaceMention]
) -> list[model.PlaceMention]:
    """Unlisted local parts of a place ("in Cité Soleil, in the zone called Brooklyn") coded as
    the settlement they lie in, as ACLED codes a city's districts: the part cannot be located,
    its town or commune can. The settlement is the nearest one of the part's country named
    before it (within a few sentences), else the only one the report names; with none, the
    part stays as it is."""
    names = {name_key(p.place.name) for p in parts}
    settlements = sorted(
        (
            m
            for m in mentions
            if m.place.kind in _SETTLEMENT_KINDS
            and name_key(m.place.name) not in names
            and m.role != model.PlaceRole.REPORTING
        ),
        key=lambda m: m.span.start,
    )
    coded: list[model.PlaceMention] = []
    for part in parts:
        own = [m for m in settlements if m.place.country_code == part.place.country_code]
        before = [m for m in own if part.span.start - NEARBY_CHARS <= m.span.end <= part.span.start]
        if before:
            home: model.Place | None = before[-1].place
        else:
            homes = {m.place.id: m.place for m in own}
            home = next(iter(homes.values())) if len(homes) == 1 else None
        if home is None:
            coded.append(part)
            continue
        coded.append(part.model_copy(update={"place": home, "match": "derived", "precision": model.GeoPrecision.NEAR}))
    return coded


#: "our region", "our city": the place the speaker governs or lives in, by kind.
_OUR_PLACE_KINDS = {
    "region": {"admin1"},
    "oblast": {"admin1"},
    "province": {"admin1"},
    "krai": {"admin1"},
    "city": {"city", "town"},
    "town": {"city", "town", "village"},
    "village": {"village", "town"},
    "district": {"city", "town", "admin1"},
    "community": {"town", "village", "city"},
}


def _our_place_mentions(
    doc: Doc, gazetteer: Gazetteer, report: model.NormalisedReport, taken: set[int]
) -> list[model.PlaceMention]:
    """ "Tonight our region was attacked", in a statement by the Governor of the Oryol Region.

    A report's outlet (and, failing that, its title) names the place its speaker answers for;
    "our region" / "our city" is that place when its kind fits, and so is "the city" before
    any place is named (see `_bare_home_noun`). Marked 'derived': the words point to it, the
    name stands elsewhere.
    """
    found: list[model.PlaceMention] = []
    first_named = min((doc[i].idx for i in taken), default=None)
    for token in doc:
        if token.lower_ not in ("our", "the") or token.i + 1 >= len(doc) or token.i in taken:
            continue
        noun = doc[token.i + 1]
        kinds = _OUR_PLACE_KINDS.get(noun.lower_)
        if kinds is None:
            continue
        if token.lower_ == "the" and not _bare_home_noun(doc, noun, first_named):
            continue
        place = _place_named_in((report.report.outlet or "", report.report.title or ""), gazetteer, kinds)
        if place is None:
            continue
        span = doc[token.i : token.i + 2]
        found.append(
            model.PlaceMention(
                span=report.span(span.start_char, span.end_char),
                place=place,
                precision=model.GeoPrecision.REGION
                if "admin1" in kinds and place.kind == "admin1"
                else model.GeoPrecision.TOWN,
                match="derived",
            )
        )
    return found


def _bare_home_noun(doc: Doc, noun: Token, first_named: int | None) -> bool:
    """ "Explosions in the city.", posted by the Mayor of Kharkiv: "the city" with no city named
    before it is the one the speaker answers for, as "our city" is. Not "the city council"
    (a modifier), "the city of X" or "the city where ..." (the noun is named or defined there),
    and not once the report has named a place: "the city" then points back to it."""
    if noun.dep_ == "compound" or (noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ in ("of", "where", "'s")):
        return False
    return first_named is None or first_named > noun.idx


def _outlet_country(report: model.NormalisedReport, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The country an outlet's name speaks for ("Nigerian Air Force", "Armed Forces of Burkina
    Faso", a city's paper): a statement that never names its own country is still about it."""
    outlet = re.sub(r"\([^)]*\)", " ", report.report.outlet or "")  # not "(translated from French)"
    country = _place_named_in((outlet,), gazetteer, {"country"})
    if country is not None and country.country_code:
        return (country.country_code,)
    demonyms = tuple(cc for word in outlet.split() if (cc := gazetteer.demonym_country(word.strip(","))))
    if demonyms:
        return demonyms[:1]
    # a local paper named after its city ("Port-au-Prince Post") reports from that city's country
    city = _place_named_in((outlet,), gazetteer, {"city"})
    if city is not None and city.country_code:
        return (city.country_code,)
    # an autonomous region's office ("Kurdistan Region Counter-Terrorism Directorate"): the
    # region's country, not a province abroad its stem names ("Kurdistan" Province of Iran)
    autonomy = _place_named_in((outlet,), gazetteer, {"region"})
    if autonomy is not None and autonomy.country_code:
        return (autonomy.country_code,)
    # a state's or province's office or paper ("Fiscalía General del Estado de Michoacán"),
    # when the name is one country's region only (not "Centre", "Eastern")
    region = _place_named_in((outlet,), gazetteer, {"admin1"})
    if region is None or not region.country_code:
        return ()
    namesakes = {p.country_code for p in gazetteer.lookup(region.name, kinds={"admin1"})}
    return (region.country_code,) if namesakes == {region.country_code} else ()


def _place_named_in(texts: Sequence[str], gazetteer: Gazetteer, kinds: set[str]) -> model.Place | None:
    """The first place of a fitting kind named in short texts (an outlet name, a title)."""
    for text in texts:
        words = text.replace("(", " ").replace(")", " ").replace(",", " ").split()
        long_words = [w for w in words if len(w) > 3]
        # a name run on from a capitalised word ("Mir Ali") is a longer name, not "Ali"; in a
        # name or a headline written in title case every word is capitalised and says nothing
        title_case = sum(w[:1].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words)
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                name = " ".join(words[start : start + size])
                if not name[:1].isupper():
                    continue
                if not title_case and start > 0 and words[start - 1][:1].isupper():
                    continue
                if size == 1 and gazetteer.demonym_country(name) is not None:
                    continue  # "hit Thai border town": a people's adjective, not a namesake town
                found = gazetteer.lookup(name, kinds=kinds)
                if "admin1" in kinds:  # "Governor of the Oryol Region": the stem names the region
                    found = [c.place for c in gazetteer.stem_candidates(name, kinds=kinds)] + found
                for place in found[:1]:
                    if gazetteer.is_curated(place) or (place.population or 0) >= IMPORTANT_POPULATION:
                        return place
    return None


def _same_name(raw: _Raw, place: model.Place) -> bool:
    """'exact' means the entry's own name up to case and accents (Montreal = Montréal); a
    transliteration or other name is an 'alias'. Before a head noun the stem counts as the
    name ("Kherson Oblast" for Kherson Oblast, "Engels air base" for Engels-2 air base)."""
    written = unidecode(raw.text).lower()
    if written == unidecode(place.name).lower():
        return True
    return bool(raw.head_kinds) and unidecode(place.name).lower().startswith(written + " ")


def _plain(name: str) -> str:
    """A name without accents, apostrophes, hyphens or case: strict, unlike `name_key`."""
    return " ".join(unidecode(name).lower().replace("'", "").replace("-", " ").split())


def _spelling_of(text: str, name: str) -> bool:
    """Whether `text` spells `name` (not another language's name for the place): the same
    letters, or romanisation keys at most one edit apart per six letters ("Bint Jbail" and
    "Bent Jbaïl"; not "Baza" and "Basel")."""
    return _plain(text) == _plain(name) or near_spelling(name_key(text), name_key(name))


def _plausible_mislabel(
    raw: _Raw, place: model.Place, gazetteer: Gazetteer, weights: Mapping[str, float], *, placed: bool
) -> bool:
    """A name the recogniser took for a person or organisation ("Kyiv" as PERSON) is a
    place when it is a well-known one (a curated entry or a city of 100,000+) in a country
    the report is about, if it says; surnames are small towns ("Bryan", "Holt").

    A mid-sized town (15,000+) also counts when the report is about its country or the name
    sits where places sit ("the outskirts of Liski", "a district of Kherson"): the small
    model tags many such towns in war reporting as people or organisations.
    """
    weight = weights.get(place.country_code or "", 0.0)
    if gazetteer.is_curated(place) and place.kind not in {"town", "city", "village"}:
        return True  # a region, sea, landmark or base we list by hand ("occupied Crimea")
    if weights and weight < 0.3 and not placed:
        return False
    if gazetteer.is_curated(place) or (place.population or 0) >= BIG_TOWN_POPULATION:
        return True
    return (place.population or 0) >= IMPORTANT_POPULATION and (weight >= 0.5 or placed)


def _plausible_town(doc: Doc, raw: _Raw, place: model.Place, weights: Mapping[str, float], cues: PlaceCues) -> bool:
    """Guards for GeoNames towns, whose alternate names include every language's exonyms
    ("Baza" is a name of Basel, "China" of Chino, "Satan" of Sutton).

    - A small town (under 15,000) needs the report's countries behind it, when it has any;
      a town under 100,000 in a country the report never mentions is refused.
    - A match on another name (not a spelling of its own) needs four or more letters, and
      either a big town (100,000+) or a town of 15,000+ in the report's countries in a
      place-like slot (a location entity label, or "in X"/"near X").
    """
    population = place.population or 0
    vouched = weights.get(place.country_code or "", 0.0) >= 0.5
    weight = weights.get(place.country_code or "", 0.0)
    if weights and population < IMPORTANT_POPULATION and not vouched:
        return False
    if weights and weight == 0.0 and population < BIG_TOWN_POPULATION:
        return False  # a mid-sized town in a country the report never mentions ("Baza")
    key = name_key(raw.text)
    if raw.match != "alias" or raw.near or _spelling_of(raw.text, place.name):
        return True  # its own name, or a spelling of it ("Mar'inka", "Marinka", "Bint Jbail" of Bent Jbaïl)
    if len(key.replace(" ", "")) < 4:
        return False
    if population >= BIG_TOWN_POPULATION and (not weights or weights.get(place.country_code or "", 0.0) >= 0.3):
        return True
    placed = raw.label in _LOCATION_LABELS or _locative(doc[raw.start : raw.end].root, cues)
    if population >= MAJOR_CITY_POPULATION and placed and len(key.replace(" ", "")) >= 5:
        return True  # a major city's other spelling where places sit ("residents of Oryol")
    # Another name of a mid-sized town in the country the report is about is its usual
    # English form ("Izmail" for Izmayil), not an exonym met by chance ("Baza" for Basel).
    strongly_vouched = weight >= 0.6 and len(key.replace(" ", "")) >= 5
    return vouched and population >= IMPORTANT_POPULATION and (placed or strongly_vouched)


def _possessive_place(doc: Doc, raw: _Raw) -> bool:
    """ "Izmail's ports", "Kherson's residents": a place owning place-like things."""
    end = raw.end
    return end < len(doc) and doc[end].text in ("'s", "'") and doc[raw.start : raw.end].root.dep_ == "poss"


#: "the Dniprovskyi district of Kherson": the first name is a part of the second.
#: Nouns naming a part of a city ("the Kyivskyi district"): many cities share such names.
PART_NOUNS = frozenset({"district", "neighbourhood", "neighborhood", "suburb", "quarter", "area", "microdistrict"})


def _outside_named_container(doc: Doc, raw: _Raw, accepted: Sequence[_Raw], gazetteer: Gazetteer) -> bool:
    """Drop "X district of Y" when no entry named X lies in Y: the gazetteer's X is a
    namesake elsewhere (a Kyiv district for a Kherson one), and Y alone is right."""
    i = raw.stop
    if i + 1 >= len(doc) or doc[i].lower_ not in PART_NOUNS or doc[i + 1].lower_ != "of":
        return False
    j = i + 2 + (1 if i + 2 < len(doc) and doc[i + 2].lower_ == "the" else 0)
    container = next((r for r in accepted if r.start == j and r.candidates), None)
    if container is None:
        return False
    outer = container.candidates[0].place
    return not any(gazetteer.contains(outer, c.place) for c in raw.candidates)


def _in_a_region_named_since(
    doc: Doc, raw: _Raw, accepted: Sequence[_Raw], town: model.Place, gazetteer: Gazetteer
) -> bool:
    """ "... in Novorossiysk. The Bryansk region governor says drones were downed over
    Novozybkov district": a region named after the town, closer to the district, and holding
    the district's reading, says where it is."""
    start_char = doc[raw.start].idx
    regions = [
        r.place
        for r in accepted
        if r.stop <= raw.start
        and r.place is not None
        and r.place.kind == "admin1"
        and not gazetteer.contains(r.place, town)
        and start_char - doc[r.start].idx < NEARBY_CHARS
    ]
    return any(gazetteer.contains(region, c.place) for region in regions for c in raw.candidates)


def _district_elsewhere(
    doc: Doc, raw: _Raw, accepted: Sequence[_Raw], gazetteer: Gazetteer, report: model.NormalisedReport
) -> tuple[bool, model.Place | None]:
    """ "... a bus in Kherson. It drove through the Dniprovskyi district": a district named
    in a report about a town is that town's, so a namesake district of another city is not
    meant (GeoNames lists the districts of some cities, and many cities share district
    names: Kyivskyi, Shevchenkivskyi, Leninsky).

    The town is the nearest one named before the district (within a few sentences), else the
    city the report's title names, else the one city the whole report is about. Returns
    whether the gazetteer's reading is a namesake elsewhere, and, when the town is a city (a
    place big enough to have districts), that city: the district is coded as a part of it.
    """
    if raw.stop >= len(doc) or doc[raw.stop].lower_ not in PART_NOUNS or not raw.candidates:
        return False, None
    start_char = doc[raw.start].idx
    towns = [
        r.place
        for r in accepted
        if r.stop <= raw.start
        and r.candidates
        and r.place is not None
        and r.place.kind in _SETTLEMENT_KINDS
        and start_char - doc[r.start].idx < NEARBY_CHARS
    ]
    town = towns[-1] if towns else _report_city(doc, accepted, gazetteer, report)
    if town is None or _in_a_region_named_since(doc, raw, accepted, town, gazetteer):
        return False, None
    inside = [
        c.place
        for c in raw.candidates
        if gazetteer.contains(town, c.place) or (town.admin1 and c.place.admin1 == town.admin1)
    ]
    if inside:
        return inside[0].id != raw.candidates[0].place.id, inside[0]
    # Replaced by the city only when the report is about that one city: with two cities
    # named ("Kyiv ... Odesa"), the nearest is no sure owner. A city named shortly before
    # need only be the one city named before the district ("Kharkiv ... five hit the Kyivskyi
    # district", with Odesa told of further on).
    cities = [
        r.place
        for r in accepted
        if r.place is not None
        and r.place.kind == "city"
        and not _part_named(doc, r)
        and (not towns or r.stop <= raw.start)
    ]
    sole = town.kind == "city" and all(gazetteer.one_area(town, c) for c in cities)
    return True, town if sole else None


#: Words before a name that say it is the local name of a part of a place ("the zone called X").
_LOCAL_NAME_BEFORE = frozenset({"called", "named", "dubbed"})


def _fuzzy_abroad(place: model.Place, weights: Mapping[str, float]) -> bool:
    """Whether a near-miss spelling's best reading lies in a country the report is not about:
    a guess, and a wrong one ("Guzang" in Cameroon read as China's Guiyang). `weights` leave
    out the votes of every mention of the name, so it cannot vouch for its own reading; a
    report about no country refuses nothing."""
    return bool(weights) and weights.get(place.country_code or "", 0.0) < FUZZY_COUNTRY_WEIGHT


def _same_name_indices(accepted: Sequence[_Raw]) -> dict[str, list[int]]:
    """The indices of the mentions of each name (by `name_key`): the votes a name casts for
    its own reading, to leave out when judging it."""
    same_name: dict[str, list[int]] = defaultdict(list)
    for index, raw in enumerate(accepted):
        same_name[name_key(raw.text)].append(index)
    return same_name


def _far_from(gazetteer: Gazetteer, place: model.Place, country: str) -> bool:
    """Whether a place lies far from a country: from its capital and from its centroid."""
    anchors = [gazetteer.country(country)]
    if gazetteer.has_capital(country):
        anchors.append(gazetteer.capital_of(country))
    distances = [gazetteer.distance_km(place, anchor) for anchor in anchors]
    return all(d is not None and d > FAR_ABROAD_KM for d in distances)


def _placed_in(context: _Context, country: str, exclude: Collection[int]) -> bool:
    """Whether the report is placed in `country` by where it comes from (the outlet's country)
    or by the places it names, not only by demonyms: "the Polish army said" tells whose army
    spoke, not where the village it shelled lies."""
    return country in context.focus or any(
        cc == country for index, (cc, _) in context.votes.items() if index not in exclude
    )


def _namesakes_abroad(
    doc: Doc, accepted: Sequence[_Raw], context: _Context, gazetteer: Gazetteer, cues: PlaceCues
) -> dict[int, tuple[_Raw, str]]:
    """Local places named like a town abroad, each with the country the report is about.

    "In Cité Soleil, in the zone called Brooklyn": when the report is clearly about one country
    (`sole_country`, counted without the name's own votes), which its outlet or the places it
    names put it in (`_placed_in`), a name used as the local name of a
    place ("the X area", "the X neighbourhood", "the zone called X") whose
    every gazetteer reading is a town in a country nothing else in the report names, far from
    the report's country (`FAR_ABROAD_KM`: a Lebanese village in an Israeli report is across the
    border, not abroad), is that country's place, which the gazetteer does not list, not the
    namesake abroad. The name of an armed group ("our Fano forces", `_group_name`) is local
    too: its mentions lose the foreign town's votes and are no place at all. A name used
    otherwise ("talks in Washington") keeps its reading: reports about one war do name foreign
    capitals.
    """
    same_name = _same_name_indices(accepted)
    found: dict[int, tuple[_Raw, str]] = {}
    for raw in accepted:
        if not raw.candidates or raw.head_kinds or _inside_longer_name(doc, raw):
            continue
        local = (
            _part_named(doc, raw)
            or (raw.start > 0 and doc[raw.start - 1].lower_ in _LOCAL_NAME_BEFORE)
            or _group_name(doc, raw, cues)
        )
        if not local or any(c.place.kind not in _SETTLEMENT_KINDS for c in raw.candidates):
            continue
        namesakes = same_name[name_key(raw.text)]
        weights = context.weights(exclude=namesakes)
        country = sole_country(weights)
        if country is None or not _placed_in(context, country, namesakes):
            continue
        if any(
            weights.get(c.place.country_code or "", 0.0) > 0 or not _far_from(gazetteer, c.place, country)
            for c in raw.candidates
        ):
            continue  # a town across the border may well be meant (a Lebanese village, Israeli report)
        # one name, one place in a report: "the gang of Brooklyn" is the same zone
        found.update((i, (accepted[i], country)) for i in namesakes)
    return found


def _part_named(doc: Doc, raw: _Raw) -> bool:
    """'the Kyivskyi district': the name before a part noun is a district's, not its city's."""
    return raw.stop < len(doc) and doc[raw.stop].lower_ in PART_NOUNS


def _report_city(
    doc: Doc, accepted: Sequence[_Raw], gazetteer: Gazetteer, report: model.NormalisedReport
) -> model.Place | None:
    """The city a report is about, for a district named before any town: the city its title
    names, else the only city area its text names (other than the district itself), else, in
    a report naming no town, the city its outlet answers for ("Mayor of Kharkiv")."""
    titled = _place_named_in((report.report.title or "",), gazetteer, {"city"})
    if titled is not None and titled.kind == "city":
        return titled
    cities = [
        r.place for r in accepted if r.place is not None and r.place.kind == "city" and not _part_named(doc, r)
    ]
    if cities and all(gazetteer.one_area(cities[0], c) for c in cities):
        return cities[0]
    if any(r.place is not None and r.place.kind in _SETTLEMENT_KINDS and not _part_named(doc, r) for r in accepted):
        return None  # the report names its towns: an outlet's name ("Dnipro Review") is no owner
    outlet = _place_named_in((report.report.outlet or "",), gazetteer, {"city"})
    return outlet if outlet is not None and outlet.kind == "city" else None


def _same_settlement_again(raws: Sequence[_Raw], accepted: list[_Raw]) -> list[_Raw]:
    """One name, one place in a report: once "the town of Bint Jbeil" has said what Bint Jbeil
    is, "in the centre of Bint Jbeil" is the same settlement, though nothing there says so."""
    settled = {name_key(r.text): r for r in accepted if r.settlement}
    if not settled:
        return accepted
    chosen = {id(r) for r in accepted}
    for raw in raws:
        first = settled.get(name_key(raw.text))
        if first is None or raw.head_kinds or raw.label not in (None, "PERSON", *_LOCATION_LABELS):
            continue
        raw.candidates, raw.settlement = list(first.candidates), True
        if id(raw) not in chosen:
            accepted.append(raw)
    return sorted(accepted, key=lambda r: r.start)


#: Compass words before a country or its demonym: "southern Lebanon", "the south Lebanese
#: town of ...", "northern Israel".
_COMPASS = {
    "southern": "S",
    "south": "S",
    "northern": "N",
    "north": "N",
    "eastern": "E",
    "east": "E",
    "western": "W",
    "west": "W",
}


def _compass_parts(doc: Doc, gazetteer: Gazetteer) -> dict[str, set[str]]:
    """The parts of countries the report places things in: "southern Lebanon" → {"LB": {"S"}}."""
    parts: dict[str, set[str]] = defaultdict(set)
    for token in doc[:-1]:
        direction = _COMPASS.get(token.lower_)
        if direction is None:
            continue
        following = doc[token.i + 1]
        if following.text == "-" or not _capitalised(following):
            continue
        code = gazetteer.demonym_country(following.text) or _country_named(following.text, gazetteer)
        if code is not None:
            parts[code].add(direction)
    return parts


def _placed_elsewhere(
    doc: Doc,
    place: model.Place,
    gazetteer: Gazetteer,
    directions: Mapping[str, set[str]],
    regions: set[str],
) -> bool:
    """Whether the report's own context puts a small place somewhere its namesake is not: in
    another part of the country ("southern Lebanon" for a village in the north-east) or in
    another region of the country named close by. A village the gazetteer lacks is often
    the namesake of one it has."""
    code = place.country_code or ""
    wanted = directions.get(code, set())
    if wanted and place.latitude is not None and place.longitude is not None:
        centre = gazetteer.country(code)
        if centre.latitude is not None and centre.longitude is not None:
            sides = {
                "S": place.latitude < centre.latitude,
                "N": place.latitude > centre.latitude,
                "E": place.longitude > centre.longitude,
                "W": place.longitude < centre.longitude,
            }
            if not all(sides[d] for d in wanted):
                return True
    own = {r for r in regions if any(p.country_code == code for p in gazetteer.lookup(r, kinds=("admin1",)))}
    return bool(own) and place.admin1 not in own


def _far_from_its_container(
    doc: Doc, raw: _Raw, place: model.Place, accepted: Sequence[_Raw], gazetteer: Gazetteer
) -> bool:
    """ "The locality of El Naranjo, municipality of Coahuayana", "X, a village in Y": a small
    place whose listed namesake lies far from the town named right after it as its container
    is not that namesake (`settlements` then keeps it as an unlisted place of that town)."""
    if place.kind not in {"village", "town"} or (place.population or 0) >= BIG_TOWN_POPULATION:
        return False  # a sea "near Sevastopol", an air base "outside Saratov" lie wide of a town
    reach = min(raw.stop + CONTAINER_REACH, doc[raw.start].sent.end)
    following = next((r for r in accepted if raw.stop <= r.start <= reach), None)
    if following is None or following.place is None or following.place.kind != "town":
        return False  # a city's name is used loosely of its region ("a village near Kharkiv")
    if not {t.lower_ for t in doc[raw.stop : following.start]} & _CONTAINER_WORDS:
        return False  # "X and Y were hit": two places, not one inside the other
    return far_from_town(gazetteer, place, following.place)


#: Words that put a place inside or beside the one named after them.
_CONTAINER_WORDS = frozenset({"in", "of"})


def _vouched(place: model.Place, weights: Mapping[str, float]) -> bool:
    """A small town the recogniser did not tag counts only in a country the report is about."""
    return weights.get(place.country_code or "", 0.0) >= 0.5 and (place.population or 0) >= CONTEXT_POPULATION


def _apposed(doc: Doc, first: _Raw, second: _Raw) -> bool:
    """'Moscow, Idaho': a place, a comma, then the region or country that holds it."""
    return second.start == first.stop + 1 and doc[first.stop].text == ","


def _region_named_after(
    ranked: list[Candidate], place: model.Place, name: str, gazetteer: Gazetteer
) -> list[Candidate]:
    """'Kantharalak, Si Sa Ket': after a town, a name that is its first-level region's spelt
    another way is that region, not the region's capital town of the same name, which the
    gazetteer may list under more spellings than the region."""
    if not ranked or ranked[0].place.kind in ("country", "admin1") or not place.admin1:
        return ranked
    if name_key(name).replace(" ", "") != name_key(place.admin1).replace(" ", ""):
        return ranked
    regions = gazetteer.lookup(place.admin1, countries=[place.country_code or ""], kinds=("admin1",))
    region = next((r for r in regions if gazetteer.contains(r, place)), None)
    if region is None:
        return ranked
    return [Candidate(region, alias=True, score=ranked[0].score + 1.0), *ranked]


def _prefer_inside(ranked: list[Candidate], outer: Sequence[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """'Moscow, Idaho': prefer the namesake inside the region or country that follows.
    Not for a list of countries or regions ("Canada, Mexico"), which is no apposition."""
    if not ranked or ranked[0].place.kind in ("country", "admin1"):
        return ranked
    containers = [c.place for c in outer[:1] if c.place.kind in ("admin1", "country")]
    if not containers:
        return ranked
    boosted = [
        Candidate(
            c.place,
            c.alias,
            c.score + (5.0 if any(gazetteer.contains(o, c.place) for o in containers) else 0.0),
        )
        for c in ranked
    ]
    return sorted(boosted, key=lambda c: (-c.score, c.place.id))

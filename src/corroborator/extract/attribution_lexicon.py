"""The attribution cue lexicon (`resources/lexicon/attribution.toml`), loaded and indexed.

Which verbs attribute, with what stance, which hedges weaken a claim, and which words name
a medium are knowledge, not code: they live in the resource file so users can extend them
(a same-named file in `resources.dirs` adds words; a verb listed again takes the later
stance).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from corroborator.config import Settings, read_resource_toml, resource_paths
from corroborator.errors import ResourceError
from corroborator.extract.phrase_index import PhraseIndex
from corroborator.model import Stance

RESOURCE = "lexicon/attribution.toml"

# particles, prepositions and objects that make a phrasal cue ("point out", "call for", "as
# she put it"); only phrases the lexicon lists count
_PARTICLE_DEPS = ("prt", "prep", "dobj")


@dataclass(frozen=True)
class Hedge:
    """A hedge as a lemma sequence, and whether it is evidential or epistemic."""

    lemmas: tuple[str, ...]
    evidential: bool

    @property
    def text(self) -> str:
        return " ".join(self.lemmas)


@dataclass
class CueLexicon:
    """Cue verbs with their stance, and the other word lists attribution needs."""

    verbs: dict[str, Stance] = field(default_factory=dict)
    object_content: set[str] = field(default_factory=set)
    addressee: set[str] = field(default_factory=set)
    adverbs: set[str] = field(default_factory=set)
    nouns: dict[str, Stance] = field(default_factory=dict)
    hedges: list[Hedge] = field(default_factory=list)
    media: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex(plurals=True))
    citing: set[str] = field(default_factory=set)
    relay_passive: set[str] = field(default_factory=set)
    relay_prepositions: set[str] = field(default_factory=set)
    speakers: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex(plurals=True))
    medium_verbs: dict[str, str] = field(default_factory=dict)
    inversion: set[str] = field(default_factory=set)
    quote_only: set[str] = field(default_factory=set)
    colon_labels: set[str] = field(default_factory=set)
    withholding: set[str] = field(default_factory=set)
    appearance: set[str] = field(default_factory=set)
    light_verbs: set[str] = field(default_factory=set)
    adjectives: dict[str, Stance] = field(default_factory=dict)
    light_nouns: dict[str, Stance] = field(default_factory=dict)
    surveys: set[str] = field(default_factory=set)
    estimates: set[str] = field(default_factory=set)
    perception: set[str] = field(default_factory=set)
    roles: dict[str, Stance] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, settings: Settings) -> CueLexicon:
        return cls.from_files(resource_paths(RESOURCE, settings))

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> CueLexicon:
        lexicon = cls()
        for path in paths:
            lexicon._extend(read_resource_toml(path, what="the attribution lexicon"), where=str(path))
        return lexicon

    def _extend(self, data: dict[str, Any], *, where: str) -> None:
        for stance_name, table in _table(data, "verbs", where).items():
            stance = _stance(stance_name, where)
            for lemma in _list(table, "lemmas", f"{where} [verbs.{stance_name}]"):
                self.verbs[lemma.lower()] = stance
        self.object_content.update(_lower(_list(_table(data, "object_content", where), "lemmas", where)))
        self.addressee.update(_lower(_list(_table(data, "addressee", where), "lemmas", where)))
        self.adverbs.update(_lower(_list(_table(data, "adverbs", where), "reports", where)))
        for stance_name in _table(data, "nouns", where):
            stance = _stance(stance_name, where)
            for noun in _list(_table(data, "nouns", where), stance_name, where):
                self.nouns[noun.lower()] = stance
        hedges = _table(data, "hedges", where)
        for evidential, key in ((True, "evidential"), (False, "epistemic")):
            for phrase in _list(hedges, key, f"{where} [hedges]"):
                self.hedges.append(Hedge(tuple(phrase.lower().split()), evidential))
        for label, phrases in _table(data, "media", where).items():
            if not isinstance(phrases, list):
                raise ResourceError(f"{where} [media]: '{label}' must be a list of strings")
            for phrase in phrases:
                self.media.add(str(phrase), label)
        for label, verbs in _table(data, "medium_verbs", where).items():
            for verb in _list({label: verbs}, label, f"{where} [medium_verbs]"):
                self.medium_verbs[verb.lower()] = label
        self.inversion.update(_lower(_list(_table(data, "inversion", where), "lemmas", where)))
        relay = _table(data, "relay", where)
        self.citing.update(_lower(_list(relay, "citing", where)))
        self.relay_passive.update(_lower(_list(relay, "passive", where)))
        self.relay_prepositions.update(_lower(_list(relay, "via", where)))
        speakers = _table(data, "speakers", where)
        for noun in [*_list(speakers, "people", where), *_list(speakers, "documents", where)]:
            self.speakers.add(noun, noun)
        self.documents.update(_lower(_list(speakers, "documents", where)))
        self.colon_labels.update(_lower(_list(_table(data, "colon", where), "labels", where)))
        self.appearance.update(_lower(_list(_table(data, "appearance", where), "lemmas", where)))
        for stance_name, words_ in _table(data, "adjectives", where).items():
            stance = _stance(stance_name, where)
            for adjective in _lower(_list({stance_name: words_}, stance_name, f"{where} [adjectives]")):
                self.adjectives[adjective] = stance
        light = _table(data, "light_verbs", where)
        self.light_verbs.update(_lower(_list(light, "verbs", f"{where} [light_verbs]")))
        for stance_name in ("asserts", "denies", "speculates", "reports"):
            for noun in _lower(_list(light, stance_name, f"{where} [light_verbs]")):
                self.light_nouns[noun] = _stance(stance_name, where)
        self.surveys.update(_lower(_list(_table(data, "surveys", where), "nouns", where)))
        self.estimates.update(_lower(_list(_table(data, "estimates", where), "lemmas", where)))
        self.perception.update(_lower(_list(_table(data, "perception", where), "lemmas", where)))
        for stance_name, nouns in _table(data, "roles", where).items():
            for noun in _lower(_list({stance_name: nouns}, stance_name, f"{where} [roles]")):
                self.roles[noun] = _stance(stance_name, where)
        for lemma in _lower(_list(_table(data, "withholding", where), "lemmas", where)):
            self.withholding.add(lemma)
            self.verbs.setdefault(lemma, Stance.SPECULATES)
        for lemma in _lower(_list(_table(data, "quote_only", where), "lemmas", where)):
            self.quote_only.add(lemma)
            self.verbs.setdefault(lemma, Stance.ASSERTS)
        # longest hedges first, so "it be claim" wins over "claim to" at the same place
        self.hedges.sort(key=lambda h: -len(h.lemmas))

    # ------------------------------------------------------------------ lookups

    def cue(self, token: Token) -> tuple[str, Stance] | None:
        """The cue lemma (phrasal when a particle makes one) and its stance, or None."""
        for lemma in _lemmas(token):
            for child in token.children:
                if child.dep_ in _PARTICLE_DEPS and child.i > token.i:
                    phrasal = f"{lemma} {child.lower_}"
                    if phrasal in self.verbs:
                        return phrasal, self.verbs[phrasal]
            if lemma in self.verbs:
                return lemma, self.verbs[lemma]
        return None

    def phrasal_particle(self, token: Token, cue: str) -> Token | None:
        if " " not in cue:
            return None
        particle = cue.split(" ", 1)[1]
        return next((c for c in token.children if c.dep_ in _PARTICLE_DEPS and c.lower_ == particle), None)

    def find_hedges(self, tokens: Sequence[Token]) -> list[tuple[Hedge, int, int]]:
        """Hedges among `tokens` (consecutive tokens of a doc): hedge, first and last index."""
        by_first: dict[str, list[Hedge]] = {}
        for hedge in self.hedges:  # longest first, so "it be claim" wins over "claim to"
            by_first.setdefault(hedge.lemmas[0], []).append(hedge)
        lemmas = [t.lemma_.lower() for t in tokens]
        lowers = [t.lower_ for t in tokens]
        found: list[tuple[Hedge, int, int]] = []
        i = 0
        while i < len(tokens):
            candidates = by_first.get(lemmas[i], [])
            if lowers[i] != lemmas[i]:
                candidates = sorted([*candidates, *by_first.get(lowers[i], [])], key=lambda h: -len(h.lemmas))
            for hedge in candidates:
                n = len(hedge.lemmas)
                if i + n <= len(tokens) and all(hedge.lemmas[k] in (lemmas[i + k], lowers[i + k]) for k in range(n)):
                    found.append((hedge, tokens[i].i, tokens[i + n - 1].i))
                    i += n - 1
                    break
            i += 1
        return found


def _lemmas(token: Token) -> list[str]:
    """The parser's lemma, then a regular de-inflection of the word: the statistical
    lemmatiser sometimes errs on verbs ("hoped" → "hop")."""
    lemma = token.lemma_.lower()
    word = token.lower_
    found = [lemma]
    for suffix, replacement in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ing", "e"),
        ("ing", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            candidate = word[: -len(suffix)] + replacement
            if candidate not in found:
                found.append(candidate)
    return found


def _table(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ResourceError(f"{where}: [{key}] must be a table")
    return value


def _list(table: Any, key: str, where: str) -> list[str]:
    value = table.get(key, []) if isinstance(table, dict) else []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ResourceError(f"{where}: '{key}' must be a list of strings")
    return value


def _lower(values: Iterable[str]) -> list[str]:
    return [v.lower() for v in values]


def _stance(name: str, where: str) -> Stance:
    try:
        return Stance(name)
    except ValueError:
        valid = ", ".join(s.value for s in Stance)
        raise ResourceError(f"{where}: unknown stance {name!r} (one of {valid})") from None

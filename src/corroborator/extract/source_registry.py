"""The source registry: known outlets, agencies, channels, offices, officials, organisations.

Loaded from `resources/sources.toml` (plus same-named files in the user's resource dirs),
with the party table and the descriptor lexicon that resolving a description also needs.
`SourceRegistry.match` finds an entry by name or alias, and fuzzily for misspelt people.
How a report's words become a `Source` is in `sources.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rapidfuzz.distance import OSA

from corroborator.config import Settings, read_resource_toml, resource_paths
from corroborator.errors import ResourceError
from corroborator.extract.actors import PartyTable
from corroborator.extract.phrase_index import Hit, PhraseIndex, Word, singular, words
from corroborator.model import Source, SourceKind

# words that may stand before a surname without being a given name
#: Words that end a media outlet's name: an alias followed by them names another outlet
#: ("The National" in "the state-run National News Agency").
_OUTLET_NAME_ENDS = frozenset(
    {"news", "agency", "radio", "television", "tv", "network", "broadcasting", "press", "post", "times",
     "daily", "channel", "media", "service", "herald", "tribune", "gazette", "journal", "voice"}
)


#: Words that make "Media"/"Press" before them a body's office, not an outlet's name: the
#: "Rapid Support Forces Media Office" is the RSF speaking.
_OFFICE_WORDS = frozenset({"office", "centre", "center", "department", "wing", "cell", "directorate", "bureau"})


def _starts_longer_outlet_name(text: str, hit: Hit[str]) -> bool:
    after = words(text[hit.end :])
    if not after or after[0].start != 1 or not after[0].capitalised or after[0].folded not in _OUTLET_NAME_ENDS:
        return False
    return not (len(after) > 1 and after[1].folded in _OFFICE_WORDS)


_TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sen",
        "rep",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "rev",
        "prof",
        "sir",
        "president",
        "minister",
        "governor",
        "mayor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "general",
        "colonel",
        "major",
        "captain",
        "senator",
        "deputy",
        "chief",
        "judge",
        "justice",
        "ambassador",
        "commander",
        "admiral",
        "secretary",
        "chairman",
        "chairwoman",
        "director",
        "adviser",
        "advisor",
        "aide",
        "officer",
        "head",
        "leader",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "pope",
    ]
)

REGISTRY_RESOURCE = "sources.toml"
DESCRIPTOR_RESOURCE = "lexicon/source_descriptors.toml"

EntryType = Literal["person", "body", "outlet", "channel", "organisation"]
_ENTRY_TYPES: tuple[str, ...] = ("person", "body", "outlet", "channel", "organisation")
_FUZZY_MIN_LENGTH = 5


@dataclass(frozen=True, kw_only=True)
class RegistryEntry:
    """One known source: an outlet, agency, channel, office, official or organisation."""

    id: str
    name: str
    kind: SourceKind
    type: EntryType
    affiliation: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    title: str | None = None
    terms: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"reg:{self.id}"

    @property
    def is_person(self) -> bool:
        return self.type == "person"

    def source(self, *, description: str | None = None) -> Source:
        return Source(
            key=self.key,
            name=self.name,
            kind=self.kind,
            affiliation=self.affiliation,
            country=self.country,
            registry_id=self.id,
            description=description,
        )


@dataclass(frozen=True)
class Descriptor:
    """A noun that describes a source: its kind, and whether it denotes one person."""

    phrase: str
    kind: SourceKind
    individual: bool
    voice: bool


@dataclass
class DescriptorLexicon:
    """Nouns for describing unregistered sources (`lexicon/source_descriptors.toml`)."""

    index: PhraseIndex[Descriptor] = field(default_factory=lambda: PhraseIndex(plurals=True))
    affiliated: frozenset[SourceKind] = frozenset()
    #: Nouns whose party mention is an affiliation whatever their kind ("a Russian military
    #: blogger" writes for Russia's war), in canonical (singular, folded) form.
    affiliated_nouns: frozenset[str] = frozenset()
    party_nouns: dict[str, str] = field(default_factory=dict)
    #: Words of local offices ([local_office]): such an office speaks for its place's state.
    local_offices: frozenset[str] = frozenset()
    #: Words that end a newspaper's name ([mastheads]): "Port-au-Prince Post" is a newspaper.
    mastheads: frozenset[str] = frozenset()
    #: Platforms an outlet's parenthesis may name ([platforms]): "Qamishlo Now (X)" is an account.
    platforms: frozenset[str] = frozenset()
    #: Portfolios that make an office military ([defence]): "Ministry of National Defence".
    defence: frozenset[str] = frozenset()
    #: Documents that may stand where a speaker does ([documents]): "according to initial statistics".
    documents: frozenset[str] = frozenset()
    #: Trades that work for the body named before them ([staff]): "Civil Defence paramedics".
    staff: frozenset[str] = frozenset()

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> DescriptorLexicon:
        tables: list[dict[str, Any]] = []
        for path in paths:
            tables.append(_read_toml(path, what="source descriptor lexicon"))
        voice: set[str] = set()
        affiliated: set[SourceKind] = set()
        affiliated_nouns: set[str] = set()
        local: set[str] = set()
        mastheads: set[str] = set()
        platforms: set[str] = set()
        defence: set[str] = set()
        documents: set[str] = set()
        staff: set[str] = set()
        for table in tables:
            mastheads.update(w.lower() for w in _strings(table.get("mastheads", {}), "words", "mastheads"))
            platforms.update(fold(w) for w in _strings(table.get("platforms", {}), "words", "platforms"))
            defence.update(fold(w) for w in _strings(table.get("defence", {}), "words", "defence"))
            documents.update(singular(fold(w)) for w in _strings(table.get("documents", {}), "words", "documents"))
            for noun in _strings(table.get("staff", {}), "words", "staff"):
                staff.add(_canonical(noun))
            voice.update(_strings(table.get("voice", {}), "words", "voice"))
            local.update(w.lower() for w in _strings(table.get("local_office", {}), "words", "local_office"))
            for kind in _strings(table.get("affiliated", {}), "kinds", "affiliated"):
                affiliated.add(_kind(kind, where="affiliated"))
            for noun in _strings(table.get("affiliated", {}), "nouns", "affiliated"):
                affiliated_nouns.add(_canonical(noun))
        lexicon = cls(
            affiliated=frozenset(affiliated),
            affiliated_nouns=frozenset(affiliated_nouns),
            local_offices=frozenset(local),
            mastheads=frozenset(mastheads),
            platforms=frozenset(platforms),
            defence=frozenset(defence),
            documents=frozenset(documents),
            staff=frozenset(staff),
        )
        for table in tables:
            for noun, code in table.get("party_nouns", {}).items():
                if not isinstance(code, str):
                    raise ResourceError(f"[party_nouns] '{noun}' must map to a party code")
                lexicon.party_nouns[_canonical(noun)] = code
            for name, section in table.items():
                if name in _LIST_TABLES:
                    continue
                kind = _kind(name, where=f"[{name}]")
                for individual, key in ((True, "individual"), (False, "collective")):
                    for phrase in _strings(section, key, name):
                        canonical = _canonical(phrase)
                        lexicon.index.add(phrase, Descriptor(canonical, kind, individual, phrase in voice))
        return lexicon


def _canonical(noun: str) -> str:
    """A lexicon noun as descriptors are compared: folded, each word singular ("civil defence
    paramedics" → "civil defence paramedic")."""
    return " ".join(singular(w.folded) for w in words(noun))


#: Tables of the descriptor lexicon that are word lists, not source kinds.
_LIST_TABLES = frozenset(
    {"voice", "affiliated", "party_nouns", "local_office", "mastheads", "platforms", "defence", "documents", "staff"}
)


def _read_toml(path: Path, *, what: str) -> dict[str, Any]:
    return read_resource_toml(path, what=f"the {what}")


def _strings(table: Any, key: str, where: str) -> list[str]:
    if not isinstance(table, dict):
        raise ResourceError(f"[{where}] must be a table")
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ResourceError(f"[{where}] '{key}' must be a list of strings")
    return list(value)


def _kind(value: str, *, where: str) -> SourceKind:
    try:
        return SourceKind(value)
    except ValueError:
        valid = ", ".join(k.value for k in SourceKind)
        raise ResourceError(f"{where}: unknown source kind {value!r} (one of {valid})") from None


def _entry_from_record(record: dict[str, Any], *, where: str) -> RegistryEntry:
    def text(name: str, *, required: bool = False) -> str | None:
        value = record.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise ResourceError(f"{where}: '{name}' must be a non-empty string")
        return value

    def texts(name: str) -> tuple[str, ...]:
        value = record.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ResourceError(f"{where}: '{name}' must be a list of strings")
        return tuple(value)

    entry_type = record.get("type", "body")
    if entry_type not in _ENTRY_TYPES:
        raise ResourceError(f"{where}: 'type' must be one of {', '.join(_ENTRY_TYPES)}")
    return RegistryEntry(
        id=text("id", required=True) or "",
        name=text("name", required=True) or "",
        kind=_kind(str(record.get("kind", "")), where=where),
        type=entry_type,
        affiliation=text("affiliation"),
        country=text("country"),
        aliases=texts("aliases"),
        title=text("title"),
        terms=texts("terms"),
        roles=texts("roles"),
    )


# --------------------------------------------------------------------------- the registry


@dataclass
class SourceRegistry:
    """Known sources, the party table and the descriptor lexicon: all `resolve_source` needs."""

    entries: dict[str, RegistryEntry]
    parties: PartyTable
    descriptors: DescriptorLexicon
    _aliases: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex(capitals=True))
    _roles: PhraseIndex[str] = field(default_factory=PhraseIndex)
    _terms: PhraseIndex[str] = field(default_factory=PhraseIndex)
    _person_names: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, settings: Settings) -> SourceRegistry:
        """Packaged registry and lexicons, extended by the user's resource directories."""
        return cls.from_files(
            resource_paths(REGISTRY_RESOURCE, settings),
            parties=PartyTable.load(settings),
            descriptors=DescriptorLexicon.from_files(resource_paths(DESCRIPTOR_RESOURCE, settings)),
        )

    @classmethod
    def from_files(
        cls, paths: Iterable[Path], *, parties: PartyTable, descriptors: DescriptorLexicon
    ) -> SourceRegistry:
        entries: dict[str, RegistryEntry] = {}
        for path in paths:
            data = _read_toml(path, what="source registry")
            records = data.get("source", [])
            if not isinstance(records, list):
                raise ResourceError(f"{path}: 'source' must be an array of tables ([[source]])")
            for number, record in enumerate(records, 1):
                entry = _entry_from_record(record, where=f"{path}: source #{number}")
                entries[entry.id] = entry  # a user file may replace a packaged entry
        registry = cls(entries=entries, parties=parties, descriptors=descriptors)
        registry._build()
        return registry

    def _build(self) -> None:
        for entry in self.entries.values():
            for alias in (entry.name, *entry.aliases):
                self._aliases.add(alias, entry.id)
                if entry.is_person:
                    folded = fold(alias)
                    if len(folded.replace(" ", "")) >= _FUZZY_MIN_LENGTH:
                        self._person_names.setdefault(folded, set()).add(entry.id)
            for role in entry.roles:
                self._roles.add(role, entry.id)
            for term in entry.terms:
                self._terms.add(term, entry.id)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> RegistryEntry | None:
        return self.entries.get(entry_id)

    def match(self, name: str) -> RegistryEntry | None:
        """The entry `name` names: exact name or alias, else a guarded fuzzy person match.

        Fuzzy matching catches misspelt surnames ("Zelesnky") but only for people, only for
        capitalised names of five letters or more, within one edit (two for long names),
        with the same first letter, never when one name merely extends the other
        ("Lavrova" is not "Lavrov"), and only when a single person is that close.
        """
        exact = self._aliases.lookup(name)
        if exact:
            return self.entries[exact[0]]
        return self._fuzzy_person(name)

    def aliases_in(self, text: str, toks: Sequence[Word] | None = None) -> list[Hit[str]]:
        """Registry names found inside a longer text, left to right."""
        return [
            hit
            for hit in self._aliases.scan(text, toks)
            if not self._someone_elses_surname(text, hit)
            and not _starts_longer_outlet_name(text, hit)
            and not self._longer_name(text, hit)
            and not self._of_another_party(text, hit)
            and not self._after_another_partys_adjective(text, hit)
        ]

    def _longer_name(self, text: str, hit: Hit[str]) -> bool:
        """ "The National" in "the National Unity Government", "Jane" in "Jane Doe": an outlet's or
        organisation's name that runs on into more capitalised words (not a word for a kind of
        source: "TASS Telegram channel") is part of another name."""
        entry = self.entries.get(hit.values[0])
        if entry is None or entry.type not in ("outlet", "organisation"):
            return False
        after = words(text[hit.end :])
        if not after or after[0].start != 1 or not after[0].capitalised:
            return False
        return not self.descriptors.index.scan(after[0].original) and not self.parties.mentions(after[0].original)

    def _of_another_party(self, text: str, hit: Hit[str]) -> bool:
        """ "National Police of Colombia" is not Ukraine's National Police: a name followed by
        "of" and another party's name belongs to that party."""
        entry = self.entries.get(hit.values[0])
        own = {entry.affiliation, entry.country} - {None} if entry is not None else set()
        rest = text[hit.end :]
        match = re.match(r"\s+of\s+(?:the\s+)?", rest)
        if not own or match is None:
            return False
        mentions = self.parties.mentions(rest[match.end() :])
        return bool(mentions) and mentions[0].start == 0 and mentions[0].code not in own

    def _after_another_partys_adjective(self, text: str, hit: Hit[str]) -> bool:
        """ "Haitian National Police" is not Ukraine's National Police either: another party's
        adjective right before the name makes it that party's."""
        entry = self.entries.get(hit.values[0])
        own = {entry.affiliation, entry.country} - {None} if entry is not None else set()
        before = text[: hit.start].rstrip()
        if not own or len(before) == hit.start:
            return False
        mentions = self.parties.mentions(before)
        return (
            bool(mentions)
            and mentions[-1].end == len(before)
            and mentions[-1].role == "adjective"
            and mentions[-1].code not in own
        )

    def _someone_elses_surname(self, text: str, hit: Hit[str]) -> bool:
        """ "Ivan Petrenko" is not the registry's Svetlana Petrenko: a surname alias right after
        a different given name names another person. Titles ("Spokeswoman Petrenko", "Gen.")
        and the entry's own given name keep the match."""
        entry = self.entries.get(hit.values[0])
        alias = text[hit.start : hit.end]
        if entry is None or not entry.is_person or " " in alias.strip():
            return False
        before = words(text[: hit.start])
        if not before or before[-1].end < hit.start - 1 or not before[-1].capitalised:
            return False
        given = before[-1].folded
        if given in {w.folded for w in words(entry.name)} or given in _TITLE_WORDS:
            return False
        return not self.role_entries(before[-1].original)

    def _fuzzy_person(self, name: str) -> RegistryEntry | None:
        toks = words(name)
        if not toks or len(toks) > 4 or not all(t.capitalised for t in toks):
            return None
        folded = " ".join(t.folded for t in toks)
        candidates = [folded]
        if len(toks) > 1:
            candidates.append(toks[-1].folded)  # the surname alone
        best: dict[str, int] = {}
        for candidate in candidates:
            if len(candidate.replace(" ", "")) < _FUZZY_MIN_LENGTH:
                continue
            limit = 1 if len(candidate) <= 8 else 2
            for known, ids in self._person_names.items():
                if known[0] != candidate[0] or abs(len(known) - len(candidate)) > limit:
                    continue
                if known.startswith(candidate) or candidate.startswith(known):
                    continue
                distance = OSA.distance(candidate, known, score_cutoff=limit)
                if distance <= limit:
                    for entry_id in ids:
                        best[entry_id] = min(distance, best.get(entry_id, distance))
        if not best:
            return None
        lowest = min(best.values())
        winners = [entry_id for entry_id, d in best.items() if d == lowest]
        return self.entries[winners[0]] if len(winners) == 1 else None

    def role_entries(self, text: str) -> list[tuple[Hit[str], RegistryEntry]]:
        return [(hit, self.entries[v]) for hit in self._roles.scan(text) for v in hit.values]

    def term_entries(self, text: str) -> list[tuple[Hit[str], RegistryEntry]]:
        return [(hit, self.entries[v]) for hit in self._terms.scan(text) for v in hit.values]


def fold(text: str) -> str:
    """Lower-case ASCII words joined by single spaces: the form names are compared in."""
    return " ".join(w.folded for w in words(text))

"""Parties to a conflict and the many ways reports name them.

Reports rarely write "Russia" when they mean the Russian state: they write "the Kremlin",
"Moscow", "Russian troops", "the RF", and the other side writes "the Kyiv regime". Claims
about who is responsible, and the affiliation of a source, are only comparable once these
are folded to one party code. The words live in `resources/actors.toml` (users extend it);
this module indexes them and finds them in short texts such as a noun phrase or a source
description.

`party_of` and `country_of_adjective` use the packaged table plus the user's resource
directories; pass `table=` to use another one (tests, or a caller that already loaded it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from corroborator.config import Settings, load_settings, read_resource_toml, resource_paths
from corroborator.errors import ResourceError
from corroborator.extract.phrase_index import PhraseIndex

if TYPE_CHECKING:
    from corroborator.extract.gazetteer import CountryWords

RESOURCE = "actors.toml"

#: Countries smaller than this are not made parties by `PartyTable.add_states`: they are mostly
#: dependent territories (Guam, Martinique), whose names would otherwise stand for a state.
MIN_STATE_POPULATION = 500_000

PartyKind = Literal["state", "alliance", "armed_group"]
WordRole = Literal["name", "adjective", "government", "forces"]

#: What follows a party named as another's backer: "Iran-backed", "Rwanda-supported".
BACKER_SUFFIX = re.compile(r"-(?:backed|supported|sponsored|funded|allied|aligned)\b", re.IGNORECASE)

_LIST_FIELDS: tuple[WordRole, ...] = ("name", "adjective", "government", "forces")
_TOML_FIELD: dict[WordRole, str] = {
    "name": "names",
    "adjective": "adjectives",
    "government": "government",
    "forces": "forces",
}


#: Placeholder party of "the enemy" until the speaker is known (see PartyTable.enemy_of).
ENEMY = "ENEMY"
#: Placeholder party of a state's forces named without the state ("the security forces", "the
#: junta") until the claim's source and place are known (see extract/assemble.py).
STATE_FORCES = "STATE-FORCES"
#: Placeholder party of a government named without its state ("the junta", "the regime").
STATE_RULERS = "STATE-RULERS"
#: Placeholder party of the speaker's own side ("our forces", "we struck", "the mujahideen").
OWN_SIDE = "OWN-SIDE"
#: Placeholder parties: no party until the claim stage says whose.
PLACEHOLDERS = frozenset({ENEMY, STATE_FORCES, STATE_RULERS, OWN_SIDE})


@dataclass(frozen=True, kw_only=True)
class Party:
    """One party: a state, an alliance or an armed group, with the words that name it."""

    code: str
    name: str
    kind: PartyKind
    country: str | None = None
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    government: tuple[str, ...] = ()
    forces: tuple[str, ...] = ()
    #: The parties it is at war with: "the enemy" in its own statements is one of them.
    opponents: tuple[str, ...] = ()

    def words(self, role: WordRole) -> tuple[str, ...]:
        return {
            "name": self.names,
            "adjective": self.adjectives,
            "government": self.government,
            "forces": self.forces,
        }[role]


@dataclass(frozen=True, kw_only=True)
class PartyMention:
    """A party named in a text: where (character offsets into the text given) and how."""

    code: str
    start: int
    end: int
    role: WordRole
    text: str
    possessive: bool = False  # "Sudan's" in "Sudan's Rapid Support Forces"


@dataclass
class PartyTable:
    """The parties and an index from their words to their codes."""

    parties: dict[str, Party] = field(default_factory=dict)
    #: Words a side uses for the other without naming it ("the enemy", "the occupiers").
    enemy_words: frozenset[str] = frozenset()
    #: A state's forces named without the state ("the army", "the junta"): folded words.
    state_forces: frozenset[str] = frozenset()
    #: A government named without its state, by its opponents ("the junta", "the regime").
    state_rulers: frozenset[str] = frozenset()
    #: What a side calls its own fighters ("the mujahideen").
    own_words: frozenset[str] = frozenset()
    #: Modifiers that make such words someone else's ("rebel forces", "foreign troops").
    not_state_modifiers: frozenset[str] = frozenset()
    _index: PhraseIndex[tuple[str, WordRole]] = field(default_factory=PhraseIndex, repr=False)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, settings: Settings) -> PartyTable:
        """The packaged table extended by same-named files in the user's resource dirs, and
        every other country of the gazetteer as a state (`add_states`)."""
        from corroborator.extract.gazetteer import country_words  # the gazetteer needs no parties

        table = cls.from_files(resource_paths(RESOURCE, settings))
        table.add_states(country_words(settings).values())
        return table

    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> PartyTable:
        table = cls()
        for path in paths:
            data = read_resource_toml(path, what="the party table")
            table.extend(data.get("party", []), origin=str(path))
            table.enemy_words |= frozenset(_str_tuple(data, "enemy_words", str(path)))
            table.state_forces |= frozenset(w.lower() for w in _str_tuple(data, "state_forces", str(path)))
            table.state_rulers |= frozenset(w.lower() for w in _str_tuple(data, "state_rulers", str(path)))
            table.own_words |= frozenset(w.lower() for w in _str_tuple(data, "own_words", str(path)))
            table.not_state_modifiers |= frozenset(
                w.lower() for w in _str_tuple(data, "not_state_modifiers", str(path))
            )
        return table

    def extend(self, records: Sequence[dict[str, Any]], *, origin: str = "<memory>") -> None:
        """Add parties; a record whose code exists adds its words to that party."""
        for number, record in enumerate(records, 1):
            party = _party_from_record(record, where=f"{origin}: party #{number}")
            existing = self.parties.get(party.code)
            if existing is not None:
                party = _merge(existing, party)
            self.parties[party.code] = party
        self._reindex()

    def add_states(self, countries: Iterable[CountryWords]) -> None:
        """Make every country no party has the code of a state, named by its names and demonyms,
        and its government by its capital (countries of `MIN_STATE_POPULATION` or more).

        actors.toml writes up the states of the conflicts we know; a report from elsewhere
        still names its state ("the Cameroonian army", "Thailand said"), and an unknown
        state would leave the responsible party and the source's side empty. A word that
        already names a listed party stays that party's ("Congo" is the DR Congo's).
        """
        for country in countries:
            if country.code in self.parties or country.population < MIN_STATE_POPULATION:
                continue
            names = [w for w in (*country.names, *country.aliases) if not self._index.lookup(w)]
            adjectives = [w for w in country.demonyms if not self._index.lookup(w)]
            # "Yaoundé said", "Maputo denied": the capital for the government, as listed
            # parties name theirs ("Moscow", "Kyiv")
            capitals = [w for w in country.capitals if not self._index.lookup(w)]
            if not names and not adjectives:
                continue
            self.parties[country.code] = Party(
                code=country.code,
                name=country.name,
                kind="state",
                country=country.code,
                names=tuple(names),
                adjectives=tuple(adjectives),
                government=tuple(capitals),
            )
        self._reindex()

    def _reindex(self) -> None:
        self._index = PhraseIndex()
        for party in self.parties.values():
            self._index.add(party.name, (party.code, "name"))
            for role in _LIST_FIELDS:
                for phrase in party.words(role):
                    self._index.add(phrase, (party.code, role))

    # ------------------------------------------------------------------ lookups

    def party(self, code: str) -> Party | None:
        return self.parties.get(code)

    def enemy_of(self, code: str | None) -> str | None:
        """The one party `code` is at war with, for "the enemy" in its own words; None when it
        has several or none (Israel's "enemy" may be Hezbollah or Hamas)."""
        party = self.parties.get(code) if code else None
        return party.opponents[0] if party is not None and len(party.opponents) == 1 else None

    def mentions(self, text: str) -> list[PartyMention]:
        """Every party named in `text`, left to right, longest match first at each word.

        A match right after "anti-" is dropped ("anti-Kremlin" names an opponent of the
        Kremlin, not the Kremlin); "pro-Russian" and "Russian-backed" keep their party,
        since such groups fight on that party's side.
        """
        found: list[PartyMention] = []
        for hit in self._index.scan(text):
            if text[max(0, hit.start - 5) : hit.start].lower().endswith("anti-"):
                continue
            code, role = hit.values[0]
            found.append(
                PartyMention(
                    code=code,
                    start=hit.start,
                    end=hit.end,
                    role=role,
                    text=text[hit.start : hit.end],
                    possessive=hit.possessive,
                )
            )
        return found

    def party_of(self, text: str) -> str | None:
        """The party a short text names ("the Kyiv regime" → "UA"), or None.

        When several parties are named, the first wins: in a noun phrase the leftmost party
        word is the phrase's own qualifier ("Russian troops in Ukraine" → "RU"), unless it is
        a possessive before another party ("Lebanon's Hezbollah" → "HEZBOLLAH") or a backer
        before an armed group's name ("the Indian proxy Fitna al Khwarij" → "TTP", "Iran-backed
        Houthis" → "HOUTHIS": the group named, not the backer it has or is said to have).
        """
        mentions = self.mentions(text)
        if len(mentions) > 1 and mentions[0].possessive:
            return mentions[1].code
        if mentions and (mentions[0].role == "adjective" or BACKER_SUFFIX.match(text, mentions[0].end)):
            named = (m for m in mentions[1:] if m.role == "name" and self._armed_group(m.code))
            return next(named, mentions[0]).code
        return mentions[0].code if mentions else None

    def launching_state(self, country_code: str) -> str | None:
        """Whose weapons a launch "from" a country was: its state's, unless an armed group of
        the table is based there ("rockets fired from Lebanon" may be Hezbollah's, "missiles
        launched from Iran" are Iran's); None when the country is no state party."""
        party = self.parties.get(country_code.upper())
        if party is None or party.kind != "state":
            return None
        based = (p for p in self.parties.values() if p.kind == "armed_group" and p.country == party.code)
        return None if any(based) else party.code

    def _armed_group(self, code: str) -> bool:
        party = self.parties.get(code)
        return party is not None and party.kind == "armed_group"

    def state_force(self, words: Sequence[str]) -> tuple[str, int] | None:
        """Whether lower-case words name a state's forces or rulers without the state: the
        placeholder (STATE_FORCES for "the federal military", STATE_RULERS for "the criminal
        junta") and how many of the last words name them; None when none do, or when a word is
        one of `not_state_modifiers` ("rebel forces", "foreign troops")."""
        folded = [w.lower() for w in words]
        if any(w in self.not_state_modifiers for w in folded):
            return None
        for i in range(len(folded)):
            phrase = " ".join(folded[i:])
            if phrase in self.state_forces:
                return STATE_FORCES, len(folded) - i
            if phrase in self.state_rulers:
                return STATE_RULERS, len(folded) - i
        return None

    def country_of_adjective(self, word: str) -> str | None:
        """The code behind an adjective or demonym ("Ukrainian" → "UA"), or None."""
        return next((code for code, role in self._index.lookup(word) if role == "adjective"), None)


def _str_tuple(record: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = record.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ResourceError(f"{where}: '{name}' must be a list of strings")
    return tuple(value)


def _party_from_record(record: dict[str, Any], *, where: str) -> Party:
    code = record.get("code")
    if not isinstance(code, str) or not re.fullmatch(r"[A-Z0-9][A-Z0-9-]*", code):
        raise ResourceError(f'{where}: \'code\' must be an upper-case id such as "RU" or "HAMAS"')
    kind = record.get("kind", "state")
    if kind not in ("state", "alliance", "armed_group"):
        raise ResourceError(f"{where}: 'kind' must be state, alliance or armed_group, not {kind!r}")
    country = record.get("country")
    if country is not None and not isinstance(country, str):
        raise ResourceError(f"{where}: 'country' must be an ISO code")
    lists = {_TOML_FIELD[role]: _str_tuple(record, _TOML_FIELD[role], where) for role in _LIST_FIELDS}
    return Party(
        code=code,
        name=str(record.get("name", code)),
        kind=kind,
        country=country if kind != "state" else (country or code),
        names=lists["names"],
        adjectives=lists["adjectives"],
        government=lists["government"],
        forces=lists["forces"],
        opponents=_str_tuple(record, "opponents", where),
    )


def _merge(old: Party, new: Party) -> Party:
    def join(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        return a + tuple(x for x in b if x not in a)

    return Party(
        code=old.code,
        name=old.name,
        kind=old.kind,
        country=old.country,
        names=join(old.names, new.names),
        adjectives=join(old.adjectives, new.adjectives),
        government=join(old.government, new.government),
        forces=join(old.forces, new.forces),
        opponents=join(old.opponents, new.opponents),
    )


@lru_cache(maxsize=1)
def default_table() -> PartyTable:
    """The table for the current settings, loaded once per process."""
    return PartyTable.load(load_settings())


def party_of(text: str, *, table: PartyTable | None = None) -> str | None:
    """The party a text names: "the Kyiv regime" → "UA", "Russian troops" → "RU"."""
    return (table or default_table()).party_of(text)


def country_of_adjective(word: str, *, table: PartyTable | None = None) -> str | None:
    """The code of a country adjective or demonym: "Russian" → "RU"."""
    return (table or default_table()).country_of_adjective(word)

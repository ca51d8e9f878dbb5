"""The domain lexicons (resources/lexicon/*.toml) as typed, read-only tables.

Lexicons are data so users can extend them: every file is read from the package and
then from same-named files in the user's resource dirs; arrays of tables concatenate,
lists inside tables extend, scalars override. Loading happens once per settings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from corroborator.config import Settings, merge_resource_tables, read_resource_toml, resource_paths
from corroborator.errors import ResourceError


def read_merged(name: str, settings: Settings) -> dict[str, Any]:
    """One resource TOML, packaged file first, user files merged on top."""
    merged: dict[str, Any] = {}
    for path in resource_paths(name, settings):
        merged = merge_resource_tables(merged, read_resource_toml(path, what="the lexicon"))
    return merged


@dataclass(frozen=True)
class EventClass:
    name: str
    family: str
    event_type: str
    sub_event_type: str


@dataclass(frozen=True)
class TriggerEntry:
    """A lemma (possibly several words) that mentions an event of `event_class`."""

    words: tuple[str, ...]
    pos: frozenset[str]
    event_class: EventClass
    needs_weapon: bool = False
    weapon_as_object: bool = False
    weapon_as_subject: bool = False
    needs_agent: bool = False
    needs_air_defence: bool = False
    needs_topic: frozenset[str] = frozenset()
    needs_people: bool = False
    needs_weapon_or_attack: bool = False
    needs_armed: bool = False
    #: The subject must be one of these words for what is left of a downed weapon ("debris
    #: damaged a house"), with a weapon named in the sentence or the two before.
    remnant_subject: frozenset[str] = frozenset()
    #: The word itself names armed violence ("shelling", "airstrike"): it grounds a frame alone.
    armed: bool = False
    #: The word tells an assault fought on the ground ("ambush"), never a shelling.
    ground: bool = False
    #: The word is an event only as a verb: read as a noun, it counts only where it heads its
    #: clause (the tagger's reading of a headline's verb, "Drone targets apartment block");
    #: a noun in any other role is the thing struck ("struck targets in the port").
    verb_only: bool = False
    #: The noun is an event only when counted ("a few impacts were identified in the Haifa
    #: area"); uncounted ("the impact of the war") it is not.
    counted: bool = False
    #: The noun is an event only when aimed at something ("an operation against the army's
    #: positions", "an operation targeting the ship") and carried out with a weapon or by an
    #: armed party; unaimed ("the rescue operation", "the special military operation") it is not.
    aimed: bool = False


@dataclass(frozen=True)
class WeaponEntry:
    code: str
    name: str
    category: str
    generic: bool
    phrases: tuple[tuple[str, ...], ...]
    #: A weapon word that is only itself where nothing flies: "a bomb" is planted, unless the
    #: report tells of aircraft or drones, whose payload it then is (events.WeaponFinder).
    grounded_only: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Every domain word list the extractors use."""

    triggers: tuple[TriggerEntry, ...]
    another_cues: frozenset[str]
    sentence_another: frozenset[str]
    response_nouns: frozenset[str]
    #: "in response to", "in retaliation for": the phrase names an earlier event (frames).
    response_phrases: tuple[tuple[str, ...], ...]
    armed_actors: frozenset[str]
    #: Irregular armed men ("gunmen", "insurgents"): an attack they make without a weapon of
    #: remote violence is fought on the ground. "armed men": `armed_irregular_heads`.
    irregular_actors: frozenset[str]
    armed_irregular_heads: frozenset[str]
    #: Armed men on foot ("soldiers", "troops"): a killing they do with no weapon named is fought
    #: on the ground, where "the army" or "forces" may have shelled.
    ground_personnel: frozenset[str]
    non_event_heads: frozenset[str]
    #: Objects that make "strike" an idiom ("struck a deal"), whoever struck.
    strike_idioms: frozenset[str]
    hypothetical_governors: frozenset[str]
    handling_verbs: frozenset[str]
    modal_auxiliaries: frozenset[str]
    generic_modifiers: frozenset[str]
    light_verbs: frozenset[str]
    weapons: tuple[WeaponEntry, ...]
    weapon_subtypes: Mapping[str, str]
    number_words: Mapping[str, int]
    vague_quantities: Mapping[tuple[str, ...], tuple[int, int | None]]
    quantity_modifiers: Mapping[str, tuple[tuple[str, ...], ...]]
    people_nouns: frozenset[str]
    role_words: Mapping[str, tuple[tuple[str, ...], ...]]
    #: Phrases, and prepositions before a country's name, that make a count a national total.
    national_phrases: tuple[tuple[str, ...], ...]
    national_prepositions: frozenset[str]
    damage_levels: Mapping[str, tuple[tuple[str, ...], ...]]
    property_nouns: frozenset[str]
    #: Dwellings that burn whole ("set fire to 30 houses": destroyed, not a fire).
    burned_whole: frozenset[str]
    interception_means: Mapping[str, tuple[tuple[str, ...], ...]]
    interception_verbs: Mapping[str, tuple[tuple[str, ...], ...]]
    target_categories: Mapping[str, tuple[tuple[str, ...], ...]]
    #: Verbs of being somewhere ("there were no fighters", "no troops were stationed there"):
    #: denying that presence denies the target's category.
    presence_verbs: frozenset[str]
    #: Verbs whose object is somewhere ("contains no military target", "found no positions").
    holding_verbs: frozenset[str]
    #: Attack verbs whose aim a denial with no weapon named denies, nouns of a story told, and
    #: words of falsehood that dismiss one (targets.toml [denied_aims]).
    denied_aim_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    false_words: frozenset[str]

    def triggers_for(self, first_word: str) -> Sequence[TriggerEntry]:
        return _trigger_index(self).get(first_word, ())

    def weapon(self, code: str) -> WeaponEntry:
        for entry in self.weapons:
            if entry.code == code:
                return entry
        raise KeyError(code)


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().replace("-", " - ").split()) if "-" in phrase else tuple(phrase.lower().split())


def _phrases(items: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({_words(p) for p in items}, key=len, reverse=True))


@lru_cache(maxsize=8)
def load_lexicon(settings: Settings) -> Lexicon:
    """Read and type-check every lexicon file; a malformed entry names its file."""
    events = read_merged("lexicon/events.toml", settings)
    weapons = read_merged("lexicon/weapons.toml", settings)
    quantities = read_merged("lexicon/quantities.toml", settings)
    damage = read_merged("lexicon/damage.toml", settings)
    interception = read_merged("lexicon/interception.toml", settings)
    targets = read_merged("lexicon/targets.toml", settings)
    try:
        classes = {
            name: EventClass(name, c["family"], c["event_type"], c["sub_event_type"])
            for name, c in events["classes"].items()
        }
        triggers = tuple(
            TriggerEntry(
                words=tuple(lemma.lower().split()),
                pos=frozenset(t["pos"]),
                event_class=classes[t["class"]],
                needs_weapon=bool(t.get("needs_weapon", False)),
                weapon_as_object=bool(t.get("weapon_as_object", False)),
                weapon_as_subject=bool(t.get("weapon_as_subject", False)),
                needs_agent=bool(t.get("needs_agent", False)),
                needs_air_defence=bool(t.get("needs_air_defence", False)),
                needs_topic=frozenset(t.get("needs_topic", ())),
                needs_people=bool(t.get("needs_people", False)),
                needs_weapon_or_attack=bool(t.get("needs_weapon_or_attack", False)),
                needs_armed=bool(t.get("needs_armed", False)),
                remnant_subject=frozenset(t.get("remnant_subject", ())),
                armed=bool(t.get("armed", False)),
                ground=bool(t.get("ground", False)),
                verb_only=bool(t.get("verb_only", False)),
                counted=bool(t.get("counted", False)),
                aimed=bool(t.get("aimed", False)),
            )
            for t in events["trigger"]
            for lemma in t["lemmas"]
        )
        cues = events["cues"]
        weapon_entries = tuple(
            WeaponEntry(
                code=w["code"],
                name=w["name"],
                category=w["category"],
                generic=bool(w.get("generic", False)),
                phrases=_phrases(w["phrases"]),
                grounded_only=bool(w.get("grounded_only", False)),
            )
            for w in weapons["weapon"]
        )
        vague = {tuple(k.split()): (int(v[0]), int(v[1]) or None) for k, v in quantities["vague"].items()}
        return Lexicon(
            triggers=triggers,
            another_cues=frozenset(cues["another"]),
            sentence_another=frozenset(cues.get("sentence_another", ())),
            response_nouns=frozenset(cues.get("response", ())),
            response_phrases=_phrases(cues.get("response_phrases", ())),
            armed_actors=frozenset(cues.get("armed_actors", ())),
            irregular_actors=frozenset(cues.get("irregular_actors", ())),
            armed_irregular_heads=frozenset(cues.get("armed_irregular_heads", ())),
            ground_personnel=frozenset(cues.get("ground_personnel", ())),
            non_event_heads=frozenset(cues.get("non_event_heads", ())),
            strike_idioms=frozenset(cues.get("strike_idioms", ())),
            hypothetical_governors=frozenset(cues["hypothetical_governors"]),
            handling_verbs=frozenset(cues.get("handling_verbs", ())),
            modal_auxiliaries=frozenset(cues["modal_auxiliaries"]),
            generic_modifiers=frozenset(cues["generic_modifiers"]),
            light_verbs=frozenset(cues["light_verbs"]),
            weapons=weapon_entries,
            weapon_subtypes=dict(weapons["categories"]),
            number_words={k: int(v) for k, v in quantities["numbers"].items()},
            vague_quantities=vague,
            quantity_modifiers={k: _phrases(v) for k, v in quantities["modifiers"].items()},
            people_nouns=frozenset(quantities["people"]["nouns"]),
            role_words={k: _phrases(v) for k, v in quantities["roles"].items()},
            national_phrases=_phrases(quantities.get("scope", {}).get("country", ())),
            national_prepositions=frozenset(quantities.get("scope", {}).get("prepositions", ())),
            damage_levels={k: _phrases(v) for k, v in damage["levels"].items()},
            property_nouns=frozenset(damage["property"]["nouns"]),
            burned_whole=frozenset(damage.get("burned_whole", {}).get("nouns", ())),
            interception_means={k: _phrases(v) for k, v in interception["means"].items()},
            interception_verbs={k: _phrases(v) for k, v in interception["verbs"].items()},
            target_categories={k: _phrases(v) for k, v in targets["categories"].items()},
            presence_verbs=frozenset(targets.get("presence_verbs", ())),
            holding_verbs=frozenset(targets.get("holding_verbs", ())),
            denied_aim_verbs=frozenset(targets.get("denied_aims", {}).get("verbs", ())),
            claim_nouns=frozenset(targets.get("denied_aims", {}).get("claims", ())),
            false_words=frozenset(targets.get("denied_aims", {}).get("false", ())),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ResourceError(f"lexicon files are malformed: missing or invalid {exc}") from exc


_TRIGGER_INDEXES: dict[int, dict[str, tuple[TriggerEntry, ...]]] = {}


def _trigger_index(lexicon: Lexicon) -> dict[str, tuple[TriggerEntry, ...]]:
    key = id(lexicon)
    if key not in _TRIGGER_INDEXES:
        index: dict[str, list[TriggerEntry]] = {}
        for entry in lexicon.triggers:
            index.setdefault(entry.words[0], []).append(entry)
        # Longest first, so "shoot down" wins over "shoot".
        _TRIGGER_INDEXES[key] = {
            k: tuple(sorted(v, key=lambda e: len(e.words), reverse=True)) for k, v in index.items()
        }
    return _TRIGGER_INDEXES[key]

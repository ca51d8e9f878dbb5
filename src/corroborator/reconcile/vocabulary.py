"""What reconcile needs to know of the lexicon: which descriptions of a weapon or a target
dispute each other (lexicon/weapons.toml [families] and [carriers], targets.toml [disputes]).

Read once per settings like the extract lexicons, so a user's resource files extend it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from corroborator.config import Settings, load_settings
from corroborator.extract.lexicon import read_merged


@dataclass(frozen=True)
class DisputeVocabulary:
    """Weapon kinds that describe one another, kinds that carry any weapon, and target
    categories that are not military objectives."""

    weapon_families: Mapping[str, str] = field(default_factory=dict)
    carriers: frozenset[str] = frozenset()
    not_military: frozenset[str] = frozenset()

    @classmethod
    def load(cls, settings: Settings) -> DisputeVocabulary:
        weapons = read_merged("lexicon/weapons.toml", settings)
        targets = read_merged("lexicon/targets.toml", settings)
        return cls(
            weapon_families={str(k): str(v) for k, v in weapons.get("families", {}).items()},
            carriers=frozenset(weapons.get("carriers", {}).get("kinds", ())),
            not_military=frozenset(targets.get("disputes", {}).get("not_military", ())),
        )

    def weapon_family(self, kind: str) -> str | None:
        """The family a weapon kind is told as; None for a carrier, which fits any."""
        if kind in self.carriers:
            return None
        return self.weapon_families.get(kind, kind)


@lru_cache(maxsize=1)
def packaged() -> DisputeVocabulary:
    """The vocabulary of the packaged resources (for callers with no settings of their own)."""
    return DisputeVocabulary.load(load_settings(environ={}))

"""What independence is judged on: the origin of each claim.

A claim's origin is normally its first-hand source (`Claim.origin_key`). Copies of one
wire story change that: when three outlets carry the same story, the story's own voice is
one origin, not three, so the copies' own-voice claims take the origin of the original
report's voice. Sources quoted in the copies keep their own keys, which the copies share
with the original, so "the ministry said" in three copies is the ministry once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from corroborator import model

FOOTAGE_KEY = "footage:unverified"


@dataclass(frozen=True)
class OriginIndex:
    """Maps claims to origin keys, folding near-duplicate reports into their original."""

    #: copy report id → original report id
    copy_of: Mapping[str, str] = field(default_factory=dict)
    #: report id → origin key of its own voice, for originals of duplicate groups
    voice_of: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, linkage: model.Linkage) -> OriginIndex:
        copy_of = {c: g.original for g in linkage.duplicate_groups for c in g.copies}
        originals = {g.original for g in linkage.duplicate_groups}
        voice_of: dict[str, str] = {}
        for report in linkage.reports:
            if report.id not in originals:
                continue
            voice = next((c.source.key for c in report.claims if own_voice(c)), None)
            # An original with no own-voice claim still gives its copies one shared voice.
            voice_of[report.id] = voice or f"story:{report.id}"
        return cls(copy_of=copy_of, voice_of=voice_of)

    def key(self, claim: model.Claim) -> str:
        original = self.copy_of.get(claim.report_id)
        if original is not None and own_voice(claim):
            return self.voice_of.get(original, f"story:{original}")
        return claim.origin_key

    def distinct(self, claims: Sequence[model.Claim], relays: frozenset[str]) -> list[model.Source]:
        """One source per origin behind the claims, relaying outlets left out.

        The source shown for an origin is the first claim's, preferring the original
        report's over a copy's, so a grade names the outlet that wrote the story.
        """
        seen: dict[str, model.Source] = {}
        for claim in sorted(claims, key=lambda c: claim_order(c, self.copy_of)):
            origin = self.key(claim)
            if origin in relays:
                continue
            seen.setdefault(origin, claim.source)
        return list(seen.values())


def own_voice(claim: model.Claim) -> bool:
    """A statement the report makes itself: no attribution, and not footage it describes
    (footage has one shared source key of its own, see grades.supporting)."""
    return claim.attribution_id is None and claim.source.key != FOOTAGE_KEY


def claim_order(claim: model.Claim, copy_of: Mapping[str, str]) -> int:
    """Originals before copies; otherwise the given order (sorting is stable)."""
    return 1 if claim.report_id in copy_of else 0


#: No duplicates: every claim's origin is its source.
PLAIN = OriginIndex()

"""Corroboration grades, after Airwars' incident grading and the intelligence habit of
judging a fact by the independence of its sources.

Judged on independent origins: relays of one statement count once (an outlet repeating a
source it cites is not a second source; copies of one wire story are one voice),
speculation and unverified footage do not corroborate, and sources of one affiliation
cannot corroborate each other against the other side. The ladder, first match wins:

- contested:        the fact has competing values or a denial;
- confirmed:        admitted by the party it harms (an official or military source of that
                    side, or its state media), or supported by independent sources of
                    different affiliation (a side and a neutral source, or both sides);
- single source:    one origin;
- party claim only: two or more origins, all affiliated with one side;
- corroborated:     two or more independent origins.
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborator import model
from corroborator.reconcile.origins import PLAIN, OriginIndex
from corroborator.reconcile.values import Group, origins

G = model.GradeLevel
A = model.Attribute
_PARTY_VOICES = frozenset(
    {model.SourceKind.OFFICIAL, model.SourceKind.MILITARY, model.SourceKind.STATE_MEDIA}
)
_WEAK = frozenset({model.Stance.SPECULATES, model.Stance.DENIES})
#: Which side a fact harms: the defender (where it happened) or the attacker (who did it).
_HARMS_DEFENDER = frozenset({A.HIT, A.KILLED, A.INJURED, A.DAMAGE})


def supporting(claims: Sequence[model.Claim]) -> list[model.Claim]:
    """Claims that can corroborate: stated, not speculated or denied, and not raw footage."""
    return [c for c in claims if c.stance not in _WEAK and c.source.key != "footage:unverified"]


def grade_fact(
    attribute: model.Attribute,
    best: Group | None,
    contradictions: Sequence[model.Contradiction],
    *,
    relays: frozenset[str],
    defender: str | None,
    attacker: str | None,
    index: OriginIndex = PLAIN,
) -> model.Grade:
    if contradictions:
        kinds = sorted({c.kind.value for c in contradictions})
        return model.Grade(
            level=G.CONTESTED,
            reason=f"sources conflict ({', '.join(kinds)}): {contradictions[0].explanation}",
        )
    if best is None:
        return model.Grade(level=G.SINGLE_SOURCE, reason="no source states a value")
    if best.denying and attribute == A.RESPONSIBLE_PARTY:
        return model.Grade(level=G.CONTESTED, reason="denied by " + _names(best.denying))
    if not best.asserting:
        return model.Grade(level=G.CONTESTED, reason="no source asserts it; denied by " + _names(best.denying))
    support = origins(supporting(best.claims), relays, index=index)
    harmed = _harmed(attribute, best, defender=defender, attacker=attacker)
    return _ladder(support, harmed=harmed, what=f"{attribute.value.replace('_', ' ')}")


def grade_incident(
    claims: Sequence[model.Claim],
    contradictions: Sequence[model.Contradiction],
    *,
    relays: frozenset[str],
    index: OriginIndex = PLAIN,
) -> model.Grade:
    if contradictions:
        attributes = sorted({c.attribute.value.replace("_", " ") for c in contradictions})
        return model.Grade(
            level=G.CONTESTED, reason=f"sources contradict each other on {', '.join(attributes)}"
        )
    support = origins(supporting(claims), relays, index=index)
    if not support:
        speculative = origins(list(claims), relays, index=index)
        names = _names_of(speculative) or "the reports' own outlets"
        return model.Grade(
            level=G.SINGLE_SOURCE, reason=f"only unconfirmed or speculative accounts ({names})"
        )
    return _ladder(support, harmed=None, what="the incident")


def _ladder(support: Sequence[model.Source], *, harmed: str | None, what: str) -> model.Grade:
    names = _names_of(support)
    if harmed is not None:
        admitting = [s for s in support if s.affiliation == harmed and s.kind in _PARTY_VOICES]
        if admitting:
            return model.Grade(
                level=G.CONFIRMED,
                reason=f"{what} admitted by {_names_of(admitting)}, on the side it harms ({harmed})",
            )
    affiliations = {s.affiliation for s in support}
    if len(support) >= 2 and len(affiliations) >= 2:
        sides = ", ".join(sorted(a or "neutral" for a in affiliations))
        return model.Grade(
            level=G.CONFIRMED,
            reason=f"{what} supported by independent sources of different affiliation ({sides}): {names}",
        )
    if len(support) == 1:
        source = support[0]
        side = f", affiliated with {source.affiliation}" if source.affiliation else ""
        return model.Grade(
            level=G.SINGLE_SOURCE, reason=f"{what} rests on one source: {source.name}{side}"
        )
    if len(support) >= 2 and len(affiliations) == 1 and None not in affiliations:
        party = next(iter(affiliations))
        return model.Grade(
            level=G.PARTY_CLAIM,
            reason=f"{what} stated only by sources affiliated with {party}: {names}",
        )
    if len(support) >= 2:
        return model.Grade(
            level=G.CORROBORATED,
            reason=f"{what} supported by {len(support)} independent sources: {names}",
        )
    return model.Grade(level=G.SINGLE_SOURCE, reason=f"{what} rests on the reporting outlet alone")


def _harmed(
    attribute: model.Attribute, best: Group, *, defender: str | None, attacker: str | None
) -> str | None:
    value = best.value
    if attribute == A.RESPONSIBLE_PARTY and isinstance(value, model.Label):
        return value.code
    if attribute in _HARMS_DEFENDER:
        if isinstance(value, model.Quantity) and value.max == 0:
            return None
        if isinstance(value, model.Label) and value.code == "none":
            return None
        return defender
    if attribute == A.INTERCEPTED and attacker:
        return None  # the defender claiming interceptions is self-serving, not an admission
    return None


def _names(claims: Sequence[model.Claim]) -> str:
    return ", ".join(dict.fromkeys(c.source.name for c in claims))


def _names_of(sources: Sequence[model.Source]) -> str:
    return ", ".join(dict.fromkeys(s.name for s in sources))

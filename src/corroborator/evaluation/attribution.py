"""Attribution (issue 4): who says it, and how, for the gold facts the system found.

A gold statement is found when the same report has a claim of the same attribute with a
matching value, preferably in the system incident aligned with the gold one (else
anywhere in the report: attribution is judged apart from linking). When several claims
give the value (two sources, one report), the one whose source has the gold source's name
is judged, else the one agreeing most; then its stance, source kind, affiliation and
source name are compared with the gold statement's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from corroborator import model
from corroborator.evaluation.align import Alignment
from corroborator.evaluation.gold import GoldFact, GoldSet
from corroborator.evaluation.matching import Places, code_key, source_names_match, values_match
from corroborator.evaluation.metrics import Accuracy, Score


class AttributionScores(Score):
    gold_statements: int = 0
    found: int = 0
    stance: Accuracy = Accuracy()
    source_kind: Accuracy = Accuracy()
    affiliation: Accuracy = Accuracy()
    source_name: Accuracy = Accuracy()


def same_source(fact: GoldFact, claim: model.Claim, *, outlet: str | None, places: Places) -> bool:
    """The claim's source is the one the gold statement names ("outlet": the report's own voice)."""
    if fact.source is None:
        return False
    if fact.own_voice:
        own = claim.attribution_id is None and not claim.via
        return own or bool(outlet and source_names_match(outlet, claim.source.name, places=places))
    names = [claim.source.name, claim.source.description or ""]
    return any(n and source_names_match(fact.source, n, places=places) for n in names)


def _agreement(fact: GoldFact, claim: model.Claim) -> int:
    return (
        (fact.stance is not None and claim.stance == fact.stance)
        + (fact.source_kind is not None and claim.source.kind.value == fact.source_kind)
        + same_affiliation(fact, claim)
    )


def same_affiliation(fact: GoldFact, claim: model.Claim) -> bool:
    return code_key(claim.source.affiliation or "") == code_key(fact.affiliation or "")


def _giving(
    fact: GoldFact, claims: Sequence[model.Claim], *, places: Places, country: str | None, home: str | None
) -> list[model.Claim]:
    """The claims that give the gold statement's attribute and value."""
    return [
        c
        for c in claims
        if c.attribute == fact.attribute
        and values_match(fact.value, c.value, places=places, country=country, home=home)
    ]


def score_attribution(
    gold: GoldSet,
    alignment: Alignment,
    analysis: model.Analysis,
    *,
    places: Places,
) -> AttributionScores:
    outlets: Mapping[str, str | None] = {r.id: r.outlet for r in analysis.reports}
    all_claims: dict[str, list[model.Claim]] = {}
    for incident in analysis.incidents:
        for claim in incident.claims:
            all_claims.setdefault(claim.report_id, []).append(claim)
    stance, kind, affiliation, name = Accuracy(), Accuracy(), Accuracy(), Accuracy()
    found = 0
    statements = gold.facts()
    for report_id, key, fact in statements:
        country, home = gold.incidents[key].country, gold.incidents[key].place
        candidates = _giving(
            fact, alignment.claims(report_id, key), places=places, country=country, home=home
        ) or _giving(fact, all_claims.get(report_id, []), places=places, country=country, home=home)
        if not candidates:
            continue
        found += 1
        outlet = outlets.get(report_id)
        chosen = max(
            candidates,
            key=lambda c: (same_source(fact, c, outlet=outlet, places=places), _agreement(fact, c)),
        )
        if fact.stance is not None:
            stance = stance.judge(chosen.stance == fact.stance)
        if fact.source_kind is not None:
            kind = kind.judge(chosen.source.kind.value == fact.source_kind)
        if fact.source is not None:
            affiliation = affiliation.judge(same_affiliation(fact, chosen))
            name = name.judge(same_source(fact, chosen, outlet=outlet, places=places))
    return AttributionScores(
        gold_statements=len(statements),
        found=found,
        stance=stance,
        source_kind=kind,
        affiliation=affiliation,
        source_name=name,
    )

"""Where sources disagree about one incident, typed and explained in a sentence.

Not contradictions: the same value in other words (grouped as variants), a vague number
that contains an exact one ("several" and 3), a launch count next to an interception
count (different attributes), several targets or weapons (unless two sides describe them
in classes the other never uses, or one source denies what another says was hit), several
interception methods (unless one is denied), and a number revised later (updates.py takes
those out before this module sees the values; a source that gives two figures in reports
whose order is unknown is left out here too).
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborator import model
from corroborator.reconcile.values import Group, compatible, describe
from corroborator.reconcile.vocabulary import DisputeVocabulary, packaged

A = model.Attribute
K = model.ContradictionKind


def find_contradictions(
    attribute: model.Attribute,
    groups: Sequence[Group],
    vocabulary: DisputeVocabulary | None = None,
    *,
    party_denials: Sequence[model.Claim] = (),
) -> list[model.Contradiction]:
    """The contradictions among one attribute's value groups; `vocabulary` says which weapon
    and target descriptions dispute each other (the packaged lexicon when not given);
    `party_denials` are the incident's denials of responsibility ("we did not strike the
    market" from the side blamed disputes who struck, not what was hit)."""
    if attribute == A.RESPONSIBLE_PARTY:
        return _attribution(groups)
    if attribute in (A.TARGET, A.WEAPON):
        return _disputed_description(attribute, groups, vocabulary or packaged(), party_denials)
    if attribute == A.INTERCEPTION_METHOD:
        return _disputed_method(groups)
    found = []
    for i, first in enumerate(groups):
        for second in groups[i + 1 :]:
            a, b = first.asserting, second.asserting
            if not a or not b or compatible(attribute, a[0], b[0]):
                continue
            if _same_single_source(a, b):
                continue  # a revision by the same source is an update, not a conflict
            found.append(_contradiction(_kind(attribute, first, second), attribute, a, b))
    return found


def _attribution(groups: Sequence[Group]) -> list[model.Contradiction]:
    """A party blamed by some sources and denied by others, or different parties blamed.

    A source that tells of its side's strike and denies, in the same report, that its side
    struck ("the FACA conducted a precision strike against a 3R base ... The FACA did not strike
    any herders' camp") denies what was hit, not who struck: that denial disputes no blame."""
    found = []
    for group in groups:
        claimed = {(c.report_id, c.source.key) for c in group.asserting}
        denying = [c for c in group.denying if (c.report_id, c.source.key) not in claimed]
        if group.asserting and denying:
            found.append(
                _contradiction(
                    K.ATTRIBUTION,
                    A.RESPONSIBLE_PARTY,
                    group.asserting,
                    denying,
                    verb_b="deny",
                )
            )
    blamed = [g for g in groups if g.asserting]
    for i, first in enumerate(blamed):
        for second in blamed[i + 1 :]:
            found.append(
                _contradiction(
                    K.ATTRIBUTION, A.RESPONSIBLE_PARTY, first.asserting, second.asserting
                )
            )
    return found


def _disputed_method(groups: Sequence[Group]) -> list[model.Contradiction]:
    """Air defence and jamming often share one night's work, so two methods named conflict
    with nothing. A method some sources give and others deny ("they were not shot down, they
    were put down by electronic warfare") is disputed."""
    return [
        _contradiction(K.CATEGORICAL, A.INTERCEPTION_METHOD, group.asserting, group.denying, verb_b="deny")
        for group in groups
        if group.asserting and group.denying
    ]


def _disputed_description(
    attribute: model.Attribute,
    groups: Sequence[Group],
    vocabulary: DisputeVocabulary,
    party_denials: Sequence[model.Claim],
) -> list[model.Contradiction]:
    """Several targets or weapons can all be true of one attack, so differing values alone
    conflict with nothing. But when two sides of the conflict each describe it in classes the
    other never uses (a military facility against port infrastructure; glide bombs against a
    stray air defence missile), they dispute what happened. Sources of unknown side are left
    out: a witness naming only the drone does not deny the missile."""
    by_side: dict[str, dict[str, list[model.Claim]]] = {}
    for group in groups:
        for claim in group.asserting:
            kind = _description_class(attribute, claim.value, vocabulary)
            side = claim.source.affiliation
            if kind is not None and side is not None:
                by_side.setdefault(side, {}).setdefault(kind, []).append(claim)
    found = []
    sides = sorted(by_side)
    for i, first in enumerate(sides):
        for second in sides[i + 1 :]:
            mine, theirs = by_side[first], by_side[second]
            if set(mine) & set(theirs):
                continue
            a = [c for claims in mine.values() for c in claims]
            b = [c for claims in theirs.values() for c in claims]
            if _object_words(a) & _object_words(b):
                # "port infrastructure used by the army" and "a port infrastructure enterprise":
                # one object, which one side says served the military; a justification, not
                # a dispute over what was hit.
                continue
            found.append(_contradiction(K.CATEGORICAL, attribute, a, b))
    return found or _denied_descriptions(attribute, groups, party_denials)


def _denied_descriptions(
    attribute: model.Attribute, groups: Sequence[Group], party_denials: Sequence[model.Claim]
) -> list[model.Contradiction]:
    """What one source says was hit (or used) and another says was not: "positions of the
    militia" against "there were no fighters in the town", "we did not strike any camp"
    against "a herders' camp was hit". Unlike two descriptions in different classes, a
    denial disputes the other's very words, whoever makes it, a witness included; but not
    from a side that denies the attack was its own ("our forces did not strike the market"
    is its answer to the blame)."""
    disowning = {c.source.key for c in party_denials}
    disowned = {c.value.code for c in party_denials if isinstance(c.value, model.Label)}
    found = []
    for group in groups:
        asserting = group.asserting
        asserters = {a.source.key for a in asserting}
        denying = [
            c
            for c in group.denying
            if c.source.key not in asserters
            and c.source.key not in disowning
            and c.source.affiliation not in disowned
        ]
        if asserting and denying:
            found.append(_contradiction(K.CATEGORICAL, attribute, asserting, denying, verb_b="deny"))
    return found


def _object_words(claims: Sequence[model.Claim]) -> set[str]:
    """Common nouns and adjectives of the claims' wording (names left out: two sides both
    naming the city say nothing about whether they mean one object)."""
    words: set[str] = set()
    for claim in claims:
        if isinstance(claim.value, model.Label):
            words |= {w for w in claim.value.text.split() if w.isalpha() and w.islower() and len(w) > 3}
    return words - _FILLER_WORDS


_FILLER_WORDS = frozenset({"with", "used", "from", "that", "where", "which", "their", "this", "were"})


def _description_class(attribute: model.Attribute, value: object, vocabulary: DisputeVocabulary) -> str | None:
    if not isinstance(value, model.Label):
        return None
    if attribute == A.WEAPON:
        kind = value.category or value.code
        return vocabulary.weapon_family(kind)
    if value.code == "military":
        return "military"
    return "not military" if value.code in vocabulary.not_military else None


def _kind(attribute: model.Attribute, a: Group, b: Group) -> model.ContradictionKind:
    if attribute == A.TIME:
        return K.TEMPORAL
    if attribute == A.DAMAGE:
        nothing = [isinstance(g.value, model.Label) and g.value.code == "none" for g in (a, b)]
        return K.POLARITY if any(nothing) else K.CATEGORICAL  # "none" vs a fire; minor vs destroyed
    if attribute.numeric:
        zero = [isinstance(g.value, model.Quantity) and g.value.max == 0 for g in (a, b)]
        return K.POLARITY if any(zero) and not all(zero) else K.NUMERIC
    return K.CATEGORICAL


def _same_single_source(a: Sequence[model.Claim], b: Sequence[model.Claim]) -> bool:
    sources = {c.source.key for c in a} | {c.source.key for c in b}
    return (
        len(sources) == 1
        and not sources & {"footage:unverified"}
        and len({c.report_id for c in (*a, *b)}) > 1
    )


def _contradiction(
    kind: model.ContradictionKind,
    attribute: model.Attribute,
    a: Sequence[model.Claim],
    b: Sequence[model.Claim],
    *,
    verb_b: str = "say",
) -> model.Contradiction:
    reports = {c.report_id for c in (*a, *b)}
    return model.Contradiction(
        kind=kind,
        attribute=attribute,
        within_report=len(reports) == 1,
        claim_ids=tuple(c.id for c in a),
        against_ids=tuple(c.id for c in b),
        explanation=_explain(kind, attribute, a, b, verb_b=verb_b),
    )


def _who(claims: Sequence[model.Claim]) -> str:
    names = list(dict.fromkeys(c.source.name for c in claims))
    reports = sorted({c.report_id for c in claims})
    who = " and ".join(names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")
    return f"{who} ({', '.join(reports)})"


def _explain(
    kind: model.ContradictionKind,
    attribute: model.Attribute,
    a: Sequence[model.Claim],
    b: Sequence[model.Claim],
    *,
    verb_b: str,
) -> str:
    first, second = a[0], b[0]
    label = attribute.value.replace("_", " ")
    if kind == K.ATTRIBUTION and verb_b == "deny":
        return (
            f'{_who(a)} hold {describe(first.value)} responsible ("{first.evidence.text}"); '
            f'{_who(b)} deny it ("{second.evidence.text}").'
        )
    where = "within one report" if len({c.report_id for c in (*a, *b)}) == 1 else "across reports"
    return (
        f"{kind.value.capitalize()} contradiction on {label} {where}: {_who(a)} say {describe(first.value)} "
        f'("{first.evidence.text}"), {_who(b)} {verb_b} {describe(second.value)} ("{second.evidence.text}").'
    )

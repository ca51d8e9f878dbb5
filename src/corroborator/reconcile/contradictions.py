"""Where sources disagree about one incident, typed and explained in a sentence.

Not contradictions: the same value in other words (grouped as variants), a vague number
that contains an exact one ("several" and 3), a launch count next to an interception
count (different attributes), several targets or weapons, and a number revised later
(updates.py takes those out before this module sees the values; a source that gives two
figures in reports whose order is unknown is left out here too).
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborator import model
from corroborator.reconcile.values import Group, compatible, describe

A = model.Attribute
K = model.ContradictionKind


def find_contradictions(
    attribute: model.Attribute, groups: Sequence[Group]
) -> list[model.Contradiction]:
    if attribute == A.RESPONSIBLE_PARTY:
        return _attribution(groups)
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
    """A party blamed by some sources and denied by others, or different parties blamed."""
    found = []
    for group in groups:
        if group.asserting and group.denying:
            found.append(
                _contradiction(
                    K.ATTRIBUTION,
                    A.RESPONSIBLE_PARTY,
                    group.asserting,
                    group.denying,
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


def _kind(attribute: model.Attribute, a: Group, b: Group) -> model.ContradictionKind:
    if attribute == A.TIME:
        return K.TEMPORAL
    if attribute == A.DAMAGE:
        return K.POLARITY
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

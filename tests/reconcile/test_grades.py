"""Grades: the ladder on independent origins, with reasons in words."""

from __future__ import annotations

from collections.abc import Callable

from corroborator import model
from corroborator.reconcile.contradictions import find_contradictions
from corroborator.reconcile.grades import grade_fact
from corroborator.reconcile.values import group_claims

A = model.Attribute
G = model.GradeLevel
Claim = Callable[..., model.Claim]


def grade(
    attribute: model.Attribute,
    claims: list[model.Claim],
    relays: frozenset[str] = frozenset(),
    defender: str | None = "UA",
) -> model.Grade:
    groups = group_claims(claims)
    return grade_fact(
        attribute,
        groups[0],
        find_contradictions(attribute, groups),
        relays=relays,
        defender=defender,
        attacker=None,
    )


def test_grades_single_source(claim: Claim) -> None:
    result = grade(A.LAUNCHED, [claim(A.LAUNCHED, 5, source="residents")])
    assert result.level == G.SINGLE_SOURCE and "residents" in result.reason


def test_grades_one_side_only_is_party_claim(claim: Claim) -> None:
    result = grade(
        A.INTERCEPTED,
        [claim(A.INTERCEPTED, 2, source="ru_mod"), claim(A.INTERCEPTED, 2, source="ru_tass")],
    )
    assert result.level == G.PARTY_CLAIM and "RU" in result.reason


def test_grades_different_affiliations_confirm(claim: Claim) -> None:
    result = grade(
        A.LAUNCHED, [claim(A.LAUNCHED, 40, source="ua_af"), claim(A.LAUNCHED, 40, source="wire")]
    )
    assert result.level == G.CONFIRMED


def test_grades_two_neutral_sources_corroborate(claim: Claim) -> None:
    result = grade(
        A.LAUNCHED, [claim(A.LAUNCHED, 7, source="wire"), claim(A.LAUNCHED, 7, source="residents")]
    )
    assert result.level == G.CORROBORATED


def test_grades_admission_by_harmed_side_confirms(claim: Claim) -> None:
    result = grade(A.HIT, [claim(A.HIT, 3, source="ua_official")], defender="UA")
    assert result.level == G.CONFIRMED and "admitted" in result.reason


def test_grades_relays_count_once(claim: Claim) -> None:
    own_voice = claim(A.LAUNCHED, 5, source="outlet", attributed=False)
    cited = claim(A.LAUNCHED, 5, source="residents")
    assert (
        grade(A.LAUNCHED, [own_voice, cited], relays=frozenset({"outlet:daily"})).level
        == G.SINGLE_SOURCE
    )


def test_grades_speculation_does_not_corroborate(claim: Claim) -> None:
    sure = claim(A.LAUNCHED, 2, source="ru_mod")
    guess = claim(A.LAUNCHED, 2, source="wire", stance=model.Stance.SPECULATES)
    assert grade(A.LAUNCHED, [sure, guess]).level == G.SINGLE_SOURCE


def test_grades_contradiction_makes_contested(claim: Claim) -> None:
    result = grade(
        A.DAMAGE,
        [
            claim(A.DAMAGE, "none", source="ru_mod"),
            claim(A.DAMAGE, "significant", source="residents"),
        ],
    )
    assert result.level == G.CONTESTED and "polarity" in result.reason


def test_grades_a_value_only_denied_is_contested_with_the_denier_named(claim: Claim) -> None:
    result = grade(A.TARGET, [claim(A.TARGET, "civilian", source="ru_mod", stance=model.Stance.DENIES)])
    assert result.level == G.CONTESTED and "no source asserts it" in result.reason
    assert "Russian Ministry of Defence" in result.reason

"""Contradictions: what conflicts, what is only a variant, and how it is explained."""

from __future__ import annotations

from collections.abc import Callable

from corroborator import model
from corroborator.reconcile.contradictions import find_contradictions
from corroborator.reconcile.values import group_claims
from tests.reconcile.conftest import interval

A = model.Attribute
K = model.ContradictionKind
Claim = Callable[..., model.Claim]


def kinds(attribute: model.Attribute, claims: list[model.Claim]) -> list[K]:
    return [c.kind for c in find_contradictions(attribute, group_claims(claims))]


def test_contradictions_numeric_counts_across_reports(claim: Claim) -> None:
    found = find_contradictions(
        A.INTERCEPTED,
        group_claims(
            [
                claim(A.INTERCEPTED, 38, source="ua_af", report="r1"),
                claim(A.INTERCEPTED, 12, source="ru_mod", report="r2"),
            ]
        ),
    )
    assert [c.kind for c in found] == [K.NUMERIC]
    assert not found[0].within_report
    assert (
        "Ukrainian Air Force" in found[0].explanation
        and "Russian Ministry of Defence" in found[0].explanation
    )


def test_contradictions_vague_number_containing_exact_is_not_one(claim: Claim) -> None:
    several = claim(A.HIT, model.Quantity(min=2, max=9), source="residents")
    assert kinds(A.HIT, [several, claim(A.HIT, 3, source="ua_official")]) == []


def test_contradictions_at_least_is_open_ended(claim: Claim) -> None:
    assert (
        kinds(
            A.INJURED,
            [
                claim(A.INJURED, model.Quantity(min=6, max=None)),
                claim(A.INJURED, 7, source="ua_af"),
            ],
        )
        == []
    )


def test_contradictions_zero_versus_some_is_polarity(claim: Claim) -> None:
    assert kinds(
        A.INJURED, [claim(A.INJURED, 0, source="ru_mod"), claim(A.INJURED, 1, source="residents")]
    ) == [K.POLARITY]


def test_contradictions_no_damage_versus_fire_is_polarity(claim: Claim) -> None:
    found = kinds(
        A.DAMAGE,
        [
            claim(A.DAMAGE, "none", source="ru_mod"),
            claim(A.DAMAGE, "significant", source="residents"),
        ],
    )
    assert found == [K.POLARITY]


def test_contradictions_damage_levels_above_none_are_compatible(claim: Claim) -> None:
    assert (
        kinds(A.DAMAGE, [claim(A.DAMAGE, "minor"), claim(A.DAMAGE, "damaged", source="ru_mod")])
        == []
    )


def test_contradictions_wording_variants_group_together(claim: Claim) -> None:
    a = claim(
        A.INTERCEPTION_METHOD,
        model.Label(code="electronic_warfare", text="radar warfare systems"),
        source="ru_mod",
    )
    b = claim(
        A.INTERCEPTION_METHOD,
        model.Label(code="electronic_warfare", text="jamming"),
        source="ru_tass",
    )
    groups = group_claims([a, b])
    assert len(groups) == 1 and find_contradictions(A.INTERCEPTION_METHOD, groups) == []


def test_contradictions_blame_and_denial_is_attribution(claim: Claim) -> None:
    blame = claim(A.RESPONSIBLE_PARTY, "UA", source="ru_mod")
    denial = claim(A.RESPONSIBLE_PARTY, "UA", source="ua_official", stance=model.Stance.DENIES)
    (found,) = find_contradictions(A.RESPONSIBLE_PARTY, group_claims([blame, denial]))
    assert found.kind == K.ATTRIBUTION and "deny" in found.explanation


def test_contradictions_a_side_telling_its_strike_and_denying_a_target_disputes_no_blame(claim: Claim) -> None:
    # "the army conducted a strike on a militant base ... the army did not strike any camp":
    # the denial is about what was hit; another source's denial still disputes the blame
    ours = claim(A.RESPONSIBLE_PARTY, "UA", source="ua_official", report="r2")
    not_the_camp = claim(A.RESPONSIBLE_PARTY, "UA", source="ua_official", report="r2", stance=model.Stance.DENIES)
    blame = claim(A.RESPONSIBLE_PARTY, "UA", source="ru_mod", report="r1")
    assert find_contradictions(A.RESPONSIBLE_PARTY, group_claims([blame, ours, not_the_camp])) == []
    other = claim(A.RESPONSIBLE_PARTY, "UA", source="wire", report="r3", stance=model.Stance.DENIES)
    found = find_contradictions(A.RESPONSIBLE_PARTY, group_claims([blame, ours, not_the_camp, other]))
    assert [c.kind for c in found] == [K.ATTRIBUTION]
    assert found[0].against_ids == (other.id,)


def test_contradictions_pm_versus_am_within_one_report_is_temporal(claim: Claim) -> None:
    pm = claim(
        A.TIME,
        model.TimeValue(
            interval=interval(
                "2000-05-03T14:27", "2000-05-03T14:28", model.TimePrecision.MINUTE, False
            ),
            value="XXXX-05-03T14:27",
            clock="14:27",
        ),
        words="2:27 pm",
    )
    am = claim(
        A.TIME,
        model.TimeValue(
            interval=interval(
                "2000-05-03T02:30", "2000-05-03T02:31", model.TimePrecision.MINUTE, False
            ),
            value="XXXX-05-03T02:30",
            clock="02:30",
        ),
        source="residents",
        words="around 2:30 am",
    )
    night = claim(
        A.TIME,
        model.TimeValue(
            interval=interval("2000-05-02T18:00", "2000-05-03T06:00", year_known=False),
            value="XXXX-05-02TNI",
        ),
        source="ru_mod",
        words="last night",
    )
    found = find_contradictions(A.TIME, group_claims([pm, am, night]))
    assert {c.kind for c in found} == {K.TEMPORAL}
    assert all(c.within_report for c in found)
    # the am reading fits the night; only the pm clock conflicts
    assert all(pm.id in (*c.claim_ids, *c.against_ids) for c in found)


def test_contradictions_same_source_revising_is_an_update_not_a_conflict(claim: Claim) -> None:
    early = claim(A.KILLED, 2, source="ua_official", report="r1")
    later = claim(A.KILLED, 4, source="ua_official", report="r2")
    assert kinds(A.KILLED, [early, later]) == []


def test_contradictions_counts_of_different_weapons_are_two_parts_of_one_attack(claim: Claim) -> None:
    drones = claim(A.LAUNCHED, model.Quantity(min=54, max=54, counted="drone"), source="ua_af", report="r1")
    missiles = claim(A.LAUNCHED, model.Quantity(min=2, max=2, counted="missile"), source="ua_af", report="r2")
    unnamed = claim(A.LAUNCHED, 30, source="ru_mod", report="r3")
    assert kinds(A.LAUNCHED, [drones, missiles]) == []
    # a count that does not say what it counts still competes with both
    assert kinds(A.LAUNCHED, [drones, unnamed]) == [K.NUMERIC]


def test_contradictions_equal_counts_of_different_weapons_are_not_one_value(claim: Claim) -> None:
    drones = claim(A.HIT, model.Quantity(min=2, max=2, counted="drone"), source="ua_af", report="r1")
    missiles = claim(A.HIT, model.Quantity(min=2, max=2, counted="missile"), source="residents", report="r2")
    assert len(group_claims([drones, missiles])) == 2


def label(code: str, *, about: str | None = None, category: str | None = None) -> model.Label:
    return model.Label(code=code, text=code, about=about, category=category)


def test_contradictions_sides_disputing_what_was_hit(claim: Claim) -> None:
    military = claim(A.TARGET, "military", source="ru_mod", report="r1")
    port = claim(A.TARGET, "transport", source="ua_official", report="r2")
    homes = claim(A.TARGET, "residential", source="ua_af", report="r3")
    assert kinds(A.TARGET, [military, port, homes]) == [K.CATEGORICAL]
    # one side naming both kinds of target does not dispute the other
    both = claim(A.TARGET, "military", source="ua_af", report="r4")
    assert kinds(A.TARGET, [military, port, both]) == []
    # the same side, or a source of no side, adds a target rather than disputing one
    assert kinds(A.TARGET, [claim(A.TARGET, "military", source="ua_af"), port]) == []
    assert kinds(A.TARGET, [military, claim(A.TARGET, "residential", source="residents")]) == []


def test_contradictions_sides_disputing_the_weapon(claim: Claim) -> None:
    bombs = claim(A.WEAPON, label("kab", category="glide_bomb"), source="ua_official", report="r1")
    missile = claim(A.WEAPON, label("missile", category="missile"), source="ru_mod", report="r2")
    assert kinds(A.WEAPON, [bombs, missile]) == [K.CATEGORICAL]


def test_contradictions_weapon_words_that_describe_one_another_are_not_a_dispute(claim: Claim) -> None:
    sea_drones = claim(A.WEAPON, label("usv", category="naval_drone"), source="ru_mod", report="r1")
    drones = claim(A.WEAPON, label("drone", category="drone"), source="ua_official", report="r2")
    aircraft = claim(A.WEAPON, label("aircraft", category="aircraft"), source="ru_mod", report="r3")
    assert kinds(A.WEAPON, [sea_drones, drones]) == []
    assert kinds(A.WEAPON, [aircraft, drones]) == []


def test_contradictions_minor_against_severe_damage(claim: Claim) -> None:
    minor = claim(A.DAMAGE, label("minor", about="bridge"), source="ru_mod", report="r1")
    span = claim(A.DAMAGE, label("destroyed", about="span"), source="ua_official", report="r2")
    fire = claim(A.DAMAGE, label("significant"), source="residents", report="r3")
    # opposing sides describe the same damage in their own terms
    assert kinds(A.DAMAGE, [minor, span]) == [K.CATEGORICAL]
    # a fire said of the whole incident does not square with minor damage
    assert kinds(A.DAMAGE, [minor, fire]) == [K.CATEGORICAL]
    # a destroyed car next to a slightly damaged bridge, from one side: two objects
    car = claim(A.DAMAGE, label("destroyed", about="car"), source="ru_tass", report="r4")
    assert kinds(A.DAMAGE, [minor, car]) == []


def test_contradictions_one_object_said_to_serve_the_military_is_not_a_dispute(claim: Claim) -> None:
    used = claim(A.TARGET, model.Label(code="military", text="port infrastructure used by the army"), source="ru_mod")
    port = claim(A.TARGET, model.Label(code="transport", text="a port infrastructure enterprise"), source="ua_official")
    assert kinds(A.TARGET, [used, port]) == []


def test_contradictions_interception_methods_conflict_only_when_one_is_denied(claim: Claim) -> None:
    shot = claim(A.INTERCEPTION_METHOD, "air_defence", source="ua_af", report="r1")
    jammed = claim(A.INTERCEPTION_METHOD, "electronic_warfare", source="ua_af", report="r1")
    # some shot down, others jammed: one night's work, not a dispute
    assert kinds(A.INTERCEPTION_METHOD, [shot, jammed]) == []
    not_shot = claim(A.INTERCEPTION_METHOD, "air_defence", source="residents", report="r2", stance=model.Stance.DENIES)
    assert kinds(A.INTERCEPTION_METHOD, [shot, jammed, not_shot]) == [K.CATEGORICAL]


def test_contradictions_a_national_total_is_no_rival_to_a_local_count(claim: Claim) -> None:
    local = claim(A.LAUNCHED, 11, source="ua_official", report="r1")
    national = claim(A.LAUNCHED, model.Quantity(min=64, max=64, scope="country"), source="ua_af", report="r2")
    assert kinds(A.LAUNCHED, [local, national]) == []
    other_national = claim(A.LAUNCHED, model.Quantity(min=40, max=40, scope="country"), source="ru_mod", report="r3")
    assert kinds(A.LAUNCHED, [national, other_national]) == [K.NUMERIC]


def test_contradictions_a_denial_of_what_was_hit_disputes_it_whoever_makes_it(claim: Claim) -> None:
    positions = claim(A.TARGET, "military", source="ua_af", report="r1")
    no_fighters = claim(A.TARGET, "military", source="residents", report="r2", stance=model.Stance.DENIES)
    assert kinds(A.TARGET, [positions, no_fighters]) == [K.CATEGORICAL]
    # the same source naming what was and was not there disputes nothing
    assert kinds(A.TARGET, [positions, claim(A.TARGET, "military", source="ua_af", stance=model.Stance.DENIES)]) == []


def test_contradictions_the_blamed_side_denying_the_target_disputes_who_struck(claim: Claim) -> None:
    market = claim(A.TARGET, "civilian", source="ua_official", report="r1")
    not_the_market = claim(A.TARGET, "civilian", source="ru_mod", report="r2", stance=model.Stance.DENIES)
    not_us = claim(A.RESPONSIBLE_PARTY, "RU", source="ru_mod", report="r2", stance=model.Stance.DENIES)
    groups = group_claims([market, not_the_market])
    assert [c.kind for c in find_contradictions(A.TARGET, groups)] == [K.CATEGORICAL]
    assert find_contradictions(A.TARGET, groups, party_denials=[not_us]) == []

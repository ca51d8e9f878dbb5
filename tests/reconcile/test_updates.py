"""Updates: a count revised later is superseded, not contradicted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from corroborator import model
from corroborator.config import Settings
from corroborator.pipeline import Pipeline
from corroborator.reconcile.updates import Moments, find_updates
from corroborator.serve.render import markdown_dossier

A = model.Attribute
Claim = Callable[..., model.Claim]

MOMENTS = Moments(
    {
        "morning": datetime.fromisoformat("2024-11-06T08:00:00+02:00"),
        "evening": datetime.fromisoformat("2024-11-06T19:00:00+02:00"),
        "next_day": date(2024, 11, 7),
        "same_day": date(2024, 11, 6),
        "undated": None,
    }
)


def revised(made: model.Claim) -> model.Claim:
    return made.model_copy(update={"revised": True})


def test_updates_same_source_in_a_later_report_supersedes(claim: Claim) -> None:
    first = claim(A.INJURED, 1, source="ua_official", report="morning")
    second = claim(A.INJURED, 3, source="ua_official", report="evening")
    updates, superseded = find_updates(A.INJURED, [second, first], MOMENTS)
    assert superseded == {first.id}
    (update,) = updates
    assert update.earlier_ids == (first.id,) and update.later_ids == (second.id,)
    assert "went from 1" in update.explanation and "to 3" in update.explanation


def test_updates_same_source_lowering_later_is_still_its_latest_word(claim: Claim) -> None:
    first = claim(A.KILLED, 5, source="ua_official", report="morning")
    second = claim(A.KILLED, 4, source="ua_official", report="evening")
    _, superseded = find_updates(A.KILLED, [first, second], MOMENTS)
    assert superseded == {first.id}


def test_updates_other_sources_at_other_times_still_conflict(claim: Claim) -> None:
    first = claim(A.INJURED, 1, source="ua_official", report="morning")
    second = claim(A.INJURED, 3, source="wire", report="evening")
    assert find_updates(A.INJURED, [first, second], MOMENTS) == ([], frozenset())


def test_updates_a_statement_that_the_toll_rose_supersedes_lower_figures_that_day(claim: Claim) -> None:
    lower = claim(A.KILLED, 2, source="wire", report="same_day")
    same_report = claim(A.KILLED, 1, source="ua_official", report="evening")
    rose = revised(claim(A.KILLED, 5, source="ua_official", report="evening"))
    _, superseded = find_updates(A.KILLED, [lower, same_report, rose], MOMENTS)
    assert superseded == {lower.id, same_report.id}


def test_updates_a_rise_does_not_reach_later_days_or_higher_figures(claim: Claim) -> None:
    rose = revised(claim(A.KILLED, 5, source="ua_official", report="evening"))
    next_day = claim(A.KILLED, 2, source="wire", report="next_day")
    higher = claim(A.KILLED, 9, source="ru_mod", report="morning")
    undated = claim(A.KILLED, 1, source="residents", report="undated")
    assert find_updates(A.KILLED, [rose, next_day, higher, undated], MOMENTS) == ([], frozenset())


def test_updates_same_day_dates_give_no_order_for_one_source(claim: Claim) -> None:
    first = claim(A.INJURED, 1, source="ua_official", report="same_day")
    second = claim(A.INJURED, 3, source="ua_official", report="evening")
    assert find_updates(A.INJURED, [first, second], MOMENTS)[1] == frozenset()


def test_updates_loose_sources_are_never_the_same_speaker_twice(claim: Claim) -> None:
    first = claim(A.INJURED, 1, source="residents", report="morning")
    second = claim(A.INJURED, 3, source="residents", report="evening")
    assert find_updates(A.INJURED, [first, second], MOMENTS)[1] == frozenset()


def test_updates_compatible_figures_are_no_update(claim: Claim) -> None:
    several = claim(A.INJURED, model.Quantity(min=2, max=9), source="ua_official", report="morning")
    exact = claim(A.INJURED, 3, source="ua_official", report="evening")
    assert find_updates(A.INJURED, [several, exact], MOMENTS) == ([], frozenset())


def test_updates_end_to_end_a_rising_toll_is_shown_as_an_update(settings: Settings) -> None:
    reports = [
        model.Report(
            id="early",
            outlet="Dnipro Daily",
            published="2024-11-06T08:00:00+02:00",
            text="A Russian drone hit a warehouse in Dnipro overnight. One worker was injured, the governor said.",
        ),
        model.Report(
            id="late",
            outlet="Steppe Wire",
            published="2024-11-06T18:30:00+02:00",
            text="The number of people injured in the overnight drone strike on a warehouse in Dnipro "
            "has risen to three, the governor said.",
        ),
    ]
    analysis = Pipeline(settings).analyze(reports)
    (incident,) = analysis.incidents
    injured = incident.fact(A.INJURED)
    assert injured is not None and injured.value == model.Quantity(min=3, max=3)
    assert [g.superseded for g in injured.groups if g.value == model.Quantity(min=1, max=1)] == [True]
    assert not [c for c in incident.contradictions if c.attribute == A.INJURED]
    (update,) = incident.updates
    assert "went from 1" in update.explanation and "to 3" in update.explanation
    assert "Updates (not contradictions)" in markdown_dossier(incident)



def test_updates_a_later_higher_toll_from_the_same_side_is_an_update(claim: Claim) -> None:
    early = claim(A.INJURED, 13, source="ua_official", report="morning")
    late = claim(A.INJURED, 25, source="ua_af", report="evening")
    _, superseded = find_updates(A.INJURED, [early, late], MOMENTS)
    assert superseded == {early.id}
    other_side = claim(A.INJURED, 30, source="ru_mod", report="evening")
    assert find_updates(A.INJURED, [early, other_side], MOMENTS) == ([], frozenset())
    lower_later = claim(A.INJURED, 9, source="ua_af", report="evening")
    assert find_updates(A.INJURED, [early, lower_later], MOMENTS) == ([], frozenset())

"""An incident's ACLED type: the reports that say which kind outweigh those that only heard it."""

from __future__ import annotations

from corroborator import model
from corroborator.reconcile.stage import _event_type

EXPLOSIONS = ("Explosions/Remote violence", "Remote explosive/landmine/IED")
MISSILES = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def frame(n: int, types: tuple[str, str], *, typed: bool, primary: bool = True) -> model.Frame:
    return model.Frame(
        id=f"r{n}#f1",
        report_id=f"r{n}",
        event_type=types[0],
        sub_event_type=types[1],
        typed_by_weapon=typed,
        mentions=(),
        primary=primary,
    )


def test_event_type_one_report_naming_the_weapon_outweighs_two_that_heard_explosions() -> None:
    heard = [frame(1, EXPLOSIONS, typed=False), frame(2, EXPLOSIONS, typed=False)]
    named = frame(3, MISSILES, typed=True)
    assert _event_type([*heard, named]) == MISSILES
    assert _event_type([*heard, frame(4, MISSILES, typed=False)]) == EXPLOSIONS


def test_event_type_reports_that_only_heard_explosions_do_not_outvote_a_named_weapon() -> None:
    # Three main reports heard explosions (2 votes each), one names the missiles (6): a tie
    # before; the explosions never said it was not a missile.
    heard = [frame(n, EXPLOSIONS, typed=False) for n in (1, 2, 3)]
    named = frame(4, MISSILES, typed=True)
    assert _event_type([*heard, named]) == MISSILES
    assert _event_type([named, *heard, frame(5, EXPLOSIONS, typed=False)]) == MISSILES


def test_event_type_a_named_weapon_does_not_absorb_an_interception() -> None:
    interception = ("Strategic developments", "Disrupted weapons use")
    interceptions = [frame(n, interception, typed=False) for n in (1, 2, 3, 4)]
    assert _event_type([*interceptions, frame(5, MISSILES, typed=True)]) == interception

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

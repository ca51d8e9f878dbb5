"""Incident time: claims stated in another zone moved to the place's local time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from corroborator import model
from corroborator.reconcile.timing import local_zone, localise
from tests.reconcile.conftest import interval

Claim = Callable[..., model.Claim]

AGUILILLA = model.Place(id="x:aguililla", name="Aguililla", kind="town", timezone="America/Mexico_City")


def stated(value: str, clock: str, zone: str | None) -> model.TimeValue:
    """A one-minute reading at `value` ("2026-10-15T13:30"), stated in `zone`."""
    start = datetime.fromisoformat(value)
    minute = interval(start.isoformat(), (start + timedelta(minutes=1)).isoformat(), model.TimePrecision.MINUTE)
    return model.TimeValue(interval=minute, value=value, clock=clock, timezone=zone)


def test_timing_a_clock_in_another_zone_is_told_in_local_time(claim: Claim) -> None:
    # 13:30 GMT and 9:30 a.m. at UTC-4 are both 07:30 in Michoacán (UTC-6); the value says so too
    (gmt, offset, local) = localise(
        [
            claim(model.Attribute.TIME, stated("2026-10-15T13:30", "13:30", "UTC")),
            claim(model.Attribute.TIME, stated("2026-10-15T09:30", "09:30", "UTC-04:00")),
            claim(model.Attribute.TIME, stated("2026-10-15T07:40", "07:40", None)),
        ],
        AGUILILLA,
    )
    for moved in (gmt, offset):
        assert isinstance(moved.value, model.TimeValue)
        assert (moved.value.value, moved.value.clock, moved.value.timezone) == ("2026-10-15T07:30", "07:30", None)
        assert moved.value.interval.start.hour == 7
        assert moved.note is not None and "converted to America/Mexico_City" in moved.note
    assert isinstance(local.value, model.TimeValue)
    assert (local.value.value, local.note) == ("2026-10-15T07:40", None)


def test_timing_a_clock_converted_across_midnight_moves_its_day(claim: Claim) -> None:
    kyiv = model.Place(id="x:kyiv", name="Kyiv", kind="city", timezone="Europe/Kyiv")
    (moved,) = localise([claim(model.Attribute.TIME, stated("2026-11-03T22:20", "22:20", "UTC"))], kyiv)
    assert isinstance(moved.value, model.TimeValue)
    assert (moved.value.value, moved.value.clock) == ("2026-11-04T00:20", "00:20")


def test_timing_a_place_with_no_zone_takes_the_shores(claim: Claim) -> None:
    red_sea = model.Place(id="x:red-sea", name="Red Sea", kind="sea")
    hodeidah = model.Place(id="x:hodeidah", name="Hodeidah", kind="city", timezone="Asia/Aden")
    utc = claim(model.Attribute.TIME, stated("2026-02-10T11:15", "11:15", "UTC"))
    off_the_coast = claim(model.Attribute.PLACE, model.PlaceValue(place=hodeidah, precision=model.GeoPrecision.NEAR))
    assert local_zone(red_sea, [utc, off_the_coast]) == "Asia/Aden"
    # no shore named: the civil time a source counts in ("2:20 p.m. Sanaa time")
    sanaa = claim(model.Attribute.TIME, stated("2026-02-10T14:20", "14:20", "Asia/Aden"))
    assert local_zone(red_sea, [utc, sanaa]) == "Asia/Aden"
    (moved, _) = localise([utc, sanaa], red_sea)
    assert isinstance(moved.value, model.TimeValue)
    assert moved.value.clock == "14:15"
    # two shores, or only UTC: no local time to tell
    kyiv = claim(model.Attribute.TIME, stated("2026-02-10T13:20", "13:20", "Europe/Kyiv"))
    assert local_zone(red_sea, [utc, sanaa, kyiv]) is None
    assert local_zone(red_sea, [utc]) is None

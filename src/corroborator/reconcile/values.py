"""Values of one attribute of one incident: grouped, compared, and who stands behind them.

Claims giving the same value (a count, a code, overlapping times, the same place) form
one group, whatever their wording; the wordings are kept as the group's variants.
Whether two values can both be true is decided here too, per kind of value: counts by
range overlap, times by interval overlap (clock times by time of day), categories by
code, with "no damage" incompatible with any damage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from corroborator import model
from corroborator.extract import times
from corroborator.extract.times import possible_nights
from corroborator.reconcile.origins import PLAIN, OriginIndex

A = model.Attribute
#: Clock times this close are one reading of the same moment ("around 2:30" vs "2:43").
_CLOCK_TOLERANCE = timedelta(minutes=90)
#: Clock times further apart than this cannot belong to one attack: a night of drone
#: attacks runs for hours (first blasts at 1:45, the all-clear at 4:20), "2:27 pm" against
#: "2:30 am" cannot.
_CLOCK_CONFLICT = timedelta(hours=3)
_TIME_SLACK = timedelta(hours=3)
#: Attributes whose values may all be true at once: several targets, several weapons.
MULTI_VALUED = frozenset({A.TARGET, A.WEAPON, A.PLACE})


@dataclass
class Group:
    value: model.Quantity | model.Label | model.TimeValue | model.PlaceValue
    claims: list[model.Claim] = field(default_factory=list)

    @property
    def asserting(self) -> list[model.Claim]:
        return [c for c in self.claims if c.stance != model.Stance.DENIES]

    @property
    def denying(self) -> list[model.Claim]:
        return [c for c in self.claims if c.stance == model.Stance.DENIES]


def clock_only(claim: model.Claim) -> bool:
    """A clock time with no day of its own ("at 2:27 pm"): only its time of day means anything."""
    return isinstance(claim.value, model.TimeValue) and times.clock_only(claim.value.clock, claim.evidence.text)


def same_value(a: model.Claim, b: model.Claim) -> bool:
    va, vb = a.value, b.value
    if isinstance(va, model.Quantity) and isinstance(vb, model.Quantity):
        kinds = {va.counted, vb.counted} - {None}
        return (va.min, va.max) == (vb.min, vb.max) and len(kinds) <= 1 and va.scope == vb.scope
    if isinstance(va, model.Label) and isinstance(vb, model.Label):
        return va.code == vb.code
    if isinstance(va, model.PlaceValue) and isinstance(vb, model.PlaceValue):
        return va.place.id == vb.place.id
    if isinstance(va, model.TimeValue) and isinstance(vb, model.TimeValue):
        if clock_only(a) != clock_only(b):
            return False
        if clock_only(a):
            return _clock_distance(va, vb) <= _CLOCK_TOLERANCE
        return va.interval.overlaps(vb.interval) and _similar_precision(va.interval, vb.interval)
    return False


def compatible(attribute: model.Attribute, a: model.Claim, b: model.Claim) -> bool:
    """Whether both values can be true of one incident."""
    if attribute in MULTI_VALUED:
        return True
    va, vb = a.value, b.value
    if isinstance(va, model.Quantity) and isinstance(vb, model.Quantity):
        return va.compatible(vb)
    if isinstance(va, model.Label) and isinstance(vb, model.Label):
        if attribute == A.DAMAGE:
            if _severities_clash(a, va, b, vb):
                return False
            if (va.code == "none") == (vb.code == "none"):
                return True
            # "the undamaged sacks" does not deny "the warehouse burned"; "no damage" does,
            # and so does "the warehouse was undamaged" against "the warehouse burned".
            nothing = va if va.code == "none" else vb
            something = vb if nothing is va else va
            return nothing.about is not None and nothing.about != something.about
        return va.code == vb.code
    if isinstance(va, model.TimeValue) and isinstance(vb, model.TimeValue):
        return _times_compatible(a, va, b, vb)
    return True


#: Damage levels that cannot describe the same damage: "minor damage" against a fire or a
#: destroyed span. "damaged" (extent not said) fits any of them.
_MINOR = "minor"
_SEVERE = frozenset({"significant", "destroyed"})


def _severities_clash(a: model.Claim, va: model.Label, b: model.Claim, vb: model.Label) -> bool:
    """Minor against severe damage, about the same thing (or about the whole incident), or
    from opposing sides, who describe the same damage in their own terms ("the bridge" and
    "a span")."""
    codes = {va.code, vb.code}
    if _MINOR not in codes or not codes & _SEVERE:
        return False
    same_object = va.about is None or vb.about is None or va.about == vb.about
    sides = {a.source.affiliation, b.source.affiliation}
    return same_object or (None not in sides and len(sides) == 2)


def _times_compatible(
    a: model.Claim, va: model.TimeValue, b: model.Claim, vb: model.TimeValue
) -> bool:
    if clock_only(a) and clock_only(b):
        return _clock_distance(va, vb) <= _CLOCK_CONFLICT
    if clock_only(a) or clock_only(b):
        clock, other = (va, vb) if clock_only(a) else (vb, va)
        return _clock_fits(clock, other.interval)
    return any(
        x.overlaps(y, slack=_TIME_SLACK)
        for x in possible_nights(va.interval, va.value, a.evidence.text)
        for y in possible_nights(vb.interval, vb.value, b.evidence.text)
    )


def _clock_minutes(value: model.TimeValue) -> int:
    assert value.clock is not None
    hours, minutes = value.clock.split(":")[:2]
    return int(hours) * 60 + int(minutes)


def _clock_distance(a: model.TimeValue, b: model.TimeValue) -> timedelta:
    diff = abs(_clock_minutes(a) - _clock_minutes(b)) % (24 * 60)
    return timedelta(minutes=min(diff, 24 * 60 - diff))


def _clock_fits(clock: model.TimeValue, interval: model.TimeInterval) -> bool:
    """Whether a time of day can fall inside an interval (a night, a morning, a day)."""
    if interval.end - interval.start >= timedelta(hours=23):
        return True
    minutes = _clock_minutes(clock)
    tolerance = int(_CLOCK_CONFLICT.total_seconds() // 60)
    day = interval.start.replace(hour=0, minute=0, second=0, microsecond=0)
    for offset in (-1, 0, 1):
        moment = day + timedelta(days=offset, minutes=minutes)
        if (
            interval.start - timedelta(minutes=tolerance)
            <= moment
            < interval.end + timedelta(minutes=tolerance)
        ):
            return True
    return False


def _similar_precision(a: model.TimeInterval, b: model.TimeInterval) -> bool:
    longer, shorter = max(a.duration, b.duration), min(a.duration, b.duration)
    return longer <= max(shorter * 3, timedelta(hours=13))


def group_claims(claims: Sequence[model.Claim]) -> list[Group]:
    groups: list[Group] = []
    for claim in claims:
        for group in groups:
            if same_value(group.claims[0], claim):
                group.claims.append(claim)
                break
        else:
            groups.append(Group(value=claim.value, claims=[claim]))
    return groups


def origins(
    claims: Sequence[model.Claim], relays: frozenset[str], *, index: OriginIndex = PLAIN
) -> list[model.Source]:
    """Distinct first-hand sources behind claims; relaying outlets do not count, and copies
    of one story count once (`index`, see origins.py)."""
    return index.distinct(claims, relays)


def describe(value: model.Quantity | model.Label | model.TimeValue | model.PlaceValue) -> str:
    if isinstance(value, model.Quantity):
        return f"{value} ({value.counted.replace('_', ' ')})" if value.counted else str(value)
    if isinstance(value, model.Label):
        return value.text if value.text and value.code not in {"none"} else value.code
    if isinstance(value, model.TimeValue):
        if value.clock and value.interval.precision in {
            model.TimePrecision.MINUTE,
            model.TimePrecision.HOUR,
        }:
            return value.clock
        return value.value
    return value.place.name


def earliest(interval: model.TimeInterval) -> datetime:
    return interval.start

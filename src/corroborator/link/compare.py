"""Comparisons both linking modes share: are two sets of places one area, do two sets of
dates meet, do two frames' event types agree.

Places: a place below country level decides (the same place, one inside the other, or
within `same_area_km` of each other); a country alone can only rule a pair out, since
"Ukraine" holds both Izmail and Crimea.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from rapidfuzz import fuzz

from corroborator import model
from corroborator.extract.gazetteer import SAME_AREA_KM, UNLISTED_PREFIX, Gazetteer, is_unlisted, name_key
from corroborator.link.features import countries


class PlaceJudge:
    """Place agreement through the gazetteer, each pair of places judged once."""

    def __init__(self, gazetteer: Gazetteer, *, same_area_km: float = SAME_AREA_KM) -> None:
        self.gazetteer = gazetteer
        self.same_area_km = same_area_km
        self._areas: dict[tuple[str, str], bool] = {}

    def agreement(self, a: Sequence[model.PlaceMention], b: Sequence[model.PlaceMention]) -> bool | None:
        """True when a place below country level matches, False when the places cannot be
        one event's, None when unknown."""
        specific_a = [p.place for p in a if p.place.kind != "country"]
        specific_b = [p.place for p in b if p.place.kind != "country"]
        # A village no gazetteer lists agrees with itself, however it is spelled; with anything
        # else, where it lies is unknown, so it neither joins nor parts two reports.
        if _spelled_alike(_unlisted(a), _unlisted(b)):
            return True
        # (a site placed near a listed town has that town's coordinates, and is judged by them)
        specific_a = [p for p in specific_a if not is_unlisted(p) or p.latitude is not None]
        specific_b = [p for p in specific_b if not is_unlisted(p) or p.latitude is not None]
        if specific_a and specific_b:
            if not any(self.same_area(x, y) for x in specific_a for y in specific_b):
                return False
            # "a massive strike on Kyiv and Odesa" told as one: such a frame meets either
            # city's incident, which says nothing about which one it is
            return None if self.scattered(specific_a) or self.scattered(specific_b) else True
        countries_a, countries_b = countries(a), countries(b)
        if countries_a and countries_b and not countries_a & countries_b:
            return False
        return None

    def unlisted_apart(self, a: Sequence[model.PlaceMention], b: Sequence[model.PlaceMention]) -> bool:
        """Whether each side names a village no gazetteer lists and none of one side's is one of
        the other's spelled another way: where they lie is unknown, but two names for the place
        of one event are more likely two places ("Tungar Kwana" and "Rijiyar Gabas")."""
        unlisted_a, unlisted_b = _unlisted(a), _unlisted(b)
        return bool(unlisted_a and unlisted_b) and not _spelled_alike(unlisted_a, unlisted_b)

    def scattered(self, places: Sequence[model.Place]) -> bool:
        """Whether the places fall into two areas far apart (but not a wave over many regions,
        which frames keep out of an incident's places)."""
        first = places[0]
        return any(not self.same_area(first, other) for other in places[1:])

    def same_area(self, x: model.Place, y: model.Place) -> bool:
        if x.id == y.id:
            return True
        # Reports name the same few places over and over: each pair is judged once.
        key = (x.id, y.id) if x.id < y.id else (y.id, x.id)
        known = self._areas.get(key)
        if known is None:
            known = self._areas[key] = self.gazetteer.one_area(x, y, within_km=self.same_area_km)
        return known


#: How alike two spellings of an unlisted village must be (rapidfuzz ratio of their name keys,
#: which already fold accents, doubled letters and common transliteration pairs): "Gaskinde"
#: and "Gaskindi" (88), "Hassu Khel" and "Hassokhel" (86) are one village; "Tungar Kwana" and
#: "Tungar Kwari" (82) or "Rijiyar Gabas" and "Rijiyar Yamma" are two.
SPELLING_SIMILARITY = 85.0
#: Shorter keys differ by one letter between two real villages too often ("Kalai", "Kalat").
_MIN_FUZZY_KEY = 6


def _unlisted(mentions: Sequence[model.PlaceMention]) -> list[model.Place]:
    return [m.place for m in mentions if is_unlisted(m.place)]


def _spelled_alike(a: Sequence[model.Place], b: Sequence[model.Place]) -> bool:
    """Whether some unlisted village of one side is one of the other's, however spelled."""
    return any(same_unlisted(x, y) for x in a for y in b)


def same_unlisted(a: model.Place, b: model.Place) -> bool:
    """Whether two unlisted settlements are one village spelled two ways: the same country, the
    same region when both know it, the same first letter and nearly the same name key.
    Transliteration from Hausa, Pashto, Amharic or Arabic gives each outlet its own spelling."""
    if a.id == b.id:
        return True
    if a.country_code != b.country_code or (a.admin1 and b.admin1 and name_key(a.admin1) != name_key(b.admin1)):
        return False
    key_a, key_b = _unlisted_key(a), _unlisted_key(b)
    if min(len(key_a), len(key_b)) < _MIN_FUZZY_KEY or key_a[0] != key_b[0]:
        return False
    return fuzz.ratio(key_a, key_b) >= SPELLING_SIMILARITY


def _unlisted_key(place: model.Place) -> str:
    """The name key an unlisted place's id carries, without separators ("hasu-hel" -> "hasuhel")."""
    key = place.id[len(UNLISTED_PREFIX) :].partition(":")[2]
    return key.replace("-", "").replace(" ", "")


def dates_meet(a: Sequence[model.TimeInterval], b: Sequence[model.TimeInterval], *, slack: timedelta) -> bool | None:
    """Whether any interval of one side meets one of the other within `slack`; None when
    either side has none."""
    if not a or not b:
        return None
    return any(x.overlaps(y, slack=slack) for x in a for y in b)


EXPLOSIVE_VIOLENCE = "Explosions/Remote violence"


def weapon_unknown(frame: model.Frame) -> bool:
    """Whether the frame is explosive violence whose weapon no report sentence named: "explosions
    in the city", "the enemy attack". Its sub-type is the event word's fallback, which says only
    that something exploded or struck, not that it was not a missile, a drone or a bomb."""
    return frame.event_type == EXPLOSIVE_VIOLENCE and not frame.typed_by_weapon


def types_agree(a: model.Frame, b: model.Frame) -> bool | None:
    """True when two frames give one sub-type, False when they name different kinds, None when
    one is explosive violence whose weapon it does not know and the other is explosive violence
    too: what residents heard explode may have been the missile or drone another report names."""
    if a.sub_event_type == b.sub_event_type:
        return True
    if a.event_type == b.event_type == EXPLOSIVE_VIOLENCE and (weapon_unknown(a) or weapon_unknown(b)):
        return None
    return False

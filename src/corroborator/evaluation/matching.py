"""When a system value is the gold value, attribute by attribute (devset/FORMAT.md).

- counts: the same number, or the same range ("several" = 2–9, "at least 13" = 13+);
- time: the system's interval shares a day with the gold day (or range of days), and when
  the gold gives a clock time the system's is within 30 minutes of it (across midnight);
- place: the gold name, resolved through the gazetteer (its most likely reading in the gold
  incident's country), is the system's place, or contains it (the system is more precise: a
  landmark in the gold town, a town in the gold region), or lies in a system place that is
  not a region (the gold landmark in the system's town). A system region for a gold town is
  a loss of precision, not a match, and a gold country only matches itself. A gold city
  district none of whose namesakes lies in the gold incident's city ("the Kyivskyi district"
  of Kharkiv, when GeoNames lists only Donetsk's) is read as a part of that city;
- damage, party, weapon, method, target: the same code, case and punctuation aside
  ("AL-SHABAAB" is "ALSHABAAB").

Source names are compared as normalised word sets (see `source_names_match`).
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from unidecode import unidecode

from corroborator import model
from corroborator.evaluation.gold import GoldTime, GoldValue
from corroborator.extract.gazetteer import Gazetteer, is_unlisted, name_key
from corroborator.extract.places import PART_NOUNS, PlaceCues

#: How far a system clock time may be from the gold one and still be the same reading.
CLOCK_TOLERANCE = timedelta(minutes=30)
_CLOCK_PRECISIONS = frozenset({model.TimePrecision.MINUTE, model.TimePrecision.HOUR})
#: Words that carry no identity in a source name ("the", the possessive "s").
_FILLER = frozenset({"the", "a", "an", "s", "of", "its", "his", "her", "their"})


@dataclass
class Places:
    """Gold place names resolved through the gazetteer, as extraction would read them."""

    gazetteer: Gazetteer
    cues: PlaceCues
    _resolved: dict[tuple[str, str | None], tuple[model.Place, ...]] = field(default_factory=dict)

    def resolve(self, name: str, *, country: str | None) -> tuple[model.Place, ...]:
        """The places a gold name can mean, most likely first; empty when none is known.

        A name the gazetteer lacks is read the way extraction reads it (cues.toml): a stem
        plus a head noun ("Sumy region", "Engels air base") is looked up among entries of
        the kinds the head noun names; a stem plus a word of nearness ("Nikopol district",
        "Kherson outskirts") is that place; last, a near-miss spelling of an important place
        ("Hodeidah" for Al Hudaydah) in the gold country, as extraction's fuzzy match allows.
        """
        cache_key = (name, country)
        if cache_key not in self._resolved:
            countries = [country] if country else []
            found = self.gazetteer.lookup(name, countries=countries)
            if not found:
                found = self._by_head_noun(name, countries)
            if not found:
                weights = {country.upper(): 1.0} if country else None
                found = [c.place for c in self.gazetteer.fuzzy_candidates(name, weights=weights)]
                if country:  # extraction takes no near-miss spelling abroad either
                    found = [p for p in found if p.country_code == country.upper()]
            self._resolved[cache_key] = tuple(found)
        return self._resolved[cache_key]

    def _by_head_noun(self, name: str, countries: list[str]) -> list[model.Place]:
        tokens = name.split()
        if tokens and tokens[0].lower() == "the":
            tokens = tokens[1:]
        words = tuple(t.lower() for t in tokens)
        weights = {cc.upper(): 1.0 for cc in countries}
        for phrase, kinds in self.cues.heads:
            if len(words) > len(phrase) and words[-len(phrase) :] == phrase:
                stem = " ".join(tokens[: len(tokens) - len(phrase)])
                found = self.gazetteer.stem_candidates(stem, kinds=kinds, weights=weights)
                if found:
                    return [c.place for c in found]
        if len(words) > 1 and words[-1] in self.cues.near_after:
            return self.gazetteer.lookup(" ".join(tokens[:-1]), countries=countries)
        return []

    def match(self, gold_name: str, system: model.Place, *, country: str | None, home: str | None = None) -> bool:
        """Whether the system's place is the gold name's. `home` is the gold incident's place: a
        city district ("the Kyivskyi district") none of whose namesakes lies in it is a part of
        that city the gazetteer does not list, which extraction codes as the city itself."""
        if home is not None and name_key(home) != name_key(gold_name) and self._unlisted_part(gold_name, home, country):
            return self.match(home, system, country=country)
        candidates = self.resolve(gold_name, country=country)
        if not candidates:
            # Unknown to the gazetteer: only the same name can be the same place.
            return any(name_key(gold_name) == name_key(n) for n in (system.name,))
        if is_unlisted(system) and name_key(gold_name) == name_key(system.name):
            # A village the system read as one the gazetteer does not list ("the village of El
            # Aguaje in Michoacan", when every listed El Aguaje lies in another state): the gold
            # name cannot say which namesake it means, so the same name in the same country is it.
            return country is None or system.country_code == country.upper()
        best = candidates[0]
        if best.id == system.id:
            return True
        if best.kind == "country":
            return False
        if self.gazetteer.contains(best, system):
            return True
        return system.kind not in self.cues.region_kinds and self.gazetteer.contains(system, best)

    def _unlisted_part(self, gold_name: str, home: str, country: str | None) -> bool:
        words = gold_name.lower().split()
        if len(words) < 2 or words[-1] not in PART_NOUNS:
            return False
        homes = self.resolve(home, country=country)
        if not homes:
            return False
        city = homes[0]
        parts = self.resolve(gold_name, country=country)
        return not any(self.gazetteer.contains(city, p) or (city.admin1 and p.admin1 == city.admin1) for p in parts)

    def country_code(self, word: str) -> str | None:
        """The country a single word names or describes ("Ukraine", "Ukrainian" → "UA")."""
        code = self.gazetteer.demonym_country(word)
        if code:
            return code
        countries = self.gazetteer.lookup(word, kinds=("country",))
        return countries[0].country_code if countries else None


# --------------------------------------------------------------------------- values


def gold_key(value: GoldValue) -> Hashable:
    """Equal keys are one gold value (two sources giving it are one extracted fact)."""
    if isinstance(value, model.Quantity):
        return ("count", value.min, value.max)
    if isinstance(value, GoldTime):
        return ("time", value.first, value.last, value.clock)
    return ("code", code_key(value))


def system_key(value: model.FactValue) -> Hashable:
    """Equal keys are one system value (wording variants of it are one extracted fact)."""
    if isinstance(value, model.Quantity):
        return ("count", value.min, value.max)
    if isinstance(value, model.TimeValue):
        iv = value.interval
        return ("time", iv.start, iv.end, iv.year_known, value.clock)
    if isinstance(value, model.PlaceValue):
        return ("place", value.place.id)
    return ("code", code_key(value.code))


def values_match(
    gold: GoldValue, system: model.FactValue, *, places: Places, country: str | None = None, home: str | None = None
) -> bool:
    """True when the system value is the gold value by the rules of this module's docstring.

    `country` is the gold incident's country, which decides ambiguous place names; `home`
    its place, which owns the city districts its facts name.
    """
    if isinstance(gold, model.Quantity):
        return isinstance(system, model.Quantity) and (system.min, system.max) == (gold.min, gold.max)
    if isinstance(gold, GoldTime):
        return isinstance(system, model.TimeValue) and time_matches(gold, system)
    if isinstance(system, model.PlaceValue):
        return places.match(gold, system.place, country=country, home=home)
    if isinstance(system, model.Label):
        return code_key(system.code) == code_key(gold)
    return False


def code_key(code: str) -> str:
    """A code as an identifier, whatever its spelling: case and punctuation aside, "AL-SHABAAB"
    and "ALSHABAAB" are one party, "air_defence" and "air-defence" one method."""
    return re.sub(r"[^0-9a-z]", "", code.casefold())


def _gold_interval(gold: GoldTime) -> model.TimeInterval:
    start = datetime.combine(gold.first, time())
    end = datetime.combine(gold.last, time()) + timedelta(days=1)
    return model.TimeInterval(start=start, end=end, precision=model.TimePrecision.DAY)


def system_clock(value: model.TimeValue) -> time | None:
    """The clock time the system read: stated, or the start of a minute/hour interval."""
    if value.clock:
        try:
            return time.fromisoformat(value.clock)
        except ValueError:
            return None
    if value.interval.precision in _CLOCK_PRECISIONS:
        return value.interval.start.time()
    return None


def clock_distance(a: time, b: time) -> timedelta:
    """Minutes between two clock times, the short way round midnight."""
    minutes = abs((a.hour * 60 + a.minute) - (b.hour * 60 + b.minute))
    return timedelta(minutes=min(minutes, 24 * 60 - minutes))


def time_matches(gold: GoldTime, system: model.TimeValue) -> bool:
    # A yearless system date is compared within the gold year (TimeInterval.overlaps).
    if not system.interval.overlaps(_gold_interval(gold)):
        return False
    if gold.clock is None:
        return True
    clock = system_clock(system)
    return clock is not None and clock_distance(gold.clock, clock) <= CLOCK_TOLERANCE


# --------------------------------------------------------------------------- source names


def source_words(name: str, *, places: Places) -> frozenset[str]:
    """A source name as a set of identity words: lower case, ASCII, no filler or
    possessives, and country names and demonyms folded to the country code, so "Ukraine's
    air force" and "the Ukrainian Air Force" are the same words."""
    words = re.findall(r"[a-z0-9]+", unidecode(name).lower().replace("'s ", " "))
    folded = set()
    for word in words:
        if word in _FILLER:
            continue
        code = places.country_code(word) if len(word) > 2 else None
        folded.add(f"@{code}" if code else word)
    return frozenset(folded)


def source_names_match(gold: str, system: str, *, places: Places) -> bool:
    """The two names name the same source: equal word sets, or one contained in the other
    ("Peskov" in "Dmitry Peskov", "residents" in "local residents")."""
    a, b = source_words(gold, places=places), source_words(system, places=places)
    return bool(a and b) and (a <= b or b <= a)

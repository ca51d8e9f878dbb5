"""The report's own voice: who is speaking when a report says something unattributed.

An outlet in the source registry speaks with its registered kind and affiliation (TASS
is Russian state media). An outlet we do not know still says much in its name: "Odesa
Regional Military Administration" is an official body of Ukraine, "Vostok-Inform State
News Agency" state media, "Izmail Pulse (Telegram channel)" a social-media channel. The
kind comes from the same descriptor reading as any quoted source; an official or state
outlet takes the affiliation of the party or place its name names.
"""

from __future__ import annotations

from corroborator import model
from corroborator.extract.actors import PartyTable
from corroborator.extract.gazetteer import Gazetteer
from corroborator.extract.sources import SourceRegistry, describe_outlet, outlet_source

_NAMED_TOWN_POPULATION = 50_000
_PARTY_VOICES = frozenset({model.SourceKind.OFFICIAL, model.SourceKind.MILITARY, model.SourceKind.STATE_MEDIA})


class OwnVoice:
    """Source of a report's unattributed statements, built once per outlet."""

    def __init__(self, *, registry: SourceRegistry, parties: PartyTable, gazetteer: Gazetteer) -> None:
        self.registry = registry
        self.parties = parties
        self.gazetteer = gazetteer
        self._cache: dict[str | None, model.Source] = {}

    def __call__(self, report: model.Report) -> model.Source:
        if report.outlet is None:
            return outlet_source(None, registry=self.registry, report_id=report.id)
        if report.outlet not in self._cache:
            self._cache[report.outlet] = self._voice(report.outlet, report.id)
        return self._cache[report.outlet]

    def _voice(self, outlet: str, report_id: str) -> model.Source:
        known = outlet_source(outlet, registry=self.registry, report_id=report_id)
        if known.registry_id is not None:
            return known
        guess = describe_outlet(outlet, registry=self.registry)
        kind = guess.kind if guess.kind not in {model.SourceKind.UNKNOWN, model.SourceKind.ANONYMOUS} else known.kind
        affiliation = guess.affiliation
        country = guess.country
        if affiliation is None and kind in _PARTY_VOICES:
            affiliation = self.parties.party_of(outlet) or self._country_named(outlet)
        if affiliation is None and kind in {model.SourceKind.OFFICIAL, model.SourceKind.MILITARY}:
            # an office or armed force belongs to some side: a name that says none ("Andean
            # Press Service", "Derzhava Information Agency") is a news outlet's
            kind = model.SourceKind.INDEPENDENT_MEDIA
        if country is None and affiliation is not None and len(affiliation) == 2:
            country = affiliation
        return known.model_copy(update={"kind": kind, "affiliation": affiliation, "country": country})

    def _country_named(self, outlet: str) -> str | None:
        """The country of a place the outlet's name starts from ("Voronezh Region ...")."""
        words = outlet.replace("(", " ").replace(")", " ").split()
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                name = " ".join(words[start : start + size])
                if not name[:1].isupper():
                    continue
                found = self.gazetteer.lookup(name)
                if not found or not found[0].country_code or found[0].kind == "country":
                    continue
                place = found[0]
                # A region, landmark or city of some size, named as such ("Voronezh Region"),
                # not a hamlet that shares a common word ("State", "News").
                if self.gazetteer.is_curated(place) or (place.population or 0) >= _NAMED_TOWN_POPULATION:
                    return place.country_code
        return None

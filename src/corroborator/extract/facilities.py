"""Facilities no gazetteer lists: "the Sarsang oil field", "the Khurmala field, south-west of Erbil".

Why this exists
Wars over oil and power are fought at sites GeoNames does not hold: oil and gas fields, gas
plants, pumping stations, depots, bridges. Reports name them with a proper name and the noun
that says what they are (the facility heads of gazetteer/cues.toml), and an analyst wants that
site, not nothing: two reports naming it should agree on the place. `places` reads a known name
before such a noun as a facility at the town of that name ("the Kursk airfield"); a name the
gazetteer does not know, or knows only as a town in another country than the one the report
places the site in, is kept here as a place of its own (match 'unlisted', id
'unlisted:<country>:<name key>', like an unlisted village).

Where it lies (ACLED's geo-precision)
- Named with a listed town ("the X oil field, south-west of Erbil", "the X gas plant near Y",
  "the X depot in Y"): the town's coordinates and region are the best estimate, precision 2.
- Named with a first-level region ("in the Y district of Duhok province") or only a wider region
  or a country ("in Iraq's Kurdistan region"): that region (when the gazetteer has it as one)
  and country, no coordinates, precision 3.
- Named alone: the country of a region or town named shortly before, else the one country the
  report is about, precision 3; with none it is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from spacy.tokens import Doc

from corroborator import model
from corroborator.extract.gazetteer import Gazetteer
from corroborator.extract.settlements import country_before, heading_country, unlisted_record

#: How many tokens after the facility noun the places it lies in may run to.
CONTAINER_REACH: Final = 12
_SETTLEMENTS: Final = frozenset({"city", "town", "village"})
#: The container kinds, most precise first.
_RANK: Final = {"city": 0, "town": 0, "village": 0, "admin1": 1, "region": 2, "country": 3}
#: Words that may stand between a facility and the places that say where it is: "the X field, some
#: 20 km south-west of Erbil", "the X plant in the Y district of Z province", "near the town of Y".
_BETWEEN: Final = frozenset(
    {
        ",", "-", "(", ")", "in", "near", "at", "outside", "close", "to", "not", "far", "from", "of", "the", "a",
        "an", "just", "about", "some", "around", "km", "kilometres", "kilometers", "miles", "north", "south", "east",
        "west", "northern", "southern", "eastern", "western", "northeast", "northwest", "southeast", "southwest",
        "north-east", "north-west", "south-east", "south-west", "'s", "\u2019s", "district", "province", "region",
        "governorate", "state", "department", "area", "town", "city", "village", "outskirts", "edge", "vicinity",
    }
)  # fmt: skip


def unlisted_facility(
    doc: Doc,
    *,
    start: int,
    end: int,
    stop: int,
    kind: str,
    located: Sequence[model.PlaceMention],
    gazetteer: Gazetteer,
    report: model.NormalisedReport,
    default_country: str | None,
) -> model.PlaceMention | None:
    """The facility named by tokens start:end before its noun (which ends at `stop`), placed by
    the places `located` names with it or shortly before, else in `default_country` (the one the
    report is about); None when no country is known."""
    name = doc[start:end].text
    container = _container(doc, stop, located)
    offset = doc[start].idx
    country = container.country_code if container is not None else None
    country = (
        country
        or heading_country(offset, located, report)
        or country_before(offset, located)
        or default_country
    )
    if country is None or not gazetteer.has_country(country):
        return None
    return model.PlaceMention(
        span=report.span(offset, doc[stop - 1].idx + len(doc[stop - 1])),
        place=facility_place(name, kind, country, container, gazetteer),
        precision=(
            model.GeoPrecision.NEAR
            if container is not None and container.kind in _SETTLEMENTS
            else model.GeoPrecision.REGION
        ),
        match="unlisted",
    )


def local_country(
    doc: Doc, start: int, stop: int, located: Sequence[model.PlaceMention], report: model.NormalisedReport
) -> str | None:
    """The country the words with a facility put it in ("... near Rmelan", "in Iraq's Kurdistan
    region"), else the one its paragraph is filed under ("Syria. ..."); None when neither says.
    (A town named a few sentences before is weaker evidence: round-ups pass from one country's
    news to the next without a heading.)"""
    container = _container(doc, stop, located)
    if container is not None and container.country_code:
        return container.country_code
    return heading_country(doc[start].idx, located, report)


def facility_place(
    name: str, kind: str, country: str, container: model.Place | None, gazetteer: Gazetteer
) -> model.Place:
    """The place record of a facility no gazetteer lists (id 'unlisted:<cc>:<key>'): with a town,
    that town's coordinates, region and zone; with a region, that region."""
    place = unlisted_record(name, kind, country, container, gazetteer)
    if container is not None and container.kind in _SETTLEMENTS:
        return place.model_copy(update={"latitude": container.latitude, "longitude": container.longitude})
    return place


def _container(doc: Doc, stop: int, located: Sequence[model.PlaceMention]) -> model.Place | None:
    """The most precise place named right after the facility in its sentence, with only words of
    place between ("in", "near", "20 km south-west of", other place names): a town before a
    region, a region before a country."""
    if stop >= len(doc):
        return None
    sentence_end = doc[stop].sent.end
    limit = min(sentence_end, stop + CONTAINER_REACH)
    spans = sorted((m for m in located if m.role != model.PlaceRole.ORIGIN), key=lambda m: m.span.start)
    best: model.Place | None = None
    i = stop
    while i < limit:
        token = doc[i]
        mention = next((m for m in spans if m.span.start == token.idx), None)
        if mention is not None:
            rank = _RANK.get(mention.place.kind)
            if rank is not None and (best is None or rank < _RANK[best.kind]):
                best = mention.place
            while i < limit and doc[i].idx < mention.span.end:
                i += 1
            continue
        if token.lower_ not in _BETWEEN and not token.like_num and not (token.text[:1].isupper() and token.is_alpha):
            break
        i += 1
    return best

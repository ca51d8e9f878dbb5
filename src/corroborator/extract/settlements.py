"""Settlements no gazetteer lists: "the village of Kanta Dar", "Sein Lay village".

Why this exists
The gazetteer holds GeoNames' populated places of 500+ inhabitants. That misses most of the
villages where wars in the Sahel, Myanmar or eastern Congo are fought: GeoNames counts no
inhabitants for them, or does not list them at all. Reports name them with the word that
says what they are ("the village of X", "X township"), and an analyst wants that name, not
only the region. Such a name is kept as a place of its own, with the country and region the
report puts it in and no coordinates, so two reports naming it agree while nothing pretends
to know where it lies (id 'unlisted:<country>:<name key>', match 'unlisted').

Districts the gazetteer lacks ("North Waziristan District", "in North Waziristan") are read
the same way as areas (kind 'district', geo-precision 3), so they are neither taken for towns
nor lost, and a village named with one lies in it. A city's district ("the Darnytskyi district
of Kyiv") is a part of that city, at the city's location (kind 'city_district').

What it does not do
It never overrides the gazetteer: a name the gazetteer knows is left to `places`' own
guards, which may have refused it for a reason. (A name known only as another country's
place's alternate name is not known for this purpose.) The one exception is a village those
guards refused because the report puts it in another part of its country than the listed
namesake ("Aynata in southern Lebanon", GeoNames' Aynata being in the north-east): that is
another village of the name, kept here as unlisted in that country. It needs a country, from a place named right
after the village ("X, Sagaing Region", "X in Kidal region") or else the one country the
report is about.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Final

from spacy.tokens import Doc, Token

from corroborator import model
from corroborator.extract.gazetteer import UNLISTED_PREFIX, Gazetteer, name_key
from corroborator.extract.region_names import compass_led

#: The most words a village name runs to ("Sein Pan Gyi", "Let Yet Kone").
MAX_NAME_WORDS: Final = 4

#: How many tokens after the name a containing place may start ("X, a village in Y").
CONTAINER_REACH: Final = 8

#: How far back (characters, about three sentences) a named town still says where a
#: settlement or a city district lies (also read by places for districts).
NEARBY_CHARS: Final = 400
#: How far from the town named as its container a village of the name may lie and still be
#: the one the gazetteer lists (a municipality or district around the town).
CONTAINER_TOWN_KM: Final = 50.0

#: Settlement nouns and the gazetteer kind an unlisted place of that noun gets.
_KIND_OF_NOUN: Final = {
    "village": "village", "hamlet": "village", "settlement": "village", "town": "town", "district": "district",
    "sector": "district",
}  # fmt: skip
_DEFAULT_KIND: Final = "town"  # township, municipality, commune: a local unit around a town
#: Kind of an unlisted second-level area ("North Waziristan District"): known only as an area.
DISTRICT_KIND: Final = "district"

#: Kind of a city district no gazetteer lists ("the Darnytskyi district" of Kyiv).
CITY_DISTRICT_KIND: Final = "city_district"
_CITY_KINDS: Final = frozenset({"city", "town"})

_CONTAINER_KINDS: Final = frozenset({"admin1", "city", "town", "country", DISTRICT_KIND})

#: Last words that make a recognised name an administrative area, not a settlement ("North
#: Wollo Zone", "Soum Province"): the gazetteer holds regions, and an unlisted area is left out,
#: but a district ("North Waziristan District") is kept as one (`DISTRICT_KIND`).
_AREA_NOUNS: Final = frozenset(
    {"zone", "district", "province", "region", "state", "county", "division", "department", "governorate", "area"}
)
#: Nouns after a name that make it a local administrative unit: "the Hassu Khel village of Mir
#: Ali tehsil" names the village before the noun and its unit after "of".
_UNIT_NOUNS: Final = _AREA_NOUNS | {"tehsil", "woreda", "lga", "township", "municipality", "commune"}


def unlisted_settlements(
    doc: Doc,
    *,
    before: Sequence[tuple[str, ...]],
    after: Sequence[tuple[str, ...]],
    locative: Sequence[tuple[str, ...]],
    taken: set[int],
    areas: Sequence[tuple[str, ...]] = (),
    located: Sequence[model.PlaceMention],
    gazetteer: Gazetteer,
    report: model.NormalisedReport,
    country_weights: Mapping[str, float],
    namesakes_elsewhere: Mapping[str, str] | None = None,
) -> list[model.PlaceMention]:
    """Names a settlement noun introduces ("the village of X" with `before`, "X township"
    with `after`, "X, a village near ...") that the gazetteer does not know, and names the
    entity recogniser takes for a place in a `locative` slot ("on the outskirts of X", "in
    X"), each as a place mention of its own. `namesakes_elsewhere` maps the name keys of
    villages whose listed namesake the report places elsewhere to their country."""
    found: list[model.PlaceMention] = []
    named = _introduced_names(doc, before, after) + _area_names(doc, areas) + _recognised_names(doc, locative)
    # districts first: "Hassokhel, North Waziristan District" puts the village in the district
    for start, stop, noun in sorted(named, key=lambda n: (n[2] != DISTRICT_KIND, n[0], n[1])):
        if any(i in taken for i in range(start, stop)):
            continue
        name = doc[start:stop].text
        if gazetteer.demonym_country(name) is not None:
            continue
        around = sorted((*located, *found), key=lambda m: m.span.start)
        container = _container(doc, stop, around)
        stated = (
            (container.country_code if container is not None else None)
            or heading_country(doc[start].idx, around, report)
            or country_before(doc[start].idx, around)
        )
        namesake_country = (namesakes_elsewhere or {}).get(name_key(name))
        country = stated or namesake_country or sole_country(country_weights)
        if country is None or not gazetteer.has_country(country):
            continue
        if country != namesake_country and _listed(gazetteer, name, country, container):
            continue
        if _district_of_a_city(doc, stop, noun, container):
            # (a district the gazetteer lists near its city was refused above as listed)
            city = _city_of_district(doc, start, container, around, country)
            if city is not None and not named_for(name, city):
                end = doc[stop].idx + len(doc[stop])
                found.append(
                    model.PlaceMention(
                        span=report.span(doc[start].idx, end),
                        place=city_district(doc[start : stop + 1].text, city, gazetteer),
                        precision=model.GeoPrecision.TOWN,
                        match="unlisted",
                    )
                )
                taken.update(range(start, stop + 1))
            continue
        if stated is None and gazetteer.knows(name) and not _names_country(located, country):
            continue  # a name listed abroad needs the report to name this country or a region of it
        end = doc[stop - 1].idx + len(doc[stop - 1])
        if noun == DISTRICT_KIND and doc[stop - 1].lower_ == "district":
            name = doc[start : stop - 1].text  # "North Waziristan District" is North Waziristan
        found.append(
            model.PlaceMention(
                span=report.span(doc[start].idx, end),
                place=unlisted_place(name, noun, country, container, gazetteer),
                precision=model.GeoPrecision.REGION if noun == DISTRICT_KIND else model.GeoPrecision.TOWN,
                match="unlisted",
            )
        )
        taken.update(range(start, stop))
    return found


def far_from_town(gazetteer: Gazetteer, place: model.Place, town: model.Place) -> bool:
    """Whether a listed place lies too far from the town named as its container to be the
    settlement meant (more than `CONTAINER_TOWN_KM`); False when either has no coordinates."""
    distance = gazetteer.distance_km(place, town)
    return distance is not None and distance > CONTAINER_TOWN_KM


def _district_of_a_city(doc: Doc, stop: int, noun: str, container: model.Place | None) -> bool:
    """ "The Tor Ghundai district of Paktika province" is an area of the region; "the Darnytskyi
    district" with no region after it may be a city's (then a part of that city, see
    `city_district`): a lower-case "district" after a name makes an area only with a
    first-level region (or the country) named as its container."""
    if noun != DISTRICT_KIND or stop >= len(doc) or doc[stop].text != "district":
        return False
    return container is None or container.kind not in {"admin1", "country"}


def _city_of_district(
    doc: Doc, start: int, container: model.Place | None, around: Sequence[model.PlaceMention], country: str
) -> model.Place | None:
    """The city a district lies in: the one named as its container ("the Kyivskyi district of
    Kharkiv"), else the nearest city or town of its country named shortly before ("Kyiv's
    Darnytskyi district", "Explosions in Kyiv ... a house in the Darnytskyi district")."""
    if container is not None:
        return container if container.kind in _CITY_KINDS else None
    earlier = _nearest_before(doc[start].idx, around, _CITY_KINDS, country=country)
    return earlier.place if earlier is not None else None


def named_for(district: str, town: model.Place) -> bool:
    """Whether a district bears its town's name ("Novozybkov district", "Kharkivskyi
    district"): the area around the town, not a part of it."""
    return name_key(district).replace(" ", "").startswith(name_key(town.name).replace(" ", ""))


def city_district(name: str, city: model.Place, gazetteer: Gazetteer) -> model.Place:
    """A city district no gazetteer lists ("the Darnytskyi district" of Kyiv): a part of the
    city, placed at the city's coordinates, so that it is judged by the city's location."""
    record = unlisted_record(name, CITY_DISTRICT_KIND, city.country_code or "", city, gazetteer)
    return record.model_copy(
        update={
            "id": f"{record.id}@{city.id}",
            "parents": city.hierarchy + tuple(p for p in record.parents if p not in city.hierarchy),
            "latitude": city.latitude,
            "longitude": city.longitude,
        }
    )


def _names_country(located: Sequence[model.PlaceMention], country: str) -> bool:
    """Whether the report names the country, or one of its regions, as where things happen."""
    return any(
        m.place.country_code == country
        and m.place.kind in {"country", "admin1"}
        and m.role != model.PlaceRole.REPORTING
        for m in located
    )


def _listed(gazetteer: Gazetteer, name: str, country: str, container: model.Place | None = None) -> bool:
    """Whether the gazetteer lists the settlement: a place of that name, or one in the country
    it lies in of any alias. Another country's place that only has the name among its
    alternates ("Nasir", once a name of a Turkish village) does not make a South Sudanese
    town of that name listed. With a first-level region named as the container ("the village
    of El Aguaje in the state of Michoacan"), namesakes the gazetteer places in other regions
    of the country are other villages; one whose region it does not know may be this one."""
    listed = [c.place for c in gazetteer.candidates(name) if not c.alias or c.place.country_code == country]
    if container is None or container.country_code != country:
        return bool(listed)
    if container.kind == "admin1":
        return any(
            place.country_code != country or not place.admin1 or gazetteer.contains(container, place)
            for place in listed
        )
    if container.kind in {"town", "city"} and container.latitude is not None:
        # "the locality of El Aguaje, municipality of Aguililla": namesakes far from the town
        # are other villages
        return any(place.country_code != country or not far_from_town(gazetteer, place, container) for place in listed)
    return bool(listed)


def _introduced_names(
    doc: Doc, before: Sequence[tuple[str, ...]], after: Sequence[tuple[str, ...]]
) -> list[tuple[int, int, str]]:
    """(start, stop, settlement noun) of each capitalised name a settlement noun introduces."""
    names: list[tuple[int, int, str]] = []
    for token in doc:
        for phrase in before:
            end = token.i + len(phrase)
            if end < len(doc) and tuple(t.lower_ for t in doc[token.i : end]) == phrase:
                stop = _run_from(doc, end)
                if stop > end and not (stop < len(doc) and doc[stop].lower_ in _UNIT_NOUNS):
                    # "the X village of Mir Ali tehsil": Mir Ali is the unit, not the village
                    names.append((end, stop, _noun(phrase)))
        for phrase in after:
            found = _name_before(doc, token.i, phrase)
            if found is None:
                continue
            start, end = found
            of_after = end < len(doc) and doc[end].lower_ == "of"
            if end < len(doc) and (
                doc[end].pos_ in ("NOUN", "PROPN")
                or (of_after and _noun(phrase) != DISTRICT_KIND and not _unit_after(doc, end + 1))
            ):
                # "X village council", "X town hall"; "the Danube town of Izmail" names Izmail,
                # but "the Darnytskyi district of Kyiv" names the district
                continue
            names.append((start, token.i, _noun(phrase)))
        if token.text == "," and token.i > 0:
            # "Residents of El Naranjo, a village in the municipality of Coahuayana"
            noun = _apposed_noun(doc, token.i, default="")
            start = _run_to(doc, token.i)
            if noun and noun != DISTRICT_KIND and start < token.i and _apposition_places_it(doc, token.i):
                names.append((start, token.i, noun))
    return names


def _area_names(doc: Doc, areas: Sequence[tuple[str, ...]]) -> list[tuple[int, int, str]]:
    """(start, stop, noun) of each name before a lower-case area noun ("in the Margha area",
    "the Krishna Ghati sector of Poonch district"). Not a capitalised noun, which belongs to a
    longer name ("Tsafe Local Government Area"), nor a nationality or an acronym before it
    ("the Kurdish area", "the SDF area"): a people's or a group's area is where it holds sway,
    not a locality. (The recogniser's ORG tag is no guide: it tags "al-Harsha" so.)"""
    names: list[tuple[int, int, str]] = []
    for token in doc:
        for phrase in areas:
            found = _name_before(doc, token.i, phrase, written=True)
            if found is None:
                continue
            start, end = found
            if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
                continue  # "the Margha area council"
            if any(t.ent_type_ == "NORP" or (t.is_upper and len(t) > 1) for t in doc[start : token.i]):
                continue
            noun = _noun(phrase)
            names.append((start, token.i, DISTRICT_KIND if _KIND_OF_NOUN.get(noun) == DISTRICT_KIND else noun))
    return names


def _name_before(doc: Doc, index: int, phrase: tuple[str, ...], *, written: bool = False) -> tuple[int, int] | None:
    """(start of the name, end of the phrase) when the noun `phrase` at token `index` follows a
    capitalised name ("Sein Lay village", "the Margha area"); None otherwise. `written`: the
    phrase must stand as given, in lower case, not in any case ("Local Government Area")."""
    end = index + len(phrase)
    words = tuple(t.text if written else t.lower_ for t in doc[index:end])
    if index == 0 or words != phrase:
        return None
    start = _run_to(doc, index)
    return (start, end) if start < index else None


def _apposition_places_it(doc: Doc, comma: int) -> bool:
    """Whether the apposition after `comma` goes on to say where ("a village in ...", "a
    hamlet near ..."), so its noun is a kind of place, not a figure of speech."""
    return any(t.lower_ in {"in", "near", "of", "outside"} for t in doc[comma + 2 : comma + 6])


def _unit_after(doc: Doc, start: int) -> bool:
    """Whether the name starting at `start` is followed by a unit noun ("of Mir Ali tehsil").
    Any capitalised words count here, whatever the recogniser tagged them: before a unit noun
    "Paktika" is a name, though tagged as a nationality."""
    stop = start
    while stop < len(doc) and stop - start < MAX_NAME_WORDS and doc[stop].text[:1].isupper() and doc[stop].is_alpha:
        stop += 1
    return start < stop < len(doc) and doc[stop].lower_ in _UNIT_NOUNS


def _recognised_names(doc: Doc, locative: Sequence[tuple[str, ...]]) -> list[tuple[int, int, str]]:
    """Named entities right after a locative phrase: a place entity (GPE, LOC) after "in X",
    "near X"; any name after a phrase of two words or more ("on the edge of X", "north of
    X"). A settlement noun in apposition ("X, a small village") names the kind. A name that
    ends in "District", or opens with a compass point ("in North Waziristan", "in Upper Dir"),
    is a district: GeoNames lists such towns ("North Bay"), so an unlisted one is an area."""
    names: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        tokens = [t for t in ent if t.lower_ != "the" and t.text[:1].isupper()]
        if not tokens or not all(_name_part(doc, t.i) for t in tokens):
            continue
        start, stop = tokens[0].i, tokens[-1].i + 1
        if doc[stop - 1].lower_ == "district" and stop - start > 1:
            names.append((start, stop, DISTRICT_KIND))
            continue
        if doc[stop - 1].lower_ in _AREA_NOUNS:
            continue
        if stop < len(doc) and doc[stop].pos_ in ("NOUN", "PROPN"):
            continue  # "the Darnytskyi district", "the Hodeidah port": a part or a site of it
        before = tuple(t.lower_ for t in doc[max(doc[start].sent.start, start - 5) : start] if t.lower_ != "the")
        slots = [p for p in locative if len(before) >= len(p) and before[-len(p) :] == p]
        # After "on the edge of", "north of", "km from" a name is a place whatever the
        # recogniser made of it; after a bare "in" or "near" the recogniser must agree.
        if not slots or (ent.label_ not in ("GPE", "LOC") and max(len(p) for p in slots) < 2):
            continue
        if ent.label_ in ("NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
            continue
        noun = _apposed_noun(doc, stop)
        names.append((start, stop, DISTRICT_KIND if compass_led(doc[start:stop].text) else noun))
    return names


def _apposed_noun(doc: Doc, stop: int, default: str = _DEFAULT_KIND) -> str:
    """ "X, a small village near ...": the settlement noun of an apposition, else `default`."""
    if stop < len(doc) and doc[stop].text == ",":
        for token in doc[stop + 1 : stop + 5]:
            if token.lower_ in _KIND_OF_NOUN:
                return token.lower_
            if token.pos_ not in ("DET", "ADJ", "ADV"):
                break
    return default


def _noun(phrase: tuple[str, ...]) -> str:
    return next((word for word in phrase if word in _KIND_OF_NOUN), phrase[0])


def _run_from(doc: Doc, start: int) -> int:
    """The stop of the proper name starting at `start` (start itself when there is none).
    The noun before it introduces a name, so a word the recogniser takes for a nationality is
    part of it ("the village of Kiterajo", tagged NORP)."""
    stop = start
    while stop < len(doc) and stop - start < 2 * MAX_NAME_WORDS and _name_part(doc, stop, nationality=True):
        if stop > start and doc[stop].is_sent_start:
            break
        stop += 1
    while stop > start and doc[stop - 1].text == "-":
        stop -= 1
    return stop if stop > start and _opens_well(doc[start]) else start


def _run_to(doc: Doc, stop: int) -> int:
    """The start of the proper name ending before `stop` (stop itself when there is none).
    Words the recogniser takes for a nationality belong to the name inside it ("Datu Saudi
    Ampatuan town"), not at its head ("the Kurdish Sheikh Maqsoud district"). A name of such
    words alone is kept ("the Kyivskyi district", tagged as a nationality): the caller tells a
    real nationality ("the Syrian town") by the gazetteer's demonyms."""
    start = stop
    while start > 0 and stop - start < 2 * MAX_NAME_WORDS and _name_part(doc, start - 1, nationality=True):
        start -= 1
        if doc[start].is_sent_start:
            break
    while start < stop and (
        doc[start].text == "-"
        or (doc[start].ent_type_ == "NORP" and any(t.ent_type_ != "NORP" for t in doc[start + 1 : stop]))
    ):
        start += 1
    return start if start < stop and _opens_well(doc[start]) else stop


def _name_part(doc: Doc, index: int, *, nationality: bool = False) -> bool:
    """A word of a proper name, or a hyphen joining two ("Kafr-Kila")."""
    token = doc[index]
    if token.text == "-":
        return (
            not doc[index - 1].whitespace_
            and 0 < index < len(doc) - 1
            and _name_word(doc[index + 1], nationality=nationality)
        )
    return _name_word(token, nationality=nationality)


def _name_word(token: Token, *, nationality: bool = False) -> bool:
    """A capitalised word. Its tag is not asked: the tagger reads unfamiliar village names
    as anything ("Let Yet Kone": a verb, a conjunction, a noun), and the settlement noun
    beside it is the evidence that a name is meant. A word tagged as a nationality only with
    `nationality` (the caller trims real ones)."""
    excluded = ("DATE", "TIME") if nationality else ("NORP", "DATE", "TIME")
    return token.text[:1].isupper() and token.text.replace("'", "").isalpha() and token.ent_type_ not in excluded


def _opens_well(token: Token) -> bool:
    """Not a capitalised common word opening a sentence ("Village elders said")."""
    return not token.is_sent_start or token.pos_ == "PROPN"


def _container(doc: Doc, stop: int, located: Sequence[model.PlaceMention]) -> model.Place | None:
    """A known place named just after the village, in its sentence: "X, Sagaing Region",
    "X in the Kidal region", "X, near Depayin"."""
    sentence_end = doc[min(stop, len(doc) - 1)].sent.end_char
    lower = doc[stop - 1].idx + len(doc[stop - 1])
    upper = doc[min(stop + CONTAINER_REACH, len(doc) - 1)].idx
    for mention in located:
        start = mention.span.start
        if lower <= start <= min(upper, sentence_end) and mention.place.kind in _CONTAINER_KINDS:
            return mention.place
    return None


def heading_country(offset: int, located: Sequence[model.PlaceMention], report: model.NormalisedReport) -> str | None:
    """The country a paragraph opens with as its heading ("Myanmar. Tolls for the airstrike in
    X Township ...", "SUDAN: ..."), as round-ups and digests file each country's news."""
    paragraph = report.paragraph_at(offset)
    if paragraph is None:
        return None
    for mention in located:
        if mention.place.kind != "country" or not paragraph.start <= mention.span.start < offset:
            continue
        before = report.text[paragraph.start : mention.span.start]
        after = report.text[mention.span.end : mention.span.end + 2]
        if not before.strip() and after[:1] in {".", ":", "\u2014", "\u2013", "-"}:
            return mention.place.country_code
    return None


def country_before(offset: int, located: Sequence[model.PlaceMention]) -> str | None:
    """The country of the nearest town or region named shortly before: "... in Bint Jbeil.
    Later, a drone struck a house on the edge of Aitaroun" is in Lebanon. A dateline's town
    ("ABIDJAN, Nov 16 -") is where the reporter files from, often a neighbouring country."""
    earlier = _nearest_before(offset, located, _CONTAINER_KINDS - {"country"})
    return earlier.place.country_code if earlier is not None else None


def _nearest_before(
    offset: int, located: Sequence[model.PlaceMention], kinds: Collection[str], *, country: str | None = None
) -> model.PlaceMention | None:
    """The last place of `kinds` (and `country`) named within `NEARBY_CHARS` before `offset`,
    other than a dateline's or byline's."""
    earlier = [
        m
        for m in located
        if offset - NEARBY_CHARS <= m.span.end <= offset
        and m.place.kind in kinds
        and (country is None or m.place.country_code == country)
        and m.role != model.PlaceRole.REPORTING
    ]
    return earlier[-1] if earlier else None


def sole_country(weights: Mapping[str, float]) -> str | None:
    """The one country the report is about, when it is clearly one."""
    ranked = sorted(weights.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 0.5 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1] / 2):
        return None
    return ranked[0][0]


def unlisted_place(
    name: str, noun: str, country: str, container: model.Place | None, gazetteer: Gazetteer
) -> model.Place:
    """The place record of a settlement no gazetteer lists in `country` (id 'unlisted:<cc>:<key>')."""
    return unlisted_record(name, _KIND_OF_NOUN.get(noun, _DEFAULT_KIND), country, container, gazetteer)


def unlisted_record(
    name: str, kind: str, country: str, container: model.Place | None, gazetteer: Gazetteer
) -> model.Place:
    """A place no gazetteer lists (id 'unlisted:<cc>:<key>'), in `container`'s region and zone
    when one is known, else in the country's; settlements and facilities alike."""
    state = gazetteer.country(country)
    parents: tuple[str, ...]
    if container is None or container.kind == "country":
        admin1, parents, zone = None, (state.name,), state.timezone
    else:
        admin1 = container.name if container.kind == "admin1" else container.admin1
        parents = tuple(dict.fromkeys((*container.hierarchy, state.name)))
        zone = container.timezone or state.timezone
    return model.Place(
        id=f"{UNLISTED_PREFIX}{country.lower()}:{name_key(name).replace(' ', '-')}",
        name=name,
        kind=kind,
        country_code=country,
        admin1=admin1,
        parents=parents,
        timezone=zone,
    )

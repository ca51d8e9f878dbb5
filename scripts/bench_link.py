#!/usr/bin/env python
"""Measure what linking costs as the archive grows: pairs compared and seconds.

Synthetic reports arrive at a steady rate (by default 20 incidents a day across 40 towns
in two countries, each incident told by one to four reports), so 100, 1,000 and 10,000
frames cover about two days, three weeks and seven months. Each report has one frame
with a place (a town, or only its region), a time (the night, a clock-less day, now and
then only a month, or no date at all) and words of its own plus the incident's. For each
size the script prints the frames, the candidate pairs blocking proposed, pairs per
frame, frames blocking could not place in time, the pairs calendar-month blocking would
have compared (the scheme before day cells), the seconds `Linker.link` took (duplicate
detection included), and B³ F1 of the clusters against the synthetic incidents as a
sanity check that the cheap path still links.

Usage:
    .venv/bin/python scripts/bench_link.py [--sizes 100 1000 10000] [--seed N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from corroborator import model
from corroborator.config import load_settings
from corroborator.extract.places import load_gazetteer
from corroborator.link.blocking import BlockingStats
from corroborator.link.cluster import Linker
from corroborator.link.features import countries, frame_features

INCIDENTS_PER_DAY = 20
TOWNS = 40
_TARGETS = ("substation", "oil depot", "airfield", "apartment block", "bridge", "warehouse", "rail yard", "port")
_FILLER = [
    "officials",
    "residents",
    "local",
    "emergency",
    "services",
    "region",
    "governor",
    "statement",
    "morning",
    "overnight",
    "area",
    "damage",
    "fire",
    "windows",
    "roof",
    "debris",
    "crews",
    "workers",
    "night",
    "reported",
    "said",
    "according",
    "people",
    "nearby",
    "district",
    "city",
    "town",
    "village",
    "road",
    "street",
    "building",
    "houses",
    "cars",
    "power",
    "supply",
]


@dataclass(frozen=True)
class Incident:
    key: str
    town: model.Place
    region: model.Place
    start: datetime
    target: str
    launched: int


@dataclass(frozen=True)
class Row:
    frames: int
    pairs: int
    pairs_per_frame: float
    unplaced: int
    month_blocking_pairs: int
    seconds: float
    clusters: int
    b3_f1: float


def _towns(rng: random.Random) -> list[tuple[model.Place, model.Place]]:
    """Synthetic towns on a grid about 100 km apart, five to a region, in two countries: a
    town-level mention places an incident, a region-level one only narrows it down."""
    towns = []
    for n in range(TOWNS):
        row, column = divmod(n, 8)
        country = "UA" if column < 4 else "RU"
        region_no = (row // 5) * 8 + column
        lat, lon = 46.0 + row * 1.0, 28.0 + column * 1.5
        region = model.Place(
            id=f"bench:region-{region_no}",
            name=f"Region {region_no}",
            kind="admin1",
            country_code=country,
            latitude=lat,
            longitude=lon,
            parents=(country,),
        )
        town = model.Place(
            id=f"bench:town-{n}",
            name=f"Town{n}",
            kind="town",
            country_code=country,
            admin1=region.name,
            latitude=lat + rng.uniform(-0.1, 0.1),
            longitude=lon + rng.uniform(-0.1, 0.1),
            parents=(region.name, country),
        )
        towns.append((town, region))
    return towns


def synthetic_reports(frames: int, *, seed: int = 7) -> tuple[list[model.ExtractedReport], dict[str, str]]:
    """`frames` one-frame reports and the gold incident of each frame id."""
    rng = random.Random(seed)
    towns = _towns(rng)
    origin = datetime(2024, 1, 1)
    incidents: list[tuple[Incident, int]] = []
    total = 0
    n = 0
    while total < frames:
        town, region = rng.choice(towns)
        start = origin + timedelta(days=n // INCIDENTS_PER_DAY, hours=18)
        copies = min(rng.randint(1, 4), frames - total)
        incident = Incident(f"i{n}", town, region, start, rng.choice(_TARGETS), rng.randint(3, 60))
        incidents.append((incident, copies))
        total += copies
        n += 1
    reports, gold = [], {}
    for incident, copies in incidents:
        for k in range(copies):
            report = _report(f"{incident.key}-r{k}", incident, rng)
            reports.append(report)
            gold[report.frames[0].id] = incident.key
    return reports, gold


def _report(report_id: str, incident: Incident, rng: random.Random) -> model.ExtractedReport:
    published = (incident.start + timedelta(hours=rng.randint(12, 40))).date()
    words = [incident.town.name.lower(), *incident.target.split(), "drone", "attack", str(incident.launched)]
    words += rng.sample(_FILLER, 12)
    rng.shuffle(words)
    text = " ".join(words) + "."
    span = model.Span(report_id=report_id, start=0, end=len(text), text=text)
    roll = rng.random()
    if roll < 0.75:  # the night of the attack
        when: model.TimeInterval | None = model.TimeInterval(
            start=incident.start, end=incident.start + timedelta(hours=12), precision=model.TimePrecision.PART_OF_DAY
        )
    elif roll < 0.87:  # the day after, as a report dates it
        day = datetime.combine(incident.start.date() + timedelta(days=1), datetime.min.time())
        when = model.TimeInterval(start=day, end=day + timedelta(days=1), precision=model.TimePrecision.DAY)
    elif roll < 0.90:  # only the month
        first = incident.start.replace(day=1, hour=0)
        last = (first + timedelta(days=32)).replace(day=1)
        when = model.TimeInterval(start=first, end=last, precision=model.TimePrecision.MONTH)
    else:  # no date of its own
        when = None
    times = (
        ()
        if when is None
        else (model.TimeExpression(span=span, timex_type=model.TimexType.DATE, value="bench", interval=when),)
    )
    where, precision = (
        (incident.town, model.GeoPrecision.TOWN)
        if rng.random() < 0.85
        else (incident.region, model.GeoPrecision.REGION)
    )
    places = (model.PlaceMention(span=span, place=where, precision=precision),)
    frame = model.Frame(
        id=f"{report_id}#f1",
        report_id=report_id,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        mentions=(),
        times=times,
        places=places,
        primary=True,
        text=text,
    )
    outlet = model.Source(key=f"outlet:{report_id}", name=report_id, kind=model.SourceKind.INDEPENDENT_MEDIA)
    claims = (
        model.Claim(
            id=f"{report_id}:c1",
            report_id=report_id,
            frame_id=frame.id,
            attribute=model.Attribute.LAUNCHED,
            value=model.Quantity(min=incident.launched, max=incident.launched),
            stance=model.Stance.ASSERTS,
            source=outlet,
            evidence=span,
        ),
        model.Claim(
            id=f"{report_id}:c2",
            report_id=report_id,
            frame_id=frame.id,
            attribute=model.Attribute.WEAPON,
            value=model.Label(code="drone", text="drone"),
            stance=model.Stance.ASSERTS,
            source=outlet,
            evidence=span,
        ),
    )
    normalised = model.NormalisedReport(
        report=model.Report(id=report_id, text=text, published=published.isoformat()),
        text=text,
        paragraphs=(model.Paragraph(start=0, end=len(text)),),
        publication=model.PublicationTime(
            declared=published,
            inferred_earliest=published,
            inferred_latest=published,
            year_known=True,
            year_source="declared",
        ),
    )
    return model.ExtractedReport(normalised=normalised, places=places, frames=(frame,), claims=claims)


def month_blocking_pairs(reports: Sequence[model.ExtractedReport]) -> int:
    """Pairs the former scheme (family, country, calendar month) would have scored."""
    blocks: Counter[tuple[str, str, str]] = Counter()
    for report in reports:
        for f in frame_features(report):
            cs = sorted(countries(f.places)) or ["*"]
            months = sorted({f"{i.start.month:02d}" for i in f.intervals}) or ["*"]
            for c in cs:
                for m in months:
                    blocks[(f.family, c, m)] += 1
    return sum(n * (n - 1) // 2 for n in blocks.values())


def b3_f1(clusters: Sequence[model.Cluster], gold: dict[str, str]) -> float:
    predicted = {f: set(c.frame_ids) for c in clusters for f in c.frame_ids}
    by_gold: dict[str, set[str]] = {}
    for frame_id, key in gold.items():
        by_gold.setdefault(key, set()).add(frame_id)
    p = sum(len(predicted[f] & by_gold[gold[f]]) / len(predicted[f]) for f in gold) / len(gold)
    r = sum(len(predicted[f] & by_gold[gold[f]]) / len(by_gold[gold[f]]) for f in gold) / len(gold)
    return 2 * p * r / (p + r) if p + r else 0.0


def measure(linker: Linker, frames: int, *, seed: int = 7) -> Row:
    reports, gold = synthetic_reports(frames, seed=seed)
    stats = BlockingStats()
    started = time.perf_counter()
    linkage = linker.link(reports, stats=stats)
    seconds = time.perf_counter() - started
    return Row(
        frames=stats.frames,
        pairs=stats.pairs,
        pairs_per_frame=round(stats.pairs / max(stats.frames, 1), 2),
        unplaced=stats.unplaced,
        month_blocking_pairs=month_blocking_pairs(reports),
        seconds=round(seconds, 3),
        clusters=len(linkage.clusters),
        b3_f1=round(b3_f1(linkage.clusters, gold), 3),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    settings = load_settings()
    linker = Linker(settings=settings, gazetteer=load_gazetteer(settings))
    rows = [measure(linker, size, seed=args.seed) for size in args.sizes]
    if args.json:
        print(json.dumps([asdict(r) for r in rows], indent=2))
        return 0
    print(
        f"{'frames':>7} {'pairs':>9} {'pairs/frame':>11} {'unplaced':>8} {'month-blocking pairs':>20} "
        f"{'seconds':>8} {'clusters':>8} {'B3 F1':>6}"
    )
    for r in rows:
        print(
            f"{r.frames:>7} {r.pairs:>9} {r.pairs_per_frame:>11} {r.unplaced:>8} {r.month_blocking_pairs:>20} "
            f"{r.seconds:>8} {r.clusters:>8} {r.b3_f1:>6}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Give a year to reports that state none, from another report on the same incident.

A report that never writes a year ("on April 24", "last night") is read with a
placeholder year. When one of its incidents is also described by a report whose year is
known, the shift that makes the two accounts meet is the missing year: the yearless
report's dated claims (or, failing those, its publication date) are moved by whole years
until they fall on the other report's dates. The shift then applies to every claim of the
report, in all its incidents, and the report's outcome says where the year came from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from corroborator import model

_CLOCK_PRECISIONS = frozenset({model.TimePrecision.MINUTE, model.TimePrecision.HOUR})


@dataclass(frozen=True)
class YearAnchor:
    """How many years to add to a yearless report's placeholder dates, and why."""

    offset: int
    year: int
    from_report: str
    cluster_key: str
    basis: str


def find_anchors(linkage: model.Linkage) -> dict[str, YearAnchor]:
    reports = {r.id: r for r in linkage.reports}
    frame_report = {f.id: r.id for r in linkage.reports for f in r.frames}
    claims_by_frame: dict[str, list[model.Claim]] = {}
    for report in linkage.reports:
        for claim in report.claims:
            claims_by_frame.setdefault(claim.frame_id, []).append(claim)

    votes: dict[str, Counter[tuple[int, str, str]]] = {}
    for cluster in linkage.clusters:
        members = {frame_report[f] for f in cluster.frame_ids}
        yearless = [r for r in members if not reports[r].normalised.publication.year_known]
        known = [r for r in members if reports[r].normalised.publication.year_known]
        if not yearless or not known:
            continue
        for rid in yearless:
            own = _dated(c for f in cluster.frame_ids if frame_report[f] == rid for c in claims_by_frame.get(f, []))
            for kid in sorted(known):
                other = _dated(
                    c for f in cluster.frame_ids if frame_report[f] == kid for c in claims_by_frame.get(f, [])
                )
                offset = _offset_from_claims(own, other)
                if offset is None:
                    offset = _offset_from_publication(reports[rid], reports[kid])
                if offset is not None:
                    votes.setdefault(rid, Counter())[(offset, kid, cluster.key)] += 1

    anchors: dict[str, YearAnchor] = {}
    for rid, counter in votes.items():
        offsets = Counter(offset for (offset, _, _) in counter.elements())
        best_offset = offsets.most_common(1)[0][0]
        (offset, kid, key), _ = next((k, v) for k, v in counter.most_common() if k[0] == best_offset)
        year = model.PLACEHOLDER_YEAR + offset
        reference = reports[rid].normalised.publication.reference
        if reference is not None:
            year = reference.year + offset
        anchors[rid] = YearAnchor(
            offset=offset,
            year=year,
            from_report=kid,
            cluster_key=key,
            basis=f"year {year} taken from report {kid}, which describes the same incident",
        )
    return anchors


def _dated(claims: Iterable[model.Claim]) -> list[model.TimeInterval]:
    out = []
    for claim in claims:
        value = claim.value
        clock_only = (
            value.clock is not None and value.interval.precision in _CLOCK_PRECISIONS
            if isinstance(value, model.TimeValue)
            else True
        )
        if claim.attribute == model.Attribute.TIME and isinstance(value, model.TimeValue) and not clock_only:
            out.append(value.interval)
    return out


def _offset_from_claims(own: Sequence[model.TimeInterval], other: Sequence[model.TimeInterval]) -> int | None:
    best: tuple[float, int] | None = None
    for a in own:
        if a.year_known:
            continue
        for b in other:
            if not b.year_known:
                continue
            for delta in (-1, 0, 1):
                offset = b.start.year - a.start.year + delta
                shifted = shift_interval(a, offset)
                if shifted.overlaps(b, slack=timedelta(hours=12)):
                    distance = abs((shifted.start - b.start).total_seconds())
                    if best is None or distance < best[0]:
                        best = (distance, offset)
    return None if best is None else best[1]


def _offset_from_publication(report: model.ExtractedReport, known: model.ExtractedReport) -> int | None:
    mine = report.normalised.publication.reference
    theirs = known.normalised.publication.reference
    if mine is None or theirs is None:
        return None
    return round((theirs - mine).days / 365.25)


def _shift_datetime(value: datetime, years: int) -> datetime:
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)


def shift_interval(interval: model.TimeInterval, years: int) -> model.TimeInterval:
    if interval.year_known:
        return interval
    # Shift both ends: a placeholder February (leap year) must not lend its 29th day.
    return model.TimeInterval(
        start=_shift_datetime(interval.start, years),
        end=_shift_datetime(interval.end, years),
        precision=interval.precision,
        year_known=True,
    )


def shift_date(value: date | None, years: int) -> date | None:
    if value is None:
        return None
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def anchor_claim(claim: model.Claim, anchor: YearAnchor) -> model.Claim:
    """The claim with its placeholder year replaced by the anchored one."""
    value = claim.value
    if not isinstance(value, model.TimeValue) or value.interval.year_known:
        return claim
    interval = shift_interval(value.interval, anchor.offset)
    timex = value.value
    if timex.startswith("XXXX"):
        timex = f"{interval.start.year:04d}{timex[4:]}"
    note = f"year {interval.start.year} from report {anchor.from_report} on the same incident"
    return claim.model_copy(
        update={
            "value": model.TimeValue(interval=interval, value=timex, clock=value.clock),
            "note": f"{claim.note}; {note}" if claim.note else note,
        }
    )


def anchor_publication(publication: model.PublicationTime, anchor: YearAnchor) -> model.PublicationTime:
    return publication.model_copy(
        update={
            "inferred_earliest": shift_date(publication.inferred_earliest, anchor.offset),
            "inferred_latest": shift_date(publication.inferred_latest, anchor.offset),
            "year_known": True,
            "year_source": "linked",
            "basis": (*publication.basis, anchor.basis),
        }
    )


def anchored_claims(report: model.ExtractedReport, anchors: Mapping[str, YearAnchor]) -> tuple[model.Claim, ...]:
    anchor = anchors.get(report.id)
    if anchor is None:
        return report.claims
    return tuple(anchor_claim(c, anchor) for c in report.claims)

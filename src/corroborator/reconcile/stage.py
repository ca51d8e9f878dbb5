"""The reconcile stage: Linkage → Analysis.

For each cluster of frames: anchor yearless dates, group every attribute's claims into
values, find contradictions, choose each fact's value (the best-supported one; the
lowest asserted count for fatalities, ACLED's conservative rule), grade facts and the
incident, and build the ACLED-style incident record. Reports get their outcome: inferred
publication time (with a year from a linked report where they had none), anomalies,
primary incident, and the report it copies when it is a near-duplicate.

Independence is judged on origins (origins.py): copies of one wire story count once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from corroborator import model
from corroborator.link.compare import EXPLOSIVE_VIOLENCE, weapon_unknown
from corroborator.reconcile.anchor import (
    YearAnchor,
    anchor_publication,
    anchored_claims,
    find_anchors,
)
from corroborator.reconcile.contradictions import find_contradictions
from corroborator.reconcile.grades import grade_fact, grade_incident, supporting
from corroborator.reconcile.origins import OriginIndex
from corroborator.reconcile.timing import consensus, localise
from corroborator.reconcile.updates import Moments, find_updates
from corroborator.reconcile.values import Group, group_claims, origins
from corroborator.reconcile.vocabulary import DisputeVocabulary

A = model.Attribute
_ATTRIBUTE_ORDER = tuple(model.Attribute)


class Reconciler:
    """Linkage → Analysis."""

    def __init__(self, vocabulary: DisputeVocabulary | None = None) -> None:
        self._vocabulary = vocabulary

    def reconcile(
        self, linkage: model.Linkage, *, failures: Sequence[model.IngestFailure] = ()
    ) -> model.Analysis:
        anchors = find_anchors(linkage)
        index = OriginIndex.build(linkage)
        moments = Moments.of(linkage.reports)
        claims_by_frame: dict[str, list[model.Claim]] = {}
        frames: dict[str, model.Frame] = {}
        for report in linkage.reports:
            for claim in anchored_claims(report, anchors):
                claims_by_frame.setdefault(claim.frame_id, []).append(claim)
            for frame in report.frames:
                frames[frame.id] = frame
        incidents = [
            self._incident(
                cluster,
                [frames[f] for f in cluster.frame_ids],
                [c for f in cluster.frame_ids for c in claims_by_frame.get(f, [])],
                index,
                moments,
            )
            for cluster in linkage.clusters
        ]
        incidents.sort(key=_incident_order)
        outcomes = [
            self._outcome(report, incidents, anchors.get(report.id), index.copy_of.get(report.id))
            for report in linkage.reports
        ]
        return model.Analysis(
            reports=tuple(outcomes), incidents=tuple(incidents), failures=tuple(failures)
        )

    # -- incidents

    def _incident(
        self,
        cluster: model.Cluster,
        frames: Sequence[model.Frame],
        claims: Sequence[model.Claim],
        index: OriginIndex,
        moments: Moments,
    ) -> model.Incident:
        relays = _relays(claims, index)
        by_attribute: dict[model.Attribute, list[model.Claim]] = {}
        for claim in claims:
            by_attribute.setdefault(claim.attribute, []).append(claim)

        place_groups = group_claims(by_attribute.get(A.PLACE, []))
        place_group = _best_place(place_groups, relays, index) or _only_denied(place_groups)
        party_groups = group_claims(by_attribute.get(A.RESPONSIBLE_PARTY, []))
        party_group = _best_group(A.RESPONSIBLE_PARTY, party_groups, relays, index)
        party_denials = [c for group in party_groups for c in group.denying]
        defender = _place_country(place_group)
        place = place_group.value.place if place_group and isinstance(place_group.value, model.PlaceValue) else None
        claims = localise(claims, place)
        by_attribute[A.TIME] = [c for c in claims if c.attribute == A.TIME]
        attacker = (
            party_group.value.code
            if party_group and isinstance(party_group.value, model.Label)
            else None
        )

        facts: list[model.Fact] = []
        contradictions: list[model.Contradiction] = []
        updates: list[model.Update] = []
        for attribute in _ATTRIBUTE_ORDER:
            attr_claims = by_attribute.get(attribute, [])
            if not attr_claims:
                continue
            superseded: frozenset[str] = frozenset()
            if attribute.numeric:
                revised, superseded = find_updates(attribute, attr_claims, moments)
                updates.extend(revised)
            # Superseded figures are shown, but no longer compete or conflict.
            groups = group_claims([c for c in attr_claims if c.id not in superseded] or attr_claims)
            found = find_contradictions(attribute, groups, self._vocabulary, party_denials=party_denials)
            contradictions.extend(found)
            best = place_group if attribute == A.PLACE else _best_group(attribute, groups, relays, index)
            denied = _only_denied(groups) if best is None else None
            if attribute == A.TIME:
                best = best or denied  # a place only denied is already `place_group`
            value = best.value if best else None
            if attribute == A.TIME:
                value = consensus(attr_claims) or value
            facts.append(
                model.Fact(
                    attribute=attribute,
                    value=value,
                    groups=tuple(
                        _value_group(g, relays, index, superseded) for g in group_claims(attr_claims)
                    ),
                    range=_range(groups) if attribute.numeric else None,
                    grade=grade_fact(
                        attribute,
                        best or denied,
                        found,
                        relays=relays,
                        defender=defender,
                        attacker=attacker,
                        index=index,
                    ),
                )
            )

        time_fact = next((f for f in facts if f.attribute == A.TIME), None)
        time_value = (
            time_fact.value if time_fact and isinstance(time_fact.value, model.TimeValue) else None
        )
        place_value = (
            place_group.value
            if place_group and isinstance(place_group.value, model.PlaceValue)
            else None
        )
        event_type, sub_type = _event_type(frames)
        killed = next((f for f in facts if f.attribute == A.KILLED), None)
        report_ids = tuple(sorted({f.report_id for f in frames}))
        incident = model.Incident(
            id=f"INC-{cluster.key[:8]}",
            label=_label(sub_type, facts, place_value),
            event_type=event_type,
            sub_event_type=sub_type,
            time=time_value.interval if time_value else None,
            time_value=time_value.value if time_value else None,
            time_note=next(
                (c.note for c in by_attribute.get(A.TIME, []) if c.note and "year" in c.note), None
            ),
            place=place_value.place if place_value else None,
            geo_precision=place_value.precision if place_value else None,
            report_ids=report_ids,
            primary_of=cluster.primary_of,
            frame_ids=cluster.frame_ids,
            facts=tuple(facts),
            claims=tuple(sorted(claims, key=lambda c: (c.report_id, c.evidence.start))),
            contradictions=tuple(contradictions),
            updates=tuple(updates),
            grade=grade_incident(claims, contradictions, relays=relays, index=index),
            actors=tuple(sorted({a for f in frames for a in f.actors})),
            fatalities=killed.range.min if killed and killed.range else None,
            notes=_notes(facts, contradictions),
        )
        return incident

    def _outcome(
        self,
        report: model.ExtractedReport,
        incidents: Sequence[model.Incident],
        anchor: YearAnchor | None,
        duplicate_of: str | None,
    ) -> model.ReportOutcome:
        normalised = report.normalised
        publication = normalised.publication
        if anchor is not None:
            publication = anchor_publication(publication, anchor)
        mine = [i for i in incidents if report.id in i.report_ids]
        primary = next((i.id for i in mine if report.id in i.primary_of), None)
        return model.ReportOutcome(
            id=report.id,
            outlet=normalised.report.outlet,
            url=normalised.report.url,
            title=normalised.report.title,
            origin=normalised.report.origin,
            language=normalised.language,
            publication=publication,
            anomalies=normalised.anomalies,
            primary_incident=primary,
            incident_ids=tuple(i.id for i in mine),
            duplicate_of=duplicate_of,
        )


def _relays(claims: Sequence[model.Claim], index: OriginIndex) -> frozenset[str]:
    """Outlets speaking in their own voice about an incident they attribute elsewhere relay, not witness.

    Keyed by origin, so the copies of a story that cites its sources relay with it."""
    attributed_reports = {c.report_id for c in claims if c.attribution_id is not None}
    return frozenset(
        index.key(c)
        for c in claims
        if c.attribution_id is None
        and c.source.key.startswith("outlet:")
        and c.report_id in attributed_reports
    )


def _best_group(
    attribute: model.Attribute, groups: Sequence[Group], relays: frozenset[str], index: OriginIndex
) -> Group | None:
    candidates = [g for g in groups if g.asserting]
    if not candidates:
        return None

    def support(group: Group) -> tuple[float, ...]:
        independent = len(origins(supporting(group.claims), relays, index=index))
        anyone = len(origins(group.asserting, frozenset(), index=index))
        precision = 0.0
        value = group.value
        if isinstance(value, model.TimeValue):
            precision = -value.interval.duration.total_seconds()
        elif isinstance(value, model.PlaceValue):
            precision = -float(value.precision)
        elif isinstance(value, model.Quantity):
            precision = -float(value.min) if attribute == A.KILLED else 0.0
        first = min(c.evidence.start for c in group.claims)
        return (independent, anyone, precision, -first)

    return max(candidates, key=support)


def _only_denied(groups: Sequence[Group]) -> Group | None:
    """The value of an attribute no source asserts, only denies, for an incident told in
    denials alone ("the army said it did not strike the wedding in Maru on Sunday"): the day
    and place are where the denied event would have been, and the record shows them so, graded
    as denied. The first told, when there are several; None when any source asserts a value."""
    if not groups or any(g.asserting for g in groups):
        return None
    return min(groups, key=lambda g: min((c.report_id, c.evidence.start) for c in g.claims))


def _best_place(groups: Sequence[Group], relays: frozenset[str], index: OriginIndex) -> Group | None:
    """The most specific place inside the best-supported one.

    Reports name the country and region more often than the town ("Russia", "the Voronezh
    region", "Liski"); the incident's place is the deepest of those that nest, starting
    from the one most sources give.
    """
    current = _best_group(A.PLACE, groups, relays, index)
    seen: set[str] = set()
    while current is not None and isinstance(current.value, model.PlaceValue):
        outer = current.value.place
        seen.add(outer.id)
        inside = [
            g
            for g in groups
            if g.asserting
            and isinstance(g.value, model.PlaceValue)
            and g.value.place.id not in seen
            and _inside(g.value.place, outer)
        ]
        if not inside:
            return current
        current = _best_group(A.PLACE, inside, relays, index)
    return current


def _inside(inner: model.Place, outer: model.Place) -> bool:
    if inner.id == outer.id:
        return False
    if outer.kind == "country":
        return inner.country_code == outer.country_code and inner.kind != "country"
    return outer.name in inner.parents or (outer.kind == "admin1" and inner.admin1 == outer.name)


def _value_group(
    group: Group, relays: frozenset[str], index: OriginIndex, superseded: frozenset[str] = frozenset()
) -> model.ValueGroup:
    return model.ValueGroup(
        value=group.value,
        claim_ids=tuple(c.id for c in group.claims),
        origins=tuple(s.key for s in origins(group.claims, relays, index=index)),
        stances=tuple(dict.fromkeys(c.stance for c in group.claims)),
        variants=tuple(dict.fromkeys(c.evidence.text for c in group.claims)),
        superseded=bool(group.asserting) and all(c.id in superseded for c in group.asserting),
    )


def _range(groups: Sequence[Group]) -> model.Quantity | None:
    values = [g.value for g in groups if g.asserting and isinstance(g.value, model.Quantity)]
    if not values:
        return None
    low = min(v.min for v in values)
    highs = [v.max for v in values]
    high = None if any(h is None for h in highs) else max(h for h in highs if h is not None)
    return model.Quantity(min=low, max=high)


def _place_country(group: Group | None) -> str | None:
    if group is None or not isinstance(group.value, model.PlaceValue):
        return None
    return group.value.place.country_code


def _event_type(frames: Sequence[model.Frame]) -> tuple[str, str]:
    """The type most frames give, a report's main frame counting double and a type read from
    a named weapon triple: "the enemy strike" or "a loud explosion" only says something
    happened, "glide bombs hit" says which kind, and outweighs two reports that only heard it.
    Once any frame names the weapon of explosive violence, the frames that do not know it
    vote for the named kind that leads: they never said it was another."""
    votes: Counter[tuple[str, str]] = Counter()
    for frame in frames:
        votes[_types(frame)] += _weight(frame)
    named = {_types(f) for f in frames if f.typed_by_weapon and f.event_type == EXPLOSIVE_VIOLENCE}
    lead = next((kind for kind, _ in votes.most_common() if kind in named), None)
    if lead is not None:
        for frame in frames:
            if weapon_unknown(frame):
                votes[_types(frame)] -= _weight(frame)
                votes[lead] += _weight(frame)
    return votes.most_common(1)[0][0]


def _types(frame: model.Frame) -> tuple[str, str]:
    return frame.event_type, frame.sub_event_type


def _weight(frame: model.Frame) -> int:
    return (2 if frame.primary else 1) * (3 if frame.typed_by_weapon else 1)


def _label(sub_type: str, facts: Sequence[model.Fact], place: model.PlaceValue | None) -> str:
    parts = [sub_type]
    launched = next(
        (f for f in facts if f.attribute == A.LAUNCHED and isinstance(f.value, model.Quantity)),
        None,
    )
    weapon = next(
        (f for f in facts if f.attribute == A.WEAPON and isinstance(f.value, model.Label)), None
    )
    if launched and isinstance(launched.value, model.Quantity) and launched.value.exact:
        noun = weapon.value.text if weapon and isinstance(weapon.value, model.Label) else "weapons"
        parts.append(f"{launched.value.min} × {noun}")
    if place is not None:
        where = place.place.name
        if place.place.parents and place.place.kind not in {"country", "admin1"}:
            where += f", {place.place.parents[0]}"
        parts.append(("near " if place.precision == model.GeoPrecision.NEAR else "") + where)
    return " — ".join(parts)


def _notes(facts: Sequence[model.Fact], contradictions: Sequence[model.Contradiction]) -> str:
    contested = [
        f.attribute.value.replace("_", " ")
        for f in facts
        if f.grade.level == model.GradeLevel.CONTESTED
    ]
    if contested:
        return f"Contested: {', '.join(dict.fromkeys(contested))}. {len(contradictions)} contradiction(s) recorded."
    return ""


def _incident_order(incident: model.Incident) -> tuple[str, str]:
    start = (
        incident.time.start.isoformat() if incident.time and incident.time.year_known else "9999"
    )
    return (start, incident.id)

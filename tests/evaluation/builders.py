"""Hand-built system output for the scoring tests: short calls instead of pages of JSON."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from corroborator import model
from corroborator.evaluation import Places

A = model.Attribute


def place(places: Places, name: str, country: str) -> model.Place:
    return places.gazetteer.lookup(name, countries=[country])[0]


def days(first: str, last: str | None = None) -> model.TimeInterval:
    start = datetime.combine(date.fromisoformat(first), time())
    end = datetime.combine(date.fromisoformat(last or first), time()) + timedelta(days=1)
    return model.TimeInterval(start=start, end=end, precision=model.TimePrecision.DAY)


def count(exact: int) -> model.Quantity:
    return model.Quantity(min=exact, max=exact)


def label(code: str) -> model.Label:
    return model.Label(code=code, text=code)


def at(p: model.Place) -> model.PlaceValue:
    return model.PlaceValue(place=p, precision=model.GeoPrecision.TOWN)


def when(first: str, last: str | None = None, *, clock: str | None = None) -> model.TimeValue:
    return model.TimeValue(interval=days(first, last), value=first, clock=clock)


def source(
    name: str, kind: str = "official", affiliation: str | None = None, *, key: str | None = None
) -> model.Source:
    return model.Source(
        key=key or f"name:{name.lower()}", name=name, kind=model.SourceKind(kind), affiliation=affiliation
    )


_counter = iter(range(1, 1_000_000))


def claim(
    report: str,
    attribute: model.Attribute,
    value: model.FactValue,
    *,
    by: model.Source | None = None,
    stance: str = "asserts",
    own_voice: bool = False,
) -> model.Claim:
    n = next(_counter)
    who = by or source("The Outlet", "independent_media", key="outlet:the-outlet")
    return model.Claim(
        id=f"{report}:c{n}",
        report_id=report,
        frame_id=f"{report}#f1",
        attribute=attribute,
        value=value,
        stance=model.Stance(stance),
        source=who,
        evidence=model.Span(report_id=report, start=0, end=1, text="x"),
        attribution_id=None if own_voice or by is None else f"{report}:a{n}",
    )


def incident(
    incident_id: str,
    claims: Sequence[model.Claim],
    *,
    reports: Sequence[str] = (),
    where: model.Place | None = None,
    interval: model.TimeInterval | None = None,
    primary_of: Sequence[str] = (),
    contradictions: Sequence[tuple[model.Attribute, str]] = (),
    grade: str = "single source",
    event_type: str = "Explosions/Remote violence",
    sub_event_type: str = "Air/drone strike",
) -> model.Incident:
    report_ids = tuple(dict.fromkeys([*reports, *(c.report_id for c in claims)]))
    return model.Incident(
        id=incident_id,
        label=incident_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        time=interval,
        place=where,
        report_ids=report_ids,
        primary_of=tuple(primary_of),
        claims=tuple(claims),
        contradictions=tuple(
            model.Contradiction(
                kind=model.ContradictionKind(kind),
                attribute=attribute,
                within_report=False,
                claim_ids=(),
                against_ids=(),
                explanation="built for a test",
            )
            for attribute, kind in contradictions
        ),
        grade=model.Grade(level=model.GradeLevel(grade), reason="built for a test"),
    )


def outcome(
    report_id: str,
    *,
    outlet: str = "The Outlet",
    declared: str | None = None,
    primary: str | None = None,
    date_line_inconsistent: bool = False,
    inferred: tuple[str, str] | None = None,
) -> model.ReportOutcome:
    return model.ReportOutcome(
        id=report_id,
        outlet=outlet,
        url=None,
        title=None,
        origin=report_id,
        language="en",
        publication=model.PublicationTime(
            declared=date.fromisoformat(declared) if declared else None,
            inferred_earliest=date.fromisoformat(inferred[0]) if inferred else None,
            inferred_latest=date.fromisoformat(inferred[1]) if inferred else None,
            year_known=inferred is not None or declared is not None,
            date_line_inconsistent=date_line_inconsistent,
        ),
        primary_incident=primary,
    )


def analysis(incidents: Sequence[model.Incident], reports: Sequence[model.ReportOutcome] = ()) -> model.Analysis:
    return model.Analysis(reports=tuple(reports), incidents=tuple(incidents))

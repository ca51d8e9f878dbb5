"""Dossiers for people: the terminal (rich, with colour) and Markdown, from one layout.

Both formats render the same sections, built once by `sections()`: the incident header,
when and where, the facts with their values, ranges and grades, the contradictions in a
sentence each, and who says what (each source with its kind, affiliation and relays, and
its claims with the exact words and where they are).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corroborator import model

_ONE_DAY = timedelta(days=1)
_GRADE_STYLE = {
    model.GradeLevel.CONFIRMED: "bold green",
    model.GradeLevel.CORROBORATED: "green",
    model.GradeLevel.SINGLE_SOURCE: "yellow",
    model.GradeLevel.PARTY_CLAIM: "magenta",
    model.GradeLevel.CONTESTED: "bold red",
}


def value_text(
    value: model.Quantity | model.Label | model.TimeValue | model.PlaceValue | None,
) -> str:
    if value is None:
        return "—"
    if isinstance(value, model.Quantity):
        return str(value)
    if isinstance(value, model.Label):
        if value.text and value.text.lower() != value.code.lower():
            return f"{value.code} ({value.text})"
        return value.code
    if isinstance(value, model.TimeValue):
        if value.clock is not None:
            day = (
                f" on {value.interval.start:%Y-%m-%d}"
                if value.interval.year_known and value.interval.duration <= _ONE_DAY
                else ""
            )
            return f"{value.clock}{day}"
        return interval_text(value.interval)
    return place_text(value.place, value.precision)


def interval_text(interval: model.TimeInterval | None, *, clock: str | None = None) -> str:
    if interval is None:
        return "unknown"
    year = "" if interval.year_known else " (year unknown)"
    if clock and interval.precision in {model.TimePrecision.MINUTE, model.TimePrecision.HOUR}:
        return (
            f"{clock} on {interval.start:%Y-%m-%d}{year}"
            if interval.year_known
            else f"{clock}{year}"
        )
    fmt = "%Y-%m-%d" if interval.year_known else "%m-%d"
    if interval.precision in {model.TimePrecision.DAY}:
        return interval.start.strftime(fmt) + year
    if interval.precision in {model.TimePrecision.MONTH}:
        return interval.start.strftime("%Y-%m" if interval.year_known else "%B") + year
    if interval.precision == model.TimePrecision.YEAR:
        return interval.start.strftime("%Y")
    end = interval.end
    return f"{interval.start.strftime(fmt + ' %H:%M')} → {end.strftime(fmt + ' %H:%M')}{year}"


def place_text(place: model.Place | None, precision: model.GeoPrecision | None = None) -> str:
    if place is None:
        return "unknown"
    near = "near " if precision == model.GeoPrecision.NEAR else ""
    chain = ", ".join(dict.fromkeys(place.hierarchy))
    country = f" ({place.country_code})" if place.country_code else ""
    return f"{near}{chain}{country}"


def source_text(source: model.Source, via: Sequence[model.Source] = ()) -> str:
    parts = [source.kind.value.replace("_", " ")]
    if source.affiliation:
        parts.append(source.affiliation)
    text = f"{source.name} ({', '.join(parts)})"
    if via:
        text += " via " + " → ".join(v.name for v in via)
    return text


@dataclass(frozen=True)
class Sections:
    """Everything a dossier shows, as plain strings and rows."""

    title: str
    grade: model.Grade
    header: list[tuple[str, str]]
    facts: list[tuple[str, str, str, str, str]]
    contradictions: list[str]
    updates: list[str]
    sources: list[tuple[str, list[str]]]


def sections(incident: model.Incident) -> Sections:
    precision = f"ACLED time precision {incident.time.precision.acled}" if incident.time else ""
    when = interval_text(incident.time)
    if incident.time_value:
        when += f"  [{incident.time_value}]"
    if precision:
        when += f"; {precision}"
    if incident.time_note:
        when += f"; {incident.time_note}"
    where = place_text(incident.place, incident.geo_precision)
    if incident.place and incident.place.latitude is not None:
        where += f"; {incident.place.latitude:.4f}, {incident.place.longitude:.4f}"
    if incident.geo_precision is not None:
        where += f"; geo precision {int(incident.geo_precision)}"
    reports = ", ".join(
        f"{r}{' (main)' if r in incident.primary_of else ''}" for r in incident.report_ids
    )
    header = [
        ("Type", f"{incident.event_type} / {incident.sub_event_type}"),
        ("When", when),
        ("Where", where),
        ("Reports", reports),
        ("Grade", f"{incident.grade.level.value}: {incident.grade.reason}"),
    ]
    if incident.actors:
        header.append(("Actors", ", ".join(incident.actors)))
    if incident.fatalities is not None:
        header.append(("Fatalities", f"{incident.fatalities} (conservative)"))
    if incident.revision > 1:
        header.append(("Revision", f"{incident.revision}: {incident.history[-1].summary}"))

    claims = {c.id: c for c in incident.claims}
    facts = []
    for fact in incident.facts:
        alternatives = [value_text(g.value) for g in fact.groups if g.value != fact.value and not g.superseded]
        earlier = [value_text(g.value) for g in fact.groups if g.value != fact.value and g.superseded]
        value = value_text(fact.value)
        if alternatives:
            value += "  (also: " + "; ".join(dict.fromkeys(alternatives)) + ")"
        if earlier:
            value += "  (earlier: " + "; ".join(dict.fromkeys(earlier)) + ")"
        rng = str(fact.range) if fact.range is not None and not fact.range.exact else ""
        names = {
            claims[cid].source.name for g in fact.groups for cid in g.claim_ids if cid in claims
        }
        facts.append(
            (
                fact.attribute.value.replace("_", " "),
                value,
                rng,
                fact.grade.level.value,
                ", ".join(sorted(names)),
            )
        )

    contradictions = [
        f"{c.kind.value}{' (within one report)' if c.within_report else ''}: {c.explanation}"
        for c in incident.contradictions
    ]

    by_source: dict[str, tuple[str, list[str]]] = {}
    for claim in incident.claims:
        key = claim.source.key + "|" + "|".join(v.key for v in claim.via)
        heading = source_text(claim.source, claim.via)
        line = (
            f"{claim.stance.value} {claim.attribute.value.replace('_', ' ')} = {value_text(claim.value)}: "
            f'"{claim.evidence.text}" [{claim.report_id} {claim.evidence.start}–{claim.evidence.end}]'
        )
        if claim.in_caption:
            line += " (caption)"
        if claim.hedges:
            line += f" (hedged: {', '.join(claim.hedges)})"
        if claim.note:
            line += f" — {claim.note}"
        by_source.setdefault(key, (heading, []))[1].append(line)
    return Sections(
        title=f"{incident.id}  {incident.label}",
        grade=incident.grade,
        header=header,
        facts=facts,
        contradictions=contradictions,
        updates=[u.explanation for u in incident.updates],
        sources=list(by_source.values()),
    )


# ---------------------------------------------------------------- terminal


def print_dossier(console: Console, incident: model.Incident) -> None:
    s = sections(incident)
    header = Table.grid(padding=(0, 2))
    header.add_column(style="bold")
    header.add_column()
    for name, value in s.header:
        header.add_row(name, value)
    facts = Table(title="Facts", title_justify="left", show_lines=False, expand=True)
    for column in ("attribute", "value", "range", "grade", "sources"):
        facts.add_column(column, overflow="fold")
    for row in s.facts:
        grade = model.GradeLevel(row[3])
        facts.add_row(row[0], row[1], row[2], Text(row[3], style=_GRADE_STYLE[grade]), row[4])
    parts: list[object] = [header, facts]
    if s.contradictions:
        parts.append(Text("Contradictions", style="bold red"))
        parts.extend(Text(f"• {line}") for line in s.contradictions)
    if s.updates:
        parts.append(Text("Updates (not contradictions)", style="bold"))
        parts.extend(Text(f"• {line}") for line in s.updates)
    parts.append(Text("Who says what", style="bold"))
    for heading, lines in s.sources:
        parts.append(Text(heading, style="cyan"))
        parts.extend(Text(f"   {line}") for line in lines)
    title = Text(s.title)
    title.append(f"  [{s.grade.level.value}]", style=_GRADE_STYLE[s.grade.level])
    console.print(Panel(Group(*parts), title=title, title_align="left"))  # type: ignore[arg-type]


def print_reports(console: Console, reports: Sequence[model.ReportOutcome]) -> None:
    table = Table(title="Reports", title_justify="left", expand=True)
    for column in ("report", "outlet", "published", "main incident", "notes"):
        table.add_column(column, overflow="fold")
    for report in reports:
        table.add_row(
            report.id,
            report.outlet or "unknown",
            publication_text(report.publication),
            report.primary_incident or "—",
            "; ".join(a.message for a in report.anomalies),
        )
    console.print(table)


def publication_text(publication: model.PublicationTime) -> str:
    declared = publication.declared.isoformat() if publication.declared else "none declared"
    if publication.inferred_earliest is None:
        return declared
    lo, hi = (
        publication.inferred_earliest,
        publication.inferred_latest or publication.inferred_earliest,
    )
    fmt = "%Y-%m-%d" if publication.year_known else "%m-%d (year unknown)"
    inferred = lo.strftime(fmt) if lo == hi else f"{lo.strftime(fmt)} – {hi.strftime(fmt)}"
    flag = " ⚠ date line inconsistent" if publication.date_line_inconsistent else ""
    source = (
        f", year {publication.year_source}"
        if publication.year_source in {"linked", "content"}
        else ""
    )
    return f"declared {declared}; inferred {inferred}{source}{flag}"


def print_incident_list(console: Console, incidents: Sequence[model.Incident]) -> None:
    table = Table(title=f"Incidents ({len(incidents)})", title_justify="left", expand=True)
    for column in ("id", "when", "where", "type", "reports", "grade", "label"):
        table.add_column(column, overflow="fold")
    for i in incidents:
        table.add_row(
            i.id,
            interval_text(i.time),
            place_text(i.place, i.geo_precision),
            i.sub_event_type,
            str(len(i.report_ids)),
            Text(i.grade.level.value, style=_GRADE_STYLE[i.grade.level]),
            i.label,
        )
    console.print(table)


# ---------------------------------------------------------------- markdown


def markdown_dossier(incident: model.Incident) -> str:
    s = sections(incident)
    lines = [f"## {s.title}", ""]
    lines += [f"- **{name}**: {value}" for name, value in s.header]
    lines += [
        "",
        "### Facts",
        "",
        "| attribute | value | range | grade | sources |",
        "|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in s.facts]
    if s.contradictions:
        lines += ["", "### Contradictions", ""] + [f"- {_md(c)}" for c in s.contradictions]
    if s.updates:
        lines += ["", "### Updates (not contradictions)", ""] + [f"- {_md(u)}" for u in s.updates]
    lines += ["", "### Who says what", ""]
    for heading, claim_lines in s.sources:
        lines.append(f"- **{_md(heading)}**")
        lines += [f"    - {_md(line)}" for line in claim_lines]
    return "\n".join(lines) + "\n"


def markdown_analysis(analysis: model.Analysis) -> str:
    lines = [
        "# corroborator analysis",
        "",
        "| report | outlet | published | main incident | notes |",
        "|---|---|---|---|---|",
    ]
    for r in analysis.reports:
        lines.append(
            "| "
            + " | ".join(
                _md(x)
                for x in (
                    r.id,
                    r.outlet or "unknown",
                    publication_text(r.publication),
                    r.primary_incident or "—",
                    "; ".join(a.message for a in r.anomalies),
                )
            )
            + " |"
        )
    lines.append("")
    for incident in analysis.incidents:
        lines.append(markdown_dossier(incident))
    if analysis.failures:
        lines += ["## Failed inputs", ""] + [
            f"- `{f.origin}`: {_md(f.reason)}" for f in analysis.failures
        ]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# ---------------------------------------------------------------- json


def json_analysis(analysis: model.Analysis) -> str:
    return json.dumps(analysis.model_dump(mode="json"), indent=2, ensure_ascii=False)

"""The evaluation as compact terminal tables (rich) or as JSON (the same numbers)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from corroborator.evaluation.metrics import PRF, Accuracy, ClusterScore
from corroborator.evaluation.run import Evaluation


def number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _accuracy(value: Accuracy) -> list[str]:
    return [str(value.correct), str(value.total), number(value.accuracy)]


def _prf_row(name: str, value: PRF) -> list[str]:
    return [
        name,
        str(value.tp + value.fn),
        str(value.tp + value.fp),
        str(value.tp),
        number(value.precision),
        number(value.recall),
        number(value.f1),
    ]


def _prf_table(title: str, first: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    for column in ("gold", "system", "hits", "P", "R", "F1"):
        table.add_column(column, justify="right")
    return table


def _cluster_row(name: str, value: ClusterScore) -> list[str]:
    return [name, str(value.items), number(value.precision), number(value.recall), number(value.f1)]


def json_evaluation(evaluation: Evaluation, *, details: bool = False) -> str:
    """The evaluation as JSON; the list of extraction errors only with `details`."""
    if details:
        return evaluation.model_dump_json(indent=2)
    return evaluation.model_dump_json(indent=2, exclude={"scores": {"extraction": {"errors"}}})


def print_errors(console: Console, evaluation: Evaluation) -> None:
    """Every missed gold fact and spurious system value, with the words behind it."""
    table = Table(title="Extraction errors", title_justify="left")
    for column in ("report", "incident", "attribute", "error", "value", "words"):
        table.add_column(column)
    for e in evaluation.scores.extraction.errors:
        style = "red" if e.error == "missed" else "yellow"
        table.add_row(e.report, e.incident, e.attribute, f"[{style}]{e.error}[/{style}]", e.value, e.words)
    console.print(table)


def print_evaluation(console: Console, evaluation: Evaluation, *, details: bool = False) -> None:
    scores = evaluation.scores
    console.print(
        f"[bold]Dev set[/bold] {evaluation.devset}: {evaluation.reports_analysed} report(s) analysed, "
        f"{len(evaluation.failures)} failed"
    )

    table = _prf_table("1. Extraction: (report, incident, attribute, value) facts", "attribute")
    for name, value in scores.extraction.per_attribute.items():
        table.add_row(*_prf_row(name, value))
    table.add_row(*_prf_row("micro total", scores.extraction.micro), style="bold")
    console.print(table)

    attribution = scores.attribution
    table = Table(
        title=f"2. Attribution: over {attribution.found} of {attribution.gold_statements} gold statements found",
        title_justify="left",
    )
    table.add_column("judged")
    for column in ("right", "of", "accuracy"):
        table.add_column(column, justify="right")
    for judged, accuracy in (
        ("stance", attribution.stance),
        ("source kind", attribution.source_kind),
        ("affiliation", attribution.affiliation),
        ("source named", attribution.source_name),
    ):
        table.add_row(judged, *_accuracy(accuracy))
    console.print(table)

    linking = scores.linking
    table = Table(
        title=f"3. Linking: {linking.gold_incidents} gold incidents, {linking.system_incidents} system, "
        f"{linking.aligned_incidents} aligned",
        title_justify="left",
    )
    table.add_column("grouping")
    for column in ("items", "P", "R", "F1"):
        table.add_column(column, justify="right")
    table.add_row(*_cluster_row("B³ over mentions", linking.b_cubed))
    table.add_row(*_cluster_row("pairwise over mentions", linking.pairwise))
    table.add_row(*_cluster_row("B³ over reports by main incident", linking.primary_b_cubed))
    console.print(table)
    console.print(f"Distinct pairs kept apart: {linking.distinct_apart.correct} of {linking.distinct_apart.total}")
    for pair in linking.distinct:
        if not pair.apart:
            console.print(f"  [red]merged[/red] {pair.first} and {pair.second} in {', '.join(pair.merged_in)}")

    table = _prf_table("4. Contradictions: (incident, attribute) pairs of aligned incidents", "kind")
    for name, value in scores.contradictions.per_kind.items():
        table.add_row(*_prf_row(name, value))
    table.add_row(*_prf_row("all (by attribute)", scores.contradictions.total), style="bold")
    console.print(table)

    table = Table(title="5. Incidents and 6. Reports", title_justify="left")
    table.add_column("judged")
    for column in ("right", "of", "accuracy"):
        table.add_column(column, justify="right")
    incidents, reports = scores.incidents, scores.reports
    for judged, accuracy in (
        ("incident grade", incidents.grade),
        ("event type", incidents.event_type),
        ("sub-event type", incidents.sub_event_type),
        ("declared publication", reports.declared_published),
        ("inferred publication", reports.inferred_published),
        ("date-line flag", reports.date_line_flag),
    ):
        table.add_row(judged, *_accuracy(accuracy))
    console.print(table)

    table = Table(title="Alignment: gold incident → system incident", title_justify="left")
    for column in ("gold", "label", "system", "mentions held"):
        table.add_column(column)
    for row in scores.alignment:
        table.add_row(row.key, row.label, row.incident or "[red]none[/red]", f"{row.aligned_mentions}/{row.reports}")
    console.print(table)

    if details:
        print_errors(console, evaluation)
    for failure in evaluation.failures:
        console.print(f"[red]failed[/red] {failure}", highlight=False)
    for problem in evaluation.gold_problems:
        console.print(f"[yellow]answer key[/yellow] {problem}", highlight=False)

"""The `corroborator` command: a thin shell over the library.

Each command parses its flags, calls one function of `serve.workflows` or the store, and
prints. Library errors (`CorroboratorError`) become a one-line message and exit code 1;
anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from corroborator import __version__, model
from corroborator.config import Settings, load_settings
from corroborator.errors import CorroboratorError
from corroborator.evaluation.command import evaluate
from corroborator.serve import render, workflows

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("text", "json", "markdown")


def _settings(db: Path | None) -> Settings:
    return load_settings(overrides={"store.path": str(db) if db else None})


def db_option(func: F) -> F:
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="SQLite database file (default: corroborator.db in the working directory, or store.path).",
    )(func)


def format_option(func: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="text",
        show_default=True,
        help="text: a readable dossier; json: the schema'd record; markdown: a report.",
    )(func)


def _console() -> Console:
    return Console(highlight=False)


class CorroboratorGroup(click.Group):
    """Turn library errors into a clear message instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CorroboratorError as exc:
            click.echo(f"corroborator: error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=CorroboratorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="corroborator")
def main() -> None:
    """Turn news reports about conflict incidents into sourced, corroboration-graded incident records.

    \b
    Example:
      corroborator analyze examples/reports/
      corroborator incidents
      corroborator show INC-0001
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@db_option
@format_option
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when stderr is a terminal).",
)
def analyze(paths: tuple[str, ...], db: Path | None, fmt: str, progress: bool | None) -> None:
    """Analyse report files, directories (recursively) or "-" (stdin) into the database.

    Plain text (with optional "Key: value" headers), JSON and JSON Lines records are read.
    Reports already in the database are not processed again; new ones are linked with
    everything stored. Bad inputs are reported and kept for inspection; the batch goes on.

    \b
    Example:
      corroborator analyze examples/reports/ --db demo.db
      corroborator analyze report.txt --format json > analysis.json
      cat report.txt | corroborator analyze - --format markdown
    """
    settings = _settings(db)
    err = Console(stderr=True, highlight=False)
    show = err.is_terminal if progress is None else progress
    with workflows.open_store(settings) as store:
        if show:
            with Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            ) as bar:
                task = bar.add_task("analysing reports", total=None)
                analysis, summary = workflows.analyze_paths(
                    paths,
                    settings=settings,
                    store=store,
                    progress=lambda name: bar.update(
                        task, advance=1, description=f"analysing {name}"
                    ),
                )
        else:
            analysis, summary = workflows.analyze_paths(paths, settings=settings, store=store)
    _emit(analysis, fmt)
    # Unwrapped: paths and reasons must survive copy and paste, and grep.
    err.print(
        f"{len(summary.new)} new, {len(summary.unchanged)} unchanged, {len(summary.failed)} failed; "
        f"{len(analysis.incidents)} incident(s) involve these reports (database: {settings.db_path})",
        soft_wrap=True,
    )
    for failure in summary.failed:
        err.print(f"[red]failed[/red] {failure.origin}: {failure.reason}", markup=True, highlight=False, soft_wrap=True)


def _emit(analysis: model.Analysis, fmt: str) -> None:
    if fmt == "json":
        click.echo(render.json_analysis(analysis))
    elif fmt == "markdown":
        click.echo(render.markdown_analysis(analysis))
    else:
        console = _console()
        render.print_reports(console, analysis.reports)
        for incident in analysis.incidents:
            render.print_dossier(console, incident)


@main.command()
@db_option
@format_option
def incidents(db: Path | None, fmt: str) -> None:
    """List the incidents in the database, oldest first.

    \b
    Example:
      corroborator incidents --db demo.db
      corroborator incidents --format json
    """
    settings = _settings(db)
    with workflows.open_store(settings) as store:
        analysis = workflows.stored_analysis(store)
    if fmt == "text":
        render.print_incident_list(_console(), analysis.incidents)
    else:
        _emit(analysis, fmt)


@main.command()
@click.argument("incident_id")
@db_option
@format_option
def show(incident_id: str, db: Path | None, fmt: str) -> None:
    """Show one incident's dossier: facts, contradictions, grades and who says what.

    \b
    Example:
      corroborator show INC-0001 --db demo.db
      corroborator show INC-0001 --format markdown > INC-0001.md
    """
    settings = _settings(db)
    with workflows.open_store(settings) as store:
        incident = store.incident(incident_id)
    if fmt == "json":
        click.echo(incident.model_dump_json(indent=2))
    elif fmt == "markdown":
        click.echo(render.markdown_dossier(incident))
    else:
        render.print_dossier(_console(), incident)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=str))
@click.option(
    "--repeat", default=3, show_default=True, help="Runs per measurement; the fastest counts."
)
@click.option("--limit", type=int, default=None, help="Use at most this many reports.")
def bench(paths: tuple[str, ...], repeat: int, limit: int | None) -> None:
    """Measure the full pipeline against bare spaCy (nlp.pipe) on the same reports.

    Prints reports/s and words/s for both, the time ratio, and peak memory. With no
    PATHS, the bundled examples are used.

    \b
    Example:
      corroborator bench examples/reports/
      corroborator bench ../shared/data/polnear/dev/text --limit 200 --repeat 1
    """
    from corroborator.serve import bench as benchmark

    settings = load_settings()
    chosen = paths or (str(_examples_dir()),)
    reports = benchmark.load_reports(chosen, settings=settings, limit=limit)
    if not reports:
        raise click.UsageError("no readable reports under the given paths")
    result = benchmark.run(reports, settings=settings, repeat=repeat)
    for line in result.lines():
        click.echo(line)


def _examples_dir() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "examples" / "reports"
        if candidate.is_dir():
            return candidate
    raise click.UsageError("give PATHS: the bundled examples are only in a source checkout")


main.add_command(evaluate)

if __name__ == "__main__":  # pragma: no cover
    main()

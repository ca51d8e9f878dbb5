"""The `corroborator` command: a thin shell over the library.

Each command parses its flags, calls one function of `serve.workflows` or the store, and
prints. Library errors (`CorroboratorError`) become a one-line message and exit code 1;
anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
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
from corroborator.ingest import Fetcher, ReadOptions
from corroborator.ingest.csv_tables import parse_column_map
from corroborator.ingest.sniff import FORMATS as INPUT_FORMATS
from corroborator.serve import ingest_jobs, render, workflows

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


# --------------------------------------------------------------------------- incremental work


@contextmanager
def _progress_bar(err: Console, show: bool, description: str) -> Iterator[Callable[[str], None] | None]:
    """A progress bar on stderr (when `show`), yielding the callback that advances it."""
    if not show:
        yield None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task(description, total=None)
        yield lambda name: bar.update(task, advance=1, description=f"{description} {name}")


def _fetch_options(func: F) -> F:
    func = click.option(
        "--timeout", type=float, default=20.0, show_default=True, help="Seconds to wait when fetching a URL."
    )(func)
    return click.option(
        "--fetch/--no-fetch",
        default=True,
        help="Fetch the article of a feed entry that has only a summary (default), or keep the summary.",
    )(func)


def _progress_option(func: F) -> F:
    return click.option(
        "--progress/--no-progress", default=None, help="Show a progress bar (default: when stderr is a terminal)."
    )(func)


def _say(line: str) -> None:
    """One line on stderr, never wrapped: an origin and its reason stay one line to grep."""
    click.echo(line, err=True)


def _print_failures(failures: Sequence[model.IngestFailure]) -> None:
    for failure in failures:
        _say(f"{click.style('failed', fg='red')} {failure.origin}: {failure.reason}")


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=str))
@db_option
@click.option(
    "--columns",
    default=None,
    metavar="FIELD=COLUMN,...",
    help="CSV/TSV: which column fills which report field (id, text, title, outlet, url, published, language, "
    "retrieved); columns by header name or 1-based number. Unnamed fields go by header names.",
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default=None,
    help="Read every source as this format instead of by its name, content type or content.",
)
@_fetch_options
@_progress_option
def ingest(
    sources: tuple[str, ...],
    db: Path | None,
    columns: str | None,
    input_format: str | None,
    fetch: bool,
    timeout: float,
    progress: bool | None,
) -> None:
    """Add reports to the database without analysing them (run `corroborator update` next).

    SOURCES are files, directories (recursively), .zip archives, URLs, RSS/Atom feeds or "-"
    (stdin): plain text, JSON, JSON Lines, HTML pages, feeds, CSV/TSV tables and Telegram
    Desktop exports (result.json). Reports already stored are recognised by content and
    skipped; failures are kept (`corroborator failed`). Safe to interrupt: what was stored
    stays stored, and a re-run skips it.

    \b
    Example:
      corroborator ingest reports/ archive.zip https://example.org/news/feed.xml
      corroborator ingest export.csv --columns text=body,published=date,outlet=site
      corroborator update
    """
    try:
        mapping = parse_column_map(columns) if columns else {}
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--columns") from exc
    settings = _settings(db)
    err = Console(stderr=True, highlight=False)
    options = ReadOptions(columns=mapping, fetch_linked=fetch, input_format=input_format)
    with (
        workflows.open_store(settings) as store,
        Fetcher(max_bytes=settings.max_input_bytes, timeout=timeout) as fetcher,
        _progress_bar(err, err.is_terminal if progress is None else progress, "ingesting") as advance,
    ):
        summary = ingest_jobs.ingest_sources(
            sources, settings=settings, store=store, fetcher=fetcher, options=options, progress=advance
        )
        pending = store.pending_count()
    _say(f"{summary.line()}; {pending} report(s) pending analysis (database: {settings.db_path})")
    _print_failures(summary.failed)
    if pending:
        _say("run `corroborator update` to analyse them")


@main.command()
@db_option
@format_option
@_progress_option
def update(db: Path | None, fmt: str, progress: bool | None) -> None:
    """Analyse the reports waiting in the database and update the incidents.

    New reports are extracted, then linked with everything stored, so they join existing
    incidents (which keep their ids and gain revisions). Prints the incidents they touch.

    \b
    Example:
      corroborator ingest reports/ && corroborator update
      corroborator update --format json > changes.json
    """
    settings = _settings(db)
    err = Console(stderr=True, highlight=False)
    with (
        workflows.open_store(settings) as store,
        _progress_bar(err, err.is_terminal if progress is None else progress, "analysing") as advance,
    ):
        analysis, summary = ingest_jobs.update_pending(settings=settings, store=store, progress=advance)
    if analysis is None:
        _say(f"nothing pending; the database is up to date ({settings.db_path})")
        return
    _emit(analysis, fmt)
    touched = len(analysis.incidents)
    _say(f"{summary.line()}; {touched} incident(s) involve these reports (database: {settings.db_path})")
    _print_failures(summary.failed)


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option(
    "--interval", type=float, default=900.0, show_default=True, help="Seconds between polls of every feed."
)
@click.option("--once", is_flag=True, help="Poll once, update, and stop.")
@_fetch_options
def watch(feeds: tuple[str, ...], db: Path | None, interval: float, once: bool, fetch: bool, timeout: float) -> None:
    """Poll feeds: store new entries and update the incidents, every --interval seconds.

    FEEDS are RSS/Atom URLs (fetched conditionally: an unchanged feed costs the site one
    short answer) or files. Entries already stored are never fetched again. Stop with Ctrl-C.

    \b
    Example:
      corroborator watch https://example.org/rss.xml https://example.net/atom --interval 600
      corroborator watch feeds/saved.xml --once
    """
    if interval <= 0:
        raise click.BadParameter("must be more than 0 seconds", param_hint="--interval")
    settings = _settings(db)

    def report(cycle: ingest_jobs.WatchCycle) -> None:
        stamp = cycle.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        unchanged = f", {len(cycle.unchanged_feeds)} feed(s) unchanged" if cycle.unchanged_feeds else ""
        analysed = f"; {cycle.update.line()}, {cycle.incidents} incident(s) touched" if cycle.update else ""
        _say(f"{stamp} {cycle.ingest.line()}{unchanged}{analysed}")
        _print_failures([*cycle.ingest.failed, *(cycle.update.failed if cycle.update else [])])

    options = ReadOptions(fetch_linked=fetch)
    with (
        workflows.open_store(settings) as store,
        Fetcher(max_bytes=settings.max_input_bytes, timeout=timeout) as fetcher,
    ):
        try:
            ingest_jobs.watch_feeds(
                feeds,
                settings=settings,
                store=store,
                interval=interval,
                once=once,
                fetcher=fetcher,
                options=options,
                on_cycle=report,
            )
        except KeyboardInterrupt:
            _say("stopped; everything stored so far is kept")


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def failed(db: Path | None, fmt: str) -> None:
    """List the inputs that could not be read (the quarantine), with the reason for each.

    \b
    Example:
      corroborator failed
      corroborator failed --format json
    """
    settings = _settings(db)
    with workflows.open_store(settings) as store:
        entries = ingest_jobs.list_failures(store)
    if fmt == "json":
        click.echo(json.dumps([ingest_jobs.failure_record(e) for e in entries], indent=2))
        return
    if not entries:
        click.echo("no failed inputs")
        return
    for entry in entries:
        tried = f", {entry.attempts} attempts" if entry.attempts > 1 else ""
        kept = f"{entry.format or '?'}, {len(entry.raw):,} bytes{tried}"
        click.echo(f"#{entry.id} {entry.origin}: {entry.reason} [{kept}]")


@main.command()
@click.argument("ids", nargs=-1, type=int)
@db_option
@_fetch_options
def retry(ids: tuple[int, ...], db: Path | None, fetch: bool, timeout: float) -> None:
    """Try failed inputs again: all of them, or those with these IDs (see `corroborator failed`).

    URLs are fetched again and files read again (or, when they are gone, the kept bytes);
    what now reads is stored for `corroborator update`, what still fails keeps its new reason.

    \b
    Example:
      corroborator retry
      corroborator retry 3 7 && corroborator update
    """
    settings = _settings(db)
    with (
        workflows.open_store(settings) as store,
        Fetcher(max_bytes=settings.max_input_bytes, timeout=timeout) as fetcher,
    ):
        summary = ingest_jobs.retry_failures(
            ids or None, settings=settings, store=store, fetcher=fetcher, options=ReadOptions(fetch_linked=fetch)
        )
    for outcome in summary.outcomes:
        entry = outcome.entry
        if outcome.failure is None:
            _say(f"{click.style('reads now', fg='green')} #{entry.id} {entry.origin}")
        else:
            _say(f"{click.style('still fails', fg='red')} #{entry.id} {entry.origin}: {outcome.failure.reason}")
    _print_failures(summary.ingest.failed)
    _say(summary.line() + ("; run `corroborator update` to analyse them" if summary.ingest.new else ""))


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

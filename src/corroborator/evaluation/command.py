"""The `corroborator evaluate` command (registered on the main group in serve/cli.py)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from corroborator.config import load_settings
from corroborator.evaluation.render import json_evaluation, print_evaluation
from corroborator.evaluation.run import evaluate as run_evaluation


@click.command("evaluate")
@click.argument("devset", required=False, default="devset", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="text: compact tables; json: the same numbers, machine-readable.",
)
@click.option("--details", is_flag=True, help="Also list every missed and spurious extracted fact.")
def evaluate(devset: Path, fmt: str, details: bool) -> None:
    """Score the full pipeline on a dev set (reports/*.txt and gold.json, see devset/FORMAT.md).

    The reports are analysed into a temporary database (your own is not touched) and
    compared with the answer key: extraction precision/recall/F1 per attribute, stance,
    source kind and affiliation accuracy, B³ and pairwise linking scores, contradiction
    precision/recall per kind, incident grades, and publication dates.

    \b
    Example:
      corroborator evaluate
      corroborator evaluate devset/ --format json > scores.json
      corroborator evaluate --details
    """
    settings = load_settings()
    err = Console(stderr=True, highlight=False)
    with err.status("analysing the dev set", spinner="dots") if err.is_terminal else _nothing():
        evaluation = run_evaluation(devset, settings=settings)
    if fmt == "json":
        click.echo(json_evaluation(evaluation, details=details))
    else:
        print_evaluation(Console(highlight=False), evaluation, details=details)


class _nothing:
    """A context that does nothing (no spinner when stderr is not a terminal)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None

"""Run the real CLI in-process (models load once per session) and parse its JSON."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corroborator.serve.cli import main
from tests.conftest import TEST_DATA

RunCli = Callable[..., Any]
CLI_DATA = TEST_DATA / "cli"


@pytest.fixture()
def reports(tmp_path: Path) -> Path:
    """A folder of three reports: two of one Kherson strike, one of an Odesa strike another day."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("kherson_a.txt", "kherson_b.txt", "odesa_other_day.txt"):
        shutil.copy(CLI_DATA / name, folder / name)
    return folder


@pytest.fixture()
def run_cli(tmp_path: Path) -> RunCli:
    """`run_cli(*args)` → the CompletedResult; `--db` defaults to a fresh file in tmp_path."""

    def run(*args: str, db: Path | None = None, input: bytes | None = None, ok: bool = True) -> Any:
        argv: Sequence[str] = list(args)
        if "--db" not in argv and args and args[0] in {"analyze", "incidents", "show"}:
            argv = [*argv, "--db", str(db or tmp_path / "test.db")]
        result = CliRunner().invoke(main, argv, input=input, catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return run


def parse_json(output: str) -> Any:
    return json.loads(output)

"""Every CLI command is documented in the README, and its --help shows an example."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from corroborator.serve.cli import main
from tests.conftest import REPO

COMMANDS = sorted(main.commands)


def test_docs_readme_has_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (REPO / "README.md").read_text()
    assert "scripts/demo" in readme and "scripts/test" in readme
    assert "scripts/test" in (REPO / ".ci" / "run").read_text()


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_every_command_has_a_readme_section_with_an_example(command: str) -> None:
    readme = (REPO / "README.md").read_text()
    section = re.search(rf"### `corroborator {command}\b.*?(?=\n### |\n## |\Z)", readme, re.S)
    assert section, f"README has no section for `corroborator {command}`"
    assert f"corroborator {command}" in section.group(0).split("```")[1], (
        "section lacks an example block"
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_docs_every_command_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and f"corroborator {command}" in result.output

"""Static gates: the code type-checks (mypy strict) and lints clean (ruff)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, check=False)


def test_quality_mypy_strict_passes() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_quality_ruff_passes() -> None:
    result = run("ruff", "check", "src", "tests", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr

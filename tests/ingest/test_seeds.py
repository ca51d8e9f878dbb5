"""The founding reports (../shared/seeds) ingest with their date lines and full text."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.config import Settings
from corroborator.ingest import read_paths
from corroborator.model import Report

pytestmark = pytest.mark.shared


def test_seeds_every_report_keeps_date_line_and_text(settings: Settings, shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    assert seeds, "no seed reports found"
    for path in seeds:
        [report] = list(read_paths([path], settings=settings))
        assert isinstance(report, Report), report
        raw = path.read_bytes().decode("utf-8-sig")
        # No header in the seeds: the text is the whole file, date line included.
        assert report.text == raw
        assert report.id == path.stem and report.format == "text"
        first_line = raw.strip().split("\n", 1)[0].strip()
        if report.date_line is not None:
            assert report.date_line == first_line
            assert report.text.lstrip().startswith(report.date_line)
            assert report.published == report.date_line


def test_seeds_dated_seed_has_its_date_line(settings: Settings, shared_dir: Path) -> None:
    # At least one seed opens with a line that is only a date; it must be found.
    reports = [
        r for r in read_paths([shared_dir / "seeds"], settings=settings) if isinstance(r, Report)
    ]
    dated = [r for r in reports if r.date_line is not None and r.format == "text"]
    assert dated, "expected a seed report with a date line"

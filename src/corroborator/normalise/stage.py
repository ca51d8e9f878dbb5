"""The normalise stage: Report → NormalisedReport.

Clean the text once (every later offset indexes into the cleaned text), mark paragraph
roles, and infer the publication time from the declared date and the content. Language
is taken from the input when given; detection arrives with the ingest formats that need
it (non-English reports are then flagged, not processed as English).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from corroborator import model
from corroborator.config import Settings
from corroborator.normalise.clean import clean_text
from corroborator.normalise.publication import infer_publication


class Normaliser:
    """Report → NormalisedReport, one at a time or streaming."""

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, report: model.Report) -> model.NormalisedReport:
        text, paragraphs = clean_text(report.text, title=report.title, settings=self.settings)
        publication, times, anomalies = infer_publication(
            report=report, text=text, report_id=report.id
        )
        return model.NormalisedReport(
            report=report,
            text=text,
            paragraphs=paragraphs,
            language=(report.language or "en").lower(),
            publication=publication,
            times=times,
            anomalies=anomalies,
        )

    def pipe(self, reports: Iterable[model.Report]) -> Iterator[model.NormalisedReport]:
        for report in reports:
            yield self(report)

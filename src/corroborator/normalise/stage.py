"""The normalise stage: Report → NormalisedReport.

Clean the text once (every later offset indexes into the cleaned text), mark paragraph
roles, and infer the publication time from the declared date and the content.

Captions the ingest stage kept apart (`Report.extra["captions"]`, from HTML pages and
feeds) are appended after the body, one paragraph each with the CAPTION role: facts
stated only under a photo keep their evidence, and claims made from them are marked as
coming from a caption.

Language is the input's (declared, or detected at ingest); unknown counts as English. A
report in another language is kept and flagged with the anomaly `not_english`; the
extract stage then skips it instead of reading it as English.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from corroborator import model
from corroborator.config import Settings
from corroborator.ingest.language import is_english, language_code, language_names
from corroborator.normalise.clean import clean_text, normalise_characters, tidy_lines
from corroborator.normalise.publication import infer_publication

NOT_ENGLISH = "not_english"


class Normaliser:
    """Report → NormalisedReport, one at a time or streaming."""

    def __init__(self, *, settings: Settings) -> None:
        self.settings = settings
        self.languages = language_names(settings)

    def __call__(self, report: model.Report) -> model.NormalisedReport:
        text, paragraphs = clean_text(report.text, title=report.title, settings=self.settings)
        text, paragraphs = append_captions(text, paragraphs, report.extra.get("captions"))
        publication, times, anomalies = infer_publication(
            report=report, text=text, report_id=report.id
        )
        language = (report.language or "en").lower()
        code = language_code(language, names=self.languages)
        if not is_english(code or language):
            name = self.languages.name_of(code or language)
            anomalies = (
                *anomalies,
                model.Anomaly(
                    code=NOT_ENGLISH,
                    message=f"the report is in {name} ({code or language}), not English: it is kept, but not "
                    "read by the English extraction, so it gives no events or claims",
                ),
            )
        return model.NormalisedReport(
            report=report,
            text=text,
            paragraphs=paragraphs,
            language=language,
            publication=publication,
            times=times,
            anomalies=anomalies,
        )

    def pipe(self, reports: Iterable[model.Report]) -> Iterator[model.NormalisedReport]:
        for report in reports:
            yield self(report)


def append_captions(
    text: str, paragraphs: tuple[model.Paragraph, ...], captions: object
) -> tuple[str, tuple[model.Paragraph, ...]]:
    """The text with each caption appended as a CAPTION paragraph (cleaned like the body).

    `captions` is whatever the input put in `extra["captions"]`: a list of strings is
    used, anything else ignored (it is the input's own field, not ours to reject).
    """
    if not isinstance(captions, list):
        return text, paragraphs
    parts = [text]
    added: list[model.Paragraph] = []
    offset = len(text)
    for caption in captions:
        if not isinstance(caption, str):
            continue
        cleaned = " ".join(tidy_lines(normalise_characters(caption)).split())
        if not cleaned:
            continue
        separator = "\n\n" if offset else ""
        start = offset + len(separator)
        parts.append(separator + cleaned)
        added.append(model.Paragraph(start=start, end=start + len(cleaned), role=model.ParagraphRole.CAPTION))
        offset = start + len(cleaned)
    return "".join(parts), (*paragraphs, *added)

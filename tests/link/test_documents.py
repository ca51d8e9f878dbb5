"""Document-level linking: whole reports grouped by the event they describe, for news
without conflict frames."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.places import load_gazetteer
from corroborator.link.documents import DocumentLinker, lead_end, name_terms
from corroborator.normalise.stage import Normaliser

# Two events of one kind in one town, two years apart, each told by two outlets in their
# own words: the names and the dates tell them apart, the topic's words do not.
REPORTS = {
    "chief-a": (
        "2019-03-05",
        "Marlow council dismisses police chief\n\n"
        "The town council of Marlow voted on Monday to dismiss police chief Dana Whitcombe after "
        "an inquiry into overtime payments. Councillors said the decision was unanimous. "
        "Whitcombe, who led the force for six years, said she would appeal. Deputy chief Omar "
        "Lindqvist will run the department until a successor is found.",
    ),
    "chief-b": (
        "2019-03-05",
        "Whitcombe out as Marlow police head\n\n"
        "Dana Whitcombe was removed as chief of the Marlow police on Monday, the council said, "
        "following months of questions about overtime claims. Her lawyer called the vote unfair "
        "and said Whitcombe would challenge it. Lindqvist, her deputy, takes over for now.",
    ),
    "fire-a": (
        "2021-10-19",
        "Marlow council dismisses fire chief\n\n"
        "The town council of Marlow voted on Tuesday to dismiss fire chief Ravi Osei after a "
        "review of the department's response times. Councillors said the decision was "
        "unanimous. Osei, who joined from Brenton in 2016, declined to comment. Captain Ines "
        "Farrow will lead the service in the meantime.",
    ),
    "fire-b": (
        "2021-10-19",
        "Osei dismissed as Marlow fire service head\n\n"
        "Ravi Osei has been dismissed as head of the Marlow fire service, the council announced "
        "on Tuesday, after a review found crews arriving late to a third of calls. Farrow, a "
        "captain with twenty years in the service, will stand in.",
    ),
}


@pytest.fixture(scope="module")
def reports(settings: Settings) -> list[model.ExtractedReport]:
    normaliser = Normaliser(settings=settings)
    result = []
    for report_id, (published, text) in REPORTS.items():
        normalised = normaliser(model.Report(id=report_id, text=text, published=published))
        result.append(model.ExtractedReport(normalised=normalised))
    return result


@pytest.fixture(scope="module")
def linker(settings: Settings) -> DocumentLinker:
    return DocumentLinker(gazetteer=load_gazetteer(settings))


def test_documents_similar_events_of_one_topic_stay_apart(
    linker: DocumentLinker, reports: list[model.ExtractedReport]
) -> None:
    assert linker.group(reports) == [("chief-a", "chief-b"), ("fire-a", "fire-b")]


def test_documents_template_wording_alone_does_not_join_two_events(
    linker: DocumentLinker, reports: list[model.ExtractedReport]
) -> None:
    """Two reports written to one template ("The town council of Marlow voted on ... to
    dismiss ... Councillors said the decision was unanimous") about different people, two
    years apart: names and dates keep them apart, where plain word overlap would not."""
    from dataclasses import replace

    pair = [reports[0], reports[2]]
    assert linker.group(pair) == [("chief-a",), ("fire-a",)]
    words_only = replace(linker.settings, name_weight=0, dates_meet=0.0, dates_far=0.0, lead_sentences=0)
    assert DocumentLinker(gazetteer=linker.places.gazetteer, settings=words_only).group(pair) == [("chief-a", "fire-a")]


def test_documents_dates_far_apart_weigh_against_a_pair(
    linker: DocumentLinker, reports: list[model.ExtractedReport]
) -> None:
    from corroborator.link.documents import document_features

    first, _, third, _ = (document_features(r, settings=linker.settings) for r in reports)
    assert linker.score(first, third, similarity=0.5) == pytest.approx(0.5 - linker.settings.dates_far)
    assert linker.score(first, first, similarity=0.5) == pytest.approx(0.5 + linker.settings.dates_meet)


def test_documents_names_skip_sentence_starts_headlines_and_dates() -> None:
    text = (
        "Council Fires Its Police Chief\n\n"
        'The vote came on Monday in Marlow. "Nobody expected it," said Omar Lindqvist. '
        "She spoke to the BBC."
    )
    monday = text.index("Monday")
    names = name_terms(text, skip=[(monday, monday + len("Monday"))])
    assert names == ["@marlow", "@omar", "@lindqvist"]


def test_documents_possessives_are_the_name() -> None:
    assert name_terms("They met at Whitcombe's office and Whitcombe left.") == ["@whitcombe", "@whitcombe"]


def test_documents_lead_is_headline_and_first_sentences() -> None:
    text = "Headline here\n\nFirst sentence. Second sentence! Third sentence."
    assert text[: lead_end(text, sentences=3)] == "Headline here\n\nFirst sentence. Second sentence!"
    assert lead_end(text, sentences=0) == 0
    assert lead_end("Only one.", sentences=3) == len("Only one.")

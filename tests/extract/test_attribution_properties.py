"""Properties that hold for any text: attribution never crashes and its spans are sound."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from corroborator.config import Settings
from corroborator.extract.attribution import find_attributions
from corroborator.extract.sources import SourceRegistry, resolve_source
from corroborator.model import NormalisedReport, Paragraph, PublicationTime, Report

# Pieces of news prose, quotes and punctuation, recombined at random.
PIECES = [
    "the ministry said",
    "according to residents",
    '"',
    "“",
    "”",
    ",",
    ".",
    ":",
    "\n\n",
    "he added",
    "It is claimed that",
    "reportedly",
    "Tass",
    "drones hit the depot",
    "two sources told Reuters",
    "citing officials",
    "who said",
    "the governor of the region",
    "denied",
    "a video appears to show",
    "quoted by the channel",
    "We",
    "they",
    "—",
]


@pytest.fixture(scope="module")
def registry(settings: Settings) -> SourceRegistry:
    return SourceRegistry.load(settings)


def report_of(text: str) -> NormalisedReport:
    paragraphs = tuple(Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text))
    return NormalisedReport(
        report=Report(id="p", text=text), text=text, paragraphs=paragraphs, publication=PublicationTime()
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_attribution_any_text_gives_sound_spans(nlp: Language, registry: SourceRegistry, pieces: list[str]) -> None:
    text = " ".join(pieces)
    found = find_attributions(nlp(text), report=report_of(text), registry=registry)
    for a in found:
        for span in (a.content_span, a.cue_span, a.source_span):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start : span.end] == span.text
        assert a.content_span.end > a.content_span.start
        assert all(v.key != a.source.key for v in a.via)
    assert len({a.id for a in found}) == len(found)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_attribution_resolve_source_accepts_any_words(registry: SourceRegistry, words: str) -> None:
    source = resolve_source(words, registry=registry)
    assert source.key

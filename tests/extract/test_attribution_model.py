"""The learned cue decision: features read off hand-written sentences, the packaged weights,
and the cue reader taking a verb the lexicon does not list when a model accepts it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Token

from corroborator.config import Settings
from corroborator.errors import ResourceError
from corroborator.extract.attribution import find_attributions
from corroborator.extract.attribution_model import CueModel, cue_features, default_cue_model
from corroborator.extract.sources import SourceRegistry
from corroborator.model import Attribution, NormalisedReport, Paragraph, PublicationTime, Report


def normalised(text: str) -> NormalisedReport:
    paragraphs = tuple(Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+", text))
    report = Report(id="t", text=text)
    return NormalisedReport(report=report, text=text, paragraphs=paragraphs, publication=PublicationTime())


@pytest.fixture(scope="module")
def registry(settings: Settings) -> SourceRegistry:
    return SourceRegistry.load(settings)


def verb(nlp: Language, text: str, word: str) -> Token:
    return next(t for t in nlp(text) if t.text == word)


def attributions(nlp: Language, registry: SourceRegistry, text: str, model: CueModel) -> list[Attribution]:
    return find_attributions(nlp(text), report=normalised(text), registry=registry, cue_model=model)


# a model that takes any verb with a "that" clause for a cue, and one that takes none
THAT_CLAUSE = CueModel(weights={"ccomp_that": 10.0}, bias=-5.0, threshold=0.5)
NOTHING = CueModel(weights={}, bias=-10.0, threshold=0.5)


def test_attribution_model_features_read_the_clause_shape(nlp: Language) -> None:
    features = cue_features(verb(nlp, "The senator fretted that the new budget would fail.", "fretted"))
    assert "lemma=fret" in features
    assert "ccomp_that" in features
    assert "ccomp_finite" in features
    assert "tag=VBD" in features
    assert not any(f.startswith("subject=none") for f in features)


def test_attribution_model_features_see_a_colon_and_a_quote(nlp: Language) -> None:
    features = cue_features(verb(nlp, 'The mayor quipped: "We will rebuild the bridge."', "quipped"))
    assert "colon_after" in features
    assert "quote_after" in features


def test_attribution_model_features_without_a_subject(nlp: Language) -> None:
    features = cue_features(verb(nlp, "Rebuild the bridge now.", "Rebuild"))
    assert "subject=none" in features
    assert not any(f.startswith("ccomp_") for f in features)


def test_attribution_model_packaged_weights_load(nlp: Language) -> None:
    model = default_cue_model()
    assert model.weights
    assert 0.0 < model.threshold < 1.0
    token = verb(nlp, "The senator fretted that the new budget would fail.", "fretted")
    assert 0.0 <= model.probability(token) <= 1.0


def test_attribution_model_rejects_a_file_that_is_not_a_model(tmp_path: Path) -> None:
    path = tmp_path / "cue_verbs.json"
    path.write_text('{"weights": []}', encoding="utf-8")
    with pytest.raises(ResourceError, match="not a cue model"):
        CueModel.from_file(path)


def test_attribution_learned_cue_takes_a_verb_the_lexicon_lacks(nlp: Language, registry: SourceRegistry) -> None:
    text = "The senator fretted that the new budget would fail."
    found = attributions(nlp, registry, text, THAT_CLAUSE)
    assert [(a.cue_span.text if a.cue_span else None, a.content_span.text) for a in found] == [
        ("fretted", "that the new budget would fail")
    ]
    assert found[0].source_span is not None and found[0].source_span.text == "The senator"
    assert attributions(nlp, registry, text, NOTHING) == []


def test_attribution_learned_cue_takes_the_object_as_content(nlp: Language, registry: SourceRegistry) -> None:
    model = CueModel(weights={"lemma=blast": 10.0}, bias=-5.0, threshold=0.5)
    found = attributions(nlp, registry, "Senator Jane Doe blasted the new budget.", model)
    assert [(a.cue_span.text if a.cue_span else None, a.content_span.text) for a in found] == [
        ("blasted", "the new budget")
    ]


def test_attribution_learned_cue_leaves_listed_verbs_to_the_lexicon(nlp: Language, registry: SourceRegistry) -> None:
    found = attributions(nlp, registry, "The ministry denied that the depot was hit.", NOTHING)
    assert [a.cue_span.text if a.cue_span else None for a in found] == ["denied"]

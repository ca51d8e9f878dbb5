"""Whose voice a claim is in when no attribution covers its words (assemble.py): indirect speech
that runs on into the next sentence of its paragraph, and a denial in the first person."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.pipeline import Pipeline

OUTLET = "Harbour Lights Gazette"


@pytest.fixture(scope="module")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def claims(pipeline: Pipeline, text: str, attribute: model.Attribute) -> list[model.Claim]:
    report = model.Report(id="r", text=text, published="2024-11-10T13:00:00+02:00", outlet=OUTLET)
    (extracted,) = pipeline.pipe([report])
    assert isinstance(extracted, model.ExtractedReport)
    found = [c for c in extracted.claims if c.attribute == attribute]
    assert found, [(c.attribute, c.evidence.text) for c in extracted.claims]
    return found


def test_continued_speech_the_next_sentence_goes_on_with_the_named_source(pipeline: Pipeline) -> None:
    text = (
        "Some 12 rockets were fired at the border town of Metula on Tuesday afternoon, the army said. "
        "Four were intercepted by air defence systems and the rest fell in open areas."
    )
    (intercepted,) = claims(pipeline, text, model.Attribute.INTERCEPTED)
    assert (intercepted.source.name, intercepted.source.kind) == ("army", model.SourceKind.MILITARY)
    assert intercepted.attribution_id is not None


def test_continued_speech_not_into_the_next_paragraph(pipeline: Pipeline) -> None:
    text = (
        "Some 12 rockets were fired at the border town of Metula on Tuesday afternoon, the army said.\n\n"
        "Four were intercepted by air defence systems and the rest fell in open areas."
    )
    (intercepted,) = claims(pipeline, text, model.Attribute.INTERCEPTED)
    assert intercepted.source.name == OUTLET


def test_continued_speech_not_after_a_quote_nor_over_a_source_of_its_own(pipeline: Pipeline) -> None:
    quoted = (
        '"Rockets were fired at Metula from across the border on Tuesday," an army spokesman said. '
        "Four were intercepted by air defence systems and the rest fell in open areas."
    )
    (intercepted,) = claims(pipeline, quoted, model.Attribute.INTERCEPTED)
    assert intercepted.source.name == OUTLET
    own = (
        "Some 12 rockets were fired at the border town of Metula on Tuesday afternoon, the army said. "
        "Four were intercepted by air defence systems, the mayor told reporters."
    )
    (intercepted,) = claims(pipeline, own, model.Attribute.INTERCEPTED)
    assert intercepted.source.kind == model.SourceKind.OFFICIAL


def test_a_denial_in_the_first_person_is_claimed_as_denied(pipeline: Pipeline) -> None:
    # no attribution reads "we deny": the voice speaking (here the statement's author, quoted
    # after a colon) denies what the verb governs
    text = (
        "A drone strike hit the main market in Kadugli on Sunday, killing 12 people, local activists said. "
        "In a statement, the Rapid Support Forces said: We categorically deny targeting the market."
    )
    denied = [c for c in claims(pipeline, text, model.Attribute.TARGET) if c.evidence.text == "the market"]
    assert [c.stance for c in denied] == [model.Stance.DENIES]
    # an aside inside the denial is told, not denied
    text = (
        "A drone strike hit the main market in Kadugli on Sunday, local activists said. We reject the claims "
        "of the army, whose drone killed 12 people at the market."
    )
    (killed,) = claims(pipeline, text, model.Attribute.KILLED)
    assert killed.stance != model.Stance.DENIES


def test_continued_speech_after_a_denial_tells_in_its_own_words(pipeline: Pipeline) -> None:
    # the rejection's scope ends with its sentence: the next one's "did not" is the denial,
    # not a denial of a denial
    text = (
        "The ministry rejected the claim that an Azerbaijani drone attacked a border post at Sotk on "
        "16 September. The Azerbaijani army did not carry out any drone attack on that post."
    )
    stances = {c.evidence.text: c.stance for c in claims(pipeline, text, model.Attribute.RESPONSIBLE_PARTY)}
    assert stances == {
        "Azerbaijani drone": model.Stance.DENIES,
        "The Azerbaijani army did not carry out any drone attack": model.Stance.DENIES,
    }


def test_continued_speech_not_into_a_sentence_that_speaks_of_the_statement(pipeline: Pipeline) -> None:
    said = "Some 12 rockets were fired at the border town of Metula on Tuesday afternoon, the army said. "
    text = said + "Residents who watched the rockets come down find the claim laughable."
    second = [c for c in claims(pipeline, text, model.Attribute.WEAPON) if c.evidence.start > len(said)]
    assert [c.source.name for c in second] == [OUTLET]
    # without a word for the statement, the next sentence goes on with it
    text = said + "The rockets came down in open fields."
    second = [c for c in claims(pipeline, text, model.Attribute.WEAPON) if c.evidence.start > len(said)]
    assert [c.source.name for c in second] == ["army"]

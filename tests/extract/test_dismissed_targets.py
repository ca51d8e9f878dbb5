"""What a side says an attack did not aim at, where no weapon makes the attack word an event:
"we deny targeting the market", "rejects the accusation that its forces fired on a market",
"fabricated news that civilians were targeted" (targets, attribution and stance end to end)."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.pipeline import Pipeline

A = model.Attribute
ATTACK = "Drones struck a PDF base near Tabayin on Sunday, killing eight fighters. "


@pytest.fixture(scope="module")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def targets(pipeline: Pipeline, text: str) -> list[tuple[str, str, str]]:
    """(category, stance, source name) of each target claim."""
    report = model.Report(id="r", text=text, published="2025-07-16T10:00:00+06:30", outlet="Delta Courier")
    (extracted,) = pipeline.pipe([report])
    assert isinstance(extracted, model.ExtractedReport)
    return [
        (c.value.code, c.stance.value, c.source.name)
        for c in extracted.claims
        if c.attribute == A.TARGET and isinstance(c.value, model.Label)
    ]


def test_a_first_person_denial_of_targeting_denies_each_aim(pipeline: Pipeline) -> None:
    found = targets(pipeline, ATTACK + "We categorically deny targeting the market or any civilians.")
    assert found.count(("civilian", "denies", "Delta Courier")) == 2
    assert ("military", "asserts", "Delta Courier") in found


def test_rejecting_an_accusation_denies_its_aims_in_the_rejecters_voice(pipeline: Pipeline) -> None:
    found = targets(
        pipeline,
        ATTACK + "The rebel council categorically rejects the accusation that its forces fired on a market "
        "or on civilians.",
    )
    denied = [(category, source) for category, stance, source in found if stance == "denies"]
    assert len(denied) == 2
    assert all(category == "civilian" and "council" in source for category, source in denied)


@pytest.mark.parametrize(
    "sentence",
    [
        "Some foreign media are spreading fabricated news that a religious building and civilians were targeted.",
        "The allegations that civilians were targeted in this operation are black propaganda.",
    ],
)
def test_a_story_called_false_is_denied_by_the_voice_that_calls_it_so(pipeline: Pipeline, sentence: str) -> None:
    found = targets(pipeline, ATTACK + sentence)
    denied = [t for t in found if t[1] == "denies"]
    assert denied
    assert all(category == "civilian" and source == "Delta Courier" for category, _, source in denied)


def test_a_sides_standing_line_about_a_kind_of_target_is_not_its_word_on_the_attack(pipeline: Pipeline) -> None:
    found = targets(pipeline, ATTACK + "Moscow denies targeting civilians.")
    assert [t for t in found if t[0] == "civilian"] == []


def test_a_story_falsely_reported_is_the_reporters_and_an_image_in_their_description_is_no_footage(
    pipeline: Pipeline,
) -> None:
    found = targets(
        pipeline,
        ATTACK + "Some foreign-based media outlets working to tarnish the image of the State have falsely "
        "reported that a religious building was hit.",
    )
    # the outlets assert what they reported; "falsely" is the report's judgement of it
    assert ("civilian", "asserts", "Some foreign-based media outlets") in found


def test_no_dismissed_aim_without_an_attack_told_before(pipeline: Pipeline) -> None:
    assert targets(pipeline, "We categorically deny targeting the market or any civilians.") == []

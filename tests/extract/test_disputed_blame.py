"""Blame disputed over one event: "it was our air defence missile that fell", "an air defence
missile, not a Russian bomb, caused the explosions" (facts, quantities, frames and attribution
end to end, on one report each)."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.pipeline import Pipeline

A = model.Attribute


@pytest.fixture(scope="module")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def extract(pipeline: Pipeline, text: str) -> model.ExtractedReport:
    report = model.Report(id="r", text=text, published="2024-11-16T18:00:00+02:00", outlet="Steppe Courier")
    (extracted,) = pipeline.pipe([report])
    assert isinstance(extracted, model.ExtractedReport)
    return extracted


def told(report: model.ExtractedReport, attribute: model.Attribute) -> list[tuple[str, str]]:
    return [
        (c.value.code, c.stance.value)
        for c in report.claims
        if c.attribute == attribute and isinstance(c.value, model.Label)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The explosions in the city on Saturday were caused by the fall of a Ukrainian air defence missile, "
        "the occupation governor said.",
        "The occupation governor said an air defence missile of the Ukrainians, which fell on the houses, "
        "caused the explosions on Saturday.",
    ],
)
def test_an_air_defence_missile_told_as_what_fell_is_the_weapon_and_its_owner_the_side(
    pipeline: Pipeline, text: str
) -> None:
    report = extract(pipeline, text)
    assert told(report, A.WEAPON) == [("air_defence", "asserts")]
    assert told(report, A.RESPONSIBLE_PARTY) == [("UA", "asserts")]


def test_air_defence_that_stops_an_attack_is_how_not_what(pipeline: Pipeline) -> None:
    report = extract(pipeline, "Drones attacked the city overnight. Air defence missiles destroyed 12 of them.")
    assert told(report, A.WEAPON) == [("drone", "asserts")]
    assert told(report, A.INTERCEPTION_METHOD) == [("air_defence", "asserts")]


def test_the_weapon_and_side_set_against_the_named_one_are_denied_and_not_counted(pipeline: Pipeline) -> None:
    report = extract(
        pipeline,
        "Glide bombs struck a residential street on Saturday, killing three, the regional governor said. "
        "The occupation authorities claimed that a Ukrainian air defence missile, not a Russian bomb, "
        "caused the explosions.",
    )
    assert ("RU", "denies") in told(report, A.RESPONSIBLE_PARTY)
    assert ("UA", "denies") not in told(report, A.RESPONSIBLE_PARTY)
    assert [c.evidence.text for c in report.claims if c.attribute == A.HIT and "bomb," in c.evidence.text] == []
    # blame disputed over the explosions is about the strike told before, not another event
    assert len(report.frames) == 1


def test_a_participle_after_a_denied_clause_is_the_denier_speaking(pipeline: Pipeline) -> None:
    report = extract(
        pipeline,
        "An official of the occupation authorities denied that Russian aircraft had struck the city, "
        "saying the explosions had been caused by a Ukrainian air defence missile.",
    )
    (weapon,) = [c for c in report.claims if c.attribute == A.WEAPON and c.stance == model.Stance.ASSERTS]
    assert weapon.source.name != "Russian aircraft" and "official" in weapon.source.name

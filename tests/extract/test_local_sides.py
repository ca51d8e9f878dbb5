"""Local offices speak for the state their place is in, unless the outlet says otherwise."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def extract(pipeline: Pipeline, text: str, outlet: str) -> model.ExtractedReport:
    report = model.Report(id="r", text=text, published="2024-11-10T13:00:00+02:00", outlet=outlet)
    (extracted,) = pipeline.pipe([report])
    assert isinstance(extracted, model.ExtractedReport)
    return extracted


def only_claim(extracted: model.ExtractedReport, attribute: model.Attribute) -> model.Claim:
    (claim,) = [c for c in extracted.claims if c.attribute == attribute]
    return claim


def sides(pipeline: Pipeline, text: str, outlet: str) -> dict[str, str | None]:
    return {c.source.name: c.source.affiliation for c in extract(pipeline, text, outlet).claims}


def test_local_sides_a_regional_governor_speaks_for_the_state_of_the_place(pipeline: Pipeline) -> None:
    found = sides(
        pipeline,
        "A drone hit a warehouse in Poltava overnight, injuring two people, the regional governor said.",
        "Harbour Lights Gazette",
    )
    assert found["regional governor"] == "UA"


def test_local_sides_not_when_the_events_are_in_two_countries(pipeline: Pipeline) -> None:
    found = sides(
        pipeline,
        "A drone hit a warehouse in Poltava overnight, the regional governor said. "
        "Separately, drones struck a depot in Belgorod, local officials said.",
        "Harbour Lights Gazette",
    )
    assert found["regional governor"] is None


def parties(pipeline: Pipeline, text: str, outlet: str) -> list[str]:
    return [
        c.value.code
        for c in extract(pipeline, text, outlet).claims
        if c.attribute == model.Attribute.RESPONSIBLE_PARTY and isinstance(c.value, model.Label)
    ]


def test_local_sides_the_enemy_is_the_one_party_the_speaker_is_at_war_with(pipeline: Pipeline) -> None:
    said = "Overnight the enemy attacked Poltava with drones, the regional governor said."
    assert parties(pipeline, said, "Harbour Lights Gazette") == ["RU"]
    unknown = "Overnight the enemy attacked the port with drones, residents said."
    assert parties(pipeline, unknown, "Harbour Lights Gazette") == []
    # a local channel of no side writes "enemy" as its country does
    channel = "Urgent | An enemy drone targets a car at the entrance of Kfar Kila in southern Lebanon."
    assert parties(pipeline, channel, "South Front News (Telegram)") == ["IL"]


def test_local_sides_figures_with_no_author_are_the_outlets_own_word(pipeline: Pipeline) -> None:
    text = "A drone struck a bus station in Poltava on Monday. According to initial statistics, 14 were killed."
    killed = only_claim(extract(pipeline, text, "Southern Civic Watch"), model.Attribute.KILLED)
    assert (killed.source.name, killed.source.kind, killed.stance) == (
        "Southern Civic Watch",
        model.SourceKind.EXPERT,
        model.Stance.ASSERTS,
    )


def test_local_sides_a_hedge_on_the_reports_own_words_leaves_them_the_outlets(pipeline: Pipeline) -> None:
    # "reportedly" relays without naming anyone: the outlet still says it, at a lower stance;
    # "it is claimed" puts it on others, unnamed
    text = (
        "A drone struck a bus station in Poltava on Monday. The strike reportedly killed 14 people. "
        "It is claimed that 30 were injured."
    )
    extracted = extract(pipeline, text, "Harbour Lights Gazette")
    killed = only_claim(extracted, model.Attribute.KILLED)
    assert (killed.source.name, killed.source.kind, killed.stance) == (
        "Harbour Lights Gazette",
        model.SourceKind.INDEPENDENT_MEDIA,
        model.Stance.REPORTS,
    )
    assert only_claim(extracted, model.Attribute.INJURED).source.kind == model.SourceKind.ANONYMOUS

"""Frames: which event each mention of a report is about (one report, end to end)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.pipeline import Pipeline

Extract = Callable[[str], model.ExtractedReport]


@pytest.fixture(scope="module")
def extract(settings: Settings) -> Extract:
    pipeline = Pipeline(settings)

    def run(text: str) -> model.ExtractedReport:
        report = model.Report(id="r", text=text, published="2024-11-10T13:00:00+02:00")
        (extracted,) = pipeline.pipe([report])
        assert isinstance(extracted, model.ExtractedReport), extracted
        return extracted

    return run


def dated(frame: model.Frame) -> list[str]:
    return [t.span.text for t in frame.times]


def test_frames_a_relative_clause_dates_the_earlier_event_not_this_one(extract: Extract) -> None:
    report = extract(
        "Russia attacked Ukraine with 30 drones overnight into Sunday, and one of the targets was a "
        "substation in Poltava that had been struck only four days earlier.\n\n"
        "The substation was first hit in the early hours of Wednesday, when two drones struck it."
    )
    first, second = report.frames
    assert "four days earlier" not in dated(first)
    assert dated(second) == ["the early hours of Wednesday"]


def test_frames_an_attack_in_response_is_its_own_frame(extract: Extract) -> None:
    report = extract(
        "An Israeli drone strike on a car in southern Lebanon killed two men on Sunday morning.\n\n"
        "In the afternoon, Hezbollah said it had fired rockets at a base in northern Israel in response to the strike."
    )
    assert len(report.frames) == 2
    strike, rockets = report.frames
    assert {p.place.country_code for p in strike.places} == {"LB"}
    assert {p.place.country_code for p in rockets.places} == {"IL"}

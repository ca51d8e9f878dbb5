"""Frames: which report-local incident each mention and fact belongs to."""

from __future__ import annotations

from spacy.language import Language

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.stage import Extractor
from corroborator.normalise.stage import Normaliser


def test_frames_unanchored_interception_follows_the_frame_of_its_weapon_kind(
    settings: Settings, nlp: Language
) -> None:
    text = (
        "Russia attacked Lviv with drones overnight. In Kharkiv, two ballistic missiles hit a warehouse, "
        "the governor said. The air force said Russia had launched 40 attack drones and that all but "
        "three had been shot down."
    )
    report = Normaliser(settings=settings)(model.Report(id="r", text=text))
    extracted = Extractor(settings=settings, nlp=nlp)(report)
    frame_of = {c.attribute: c.frame_id for c in extracted.claims if c.attribute == model.Attribute.INTERCEPTED}
    drone_frame = next(f.id for f in extracted.frames if f.sub_event_type == "Air/drone strike")
    assert frame_of[model.Attribute.INTERCEPTED] == drone_frame


def _extract(settings: Settings, nlp: Language, text: str) -> model.ExtractedReport:
    report = Normaliser(settings=settings)(model.Report(id="r", text=text))
    return Extractor(settings=settings, nlp=nlp)(report)


def test_frames_attacks_by_opposing_parties_are_kept_apart(settings: Settings, nlp: Language) -> None:
    text = (
        "An Israeli drone strike on a car near the village killed two men on Monday. "
        "Hours later Hezbollah fired a barrage of rockets at an army base across the border."
    )
    frames = _extract(settings, nlp, text).frames
    assert len(frames) == 2


def test_frames_sub_type_from_the_first_weapon_told(settings: Settings, nlp: Language) -> None:
    text = (
        "Two glide bombs fell on the market on Saturday. The first bomb landed near the gate. "
        "Local officials claimed an air defence missile caused the explosions."
    )
    (frame,) = _extract(settings, nlp, text).frames
    assert frame.sub_event_type == "Air/drone strike"

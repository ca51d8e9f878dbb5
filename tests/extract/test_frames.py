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

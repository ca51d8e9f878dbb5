"""Place agreement between two frames, through the gazetteer."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.gazetteer import Gazetteer
from corroborator.extract.places import load_gazetteer
from corroborator.link.compare import PlaceJudge


@pytest.fixture(scope="module")
def gazetteer(settings: Settings) -> Gazetteer:
    return load_gazetteer(settings)


def at(gazetteer: Gazetteer, *names: str) -> list[model.PlaceMention]:
    mentions = []
    for name in names:
        place = gazetteer.lookup(name)[0]
        span = model.Span(report_id="r", start=0, end=len(name), text=name)
        mentions.append(model.PlaceMention(span=span, place=place, precision=model.GeoPrecision.TOWN))
    return mentions


def test_compare_places_of_one_area_agree_and_far_ones_do_not(gazetteer: Gazetteer) -> None:
    judge = PlaceJudge(gazetteer)
    assert judge.agreement(at(gazetteer, "Kremenchuk"), at(gazetteer, "Kremenchuk")) is True
    assert judge.agreement(at(gazetteer, "Kyiv"), at(gazetteer, "Odesa")) is False


def test_compare_a_frame_telling_two_far_cities_as_one_strike_says_nothing_of_which(gazetteer: Gazetteer) -> None:
    judge = PlaceJudge(gazetteer)
    assert judge.agreement(at(gazetteer, "Kyiv", "Odesa"), at(gazetteer, "Odesa")) is None
    assert judge.agreement(at(gazetteer, "Kyiv", "Odesa"), at(gazetteer, "Lviv")) is False

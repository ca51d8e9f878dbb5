"""Place agreement between two frames, through the gazetteer."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.gazetteer import Gazetteer, name_key
from corroborator.extract.places import load_gazetteer
from corroborator.extract.settlements import city_district
from corroborator.link.compare import PlaceJudge, types_agree


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


def test_compare_a_sea_reaches_the_towns_on_its_shores(gazetteer: Gazetteer) -> None:
    """A ship hit "in the Red Sea" and one hit "off Hodeidah" may be one attack: a sea's one
    point is far from its shores. Two towns that far apart are not one place."""
    judge = PlaceJudge(gazetteer)
    assert judge.agreement(at(gazetteer, "Red Sea"), at(gazetteer, "Hodeidah")) is True
    assert judge.agreement(at(gazetteer, "Black Sea"), at(gazetteer, "Novorossiysk")) is True
    assert judge.agreement(at(gazetteer, "Red Sea"), at(gazetteer, "Novorossiysk")) is False


def test_compare_a_frame_telling_two_far_cities_as_one_strike_says_nothing_of_which(gazetteer: Gazetteer) -> None:
    judge = PlaceJudge(gazetteer)
    assert judge.agreement(at(gazetteer, "Kyiv", "Odesa"), at(gazetteer, "Odesa")) is None
    assert judge.agreement(at(gazetteer, "Kyiv", "Odesa"), at(gazetteer, "Lviv")) is False


def typed_frame(sub_type: str, *, typed: bool, event_type: str = "Explosions/Remote violence") -> model.Frame:
    return model.Frame(
        id="r#f1", report_id="r", event_type=event_type, sub_event_type=sub_type, typed_by_weapon=typed, mentions=()
    )


def test_compare_an_explosion_with_no_named_weapon_does_not_oppose_a_missile_strike() -> None:
    heard = typed_frame("Remote explosive/landmine/IED", typed=False)
    missiles = typed_frame("Shelling/artillery/missile attack", typed=True)
    drones = typed_frame("Air/drone strike", typed=True)
    assert types_agree(heard, missiles) is None
    assert types_agree(missiles, heard) is None
    assert types_agree(drones, missiles) is False
    assert types_agree(drones, typed_frame("Air/drone strike", typed=False)) is True


def test_compare_an_unknown_weapon_still_opposes_another_kind_of_event() -> None:
    heard = typed_frame("Remote explosive/landmine/IED", typed=False)
    interception = typed_frame("Disrupted weapons use", typed=False, event_type="Strategic developments")
    assert types_agree(heard, interception) is False


def unlisted(name: str, country: str = "NG", admin1: str | None = None) -> list[model.PlaceMention]:
    place = model.Place(
        id=f"unlisted:{country.lower()}:{name_key(name).replace(' ', '-')}",
        name=name,
        kind="town",
        country_code=country,
        admin1=admin1,
    )
    span = model.Span(report_id="r", start=0, end=len(name), text=name)
    return [model.PlaceMention(span=span, place=place, precision=model.GeoPrecision.TOWN)]


def test_compare_an_unlisted_village_spelled_two_ways_is_one_place(gazetteer: Gazetteer) -> None:
    judge = PlaceJudge(gazetteer)
    assert judge.agreement(unlisted("Dankolo"), unlisted("Dan-Kolo")) is True
    assert judge.agreement(unlisted("Karambaré", "BF"), unlisted("Karambari", "BF")) is True
    assert judge.agreement(unlisted("Shewa Khel", "PK"), unlisted("Shewakhel", "PK")) is True


def test_compare_unlisted_villages_with_different_names_regions_or_countries_are_not_one(
    gazetteer: Gazetteer,
) -> None:
    judge = PlaceJudge(gazetteer)
    # one word apart ("Gidan Bawa" / "Gidan Baushe") and east/west namesakes are two villages
    assert judge.agreement(unlisted("Gidan Bawa"), unlisted("Gidan Baushe")) is None
    assert judge.agreement(unlisted("Kurmin Gabas"), unlisted("Kurmin Yamma")) is None
    assert judge.agreement(unlisted("Karambaré", "BF"), unlisted("Karambari", "ML")) is False  # two countries
    assert judge.agreement(unlisted("Dankolo", admin1="Kano"), unlisted("Dan-Kolo", admin1="Katsina")) is None
    assert judge.agreement(unlisted("Kalai", "PK"), unlisted("Kalat", "PK")) is None


def test_compare_two_unlisted_villages_named_differently_count_as_apart(gazetteer: Gazetteer) -> None:
    judge = PlaceJudge(gazetteer)
    assert judge.unlisted_apart(unlisted("Kadanya"), unlisted("Gurbin Baure")) is True
    assert judge.unlisted_apart(unlisted("Gaskinde"), unlisted("Gaskindi")) is False
    # a listed town against an unlisted village: where the village lies may be near the town
    assert judge.unlisted_apart(at(gazetteer, "Kano"), unlisted("Kadanya")) is False
    assert judge.unlisted_apart([], unlisted("Kadanya")) is False


def test_compare_an_unlisted_site_placed_near_a_town_is_judged_by_that_town(gazetteer: Gazetteer) -> None:
    judge = PlaceJudge(gazetteer)
    mosul = gazetteer.lookup("Mosul")[0]
    site = model.Place(
        id="unlisted:iq:atrush", name="Atrush", kind="oil_field", country_code="IQ", admin1=mosul.admin1,
        latitude=mosul.latitude, longitude=mosul.longitude,
    )
    span = model.Span(report_id="r", start=0, end=6, text="Atrush")
    near = [model.PlaceMention(span=span, place=site, precision=model.GeoPrecision.NEAR, match="unlisted")]
    assert judge.agreement(near, at(gazetteer, "Mosul")) is True
    assert judge.agreement(near, at(gazetteer, "Basra")) is False


def test_compare_city_districts_are_judged_by_their_city(gazetteer: Gazetteer) -> None:
    judge = PlaceJudge(gazetteer)
    kharkiv = gazetteer.lookup("Kharkiv")[0]

    def district(name: str) -> list[model.PlaceMention]:
        span = model.Span(report_id="r", start=0, end=len(name), text=name)
        place = city_district(name, kharkiv, gazetteer)
        return [model.PlaceMention(span=span, place=place, precision=model.GeoPrecision.TOWN, match="unlisted")]

    assert judge.agreement(district("Kyivskyi district"), at(gazetteer, "Kharkiv")) is True
    assert judge.agreement(district("Kyivskyi district"), district("Kholodnohirskyi district")) is True
    assert judge.agreement(district("Kyivskyi district"), at(gazetteer, "Odesa")) is False

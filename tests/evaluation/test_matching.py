from __future__ import annotations

from datetime import date, datetime, time

import pytest

from corroborator import model
from corroborator.evaluation import Places
from corroborator.evaluation.gold import GoldTime
from corroborator.evaluation.matching import clock_distance, source_names_match, values_match
from corroborator.extract.settlements import unlisted_record
from tests.evaluation.builders import at, label, place, when


def _day(first: str, last: str | None = None, clock: str | None = None) -> GoldTime:
    return GoldTime(
        first=date.fromisoformat(first),
        last=date.fromisoformat(last or first),
        clock=time.fromisoformat(clock) if clock else None,
    )


def test_matching_counts_are_equal_or_range_equal(places: Places) -> None:
    assert values_match(model.Quantity(min=3, max=3), model.Quantity(min=3, max=3), places=places)
    assert not values_match(model.Quantity(min=3, max=3), model.Quantity(min=2, max=9), places=places)
    assert values_match(model.Quantity(min=2, max=9), model.Quantity(min=2, max=9), places=places)
    assert values_match(model.Quantity(min=13), model.Quantity(min=13), places=places)
    assert not values_match(model.Quantity(min=13), model.Quantity(min=13, max=13), places=places)
    assert not values_match(model.Quantity(min=3, max=3), label("3"), places=places)


def test_matching_codes_ignore_case_and_punctuation(places: Places) -> None:
    assert values_match("ALSHABAAB", label("AL-SHABAAB"), places=places)
    assert values_match("ru", label("RU"), places=places)
    assert not values_match("SPLA", label("SPLA-IO"), places=places)


def test_matching_time_needs_a_shared_day(places: Places) -> None:
    assert values_match(_day("2024-09-12"), when("2024-09-12"), places=places)
    assert values_match(_day("2024-09-11", "2024-09-12"), when("2024-09-12"), places=places)
    assert not values_match(_day("2024-09-11"), when("2024-09-12"), places=places)
    night = model.TimeValue(
        interval=model.TimeInterval(
            start=datetime(2024, 9, 11, 18), end=datetime(2024, 9, 12, 6), precision=model.TimePrecision.PART_OF_DAY
        ),
        value="2024-09-11TNI",
    )
    assert values_match(_day("2024-09-12"), night, places=places)
    assert not values_match(_day("2024-09-10"), night, places=places)


def test_matching_time_clock_within_thirty_minutes(places: Places) -> None:
    gold = _day("2024-09-12", clock="02:30")
    assert values_match(gold, when("2024-09-12", clock="02:55"), places=places)
    assert not values_match(gold, when("2024-09-12", clock="03:05"), places=places)
    assert not values_match(gold, when("2024-09-12"), places=places), "a gold clock needs a system clock"
    assert values_match(_day("2024-09-12"), when("2024-09-12", clock="14:27"), places=places)


def test_matching_clock_distance_goes_round_midnight() -> None:
    assert clock_distance(time(23, 50), time(0, 10)).total_seconds() == 20 * 60


def test_matching_time_minute_interval_gives_the_clock(places: Places) -> None:
    minute = model.TimeValue(
        interval=model.TimeInterval(
            start=datetime(2024, 9, 12, 2, 40), end=datetime(2024, 9, 12, 2, 41), precision=model.TimePrecision.MINUTE
        ),
        value="2024-09-12T02:40",
    )
    assert values_match(_day("2024-09-12", clock="02:30"), minute, places=places)


def test_matching_yearless_system_date_matches_within_the_gold_year(places: Places) -> None:
    yearless = model.TimeValue(
        interval=model.TimeInterval(
            start=datetime(2000, 9, 12), end=datetime(2000, 9, 13), precision=model.TimePrecision.DAY, year_known=False
        ),
        value="XXXX-09-12",
    )
    assert values_match(_day("2024-09-12"), yearless, places=places)
    assert not values_match(_day("2024-09-14"), yearless, places=places)


def test_matching_place_identity_and_containment(places: Places) -> None:
    moscow = place(places, "Moscow", "RU")
    kremlin = place(places, "Kremlin", "RU")
    assert values_match("Moscow", at(moscow), places=places, country="RU")
    assert values_match("Moscow", at(kremlin), places=places, country="RU"), "a landmark in the town"
    assert values_match("Kremlin", at(moscow), places=places, country="RU"), "the town holding the landmark"
    assert not values_match("Moscow", at(place(places, "Kursk", "RU")), places=places, country="RU")


def test_matching_place_country_only_matches_itself(places: Places) -> None:
    russia = places.gazetteer.country("RU")
    assert not values_match("Moscow", at(russia), places=places, country="RU")
    assert not values_match("Russia", at(place(places, "Moscow", "RU")), places=places, country="RU")
    assert values_match("Russia", at(russia), places=places)


def test_matching_place_names_with_a_head_noun_resolve(places: Places) -> None:
    oblast = places.resolve("Sumy region", country="UA")
    assert oblast and oblast[0].kind == "admin1" and oblast[0].country_code == "UA"
    assert values_match("Sumy region", at(place(places, "Sumy", "UA")), places=places, country="UA")


def test_matching_place_a_system_region_for_a_gold_town_is_not_a_match(places: Places) -> None:
    oblast = places.resolve("Sumy Oblast", country="UA")[0]
    assert not values_match("Sumy", at(oblast), places=places, country="UA")


def test_matching_place_names_with_a_word_of_nearness_resolve(places: Places) -> None:
    nikopol = place(places, "Nikopol", "UA")
    assert places.resolve("Nikopol district", country="UA")[0].id == nikopol.id
    assert values_match("the Nikopol district", at(nikopol), places=places, country="UA")


def test_matching_place_near_miss_spelling_resolves_like_extraction(places: Places) -> None:
    kremenchuk = place(places, "Kremenchuk", "UA")
    assert places.resolve("Kremenchukk", country="UA")[0].id == kremenchuk.id


def test_matching_place_unknown_to_the_gazetteer_needs_the_same_name(places: Places) -> None:
    assert places.resolve("Qwzxyplace", country="UA") == ()
    moscow = place(places, "Moscow", "RU")
    assert not values_match("Qwzxyplace", at(moscow), places=places)


def test_matching_an_unlisted_village_is_the_gold_name_whatever_namesakes_are_listed(places: Places) -> None:
    # the gazetteer lists an El Limoncito in Chiapas; the system read one in Michoacan that it
    # does not list: the gold name cannot say which it means
    michoacan = place(places, "Michoacan", "MX")
    village = unlisted_record("El Limoncito", "village", "MX", michoacan, places.gazetteer)
    assert values_match("El Limoncito", at(village), places=places, country="MX")
    assert not values_match("El Limoncito", at(village), places=places, country="GT")
    assert not values_match("La Tinaja", at(village), places=places, country="MX")


def test_matching_codes_are_equal_ignoring_case(places: Places) -> None:
    assert values_match("RU", label("RU"), places=places)
    assert values_match("electronic_warfare", label("electronic_warfare"), places=places)
    assert not values_match("air_defence", label("electronic_warfare"), places=places)
    assert not values_match("drone", at(place(places, "Moscow", "RU")), places=places)


@pytest.mark.parametrize(
    ("gold", "system", "same"),
    [
        ("Ukraine's air force", "the Ukrainian Air Force", True),
        ("Peskov", "Dmitry Peskov", True),
        ("residents", "local residents", True),
        ("the Russian Defence Ministry", "Russia's defence ministry", True),
        ("the regional governor", "Ukraine's air force", False),
        ("the Ukrainian Air Force", "the Russian Air Force", False),
        ("the", "the", False),
    ],
)
def test_matching_source_names(places: Places, gold: str, system: str, same: bool) -> None:
    assert source_names_match(gold, system, places=places) is same


def test_matching_place_a_district_unlisted_in_the_incident_city_is_part_of_it(places: Places) -> None:
    kharkiv, odesa = place(places, "Kharkiv", "UA"), place(places, "Odesa", "UA")
    namesakes = places.resolve("Kyivskyi district", country="UA")
    assert namesakes and all(p.admin1 != kharkiv.admin1 for p in namesakes), "GeoNames lists it elsewhere only"
    assert values_match("Kyivskyi district", at(kharkiv), places=places, country="UA", home="Kharkiv")
    assert not values_match("Kyivskyi district", at(odesa), places=places, country="UA", home="Kharkiv")
    assert not values_match("Kyivskyi district", at(kharkiv), places=places, country="UA"), "no incident city"

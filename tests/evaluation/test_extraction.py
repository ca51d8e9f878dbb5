from __future__ import annotations

from datetime import date

from corroborator import model
from corroborator.evaluation import Places
from corroborator.evaluation.extraction import compare_values
from corroborator.evaluation.gold import GoldTime
from tests.evaluation.builders import at, count, label, place, when


def test_extraction_values_pair_one_to_one(places: Places) -> None:
    several = model.Quantity(min=2, max=9)
    result = compare_values([several, count(3)], [several], places=places)
    assert (result.tp, result.fp, result.fn) == (1, 0, 1)


def test_extraction_two_wordings_of_one_system_value_are_one_fact(places: Places) -> None:
    result = compare_values(["RU"], [label("RU"), label("ru")], places=places)
    assert (result.tp, result.fp, result.fn) == (1, 0, 0)


def test_extraction_two_system_values_for_one_gold_value_leave_one_false(places: Places) -> None:
    gold = GoldTime(first=date(2024, 9, 12), last=date(2024, 9, 12))
    result = compare_values([gold], [when("2024-09-12"), when("2024-09-11", "2024-09-12")], places=places)
    assert (result.tp, result.fp, result.fn) == (1, 1, 0)


def test_extraction_best_pairing_not_first_come(places: Places) -> None:
    # The two-day gold time matches both system days, the one-day gold time only the first:
    # taking the first for the two-day time would lose a hit.
    two_days = GoldTime(first=date(2024, 9, 11), last=date(2024, 9, 12))
    one_day = GoldTime(first=date(2024, 9, 11), last=date(2024, 9, 11))
    result = compare_values([two_days, one_day], [when("2024-09-11"), when("2024-09-12")], places=places)
    assert (result.tp, result.fp, result.fn) == (2, 0, 0)


def test_extraction_place_matches_through_the_gazetteer(places: Places) -> None:
    sumy = place(places, "Sumy", "UA")
    result = compare_values(["Sumy region", "Kyiv"], [at(sumy)], places=places, country="UA")
    assert (result.tp, result.fp, result.fn) == (1, 0, 1)

from __future__ import annotations

import copy
import json
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from corroborator import model
from corroborator.evaluation import GoldError, load_gold, parse_gold
from corroborator.evaluation.gold import GoldTime
from tests.evaluation.conftest import FIXTURE_DEVSET


@pytest.fixture()
def raw() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURE_DEVSET / "gold.json").read_text())
    return data


def test_gold_reads_the_fixture_key() -> None:
    gold = load_gold(FIXTURE_DEVSET / "gold.json")
    assert set(gold.incidents) == {"A", "B", "C"}
    assert gold.distinct == (("A", "C"),)
    a = gold.incidents["A"]
    assert a.date_between == (date(2024, 9, 11), date(2024, 9, 12))
    assert (model.Attribute.INTERCEPTED, model.ContradictionKind.NUMERIC) in a.contradictions
    assert a.grade is model.GradeLevel.CONTESTED
    report = gold.reports["north_courier_belgorod"]
    assert report.primary == "B" and set(report.mentions) == {"A", "B"}
    assert report.declared_published == date(2024, 9, 13) and report.judges_declared
    assert len(gold.facts()) == 39


def test_gold_values_are_typed_by_attribute() -> None:
    gold = load_gold(FIXTURE_DEVSET / "gold.json")
    facts = {(f.attribute, str(f.value)) for _, _, f in gold.facts()}
    assert (model.Attribute.LAUNCHED, "12") in facts
    assert (model.Attribute.HIT, "1+") in facts
    times = [f.value for _, _, f in gold.facts() if f.attribute is model.Attribute.TIME]
    assert GoldTime(first=date(2024, 9, 13), last=date(2024, 9, 13)) in times
    own = [f for _, _, f in gold.facts() if f.own_voice]
    assert own and all(f.affiliation is None for f in own)


def test_gold_reads_ranges_open_counts_and_clock_times(raw: dict[str, Any]) -> None:
    facts = raw["reports"]["harbor_gazette_izmail"]["mentions"]["C"]["facts"]
    facts[7]["value"] = {"min": 2, "max": 9}
    facts[8]["value"] = {"min": 13}
    facts[5]["value"] = {"date": "2024-09-05", "clock": "23:40"}
    gold = parse_gold(raw)
    values = [f.value for f in gold.reports["harbor_gazette_izmail"].mentions["C"]]
    assert values[7] == model.Quantity(min=2, max=9)
    assert values[8] == model.Quantity(min=13, max=None)
    assert values[5] == GoldTime(first=date(2024, 9, 5), last=date(2024, 9, 5), clock=time(23, 40))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["reports"]["harbor_gazette_izmail"]["mentions"]["C"]["facts"][0].update(attribute="speed"),
            "reports.harbor_gazette_izmail.mentions.C.facts[0].attribute: 'speed' is not one of",
        ),
        (
            lambda d: d["reports"]["harbor_gazette_izmail"]["mentions"]["C"]["facts"][7].update(value="none"),
            "facts[7].value: a count must be",
        ),
        (
            lambda d: d["reports"]["harbor_gazette_izmail"]["mentions"]["C"]["facts"][7].update(
                value={"min": 5, "max": 2}
            ),
            "facts[7].value: a count must be",
        ),
        (
            lambda d: d["reports"]["harbor_gazette_izmail"]["mentions"]["C"]["facts"][5].update(value={"day": "x"}),
            "facts[5].value: a time needs 'date' or 'between'",
        ),
        (
            lambda d: d["reports"]["harbor_gazette_izmail"]["mentions"].update(Z={"facts": []}),
            "'Z' is not an incident key",
        ),
        (lambda d: d["reports"]["harbor_gazette_izmail"].update(primary="Q"), "primary: 'Q' is not an incident key"),
        (lambda d: d["incidents"]["A"].update(date_between=["2024-09-12", "2024-09-01"]), "is before first day"),
        (lambda d: d["incidents"]["A"].update(grade="likely"), "incidents.A.grade: 'likely' is not one of"),
        (lambda d: d.update(distinct=[["A", "Q"]]), "distinct[0]: must be a pair of incident keys"),
        (lambda d: d["reports"]["harbor_gazette_izmail"].update(declared_published="6 Sept"), "must be a date"),
    ],
)
def test_gold_errors_name_the_entry(raw: dict[str, Any], change: Any, message: str) -> None:
    broken = copy.deepcopy(raw)
    change(broken)
    with pytest.raises(GoldError) as caught:
        parse_gold(broken, origin="gold.json")
    assert message in str(caught.value)
    assert str(caught.value).startswith("gold.json: ")


def test_gold_declared_null_is_judged_absent_is_not(raw: dict[str, Any]) -> None:
    raw["reports"]["harbor_gazette_izmail"]["declared_published"] = None
    del raw["reports"]["north_courier_belgorod"]["declared_published"]
    gold = parse_gold(raw)
    assert gold.reports["harbor_gazette_izmail"].judges_declared
    assert gold.reports["harbor_gazette_izmail"].declared_published is None
    assert not gold.reports["north_courier_belgorod"].judges_declared


def test_gold_missing_or_broken_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no answer key"):
        load_gold(tmp_path / "gold.json")
    (tmp_path / "gold.json").write_text("{not json")
    with pytest.raises(GoldError, match="not valid JSON"):
        load_gold(tmp_path / "gold.json")

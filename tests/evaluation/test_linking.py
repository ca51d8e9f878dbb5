"""Linking scores and the alignment they rest on, on hand-built splits and merges."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.evaluation import Places, parse_gold, score
from corroborator.evaluation.align import align
from tests.evaluation.builders import A, analysis, at, claim, count, days, incident, outcome, place


def _gold(mentions: dict[str, dict[str, list[dict[str, Any]]]], primary: dict[str, str]) -> dict[str, Any]:
    return {
        "incidents": {
            "X": {"place": "Moscow", "country": "RU", "date_between": ["2024-05-03", "2024-05-03"]},
            "Y": {"place": "Kursk", "country": "RU", "date_between": ["2024-05-05", "2024-05-05"]},
            "Z": {"place": "Moscow", "country": "RU", "date_between": ["2024-04-20", "2024-04-20"]},
        },
        "distinct": [["X", "Z"]],
        "reports": {
            rid: {"primary": primary[rid], "mentions": {key: {"facts": facts} for key, facts in m.items()}}
            for rid, m in mentions.items()
        },
    }


def test_linking_split_and_merge(places: Places) -> None:
    # gold: X in r1, r2, r3; Z in r4. system: {r1, r2} and {r3, r4}.
    gold = parse_gold(
        _gold(
            {"r1": {"X": []}, "r2": {"X": []}, "r3": {"X": []}, "r4": {"Z": []}},
            {"r1": "X", "r2": "X", "r3": "X", "r4": "Z"},
        )
    )
    moscow = place(places, "Moscow", "RU")
    system = analysis(
        [
            incident("S1", [], reports=["r1", "r2"], where=moscow, interval=days("2024-05-03")),
            incident("S2", [], reports=["r3", "r4"], where=moscow, interval=days("2024-04-20")),
        ],
        [
            outcome("r1", primary="S1"),
            outcome("r2", primary="S1"),
            outcome("r3", primary="S2"),
            outcome("r4", primary="S2"),
        ],
    )
    linking = score(system, gold, places=places).linking
    assert linking.b_cubed.precision == pytest.approx(0.75)
    assert linking.b_cubed.recall == pytest.approx(2 / 3)
    assert linking.pairwise.precision == pytest.approx(0.5)
    assert linking.pairwise.recall == pytest.approx(1 / 3)
    assert linking.primary_b_cubed.precision == pytest.approx(0.75)
    assert not linking.distinct[0].apart and linking.distinct[0].merged_in == ("S2",)
    assert (linking.gold_incidents, linking.system_incidents, linking.aligned_incidents) == (3, 2, 2)


def test_linking_unaligned_mention_is_a_singleton(places: Places) -> None:
    # r2 mentions X and Y, but the system made one frame of it: Y's mention is lost.
    facts_x = [{"attribute": "launched", "value": 2}]
    gold = parse_gold(_gold({"r1": {"X": facts_x}, "r2": {"X": facts_x, "Y": []}}, {"r1": "X", "r2": "X"}))
    moscow = place(places, "Moscow", "RU")
    system = analysis(
        [
            incident(
                "S1",
                [claim("r1", A.LAUNCHED, count(2)), claim("r2", A.LAUNCHED, count(2))],
                where=moscow,
                interval=days("2024-05-03"),
            )
        ]
    )
    result = score(system, gold, places=places)
    assert [(row.key, row.incident) for row in result.alignment] == [("X", "S1"), ("Y", None), ("Z", None)]
    assert result.linking.b_cubed.precision == 1.0 and result.linking.b_cubed.recall == 1.0
    assert result.linking.distinct_apart.accuracy == 1.0


def test_linking_alignment_inside_a_report_follows_facts_and_place(places: Places) -> None:
    # r5's main story is X and it recalls Y; the system lists the side incident first.
    gold = parse_gold(
        _gold(
            {"r5": {"X": [{"attribute": "launched", "value": 2}], "Y": [{"attribute": "place", "value": "Kursk"}]}},
            {"r5": "X"},
        )
    )
    kursk, moscow = place(places, "Kursk", "RU"), place(places, "Moscow", "RU")
    side = incident("S-side", [claim("r5", A.PLACE, at(kursk))], where=kursk, interval=days("2024-05-05"))
    main = incident(
        "S-main",
        [claim("r5", A.LAUNCHED, count(2)), claim("r5", A.PLACE, at(moscow))],
        where=moscow,
        interval=days("2024-05-03"),
        primary_of=["r5"],
    )
    alignment = align(gold, analysis([side, main]), places=places)
    assert alignment.mentions[("r5", "X")].incident.id == "S-main"
    assert alignment.mentions[("r5", "Y")].incident.id == "S-side"
    assert {k: i.id for k, i in alignment.incidents.items()} == {"X": "S-main", "Y": "S-side"}


def test_linking_incident_goes_to_the_system_incident_holding_most_of_its_mentions(places: Places) -> None:
    gold = parse_gold(_gold({"r1": {"X": []}, "r2": {"X": []}, "r3": {"X": []}}, {"r1": "X", "r2": "X", "r3": "X"}))
    kursk, moscow = place(places, "Kursk", "RU"), place(places, "Moscow", "RU")
    # The single-report incident agrees on place and time, but holds one mention against two.
    system = analysis(
        [
            incident("S-two", [], reports=["r1", "r2"], where=kursk, interval=days("2024-05-05")),
            incident("S-one", [], reports=["r3"], where=moscow, interval=days("2024-05-03")),
        ]
    )
    alignment = align(gold, system, places=places)
    assert alignment.incidents["X"].id == "S-two"

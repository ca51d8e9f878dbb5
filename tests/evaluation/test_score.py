"""A known system output against a known answer key gives known numbers (worked by hand)."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.evaluation import Places, Scores, parse_gold, score
from tests.evaluation.builders import A, analysis, at, claim, count, days, incident, label, outcome, place, source


def _fact(
    attribute: str, value: Any, source: str, kind: str, affiliation: str | None, stance: str = "asserts"
) -> dict[str, Any]:
    return {
        "attribute": attribute,
        "value": value,
        "words": "",
        "source": source,
        "source_kind": kind,
        "affiliation": affiliation,
        "stance": stance,
    }


GOLD = {
    "about": "hand-made key for the scoring tests",
    "incidents": {
        "X": {
            "label": "Drones over Moscow",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike",
            "date_between": ["2024-05-03", "2024-05-03"],
            "place": "Moscow",
            "country": "RU",
            "grade": "contested",
            "contradictions": [
                {"attribute": "launched", "kind": "numeric"},
                {"attribute": "responsible_party", "kind": "attribution"},
            ],
        },
        "Y": {
            "label": "Drone hits Kursk",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike",
            "date_between": ["2024-05-05", "2024-05-05"],
            "place": "Kursk",
            "country": "RU",
            "grade": "single source",
        },
        "Z": {
            "label": "Earlier drone over Moscow",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike",
            "date_between": ["2024-04-20", "2024-04-20"],
            "place": "Moscow",
            "country": "RU",
            "grade": "single source",
        },
    },
    "distinct": [["X", "Z"]],
    "reports": {
        "r1": {
            "declared_published": "2024-05-03",
            "date_line_inconsistent": False,
            "primary": "X",
            "mentions": {
                "X": {
                    "facts": [
                        _fact("launched", 2, "the mayor", "official", "RU"),
                        _fact("place", "Kremlin", "the mayor", "official", "RU"),
                        _fact("killed", 0, "outlet", "independent_media", None),
                        _fact("responsible_party", "UA", "the mayor", "official", "RU"),
                    ]
                }
            },
        },
        "r2": {
            "declared_published": "2024-05-04",
            "date_line_inconsistent": True,
            "primary": "X",
            "inferred_published_between": ["2024-05-03", "2024-05-03"],
            "mentions": {
                "X": {
                    "facts": [
                        _fact("launched", 3, "residents", "eyewitness", None, "reports"),
                        _fact("responsible_party", "UA", "Dmitry Peskov", "official", "RU"),
                        _fact("responsible_party", "UA", "Ukrainian officials", "official", "UA", "denies"),
                    ]
                },
                "Z": {"facts": [_fact("place", "Moscow", "outlet", "independent_media", None)]},
            },
        },
        "r3": {
            "declared_published": "2024-05-05",
            "date_line_inconsistent": False,
            "primary": "Y",
            "mentions": {
                "Y": {
                    "facts": [
                        _fact("weapon", "drone", "governor Roman Starovoit", "official", "RU"),
                        _fact("injured", 2, "governor Roman Starovoit", "official", "RU"),
                    ]
                }
            },
        },
    },
}


@pytest.fixture(scope="module")
def scores(places: Places) -> Scores:
    moscow, kremlin, kursk = place(places, "Moscow", "RU"), place(places, "Kremlin", "RU"), place(places, "Kursk", "RU")
    mayor = source("Sobyanin", "official", "RU")
    s1 = incident(
        "S1",
        [
            claim("r1", A.LAUNCHED, count(2), by=mayor),
            claim("r1", A.PLACE, at(kremlin), by=mayor),
            claim("r1", A.KILLED, count(0)),
            claim("r1", A.LAUNCHED, count(5)),
            claim("r2", A.LAUNCHED, count(3), by=source("local residents", "eyewitness")),
            claim("r2", A.RESPONSIBLE_PARTY, label("UA"), by=source("Peskov", "official", "RU")),
            claim(
                "r2",
                A.RESPONSIBLE_PARTY,
                label("UA"),
                by=source("Ukrainian officials", "official", "UA"),
                stance="denies",
            ),
        ],
        where=moscow,
        interval=days("2024-05-03"),
        primary_of=["r1", "r2"],
        grade="contested",
        contradictions=[(A.LAUNCHED, "numeric"), (A.KILLED, "polarity")],
    )
    governor = source("Starovoit", "unknown", None)
    s2 = incident(
        "S2",
        [claim("r3", A.WEAPON, label("drone"), by=governor), claim("r3", A.INJURED, count(3), by=governor)],
        where=kursk,
        interval=days("2024-05-05"),
        primary_of=["r3"],
        grade="corroborated",
        sub_event_type="Shelling/artillery/missile attack",
    )
    s3 = incident("S3", [claim("r2", A.PLACE, at(moscow))], where=moscow, interval=days("2024-04-20"))
    reports = [
        outcome("r1", declared="2024-05-03", primary="S1"),
        outcome("r2", declared="2024-05-04", primary="S1", inferred=("2024-05-03", "2024-05-03")),
        outcome("r3", declared="2024-05-06", primary="S2"),
    ]
    return score(analysis([s1, s2, s3], reports), parse_gold(GOLD), places=places)


def test_score_aligns_each_gold_incident(scores: Scores) -> None:
    assert {row.key: row.incident for row in scores.alignment} == {"X": "S1", "Y": "S2", "Z": "S3"}


def test_score_extraction_per_attribute(scores: Scores) -> None:
    counts = {name: (s.tp, s.fp, s.fn) for name, s in scores.extraction.per_attribute.items()}
    assert counts["launched"] == (2, 1, 0)  # 2 and 3 found, a spurious 5
    assert counts["place"] == (2, 0, 0)  # the Kremlin; Moscow in the side incident
    assert counts["killed"] == (1, 0, 0)
    assert counts["responsible_party"] == (1, 0, 1)  # r2's two statements of UA are one fact; r1's is missed
    assert counts["weapon"] == (1, 0, 0)
    assert counts["injured"] == (0, 1, 1)  # 3 against 2
    assert counts["time"] == (0, 0, 0)
    micro = scores.extraction.micro
    assert (micro.tp, micro.fp, micro.fn) == (7, 2, 2)
    assert micro.precision == pytest.approx(7 / 9) and micro.recall == pytest.approx(7 / 9)


def test_score_attribution(scores: Scores) -> None:
    attribution = scores.attribution
    assert (attribution.gold_statements, attribution.found) == (10, 8)
    assert (attribution.stance.correct, attribution.stance.total) == (7, 8)  # residents: reports, not asserts
    assert (attribution.source_kind.correct, attribution.source_kind.total) == (7, 8)  # the governor's kind
    assert (attribution.affiliation.correct, attribution.affiliation.total) == (7, 8)  # and affiliation
    # "the mayor" is not "Sobyanin" (twice: the count and the place)
    assert (attribution.source_name.correct, attribution.source_name.total) == (6, 8)


def test_score_linking_when_every_mention_is_in_its_own_incident(scores: Scores) -> None:
    linking = scores.linking
    assert (linking.b_cubed.precision, linking.b_cubed.recall) == (1.0, 1.0)
    assert linking.pairwise.precision == 1.0 and linking.pairwise.recall == 1.0
    assert linking.primary_b_cubed.f1 == 1.0
    assert linking.distinct_apart.correct == linking.distinct_apart.total == 1 and linking.distinct[0].apart


def test_score_contradictions(scores: Scores) -> None:
    contradictions = scores.contradictions
    assert (contradictions.total.tp, contradictions.total.fp, contradictions.total.fn) == (1, 1, 1)
    kinds = {k: (s.tp, s.fp, s.fn) for k, s in contradictions.per_kind.items()}
    assert kinds["numeric"] == (1, 0, 0)
    assert kinds["attribution"] == (0, 0, 1)
    assert kinds["polarity"] == (0, 1, 0)
    assert kinds["temporal"] == (0, 0, 0) and contradictions.per_kind["temporal"].precision is None


def test_score_incidents(scores: Scores) -> None:
    incidents = scores.incidents
    assert (incidents.grade.correct, incidents.grade.total) == (2, 3)
    assert (incidents.event_type.correct, incidents.event_type.total) == (3, 3)
    assert (incidents.sub_event_type.correct, incidents.sub_event_type.total) == (2, 3)


def test_score_reports(scores: Scores) -> None:
    reports = scores.reports
    assert (reports.declared_published.correct, reports.declared_published.total) == (2, 3)
    assert (reports.date_line_flag.correct, reports.date_line_flag.total) == (2, 3)
    assert (reports.date_line_flag_prf.tp, reports.date_line_flag_prf.fn) == (0, 1)
    assert (reports.inferred_published.correct, reports.inferred_published.total) == (1, 1)


def test_score_serialises_to_json(scores: Scores) -> None:
    data = scores.model_dump(mode="json")
    assert data["extraction"]["micro"]["precision"] == pytest.approx(7 / 9)
    assert data["contradictions"]["per_kind"]["temporal"]["f1"] is None

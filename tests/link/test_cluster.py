"""Linking: the same event across reports is one incident; look-alikes stay apart."""

from __future__ import annotations

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def analyse(pipeline: Pipeline, *reports: tuple[str, str, str]) -> model.Analysis:
    items = [model.Report(id=rid, text=text, published=date, outlet=f"Outlet {rid}") for rid, date, text in reports]
    return pipeline.analyze(items)


def groups(analysis: model.Analysis) -> list[list[str]]:
    return sorted(sorted(i.report_ids) for i in analysis.incidents)


def test_cluster_same_event_in_two_reports_is_one_incident(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        (
            "a",
            "2024-03-05",
            "A missile struck a power substation in Sumy on Monday evening, the regional governor said.",
        ),
        (
            "b",
            "2024-03-05",
            "Sumy's governor said on Tuesday that a Russian missile hit an electricity substation "
            "in the city on Monday evening. Nobody was hurt.",
        ),
    )
    assert groups(analysis) == [["a", "b"]]


def test_cluster_same_target_two_days_later_is_another_incident(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        ("a", "2024-03-05", "Drones attacked the oil depot in Novorossiysk on Monday night, officials said."),
        ("b", "2024-03-07", "Drones attacked the oil depot in Novorossiysk on Wednesday night, officials said."),
    )
    assert groups(analysis) == [["a"], ["b"]]


def test_cluster_two_cities_the_same_night_stay_apart(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        ("a", "2024-03-05", "Russian drones hit an apartment block in Kharkiv overnight, injuring four people."),
        ("b", "2024-03-05", "Russian drones hit an apartment block in Odesa overnight, injuring four people."),
    )
    assert groups(analysis) == [["a"], ["b"]]


def test_cluster_background_recall_links_only_the_recalled_event(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        ("a", "2024-03-05", "A drone struck a hotel in Kharkiv on Monday night, injuring two guests, the mayor said."),
        (
            "b",
            "2024-03-09",
            "Drones attacked a warehouse in Dnipro overnight, the governor said. "
            "On Monday, a drone struck a hotel in Kharkiv, injuring two guests.",
        ),
    )
    incidents = {tuple(sorted(i.report_ids)): i for i in analysis.incidents}
    assert ("a", "b") in incidents and ("b",) in incidents
    assert incidents[("a", "b")].primary_of == ("a",)
    assert incidents[("b",)].primary_of == ("b",)


def test_cluster_a_site_the_gazetteer_lacks_links_reports_that_name_it(pipeline: Pipeline) -> None:
    analysis = analyse(
        pipeline,
        (
            "a",
            "2024-03-05",
            "The militia said its fighters fired a barrage of rockets at the Dovrat barracks on Tuesday.",
        ),
        (
            "b",
            "2024-03-05",
            "Rockets fired by the militia struck near the Dovrat barracks on Tuesday, the army said, "
            "causing no injuries.",
        ),
        (
            "c",
            "2024-03-05",
            "Rockets fired by the militia struck near the Marzel camp on Tuesday, the army said.",
        ),
    )
    assert ["a", "b"] in groups(analysis)



FIRE = "A warehouse caught fire"


def test_cluster_explosions_heard_do_not_make_a_missile_strike_a_bomb(pipeline: Pipeline) -> None:
    # Three reports only heard explosions; the one that names the missiles says what it was.
    analysis = analyse(
        pipeline,
        ("mayor", "2024-05-20", f"Explosions in Mykolaiv early on Monday. {FIRE}, two workers were injured."),
        ("channel", "2024-05-20", f"Loud explosions in Mykolaiv early on Monday. {FIRE}, two people were injured."),
        ("local", "2024-05-20", "Explosions in Mykolaiv early on Monday. A warehouse is burning, two were injured."),
        (
            "wire",
            "2024-05-20",
            "Russia struck a warehouse in Mykolaiv with two Iskander ballistic missiles early on Monday, "
            "the regional governor said. Two workers were injured.",
        ),
    )
    assert groups(analysis) == [["channel", "local", "mayor", "wire"]]
    assert analysis.incidents[0].sub_event_type == "Shelling/artillery/missile attack"


def test_cluster_an_undated_weekday_links_only_to_an_incident_on_that_weekday(pipeline: Pipeline) -> None:
    # 9 March 2024 was a Saturday, 10 March a Sunday
    undated = model.Report(
        id="c",
        text="The group denies that its fighters fired the drone that killed three children in Kalat "
        "on Saturday evening.",
        outlet="Outlet c",
    )
    dated = [
        model.Report(
            id=rid,
            text=text,
            published="2024-03-11",
            outlet=f"Outlet {rid}",
        )
        for rid, text in (
            ("a", "A quadcopter drone struck a house in Kalat on Saturday 9 March in the evening, killing three."),
            ("b", "A quadcopter drone struck a shop in Kalat in the early hours of Monday 11 March, injuring two men."),
        )
    ]
    analysis = pipeline.analyze([*dated, undated])
    assert groups(analysis) == [["a", "c"], ["b"]]


def test_cluster_an_undated_weekday_clock_hours_off_still_meets_that_day(pipeline: Pipeline) -> None:
    # 13 March 2024 was a Wednesday. The statement's clock has no date and so no known zone
    # (or a local way of counting hours): six hours off the dated clock, it is still that day.
    undated = model.Report(
        id="c",
        text="On Wednesday at 2:30 in the morning local time, an army drone struck a lorry carrying "
        "traders to the market near Kalat, killing nine civilians.",
        outlet="Outlet c",
    )
    dated = model.Report(
        id="a",
        text="At about 8:30 a.m. on 13 March, a drone struck a lorry carrying traders near Kalat, "
        "killing nine civilians, a hospital official said.",
        published="2024-03-14",
        outlet="Outlet a",
    )
    assert groups(pipeline.analyze([dated, undated])) == [["a", "c"]]

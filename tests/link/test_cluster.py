"""Linking: the same event across reports is one incident; look-alikes stay apart."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest

from corroborator import model
from corroborator.config import Settings
from corroborator.extract.gazetteer import UNLISTED_PREFIX, name_key
from corroborator.extract.places import load_gazetteer
from corroborator.link.cluster import Linker
from corroborator.link.features import FrameFeatures, frame_features, terms
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


def test_cluster_an_undated_clock_in_a_morning_post_meets_the_night_just_past(pipeline: Pipeline) -> None:
    # the post names no day, only the hour, and came out at 8:40 that morning: the explosions
    # were that night's, which the governor's post dates
    governor = model.Report(
        id="governor",
        text="Tonight the enemy attempted a massive attack with aircraft-type UAVs on the Pogar district. "
        "Falling debris started a fire at an industrial enterprise. There were no casualties.",
        published="2024-03-05T08:15:00+03:00",
        outlet="Governor of Bryansk Region",
    )
    residents = model.Report(
        id="residents",
        text="Residents write that from about 2:40 a.m. they heard at least six explosions near the Pogar "
        "oil depot, after which three tanks caught fire.",
        published="2024-03-05T08:40:00+03:00",
        outlet="Pogar Today",
    )
    assert groups(pipeline.analyze([governor, residents])) == [["governor", "residents"]]


def test_cluster_a_threads_later_stamps_are_read_on_its_day(pipeline: Pipeline) -> None:
    # the thread is dated by its first post (21:50); an entry stamped 23:05 and naming no day is
    # that evening's, which linking may join to a frame dated that evening
    thread = model.Report(
        id="thread",
        text="21:50 Sirens sounded across the north.\n\n23:05 Update: About 30 missiles were launched from Iran "
        "toward Israel. Most were intercepted.",
        published="2024-03-05T21:50:00+02:00",
        outlet="Home Front Desk (X)",
    )
    (extracted,) = pipeline.pipe([thread])
    assert isinstance(extracted, model.ExtractedReport)
    (features,) = frame_features(extracted)
    assert not features.intervals
    assert [(c.start, c.end) for c in features.clocks] == [(datetime(2024, 3, 5, 23, 5), datetime(2024, 3, 5, 23, 6))]


# -- merges judged on clusters as wholes (Linker.cluster), on frames built by hand


@pytest.fixture(scope="module")
def linker(settings: Settings) -> Linker:
    return Linker(settings=settings, gazetteer=load_gazetteer(settings))


def built(
    linker: Linker,
    report: str,
    text: str,
    *,
    town: str | None = None,
    village: str | None = None,
    day: int | None = None,
    published: int | None = None,
) -> FrameFeatures:
    """A drone strike frame of `report`: in `town`, or in a Nigerian `village` no gazetteer lists
    (neither: no place at all), on the night of
    March `day` 2024 (None: undated), from a report published on March `published`."""
    places = []
    if village is not None:
        key = name_key(village).replace(" ", "-")
        place = model.Place(id=f"{UNLISTED_PREFIX}ng:{key}", name=village, kind="town", country_code="NG")
        span = model.Span(report_id=report, start=0, end=len(village), text=village)
        places.append(model.PlaceMention(span=span, place=place, precision=model.GeoPrecision.TOWN))
    if town is not None:
        place = linker.gazetteer.lookup(town)[0]
        span = model.Span(report_id=report, start=0, end=len(town), text=town)
        places.append(model.PlaceMention(span=span, place=place, precision=model.GeoPrecision.TOWN))
    night = [] if day is None else [model.TimeInterval(
        start=datetime(2024, 3, day, 18), end=datetime(2024, 3, day + 1), precision=model.TimePrecision.DAY
    )]
    window = None if published is None else model.TimeInterval(
        start=datetime(2024, 3, published), end=datetime(2024, 3, published + 1), precision=model.TimePrecision.DAY
    )
    frame = model.Frame(
        id=f"{report}#f1",
        report_id=report,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        typed_by_weapon=True,
        mentions=(),
        places=tuple(places),
        text=text,
    )
    return FrameFeatures(
        frame=frame,
        report_id=report,
        family="violence",
        intervals=tuple(night),
        places=tuple(places),
        weapons=frozenset({"drone"}),
        counts={},
        actors=frozenset(),
        terms=Counter(terms(text)),
        published=window,
    )


def clustered(linker: Linker, frames: list[FrameFeatures]) -> list[list[str]]:
    return sorted(sorted(frames[i].report_id for i in members) for members in linker.cluster(frames))


def test_cluster_a_placeless_post_joins_the_incident_its_other_members_place_and_date(linker: Linker) -> None:
    frames = [
        built(linker, "a", "A drone struck a fuel depot in Sumy, starting a fire, officials said.", town="Sumy", day=4),
        built(linker, "b", "The fuel depot in Sumy burned after a drone struck it.", town="Sumy", day=4),
        # a statement with a place but no date, and a post with a date but no place: between
        # the two nothing agrees, which pulls the post's average below the threshold
        built(linker, "c", "The ministry condemned the drone strike on the Sumy fuel depot.", town="Sumy"),
        built(linker, "d", "Drone hit a fuel depot tonight, big fire, residents say.", day=4),
    ]
    pairs = [linker.score(frames[3], frames[n], similarity=0.0).score for n in range(3)]
    assert sum(pairs) / 3 < linker.threshold
    assert clustered(linker, frames) == [["a", "b", "c", "d"]]


def kept_apart(groups: list[list[str]], one: set[str], other: set[str]) -> bool:
    """No group holds frames of both `one` and `other`."""
    return not any(one & set(group) and other & set(group) for group in groups)


def test_cluster_two_towns_the_same_night_stay_apart_whatever_a_placeless_post_says(linker: Linker) -> None:
    text = "A drone struck a fuel depot, starting a fire, officials said."
    frames = [
        built(linker, "a", text, town="Sumy", day=4),
        built(linker, "b", text, town="Sumy", day=4),
        built(linker, "c", text, town="Poltava", day=4),
        built(linker, "d", text, town="Poltava", day=4),
        built(linker, "e", text, day=4),
    ]
    assert kept_apart(clustered(linker, frames), {"a", "b"}, {"c", "d"})


def test_cluster_one_town_on_two_nights_stays_apart_through_an_undated_frame(linker: Linker) -> None:
    # Blocking never pairs the two nights; the undated, unpublished frame meets both. When
    # clusters holding the skipped pair might merge, that pair is scored, and its dates veto.
    text = "A drone struck a fuel depot in Sumy, starting a fire, officials said."
    frames = [
        built(linker, "a", text, town="Sumy", day=4),
        built(linker, "b", text, town="Sumy", day=4),
        built(linker, "c", text, town="Sumy", day=9),
        built(linker, "d", text, town="Sumy", day=9),
        built(linker, "e", text, town="Sumy"),
    ]
    assert kept_apart(clustered(linker, frames), {"a", "b"}, {"c", "d"})


def test_cluster_two_unlisted_villages_the_same_day_stay_apart(linker: Linker) -> None:
    # Where two villages no gazetteer lists lie is unknown, but an event has one place: a
    # different name counts against the merge, as two differently named sites do.
    frames = [
        built(linker, "a", "A drone struck the market in Kadanya, killing nine traders.", village="Kadanya", day=4),
        built(linker, "b", "Nine traders died when a drone hit Kadanya market.", village="Kadanya", day=4),
        built(linker, "c", "A drone struck the market in Gurbin Baure, killing traders", village="Gurbin Baure", day=4),
    ]
    assert clustered(linker, frames) == [["a", "b"], ["c"]]


def test_cluster_a_time_stated_in_gmt_is_compared_in_local_time(pipeline: Pipeline) -> None:
    report = model.Report(
        id="a", published="2026-10-18", outlet="Outlet a",
        text="A drone struck a car near Amuda in northeastern Syria at 1115 GMT on Saturday, killing three people.",
    )
    (extracted,) = pipeline.pipe([report])
    assert isinstance(extracted, model.ExtractedReport)
    (features,) = frame_features(extracted)
    # Syria keeps UTC+3: 11:15 GMT is 14:15 on the spot, as the incident's time will say
    assert [(i.start.hour, i.start.minute) for i in features.intervals] == [(14, 15)]
    local = analyse(
        pipeline,
        ("a", "2026-10-18", report.text),
        ("b", "2026-10-18", "A drone hit a car near Amuda at 2:15 p.m. on Saturday, killing three men, the SDF said."),
    )
    assert groups(local) == [["a", "b"]]


def test_cluster_a_live_blog_stating_its_zone_once_is_compared_in_local_time(pipeline: Pipeline) -> None:
    report = model.Report(
        id="a", published="2025-03-20", outlet="Outlet a",
        text=(
            "All times Eastern (ET).\n\n1:10 p.m.\nA drone dropped explosives on a police checkpoint in Culiacán "
            "at 11:40 a.m. on Thursday, wounding two officers, the state security ministry said."
        ),
    )
    (extracted,) = pipeline.pipe([report])
    assert isinstance(extracted, model.ExtractedReport)
    (features,) = frame_features(extracted)
    # 11:40 in New York's daylight time (UTC-4) is 08:40 in Culiacán (UTC-7)
    assert [(i.start.hour, i.start.minute) for i in features.intervals] == [(8, 40)]

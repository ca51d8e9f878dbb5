"""Frame features: what the linker compares."""

from __future__ import annotations

from datetime import date, datetime

from corroborator import model
from corroborator.extract.times import Reference, find_times, most_precise
from corroborator.link.features import readings, unresolved_sites


def interval(start: str, end: str, precision: model.TimePrecision) -> model.TimeInterval:
    return model.TimeInterval(start=datetime.fromisoformat(start), end=datetime.fromisoformat(end), precision=precision)


def test_features_a_vague_week_gives_way_to_the_day_it_contains() -> None:
    sunday = interval("2024-03-10", "2024-03-11", model.TimePrecision.DAY)
    week = interval("2024-03-04", "2024-03-11", model.TimePrecision.WEEK)
    assert most_precise([week, sunday]) == (sunday,)


def test_features_a_night_and_its_two_days_both_stay() -> None:
    night = interval("2024-03-09T18:00", "2024-03-10T07:00", model.TimePrecision.PART_OF_DAY)
    saturday = interval("2024-03-09", "2024-03-10", model.TimePrecision.DAY)
    sunday = interval("2024-03-10", "2024-03-11", model.TimePrecision.DAY)
    assert most_precise([night, saturday, sunday]) == (night, saturday, sunday)


def test_features_no_readings_stay_none() -> None:
    assert most_precise([]) == ()


def night_readings(text: str) -> list[tuple[str, str]]:
    (expression,) = find_times(text, Reference(earliest=date(2024, 3, 12)))
    return [(r.start.strftime("%d %H"), r.end.strftime("%d %H")) for r in readings(expression)]


def test_features_the_night_of_a_date_may_be_either_night_it_touches() -> None:
    assert night_readings("on the night of 9 March") == [("09 18", "10 06"), ("08 18", "09 06")]
    assert night_readings("on the night of 8 to 9 March") == [("08 18", "09 06")]
    assert night_readings("on the night of 8-9 March") == [("08 18", "09 06")]
    assert night_readings("on 9 March") == [("09 00", "10 00")]


def frame_saying(text: str, places: tuple[model.PlaceMention, ...] = ()) -> model.Frame:
    return model.Frame(
        id="r#f1", report_id="r", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        mentions=(), places=places, text=text,
    )


def test_features_sites_the_gazetteer_does_not_know_are_kept_by_name() -> None:
    frame = frame_saying("Rockets hit the Branit barracks. A drone struck a car near the village of Aynata.")
    assert unresolved_sites(frame) == {"branit", "aynata"}
    assert unresolved_sites(frame_saying("Officials said the attack was repelled.")) == frozenset()


def test_features_a_site_named_with_its_owner_is_the_site_named_bare() -> None:
    owned = frame_saying("A missile hit Odesa's Peresyp district and the Navy's Ochakiv base.")
    assert unresolved_sites(owned) == {"peresyp", "ochakiv"}
    assert unresolved_sites(frame_saying("Shells fell on the Peresyp district.")) == {"peresyp"}
    assert unresolved_sites(frame_saying("Fighters' Ochakiv base was hit.")) == {"ochakiv"}

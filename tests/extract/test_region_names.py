"""Region names read from a towns table: the majority name per region code."""

from __future__ import annotations

from pathlib import Path

from corroborator.extract.region_names import compass_led, compass_name, region_names


def _town(name: str, cc: str, code: str, lat: float, lon: float) -> dict[str, object]:
    return {"name": name, "countrycode": cc, "admin1code": code, "latitude": lat, "longitude": lon}


def test_region_names_takes_the_name_most_towns_of_a_code_give(tmp_path: Path) -> None:
    table = tmp_path / "towns.csv"
    table.write_text(
        "lat,lon,name,admin1,admin2,cc\n"
        "10.0,20.0,Alpha,Upland,,XA\n"
        "10.5,20.5,Beta,Upland,,XA\n"
        "11.0,21.0,Gamma,Lowland,,XA\n"  # a stray record of the same code
        "12.0,22.0,Delta,Coastland,,XA\n"
        "30.0,40.0,Alpha,Elsewhere,,XA\n",  # same name, far away: another town
        encoding="utf-8",
    )
    cities = {
        "1": _town("Alpha", "XA", "01", 10.0, 20.0),
        "2": _town("Beta", "XA", "01", 10.5, 20.5),
        "3": _town("Gamma", "XA", "01", 11.0, 21.0),
        "4": _town("Delta", "XA", "02", 12.001, 22.001),
        "5": _town("Epsilon", "XA", "03", 13.0, 23.0),  # not in the table: its region stays unnamed
    }
    assert region_names(cities, table) == {("XA", "01"): "Upland", ("XA", "02"): "Coastland"}


def test_compass_names_are_recognised() -> None:
    assert compass_name("Nord-Ouest") and compass_name("Centre") and compass_name("Southwest")
    assert not compass_name("Plateau-Central") and not compass_name("Zamfara")


def test_compass_led_names_open_with_a_compass_point_before_a_name() -> None:
    assert compass_led("North Waziristan") and compass_led("Upper Dir") and compass_led("South-Gondar")
    assert not compass_led("Waziristan") and not compass_led("North East") and not compass_led("North")

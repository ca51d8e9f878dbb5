"""The time lexicon is data: users extend it with their own resource files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corroborator.config import Settings
from corroborator.errors import ResourceError
from corroborator.normalise.timex import Reference, find_time_expressions, load_time_lexicon

WEDNESDAY = Reference(earliest=dt.date(2023, 5, 3))


def user_lexicon(tmp_path: Path, body: str, settings: Settings) -> Settings:
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "time.toml").write_text(body, encoding="utf-8")
    return settings.with_overrides(resource_dirs=(tmp_path,))


def test_timex_lexicon_packaged_words_load() -> None:
    lexicon = load_time_lexicon()
    assert lexicon.months["may"] == 5
    assert lexicon.part_of_day_hours["NI"] == (18, 30)
    assert "before_relation" in lexicon.cues


def test_timex_lexicon_user_file_adds_words(tmp_path: Path, settings: Settings) -> None:
    extended = user_lexicon(
        tmp_path,
        '[holidays]\n"navy day" = "07-WE--1"\n\n[timezones]\n"baghdad time" = "Asia/Baghdad"\n',
        settings,
    )
    lexicon = load_time_lexicon(extended)
    assert lexicon.months["june"] == 6  # the packaged words stay
    text = "Ships paraded on Navy Day 2023; a blast came at 9:15 Baghdad time."
    found = find_time_expressions(text, reference=WEDNESDAY, lexicon=lexicon)
    assert [(e.span.text, e.value, e.timezone) for e in found] == [
        ("Navy Day 2023", "2023-07-26", None),
        ("9:15 Baghdad time", "2023-07-26T09:15", "Asia/Baghdad"),  # the day just named
    ]


def test_timex_lexicon_user_file_extends_cue_lists(tmp_path: Path, settings: Settings) -> None:
    extended = user_lexicon(tmp_path, '[cues]\nbefore_year = ["circa", "anno"]\n', settings)
    lexicon = load_time_lexicon(extended)
    assert {"in", "anno"} <= set(lexicon.cues["before_year"])
    found = find_time_expressions("The fort was built anno 1912.", reference=WEDNESDAY, lexicon=lexicon)
    assert [e.value for e in found] == ["1912"]


def test_timex_lexicon_malformed_file_is_a_resource_error(tmp_path: Path, settings: Settings) -> None:
    broken = user_lexicon(tmp_path, '[part_of_day_hours]\nNI = "evening"\n', settings)
    with pytest.raises(ResourceError, match="time lexicon"):
        load_time_lexicon(broken)


def test_timex_lexicon_invalid_toml_is_a_resource_error(tmp_path: Path, settings: Settings) -> None:
    broken = user_lexicon(tmp_path, "[months\nmay = 5\n", settings)
    with pytest.raises(ResourceError, match="cannot read"):
        load_time_lexicon(broken)

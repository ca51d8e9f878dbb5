"""find_times: the extract stage's documented entry to the temporal tagger."""

from __future__ import annotations

import datetime as dt
import doctest

from spacy.language import Language

from corroborator import model
from corroborator.extract import times
from corroborator.extract.times import Reference, find_times


def test_times_docstring_examples_hold() -> None:
    result = doctest.testmod(times, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0


def test_times_spans_carry_the_report_id() -> None:
    found = find_times("Drones struck on Tuesday.", Reference(earliest=dt.date(2023, 5, 3)), report_id="r7")
    assert [(t.span.report_id, t.span.text, t.value) for t in found] == [("r7", "Tuesday", "2023-05-02")]


def test_times_use_the_parse_for_tense(nlp: Language) -> None:
    text = "The talks will resume on Friday."
    friday = find_times(text, Reference(earliest=dt.date(2023, 5, 3)), doc=nlp(text))[0]
    assert (friday.value, friday.anchor) == ("2023-05-05", model.TimeAnchor.PUBLICATION)

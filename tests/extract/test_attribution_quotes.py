"""Finding direct quotations, with curly or straight marks, over sentences and paragraphs."""

from __future__ import annotations

import re

from corroborator.extract.attribution_quotes import find_quotes


def quotes(text: str) -> list[str]:
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return [text[q.start : q.end] for q in find_quotes(text, paragraphs)]


def test_attribution_quotes_curly_and_straight_marks() -> None:
    assert quotes("“The bridge held,” she said.") == ["“The bridge held,”"]
    assert quotes('"The bridge held," she said.') == ['"The bridge held,"']


def test_attribution_quotes_apostrophes_are_not_quotes() -> None:
    assert quotes("The mayor's office said the city's power was back.") == []


def test_attribution_quotes_a_quote_over_several_sentences_is_one_quote() -> None:
    text = '"The shelling began at dawn. It lasted an hour. Nobody slept," he said.'
    assert quotes(text) == ['"The shelling began at dawn. It lasted an hour. Nobody slept,"']


def test_attribution_quotes_continue_into_a_paragraph_that_reopens() -> None:
    text = 'The mayor said: "Two schools lost their windows.\n\n"The clinic is still open."'
    found = find_quotes(text, [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)])
    assert [text[q.start : q.end] for q in found] == [
        '"Two schools lost their windows.',
        '"The clinic is still open."',
    ]
    assert found[0].open_ended and found[1].continues


def test_attribution_quotes_unclosed_quote_ends_with_its_paragraph() -> None:
    text = 'He said "the convoy left at noon.\n\nLater the road was closed.'
    assert quotes(text) == ['"the convoy left at noon.']


def test_attribution_quotes_a_lost_opening_mark_starts_the_paragraph() -> None:
    text = 'The depot was hit twice," the officer said.'
    assert quotes(text) == ['The depot was hit twice,"']


def test_attribution_quotes_a_scare_quote_inside_a_quote_is_part_of_it() -> None:
    text = '"They call it a "training exercise" but it was an attack," she said.'
    assert quotes(text) == ['"They call it a "training exercise" but it was an attack,"']


def test_attribution_quotes_two_apostrophes_make_a_double_quote() -> None:
    text = "''The port is open,'' the harbour master said, and the port's cranes moved."
    assert quotes(text) == ["''The port is open,''"]

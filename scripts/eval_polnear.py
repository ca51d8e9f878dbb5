#!/usr/bin/env python
"""Measure attribution finding on PolNeAR (brat standoff: Source, Cue, Content spans).

Each article of a split (default: dev) gets only the normaliser's one-for-one character
swaps (odd spaces to spaces, curly quotes to ASCII), so that predicted offsets line up with
the gold ones; paragraphs are its non-empty lines.
Gold spans are the Source, Cue and Content entities that an Attribution (or
Attribution-no-source) relation uses; discontinuous entities keep all their fragments.

Predictions are the spans of `find_attributions`: an attribution continued over several
quotes (same cue) is one prediction whose content has several fragments, as in the gold.
PolNeAR annotates top-level attributions only, so attributions made inside another's
content (a speaker quoting someone else) are not compared.
Per role, printed: precision / recall / F1, exact (the same characters, ignoring edge
whitespace) and overlap (any shared character); matching is one-to-one, largest overlap
first.

Double annotation: some articles were annotated by several annotators (the 4-hex suffix of
the .ann name). One file per article is used: the one whose annotator id sorts first, so
every run scores the same gold.

Usage:
    .venv/bin/python scripts/eval_polnear.py [--data DIR] [--split dev] [--limit N]
                                             [--errors N] [--json]

The corpus is not part of the repository; by default it is read from
../shared/data/polnear next to the checkout.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from corroborator.config import Settings, load_settings
from corroborator.extract.attribution import default_lexicon, find_attributions
from corroborator.extract.nlp import load_nlp
from corroborator.extract.sources import SourceRegistry
from corroborator.model import NormalisedReport, Paragraph, PublicationTime, Report

ROLES = ("source", "cue", "content")
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"

Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Item:
    """One span (possibly in fragments) of one role."""

    role: str
    fragments: Fragments

    def chars(self, text: str) -> frozenset[int]:
        found: set[int] = set()
        for start, end in self.fragments:
            found.update(i for i in range(start, end) if not text[i].isspace())
        return frozenset(found)


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.exact += other.exact
        self.overlap += other.overlap

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def as_dict(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {"gold": self.gold, "predicted": self.predicted}
        for name, hits in (("exact", self.exact), ("overlap", self.overlap)):
            p, r, f = self.prf(hits)
            out.update({f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": f})
        return out


@dataclass
class Article:
    stem: str
    text: str
    gold: dict[str, list[Item]] = field(default_factory=dict)


# --------------------------------------------------------------------------- corpus


def choose_annotations(ann_dir: Path) -> dict[str, Path]:
    """One .ann per article: the lowest annotator id among its double annotations."""
    chosen: dict[str, Path] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        stem, _, annotator = path.stem.rpartition("_")
        if not stem or not re.fullmatch(r"[0-9a-f]{4}", annotator):
            stem = path.stem
        if stem not in chosen:
            chosen[stem] = path
    return chosen


def read_brat(path: Path) -> dict[str, list[Item]]:
    entities: dict[str, tuple[str, Fragments]] = {}
    used: dict[str, set[str]] = {role: set() for role in ROLES}
    for line in path.read_text(encoding="utf-8").splitlines():
        # an entity whose text holds a line break continues on the next line: only lines
        # that open with an identifier and a tab are records
        if re.match(r"T\d+\t", line):
            ident, middle, *_ = line.split("\t")
            kind, _, offsets = middle.partition(" ")
            fragments = tuple((int(a), int(b)) for a, b in (part.split() for part in offsets.split(";")))
            entities[ident] = (kind, fragments)
        elif re.match(r"E\d+\t", line):
            _, relation = line.split("\t", 1)
            for argument in relation.split()[1:]:
                role, _, ident = argument.partition(":")
                role = role.rstrip("0123456789").lower()
                if role in used:
                    used[role].add(ident)
    gold: dict[str, list[Item]] = {}
    for role in ROLES:
        items = {Item(role, entities[i][1]) for i in used[role] if i in entities}
        gold[role] = sorted(items, key=lambda it: it.fragments)
    return gold


def load_split(data: Path, split: str, *, limit: int | None = None) -> list[Article]:
    base = data / split
    articles = []
    for stem, ann in sorted(choose_annotations(base / "attributions").items()):
        text_path = base / "text" / f"{stem}.txt"
        if not text_path.is_file():
            continue
        articles.append(Article(stem, text_path.read_text(encoding="utf-8"), read_brat(ann)))
        if limit is not None and len(articles) >= limit:
            break
    return articles


# --------------------------------------------------------------------------- prediction


# Clean-up the normaliser does too, limited to one-for-one character swaps so that the gold
# offsets stay valid: odd spaces to spaces, curly quotes and apostrophes to ASCII.
_SAME_LENGTH = str.maketrans(
    {
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200a": " ",
        "\u2007": " ",
        "\u201c": '"',
        "\u201d": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201e": '"',
    }
)


def as_report(stem: str, text: str) -> NormalisedReport:
    paragraphs = tuple(Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text))
    return NormalisedReport(
        report=Report(id=stem, text=text),
        text=text,
        paragraphs=paragraphs,
        publication=PublicationTime(),
    )


def predict(article: Article, *, settings: Settings, registry: SourceRegistry) -> dict[str, list[Item]]:
    nlp = load_nlp(settings.nlp_model)
    text = article.text.translate(_SAME_LENGTH)
    report = as_report(article.stem, text)
    attributions = find_attributions(nlp(text), report=report, registry=registry, lexicon=default_lexicon())
    # PolNeAR annotates top-level attributions only (no cue of its 6,560 training cues lies
    # inside another attribution's content), so nested ones ("X said: 'I think ...'") are
    # left out of the comparison; they are still found and used by the pipeline.
    top = [
        a
        for a in attributions
        if not any(
            b is not a
            and a.cue_span is not None
            and b.content_span.start <= a.cue_span.start
            and a.cue_span.end <= b.content_span.end
            for b in attributions
        )
    ]
    sources: set[Fragments] = set()
    cues: set[Fragments] = set()
    contents: dict[tuple[int, int] | None, list[tuple[int, int]]] = {}
    for a in top:
        if a.source_span is not None:
            sources.add(((a.source_span.start, a.source_span.end),))
        cue = (a.cue_span.start, a.cue_span.end) if a.cue_span is not None else None
        if cue is not None:
            cues.add((cue,))
        # continuations of one quote share the cue: one content in fragments, as in the gold
        key = cue if cue is not None else (a.content_span.start, a.content_span.end)
        contents.setdefault(key, []).append((a.content_span.start, a.content_span.end))
    return {
        "source": [Item("source", f) for f in sorted(sources)],
        "cue": [Item("cue", f) for f in sorted(cues)],
        "content": [Item("content", tuple(sorted(set(f)))) for f in contents.values()],
    }


# --------------------------------------------------------------------------- scoring


def match(gold: Sequence[Item], predicted: Sequence[Item], text: str) -> tuple[Score, list[tuple[Item, Item]]]:
    gold_chars = [g.chars(text) for g in gold]
    pred_chars = [p.chars(text) for p in predicted]
    score = Score(gold=len(gold), predicted=len(predicted))
    score.exact = len({c for c in gold_chars if c} & {c for c in pred_chars if c})
    pairs = sorted(
        ((len(g & p), gi, pi) for gi, g in enumerate(gold_chars) for pi, p in enumerate(pred_chars) if g & p),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched: list[tuple[Item, Item]] = []
    for _, gi, pi in pairs:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matched.append((gold[gi], predicted[pi]))
    score.overlap = len(matched)
    return score, matched


def evaluate(
    data: Path = DEFAULT_DATA,
    *,
    split: str = "dev",
    settings: Settings | None = None,
    limit: int | None = None,
    errors: int = 0,
) -> dict[str, dict[str, float | int]]:
    """Per-role scores over a split; with `errors`, print that many misses and false alarms."""
    settings = settings or load_settings()
    registry = SourceRegistry.load(settings)
    totals = {role: Score() for role in ROLES}
    shown = 0
    articles = load_split(data, split, limit=limit)
    for article in articles:
        predicted = predict(article, settings=settings, registry=registry)
        for role in ROLES:
            score, matched = match(article.gold[role], predicted[role], article.text)
            totals[role].add(score)
            if errors and shown < errors:
                shown += _show_errors(article, role, article.gold[role], predicted[role], matched, errors - shown)
    result = {role: totals[role].as_dict() for role in ROLES}
    result["articles"] = {"count": len(articles)}
    return result


def _show_errors(
    article: Article,
    role: str,
    gold: Iterable[Item],
    predicted: Iterable[Item],
    matched: Sequence[tuple[Item, Item]],
    budget: int,
) -> int:
    matched_gold = {id(g) for g, _ in matched}
    matched_pred = {id(p) for _, p in matched}

    def show(item: Item) -> str:
        return " … ".join(article.text[a:b] for a, b in item.fragments)[:160].replace("\n", " ")

    count = 0
    for item in gold:
        if id(item) not in matched_gold and count < budget:
            print(f"  MISS  {role:7} {article.stem[:40]}: {show(item)!r}")
            count += 1
    for item in predicted:
        if id(item) not in matched_pred and count < budget:
            print(f"  EXTRA {role:7} {article.stem[:40]}: {show(item)!r}")
            count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR directory")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not (args.data / args.split).is_dir():
        print(f"no PolNeAR split at {args.data / args.split}; pass --data", file=sys.stderr)
        return 2
    result = evaluate(args.data, split=args.split, limit=args.limit, errors=args.errors)
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
        return 0
    print(f"PolNeAR {args.split}: {result['articles']['count']} articles")
    print(f"{'role':8} {'gold':>5} {'pred':>5}   {'exact P/R/F1':>20}   {'overlap P/R/F1':>20}")
    for role in ROLES:
        r = result[role]
        exact = f"{r['exact_precision']:.3f}/{r['exact_recall']:.3f}/{r['exact_f1']:.3f}"
        overlap = f"{r['overlap_precision']:.3f}/{r['overlap_recall']:.3f}/{r['overlap_f1']:.3f}"
        print(f"{role:8} {r['gold']:>5} {r['predicted']:>5}   {exact:>20}   {overlap:>20}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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
                                             [--part K/N] [--errors N] [--json]
                                             [--classify [--dump FILE]]

--classify pairs gold and found attributions (by cue, then content) and counts source errors:
(a) attributions missed, (b) found with the source span right, too long, too short, shifted,
of other words or absent, (c) spurious. Develop on a part of train (`--split train --part
0/5`) and only measure on dev.

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
    relations: list[Relation] = field(default_factory=list)


@dataclass(frozen=True)
class Relation:
    """One attribution: its source (if any), cue (if any) and content, each in fragments."""

    source: Item | None
    cue: Item | None
    content: Item | None


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


def read_brat(path: Path) -> tuple[dict[str, list[Item]], list[Relation]]:
    entities: dict[str, tuple[str, Fragments]] = {}
    used: dict[str, set[str]] = {role: set() for role in ROLES}
    relations: list[dict[str, str]] = []
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
            if not relation.lower().startswith("attribution"):
                continue
            roles: dict[str, str] = {}
            for argument in relation.split()[1:]:
                role, _, ident = argument.partition(":")
                role = role.rstrip("0123456789").lower()
                if role in used:
                    used[role].add(ident)
                    roles.setdefault(role, ident)
            relations.append(roles)
    gold: dict[str, list[Item]] = {}
    for role in ROLES:
        items = {Item(role, entities[i][1]) for i in used[role] if i in entities}
        gold[role] = sorted(items, key=lambda it: it.fragments)

    def item(role: str, roles: dict[str, str]) -> Item | None:
        ident = roles.get(role)
        return Item(role, entities[ident][1]) if ident in entities else None

    triples = [Relation(item("source", r), item("cue", r), item("content", r)) for r in relations]
    return gold, triples


def load_split(
    data: Path, split: str, *, limit: int | None = None, part: tuple[int, int] | None = None
) -> list[Article]:
    """The split's articles; `part` (K, N) keeps those whose index is K modulo N."""
    base = data / split
    articles = []
    for index, (stem, ann) in enumerate(sorted(choose_annotations(base / "attributions").items())):
        if part is not None and index % part[1] != part[0]:
            continue
        text_path = base / "text" / f"{stem}.txt"
        if not text_path.is_file():
            continue
        gold, relations = read_brat(ann)
        articles.append(Article(stem, text_path.read_text(encoding="utf-8"), gold, relations))
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


def predict_relations(article: Article, *, settings: Settings, registry: SourceRegistry) -> list[Relation]:
    """The top-level attributions found, one per cue (continued quotes in fragments)."""
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
    grouped: dict[tuple[int, int], tuple[Fragments | None, list[tuple[int, int]]]] = {}
    for a in top:
        source = ((a.source_span.start, a.source_span.end),) if a.source_span is not None else None
        cue = (a.cue_span.start, a.cue_span.end) if a.cue_span is not None else None
        # continuations of one quote share the cue: one content in fragments, as in the gold
        key = cue if cue is not None else (a.content_span.start, a.content_span.end)
        first_source, fragments = grouped.setdefault(key, (source, []))
        if first_source is None and source is not None:
            grouped[key] = (source, fragments)
        fragments.append((a.content_span.start, a.content_span.end))
    cues = {(a.cue_span.start, a.cue_span.end) for a in top if a.cue_span is not None}
    return [
        Relation(
            Item("source", source) if source is not None else None,
            Item("cue", (key,)) if key in cues else None,
            Item("content", tuple(sorted(set(fragments)))),
        )
        for key, (source, fragments) in grouped.items()
    ]


def predict(article: Article, *, settings: Settings, registry: SourceRegistry) -> dict[str, list[Item]]:
    return roles_of(predict_relations(article, settings=settings, registry=registry))


def roles_of(relations: Iterable[Relation]) -> dict[str, list[Item]]:
    """Per role, the distinct spans the attributions use."""
    found: dict[str, set[Fragments]] = {role: set() for role in ROLES}
    contents: list[Item] = []
    for relation in relations:
        for role, item in (("source", relation.source), ("cue", relation.cue)):
            if item is not None:
                found[role].add(item.fragments)
        if relation.content is not None:
            contents.append(relation.content)  # one per cue, as scored since the gate was set
    out = {role: [Item(role, f) for f in sorted(found[role])] for role in ("source", "cue")}
    out["content"] = contents
    return out


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
    part: tuple[int, int] | None = None,
) -> dict[str, dict[str, float | int]]:
    """Per-role scores over a split; with `errors`, print that many misses and false alarms."""
    settings = settings or load_settings()
    registry = SourceRegistry.load(settings)
    totals = {role: Score() for role in ROLES}
    shown = 0
    articles = load_split(data, split, limit=limit, part=part)
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


# --------------------------------------------------------------------------- error classes


def _shared(a: Item | None, b: Item | None, text: str) -> int:
    return len(a.chars(text) & b.chars(text)) if a is not None and b is not None else 0


def pair_relations(gold: Sequence[Relation], predicted: Sequence[Relation], text: str) -> list[tuple[int, int]]:
    """Gold and predicted attributions paired one-to-one: by shared cue characters first, then
    by shared content characters."""
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for role in ("cue", "content"):
        candidates = sorted(
            (
                (_shared(getattr(g, role), getattr(p, role), text), gi, pi)
                for gi, g in enumerate(gold)
                for pi, p in enumerate(predicted)
            ),
            reverse=True,
        )
        for shared, gi, pi in candidates:
            if shared and gi not in used_gold and pi not in used_pred:
                used_gold.add(gi)
                used_pred.add(pi)
                pairs.append((gi, pi))
    return pairs


def source_error(gold: Item | None, predicted: Item | None, text: str) -> str:
    """How a paired attribution's predicted source differs from the gold one."""
    if gold is None:
        return "ok" if predicted is None else "gold has none"
    if predicted is None:
        return "none predicted"
    g, p = gold.chars(text), predicted.chars(text)
    if g == p:
        return "ok"
    if not g & p:
        return "other words"
    if g < p:
        return "too long"
    if p < g:
        return "too short"
    return "shifted"


def classify(articles: Sequence[Article], *, settings: Settings, registry: SourceRegistry, dump: Path | None) -> None:
    """Count source errors per class: attributions missed, found with a wrong source span, and
    spurious ones; with `dump`, write every error with its sentence for reading."""
    counts: dict[str, int] = {}
    lines: list[str] = []

    def note(kind: str, article: Article, *shown: tuple[str, Item | None]) -> None:
        counts[kind] = counts.get(kind, 0) + 1
        if dump is None:
            return
        parts = []
        for label, item in shown:
            value = " … ".join(article.text[a:b] for a, b in item.fragments) if item is not None else "-"
            parts.append(f"{label}={value[:200]!r}")
        anchor = next((i for _, i in shown if i is not None), None)
        context = ""
        if anchor is not None:
            a = anchor.fragments[0][0]
            context = article.text[max(0, a - 150) : a + 250].replace("\n", " / ")
        lines.append(f"{kind}\t{article.stem}\t" + "  ".join(parts) + f"\n    {context}\n")

    for article in articles:
        predicted = predict_relations(article, settings=settings, registry=registry)
        pairs = pair_relations(article.relations, predicted, article.text)
        paired_gold = {g for g, _ in pairs}
        paired_pred = {p for _, p in pairs}
        contents = [p.content.chars(article.text) for p in predicted if p.content is not None]
        for gi, g in enumerate(article.relations):
            if gi not in paired_gold:
                cue = g.cue.chars(article.text) if g.cue is not None else frozenset()
                inside = bool(cue) and any(cue <= c for c in contents)
                # a cue inside found content: the content ran over it, or the attribution was
                # found nested and left out as PolNeAR annotates top-level ones only
                kind = "a missed, cue in found content" if inside else "a missed"
                note(kind, article, ("cue", g.cue), ("source", g.source), ("content", g.content))
        for gi, pi in pairs:
            g, p = article.relations[gi], predicted[pi]
            kind = source_error(g.source, p.source, article.text)
            note(f"b {kind}", article, ("gold", g.source), ("pred", p.source), ("cue", g.cue))
        for pi, p in enumerate(predicted):
            if pi not in paired_pred:
                note("c spurious", article, ("cue", p.cue), ("source", p.source), ("content", p.content))
    for kind in sorted(counts):
        print(f"{kind:20} {counts[kind]:>6}")
    if dump is not None:
        dump.write_text("".join(sorted(lines)), encoding="utf-8")
        print(f"errors written to {dump}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR directory")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--part", default=None, help="K/N: only articles whose index is K modulo N (a held-out part)")
    parser.add_argument("--classify", action="store_true", help="count source errors by class instead of scoring")
    parser.add_argument("--dump", type=Path, default=None, help="with --classify, write every error to this file")
    args = parser.parse_args(argv)
    if not (args.data / args.split).is_dir():
        print(f"no PolNeAR split at {args.data / args.split}; pass --data", file=sys.stderr)
        return 2
    part: tuple[int, int] | None = None
    if args.part:
        k, _, n = args.part.partition("/")
        part = (int(k), int(n))
    if args.classify:
        settings = load_settings()
        articles = load_split(args.data, args.split, limit=args.limit, part=part)
        classify(articles, settings=settings, registry=SourceRegistry.load(settings), dump=args.dump)
        return 0
    result = evaluate(args.data, split=args.split, limit=args.limit, errors=args.errors, part=part)
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

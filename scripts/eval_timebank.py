#!/usr/bin/env python
"""Measure the temporal tagger on TimeBank + AQUAINT (TimeML .tml files).

Each document's text is tagged with its document creation time (<DCT>) as the reference
(year known). Gold expressions are the inline <TIMEX3> elements of <TEXT> (the DCT timex
itself is outside <TEXT> and never counted). Printed:

- span precision / recall / F1, strict (same offsets) and lenient (any overlap);
- type accuracy and value accuracy over lenient matches;
- value precision / recall / F1: a prediction counts when it overlaps a gold expression
  (one-to-one) and has the same value;
- the same per TIMEX3 type (a prediction is counted under its own type for precision, a
  gold expression under its type for recall) and for DATE+TIME together;
- with --errors N, up to N misses, spurious predictions, wrong values and inexact spans,
  with context.

Usage:
    .venv/bin/python scripts/eval_timebank.py [--data DIR] [--subset PART] [--errors N] [--no-parse] [--json]

--subset TimeBank or --subset AQUAINT scores only the documents of that folder of the corpus.
Study errors on one part and check changes on the other, so that rules are not fitted to
every document at once.

The corpus is not part of the repository; by default it is read from
../shared/data/timebank next to the checkout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "timebank"
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    dct: dt.date
    text: str
    gold: tuple[Timex, ...]
    part: str = ""  # the corpus folder the file came from: TimeBank or AQUAINT


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_tml(path: Path) -> Document:
    """The text of <TEXT> with tags removed, its DCT, and the gold TIMEX3 offsets into it."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4})-?(\d{2})-?(\d{2})", raw)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if dct_match is None or body is None:
        raise ValueError(f"{path}: no DCT or no TEXT element")
    dct = dt.date(int(dct_match.group(1)), int(dct_match.group(2)), int(dct_match.group(3)))
    out: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    source = body.group(1)
    for m in _TAG.finditer(source):
        chunk = html.unescape(source[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    chunk = html.unescape(source[pos:])
    out.append(chunk)
    return Document(path.stem, dct, "".join(out), tuple(gold), part=path.parent.name)


def load_corpus(data: Path) -> list[Document]:
    """Every .tml under `data` once (a file name seen twice is the same document)."""
    seen: dict[str, Path] = {}
    for path in sorted(data.rglob("*.tml")):
        seen.setdefault(path.name, path)
    return [parse_tml(p) for p in seen.values()]


def canonical(value: str) -> str:
    """Spellings that mean the same TIMEX3 value compare equal (2000-W7 = 2000-W07)."""
    value = value.strip().upper()
    return re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)


@dataclass
class Tally:
    pred: int = 0
    gold: int = 0
    strict_pred: int = 0  # predictions matching a gold span exactly
    strict_gold: int = 0
    lenient_pred: int = 0
    lenient_gold: int = 0
    value_pred: int = 0
    value_gold: int = 0
    matched: int = 0
    type_ok: int = 0
    value_ok: int = 0

    @staticmethod
    def f1(tp_pred: int, pred: int, tp_gold: int, gold: int) -> tuple[float, float, float]:
        p = tp_pred / pred if pred else 0.0
        r = tp_gold / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def summary(self) -> dict[str, float]:
        sp, sr, sf = self.f1(self.strict_pred, self.pred, self.strict_gold, self.gold)
        lp, lr, lf = self.f1(self.lenient_pred, self.pred, self.lenient_gold, self.gold)
        vp, vr, vf = self.f1(self.value_pred, self.pred, self.value_gold, self.gold)
        return {
            "gold": self.gold,
            "predicted": self.pred,
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": sf,
            "lenient_p": lp,
            "lenient_r": lr,
            "lenient_f1": lf,
            "type_accuracy": self.type_ok / self.matched if self.matched else 0.0,
            "value_accuracy": self.value_ok / self.matched if self.matched else 0.0,
            "value_p": vp,
            "value_r": vr,
            "value_f1": vf,
        }


@dataclass
class Result:
    tallies: dict[str, Tally] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())

    def summary(self) -> dict[str, dict[str, float]]:
        return {name: t.summary() for name, t in self.tallies.items()}


def _groups(timex_type: str) -> list[str]:
    groups = ["ALL", timex_type]
    if timex_type in {"DATE", "TIME"}:
        groups.append("DATE+TIME")
    return groups


def _match(gold: Sequence[Timex], pred: Sequence[Timex]) -> dict[int, int]:
    """One-to-one lenient matching: largest overlaps first. Returns pred index -> gold index."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if overlap > 0:
                pairs.append((-overlap, i, j))
    pairs.sort()
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    matches: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in used_pred and j not in used_gold:
            matches[i] = j
            used_pred.add(i)
            used_gold.add(j)
    return matches


def score_document(doc: Document, pred: Sequence[Timex], result: Result) -> None:
    matches = _match(doc.gold, pred)
    gold_hit: dict[int, int] = {j: i for i, j in matches.items()}
    for p in pred:
        for group in _groups(p.type):
            result.tally(group).pred += 1
    for g in doc.gold:
        for group in _groups(g.type):
            result.tally(group).gold += 1
    for i, p in enumerate(pred):
        j = matches.get(i)
        if j is None:
            result.errors.append(f"SPURIOUS {doc.name} {doc.dct} {p.type} {p.value!r}: {_context(doc.text, p)}")
            continue
        g = doc.gold[j]
        strict = (p.start, p.end) == (g.start, g.end)
        same_value = canonical(p.value) == canonical(g.value)
        for group in _groups(p.type):
            t = result.tally(group)
            t.lenient_pred += 1
            t.strict_pred += strict
            t.value_pred += same_value
        for group in _groups(g.type):
            t = result.tally(group)
            t.lenient_gold += 1
            t.strict_gold += strict
            t.value_gold += same_value
            t.matched += 1
            t.type_ok += p.type == g.type
            t.value_ok += same_value
        if not strict:
            result.errors.append(
                f"SPAN {doc.name} {g.type} gold {doc.text[g.start : g.end]!r} / "
                f"ours {doc.text[p.start : p.end]!r}: {_context(doc.text, g)}"
            )
        if not same_value:
            result.errors.append(
                f"VALUE {doc.name} {doc.dct} "
                f"gold {g.type} {g.value!r} {doc.text[g.start : g.end]!r} / "
                f"ours {p.type} {p.value!r} {doc.text[p.start : p.end]!r}: {_context(doc.text, g)}"
            )
    for j, g in enumerate(doc.gold):
        if j not in gold_hit:
            result.errors.append(f"MISSED {doc.name} {doc.dct} {g.type} {g.value!r}: {_context(doc.text, g)}")


def _context(text: str, t: Timex, width: int = 70) -> str:
    left = text[max(0, t.start - width) : t.start].replace("\n", " ")
    right = text[t.end : t.end + width].replace("\n", " ")
    return f"...{left}[{text[t.start : t.end]}]{right}..."


def evaluate(docs: Sequence[Document], *, parse: bool = True, batch_size: int = 16) -> Result:
    """Tag every document against its DCT and score it."""
    from corroborator.config import load_settings
    from corroborator.extract.nlp import load_nlp
    from corroborator.normalise.timex import Reference, default_time_lexicon, find_time_expressions

    lexicon = default_time_lexicon()
    texts = [d.text for d in docs]
    parsed: Iterable[Doc | None]
    if parse:
        nlp = load_nlp(load_settings().nlp_model)
        parsed = nlp.pipe(texts, batch_size=batch_size)
    else:
        parsed = [None] * len(docs)
    result = Result()
    for doc, spacy_doc in zip(docs, parsed, strict=True):
        found = find_time_expressions(
            doc.text,
            reference=Reference(earliest=doc.dct),
            doc=spacy_doc,
            lexicon=lexicon,
        )
        pred = [Timex(e.span.start, e.span.end, e.timex_type.value, e.value) for e in found]
        score_document(doc, pred, result)
    return result


def format_table(summary: dict[str, dict[str, float]]) -> str:
    names = ["strict P", "R", "F1", "|", "lenient P", "R", "F1", "|", "type acc", "val acc", "|"]
    names += ["value P", "R", "F1"]
    header = f"{'type':10} {'gold':>5} {'pred':>5} | " + " ".join(n if n == "|" else f"{n:>8}" for n in names)
    lines = [header, "-" * len(header)]
    for name in ("ALL", "DATE+TIME", *TYPES):
        s = summary.get(name)
        if s is None:
            continue
        cells = [f"{name:10} {int(s['gold']):5d} {int(s['predicted']):5d} |"]
        cells += [f"{s[k]:8.3f}" for k in ("strict_p", "strict_r", "strict_f1")] + ["|"]
        cells += [f"{s[k]:8.3f}" for k in ("lenient_p", "lenient_r", "lenient_f1")] + ["|"]
        cells += [f"{s[k]:8.3f}" for k in ("type_accuracy", "value_accuracy")] + ["|"]
        cells += [f"{s[k]:8.3f}" for k in ("value_p", "value_r", "value_f1")]
        lines.append(" ".join(cells))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding the .tml files")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N errors of each kind")
    parser.add_argument("--no-parse", action="store_true", help="tag without the spaCy parse")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--only", default="", help="only documents whose name contains this")
    parser.add_argument(
        "--subset", default="", metavar="PART", help="only the documents of this corpus folder (TimeBank, AQUAINT)"
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data} is not a folder; pass --data to the TimeBank .tml files", file=sys.stderr)
        return 2
    docs = [d for d in load_corpus(args.data) if args.only in d.name and args.subset in ("", d.part)]
    result = evaluate(docs, parse=not args.no_parse)
    summary = result.summary()
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"{len(docs)} documents")
        print(format_table(summary))
    if args.errors:
        for kind in ("MISSED", "SPURIOUS", "VALUE", "SPAN"):
            chosen = [e for e in result.errors if e.startswith(kind)][: args.errors]
            print(f"\n{kind} ({sum(e.startswith(kind) for e in result.errors)} in all)")
            for line in chosen:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

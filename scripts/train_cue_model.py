#!/usr/bin/env python
"""Train the learned cue decision (`extract/attribution_model.py`) on PolNeAR's training split.

Every verb the attribution lexicon does not list is an example: a cue when a gold Cue span
of the article holds it, not one otherwise. Verbs inside a gold Content span are left out,
since PolNeAR annotates only top-level attributions and says nothing of cues nested in
another's content. Features are `cue_features`; those seen in fewer than --min-count
examples are dropped. The model is an L2-regularised logistic regression fitted with
L-BFGS; the threshold that maximises F1 over 5-fold cross-validated
probabilities is printed for reference, but the threshold written is --threshold (0.5):
a verb the model accepts still needs a source and content, so the threshold was chosen on
the whole pipeline's scores over the fifth of train that --hold-out leaves out (0.3, the
cross-validated one, gave cue overlap F1 0.742 there, 0.5 gave 0.747, the lexicon alone
0.744). The dev split was not looked at for any choice.

The output is a small JSON file of feature names and weights, no corpus text. The run is
deterministic: same corpus, same spaCy model, same file.

Usage:
    .venv/bin/python scripts/train_cue_model.py [--data DIR] [--split train] [--out FILE]
                                                [--docs CACHE.spacy]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import optimize, sparse
from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_polnear import _SAME_LENGTH, DEFAULT_DATA, Article, load_split

from corroborator.config import load_settings
from corroborator.extract import attribution_syntax as syntax
from corroborator.extract.attribution import default_lexicon
from corroborator.extract.attribution_model import RESOURCE, cue_features
from corroborator.extract.nlp import load_nlp

OUT = Path(__file__).resolve().parents[1] / "src" / "corroborator" / "resources" / RESOURCE


def parse(articles: Sequence[Article], cache: Path | None) -> list[Doc]:
    """The articles parsed; with `cache`, read from or written to that DocBin file."""
    nlp = load_nlp(load_settings().nlp_model)
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(articles):
            return docs
    texts = [a.text.translate(_SAME_LENGTH) for a in articles]
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        bin_ = DocBin(store_user_data=True)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache)
    return docs


def examples(articles: Sequence[Article], docs: Sequence[Doc]) -> tuple[list[list[str]], list[int]]:
    lexicon = default_lexicon()
    rows: list[list[str]] = []
    labels: list[int] = []
    for article, doc in zip(articles, docs, strict=True):
        cues = [f for item in article.gold["cue"] for f in item.fragments]
        contents = [f for item in article.gold["content"] for f in item.fragments]
        for token in doc:
            if token.pos_ not in syntax.VERBS or token.dep_ in ("aux", "auxpass") or lexicon.cue(token) is not None:
                continue
            if any(a <= token.idx < b for a, b in contents):
                continue
            cue = next(((a, b) for a, b in cues if a <= token.idx < b), None)
            if cue is not None:
                inside = [t for t in doc if cue[0] <= t.idx < cue[1]]
                if any(t.pos_ in syntax.VERBS and lexicon.cue(t) is not None for t in inside):
                    continue  # the lexicon already reads this cue ("has said", "said in a statement")
                if cue[0] <= token.head.idx < cue[1] and token.head is not token and token.head.pos_ in syntax.VERBS:
                    continue  # not the cue's head verb ("would spend hours reflecting on")
            rows.append(cue_features(token))
            labels.append(int(cue is not None))
    return rows, labels


def fit(x: sparse.csr_matrix, y: np.ndarray, l2: float) -> np.ndarray:
    """Weights (last one the bias) of an L2 logistic regression."""
    n, d = x.shape
    ones = sparse.csr_matrix(np.ones((n, 1)))
    xb = sparse.hstack([x, ones]).tocsr()

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xb @ w
        p = 1.0 / (1.0 + np.exp(-z))
        value = float(np.sum(np.logaddexp(0.0, z) - y * z)) + 0.5 * l2 * float(w[:-1] @ w[:-1])
        grad = xb.T @ (p - y)
        grad[:-1] += l2 * w[:-1]
        return value, grad

    result = optimize.minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return np.asarray(result.x)


def best_threshold(probabilities: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float]:
    best = (0.5, 0.0, 0.0, 0.0)
    for t in np.arange(0.2, 0.9, 0.025):
        chosen = probabilities >= t
        tp = float(np.sum(chosen & (y == 1)))
        p = tp / max(1.0, float(np.sum(chosen)))
        r = tp / max(1.0, float(np.sum(y == 1)))
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best[3]:
            best = (round(float(t), 3), p, r, f)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR directory")
    parser.add_argument("--split", default="train")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--docs", type=Path, default=None, help="cache the parses in this DocBin file")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument(
        "--threshold",
        type=float,
        default=0.5,
        help="probability from which a verb is a cue (0.5: best pipeline scores on the held-out fifth of train)",
    )
    parser.add_argument(
        "--hold-out",
        action="store_true",
        help="train without every fifth article (kept for judging options on the pipeline, not on dev)",
    )
    args = parser.parse_args(argv)
    if not (args.data / args.split).is_dir():
        print(f"no PolNeAR split at {args.data / args.split}; pass --data", file=sys.stderr)
        return 2
    articles = load_split(args.data, args.split)
    docs = parse(articles, args.docs)
    if args.hold_out:
        kept = [i for i in range(len(articles)) if i % 5 != 4]
        articles, docs = [articles[i] for i in kept], [docs[i] for i in kept]
    rows, labels = examples(articles, docs)
    counts = Counter(f for row in rows for f in set(row))
    names = sorted(f for f, c in counts.items() if c >= args.min_count)
    index = {f: i for i, f in enumerate(names)}
    data, cols, ptr = [], [], [0]
    for row in rows:
        found = sorted({index[f] for f in row if f in index})
        cols.extend(found)
        data.extend([1.0] * len(found))
        ptr.append(len(cols))
    x = sparse.csr_matrix((data, cols, ptr), shape=(len(rows), len(names)))
    y = np.asarray(labels, dtype=float)
    print(f"{len(rows)} verbs outside the lexicon, {int(y.sum())} cues; {len(names)} features")

    folds = np.arange(len(rows)) % 5
    probabilities = np.zeros(len(rows))
    for k in range(5):
        w = fit(x[folds != k], y[folds != k], args.l2)
        z = x[folds == k] @ w[:-1] + w[-1]
        probabilities[folds == k] = 1.0 / (1.0 + np.exp(-z))
    threshold, p, r, f = best_threshold(probabilities, y)
    print(f"cross-validated: threshold {threshold}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")

    w = fit(x, y, args.l2)
    weights = {name: round(float(v), 4) for name, v in zip(names, w[:-1], strict=True) if abs(v) >= 1e-3}
    model = {
        "about": "Learned cue decision for verbs outside the attribution lexicon; written by "
        "scripts/train_cue_model.py from PolNeAR train (feature names and logistic weights only).",
        "examples": len(rows),
        "cues": int(y.sum()),
        "l2": args.l2,
        "min_count": args.min_count,
        "threshold": args.threshold,
        "bias": round(float(w[-1]), 4),
        "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

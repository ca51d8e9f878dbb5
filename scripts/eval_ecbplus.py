#!/usr/bin/env python
"""Group the ECB+ dev documents by the event they describe, and score the grouping.

The corpus (ECB+, CC BY 3.0) is not part of the repository; it is read from
../shared/data/ecbplus next to the checkout: `dev_text.txt` (one token a line: doc_id,
sent_id, token_id, token) and `dev_event_gold_mentions.json`.

Gold grouping
ECB+ topics each hold documents about two similar but different events (the "ecb" and
"ecbplus" halves of a topic: two Oscar hosts announced years apart, two navy operations
against pirates). The gold event of a document is derived from the gold event mention
chains: documents that share a cross-document coreference chain (`coref_chain`)
describe the same event, and the document groups are the connected components of that
relation. On the dev split this yields 16 groups of 196 documents, exactly the two
halves of each of the 8 topics; the script prints the check.

System grouping
Each document's tokens are joined back into text (a first line that is a URL becomes
the report's URL), run through the project's normalise stage (dates, publication time)
and the extract stage's place finder (gazetteer), and grouped across all dev documents
at once, topics unknown, by the document-level mode of the linker
(`corroborator.link.documents`): TF-IDF similarity with proper names, date agreement,
place agreement, constrained average-link.

Printed: B³ and pairwise precision, recall and F1, the number of groups, how the scores
move when the threshold moves (so a reader can see how sharp the optimum is), groups
that mix events (with --errors), and the near-duplicate pairs the duplicate detector
finds among the dev documents (copies of one wire story; each should lie within one event).

Usage:
    .venv/bin/python scripts/eval_ecbplus.py [--data DIR] [--errors] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ecbplus"
SWEEP = (0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26)

# Tokens written without a space before them, and the PTB quote tokens.
_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$"})
_QUOTES = frozenset({"``", "''", '"', "\u201c", "\u201d"})
_APOSTROPHES = frozenset({"'", "\u2019"})
_CLITICS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})
_JOINERS = frozenset({"/", ":"})


@dataclass(frozen=True)
class Document:
    doc_id: str
    topic: str
    text: str
    url: str | None


def detokenise(tokens: Sequence[str]) -> str:
    """Tokens back into readable text (spaces where English writes them), so the date and
    place readers see "November 12, 2011" and "team's", not "November 12 , 2011" and
    "team ' s"."""
    out: list[str] = []
    quote_open = False
    previous = ""
    glue_next = False
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token in _QUOTES:
            token = '"'
            quote_open = not quote_open
            glue = not quote_open  # a closing quote sticks to the word before it
        elif token in _APOSTROPHES and previous[-1:].isalnum() and following.lower() in _CLITICS:
            token, glue = "'", True
            glue_next = True
            out.append(token)
            previous = token
            continue
        elif token in _JOINERS and previous[-1:].isdigit() and following[:1].isdigit():
            glue = True  # 2 / 3 / 2009, 11 : 11
            out.append(token)
            previous = token
            glue_next = True
            continue
        else:
            glue = token in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER or (previous == '"' and quote_open)
        if out and not glue and not glue_next:
            out.append(" ")
        out.append(token)
        previous = token
        glue_next = False
    return "".join(out)


def load_documents(data: Path) -> list[Document]:
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    with (data / "dev_text.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            sentences[parts[0]][int(parts[1])].append(parts[3])
    documents = []
    for doc_id, by_number in sorted(sentences.items()):
        ordered = [by_number[n] for n in sorted(by_number)]
        url = None
        if ordered and ordered[0] and ordered[0][0].lower().startswith("http"):
            url = "".join(ordered[0])
            ordered = ordered[1:]
        text = "\n\n".join(detokenise(tokens) for tokens in ordered)
        documents.append(Document(doc_id=doc_id, topic=doc_id.split("_")[0], text=text, url=url))
    return documents


def gold_groups(data: Path) -> dict[str, str]:
    """Document → gold event: connected components of documents sharing an event chain."""
    mentions = json.loads((data / "dev_event_gold_mentions.json").read_text(encoding="utf-8"))
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    docs_of_chain: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        find(mention["doc_id"])
        docs_of_chain[mention["coref_chain"]].add(mention["doc_id"])
    for docs in docs_of_chain.values():
        first, *rest = sorted(docs)
        for other in rest:
            parent[find(other)] = find(first)
    return {doc: find(doc) for doc in parent}


def extract(documents: Sequence[Document]) -> list[Any]:
    """Normalise every document and find its places: the parts of the pipeline that apply
    to general news (events, claims and frames are about conflict and stay unused)."""
    from corroborator import model
    from corroborator.config import load_settings
    from corroborator.extract.places import load_gazetteer
    from corroborator.extract.stage import Extractor, PlaceFinder
    from corroborator.normalise.stage import Normaliser

    settings = load_settings()
    normaliser = Normaliser(settings=settings)
    places = PlaceFinder(load_gazetteer(settings), settings.focus_countries)
    extractor = Extractor(settings=settings, components=[places])
    reports = [model.Report(id=d.doc_id, text=d.text, url=d.url, origin=d.doc_id) for d in documents]
    return list(extractor.pipe(normaliser.pipe(reports)))


# --------------------------------------------------------------------------- scores


def b_cubed(predicted: Iterable[Sequence[str]], gold: Mapping[str, str]) -> dict[str, float]:
    cluster_of = {item: frozenset(group) for group in predicted for item in group}
    members: dict[str, set[str]] = defaultdict(set)
    for item, key in gold.items():
        members[key].add(item)
    items = list(gold)
    precision = sum(len(cluster_of[i] & members[gold[i]]) / len(cluster_of[i]) for i in items) / len(items)
    recall = sum(len(cluster_of[i] & members[gold[i]]) / len(members[gold[i]]) for i in items) / len(items)
    return _prf(precision, recall)


def pairwise(predicted: Iterable[Sequence[str]], gold: Mapping[str, str]) -> dict[str, float]:
    groups = [list(g) for g in predicted]
    predicted_pairs = sum(len(g) * (len(g) - 1) // 2 for g in groups)
    correct = sum(1 for g in groups for i, a in enumerate(g) for b in g[i + 1 :] if gold[a] == gold[b])
    sizes: dict[str, int] = defaultdict(int)
    for key in gold.values():
        sizes[key] += 1
    gold_pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    return _prf(correct / predicted_pairs if predicted_pairs else 0.0, correct / gold_pairs if gold_pairs else 0.0)


def _prf(precision: float, recall: float) -> dict[str, float]:
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


# --------------------------------------------------------------------------- evaluation


def evaluate(data: Path, *, reports: Sequence[Any] | None = None) -> dict[str, Any]:
    """Scores of the document grouping on the dev split (extracting unless given reports)."""
    from corroborator.config import load_settings
    from corroborator.extract.places import load_gazetteer
    from corroborator.link.documents import DocumentLinker, DocumentSettings
    from corroborator.link.duplicates import DuplicateFinder

    gold = gold_groups(data)
    if reports is None:
        reports = extract(load_documents(data))
    reports = [r for r in reports if r.id in gold]
    gazetteer = load_gazetteer(load_settings())
    defaults = DocumentSettings()
    predicted = DocumentLinker(gazetteer=gazetteer, settings=defaults).group(reports)
    sweep = {}
    for threshold in SWEEP:
        groups = DocumentLinker(gazetteer=gazetteer, settings=replace(defaults, threshold=threshold)).group(reports)
        sweep[f"{threshold:.2f}"] = b_cubed(groups, gold)["f1"]
    duplicates = DuplicateFinder().groups(reports)
    across = [g for g in duplicates if len({gold[g.original], *(gold[c] for c in g.copies)}) > 1]
    topics = {doc.split("_")[0] for doc in gold}
    return {
        "documents": len(reports),
        "gold_groups": len(set(gold.values())),
        "topics": len(topics),
        "groups": len(predicted),
        "threshold": defaults.threshold,
        "b3": b_cubed(predicted, gold),
        "pairwise": pairwise(predicted, gold),
        "b3_f1_by_threshold": sweep,
        "duplicate_groups": [[g.original, *g.copies] for g in duplicates],
        "duplicate_groups_across_events": len(across),
        "mixed_groups": [
            {"documents": list(g), "events": sorted({gold[d] for d in g})}
            for g in predicted
            if len({gold[d] for d in g}) > 1
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", action="store_true", help="list the groups that mix events")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if not (args.data / "dev_text.txt").is_file():
        print(f"ECB+ dev data not found in {args.data}", file=sys.stderr)
        return 2
    result = evaluate(args.data)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"ECB+ dev: {result['documents']} documents, {result['topics']} topics, "
        f"{result['gold_groups']} gold event groups (from the event chains)"
    )
    print(f"grouped into {result['groups']} groups at threshold {result['threshold']}")
    for name in ("b3", "pairwise"):
        s = result[name]
        print(f"  {name:<8} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    sweep = "  ".join(f"{t}: {f:.3f}" for t, f in result["b3_f1_by_threshold"].items())
    print(f"B3 F1 by threshold: {sweep}")
    print(
        f"near-duplicate groups among the documents: {len(result['duplicate_groups'])}, "
        f"spanning two events: {result['duplicate_groups_across_events']}"
    )
    for group in result["duplicate_groups"]:
        print(f"  copies: {', '.join(group)}")
    if args.errors:
        for mixed in result["mixed_groups"]:
            print(f"mixed group ({len(mixed['documents'])} documents, events {mixed['events']}):")
            print("  " + ", ".join(mixed["documents"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

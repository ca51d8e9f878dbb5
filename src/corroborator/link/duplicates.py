"""Near-duplicate reports: one wire story republished, lightly rewritten or trimmed by
several outlets.

Such copies are one origin, not several witnesses: the reconciler counts the claims of a
group once (see `reconcile/origins.py`). They are found the way web-scale near-duplicate
detection does it (Broder's shingling): every report becomes the set of its word 4-grams
("shingles") over the lower-cased body text; MinHash signatures and locality-sensitive
hashing (`datasketch`) propose candidate pairs without comparing every report with every
other, so the cost grows with the number of reports, not its square; each candidate is
then verified on the exact shingle sets.

Thresholds, and why
- Shingles of 4 words: a rewrite that changes one word breaks only the four shingles that
  hold it, while independently written sentences rarely share four words in a row outside
  quotations and set phrases.
- A pair is a near-duplicate when the Jaccard similarity of the shingle sets is at least
  `min_jaccard` (0.5: at least two thirds of each text's shingles are shared when the two
  are of similar length, so a light rewrite or a changed headline and dateline stays in,
  while two reports that merely quote the same statement share a small fraction), or when
  the shorter text is at least `min_containment` (0.8) inside the longer one and is at
  least `min_length_ratio` (half) of its length: a copy trimmed by an outlet. The length
  condition keeps a long article that quotes a short post in full from being called a copy
  of the post; the article cites the post, and the citation is handled as attribution.
- Texts shorter than `min_shingles` shingles are too short for overlap to mean copying
  ("Air raid alert in the Kyiv region"): they are duplicates only when identical.
- The LSH index proposes pairs whose estimated Jaccard similarity reaches 0.3, below both
  rules (a trimmed copy at the containment and length limits has a Jaccard similarity of
  about 0.36), so the candidates hold what the exact check accepts.

On ECB+ (`scripts/eval_ecbplus.py` prints it), the pairs these rules accept are all
within one event, and all visibly the same wire text; documents that describe the same
event in their own words stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from corroborator import model

_WORD = re.compile(r"\w+")
#: Paragraph roles that differ between outlets carrying the same story.
_OUTLET_FURNITURE = frozenset({model.ParagraphRole.DATELINE, model.ParagraphRole.BYLINE, model.ParagraphRole.CREDIT})


@dataclass(frozen=True, kw_only=True)
class DuplicateSettings:
    """The near-duplicate rule; the module docstring says why each value."""

    shingle_words: int = 4
    min_jaccard: float = 0.5
    min_containment: float = 0.8
    min_length_ratio: float = 0.5
    min_shingles: int = 8
    candidate_jaccard: float = 0.3
    num_perm: int = 128
    seed: int = 1


@dataclass(frozen=True)
class DuplicatePair:
    """Two reports judged copies of one story, with the overlap that decided it."""

    first: str
    second: str
    jaccard: float
    containment: float


def shingles(text: str, *, size: int) -> frozenset[str]:
    """The word n-grams of a text, lower-cased, punctuation ignored."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def story_text(report: model.NormalisedReport) -> str:
    """The words two outlets carrying one story share: the text without datelines,
    bylines and credits, which each outlet writes its own way."""
    kept = [report.text[p.start : p.end] for p in report.paragraphs if p.role not in _OUTLET_FURNITURE]
    return "\n".join(kept) if kept else report.text


class DuplicateFinder:
    """Reports → groups of near-duplicates (MinHash LSH candidates, verified exactly)."""

    def __init__(self, *, settings: DuplicateSettings | None = None) -> None:
        self.settings = settings or DuplicateSettings()

    def pairs(self, texts: Sequence[tuple[str, str]]) -> list[DuplicatePair]:
        """Near-duplicate pairs among (id, text) items, in input order of their first member."""
        cfg = self.settings
        sets = [shingles(text, size=cfg.shingle_words) for _, text in texts]
        lsh = MinHashLSH(threshold=cfg.candidate_jaccard, num_perm=cfg.num_perm)
        # The random permutations are the same for every signature; drawing them once
        # (copies of an empty template share them) instead of per report is most of the
        # cost of a signature.
        empty = MinHash(num_perm=cfg.num_perm, seed=cfg.seed)
        found: list[DuplicatePair] = []
        seen: set[tuple[int, int]] = set()
        for index, shingle_set in enumerate(sets):
            if not shingle_set:
                continue
            signature = empty.copy()
            signature.update_batch([s.encode("utf-8") for s in shingle_set])
            for other in lsh.query(signature):
                pair = (int(other), index)
                if pair in seen:
                    continue
                seen.add(pair)
                judged = self._judge(sets[pair[0]], shingle_set)
                if judged is not None:
                    found.append(DuplicatePair(texts[pair[0]][0], texts[index][0], *judged))
            lsh.insert(str(index), signature)
        return found

    def _judge(self, a: frozenset[str], b: frozenset[str]) -> tuple[float, float] | None:
        """(Jaccard, containment) when the exact sets meet the rule, else None."""
        cfg = self.settings
        shorter, longer = sorted((len(a), len(b)))
        if shorter < cfg.min_shingles:
            return (1.0, 1.0) if a == b else None
        common = len(a & b)
        jaccard = common / (len(a) + len(b) - common)
        containment = common / shorter
        trimmed = containment >= cfg.min_containment and shorter >= cfg.min_length_ratio * longer
        if jaccard >= cfg.min_jaccard or trimmed:
            return jaccard, containment
        return None

    def groups(self, reports: Sequence[model.ExtractedReport]) -> list[model.DuplicateGroup]:
        """Connected groups of near-duplicate reports, each with its original.

        A group is connected through its pairs (a copy of a copy belongs with the
        original). The original is the earliest published report, then the longest (the
        fullest version of the story), then the smallest id, so the choice is stable.
        """
        texts = [(r.id, story_text(r.normalised)) for r in reports]
        parent = {r.id: r.id for r in reports}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for pair in self.pairs(texts):
            a, b = find(pair.first), find(pair.second)
            if a != b:
                parent[max(a, b)] = min(a, b)
        members: dict[str, list[model.ExtractedReport]] = {}
        for report in reports:
            members.setdefault(find(report.id), []).append(report)
        result = []
        for group in members.values():
            if len(group) < 2:
                continue
            ordered = sorted(group, key=_original_first)
            result.append(model.DuplicateGroup(original=ordered[0].id, copies=tuple(sorted(r.id for r in ordered[1:]))))
        result.sort(key=lambda g: g.original)
        return result


def _original_first(report: model.ExtractedReport) -> tuple[str, int, str]:
    publication = report.normalised.publication
    day = publication.declared or publication.reference
    # Undated reports sort after dated ones: a copy that lost its date is not the original.
    when = day.isoformat() if day is not None else "9999-99-99"
    return (when, -len(report.normalised.text), report.id)

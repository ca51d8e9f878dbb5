"""An attribution being assembled: what the cue readers find and the finder completes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from corroborator.model import Source, Stance

DraftKind = Literal["verb", "according", "adverb", "noun", "continuation"]


@dataclass
class Draft:
    """An attribution being assembled; character offsets into the report text."""

    kind: DraftKind
    cue: tuple[int, int] | None
    content: tuple[int, int]
    stance: Stance
    source_span: tuple[int, int] | None = None
    description: SpacySpan | None = None  # the words to resolve the source from
    unnamed: str | None = None  # no source named ("it is claimed"): the words standing in
    hedges: list[str] = field(default_factory=list)
    medium: str | None = None
    via_spans: list[SpacySpan] = field(default_factory=list)
    citing: SpacySpan | None = None  # "X, citing Y, said": Y is the source, X a relay
    cue_token: Token | None = None
    parent: Draft | None = None
    source: Source | None = None
    via: tuple[Source, ...] = ()
    quote: bool = False

    @property
    def anchor(self) -> int:
        """Where the attribution is made: the source, else the cue, else the content."""
        candidates = [s[0] for s in (self.source_span, self.cue) if s is not None]
        return min(candidates) if candidates else self.content[0]

    def content_contains(self, start: int, end: int) -> bool:
        return self.content[0] <= start and end <= self.content[1]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def same_source(a: Draft, b: Draft) -> bool:
    return a.source is not None and b.source is not None and a.source.key == b.source.key

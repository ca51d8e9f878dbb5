"""The extract stage's working document and its component protocol.

Like spaCy's `Doc` travelling through `nlp.pipeline`, one `Workspace` per report travels
through the extract components; each component reads the fields it `requires` and fills
the fields it `assigns`. `check_order` runs when the extractor is built, so a component
list that reads a field before anything fills it fails at construction, not halfway
through a batch. The stage's output is the frozen `model.ExtractedReport`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

from spacy.tokens import Doc, Span, Token

from corroborator import model
from corroborator.errors import PipelineError

#: Fields the workspace starts with, before any component runs.
INITIAL_FIELDS = frozenset({"doc", "report", "times"})


@dataclass(frozen=True)
class WeaponHit:
    """A weapon named in the text: tokens [start, end) and its lexicon entry code."""

    start: int
    end: int
    code: str
    category: str
    name: str
    #: The token the parse hangs the weapon on, when it is not the last ("attack UAVs of type
    #: Shahed": the UAVs).
    head: int | None = None

    @property
    def root(self) -> int:
        return self.end - 1 if self.head is None else self.head


@dataclass(frozen=True)
class EventHit:
    """An event mention plus what framing needs to know about its tokens."""

    mention: model.EventMention
    token: int
    end: int
    family: str
    event_class: str
    another: bool = False
    #: Its subject is another weapon ("another drone hit the plant"), or it is an attack noun
    #: brought in with "a" as its clause's subject ("A strike on the gas plant cut power"):
    #: another attack unless it hit where an earlier one did, not necessarily a new topic (see
    #: frames).
    new_unless_same_spot: bool = False
    anaphoric: bool = False
    #: A negated mention of one past occasion ("did not strike the hospital"), not a policy
    #: ("we do not attack civilians") or a hypothesis: a denial framing may give its own frame.
    denial: bool = False
    weapon_category: str | None = None
    #: The event word itself names armed violence ("shelling"), see `TriggerEntry.armed`.
    armed: bool = False
    #: Told as an armed party's act ("Russian troops launched an attack", "the army said it
    #: struck"): a physical event, not a metaphor, whatever it is typed as.
    by_armed: bool = False
    #: Told as an assault on the ground: an ambush, or an attack whose agent is irregular armed
    #: men ("gunmen attacked the village"). Frames type it by its target when no weapon is told.
    ground: bool = False


@dataclass(frozen=True)
class Finding:
    """A value for one attribute, found in tokens [start, end), before it becomes a Claim.

    `event_token` ties it to the event mention it describes when the parse says so;
    otherwise framing assigns it by position. `negated` marks a value stated in the
    negative ("does not attack", "denied involvement" is a stance, not this).
    """

    attribute: model.Attribute
    value: model.Quantity | model.Label | model.TimeValue | model.PlaceValue
    start: int
    end: int
    event_token: int | None = None
    negated: bool = False
    note: str | None = None
    weapon: str | None = None
    #: A count that is "all of those already counted" ("the devices were disabled"):
    #: framing replaces it with the frame's earlier count, or drops it.
    anaphoric: bool = False
    #: The words say the count changed ("the toll rose to five", "three are now known to
    #: have died"): lower counts given before are superseded, not contradicted.
    revised: bool = False


@dataclass
class Workspace:
    """Everything known about one report while the extract components run."""

    doc: Doc
    report: model.NormalisedReport
    times: list[model.TimeExpression]
    places: list[model.PlaceMention] = field(default_factory=list)
    attributions: list[model.Attribution] = field(default_factory=list)
    weapons: list[WeaponHit] = field(default_factory=list)
    events: list[EventHit] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    frames: list[model.Frame] = field(default_factory=list)
    finding_frames: dict[int, str] = field(default_factory=dict)
    claims: list[model.Claim] = field(default_factory=list)

    @property
    def report_id(self) -> str:
        return self.report.report.id

    def weapon_kinds(self) -> dict[str, str]:
        """The kind ('drone', 'missile') of each weapon code the report names."""
        return {w.code: w.category for w in self.weapons}

    def span(self, start_token: int, end_token: int) -> model.Span:
        """Evidence for tokens [start, end): character offsets into the normalised text."""
        tokens = self.doc[start_token:end_token]
        return self.report.span(tokens.start_char, tokens.end_char)

    def char_span(self, span: model.Span) -> Span | None:
        """The spaCy span covering a model span (expanded to token boundaries)."""
        return self.doc.char_span(span.start, span.end, alignment_mode="expand")

    def token_at(self, offset: int) -> Token:
        for token in self.doc:
            if token.idx <= offset < token.idx + len(token.text) + 1:
                return token
        return self.doc[-1]

    def result(self) -> model.ExtractedReport:
        return model.ExtractedReport(
            normalised=self.report,
            places=tuple(self.places),
            attributions=tuple(self.attributions),
            events=tuple(hit.mention for hit in self.events),
            frames=tuple(self.frames),
            claims=tuple(self.claims),
        )


class Component(Protocol):
    """One step of the extract stage."""

    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    assigns: ClassVar[frozenset[str]]

    def __call__(self, ws: Workspace) -> None: ...


def check_order(components: Sequence[Component]) -> None:
    """Fail fast when a component needs a field that no earlier component fills."""
    available = set(INITIAL_FIELDS)
    for component in components:
        missing = component.requires - available
        if missing:
            raise PipelineError(
                f"extract component {component.name!r} requires {', '.join(sorted(missing))}, "
                f"which no earlier component assigns; reorder the components"
            )
        available |= component.assigns
